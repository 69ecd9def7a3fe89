// The npm package (build/package, made by build-scripts/package.mjs): packed by the very command the
// README gives, installed from the tarball into a fresh project with no network (--offline: it has no
// dependencies), then the engine imported under node and the element used in a page served from
// node_modules, as a CDN would.
import assert from 'node:assert/strict';
import { execFileSync, execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DIST, launch, openPage, serve } from './harness.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ROOT = path.resolve(DIST, '..'); // the checkout whose build/package is tested (holds dist/)
// The README's one `npm pack …` command, read from it: the test runs what a newcomer would paste.
const PACK = [...fs.readFileSync(path.join(REPO, 'README.md'), 'utf8').matchAll(/`(npm pack [^`]*)`/g)].map(
  (m) => m[1],
);
let project, browser, server;
before(async () => {
  assert.equal(PACK.length, 1, `the README should give one \`npm pack …\` command: ${PACK.join(', ')}`);
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'pe-package-'));
  const npm = (...args) =>
    execFileSync('npm', args, { cwd: project, stdio: 'pipe', timeout: 120_000 }).toString();
  // Run as written, by a shell, from the repository's root, where it leaves the tarball (moved here).
  const packed = execSync(PACK[0], { cwd: ROOT, stdio: 'pipe', timeout: 120_000 }).toString();
  const tarball = packed.trim().split('\n').pop();
  assert.match(tarball, /^pe-explorer-.*\.tgz$/, packed);
  fs.copyFileSync(path.join(ROOT, tarball), path.join(project, tarball));
  fs.rmSync(path.join(ROOT, tarball));
  fs.writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'blog', private: true, type: 'module' }),
  );
  npm('install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', path.join(project, tarball));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the tarball holds what package.json promises, with a generated custom-elements.json', () => {
  const installed = path.join(project, 'node_modules/pe-explorer');
  const pkg = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
  for (const target of [
    pkg.types,
    pkg.main,
    pkg.module,
    ...Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e))),
  ]) {
    assert.ok(fs.existsSync(path.join(installed, target)), `${target} is missing from the package`);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'custom-elements.json'), 'utf8'));
  const element = manifest.modules[0].declarations[0];
  assert.equal(element.tagName, 'pe-explorer');
  const names = element.attributes.map((a) => a.name);
  for (const name of [
    'view',
    'lang',
    'theme',
    'controls',
    'd-model',
    'positions',
    'base',
    'layout',
    'frequencies',
    'odd',
    'position',
    'offset',
  ]) {
    assert.ok(names.includes(name), `${name} is not in the manifest`);
  }
  assert.match(element.attributes.find((a) => a.name === 'view').type.text, /'rope'.*'context'/);
  assert.ok(fs.existsSync(path.join(installed, 'CHANGELOG.md')));
});

test('the package is MIT-licensed: the licence is in it, and both package.json files say so', () => {
  const installed = path.join(project, 'node_modules/pe-explorer');
  const root = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const pkg = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
  assert.equal(root.license, 'MIT');
  assert.equal(pkg.license, 'MIT');
  assert.ok(pkg.files.includes('LICENSE'), "LICENSE is not in the package's files");
  const licence = fs.readFileSync(path.join(REPO, 'LICENSE'), 'utf8');
  assert.match(licence, /^MIT License\n\nCopyright \(c\) 2026 The position-encoding explorer authors\n/);
  assert.match(licence, /THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND/);
  assert.equal(fs.readFileSync(path.join(installed, 'LICENSE'), 'utf8'), licence);
  assert.match(fs.readFileSync(path.join(REPO, 'README.md'), 'utf8'), /\bMIT\b.*`LICENSE`/);
});

test("under node, `import createPE from 'pe-explorer'` gives a working engine", () => {
  const script = path.join(project, 'check.mjs');
  fs.writeFileSync(
    script,
    `import createPE from 'pe-explorer';
const pe = await createPE();
const row = pe.vectorAt({ dModel: 4 }, 1);
const rope = pe.ropeFrequencies({ headDim: 8 });
console.log(JSON.stringify({ row: Array.from(row), rope: Array.from(rope.invFreq) }));`,
  );
  const out = JSON.parse(execFileSync('node', [script], { cwd: project, timeout: 60_000 }).toString());
  // PE(1) for d = 4, paper frequencies: sin 1, cos 1, sin 0.01, cos 0.01 (float32).
  const expected = [Math.sin(1), Math.cos(1), Math.sin(0.01), Math.cos(0.01)];
  out.row.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) < 1e-6, `PE(1)[${i}] = ${v}`));
  assert.deepEqual(
    out.rope,
    [1, 0.1, 0.01, 0.001].map((w, i) => (i === 0 ? 1 : 10000 ** (-(2 * i) / 8))),
  );
});

test('the element from node_modules draws a sinusoidal and a RoPE figure in a page', async () => {
  server = await serve([project], { csp: true });
  const { page, problems, context } = await openPage(browser, null, {
    viewport: { width: 1000, height: 800 },
  });
  fs.writeFileSync(
    path.join(project, 'post.html'),
    `<!doctype html><html><head><link rel="icon" href="node_modules/pe-explorer/favicon.svg" />
<script src="node_modules/pe-explorer/pe-explorer.js" defer></script></head>
<body><pe-explorer view="clock" d-model="16"></pe-explorer><pe-explorer view="rope"></pe-explorer></body></html>`,
  );
  await page.goto(server.url + 'post.html');
  for (let n = 0; n < 2; n++) {
    await page.evaluate((n) => document.querySelectorAll('pe-explorer')[n].scrollIntoView(), n);
    await page.waitForFunction(
      (n) => document.querySelectorAll('pe-explorer')[n].dataset.ready === 'true',
      n,
    );
  }
  const drawn = await page.evaluate(() =>
    [...document.querySelectorAll('pe-explorer')].map((el) => {
      const canvas = el.shadowRoot.querySelector('canvas.clocks, canvas.rope-scores');
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    }),
  );
  for (const n of drawn) assert.ok(n > 500, 'a blank figure');
  assert.deepEqual(problems, []);
  await context.close();
});
