// Loads what a scheme folder needs in the element and the page, each a chunk beside pe-explorer.js
// (build-scripts/bundle.mjs): its figures (pe-explorer-view-<folder>.js), its text in one language
// (pe-explorer-view-<folder>-<lang>.js) and its own engine (pe-explorer-engine-<parts>.js: the parts
// its index.js names, so one figure does not carry every scheme's; none: the sinusoidal engine).
import { loadChunk } from '../chunks.js';
import { folderEngine, hasEveryPart } from '../engine.js';
import { addStrings } from '../i18n/index.js';
import { engineGlobal } from './chunk-names.js';
import { SCHEME_ENGINES, TEXT_VIEWS } from './names.js';

/** The folder's module (its index.js: { name, markup, View } or { name, figures, mount }, with css). */
export const viewModule = (view) => loadChunk(`pe-explorer-view-${view}.js`, `__peExplorerView_${view}`);

/** A folder's text in `lang`. */
export const viewText = (view, lang) =>
  TEXT_VIEWS.includes(view)
    ? loadChunk(`pe-explorer-view-${view}-${lang}.js`, `__peExplorerText_${view}_${lang}`)
    : Promise.resolve(null);

/** The scheme module to mount: the view with its text (`text`: viewText's) and its own engine, if any. */
export const withText = (module, text, lang, pe) => ({
  ...module,
  ...(text ? { strings: { [lang]: text } } : {}),
  ...(pe ? { pe } : {}),
});

/** The engine of a view that runs on an engine of its own (null for the others): `pe` itself if it has
 *  every part (the page's unbundled engine), else the engine chunk its parts make. */
export function ownEngine(view, pe) {
  const name = SCHEME_ENGINES[view];
  if (!name) return Promise.resolve(null);
  if (pe && hasEveryPart(pe)) return Promise.resolve(pe);
  return folderEngine(name, () =>
    loadChunk(`pe-explorer-engine-${name}.js`, engineGlobal(name)).then((chunk) => {
      addStrings('zh', chunk.schemeMessagesZh); // the messages only the schemes' engines give
      return chunk.createPE();
    }),
  );
}
