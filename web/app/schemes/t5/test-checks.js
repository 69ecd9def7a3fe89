// @ts-check
// T5's checks in the browser suite: tests/web/schemes.test.mjs finds every folder's
// test-checks.js and runs what it exports with its tools (schemes.test.mjs's Tools: assert, page (the
// explorer page at a hash and viewport), openFigure (embed.html at a hash, ready), openPage, suite,
// canvasSignature, drawn (canvases drew), loadEngine): onPage on the explorer page as it opens
// (English, 1280 px), inChinese on it in Chinese at 360 px, and each of `tests` as a test. Not loaded
// by the page.

// T5's bucket of a small relative position d = key - query, transcribed from
// T5Attention._relative_position_bucket (huggingface/transformers src/transformers/models/t5/
// modeling_t5.py @ 6b8b757dfcb582379a64f013cdce46c43629f2b0) in float64: for |d| < 16 no bucket sits
// near a boundary, so float32 and float64 agree (t5_test.cpp checks the engine against that code run
// under torch, float32 and all).
function referenceBucket(d, { bidirectional, numBuckets, maxDistance }) {
  let buckets = numBuckets;
  let bucket = 0;
  if (bidirectional) {
    buckets = Math.floor(buckets / 2);
    if (d > 0) bucket += buckets;
    d = Math.abs(d);
  } else d = -Math.min(d, 0);
  const exact = Math.floor(buckets / 2);
  if (d < exact) return bucket + d;
  const large = exact + Math.trunc((Math.log(d / exact) / Math.log(maxDistance / exact)) * (buckets - exact));
  return bucket + Math.min(large, buckets - 1);
}

/** @type {Record<string, (tools: import('../../../../tests/web/schemes.test.mjs').Tools) => Promise<void>>} */
export const tests = {
  'the exact half, the log half and the clamp; a sentence as the reference buckets it; what the bias cannot tell apart':
    async ({ assert, page, drawn }) => {
      const { page: p, problems } = await page();
      await drawn(p, ['t5-buckets', 't5-grid', 't5-bias', 't5-apart']);
      // The defaults (encoder, 32 buckets, max_distance 128): 16 buckets a direction, 8 of them exact; the
      // last begins 91 back (the reference's run of bucket 15 in t5_reference.inc's first case).
      const note = () => p.evaluate(() => ({ ...document.querySelector('.t5-buckets-note').dataset }));
      assert.deepEqual(await note(), { clampFrom: '91', exact: '8' });
      assert.match(await p.textContent('.t5-buckets-note'), /from 91 on, however far, bucket 15 \/ 31/);
      const grid = async () =>
        (await p.getAttribute('canvas.t5-grid', 'data-buckets')).split(',').map(Number);
      const sentence = 10; // "The quick brown fox jumps over the lazy dog ."
      const check = async (options) => {
        const cells = await grid();
        assert.equal(cells.length, sentence * sentence);
        for (let q = 0; q < sentence; q++)
          for (let k = 0; k < sentence; k++)
            assert.equal(cells[q * sentence + k], referenceBucket(k - q, options), `q ${q}, k ${k}`);
      };
      await check({ bidirectional: true, numBuckets: 32, maxDistance: 128 });
      // A key 100 back shares the last bucket with everything from 91 on.
      const apart = () => p.evaluate(() => ({ ...document.querySelector('.t5-apart-note').dataset }));
      assert.deepEqual(await apart(), { from: '91', to: 'inf', bucket: '15' });
      // 40 back: bucket 12, shared with exactly the distances the note gives (the engine puts the ones
      // either side in other buckets).
      await p.evaluate(() => {
        const slider = document.querySelector('[name="t5-distance"]');
        slider.value = '40';
        slider.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await p.waitForFunction(() => document.querySelector('.t5-apart-note').dataset.bucket !== '15');
      const range = await apart();
      assert.equal(range.bucket, '12');
      assert.deepEqual([range.from, range.to], ['32', '45']);
      // The engine the section runs on (its chunk, pe-explorer-engine-t5.js, already on the page): 31 and
      // 46 back are in buckets 11 and 13.
      const buckets = await p.evaluate(async () => {
        const pe = await globalThis.__peExplorerEngine_t5.createPE();
        return Array.from(pe.t5Buckets({}, [-31, -32, -45, -46]));
      });
      assert.deepEqual(buckets, [11, 12, 12, 13]);
      assert.match(await p.textContent('.t5-apart-note'), /from 32 to 45/);
      // The decoder: keys after the query share bucket 0; all 32 buckets look back (16 exact).
      await p.selectOption('[name="t5-bidirectional"]', 'false');
      await p.waitForFunction(() => document.querySelector('.t5-buckets-note').dataset.exact === '16');
      await check({ bidirectional: false, numBuckets: 32, maxDistance: 128 });
      assert.match(
        await p.textContent('.t5-buckets-note'),
        /Keys after the query \(j > i\) all share bucket 0/,
      );
      assert.deepEqual(problems, []);
    },
  'a figure loads its own engine and its text in one language, and draws in Chinese at 360 px': async ({
    assert,
    openFigure,
  }) => {
    const {
      page: p,
      problems,
      context,
    } = await openFigure('view=t5&lang=zh&max-distance=64', {
      viewport: { width: 360, height: 740 },
      reducedMotion: 'reduce',
    });
    const requested = await p.evaluate(() =>
      performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname.split('/').pop()),
    );
    const seen = await p.evaluate(() => {
      const root = document.getElementById('figure').shadowRoot;
      return {
        title: root.querySelector('h2').textContent,
        note: root.querySelector('.t5-buckets-note').textContent,
        scroll: root.querySelector('.t5-grid-box').getBoundingClientRect().width <= 360,
      };
    });
    assert.equal(seen.title, 'T5：按相对距离分桶，每桶一个学到的偏置');
    assert.match(seen.note, /截断：从 \d+ 起/);
    assert.ok(seen.scroll);
    assert.ok(requested.includes('pe-explorer-engine-t5.js'), requested.join(' '));
    assert.ok(requested.includes('pe-explorer-view-t5-zh.js'), requested.join(' '));
    for (const file of ['pe-explorer-engine.js', 'pe-explorer-view-t5-en.js'])
      assert.ok(!requested.includes(file), `${file} was loaded`);
    assert.deepEqual(problems, []);
    await context.close();
  },
  "a folder view's engine has only the parts its view names: the others answer with a PEError": async ({
    assert,
    openFigure,
  }) => {
    const { page: p, problems, context } = await openFigure('view=t5');
    const seen = await p.evaluate(async () => {
      // the chunk the figure loaded (pe-explorer-engine-t5.js), a second instance of it
      const pe = await /** @type {any} */ (globalThis).__peExplorerEngine_t5.createPE();
      const attempt = (f) => {
        try {
          f();
        } catch (e) {
          return { name: e.name, kind: e.kind, parameter: e.parameter };
        }
        return null;
      };
      return {
        // not in t5's parts (CMakeLists.txt, engine parts): the sinusoidal table, a legacy scheme
        sinusoidal: attempt(() => pe.sinusoidal({ dModel: 8, positions: 4 })),
        rope: attempt(() => pe.ropeFrequencies({ headDim: 8 })),
        // its own and the base's
        buckets: Array.from(pe.t5Buckets({}, [-1, 0, 1])),
        schemes: Object.keys(pe.schemes).includes('t5'),
      };
    });
    assert.deepEqual(seen.sinusoidal, { name: 'PEError', kind: 'not_in_build', parameter: 'sinusoidal' });
    assert.deepEqual(seen.rope, { name: 'PEError', kind: 'not_in_build', parameter: 'ropeFrequencies' });
    // transformers' _relative_position_bucket, bidirectional, 32 buckets: -1 -> 1, 0 -> 0, 1 -> 17
    assert.deepEqual(seen.buckets, [1, 0, 17]);
    assert.equal(seen.schemes, true);
    assert.deepEqual(problems, []);
    await context.close();
  },
};

/** Words its sections print in Chinese too (tests/web/concepts.test.mjs): model and author names,
 *  code identifiers, formula symbols. */
export const sharedWords = 'Raffel Flan mT5 umT5 max_distance T5Attention _relative_position_bucket';
