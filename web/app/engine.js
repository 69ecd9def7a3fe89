// Creates the wasm engine once and shares it with every view.
import createPE from '../pe.mjs';

let enginePromise;

/** @returns {Promise<import('../pe').PE>} */
export function engine() {
  if (!enginePromise) enginePromise = createPE();
  return enginePromise;
}
