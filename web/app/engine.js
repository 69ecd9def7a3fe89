// Creates the wasm engine once and shares it with every view.
import createPE from '../pe.mjs';
import { setEngineTemplates } from './i18n/index.js';

let enginePromise;

const ready = (pe) => {
  setEngineTemplates(pe.messageTemplates);
  return pe;
};

/** @returns {Promise<import('../pe').PE>} */
export function engine() {
  if (!enginePromise) enginePromise = createPE().then(ready);
  return enginePromise;
}

/** Whether an engine has the schemes beyond the sinusoidal one (the embed's core engine has not). */
export function hasSchemes(pe) {
  try {
    return Boolean(pe.schemes); // the core engine's getter throws a not_in_build PEError
  } catch {
    return false;
  }
}

/** Whether the page's engine `pe` has every engine part (so every view's own engine's). */
export function hasEveryPart(pe) {
  // An engine of parts (CMakeLists.txt) is only ever a chunk's; the one passed here is the page's. The
  // unbundled page's engine (pe.mjs) has every part and the file writers; the bundled page's engine
  // (pe-explorer-engine.js, the sinusoidal one) has no scheme table, so its views load their own
  // engine chunk.
  return hasSchemes(pe) && typeof pe._exportSinusoidal === 'function';
}

/** A scheme folder's own engine (pe-explorer-engine-<name>.js), one instance for the page. */
const folderPromises = new Map();
export function folderEngine(name, create) {
  if (!folderPromises.has(name)) folderPromises.set(name, create().then(ready));
  return folderPromises.get(name);
}
