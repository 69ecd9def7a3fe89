// The model atlas: the figure's English text (loaded only for an English figure).
export default {
  view: 'Model atlas',
  title: 'Model atlas: a model’s positions, layer by layer',
  bodyHtml:
    '<p>A real model rarely uses one RoPE for every layer. Gemma 3 gives its sliding-window layers θ 10⁴ and its global layers θ 10⁶; Llama 4, SmolLM3 and Command R7B leave some layers without any rotation (NoPE); Qwen3.5 interleaves linear-attention layers with none; DeepSeek-V3 rotates only the last 64 of a query’s 192 dimensions, in interleaved pairs. Pick a published config, or paste one: the engine reads it as Hugging Face transformers reads it, layer type by layer type, and the figures show what an engine must compute for that model.</p>',
  preset: 'model',
  custom: 'pasted config',
  pasteLabel: 'Or paste a model’s config.json',
  read: 'Read this config',
  source: 'Config as published, from',
  sourcePasted: 'Config: the one pasted below.',
  loading: 'Loading the config…',
  summary: '{layers} layers; layer types: {types}; max_position_embeddings {mpe}.',
  warningsTitle: 'Warnings from the reading',
  trapsTitle: 'What your engine must get right for this model',
  noTraps: 'Nothing beyond plain RoPE on every layer.',
  seeFigure: '(figure)',
  stripTitle: 'Layer strip: each layer’s attention and RoPE',
  layer: 'layer {index}',
  attention_full: 'full attention',
  attention_sliding: 'sliding window',
  attention_chunked: 'chunked attention',
  attention_linear: 'linear attention',
  window: ' ({window} positions)',
  ropeOf: 'RoPE θ {theta}, {type}',
  nope: 'no RoPE',
  headTitle: 'The head: which dimensions rotate, in which pairs',
  headOf: '{types}: a head of {head} dimensions (queries and keys)',
  rotated: 'rotated {dims}',
  qRope: 'q_rope {dims}, rotated',
  qNope: 'q_nope {dims}, not rotated',
  passThrough: 'not rotated {dims}',
  zeroPairs: 'frequency 0: {dims} dimensions',
  pairsHalf:
    'Pairs (i, i + {half}): dimension 0 turns with {half}, 1 with {next}, … (rotate_half: GPT-NeoX, Llama, Hugging Face).',
  pairsInterleaved:
    'Pairs (2i, 2i + 1): dimension 0 turns with 1, 2 with 3, … (interleaved: GPT-J, Meta’s complex numbers).',
  noRope: 'No layer of this model rotates its queries and keys.',
  typesTitle: 'Per layer type: wavelengths, unseen angles, q·k',
  typesNote:
    'Each layer type that rotates, side by side. A sliding or chunked layer never looks farther back than its window, in training or after, so its figures stop there.',
  noLength:
    'The reading gives no max_position_embeddings: these figures take {length} positions as the training length, a stand-in.',
  wavelengthTitle: 'Wavelength per pair against the training length',
  angleTitle: 'Angles never seen in training',
  scoresTitle: 'q·k against distance',
  wavelengthNote:
    'Pairs whose wavelength is longer than the training length ({train}) never turned once in training. {bands}',
  angleNote: '{scaled} pairs would reach angles never seen within {train} positions by {target}.',
  scoresNote:
    'q = k = (1, …, 1), q·k after rotation over its value at distance 0, out to {distance}{capped}; each pixel is the mean over the distances it covers.',
  scoresCapped: ' (this figure’s share of the engine’s work per frame; the layer reaches {target})',
  scoresMissing: 'q·k for rope type {type} is not drawn: {reason}',
  temperatureTitle: 'Query temperature against position',
  temperatureNone: 'This model does not scale its queries with position.',
  temperatureNote:
    'On the layers without RoPE ({types}) the query is multiplied by log(⌊(p + 1) / {floor}⌋ + 1) · {attn} + 1: a step every {floor} positions, {at} at position {last}.',
  position: 'position p',
  queryFactor: 'query factor',
  windowLine: 'window',
  trap_theta:
    'θ differs by layer type ({list}): one θ for all {total} layers is wrong on some of them (Gemma 3’s local θ bug).',
  trap_scalingSome: '{type} scaling applies to the {name} layers only ({n} of {total}), not to every layer.',
  trap_nope: '{n} of {total} layers have no RoPE: rotating them changes the model.',
  trap_linear: '{n} of {total} layers are linear attention, with no RoPE at all.',
  trap_window: '{name} layers attend to a window of {window} positions: mask and cache per layer type.',
  trap_chunked: '{name} layers attend within chunks of {window} positions (chunked attention).',
  trap_slice:
    'The last {r} of {h} query and key dimensions rotate (q_nope {nope}, then q_rope {r}), not the first.',
  trap_pairing:
    'Pairs are (2i, 2i + 1), not (i, i + d/2): a rotate_half kernel needs the q and k weights permuted first.',
  trap_partial: 'Only {r} of {h} dimensions rotate (partial rotary); the rest pass through.',
  trap_zero:
    '{name}: {z} of {pairs} pairs have frequency 0 (proportional: the exponent runs over the whole head of {h}); dividing over the rotated part only is wrong.',
  trap_attentionScaling: '{name}: cos and sin are multiplied by {s} ({type}), so every logit by its square.',
  trap_truncate:
    '{name}: YaRN with truncate false keeps the ramp’s ends unrounded, as OpenAI’s code does; transformers v4.53.0 and engines that ignore truncate round them and get other frequencies.',
  trap_betas:
    'YaRN with beta_fast = beta_slow ({beta}): the ramp collapses to a step, which the library computes (it adds 0.001); do not refuse it.',
  trap_llamaStep:
    'Llama 3 scaling with low_freq_factor = high_freq_factor ({f}): no band between, a clean step; do not refuse it.',
  trap_longrope:
    'LongRoPE: short_factor up to {from} positions, long_factor beyond: the frequencies change with the sequence length.',
  trap_deepseekYarn:
    'DeepSeek’s own inference code applies YaRN (and mscale² on the softmax scale) only when max_seq_len > {from}; transformers always does.',
  trap_temperature:
    'Layers without RoPE scale the query with position (a step every {floor}); transformers defaults attn_temperature_tuning to true, Meta’s args.py and vLLM at max_model_len ≤ 32768 leave it off.',
  trap_warnings: 'The reading’s warnings ({n}): keys the class ignores, values from class defaults.',
  // The long-context figures' words (rope-figures.js).
  wavelength: 'wavelength (positions)',
  pair: 'pair i',
  defaultFreq: 'default',
  scaled: 'this layer type',
  trainLine: 'training length',
  targetLine: 'new length',
  bandsYarn:
    'YaRN: pairs below {low} keep their frequency, pairs above {high} are divided by the factor, the ramp blends those between.',
  bandsLlama:
    'Llama 3: wavelengths below {low} keep their frequency, above {high} are divided by the factor, blended between.',
  angle: 'angle (radians)',
  trainAngle: 'largest angle in training',
  plainAngle: 'at the new length, no scaling',
  scaledAngle: 'at the new length, this layer type',
  unseen: 'angles never seen in training',
  distance: 'distance m − n',
  score: 'q·k / q·k(0)',
};
