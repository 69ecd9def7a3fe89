// What a page may transfer (gzip -9 bytes of the files in dist/): a blog page with one figure (the
// element and the chunks its figure needs), and the explorer page before its first view draws.
// build-scripts/bundle.mjs fails the build above them; tests/web/embed.test.mjs checks the built files
// against them too, and tests/bench/first-frame.mjs reports what the pages really requested.
import { GALLERY } from '../web/app/schemes/model/gallery.js';
import { SCHEME_ENGINES, TEXT_VIEWS } from '../web/app/schemes/names.js';

export const BUDGETS = {
  // The explorer page up to its first drawn view, in the larger language (zh): the page, its styles,
  // its script (with the page's own text), the sinusoidal engine, the sinusoidal folder's figures and
  // their text; the other schemes' sections and their engines load after that view has drawn.
  page: {
    files: [
      'index.html',
      'styles.css',
      'app.js',
      'pe-explorer-engine.js',
      'pe-explorer-view-sinusoidal.js',
      'pe-explorer-view-sinusoidal-zh.js',
      'pe-explorer-lang-zh.js',
    ],
    bytes: 120_000,
  },
};

// One figure of each scheme folder: element + its engine (the parts its index.js names, SCHEME_ENGINES;
// none: the sinusoidal engine) + its chunk (the sinusoidal folder's: its seven figures) + its text in
// Chinese + the Chinese messages; the model atlas's also the one published config it shows (the
// largest). A budget each.
for (const folder of TEXT_VIEWS) {
  const engine = SCHEME_ENGINES[folder];
  BUDGETS[folder] = {
    files: [
      'pe-explorer.js',
      engine ? `pe-explorer-engine-${engine}.js` : 'pe-explorer-engine.js',
      `pe-explorer-view-${folder}.js`,
      `pe-explorer-view-${folder}-zh.js`,
      ...(folder === 'model' ? ['the largest config'] : []),
      'pe-explorer-lang-zh.js',
    ],
    bytes: 100_000,
  };
}

/** A budget's files, with 'the largest config' replaced by the atlas's largest gallery config chunk
 *  (`size(file)`: its gzipped bytes). */
export function budgetFiles(budget, size) {
  const configs = GALLERY.map((g) => `pe-explorer-model-${g.slug}.js`);
  const config = configs.reduce((a, b) => (size(a) >= size(b) ? a : b));
  return budget.files.flatMap((f) => (f === 'the largest config' ? [config] : [f]));
}

/** The same figure from the ES-module element (pe-explorer.mjs and its .mjs chunks), for the figure
 *  budgets: both flavours must fit. */
export const moduleFlavour = (files) => files.map((f) => f.replace(/^(pe-explorer.*)\.js$/, '$1.mjs'));
