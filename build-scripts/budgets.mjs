// What a blog page with one figure may transfer (gzip -9 bytes): the element and the engine chunk that
// its figure needs. build-scripts/bundle.mjs fails the build above them; tests/web/embed.test.mjs checks
// the built files against them too.
export const BUDGETS = {
  // One sinusoidal figure: element + sinusoidal engine.
  sinusoidal: { files: ['pe-explorer.js', 'pe-explorer-engine.js'], bytes: 100_000 },
  // One figure of another scheme: element + schemes chunk (views + the engine with every scheme).
  // Issue 13 brings this to 100 KB with per-view chunks; until then this ceiling keeps it from growing
  // unnoticed.
  schemes: { files: ['pe-explorer.js', 'pe-explorer-schemes.js'], bytes: 145_000 },
};
