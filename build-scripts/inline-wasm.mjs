// Makes the classic single-file pe.js: the MODULARIZE'd classic loader plus its wasm as base64, handed to
// the factory as `wasmBinary`.
//
// Why not emscripten's -sSINGLE_FILE: in 3.1.6 its loader first fetch()es its own data: URI, which a
// strict Content-Security-Policy (default-src 'self') blocks and reports as a violation before the
// loader falls back to decoding. Given wasmBinary, the loader neither fetches nor streams.
//
// node build-scripts/inline-wasm.mjs <loader.js> <module.wasm> <out.js>
import fs from 'node:fs';

const [loaderPath, wasmPath, outPath] = process.argv.slice(2);
const loader = fs.readFileSync(loaderPath, 'utf8');
const wasm = fs.readFileSync(wasmPath).toString('base64');

fs.writeFileSync(
  outPath,
  `// pe.js: the position-encoding engine as one classic script (wasm inlined). Defines the global createPE.
var createPE = (function () {
${loader}
  var wasmBase64 = '${wasm}';
  var factory = createPE;
  return function createPE(overrides) {
    var bytes = Uint8Array.from(atob(wasmBase64), function (c) { return c.charCodeAt(0); });
    return factory(Object.assign({ wasmBinary: bytes }, overrides));
  };
})();
`,
);
