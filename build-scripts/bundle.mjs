// Bundles the ES-module sources into single classic scripts for dist/ (esbuild):
//   dist/pe-explorer.js   the <pe-explorer> element (blog posts, embed.html)
//   dist/app.js           the explorer page (index.html)
// In both, `import createPE from '../pe.mjs'` is replaced by the classic loader with the wasm inlined
// (build/wasm/classic*/pe.js), so they need no module loader, no second request, and work from file://.
// Prints the gzipped size of the embed and fails above the 100 KB budget.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import zlib from 'node:zlib';

const BUDGET = 100 * 1000;
// The page gets the speed-built engine; the embed the size-built one (see CMakeLists.txt).
const inlineEngine = (loaderPath) => ({
  name: 'inline-engine',
  setup(build) {
    const loader = fs.readFileSync(loaderPath, 'utf8');
    build.onResolve({ filter: /(^|\/)pe\.mjs$/ }, () => ({ path: 'pe-inline', namespace: 'inline-engine' }));
    build.onLoad({ filter: /.*/, namespace: 'inline-engine' }, () => ({
      contents: `${loader}\nexport default createPE;\n`,
      loader: 'js',
    }));
  },
});

for (const [entry, outfile, engine] of [
  ['web/app/element.js', 'dist/pe-explorer.js', 'build/wasm/classic-small/pe.js'],
  ['web/app/main.js', 'dist/app.js', 'build/wasm/classic/pe.js'],
]) {
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'iife',
    minify: true,
    target: ['chrome105', 'firefox110', 'safari16'],
    loader: { '.css': 'text' },
    plugins: [inlineEngine(engine)],
    legalComments: 'none',
    logLevel: 'warning',
  });
}

const gzip = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const embed = gzip('dist/pe-explorer.js');
console.log(
  `bundle: dist/pe-explorer.js ${(fs.statSync('dist/pe-explorer.js').size / 1024).toFixed(1)} KiB, ` +
    `${(embed / 1000).toFixed(1)} KB gzipped (budget ${BUDGET / 1000} KB); dist/app.js ${(gzip('dist/app.js') / 1000).toFixed(1)} KB gzipped`,
);
if (embed > BUDGET) {
  console.error(`bundle: the embed is ${embed} bytes gzipped, above the ${BUDGET}-byte budget`);
  process.exit(1);
}
