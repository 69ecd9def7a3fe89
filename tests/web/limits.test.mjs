// @ts-check
// Every engine's pe.limits holds the caps its own JS API checks against. A cap comes from the core
// (cpp/bindings/messages.cpp) or from a folder's limits.hpp, and an engine has a folder's caps only
// when it has the folder or a folder built on it; a check against a cap the engine lacks compares
// with undefined and lets everything through, silently. So: for each engine in dist/, the caps that
// the post-js files linked into it name (`peLimits().<name>`) are positive numbers in its pe.limits.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const dist = process.env.PE_DIST || path.join(root, 'dist');
const LEGACY = ['encoding', 'analysis', 'concepts']; // parts whose engines have api-sinusoidal.post.js

/** The caps a JS file checks against. */
const capsIn = (file) => [...fs.readFileSync(file, 'utf8').matchAll(/peLimits\(\)\.(\w+)/g)].map((m) => m[1]);

/** The post-js files of an engine of `parts` (CMakeLists.txt: the base, each folder's api.post.js,
 *  and the sinusoidal API with a legacy part). */
function postJs(parts) {
  const files = ['cpp/bindings/api.post.js', 'cpp/bindings/api-schemes.post.js'];
  for (const part of parts) {
    const own = `cpp/schemes/${part}/api.post.js`;
    if (fs.existsSync(path.join(root, own))) files.push(own);
  }
  if (parts.some((p) => LEGACY.includes(p))) files.push('cpp/bindings/api-sinusoidal.post.js');
  return files;
}

const ENGINES = fs
  .readdirSync(dist)
  .map((name) => /^pe-explorer-engine-([a-z0-9_-]+)\.mjs$/.exec(name))
  .filter((m) => m !== null)
  .map((m) => ({ file: m[0], parts: m[1].split('-') }))
  // The embed's sinusoidal engine (the legacy parts, no folder).
  .concat([{ file: 'pe-explorer-engine.mjs', parts: LEGACY }]);

test('dist/ has the engines of parts (one per view that names its own)', () => {
  assert.ok(ENGINES.length >= 5, `engines found: ${ENGINES.map((e) => e.file).join(', ')}`);
  assert.ok(ENGINES.some((e) => e.parts.includes('identify')));
  // The scan finds what it looks for: identify's own JS checks RoPE's head size and its file size.
  const identify = capsIn(path.join(root, 'cpp/schemes/identify/api.post.js'));
  assert.ok(identify.includes('maxHeadDim') && identify.includes('maxTableFileBytes'), identify.join());
});

for (const { file, parts } of ENGINES) {
  test(`${file}: pe.limits has every cap its JS API checks`, async () => {
    const { default: chunk } = await import(pathToFileURL(path.join(dist, file)).href);
    const pe = await (typeof chunk === 'function' ? chunk() : chunk.createPE()); // the sinusoidal one is the factory
    const caps = [...new Set(postJs(parts).flatMap((f) => capsIn(path.join(root, f))))];
    for (const name of caps) {
      const value = pe.limits[name];
      assert.ok(typeof value === 'number' && value >= 1, `${file}: pe.limits.${name} is ${value}`);
    }
  });
}

test('the page engine (pe.mjs, every folder) has the caps of every folder', async () => {
  const { default: createPE } = await import(pathToFileURL(path.join(dist, 'pe.mjs')).href);
  const pe = await createPE({ wasmBinary: fs.readFileSync(path.join(dist, 'pe.wasm')) });
  const folders = fs.readdirSync(path.join(root, 'cpp/schemes'));
  let named = 0;
  for (const folder of folders) {
    const header = path.join(root, 'cpp/schemes', folder, 'limits.hpp');
    if (!fs.existsSync(header)) continue;
    for (const [, name] of fs.readFileSync(header, 'utf8').matchAll(/\{"(max\w+)",/g)) {
      assert.ok(pe.limits[name] >= 1, `pe.limits.${name} (${folder}/limits.hpp) is ${pe.limits[name]}`);
      named += 1;
    }
  }
  assert.ok(named >= 20, `${named} caps found in the folders' limits.hpp`);
});
