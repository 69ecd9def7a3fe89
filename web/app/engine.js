// Creates the wasm engine once and shares it with every view.
import createPE from '../pe.mjs';
import { setEngineTemplates } from './i18n/index.js';

let enginePromise;

/** @returns {Promise<import('../pe').PE>} */
export function engine() {
  if (!enginePromise) {
    enginePromise = createPE().then((pe) => {
      setEngineTemplates(pe.messageTemplates);
      return pe;
    });
  }
  return enginePromise;
}
