// Makes a classic single-file engine script: the MODULARIZE'd classic loader plus its wasm, compressed
// (deflate-raw) and base64-encoded, decompressed in the browser with DecompressionStream and handed to
// the factory as `wasmBinary`.
//
// Why not emscripten's -sSINGLE_FILE: in 3.1.6 its loader first fetch()es its own data: URI, which a
// strict Content-Security-Policy (default-src 'self') blocks and reports as a violation before the
// loader falls back to decoding. Given wasmBinary, the loader neither fetches nor streams.
// Why compress first: gzip(base64(deflate(wasm))) is ~22% smaller than gzip(base64(wasm)), because
// gzip's Huffman stage takes back base64's 6-bits-per-byte overhead; it is what keeps the embed within
// its 100 KB budget. The deflate is zopfli's (Debian's zopfli, setup.sh): 5.6 % smaller than zlib's
// level 9, 3.4 KB gzipped on the engine with every scheme. DecompressionStream: Chromium 80+, Firefox
// 113+, Safari 16.4+.
//
// node build-scripts/inline-wasm.mjs <loader.js> <module.wasm> <out.js>
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import zlib from 'node:zlib';

const [loaderPath, wasmPath, outPath] = process.argv.slice(2);
const loader = fs.readFileSync(loaderPath, 'utf8');
const wasm = fs.readFileSync(wasmPath);
const zopfli = spawnSync('zopfli', ['--deflate', '--i15', '-c', wasmPath], { maxBuffer: 64 << 20 });
if (zopfli.error || zopfli.status !== 0) {
  console.error(
    `inline-wasm: zopfli failed (${zopfli.error?.message || zopfli.stderr}); ./build-scripts/setup.sh installs it`,
  );
  process.exit(1);
}
if (!zlib.inflateRawSync(zopfli.stdout).equals(wasm)) {
  console.error('inline-wasm: the deflated wasm does not inflate back to the wasm');
  process.exit(1);
}
const packed = zopfli.stdout.toString('base64');

fs.writeFileSync(
  outPath,
  `// pe.js: the position-encoding engine as one classic script (wasm inlined). Defines the global createPE.
var createPE = (function () {
${loader}
  var packedWasm = '${packed}';
  var factory = createPE;
  var wasm = null;
  function unpack() {
    if (!wasm) {
      if (typeof DecompressionStream === 'undefined') {
        return Promise.reject(new Error('this browser cannot decompress the engine (no DecompressionStream)'));
      }
      // A plain loop: Uint8Array.from with a callback per byte took ~35 ms of the first frame.
      var text = atob(packedWasm);
      var bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
      wasm = new Response(stream).arrayBuffer();
    }
    return wasm;
  }
  // Decompression and compilation start as soon as this script runs (both off the main thread), not
  // when createPE is first called: on the explorer page that is after the page's own script has loaded
  // and run, ~50 ms later. A failure is kept for createPE to report (and not reported here, unasked).
  var compiled = null;
  function compile() {
    if (!compiled) {
      compiled = unpack().then(function (buffer) {
        return WebAssembly.compile(buffer);
      });
      compiled.catch(function () {});
    }
    return compiled;
  }
  if (typeof WebAssembly === 'object') compile();
  return function createPE(overrides) {
    return compile().then(function (module) {
      return factory(
        Object.assign(
          {
            instantiateWasm: function (imports, receive) {
              WebAssembly.instantiate(module, imports).then(function (instance) {
                receive(instance, module);
              });
              return {};
            },
          },
          overrides,
        ),
      );
    });
  };
})();
`,
);
