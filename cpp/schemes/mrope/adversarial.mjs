// @ts-check
// Multimodal RoPE's part of the adversarial round (tests/reliability/adversarial.mjs globs every
// folder's file).

/** The parameter names mrope's functions may name in a PEError (ropeFromConfig: the config's mrope keys). */
export const callerNames = [
  'segments',
  'text',
  'model',
  'spatialMergeSize',
  'tokensPerSecond',
  'revision',
  'headDim',
  'mropeSection',
  'interleaved',
  'mrope_section',
  'mrope_interleaved',
];

/** @type {Record<string, (r: import('../../../tests/reliability/adversarial.mjs').Fuzz) => unknown>} */
export const nearly = {
  mropePositionIds: ({ one }) => {
    const side = () => one([1, 2, 4, 5, 28, 8192, 8193, 0, 2.5, NaN]);
    const segment = () =>
      one([
        { text: one([0, 1, 5, -1, 2 ** 20, 2.5]) },
        { image: [side(), side(), side()] },
        {
          video: [side(), side(), side()],
          secondPerGridT: one([0, 0.5, 1, 2, 3600, -1, NaN]),
          timestampTokens: one([0, 3, 1025]),
        },
        { text: 1, image: [1, 2, 2] },
        {},
      ]);
    return Array.from({ length: one([0, 1, 3, 8]) }, segment);
  },
  mropeAxes: ({ one }) => ({
    headDim: one([2, 8, 127, 128, 4096, 5000]),
    mropeSection: one([
      [16, 24, 24],
      [24, 20, 20],
      [1, 1],
      [-1, 33, 32],
    ]),
    interleaved: one([true, false, 1]),
  }),
};

/** @param {import('../../../web/pe.js').PE} pe */
export const atCaps = (pe, L = pe.limits) => ({
  // The token cap: one text segment, then a video at 256 x 32 x 32 merged tokens (2 s per step).
  mropePositionIds: () =>
    pe.mropePositionIds(
      [{ text: L.maxMropeTokens - 2 - 256 * 1024 }, { video: [256, 64, 64], secondPerGridT: 2 }],
      { model: 'qwen2.5-vl' },
    ),
  mropeAxes: () =>
    pe.mropeAxes({ headDim: L.maxMropeHeadDim, mropeSection: [683, 683, 682], interleaved: true }),
});
