// @ts-check
// ALiBi's checks in the browser suite: tests/web/schemes.test.mjs finds every folder's
// test-checks.js and runs what it exports with its tools (schemes.test.mjs's Tools: assert, page (the
// explorer page at a hash and viewport), openFigure (embed.html at a hash, ready), openPage, suite,
// canvasSignature, drawn (canvases drew), loadEngine): onPage on the explorer page as it opens
// (English, 1280 px), inChinese on it in Chinese at 360 px, and each of `tests` as a test. Not loaded
// by the page.

/** The sections draw; BLOOM's slope·j and the paper's −slope·(i − j) give the same softmax (float64);
 *  the slopes' note: 8 heads are not a power of two.
 *  @param {import('playwright-core').Page} p
 *  @param {import('../../../../tests/web/schemes.test.mjs').Tools} tools */
export async function onPage(p, { assert, drawn }) {
  await drawn(p, ['alibi-slopes', 'alibi-matrices', 'alibi-attention']);
  const alibiDiff = Number(await p.getAttribute('.alibi-attention-note', 'data-diff'));
  assert.ok(alibiDiff < 1e-12, `ALiBi forms differ by ${alibiDiff}`);
  assert.match(await p.textContent('.alibi-slopes-note'), /not a power of two: the 8 slopes of 8 heads/);
}

/** Its title and the slopes' note in Chinese, its matrices drawn at 360 px.
 *  @param {import('playwright-core').Page} p
 *  @param {import('../../../../tests/web/schemes.test.mjs').Tools} tools */
export async function inChinese(p, { assert, drawn }) {
  assert.equal(await p.textContent('#alibi-title'), 'ALiBi：用线性偏置代替位置向量');
  assert.match(await p.textContent('.alibi-slopes-note'), /不是 2 的幂/);
  await drawn(p, ['alibi-matrices']);
}

/** Words its sections print in Chinese too (tests/web/concepts.test.mjs): model and author names,
 *  code identifiers, formula symbols. */
export const sharedWords = 'Press MPT slope softmax';

/** Its benchmark steps (tests/bench/scheme-controls.mjs collects every folder's): [view, control,
 *  the values a reader's input events set it to, in order]. */
export const benchSteps = [
  ['alibi', 'alibi-query', Array.from({ length: 60 }, (_, k) => String(k % 32))],
  ['alibi', 'alibi-length', ['16', '256', '1024', '4096', '1024', '64']],
];
