// What a blog page with one figure may transfer (gzip -9 bytes): the element and the engine chunk that
// its figure needs. build-scripts/bundle.mjs fails the build above them; tests/web/embed.test.mjs checks
// the built files against them too.
import { SCHEME_VIEWS } from '../web/app/schemes/names.js';

export const BUDGETS = {
  // One sinusoidal figure: element + sinusoidal engine + the views + their text in the larger language
  // (zh) + the Chinese messages.
  sinusoidal: {
    files: [
      'pe-explorer.js',
      'pe-explorer-engine.js',
      'pe-explorer-view-sinusoidal.js',
      'pe-explorer-view-sinusoidal-zh.js',
      'pe-explorer-lang-zh.js',
    ],
    bytes: 100_000,
  },
  // One figure of another scheme: element + the engine with every scheme + that view's chunk (the
  // largest of them) + the Chinese messages. A second figure of another kind adds only its own chunk.
  schemes: {
    files: ['pe-explorer.js', 'pe-explorer-schemes.js', 'the largest view', 'pe-explorer-lang-zh.js'],
    bytes: 100_000,
  },
};

/** A budget's files, with 'the largest view' replaced by the view chunk that `size(file)` finds largest. */
export function budgetFiles(budget, size) {
  const views = SCHEME_VIEWS.map((v) => `pe-explorer-view-${v}.js`);
  const largest = views.reduce((a, b) => (size(a) >= size(b) ? a : b));
  return budget.files.map((f) => (f === 'the largest view' ? largest : f));
}
