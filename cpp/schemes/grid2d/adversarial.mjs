// @ts-check
// 2-D sin-cos's part of the adversarial round (tests/reliability/adversarial.mjs globs every folder's file).

/** The parameter names the 2-D functions may name in a PEError. */
export const callerNames = ['gridHeight', 'gridWidth', 'clsToken', 'row', 'col', 'part'];

/** @param {import('../../../tests/reliability/adversarial.mjs').Fuzz} r */
const options = ({ one, dModel }) => ({ dModel, gridHeight: one([1, 14, 1024]), gridWidth: 14 });

/** @type {Record<string, (r: import('../../../tests/reliability/adversarial.mjs').Fuzz) => unknown>} */
export const nearly = { sincos2d: options, grid2dSimilarity: options, grid2dSimilarities: options };

/** @param {import('../../../web/pe.js').PE} pe */
export const atCaps = (pe) => ({
  sincos2d: () => pe.sincos2d({ dModel: 8192, gridHeight: 45, gridWidth: 45 }),
  grid2dSimilarity: () => pe.grid2dSimilarity({ dModel: 8192, gridHeight: 45, gridWidth: 45 }, 3, 3),
  grid2dSimilarities: () => pe.grid2dSimilarities({ dModel: 8192, gridHeight: 45, gridWidth: 45 }, 3, 3),
});
