// @ts-check
// The sinusoidal figures' checks in the browser suite: tests/web/schemes.test.mjs finds every folder's
// test-checks.js and runs what it exports with its tools (schemes.test.mjs's Tools: assert, page (the
// explorer page at a hash and viewport), openFigure (embed.html at a hash, ready), openPage, suite,
// canvasSignature, drawn (canvases drew), loadEngine): onPage on the explorer page as it opens
// (English, 1280 px), inChinese on it in Chinese at 360 px, and each of `tests` as a test. Not loaded
// by the page.

/** @type {Record<string, (tools: import('../../../../tests/web/schemes.test.mjs').Tools) => Promise<void>>} */
export const tests = {
  // The explorer's defaults and option lists are the table's (web/app/schemes/sinusoidal/table.js reads
  // them).
  "the sinusoidal figures' parameter list (schemes/sinusoidal/settings.js) names the engine's options":
    async ({ assert, loadEngine }) => {
      const pe = await loadEngine();
      const { CHOICES } = await import('../../choices.js');
      const { ENCODING } = await import('./settings.js');
      const { LANGUAGES } = await import('../../i18n/index.js');
      // The element's lang choices are the languages the strings exist in (choices.js lists them itself,
      // so that the element and the view chunks need not carry the strings to know them).
      assert.deepEqual(CHOICES.lang, Object.keys(LANGUAGES));
      const table = Object.fromEntries(pe.schemes.sinusoidal.parameters.map((p) => [p.name, p]));
      // Every encoding parameter of the page is an engine option of that name, and numbers are numbers.
      for (const p of ENCODING) {
        assert.ok(table[p.option], `${p.option} is not in the engine's table`);
        assert.equal(Boolean(p.number), table[p.option].type !== 'choice', p.option);
      }
    },
};
