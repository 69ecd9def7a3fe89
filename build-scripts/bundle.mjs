// Bundles the ES-module sources into classic scripts for dist/ (esbuild):
//   dist/app.js                  the explorer page (index.html); it loads the element's chunks below
//   dist/pe-explorer.js          the <pe-explorer> element (blog posts, embed.html), no engine; it loads
//   dist/pe-explorer-engine.js     the size-built sinusoidal engine, when a sinusoidal figure starts, or
//   dist/pe-explorer-schemes.js    the size-built engine with every scheme, when a figure shows one
//   dist/pe-explorer-view-<name>.js  that scheme's view (rope, alibi, grid2d, precision, ...), or the
//                                  sinusoidal views (-sinusoidal.js, and their text: -sinusoidal-en.js, ...)
//   dist/pe-explorer-lang-zh.js    the messages in Chinese
// The engines are the classic loaders with the wasm inlined (build/wasm/classic*/pe.js), so nothing
// needs a module loader, and everything works from file:// and under a strict CSP.
// The build fails above the budgets in budgets.mjs.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { SCHEME_VIEWS } from '../web/app/schemes/names.js';
import { BUDGETS, budgetFiles } from './budgets.mjs';

// `import createPE from '../pe.mjs'` becomes `source`'s text (a module with a default export).
const replaceEngine = (source) => ({
  name: 'replace-engine',
  setup(build) {
    build.onResolve({ filter: /(^|\/)pe\.mjs$/ }, () => ({ path: 'pe-engine', namespace: 'replace-engine' }));
    build.onLoad({ filter: /.*/, namespace: 'replace-engine' }, () => ({
      contents: source,
      resolveDir: path.resolve('web/app'),
      loader: 'js',
    }));
  },
});
const inline = (loaderPath) => `${fs.readFileSync(loaderPath, 'utf8')}\nexport default createPE;\n`;
// In the element: the engine is a chunk, fetched by the first figure that needs it.
const engineChunk = `import { loadChunk } from './chunks.js';
export default (options) => loadChunk('pe-explorer-engine.js', '__peExplorerEngine').then((create) => create(options));
`;
// In the page: the element's engine with every scheme (one file for both, cached between them), with
// the Chinese text of the messages only it gives.
const schemesEngineChunk = `import { loadChunk } from './chunks.js';
import { addStrings } from './i18n/index.js';
export default (options) =>
  loadChunk('pe-explorer-schemes.js', '__peExplorerSchemes').then((chunk) => {
    addStrings('zh', chunk.schemeMessagesZh);
    return chunk.createPE(options);
  });
`;

// Stylesheets imported as text (the element's shadow root) are minified first.
const minifiedCss = {
  name: 'minified-css',
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async (args) => {
      const css = await fs.promises.readFile(args.path, 'utf8');
      const { code } = await esbuild.transform(css, { loader: 'css', minify: true });
      return { contents: code, loader: 'text' };
    });
  },
};

// Text that is a chunk of its own (web/app/text-chunks.js) gets an empty stand-in in the bundle: all of
// it, in the element and in the page alike (a reader needs one language's).
const stringsAsChunks = (files) => ({
  name: 'strings-as-chunks',
  setup(build) {
    build.onLoad({ filter: files }, () => ({ contents: 'export default {};', loader: 'js' }));
  },
});

const common = {
  bundle: true,
  format: 'iife',
  minify: true,
  target: ['chrome105', 'firefox110', 'safari16'],
  loader: { '.css': 'text' },
  legalComments: 'none',
  logLevel: 'warning',
  // The emscripten loaders' guarded `module.exports =` lines are dead code in a bundle.
  logOverride: { 'commonjs-variable-in-esm': 'silent' },
};
for (const [entry, outfile, engine, extra] of [
  [
    'web/app/main.js',
    'dist/app.js',
    schemesEngineChunk,
    [stringsAsChunks(/\/i18n\/(en|zh|messages-zh)\.js$/)],
  ],
  [
    'web/app/element.js',
    'dist/pe-explorer.js',
    engineChunk,
    [stringsAsChunks(/\/i18n\/(en|zh|messages-zh)\.js$/)],
  ],
  [
    'web/app/schemes/chunk.js',
    'dist/pe-explorer-schemes.js',
    inline('build/wasm/classic-small-full/pe.js'),
    [],
  ],
]) {
  await esbuild.build({
    ...common,
    entryPoints: [entry],
    outfile,
    plugins: [replaceEngine(engine), minifiedCss, ...extra],
  });
}
// The element's text, as chunks: the sinusoidal views' text per language (pe-explorer-view-sinusoidal-
// <code>.js, loaded with that view chunk) and the Chinese messages (pe-explorer-lang-zh.js, any Chinese
// figure; the English messages stay in the element).
for (const [file, global, modules] of [
  ['pe-explorer-view-sinusoidal-en.js', '__peExplorerText_en', ['en.js']],
  ['pe-explorer-view-sinusoidal-zh.js', '__peExplorerText_zh', ['zh.js']],
  ['pe-explorer-lang-zh.js', '__peExplorerLang_zh', ['messages-zh.js']],
]) {
  const imports = modules.map((f, n) => `import t${n} from './${f}';`).join('\n');
  const merged = modules.map((_, n) => `...t${n}`).join(', ');
  await esbuild.build({
    ...common,
    stdin: {
      contents: `${imports}\nglobalThis.${global} = { ${merged} };\n`,
      loader: 'js',
      resolveDir: path.resolve('web/app/i18n'),
    },
    outfile: `dist/${file}`,
  });
}
// The seven sinusoidal views: one chunk, as they share the explorer (settings panel, state, controls).
await esbuild.build({
  ...common,
  stdin: {
    contents: `import { mountExplorer } from './explorer.js';\nglobalThis.__peExplorerView_sinusoidal = { mountExplorer };\n`,
    loader: 'js',
    resolveDir: path.resolve('web/app'),
  },
  outfile: 'dist/pe-explorer-view-sinusoidal.js',
});
// One chunk per scheme view: schemes/<name>.js exports <name>Scheme. Its shared helpers (canvas.js,
// common.js) are in each chunk: a few KB, against loading every view for one figure.
for (const view of SCHEME_VIEWS) {
  await esbuild.build({
    ...common,
    stdin: {
      contents: `import { ${view}Scheme } from './${view}.js';\nglobalThis.__peExplorerView_${view} = ${view}Scheme;\n`,
      loader: 'js',
      resolveDir: path.resolve('web/app/schemes'),
    },
    outfile: `dist/pe-explorer-view-${view}.js`,
  });
}
// The sinusoidal engine chunk: the loader in a function scope (no global createPE on the host page).
// (The loader's own `exports.createPE =` assignment is guarded by typeof and does nothing here.)
await esbuild.build({
  ...common,
  stdin: {
    contents: `${fs.readFileSync('build/wasm/classic-small/pe.js', 'utf8')}\nglobalThis.__peExplorerEngine = createPE;\n`,
    loader: 'js',
    resolveDir: path.resolve('.'),
  },
  outfile: 'dist/pe-explorer-engine.js',
});

const gzip = (file) => zlib.gzipSync(fs.readFileSync(path.join('dist', file)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const views = SCHEME_VIEWS.map((v) => `pe-explorer-view-${v}.js`);
const sizes = Object.fromEntries(
  [
    'app.js',
    'pe-explorer.js',
    'pe-explorer-engine.js',
    'pe-explorer-schemes.js',
    'pe-explorer-view-sinusoidal.js',
    'pe-explorer-view-sinusoidal-en.js',
    'pe-explorer-view-sinusoidal-zh.js',
    'pe-explorer-lang-zh.js',
    ...views,
  ].map((f) => [f, gzip(f)]),
);
console.log(
  `bundle: gzipped ${Object.entries(sizes)
    .map(([f, b]) => `${f} ${kb(b)}`)
    .join(', ')}`,
);
let failed = false;
const size = (f) => (sizes[f] ??= gzip(f));
for (const [name, budget] of Object.entries(BUDGETS)) {
  const files = budgetFiles(budget, size); // 'the largest view': the worst one-figure page
  const total = files.reduce((sum, f) => sum + size(f), 0);
  const what = name === 'page' ? 'the explorer page, to its first view,' : `one ${name} figure`;
  console.log(`bundle: ${what} transfers ${kb(total)} (${files.join(' + ')}; budget ${kb(budget.bytes)})`);
  if (total > budget.bytes) {
    console.error(`bundle: ${what} is ${total} bytes gzipped, above its ${budget.bytes}-byte budget`);
    failed = true;
  }
}
if (failed) process.exit(1);
