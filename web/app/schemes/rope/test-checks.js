// @ts-check
// RoPE's checks in the browser suite: tests/web/schemes.test.mjs finds every folder's
// test-checks.js and runs what it exports with its tools (schemes.test.mjs's Tools: assert, page (the
// explorer page at a hash and viewport), openFigure (embed.html at a hash, ready), openPage, suite,
// canvasSignature, drawn (canvases drew), loadEngine): onPage on the explorer page as it opens
// (English, 1280 px), inChinese on it in Chinese at 360 px, and each of `tests` as a test. Not loaded
// by the page.

/** The sections draw; q·k at p = 0 and p = 1000 rotated by the engine (float32 outputs) coincide;
 *  partial rotary changes the port advice and greys out the unrotated dimensions.
 *  @param {import('playwright-core').Page} p
 *  @param {import('../../../../tests/web/schemes.test.mjs').Tools} tools */
export async function onPage(p, { assert, drawn }) {
  await drawn(p, ['rope-pairs', 'rope-clocks', 'rope-scores', 'rope-decay']);
  const ropeDiff = Number(await p.getAttribute('.rope-scores-note', 'data-diff'));
  assert.ok(ropeDiff < 1e-4, `RoPE curves differ by ${ropeDiff}`);
  await p.selectOption('[name="rope-rotary-dim"]', '16');
  assert.match(await p.textContent('.rope-permute'), /Dimensions 16 to 63 are not rotated/);
}

/** Its title in Chinese, and its scores drawn at 360 px.
 *  @param {import('playwright-core').Page} p
 *  @param {import('../../../../tests/web/schemes.test.mjs').Tools} tools */
export async function inChinese(p, { assert, drawn }) {
  assert.equal(await p.textContent('#rope-title'), '旋转位置编码（RoPE）');
  await drawn(p, ['rope-scores']);
}

/** @type {Record<string, (tools: import('../../../../tests/web/schemes.test.mjs').Tools) => Promise<void>>} */
export const tests = {
  'a bad position names itself and the section keeps working': async ({ assert, page }) => {
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
  },
};

/** Words its sections print in Chinese too (tests/web/concepts.test.mjs): model and author names,
 *  code identifiers, formula symbols. */
export const sharedWords =
  'Wqx Wkx theta Qwen Mistral Gemma DeepSeek NeoX Hugging Face rotate_half RoFormer Meta W_q W_k new old';

/** Its benchmark steps (tests/bench/scheme-controls.mjs collects every folder's): [view, control,
 *  the values a reader's input events set it to, in order]. */
export const benchSteps = [
  ['rope', 'rope-position', Array.from({ length: 60 }, (_, k) => String(k * 1000))],
  ['rope', 'rope-table-positions', ['4096', '65536', '1000000', '65536', '4096', '1000000']],
];
