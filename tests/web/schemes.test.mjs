// @ts-check
// The scheme sections of the page in Chromium. Each scheme's own checks live in its folder,
// web/app/schemes/<name>/test-checks.js (found here, not listed): what its sections show on the
// explorer page as it opens (onPage: each draws, its readouts carry the engine's checks), in Chinese at
// 360 px (inChinese), and its own tests (tests: title -> body), each run with this file's tools. Here:
// those two page loads, and what holds for every scheme (the embed's size-built engine answers a
// scheme it does not carry with a PEError, not a TypeError; the element knows every view; every
// folder has its text in each language).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadEngine } from '../reliability/adversarial.mjs';
import { canvasSignature, openExplorer, openPage, useBrowser } from './harness.mjs';

const suite = useBrowser();

const page = (hash = '', viewport = { width: 1280, height: 900 }) => openExplorer(suite, hash, { viewport });

/** Asserts that each canvas of `names` (its class) drew, more than 500 pixels.
 *  @param {import('playwright-core').Page} p @param {string[]} names */
async function drawn(p, names) {
  for (const name of names) {
    const { drawn } = await canvasSignature(p, name);
    assert.ok(drawn > 500, `${name} drew ${drawn} pixels`);
  }
}

/** A figure alone, embed.html#<hash>, once it is ready. */
async function openFigure(hash = '', options = {}) {
  const opened = await openPage(suite.browser, suite.server.url + 'embed.html#' + hash, options);
  await opened.page.waitForFunction(() => document.getElementById('figure').dataset.ready === 'true');
  return opened;
}

/** What a folder's checks are given.
 *  @typedef {typeof tools} Tools */
const tools = { assert, page, openPage, openFigure, suite, canvasSignature, drawn, loadEngine };

const SCHEMES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/app/schemes');
/** @type {[string, { onPage?: Function, inChinese?: Function, tests?: Record<string, Function> }][]} */
const CHECKS = await Promise.all(
  fs
    .readdirSync(SCHEMES_DIR)
    .filter((name) => fs.existsSync(path.join(SCHEMES_DIR, name, 'test-checks.js')))
    .sort()
    .map(async (name) => [
      name,
      await import(pathToFileURL(path.join(SCHEMES_DIR, name, 'test-checks.js')).href),
    ]),
);

test('every scheme section draws, and the invariances it shows hold', async () => {
  const { page: p, problems } = await page();
  const found = CHECKS.filter(([, checks]) => checks.onPage).map(([name]) => name);
  assert.ok(found.length >= 3, `onPage checks found in ${found.join(', ') || 'no folder'}`);
  for (const [, checks] of CHECKS) await checks.onPage?.(p, tools);
  assert.deepEqual(problems, []);
});

test('in Chinese, at 360 px, the sections are Chinese and drawn', async () => {
  const { page: p, problems } = await page('#lang=zh', { width: 360, height: 740 });
  for (const [, checks] of CHECKS) await checks.inChinese?.(p, tools);
  // Nothing wider than the screen.
  assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= 360));
  assert.deepEqual(problems, []);
});

for (const [name, checks] of CHECKS)
  for (const [title, body] of Object.entries(checks.tests || {}))
    test(`${name}: ${title}`, () => body(tools));

test("the embed's size-built engine answers a scheme it does not carry with a PEError", async () => {
  const { page: p, problems, context } = await openFigure('view=matrix');
  const error = await p.evaluate(async () => {
    const pe = await /** @type {any} */ (customElements.get('pe-explorer')).engine();
    try {
      pe.ropeFrequencies({ headDim: 8 });
    } catch (e) {
      return { name: e.name, kind: e.kind, parameter: e.parameter };
    }
    return null;
  });
  assert.deepEqual(error, { name: 'PEError', kind: 'not_in_build', parameter: 'ropeFrequencies' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the element knows the settings of every folder before its chunk loads (names.js agrees with index.js)', async () => {
  const { ALL, SCHEMES } = await import('../../web/app/schemes/index.js');
  const { HASH_KEYS, SETTINGS, URL_KEYS } = await import('../../web/app/schemes/names.js');
  const { settingName } = await import('../../web/app/schemes/common.js');
  assert.deepEqual(
    Object.keys(SETTINGS),
    ALL.map((s) => s.name),
  );
  // A one-figure folder's table is its View's static settings, under their attribute's name.
  for (const { name, View } of SCHEMES)
    assert.deepEqual(SETTINGS[name], View.settings.map(settingName), name);
  // The sinusoidal keys the links made before use (#d=64&n=50) map onto its attributes; the others'
  // keys are the attribute's own name.
  assert.equal(HASH_KEYS.d, 'd-model');
  assert.equal(HASH_KEYS.n, 'positions');
  assert.equal(URL_KEYS.sinusoidal['d-model'], 'd');
  assert.equal(HASH_KEYS['head-dim'], 'head-dim');
  assert.deepEqual(URL_KEYS.rope, {});
});

// Every folder's text is a table per language (loaded alone: a figure gets one language), with the same
// keys in each; every folder exports the one contract (schemes/index.js: figures, settings, mount), and
// the sinusoidal folder's figures (seven, sharing one store) are view= values like every other figure,
// in page order, before the other schemes'.
test('every scheme folder has its text in each language with the same keys, and its figures are views', async () => {
  const { ALL } = await import('../../web/app/schemes/index.js');
  const { FIGURES, FOLDER_OF } = await import('../../web/app/schemes/names.js');
  const { CHOICES } = await import('../../web/app/choices.js');
  for (const scheme of ALL) {
    const [first, ...others] = CHOICES.lang.map((lang) => Object.keys(scheme.strings[lang]).sort());
    assert.ok(first.length > 0, `${scheme.name} has no text`);
    for (const keys of others) assert.deepEqual(keys, first, `${scheme.name}: the languages' keys differ`);
    assert.equal(typeof scheme.mount, 'function', scheme.name);
    assert.ok(Object.keys(scheme.figures).length > 0, scheme.name);
    for (const [view, figure] of Object.entries(scheme.figures)) {
      assert.equal(typeof figure.markup, 'function', view);
      assert.equal(typeof figure.View, 'function', view);
    }
    assert.ok(
      scheme.settings.every((s) => /^[a-z][a-z0-9-]*$/.test(s.attribute)),
      scheme.name,
    );
    assert.ok(!('View' in scheme) && !('markup' in scheme), `${scheme.name}: the old one-figure shape`);
  }
  assert.deepEqual(FIGURES.slice(0, 7), [
    'matrix',
    'periodicity',
    'clock',
    'relative',
    'learned',
    'tokens',
    'why',
  ]);
  assert.equal(FOLDER_OF.clock, 'sinusoidal');
  assert.equal(FOLDER_OF.rope, 'rope');
  assert.deepEqual(CHOICES.view, ['all', ...FIGURES]);
});
