// The scheme sections of the page (RoPE, ALiBi, 2-D sin-cos) in Chromium: each draws, its readouts
// carry the engine's checks (curves that must coincide do), picking a patch works by pointer and
// keyboard, a bad value names itself and the page goes on, both languages; and the embed's
// size-built engine answers a scheme it does not carry with a PEError, not a TypeError.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { canvasSignature, launch, openPage, serve } from './harness.mjs';

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function page(hash = '', viewport = { width: 1280, height: 900 }) {
  const opened = await openPage(browser, server.url + 'index.html' + hash, {
    viewport,
    reducedMotion: 'reduce',
  });
  await opened.page.waitForFunction(() => document.body.dataset.ready === 'true');
  return opened;
}

test('every scheme section draws, and the invariances it shows hold', async () => {
  const { page: p, problems } = await page();
  for (const name of [
    'rope-pairs',
    'rope-clocks',
    'rope-scores',
    'rope-decay',
    'alibi-slopes',
    'alibi-matrices',
    'alibi-attention',
    'grid2d-all',
    'grid2d-x',
    'grid2d-y',
  ]) {
    const { drawn } = await canvasSignature(p, name);
    assert.ok(drawn > 500, `${name} drew ${drawn} pixels`);
  }
  // RoPE: q·k at p = 0 and p = 1000 rotated by the engine (float32 outputs) coincide.
  const ropeDiff = Number(await p.getAttribute('.rope-scores-note', 'data-diff'));
  assert.ok(ropeDiff < 1e-4, `RoPE curves differ by ${ropeDiff}`);
  // ALiBi: BLOOM's slope·j and the paper's −slope·(i − j) give the same softmax (float64).
  const alibiDiff = Number(await p.getAttribute('.alibi-attention-note', 'data-diff'));
  assert.ok(alibiDiff < 1e-12, `ALiBi forms differ by ${alibiDiff}`);
  assert.match(await p.textContent('.alibi-slopes-note'), /not a power of two: the 8 slopes of 8 heads/);
  // Partial rotary changes the port advice and greys out the unrotated dimensions.
  await p.selectOption('[name="rope-rotary"]', '0.25');
  assert.match(await p.textContent('.rope-permute'), /Dimensions 16 to 63 are not rotated/);
  assert.deepEqual(problems, []);
});

test('a patch is picked by pointer and by keyboard', async () => {
  const { page: p, problems } = await page();
  const canvas = p.locator('canvas.grid2d-x');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  // 14 x 14 grid: a click at 20 % across and 80 % down is column 2, row 11.
  await p.mouse.click(box.x + box.width * 0.2, box.y + box.height * 0.8);
  const readout = () =>
    p.evaluate(() => {
      const r = document.querySelector('.grid2d-readout');
      return [Number(r.dataset.row), Number(r.dataset.col)];
    });
  assert.deepEqual(await readout(), [11, 2]);
  await canvas.focus();
  await p.keyboard.press('ArrowRight');
  await p.keyboard.press('ArrowUp');
  assert.deepEqual(await readout(), [10, 3]);
  assert.match(await p.textContent('.grid2d-readout'), /row 143 of the table/);
  assert.deepEqual(problems, []);
});

test('a bad position names itself and the section keeps working', async () => {
  const { page: p, problems } = await page();
  await p.fill('#rope-position', '-3');
  assert.equal(
    await p.textContent('#rope-position-error'),
    'position must be an integer from 0 to 1000000000; got -3',
  );
  await p.fill('#rope-position', '40');
  assert.equal(await p.textContent('#rope-position-error'), '');
  assert.match(await p.textContent('.rope-clocks-note'), /m = 40/);
  assert.deepEqual(problems, []);
});

test('in Chinese, at 360 px, the sections are Chinese and drawn', async () => {
  const { page: p, problems } = await page('#lang=zh', { width: 360, height: 740 });
  assert.equal(await p.textContent('#rope-title'), '旋转位置编码（RoPE）');
  assert.equal(await p.textContent('#alibi-title'), 'ALiBi：用线性偏置代替位置向量');
  assert.match(await p.textContent('.alibi-slopes-note'), /不是 2 的幂/);
  for (const name of ['rope-scores', 'alibi-matrices', 'grid2d-all']) {
    assert.ok((await canvasSignature(p, name)).drawn > 500, name);
  }
  // Nothing wider than the screen.
  assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= 360));
  assert.deepEqual(problems, []);
});

test("the embed's size-built engine answers a scheme it does not carry with a PEError", async () => {
  const { page: p, problems, context } = await openPage(browser, server.url + 'embed.html#view=matrix');
  await p.waitForFunction(() => document.getElementById('figure').dataset.ready === 'true');
  const error = await p.evaluate(async () => {
    const pe = await customElements.get('pe-explorer').engine();
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

test('the element knows every scheme view before their chunk loads (names.js agrees with index.js)', async () => {
  const { SCHEMES } = await import('../../web/app/schemes/index.js');
  const { SCHEME_VIEWS } = await import('../../web/app/schemes/names.js');
  assert.deepEqual(
    SCHEMES.map((s) => s.name),
    SCHEME_VIEWS,
  );
});

test('precision: the collapse and the first bad position match the independent counts', async () => {
  const { page: p, problems } = await page();
  for (const name of ['precision-heatmap', 'precision-steps', 'precision-ids-chart', 'precision-inv-chart']) {
    assert.ok((await canvasSignature(p, name)).drawn > 500, `${name} is blank`);
  }
  // RoPE head 128, position ids in bfloat16, positions 0 … 4095. Python (bfloat16 by the float32-bits
  // trick, grouping 0 … 4095 by the rounded id): 769 ids, 449 shared, the first [256, 257]; the first
  // position whose error passes 1e-3 is 257 (tests/cpp/precision_test.cpp has the same numbers).
  assert.equal(await p.getAttribute('.precision-summary', 'data-distinct'), '769');
  assert.equal(await p.getAttribute('.precision-summary', 'data-first-bad'), '257');
  assert.equal(await p.getAttribute('.precision-collapse', 'data-groups'), '449');
  assert.match(await p.textContent('.precision-collapse li'), /^256, 257 \(2 positions\)$/);
  // float32 position ids: nothing collapses.
  await p.selectOption('[name="precision-format"]', 'float32');
  await p.waitForFunction(() => document.querySelector('.precision-collapse').dataset.groups === '0');
  assert.equal(await p.getAttribute('.precision-summary', 'data-distinct'), '4096');
  // float16: numpy.float16 gives 3073 ids among 0 … 4095.
  await p.selectOption('[name="precision-format"]', 'float16');
  await p.waitForFunction(() => document.querySelector('.precision-summary').dataset.distinct === '3073');
  assert.deepEqual(problems, []);
});

test('precision: a million positions at canvas resolution; pan, zoom and a tap read one cell', async () => {
  const { page: p, problems } = await page('', { width: 1280, height: 900 });
  await p.selectOption('[name="precision-range"]', '1000000');
  const heat = p.locator('canvas.precision-heatmap');
  await p.waitForFunction(() => document.querySelector('.precision-heatmap').dataset.count === '1000000');
  assert.match(await p.textContent('.precision-window'), /each pixel column covers [\d.,]+ positions/);
  assert.match(await p.textContent('.precision-summary'), /Counted over the first 32,768 positions/);
  // Wheel: zoom in around the pointer; keys: 0 resets.
  await heat.hover();
  await p.mouse.wheel(0, -300);
  await p.waitForFunction(() => Number(document.querySelector('.precision-heatmap').dataset.count) < 1000000);
  await heat.focus();
  await p.keyboard.press('0');
  await p.waitForFunction(() => document.querySelector('.precision-heatmap').dataset.count === '1000000');
  // Keys: zoom in twice, then pan right: the window moves.
  await p.keyboard.press('+');
  await p.keyboard.press('+');
  await p.waitForFunction(() => document.querySelector('.precision-heatmap').dataset.count === '250000');
  const start = Number(await heat.getAttribute('data-start'));
  await p.keyboard.press('ArrowRight');
  await p.waitForFunction(
    (start) => Number(document.querySelector('.precision-heatmap').dataset.start) > start,
    start,
  );
  // A drag pans (coarse frames while it lasts, the fine one at the end).
  const box = await heat.boundingBox();
  const before = Number(await heat.getAttribute('data-start'));
  await p.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  await p.mouse.down();
  await p.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2, { steps: 5 });
  await p.mouse.up();
  await p.waitForFunction((before) => {
    const c = document.querySelector('.precision-heatmap');
    return Number(c.dataset.start) > before && c.dataset.samples === '8';
  }, before);
  assert.deepEqual(problems, []);
});

test('precision: by touch at 360 px, a tap reads the cell under it', async () => {
  const { page: p, problems } = await page('#lang=en', { width: 360, height: 740 });
  await p.context().close();
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true });
  const tp = await context.newPage();
  await tp.goto(server.url + 'index.html');
  await tp.waitForFunction(() => document.body.dataset.ready === 'true');
  const heat = tp.locator('canvas.precision-heatmap');
  await heat.scrollIntoViewIfNeeded();
  const box = await heat.boundingBox();
  // The plot starts 44 px in; a tap at 80 % of its width, in the first pair's row.
  const x = box.x + 44 + (box.width - 52) * 0.8;
  await tp.touchscreen.tap(x, box.y + 12.8); // pairs are 2 px rows from 12 px down
  await tp.waitForFunction(() => document.querySelector('.precision-cell').dataset.position !== undefined);
  const position = Number(await tp.getAttribute('.precision-cell', 'data-position'));
  assert.ok(Math.abs(position - 0.8 * 4096) < 4096 * 0.02, `tapped position ${position}`);
  assert.equal(await tp.getAttribute('.precision-cell', 'data-pair'), '0');
  assert.match(await tp.textContent('.precision-cell'), /^Position [\d,]+, pair 0 \(ω = 1\): error /);
  assert.ok(await tp.evaluate(() => document.documentElement.scrollWidth <= 360));
  assert.deepEqual(problems, []);
  await context.close();
});
