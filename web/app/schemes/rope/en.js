// The rope figure's English text (loaded only for a figure in that language; index.js draws it).
export default {
  title: 'Rotary position embedding (RoPE)',
  bodyHtml:
    '<p><strong>Nothing is added to the input.</strong> The sinusoidal encoding adds PE(pos) to each token’s embedding once, before the first layer. RoPE instead rotates the query and the key inside every attention layer: q(m) = R(m·θ)·W<sub>q</sub>x, k(n) = R(n·θ)·W<sub>k</sub>x, pair by pair, with θ<sub>i</sub> = theta<sup>−2i/r</sup>. A rotation of q by mθ and of k by nθ leaves q·k depending on m − n only.</p><p>Llama, Qwen, Mistral, Gemma, DeepSeek and GPT-NeoX use it. Real code disagrees on <em>which</em> dimensions form a pair, and ported weights must follow.</p>',
  headDim: 'head dimension',
  theta: 'theta',
  rotary: 'rotated dimensions',
  pairing: 'pairing (the q·k figure)',
  halfName: 'half',
  interleavedName: 'interleaved',
  position: 'query position m',
  pairsTitle: 'Which dimensions rotate together',
  shown: 'Drawn for a 16-dimensional head (same colour, same pair; grey: not rotated).',
  half: 'half: (i, i + r/2)',
  interleaved: 'interleaved: (2i, 2i + 1)',
  who: 'Half pairing: GPT-NeoX, Llama, Hugging Face (rotate_half). Interleaved: GPT-J, RoFormer, Meta’s complex-number code.',
  permute:
    'Porting weights from interleaved to half pairing: rows of W_q and W_k move so that new[i] = old[2i] and new[i + {h}] = old[2i + 1] for i < {h}. Dimensions {r} to {last} are not rotated (partial rotary) and stay where they are.',
  permuteFull:
    'Porting weights from interleaved to half pairing: rows of W_q and W_k move so that new[i] = old[2i] and new[i + {h}] = old[2i + 1] for i < {h}.',
  clocksTitle: 'Each pair is a clock',
  clocksNote:
    'Pairs 0 to {count} at m = {m}: q’s hand (solid) at m·θ_i, k’s hand (light) at (m − 3)·θ_i. The angle between them, 3·θ_i, is the same at every m: that is why only the distance matters. Fast pairs turn many times between positions; slow ones barely move.',
  scoresTitle: 'q·k depends only on the distance',
  scoresNote:
    'q·k for a fixed example q and k, key at p and query at p + distance, rotated by the engine at p = 0 and at p = {p}: the two curves lie on each other (largest difference {diff}). The engine’s own check of the closed form at four absolute positions up to 10⁶: {check}.',
  at0: 'key at p = 0',
  atP: 'key at p = {p}',
  decayTitle: 'Long-term decay',
  decayNote:
    'For q = k = (1, …, 1), q·k = 2·Σ cos(d·θ_i) + (the unrotated dimensions), shown divided by the head dimension, shrinks with ripples as the distance d grows: distant tokens interact less, a prior RoPE builds in.',
  distance: 'distance m − n',
  score: 'q·k',
  tableTitle: 'The cos table Hugging Face builds, out to a million positions',
  tablePositions: 'positions',
  tableNote:
    'Positions 0 … {last} down, the {rotary} table columns across (cat(freqs, freqs): each pair twice). Drawn by the engine at the canvas’s resolution: each pixel is the exact mean of the {per} positions it covers (a closed form, no positions × {rotary} table), so fast pairs average to grey and only the slow pairs keep their bands.',
};
