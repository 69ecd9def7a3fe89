// @ts-check
// Precision's part of the adversarial round (tests/reliability/adversarial.mjs globs every folder's
// file). Its functions get the round's generic "nearly right" options.

/** The parameter names precision's functions may name in a PEError. */
export const callerNames = ['format', 'stage', 'how', 'pair0', 'pairs', 'samples'];

/** @type {Record<string, (r: import('../../../tests/reliability/adversarial.mjs').Fuzz) => unknown>} */
export const nearly = {};

/** @param {import('../../../web/pe.js').PE} pe */
export const atCaps = (pe, L = pe.limits) => ({
  roundTo: () =>
    pe.roundTo(
      new Float64Array(L.maxPositions).map((_, k) => k * 1.37),
      'bfloat16',
    ),
  precisionError: () =>
    pe.precisionError(
      { dModel: 128, positions: L.maxPrecisionValues / 64 },
      { format: 'bfloat16', stage: 'outputs' },
    ),
  renderPrecision: () =>
    pe.renderPrecision(
      { headDim: 128, start: 0, positions: L.maxPosition },
      { format: 'bfloat16', stage: 'angles' },
      {
        width: L.maxPrecisionRenderWork / (64 * L.maxPrecisionSamples),
        height: 64,
        samples: L.maxPrecisionSamples,
      },
    ),
});
