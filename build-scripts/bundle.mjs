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
import { SCHEME_SETTINGS, SCHEME_VIEWS } from '../web/app/schemes/names.js';
import { configGlobal, GALLERY, loadConfig } from '../web/app/schemes/model/gallery.js';
import { BUDGETS, budgetFiles, moduleFlavour } from './budgets.mjs';

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
// In the element and the page: the sinusoidal engine is a chunk, fetched by the first figure that needs
// it (the page's first view; its other sections load pe-explorer-schemes.js after that view: main.js).
const engineChunk = `import { loadChunk } from './chunks.js';
export default (options) => loadChunk('pe-explorer-engine.js', '__peExplorerEngine').then((create) => create(options));
`;
// chunks.js in the ES-module element: each chunk's .mjs, imported from beside pe-explorer.mjs, its
// default export (the value the classic chunk puts in its global).
const moduleChunks = `const loading = new Map();
export function loadChunk(file) {
  const url = new URL(file.replace(/\\.js$/, '.mjs'), import.meta.url).href;
  if (!loading.has(url)) {
    loading.set(url, import(url).then((m) => m.default, (error) => {
      loading.delete(url); // a later figure may try again (the network may be back)
      throw error;
    }));
  }
  return loading.get(url);
}
`;
// schemes/names.js reads the scheme views and their settings' names from the modules; in the element
// and the page it is generated here, with the values it has now (the names only, not the views).
const generatedNames = {
  name: 'generated-names',
  setup(build) {
    build.onLoad({ filter: /\/schemes\/names\.js$/ }, () => ({
      contents: `export const SCHEME_VIEWS = ${JSON.stringify(SCHEME_VIEWS)};
export const SCHEME_SETTINGS = ${JSON.stringify(SCHEME_SETTINGS)};`,
      loader: 'js',
    }));
  },
};
// The model atlas's gallery (schemes/model/gallery.js) reads tests/reference/models/ under node; in the
// element and the page it is the Hub ids and sources only, and each config a chunk of its own (below).
const generatedGallery = {
  name: 'generated-gallery',
  setup(build) {
    build.onLoad({ filter: /\/schemes\/model\/gallery\.js$/ }, (args) => ({
      contents: `import { loadChunk } from '../../chunks.js';
export const GALLERY = ${JSON.stringify(GALLERY)};
export const configGlobal = ${configGlobal};
export const loadConfig = (slug) => loadChunk('pe-explorer-model-' + slug + '.js', configGlobal(slug));`,
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};
// Stylesheets imported as text (the element's shadow root) are minified first, and lose the rules
// whose every selector is the page's own chrome (index.html's masthead, messages, Embed dialog and
// footer; embed.html's hidden heading): nothing in a figure's shadow root matches them.
const PAGE_ONLY =
  /^(body|footer|\.skip|\.masthead|\.lede|\.formula|\.messages(?![-\w])|\.embed-dialog|\.lang-switch|\.poster-preview|\.visually-hidden|\.pe-root\[data-loading\]|\.pe-root:not\(\.embedded\))/;
function withoutPageRules(css) {
  let out = '';
  for (let start = 0; start < css.length;) {
    const open = css.indexOf('{', start);
    if (open < 0) return out + css.slice(start);
    let end = open + 1;
    for (let depth = 1; depth; end++) depth += css[end] === '{' ? 1 : css[end] === '}' ? -1 : 0;
    const prelude = css.slice(start, open);
    if (prelude.startsWith('@') || !prelude.split(',').every((s) => PAGE_ONLY.test(s.trim())))
      out += css.slice(start, end);
    start = end;
  }
  return out;
}
const minifiedCss = {
  name: 'minified-css',
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async (args) => {
      const css = await fs.promises.readFile(args.path, 'utf8');
      const { code } = await esbuild.transform(css, { loader: 'css', minify: true });
      return { contents: withoutPageRules(code), loader: 'text' };
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
  ['web/app/main.js', 'dist/app.js', engineChunk, [stringsAsChunks(/\/i18n\/(en|zh|messages-zh)\.js$/)]],
  [
    'web/app/element.js',
    'dist/pe-explorer.js',
    engineChunk,
    [stringsAsChunks(/\/i18n\/(en|zh|messages-zh)\.js$/)],
  ],
]) {
  await esbuild.build({
    ...common,
    entryPoints: [entry],
    outfile,
    plugins: [replaceEngine(engine), minifiedCss, generatedNames, ...extra],
  });
}
// Every chunk in two flavours from one source: a classic script (<name>.js) that sets one global, for
// file:// and strict-CSP pages (chunks.js loads it with a <script src>), and an ES module (<name>.mjs)
// whose default export is the same value, for the ES-module element (pe-explorer.mjs, import()).
// `source` is module code that exports the chunk's value as default.
async function chunk(name, global, source, resolveDir, plugins = []) {
  for (const [format, ext, footer] of [
    ['iife', 'js', `globalThis.${global} = value;`],
    ['esm', 'mjs', 'export default value;'],
  ]) {
    await esbuild.build({
      ...common,
      format,
      stdin: {
        contents: `import value from 'chunk-source';\n${footer}\n`,
        loader: 'js',
        resolveDir,
      },
      plugins: [
        {
          name: 'chunk-source',
          setup(build) {
            build.onResolve({ filter: /^chunk-source$/ }, () => ({
              path: 'chunk',
              namespace: 'chunk-source',
            }));
            build.onLoad({ filter: /.*/, namespace: 'chunk-source' }, () => ({
              contents: source,
              loader: 'js',
              resolveDir,
            }));
          },
        },
        generatedNames,
        generatedGallery,
        ...plugins,
      ],
      outfile: `dist/${name}.${ext}`,
    });
  }
}
// The element's text: the sinusoidal views' text per language (loaded with that view chunk) and the
// Chinese messages (any Chinese figure; the English messages stay in the element).
const i18n = path.resolve('web/app/i18n');
await chunk(
  'pe-explorer-view-sinusoidal-en',
  '__peExplorerText_en',
  `export { default } from './en.js';`,
  i18n,
);
await chunk(
  'pe-explorer-view-sinusoidal-zh',
  '__peExplorerText_zh',
  `export { default } from './zh.js';`,
  i18n,
);
await chunk(
  'pe-explorer-lang-zh',
  '__peExplorerLang_zh',
  `export { default } from './messages-zh.js';`,
  i18n,
);
// The seven sinusoidal views: one chunk, as they share the explorer (settings panel, state, controls).
await chunk(
  'pe-explorer-view-sinusoidal',
  '__peExplorerView_sinusoidal',
  `import { mountExplorer } from './explorer.js';\nexport default { mountExplorer };`,
  path.resolve('web/app'),
);
// One chunk per scheme view: schemes/<name>.js exports <name>Scheme. Its shared helpers (canvas.js,
// common.js) are in each chunk: a few KB, against loading every view for one figure.
// A view in a folder of its own (model/) brings its text and its styles (mount.js adopts them).
for (const view of SCHEME_VIEWS) {
  const folder = fs.existsSync(`web/app/schemes/${view}/index.js`);
  await chunk(
    `pe-explorer-view-${view}`,
    `__peExplorerView_${view}`,
    folder
      ? `import view from './${view}/index.js';
import en from './${view}/en.js';
import zh from './${view}/zh.js';
import css from './${view}/styles.css';
export default { ...view, strings: { en, zh }, css };`
      : `export { ${view}Scheme as default } from './${view}.js';`,
    path.resolve('web/app/schemes'),
    [minifiedCss],
  );
}
// The atlas's configs as published, one chunk each (a string: the file's text), loaded when selected.
for (const { slug } of GALLERY)
  await chunk(
    `pe-explorer-model-${slug}`,
    configGlobal(slug),
    `export default ${JSON.stringify(await loadConfig(slug))};`,
    path.resolve('.'),
  );
// The engines: the sinusoidal one, and the one with every scheme (with the Chinese text of the
// messages only it gives). The loader sits in a function scope: no global createPE on the host page.
// (The loader's own `exports.createPE =` assignment is guarded by typeof and does nothing here.)
await chunk(
  'pe-explorer-engine',
  '__peExplorerEngine',
  `${fs.readFileSync('build/wasm/classic-small/pe.js', 'utf8')}\nexport default createPE;\n`,
  path.resolve('.'),
);
await chunk(
  'pe-explorer-schemes',
  '__peExplorerSchemes',
  `export { default } from './chunk.js';`,
  path.resolve('web/app/schemes'),
  [replaceEngine(inline('build/wasm/classic-small-full/pe.js'))],
);
// The element as an ES module: the same source, its chunks loaded with import() (chunks.js swapped
// for the ES-module loader below).
await esbuild.build({
  ...common,
  format: 'esm',
  entryPoints: ['web/app/element.js'],
  outfile: 'dist/pe-explorer.mjs',
  plugins: [
    replaceEngine(engineChunk),
    minifiedCss,
    generatedNames,
    stringsAsChunks(/\/i18n\/(en|zh|messages-zh)\.js$/),
    {
      name: 'module-chunks',
      setup(build) {
        build.onResolve({ filter: /(^|\/)chunks\.js$/ }, () => ({
          path: 'chunks',
          namespace: 'module-chunks',
        }));
        build.onLoad({ filter: /.*/, namespace: 'module-chunks' }, () => ({
          contents: moduleChunks,
          loader: 'js',
        }));
      },
    },
  ],
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
  // A figure's budget holds for both flavours of the element; the page has one.
  for (const flavour of name === 'page' ? [files] : [files, moduleFlavour(files)]) {
    const total = flavour.reduce((sum, f) => sum + size(f), 0);
    const what = name === 'page' ? 'the explorer page, to its first view,' : `one ${name} figure`;
    console.log(
      `bundle: ${what} transfers ${kb(total)} (${flavour.join(' + ')}; budget ${kb(budget.bytes)})`,
    );
    if (total > budget.bytes) {
      console.error(`bundle: ${what} is ${total} bytes gzipped, above its ${budget.bytes}-byte budget`);
      failed = true;
    }
  }
}
if (failed) process.exit(1);
