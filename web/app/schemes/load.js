// Loads what a scheme folder needs in the element and the page, each a chunk beside pe-explorer.js
// (build-scripts/bundle.mjs): its figures (pe-explorer-view-<folder>.js), its text in one language
// (pe-explorer-view-<folder>-<lang>.js) and its own engine (pe-explorer-engine-<parts>.js: the parts
// its index.js names, so one figure does not carry every scheme's; none: the sinusoidal engine).
import { loadChunk } from '../chunks.js';
import { folderEngine, hasEveryPart } from '../engine.js';
import { addStrings } from '../i18n/index.js';
import { engineGlobal } from './chunk-names.js';
import { FIGURES, FOLDER_OF, SCHEME_ENGINES, TEXT_VIEWS } from './names.js';

/** The folder a figure is in (view="all": the first folder's figures, the sinusoidal seven). */
export const folderOf = (view) => FOLDER_OF[view] || FOLDER_OF[FIGURES[0]];

/** The folder's module (its index.js: the contract, schemes/index.js, with its styles as css). */
export const viewModule = (view) => loadChunk(`pe-explorer-view-${view}.js`, `__peExplorerView_${view}`);

/** A folder's text in `lang`. */
export const viewText = (view, lang) =>
  TEXT_VIEWS.includes(view)
    ? loadChunk(`pe-explorer-view-${view}-${lang}.js`, `__peExplorerText_${view}_${lang}`)
    : Promise.resolve(null);

/** The scheme module to mount: the view with its text (`text`: viewText's), its own engine, if any,
 *  and `engines(parts)`, which gives it another view's engine when a reader asks for what its own
 *  leaves out (partsEngine: `pe` itself if that has every part). */
export const withText = (module, text, lang, pe) => ({
  ...module,
  ...(text ? { strings: { [lang]: text } } : {}),
  ...(pe ? { pe } : {}),
  engines: (parts) => partsEngine(parts.join('-'), pe),
});

/** The engine of a folder that runs on an engine of its own (null for the others): `pe` itself if it
 *  has every part (the page's unbundled engine), else the engine chunk its parts make. */
export function ownEngine(folder, pe) {
  const name = SCHEME_ENGINES[folder];
  if (!name) return Promise.resolve(null);
  return partsEngine(name, pe);
}

/** The engine whose parts, joined by '-', are `name` (one of SCHEME_ENGINES' values: some view names
 *  them, so the bundle has its chunk), one instance for the page; `pe` itself if it has every part. */
export function partsEngine(name, pe) {
  if (!Object.values(SCHEME_ENGINES).includes(name))
    return Promise.reject(new Error(`no view runs on the engine ${name}`));
  if (pe && hasEveryPart(pe)) return Promise.resolve(pe);
  return folderEngine(name, () =>
    loadChunk(`pe-explorer-engine-${name}.js`, engineGlobal(name)).then((chunk) => {
      addStrings('zh', chunk.schemeMessagesZh); // the messages only the schemes' engines give
      return chunk.createPE();
    }),
  );
}
