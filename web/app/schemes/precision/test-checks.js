// @ts-check
// Precision's checks in the browser suite: tests/web/schemes.test.mjs finds every folder's
// test-checks.js and runs what it exports with its tools (schemes.test.mjs's Tools: assert, page (the
// explorer page at a hash and viewport), openFigure (embed.html at a hash, ready), openPage, suite,
// canvasSignature, drawn (canvases drew), loadEngine): onPage on the explorer page as it opens
// (English, 1280 px), inChinese on it in Chinese at 360 px, and each of `tests` as a test. Not loaded
// by the page.

/** @type {Record<string, (tools: import('../../../../tests/web/schemes.test.mjs').Tools) => Promise<void>>} */
export const tests = {
  'the collapse and the first bad position match the independent counts': async ({ assert, page, drawn }) => {
    const { page: p, problems } = await page();
    await drawn(p, ['precision-heatmap', 'precision-steps', 'precision-ids-chart', 'precision-inv-chart']);
    // RoPE head 128, position ids in bfloat16, positions 0 … 4095. Python (bfloat16 by the float32-bits
    // trick, grouping 0 … 4095 by the rounded id): 769 ids, 449 shared, the first [256, 257]; the first
    // position whose error passes 1e-3 is 257 (cpp/schemes/precision/precision_test.cpp has the same numbers).
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
  },
  'a million positions at canvas resolution; pan, zoom and a tap read one cell': async ({ assert, page }) => {
    const { page: p, problems } = await page('', { width: 1280, height: 900 });
    await p.selectOption('[name="precision-range"]', '1000000');
    const heat = p.locator('canvas.precision-heatmap');
    await p.waitForFunction(() => document.querySelector('.precision-heatmap').dataset.count === '1000000');
    assert.match(await p.textContent('.precision-window'), /each pixel column covers [\d.,]+ positions/);
    assert.match(await p.textContent('.precision-summary'), /Counted over the first 32,768 positions/);
    // Wheel: zoom in around the pointer; keys: 0 resets.
    await heat.hover();
    await p.mouse.wheel(0, -300);
    await p.waitForFunction(
      () => Number(document.querySelector('.precision-heatmap').dataset.count) < 1000000,
    );
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
  },
  'by touch at 360 px, a tap reads the cell under it': async ({ assert, page, suite }) => {
    const { page: p, problems } = await page('#lang=en', { width: 360, height: 740 });
    await p.context().close();
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true });
    const tp = await context.newPage();
    await tp.goto(suite.server.url + 'index.html');
    await tp.waitForFunction(() => document.body.dataset.ready === 'true');
    const heat = tp.locator('canvas.precision-heatmap');
    await heat.scrollIntoViewIfNeeded();
    const box = await heat.boundingBox();
    // The plot starts 44 px in; a tap at 80 % of its width, in the first pair's row.
    const x = box.x + 44 + (box.width - 66) * 0.8;
    await tp.touchscreen.tap(x, box.y + 12.8); // pairs are 2 px rows from 12 px down
    await tp.waitForFunction(() => document.querySelector('.precision-cell').dataset.position !== undefined);
    const position = Number(await tp.getAttribute('.precision-cell', 'data-position'));
    assert.ok(Math.abs(position - 0.8 * 4096) < 4096 * 0.02, `tapped position ${position}`);
    assert.equal(await tp.getAttribute('.precision-cell', 'data-pair'), '0');
    assert.match(await tp.textContent('.precision-cell'), /^Position [\d,]+, pair 0 \(ω = 1\): error /);
    assert.ok(await tp.evaluate(() => document.documentElement.scrollWidth <= 360));
    assert.deepEqual(problems, []);
    await context.close();
  },
};

/** Words its sections print in Chinese too (tests/web/concepts.test.mjs): model and author names,
 *  code identifiers, formula symbols. */
export const sharedWords =
  'float16 bfloat16 inv_freq int64 round autocast torch enabled False position_ids transformers';

/** Its benchmark steps (tests/bench/scheme-controls.mjs collects every folder's): [view, control,
 *  the values a reader's input events set it to, in order]. */
export const benchSteps = [
  ['precision', 'precision-pair', Array.from({ length: 60 }, (_, k) => String(k))],
  ['precision', 'precision-stage', ['positions', 'frequencies', 'angles', 'outputs', 'positions']],
];
