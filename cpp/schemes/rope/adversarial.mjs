// @ts-check
// RoPE's part of the adversarial round (tests/reliability/adversarial.mjs globs every folder's file):
// the names its PEErrors may give, its functions' "nearly right" options, and each at its caps.

/** The parameter names RoPE's functions may name in a PEError (ropeFrequencies' scaling: the config's keys). */
export const callerNames = [
  'headDim',
  'theta',
  'rotaryDim',
  'pairing',
  'vectors',
  'q',
  'k',
  'maxDistance',
  'part',
  'scaling',
  'maxPositions',
  'originalMaxPositions',
  'sequenceLength',
  'rope_type',
  'rope_theta',
  'factor',
  'original_max_position_embeddings',
  'beta_fast',
  'beta_slow',
  'mscale',
  'mscale_all_dim',
  'attention_factor',
  'truncate',
  'low_freq_factor',
  'high_freq_factor',
  'short_factor',
  'long_factor',
  'type',
];

export const NUMBERS = [0, -1, 0.5, 1, 2, 4, 8, 32, 1e9, 1e300, 4096, 32768, 2.5];

/**
 * A config's rope_scaling, nearly right: a type (or a misspelt one) and some of its keys.
 * @param {import('../../../tests/reliability/adversarial.mjs').Fuzz} r
 */
export function ropeScaling({ one, random }) {
  const types = ['default', 'linear', 'ntk', 'dynamic', 'yarn', 'llama3', 'longrope', 'su', 'yarm', ''];
  const out = { [one(['rope_type', 'type'])]: one(types) };
  for (const key of [
    'factor',
    'original_max_position_embeddings',
    'beta_fast',
    'beta_slow',
    'mscale',
    'low_freq_factor',
    'high_freq_factor',
    'attention_factor',
  ]) {
    if (random() < 0.4) out[key] = one(NUMBERS);
  }
  if (random() < 0.3) out.short_factor = Array.from({ length: one([0, 1, 32, 64]) }, () => one(NUMBERS));
  if (random() < 0.3) out.long_factor = Array.from({ length: one([0, 1, 32, 64]) }, () => one(NUMBERS));
  return out;
}

/** @param {import('../../../tests/reliability/adversarial.mjs').Fuzz} r */
const headDim = ({ one }) => ({ headDim: one([2, 7, 64, 96, 128, 4096, 5000]) });

/** @type {Record<string, (r: import('../../../tests/reliability/adversarial.mjs').Fuzz) => unknown>} */
export const nearly = {
  ropeFrequencies: (r) =>
    r.random() < 0.7
      ? {
          headDim: r.one([2, 4, 64, 128]),
          maxPositions: r.one(NUMBERS),
          sequenceLength: r.one(NUMBERS),
          scaling: ropeScaling(r),
        }
      : headDim(r),
  ropeApply: headDim,
  ropeScores: headDim,
  ropeTables: headDim,
  renderRopeTable: headDim,
};

/** @param {import('../../../web/pe.js').PE} pe */
export const atCaps = (pe, L = pe.limits) => ({
  ropeApply: () =>
    pe.ropeApply(new Float32Array(L.maxRopeValues), {
      headDim: 4096,
      start: L.maxPosition - L.maxRopeValues / 4096,
    }),
  ropeScores: () =>
    pe.ropeScores(new Float32Array(4096).fill(1), new Float32Array(4096).fill(1), {
      headDim: 4096,
      maxDistance: L.maxDotWork / 2048 - 1,
    }),
  ropeTables: () => pe.ropeTables({ headDim: 128, positions: L.maxElements / 256 }),
  renderRopeTable: () =>
    pe.renderRopeTable(
      { headDim: 4096, start: 0, positions: L.maxPosition },
      { width: 4096, height: L.maxRopeRenderWork / 2048 },
    ),
});
