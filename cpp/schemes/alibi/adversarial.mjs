// @ts-check
// ALiBi's part of the adversarial round (tests/reliability/adversarial.mjs globs every folder's file).

/** The parameter names ALiBi's functions may name in a PEError. */
export const callerNames = ['heads', 'causal', 'form', 'head', 'query'];

/** @param {import('../../../tests/reliability/adversarial.mjs').Fuzz} r */
const options = ({ one, pick }) => ({ heads: one([1, 12, 64, 2000]), positions: pick() });

/** @type {Record<string, (r: import('../../../tests/reliability/adversarial.mjs').Fuzz) => unknown>} */
export const nearly = {
  alibiSlopes: options,
  alibiBias: options,
  renderAlibi: options,
  alibiAttention: options,
};

/** @param {import('../../../web/pe.js').PE} pe */
export const atCaps = (pe, L = pe.limits) => ({
  alibiBias: () => pe.alibiBias({ heads: 1, positions: 4096 }),
  renderAlibi: () =>
    pe.renderAlibi({ heads: 1024, positions: L.maxPositions }, 1023, { width: 4096, height: 4096 }),
});
