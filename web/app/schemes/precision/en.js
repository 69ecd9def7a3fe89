// Precision (float16, bfloat16): the figure's English text (loaded only for an English figure).
export default {
  view: 'precision (float16, bfloat16)',
  title: 'Precision: what float16 and bfloat16 do to positions',
  bodyHtml:
    '<p>Models train in 16-bit formats, and a position encoding is where that bites first. <strong>bfloat16</strong> has 8 significant bits: it holds every integer only up to 256 (then steps of 2, …, 16 between 2048 and 4096, 512 from 65,536). <strong>float16</strong> has 11: integers up to 2048, steps of 4 from 4096, and nothing above 65,504. A position id or an angle stored in one of them is rounded, and neighbouring positions can end up with <em>the same</em> vector.</p><p>Pick which quantity is held in the low format; everything else is exact (float64). Colour: the larger of the sine and cosine errors of each pair, on a log scale.</p>',
  encoding: 'encoding',
  sinusoidal: 'sinusoidal, d_model 128',
  rope: 'RoPE, head 128, θ 10⁴',
  ropeLong: 'RoPE, head 128, θ 5·10⁵',
  format: 'format',
  stage: 'held in the format',
  positions: 'position ids',
  frequencies: 'frequencies ω (inv_freq)',
  angles: 'angles p·ω',
  outputs: 'outputs sin, cos',
  range: 'positions',
  heatTitle: 'Error per position and pair',
  heatHowto:
    'Drag to pan, wheel or pinch to zoom, double-click to reset; keys: + and − zoom, ← and → pan, 0 resets. Tap or hover for one cell.',
  pairAxis: 'pair i',
  positionAxis: 'position',
  colourLow: 'error ≤ 10⁻⁸',
  colourHigh: '2 (sin and cos both wrong)',
  sampled:
    'Positions {first} … {last}: each pixel column covers {per} positions and shows the largest error of {samples} evenly spaced ones.',
  exact: 'Positions {first} … {last}: every position is drawn.',
  cell: 'Position {position}, pair {pair} (ω = {omega}): error {error}.',
  summary:
    'Among positions {first} … {last}: largest error {max}; first error above 10⁻³ at {bad}; {distinct} different vectors for {count} positions.',
  summaryCapped:
    ' (Counted over the first {count} positions of the window: the engine’s cap is {cap} values.)',
  none: 'none',
  collapseTitle: 'Positions that share one vector',
  collapseNone: 'No two positions in this range share a vector.',
  collapseLead: '{groups} vectors are shared by two or more positions. The first:',
  group: '{list} ({size} positions)',
  collapseMarks: 'Red ticks above the heatmap mark these groups.',
  stepsTitle: 'One pair’s angle in each format',
  stepsNote:
    'The angle p·ω of pair {pair} (ω = {omega}) held in each format: dots are the rounding error |round(p·ω) − p·ω|, lines half the format’s spacing, the largest error rounding can make. The error grows with the angle, step by step; exact values (error 0) are not drawn. float16 stops at 65,504: beyond it the angle is infinite.',
  pair: 'pair',
  angleError: 'angle error (radians)',
  frameworksTitle: 'What the frameworks do about it',
  idsTitle: 'Keep position ids integer',
  idsNote:
    'Position ids are int64 until the angle is formed. Cast to bfloat16, 4,096 positions leave {bf16} different vectors ({fp16} in float16): the sawtooth is round(p) − p.',
  invTitle: 'inv_freq and the tables in float32, autocast off',
  invNote:
    'Hugging Face computes inv_freq @ position_ids in float32 inside torch.autocast(enabled=False): “Force float32 since bfloat16 loses precision on long contexts” (transformers PR 29285). With inv_freq in bfloat16, RoPE’s outputs at position 4095 are off by up to {max}; in float32 by {f32}.',
  bigTitle: 'float64 for very large positions',
  bigNote:
    'float32 is not enough forever: its spacing near 10⁶ is 0.0625, so an angle p·ω formed in float32 is off by up to {max} rad by position 10⁶ (largest over the pairs, sampled). Forming p·ω in float64, as this engine does, or keeping positions small avoids it.',
  maxOverPairs: 'largest error over the pairs',
  idError: 'round(p) − p',
};
