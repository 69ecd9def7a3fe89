// @ts-check
// Axial RoPE's part of the adversarial round (tests/reliability/adversarial.mjs globs every folder's
// file): FLUX's axes and the vision encoders' 2-D angles.

/** The parameter names axial's functions may name in a PEError. */
export const callerNames = ['headDim', 'theta', 'grid', 'spatialMergeSize', 'axesDim', 'ids'];

/** @type {Record<string, (r: import('../../../tests/reliability/adversarial.mjs').Fuzz) => unknown>} */
export const nearly = {
  visionRopeAngles: ({ one }) => ({
    headDim: one([4, 72, 78, 80, 4096]),
    grid: [one([1, 2, 0]), one([2, 4, 5, 8192]), one([2, 4, 28, 8192])],
    spatialMergeSize: one([1, 2, 3, 0]),
  }),
  axialRopeAngles: ({ one }) => ({
    axesDim: one([[16, 56, 56], [8, 8], [2], [16, 55, 57], []]),
    theta: one([10000, 0, -1, 1e13, NaN]),
  }),
};

/** @param {import('../../../web/pe.js').PE} pe */
export const atCaps = (pe, L = pe.limits) => ({
  visionRopeAngles: () => pe.visionRopeAngles({ headDim: 4096, grid: [1, 64, 64] }),
  axialRopeAngles: () =>
    pe.axialRopeAngles(
      { axesDim: [16, 56, 56] },
      new Float64Array((L.maxAxialAngles / 64) * 3).map((_, k) => k % 4096),
    ),
});
