// The explorer page in real Chromium, checked the way a reader sees it: pixels on every canvas, values in
// the readouts, the URL after a change, messages after bad input, accessibility, and the downloads.
// Reference values are computed here in float64 (Math.sin/cos of the paper's formula), independently of
// the engine, or come from the native pe-export.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { AxeBuilder } from '@axe-core/playwright';
import {
  canvasSignature,
  openExplorer,
  openPage,
  paperValue,
  parseNpy,
  PE_EXPORT,
  setField,
  useBrowser,
} from './harness.mjs';
import { formatNumber, grouped } from '../../web/app/canvas.js';

const suite = useBrowser();

const CANVASES = [
  'heatmap',
  'colorbar',
  'curves',
  'wavelengths',
  'quarter',
  'bars',
  'clocks',
  'gram',
  'dots',
];

const explorer = (hash = '', options = {}) =>
  openExplorer(suite, hash, { acceptDownloads: true, ...options });

const signature = canvasSignature;

test('the page loads with no console error and every canvas has drawn pixels', async () => {
  const { page, problems } = await explorer();
  for (const name of CANVASES) {
    const { drawn } = await signature(page, name);
    assert.ok(drawn > 500, `canvas.${name} has only ${drawn} drawn pixels`);
  }
  assert.deepEqual(problems, []);
});

test('each canvas changes when the control that drives it changes', async () => {
  const { page, problems } = await explorer();
  const cases = [
    ['#c-d', 64, ['heatmap', 'curves', 'wavelengths', 'bars', 'clocks', 'gram']],
    ['#c-base', 500, ['heatmap', 'wavelengths', 'quarter', 'gram', 'dots']],
    ['#c-pos', 60, ['bars', 'clocks', 'curves-cursor']],
    ['#c-k', 17, ['dots']],
    ['#c-dims', '3, 9', ['curves', 'wavelengths']],
  ];
  for (const [selector, value, names] of cases) {
    const before = Object.fromEntries(
      await Promise.all(names.map(async (n) => [n, await signature(page, n)])),
    );
    await setField(page, selector, value);
    for (const name of names) {
      const now = await signature(page, name);
      assert.notEqual(
        now.hash,
        before[name].hash,
        `canvas.${name} did not change with ${selector} = ${value}`,
      );
    }
  }
  const before = await signature(page, 'heatmap');
  await page.selectOption('#c-map', 'viridis');
  assert.notEqual(
    (await signature(page, 'heatmap')).hash,
    before.hash,
    'the colour map did not change the matrix',
  );
  const beforeLayout = await signature(page, 'heatmap');
  await page.selectOption('#c-layout', 'split');
  assert.notEqual(
    (await signature(page, 'heatmap')).hash,
    beforeLayout.hash,
    'the layout did not change the matrix',
  );
  assert.deepEqual(problems, []);
});

test('hovering a known cell reads out its position, dimension, pair, wave and value', async () => {
  const { page } = await explorer();
  await page.locator('canvas.overlay').scrollIntoViewIfNeeded();
  const box = await page.locator('canvas.overlay').boundingBox();
  // The plot area: margins of 56 (left), 10 (top), 12 (right), 40 (bottom) CSS pixels.
  const plot = { left: 56, top: 10, width: box.width - 68, height: box.height - 50 };
  const [row, col, d, n] = [37, 12, 128, 100];
  await page.mouse.move(
    box.x + plot.left + ((col + 0.5) / d) * plot.width,
    box.y + plot.top + ((row + 0.5) / n) * plot.height,
  );
  const text = await page.textContent('.readout');
  const expected = paperValue(row, col, d).toFixed(6);
  assert.match(
    text,
    new RegExp(
      `position ${row} · dimension ${col} \\(pair 6, sin\\) · value ${expected.replace('.', '\\.')}`,
    ),
  );
  // 10000^(12/128) = 2.3714 -> omega = 0.42170, wavelength 2*pi/omega = 14.8998
  assert.match(text, /ω = 0\.4217/);
  assert.match(text, /wavelength 14\.8998 positions/);
});

test('the keyboard moves the cursor, zooms and picks a position', async () => {
  const { page } = await explorer();
  await page.focus('canvas.overlay');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  assert.match(await page.textContent('.readout'), /position 21 · dimension 1 \(pair 0, cos\)/);
  await page.keyboard.press('+');
  await page.waitForFunction(() => location.hash.includes('zoom='));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#c-pos').value === '21');
  await page.keyboard.press('0');
  await page.waitForFunction(() => !location.hash.includes('zoom='));
});

test('a large matrix (8192 x 1024) draws and can be zoomed into', async () => {
  const { page, problems } = await explorer('#d=1024&n=8192&pos=4000');
  assert.ok((await signature(page, 'heatmap')).drawn > 10000);
  await page.click('[data-action="zoom-in"]');
  await page.click('[data-action="zoom-in"]');
  await page.waitForFunction(() => /zoom=\d+,2048,\d+,256/.test(location.hash));
  assert.deepEqual(problems, []);
});

test('the clock hand of a known pair points at pos x omega', async () => {
  const { page } = await explorer('#d=16&n=50&pos=7');
  const omega = 10000 ** (-2 / 16); // pair 1 of d = 16
  const angle = 7 * omega;
  const degrees = ((((angle * 180) / Math.PI) % 360) + 360) % 360;
  const item = await page.getAttribute('.angles li[data-pair="1"]', 'data-angle');
  assert.ok(Math.abs(Number(item) - degrees) < 1e-3, `angle ${item} vs ${degrees}`);
  assert.match(
    await page.textContent('.angles li[data-pair="1"]'),
    new RegExp(`angle ${degrees.toFixed(1)}°`),
  );
  // Pixels: the second clock (pair 1) is centred at (86 + 43, 36); its hand passes through radius 20.
  const hit = await page.evaluate(
    ({ angle }) => {
      const canvas = document.querySelector('canvas.clocks');
      const ctx = canvas.getContext('2d');
      const scale = canvas.width / canvas.clientWidth;
      const at = (r, a) =>
        ctx.getImageData(
          Math.round((129 + r * Math.cos(a)) * scale),
          Math.round((36 - r * Math.sin(a)) * scale),
          1,
          1,
        ).data;
      return { on: Array.from(at(20, angle)), off: Array.from(at(20, angle + Math.PI)) };
    },
    { angle },
  );
  const accent = [0xc2, 0x41, 0x0c];
  const near = (px) => px[3] > 200 && px.slice(0, 3).every((c, i) => Math.abs(c - accent[i]) < 60);
  assert.ok(near(hit.on), `no hand at ${degrees.toFixed(1)}°: pixel ${hit.on}`);
  assert.ok(!near(hit.off), `hand drawn opposite: pixel ${hit.off}`);
});

test('changing a control updates the URL; reloading and back restore the state', async () => {
  const { page } = await explorer();
  await setField(page, '#c-d', 64);
  await page.waitForFunction(() => location.hash.includes('d=64'));
  await page.selectOption('#c-freq', 'tensor2tensor');
  await page.waitForFunction(() => location.hash.includes('freq=tensor2tensor'));
  const shown = await signature(page, 'heatmap');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.inputValue('#c-d'), '64');
  assert.equal(await page.inputValue('#c-freq'), 'tensor2tensor');
  assert.equal((await signature(page, 'heatmap')).hash, shown.hash);
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('#c-freq').value === 'paper');
  assert.equal(await page.inputValue('#c-d'), '64');
  await page.goForward();
  await page.waitForFunction(() => document.querySelector('#c-freq').value === 'tensor2tensor');
});

test('bad values show their messages and the page stays usable', async () => {
  const { page, problems } = await explorer();
  const matrix = await signature(page, 'heatmap');
  const cases = [
    ['#c-d', '0', 'd_model must be an integer from 1 to 8192; got 0'],
    ['#c-d', '12.5', 'd_model must be an integer from 1 to 8192; got 12.5'],
    ['#c-n', '1000000', 'positions x d_model must be at most 16777216 values'],
    ['#c-base', '1', 'base must be a finite number greater than 1; got 1'],
    ['#c-base', '', 'enter a number'],
    ['#c-pos', '500', 'position must be an integer from 0 to 99; got 500'],
    ['#c-k', '-100', 'offset k must be an integer from -99 to 99; got -100'],
    ['#c-dims', '3, 999', 'dimensions must be integers from 0 to 127; got 999'],
  ];
  for (const [selector, value, message] of cases) {
    await setField(page, selector, value);
    const error = await page.textContent(`${selector}-error`);
    assert.ok(error.includes(message), `${selector} = ${value}: "${error}"`);
    assert.equal(await page.getAttribute(selector, 'aria-invalid'), 'true');
    assert.equal(
      (await signature(page, 'heatmap')).hash,
      matrix.hash,
      'the matrix changed after a bad value',
    );
    const good = { '#c-d': 128, '#c-n': 100, '#c-base': 10000, '#c-pos': 20, '#c-k': 5, '#c-dims': '' };
    await setField(page, selector, good[selector]);
    assert.equal(await page.getAttribute(selector, 'aria-invalid'), null);
  }
  await setField(page, '#c-d', 32);
  assert.equal(await page.textContent('#c-d-error'), '');
  assert.notEqual(
    (await signature(page, 'heatmap')).hash,
    matrix.hash,
    'a good value after bad ones was not applied',
  );
  assert.deepEqual(problems, []);
});

test('a bad link gives defaults plus messages, and the page works', async () => {
  const { page, problems } = await explorer('#d=abc&n=-5&layout=zigzag&pos=1e9&bogus=1&dims=%E0%A4%A');
  const text = await page.textContent('#messages');
  assert.ok(await page.isVisible('#messages'));
  for (const expected of [
    'd: "abc" is not a number',
    'positions must be an integer from 1 to 1048576; got -5',
    'layout must be one of interleaved, split, split_cos_first; got "zigzag"',
    'ignored unknown setting "bogus"',
    'not valid URL encoding',
  ]) {
    assert.ok(text.includes(expected), `missing message: ${expected}\n${text}`);
  }
  assert.equal(await page.inputValue('#c-d'), '128');
  assert.ok((await signature(page, 'heatmap')).drawn > 500);
  assert.deepEqual(problems, []);
});

test('the hash parser survives 1,000 random and hostile hashes', async () => {
  const { page, problems } = await explorer();
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const pick = (list) => list[Math.floor(random() * list.length)];
  const keys = [
    'd',
    'n',
    'base',
    'layout',
    'freq',
    'pos',
    'k',
    'dims',
    'map',
    'speed',
    'zoom',
    '__proto__',
    'constructor',
    'x',
    '',
  ];
  const values = [
    '',
    '0',
    '-1',
    '1e309',
    'NaN',
    'Infinity',
    '-0',
    '0x10',
    '1,2,3',
    ',,,',
    '%',
    '%E0%A4%A',
    '%00',
    '64',
    '8192',
    '8193',
    '1048576',
    '1e-300',
    'split',
    'paper',
    '<script>alert(1)</script>',
    'a'.repeat(300),
    '💥',
    '1.5',
    ' 7 ',
    '=',
    '&',
  ];
  const hashes = [];
  for (let n = 0; n < 1000; n++) {
    if (n % 10 === 0) {
      hashes.push(
        String.fromCharCode(
          ...Array.from({ length: Math.floor(random() * 60) }, () => Math.floor(random() * 0x3000)),
        ),
      );
      continue;
    }
    const parts = Array.from({ length: 1 + Math.floor(random() * 6) }, () => `${pick(keys)}=${pick(values)}`);
    hashes.push('#' + parts.join(pick(['&', '&&', ';', '&='])));
  }
  hashes.push('#' + 'd=1&'.repeat(2000));
  const result = await page.evaluate(async (hashes) => {
    const { parseHash, DEFAULTS } = await import('./app/state.js');
    const { engine } = await import('./app/engine.js');
    const pe = await engine();
    const failures = [];
    for (const hash of hashes) {
      try {
        const { state, messages } = parseHash(hash, (o) => pe.validate(o), pe.limits);
        pe.validate({
          dModel: state.d,
          positions: state.n,
          base: state.base,
          layout: state.layout,
          frequencies: state.freq,
        });
        const ok =
          Array.isArray(messages) &&
          Object.keys(DEFAULTS).every((key) => key in state) &&
          Number.isInteger(state.pos) &&
          state.pos >= 0 &&
          state.pos < state.n &&
          Number.isInteger(state.k) &&
          Math.abs(state.k) < state.n &&
          Object.getPrototypeOf(state) === Object.prototype;
        if (!ok) failures.push(`${hash}: ${JSON.stringify(state)}`);
      } catch (error) {
        failures.push(`${hash}: threw ${error}`);
      }
    }
    return failures;
  }, hashes);
  assert.deepEqual(result.slice(0, 5), []);
  // And a few of them in the real page, through navigation.
  for (const hash of hashes.slice(0, 12)) {
    await page.goto(
      suite.server.url + 'index.html' + (hash.startsWith('#') ? hash : '#' + encodeURIComponent(hash)),
    );
    await page.waitForSelector('body[data-ready="true"]');
  }
  assert.deepEqual(problems, []);
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core reports no violations (${colorScheme})`, async () => {
    const { page } = await explorer('', { colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    const summary = results.violations.map(
      (v) => `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0]?.target})`,
    );
    assert.deepEqual(summary, []);
  });
}

test('the downloaded NPY and CSV hold the engine numbers (same as the native pe-export)', async () => {
  const { page } = await explorer('#d=24&n=30&layout=split&freq=tensor2tensor');
  const native = parseNpy(
    execFileSync(PE_EXPORT, [
      '--d-model',
      '24',
      '--positions',
      '30',
      '--layout',
      'split',
      '--frequencies',
      'tensor2tensor',
      '--format',
      'npy',
    ]),
  );
  const grab = async (format) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click(`[data-export="${format}"]`),
    ]);
    return { name: download.suggestedFilename(), path: await download.path() };
  };
  const npy = await grab('npy');
  assert.equal(npy.name, 'pe_d24_n30_split_tensor2tensor.npy');
  const fromPage = parseNpy(fs.readFileSync(npy.path));
  assert.deepEqual(fromPage.shape, [30, 24]);
  const csv = await grab('csv');
  const rows = fs
    .readFileSync(csv.path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(',').map(Number));
  assert.equal(rows.length, 30);
  for (let r = 0; r < 30; r++) {
    assert.equal(rows[r].length, 24);
    for (let c = 0; c < 24; c++) {
      const n = native.data[r * 24 + c];
      assert.ok(Math.abs(fromPage.data[r * 24 + c] - n) <= 1.2e-7, `npy [${r}, ${c}]`);
      assert.equal(
        Math.fround(rows[r][c]),
        fromPage.data[r * 24 + c],
        `csv [${r}, ${c}] reads back as the npy value`,
      );
    }
  }
  // numpy itself (Debian's python3-numpy) loads it with the right shape and dtype.
  const numpy = execFileSync('/usr/bin/python3', [
    '-c',
    'import sys, numpy; a = numpy.load(sys.argv[1]); print(a.shape, a.dtype)',
    npy.path,
  ]);
  assert.equal(numpy.toString().trim(), '(30, 24) float32');
  // Beyond the text cap (pe.limits.maxTextExport, 2^21 values) a CSV is refused with its message and
  // nothing is downloaded; NPY still is.
  const { page: big, problems } = await explorer('#d=1024&n=4096');
  let downloads = 0;
  big.on('download', () => downloads++);
  await big.click('[data-export="csv"]');
  await big.waitForFunction(() => !document.getElementById('messages').hidden);
  assert.match(
    await big.textContent('#messages'),
    /a CSV or JSON file holds at most 2097152 values; this table has 4194304/,
  );
  const [npyBig] = await Promise.all([big.waitForEvent('download'), big.click('[data-export="npy"]')]);
  assert.equal(npyBig.suggestedFilename(), 'pe_d1024_n4096_interleaved_paper.npy');
  assert.equal(downloads, 1);
  assert.deepEqual(problems, []);
});

test('play moves the position and the other views follow; reduced motion means no autoplay', async () => {
  const { page, problems } = await explorer('#speed=64');
  await page.locator('#view-clock').scrollIntoViewIfNeeded();
  // The clocks have been told they are on screen, the moment autoplay would start: it must not.
  await page.waitForFunction(() => document.querySelector('.clocks').dataset.onScreen === 'true');
  assert.notEqual(await page.evaluate(() => document.querySelector('.clocks').dataset.running), 'true');
  assert.equal(await page.inputValue('#c-pos'), '20', 'autoplay despite prefers-reduced-motion');
  const clocks = await signature(page, 'clocks');
  await page.click('[data-action="play"]');
  // While they play, the canvases far from the screen (the last section's) are out of the picture;
  // the clocks' own are not.
  const far = '#view-context canvas';
  await page.waitForFunction((far) => document.querySelector(far)?.hasAttribute('data-far'), far);
  assert.equal(
    await page.evaluate(
      (far) => document.querySelector(far).checkVisibility({ visibilityProperty: true }),
      far,
    ),
    false,
  );
  assert.equal(
    await page.evaluate(() => document.querySelector('canvas.clocks').hasAttribute('data-far')),
    false,
  );
  await page.waitForFunction(() => Number(document.querySelector('#c-pos').value) >= 30);
  await page.click('[data-action="play"]'); // pause
  const pos = await page.inputValue('#c-pos');
  assert.equal(
    await page.evaluate(() => document.querySelectorAll('[data-far]').length),
    0,
    'all back after the pause',
  );
  assert.equal(
    await page.evaluate(
      (far) => document.querySelector(far).checkVisibility({ visibilityProperty: true }),
      far,
    ),
    true,
  );
  // Frames redraw only each clock's square and the bars' changed spans: after playing, both canvases
  // are the very pixels a fresh page at that position draws whole.
  const fresh = await explorer(`#speed=64&pos=${pos}`);
  await fresh.page.locator('#view-clock').scrollIntoViewIfNeeded();
  for (const name of ['clocks', 'bars']) {
    assert.equal(
      (await signature(page, name)).hash,
      (await signature(fresh.page, name)).hash,
      `${name} after playing`,
    );
  }
  assert.match(await page.textContent('.readout'), new RegExp(`Outlined: position ${pos}\\.`));
  assert.match(await page.textContent('.residual'), new RegExp(`PE\\(${pos}\\)`));
  assert.notEqual((await signature(page, 'clocks')).hash, clocks.hash);
  await page.waitForFunction((p) => location.hash.includes(`pos=${p}`), pos);
  await page.click('[data-action="step-forward"]');
  assert.equal(await page.inputValue('#c-pos'), String(Number(pos) + 1));
  assert.deepEqual(problems, []);

  const moving = await explorer('#speed=64', { reducedMotion: 'no-preference' });
  await moving.page.locator('#view-clock').scrollIntoViewIfNeeded();
  await moving.page.waitForFunction(() => Number(document.querySelector('#c-pos').value) !== 20);
});

test('the page numbers its sections in order, lays every one out once ready; a figure is not numbered', async () => {
  const { page, problems } = await explorer();
  // While it loads, sections off screen are skipped (styles.css, data-loading); ready, none is.
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-loading')), false);
  const numbers = await page.evaluate(() =>
    [...document.querySelectorAll('section.view h2')].map((h) => getComputedStyle(h, '::before').content),
  );
  assert.equal(numbers.length, 16); // the seven sinusoidal views and nine schemes'
  assert.deepEqual(
    numbers,
    numbers.map((_, n) => `"${n + 1}. "`),
  );
  const figure = await openPage(suite.browser, suite.server.url + 'embed.html#view=rope');
  await figure.page.waitForFunction(() => document.querySelector('pe-explorer').dataset.ready === 'true');
  const heading = await figure.page.evaluate(() => {
    const h = document.querySelector('pe-explorer').shadowRoot.querySelector('section.view h2');
    return getComputedStyle(h, '::before').content;
  });
  assert.equal(heading, 'none');
  assert.deepEqual(problems.concat(figure.problems), []);
});

test('numbers are grouped and rounded as Intl writes them (the page uses no Intl: its first use is slow)', () => {
  // Reference: Intl.NumberFormat('en-US') in node, what formatNumber called before.
  const intl = (x, f) => new Intl.NumberFormat('en-US', { maximumFractionDigits: f }).format(x);
  const values = [0, 1, 12, 999, 1000, 12345.678, 1e6, 9999999, 0.5, 2.5, 1.0000005, 0.0001, 0.00012345];
  let seed = 7;
  for (let n = 0; n < 2000; n++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    values.push((seed / 2 ** 31) * 10 ** ((n % 12) - 4)); // 1e-4 ... 1e7
  }
  for (const v of values) {
    for (const x of [v, -v]) {
      for (const f of [0, 3, 6]) {
        const want = intl(x, f);
        assert.equal(grouped(x, f), want === '-0' ? '0' : want, `grouped(${x}, ${f})`);
      }
      for (const digits of [3, 4, 5]) {
        const a = Math.abs(x);
        if (a !== 0 && (a >= 1e7 || a < 1e-4)) continue; // written in exponent form, not grouped
        const want = intl(+x.toPrecision(digits), 6).replace('-', '−');
        assert.equal(formatNumber(x, digits), want === '−0' ? '0' : want, `formatNumber(${x}, ${digits})`);
      }
    }
  }
});

// ticks(min, max, count) in a worker of its own, stopped if it takes longer than `ms` (a ticks() that never
// ends fails its case instead of hanging the suite; one that fills memory fails on the worker's limit).
function ticksInWorker(args, ms = 10_000) {
  const url = new URL('../../web/app/canvas.js', import.meta.url).href;
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     import(workerData.url).then(({ ticks }) => parentPort.postMessage(ticks(...workerData.args)));`,
    { eval: true, workerData: { url, args }, resourceLimits: { maxOldGenerationSizeMb: 64 } },
  );
  let timer;
  return new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('the worker ended without an answer')));
  }).finally(() => {
    clearTimeout(timer);
    return worker.terminate();
  });
}

test('ticks() ends with sorted, finite ticks inside the range for any range: flat, reversed, huge, subnormal, not a number', async () => {
  const cases = [
    [1 - 2 ** -53, 1, 4], // one float step: the loop's v += step never moved v
    [1, 1 + 2 ** -52, 4],
    [1e15, 1e15 + 0.125, 4],
    [0, Number.MIN_VALUE, 4], // a subnormal span: step 0
    [0, 1e-320, 4],
    [-1e-310, 1e-310, 6],
    [-1e308, 1e308, 5], // max - min overflows
    [-Number.MAX_VALUE, Number.MAX_VALUE, 1],
    [0, Number.MAX_VALUE, 4],
    [5, 5, 4],
    [9, 1, 4], // reversed
    [NaN, 1, 4],
    [1, NaN, 4],
    [NaN, NaN, 4],
    [0, Infinity, 4],
    [-Infinity, 3, 4],
    [-Infinity, Infinity, 4],
    [0, 10, NaN],
    [0, 10, 0],
    [0, 10, Infinity],
  ];
  const failures = [];
  for (const [min, max, count] of cases) {
    const name = `ticks(${min}, ${max}, ${count})`;
    const out = await ticksInWorker([min, max, count]).catch((error) => error);
    if (out instanceof Error) {
      failures.push(`${name}: ${out.message}`);
      continue;
    }
    const finite = [min, max].filter(Number.isFinite);
    const [lo, hi] = [Math.min(...finite), Math.max(...finite)];
    const slack = (hi - lo) * 1e-9 || Math.abs(hi) * 1e-11;
    if (!Array.isArray(out) || out.length > (count >= 1 ? Math.min(count, 1000) : 5) + 2)
      failures.push(`${name} = ${out}: too many`);
    else if (finite.length && !out.length) failures.push(`${name} = []: no tick for a range with a number`);
    else if (!finite.length && out.length) failures.push(`${name} = ${out}: ticks for no range`);
    else if (!out.every((v, i) => Number.isFinite(v) && (i === 0 || v > out[i - 1])))
      failures.push(`${name} = ${out}: not finite and ascending`);
    else if (!out.every((v) => v >= lo - slack && v <= hi + slack))
      failures.push(`${name} = ${out}: outside`);
  }
  assert.deepEqual(failures, []);
  // Where the range is plain, the same round ticks as before.
  assert.deepEqual(await ticksInWorker([9, 1, 4]), await ticksInWorker([1, 9, 4]));
  assert.deepEqual(await ticksInWorker([5, 5, 4]), [5]);
  assert.deepEqual(await ticksInWorker([0, 127, 4]), [0, 50, 100]);
  assert.deepEqual(await ticksInWorker([-1, 1, 4]), [-1, -0.5, 0, 0.5, 1]);
  assert.deepEqual(await ticksInWorker([0.1, 0.3, 4]), [0.1, 0.15, 0.2, 0.25, 0.3]);
  assert.deepEqual(await ticksInWorker([-1e308, 1e308, 5]), [-1e308, -5e307, 0, 5e307, 1e308]);
  // Multiples of the step, not a running sum: zero is 0, not -2.8e-16 (labelled "−2.78e−16").
  assert.ok((await ticksInWorker([-2, 2, 20])).includes(0));
});

test('the rotation table follows position and d_model: R_k PE(p) reads as PE(p + k) in every row', async () => {
  const { page, problems } = await explorer('#d=128&pos=20&k=3');
  const rows = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('table.rotation tbody tr')].map((tr) =>
        [...tr.cells].map((td) => td.textContent),
      ),
    );
  const f = (x) => (x < 0 ? '−' : '') + Math.abs(x).toFixed(4);
  let table = await rows();
  assert.deepEqual(
    table.map((r) => r[0]),
    ['0', '1', '2', '32', '63'],
  );
  for (const r of table) assert.equal(r[4], r[5], `pair ${r[0]}: rotated PE(20) is PE(23)`);
  // Fewer pairs: rows go; the position moves: the same rows are rewritten (paper formula, interleaved).
  await setField(page, '#c-d', 4);
  await setField(page, '#c-pos', 21);
  await page.waitForFunction(() => document.querySelectorAll('table.rotation tbody tr').length === 2);
  table = await rows();
  assert.deepEqual(
    table.map((r) => r[0]),
    ['0', '1'],
  );
  for (const [n, r] of table.entries()) {
    assert.equal(r[3], `(${f(paperValue(21, 2 * n, 4))}, ${f(paperValue(21, 2 * n + 1, 4))})`);
    assert.equal(r[4], r[5]);
  }
  await setField(page, '#c-d', 128);
  await page.waitForFunction(() => document.querySelectorAll('table.rotation tbody tr').length === 5);
  assert.deepEqual(problems, []);
});

test('a link that shrinks the matrix moves the default position inside quietly; a bad one set is reported', async () => {
  const { page, problems } = await explorer('#n=12');
  assert.equal(await page.isVisible('#messages'), false, await page.textContent('#messages'));
  assert.equal(await page.inputValue('#c-pos'), '11');
  const reported = await explorer('#n=12&pos=40');
  assert.match(
    await reported.page.textContent('#messages'),
    /position must be an integer from 0 to 11; got 40; using pos = 11/,
  );
  assert.deepEqual(problems.concat(reported.problems), []);
});

test('by touch at 360 x 740, each tap on the matrix reads the cell under it (and keeps it)', async () => {
  const { page, problems } = await explorer('#d=64&n=100', {
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    isMobile: true,
  });
  const overlay = page.locator('#view-matrix canvas.overlay');
  await overlay.scrollIntoViewIfNeeded();
  const box = await overlay.boundingBox();
  const dimensions = [];
  // The plot inside the canvas: 56 px of axis on the left, 12 on the right (matrix.js MARGIN).
  const fractions = [0.2, 0.5, 0.8];
  for (const fraction of fractions) {
    await page.touchscreen.tap(box.x + 56 + (box.width - 68) * fraction, box.y + box.height * 0.5);
    await page.waitForFunction(() =>
      /dimension \d+/.test(document.querySelector('#view-matrix .readout').textContent),
    );
    // A tap's pointerleave must not clear what it read: the readout still reads a cell afterwards.
    const text = await page.textContent('#view-matrix .readout');
    dimensions.push(Number(text.match(/dimension (\d+)/)[1]));
  }
  // Each tap reads the dimension under the finger: 20 %, 50 % and 80 % of 64 columns (±1 for the
  // finger's rounding to a CSS pixel).
  fractions.forEach((f, n) => assert.ok(Math.abs(dimensions[n] - f * 64) <= 1.5, `dimensions ${dimensions}`));
  assert.deepEqual(problems, []);
});

test('at 360 px the first figure comes first, with the settings one tap away; at 1280 px they are open', async () => {
  const { page, problems } = await explorer('', { viewport: { width: 360, height: 740 } });
  // The folded settings are one button high, and the first figure follows them at once (before: the
  // open panel filled 1,830 px above it).
  const { panel, gap } = await page.evaluate(() => {
    const aside = document.querySelector('aside.controls').getBoundingClientRect();
    const first = document.querySelector('#view-matrix').getBoundingClientRect();
    return { panel: aside.height, gap: first.top - aside.bottom };
  });
  assert.ok(panel < 80, `the folded settings are ${panel} px high`);
  assert.ok(gap >= 0 && gap < 40, `the first figure starts ${gap} px below the settings`);
  assert.equal(await page.isVisible('#c-d'), false);
  await page.click('.settings-toggle');
  assert.equal(await page.isVisible('#c-d'), true);
  assert.equal(await page.getAttribute('.settings-toggle', 'aria-expanded'), 'true');
  await page.click('.settings-toggle');
  assert.equal(await page.isVisible('#c-d'), false);
  const wide = await explorer('', { viewport: { width: 1280, height: 900 } });
  assert.equal(await wide.page.isVisible('#c-d'), true);
  assert.equal(await wide.page.isVisible('.settings-toggle'), false);
  assert.deepEqual(problems.concat(wide.problems), []);
});
