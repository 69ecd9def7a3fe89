// @ts-check
// 2-D sin-cos's checks in the browser suite: tests/web/schemes.test.mjs finds every folder's
// test-checks.js and runs what it exports with its tools (schemes.test.mjs's Tools: assert, page (the
// explorer page at a hash and viewport), openFigure (embed.html at a hash, ready), openPage, suite,
// canvasSignature, drawn (canvases drew), loadEngine): onPage on the explorer page as it opens
// (English, 1280 px), inChinese on it in Chinese at 360 px, and each of `tests` as a test. Not loaded
// by the page.

/** The three heatmaps draw.
 *  @param {import('playwright-core').Page} p
 *  @param {import('../../../../tests/web/schemes.test.mjs').Tools} tools */
export async function onPage(p, { drawn }) {
  await drawn(p, ['grid2d-all', 'grid2d-x', 'grid2d-y']);
}

/** The heatmap of all dimensions drawn at 360 px in Chinese.
 *  @param {import('playwright-core').Page} p
 *  @param {import('../../../../tests/web/schemes.test.mjs').Tools} tools */
export async function inChinese(p, { drawn }) {
  await drawn(p, ['grid2d-all']);
}

/** @type {Record<string, (tools: import('../../../../tests/web/schemes.test.mjs').Tools) => Promise<void>>} */
export const tests = {
  'a patch is picked by pointer and by keyboard': async ({ assert, page }) => {
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
  },
};

/** Words its sections print in Chinese too (tests/web/concepts.test.mjs): model and author names,
 *  code identifiers, formula symbols. */
export const sharedWords = 'ViT MAE emb_h meshgrid grid_w grid_h grid DistilBERT floor diffusers';

/** Its benchmark steps (tests/bench/scheme-controls.mjs collects every folder's): [view, control,
 *  the values a reader's input events set it to, in order]. */
export const benchSteps = [['grid2d', 'grid2d-gridHeight', ['7', '14', '16', '32', '14']]];
