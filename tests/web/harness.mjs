// Shared by the browser tests: a static server for dist/ (optionally under a sub-path, optionally with
// the strict CSP header), Debian's Chromium driven by playwright-core, the explorer page opener and the
// setter a reader's edit goes through, and the paper's formula in float64 (the tests' reference).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = process.env.PE_DIST || path.resolve(here, '../../dist');
export const PE_EXPORT = process.env.PE_EXPORT || path.resolve(here, '../../build/native/pe-export');
export const FIXTURES = path.resolve(here, 'fixtures');
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ts': 'text/plain',
};

/** Serves `dirs` (the first that has a file wins; default dist/ then the test fixtures) on 127.0.0.1 at
 *  a free port under `prefix` ('/' or '/blog/assets/pe/'), optionally with the strict CSP header. */
export async function serve(dirs = [DIST, FIXTURES], { prefix = '/', csp = false } = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    requests.push(url.pathname);
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end('outside the prefix');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const file = dirs
      .map((dir) => path.resolve(dir, rel))
      .find((f, n) => f.startsWith(path.resolve(dirs[n])) && fs.existsSync(f) && fs.statSync(f).isFile());
    if (!file) {
      res.writeHead(404).end('not found');
      return;
    }
    const headers = { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' };
    if (csp) headers['Content-Security-Policy'] = STRICT_CSP;
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { url: origin + prefix, origin, requests, close: () => new Promise((r) => server.close(r)) };
}

/** Debian's Chromium, headless, with the flags that keep it off the network (toolchain.md). */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page that records console errors, page errors and CSP violations for the test to assert on. */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  if (url) await page.goto(url);
  return { page, context, problems };
}

/** Reads a version 1.0 .npy file of little-endian float32: { shape, data }. */
export function parseNpy(bytes) {
  const buf = Buffer.from(bytes);
  if (buf.subarray(0, 6).toString('latin1') !== '\x93NUMPY') throw new Error('not an npy file');
  const headerLength = buf.readUInt16LE(8);
  const header = buf.subarray(10, 10 + headerLength).toString('latin1');
  if (!header.includes("'descr': '<f4'")) throw new Error(`unexpected dtype in ${header}`);
  const shape = header
    .match(/'shape': \((\d+), (\d+)\)/)
    .slice(1)
    .map(Number);
  const body = buf.subarray(10 + headerLength);
  const data = new Float32Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength));
  return { shape, data };
}

/** Drawn (non-transparent) pixels and a checksum of the page's canvas.<name>: to see that a view drew,
 *  and that it changed. */
export function canvasSignature(page, name) {
  return page.evaluate((name) => {
    const canvas = document.querySelector(`canvas.${name}`);
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let drawn = 0;
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0) drawn++;
      hash = (hash * 31 + data[i] * 7 + data[i + 1] * 13 + data[i + 2] * 17 + data[i + 3]) >>> 0;
    }
    return { drawn, hash };
  }, name);
}

/** The static server (dist/ and the fixtures) and Chromium for one test file: started before its tests
 *  and closed after them; the tests read suite.server and suite.browser. */
export function useBrowser() {
  const suite = { server: undefined, browser: undefined };
  before(async () => {
    suite.server = await serve();
    suite.browser = await launch();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/** The explorer page (index.html + hash) in a fresh context, 1280 x 900 at 1x with reduced motion (no
 *  autoplay: the state holds still while a test looks), once the page says it is ready. `options` go
 *  to browser.newContext; `timeout` is how long the page may take to be ready. */
export async function openExplorer(suite, hash = '', options = {}, { timeout } = {}) {
  const opened = await openPage(suite.browser, null, {
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
    deviceScaleFactor: 1,
    ...options,
  });
  await opened.page.goto(suite.server.url + 'index.html' + hash);
  await opened.page.waitForSelector('body[data-ready="true"]', { timeout });
  return opened;
}

/** A figure (embed.html + hash, e.g. '#view=model') in a fresh context, 1000 x 800 with reduced
 *  motion, once the element says it is ready. */
export async function openFigure(suite, hash) {
  const opened = await openPage(suite.browser, `${suite.server.url}embed.html${hash}`, {
    viewport: { width: 1000, height: 800 },
    reducedMotion: 'reduce',
  });
  await opened.page.waitForFunction(() => document.getElementById('figure').dataset.ready === 'true');
  return opened;
}

/** Types `value` into the control at `selector` and fires change, as a reader's edit does. */
export async function setField(page, selector, value) {
  await page.fill(selector, String(value));
  await page.dispatchEvent(selector, 'change');
}

/** The paper's encoding in float64, independent of the engine: PE(pos, 2i) = sin(pos / base^(2i/d)),
 *  PE(pos, 2i + 1) = cos(the same). */
export function paperValue(pos, dim, d, base = 10000) {
  const angle = pos / base ** ((2 * Math.floor(dim / 2)) / d);
  return dim % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
}

/** PE(pos) as a d-vector, in float64. */
export function paperVector(pos, d, base = 10000) {
  return Array.from({ length: d }, (_, dim) => paperValue(pos, dim, d, base));
}
