// @ts-check
// The scheme sections of the page (RoPE, ALiBi, 2-D sin-cos) in Chromium: each draws, its readouts
// carry the engine's checks (curves that must coincide do), picking a patch works by pointer and
// keyboard, a bad value names itself and the page goes on, both languages; and the embed's
// size-built engine answers a scheme it does not carry with a PEError, not a TypeError.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { loadEngine } from '../reliability/adversarial.mjs';
import { canvasSignature, openExplorer, openPage, useBrowser } from './harness.mjs';

const suite = useBrowser();

const page = (hash = '', viewport = { width: 1280, height: 900 }) => openExplorer(suite, hash, { viewport });

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
  await p.selectOption('[name="rope-rotary-dim"]', '16');
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

test('t5: the exact half, the log half and the clamp; a sentence as the reference buckets it; what the bias cannot tell apart', async () => {
  const { page: p, problems } = await page();
  for (const name of ['t5-buckets', 't5-grid', 't5-bias', 't5-apart'])
    assert.ok((await canvasSignature(p, name)).drawn > 500, `${name} is blank`);
  // The defaults (encoder, 32 buckets, max_distance 128): 16 buckets a direction, 8 of them exact; the
  // last begins 91 back (the reference's run of bucket 15 in t5_reference.inc's first case).
  const note = () => p.evaluate(() => ({ ...document.querySelector('.t5-buckets-note').dataset }));
  assert.deepEqual(await note(), { clampFrom: '91', exact: '8' });
  assert.match(await p.textContent('.t5-buckets-note'), /from 91 on, however far, bucket 15 \/ 31/);
  const grid = async () => (await p.getAttribute('canvas.t5-grid', 'data-buckets')).split(',').map(Number);
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
  assert.match(await p.textContent('.t5-buckets-note'), /Keys after the query \(j > i\) all share bucket 0/);
  assert.deepEqual(problems, []);
});

test('t5: a figure loads its own engine and its text in one language, and draws in Chinese at 360 px', async () => {
  const {
    page: p,
    problems,
    context,
  } = await openPage(suite.browser, suite.server.url + 'embed.html#view=t5&lang=zh&max-distance=64', {
    viewport: { width: 360, height: 740 },
    reducedMotion: 'reduce',
  });
  await p.waitForFunction(() => document.getElementById('figure').dataset.ready === 'true');
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
  for (const file of ['pe-explorer-schemes.js', 'pe-explorer-engine.js', 'pe-explorer-view-t5-en.js'])
    assert.ok(!requested.includes(file), `${file} was loaded`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the embed's size-built engine answers a scheme it does not carry with a PEError", async () => {
  const {
    page: p,
    problems,
    context,
  } = await openPage(suite.browser, suite.server.url + 'embed.html#view=matrix');
  await p.waitForFunction(() => document.getElementById('figure').dataset.ready === 'true');
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

test('the config reader is only in the engines whose views name it: the shared schemes chunk answers not_in_build', async () => {
  const {
    page: p,
    problems,
    context,
  } = await openPage(suite.browser, suite.server.url + 'embed.html#view=context');
  await p.waitForFunction(() => document.getElementById('figure').dataset.ready === 'true');
  const seen = await p.evaluate(async () => {
    const g = /** @type {any} */ (globalThis);
    const attempt = (f) => {
      try {
        return { value: f() };
      } catch (e) {
        return { name: e.name, kind: e.kind, parameter: e.parameter };
      }
    };
    const config = JSON.stringify({ model_type: 'llama', head_dim: 64, rope_theta: 10000 });
    // the context figure's own engine (pe-explorer-engine-rope-rope_config.js) reads configs
    const own = await g['__peExplorerEngine_rope$rope_config'].createPE();
    // the shared schemes chunk (no view loads it: each names its engine's parts) has no scheme
    const script = document.createElement('script');
    script.src = 'pe-explorer-schemes.js';
    await new Promise((resolve) => {
      script.onload = resolve;
      document.head.append(script);
    });
    const shared = await g.__peExplorerSchemes.createPE();
    return {
      own: attempt(() => own.ropeFromConfig(config).theta),
      sharedConfig: attempt(() => shared.ropeFromConfig(config)),
      sharedScale: attempt(() => shared.queryScale({ queryScaling: null }, 0)),
      sharedRope: attempt(() => shared.ropeFrequencies({ headDim: 8 }).invFreq.length),
    };
  });
  assert.deepEqual(seen.own, { value: 10000 });
  assert.deepEqual(seen.sharedConfig, { name: 'PEError', kind: 'not_in_build', parameter: 'ropeFromConfig' });
  assert.deepEqual(seen.sharedScale, { name: 'PEError', kind: 'not_in_build', parameter: 'queryScale' });
  assert.deepEqual(seen.sharedRope, { name: 'PEError', kind: 'not_in_build', parameter: 'ropeFrequencies' });
  assert.deepEqual(problems, []);
  await context.close();
});

test("a folder view's engine has only the parts its view names: the others answer with a PEError", async () => {
  const {
    page: p,
    problems,
    context,
  } = await openPage(suite.browser, suite.server.url + 'embed.html#view=t5');
  await p.waitForFunction(() => document.getElementById('figure').dataset.ready === 'true');
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
});

// The reference cases of cpp/schemes/rope/rope_scaling_reference.inc (tests/reference/rope_scaling.py, a
// numpy transcription of transformers' modeling_rope_utils.py @ cyyever/transformers 89539b0672a0),
// read back as data: each line is a C++ initializer that is JSON once braces become brackets.
function scalingCases() {
  const text = fs.readFileSync(
    new URL('../../cpp/schemes/rope/rope_scaling_reference.inc', import.meta.url),
    'utf8',
  );
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) =>
      JSON.parse(
        line.replace(/,$/, '').replaceAll('{', '[').replaceAll('}', ']').replaceAll('kUnset', 'null'),
      ),
    )
    .map(
      ([
        name,
        theta,
        headDim,
        rotaryDim,
        maxPositions,
        originalMaxPositions,
        sequenceLength,
        type,
        ...rest
      ]) => {
        const [factor, original, betaFast, betaSlow, mscale, mscaleAllDim, attentionFactor, truncate] = rest;
        const [lowFreq, highFreq, shortFactor, longFactor, , attention64, , inv64] = rest.slice(8);
        const scaling = { rope_type: type };
        const put = (key, value) => {
          if (value !== null) scaling[key] = value;
        };
        put('factor', factor);
        put('original_max_position_embeddings', original);
        put('beta_fast', betaFast);
        put('beta_slow', betaSlow);
        put('mscale', mscale);
        put('mscale_all_dim', mscaleAllDim);
        put('attention_factor', attentionFactor);
        if (!truncate) scaling.truncate = false;
        put('low_freq_factor', lowFreq);
        put('high_freq_factor', highFreq);
        if (shortFactor.length) scaling.short_factor = shortFactor;
        if (longFactor.length) scaling.long_factor = longFactor;
        const options = { headDim, theta, rotaryDim, scaling };
        if (maxPositions !== null) options.maxPositions = maxPositions;
        if (originalMaxPositions !== null) options.originalMaxPositions = originalMaxPositions;
        if (sequenceLength !== null) options.sequenceLength = sequenceLength;
        return { name, options, attention64, inv64 };
      },
    );
}

test('ropeFrequencies through the JS API equals the reference transcription on all 116 cases', async () => {
  const pe = await loadEngine();
  const cases = scalingCases();
  assert.equal(cases.length, 116);
  for (const c of cases) {
    const r = pe.ropeFrequencies(c.options);
    assert.equal(r.invFreq.length, c.inv64.length, c.name);
    for (let i = 0; i < c.inv64.length; i++) {
      assert.ok(Math.abs(r.invFreq[i] - c.inv64[i]) <= 1e-12 * c.inv64[i], `${c.name}: pair ${i}`);
    }
    assert.ok(Math.abs(r.attentionScaling - c.attention64) <= 1e-12 * c.attention64, c.name);
  }
});

test('ropeFromConfig reads every preset as the library would, and names each trap it sees', async () => {
  const pe = await loadEngine();
  const { PRESETS } = await import('../../web/app/schemes/context/presets.js');
  const read = (key, options) => pe.ropeFromConfig(JSON.stringify(PRESETS[key].config), options);
  const types = new Set();
  for (const key of Object.keys(PRESETS)) {
    const r = read(key, { sequenceLength: 100000 });
    types.add(r.ropeType);
    assert.equal(r.invFreq.length, r.rotaryDim / 2, key);
    assert.ok(
      [...r.invFreq].every((w) => w > 0 && Number.isFinite(w)),
      key,
    );
  }
  assert.deepEqual([...types].sort(), ['default', 'dynamic', 'linear', 'llama3', 'longrope', 'ntk', 'yarn']);
  // Llama 3.1: the same numbers as the explicit call, and the warning about older loaders.
  const llama = read('llama31');
  const explicit = pe.ropeFrequencies({
    headDim: 128,
    theta: 500000,
    maxPositions: 131072,
    // @ts-expect-error: the preset's rope_type is a JS string, the API wants the literal
    scaling: PRESETS.llama31.config.rope_scaling,
  });
  assert.deepEqual([...llama.invFreq], [...explicit.invFreq]);
  assert.deepEqual(
    llama.warnings.map((w) => w.kind),
    ['warn_llama3_dropped'],
  );
  // DeepSeek-V3: 64 rotated dimensions (qk_rope_head_dim), factor 163840 / 4096 = 40, ratio of equal
  // mscales 1, and the warning about the softmax scale its attention code adds: (0.1 ln 40 + 1)^2.
  const deepseek = read('deepseekv3');
  assert.equal(deepseek.rotaryDim, 64);
  assert.equal(deepseek.factor, 40);
  assert.equal(deepseek.attentionScaling, 1);
  const mscale = deepseek.warnings.find((w) => w.kind === 'warn_mscale_all_dim');
  assert.ok(Math.abs(/** @type {number} */ (mscale.args.extra) - (0.1 * Math.log(40) + 1) ** 2) < 1e-5);
  // Qwen2.5 with the rope_scaling its card gives: the legacy key, and factor 4 against a ratio of 1.
  assert.deepEqual(
    read('qwen25').warnings.map((w) => w.kind),
    ['warn_legacy_type', 'warn_yarn_ratio'],
  );
  // Phi-3.5: LongRoPE with the config's top-level original length; short factors up to 4096 tokens.
  const phiShort = read('phi35', { sequenceLength: 4096 });
  const phiLong = read('phi35', { sequenceLength: 4097 });
  assert.ok(phiShort.invFreq[47] > phiLong.invFreq[47]);
  assert.ok(Math.abs(phiShort.attentionScaling - Math.sqrt(1 + Math.log(32) / Math.log(4096))) < 1e-12);
  // Bad input: a clear PEError naming the text, never a raw exception.
  const fails = (text) => {
    try {
      pe.ropeFromConfig(text);
    } catch (error) {
      assert.ok(error instanceof pe.PEError, String(error));
      return error.kind;
    }
    return 'no error';
  };
  assert.equal(fails('{"rope_theta": '), 'bad_json');
  assert.equal(fails('{"model_type": "bert", "hidden_size": 768}'), 'no_rope');
  assert.equal(fails(`{"model_type": "llama", "pad": "${'x'.repeat(1 << 20)}"}`), 'text_cap');
  assert.equal(fails('{"model_type": "llama"}'), 'required_or'); // head_dim, or hidden_size and heads
  assert.equal(
    fails('{"rope_theta": 1e4, "head_dim": 64, "rope_scaling": {"rope_type": "yarn", "factor": 0.5}}'),
    'at_least',
  );
  assert.equal(
    fails(
      '{"rope_theta": 1e4, "head_dim": 64, "rope_scaling": {"type": "longrope", "factor": 2, "short_factor": [1], "long_factor": [1]}}',
    ),
    'required_for',
  );
});

test('context: the presets draw, interpolation removes the unseen angles, a bad paste keeps the figures', async () => {
  const { page: p, problems } = await page();
  for (const name of [
    'context-wavelength',
    'context-ratio',
    'context-angle',
    'context-scores',
    'context-temperature',
  ]) {
    assert.ok((await canvasSignature(p, name)).drawn > 500, `${name} is blank`);
  }
  assert.equal(await p.getAttribute('.context-summary', 'data-type'), 'llama3');
  assert.match(await p.getAttribute('.context-warnings', 'data-warnings'), /warn_llama3_dropped/);
  // Position interpolation ×16: without scaling some slow pairs see new angles at 32,768; with it none.
  await p.selectOption('[name="context-preset"]', 'huggyllama/llama-7b:linear');
  await p.waitForFunction(() => document.querySelector('.context-summary').dataset.type === 'linear');
  assert.ok(Number(await p.getAttribute('.context-angle-note', 'data-plain')) > 0);
  assert.equal(await p.getAttribute('.context-angle-note', 'data-scaled'), '0');
  // YaRN with a temperature (a pasted config): the note gives the scale and the sharper softmax.
  await p.click('.context-paste summary');
  await p.fill(
    '[name="context-config"]',
    '{"model_type": "llama", "head_dim": 128, "max_position_embeddings": 4096, "rope_theta": 10000, "rope_scaling": {"rope_type": "yarn", "factor": 8}}',
  );
  await p.click('[data-action="context-read"]');
  await p.waitForFunction(() => document.querySelector('.context-summary').dataset.type === 'yarn');
  assert.match(await p.textContent('.context-temperature-note'), /multiplies cos and sin by 1\.20794/);
  // A valid config whose extended length (4,096 x 10^6) passes the engine's last position (10^9): drawn
  // to 10^9 and said so (issue 19: it was refused with "sequenceLength must be...", a value never typed).
  await p.fill(
    '[name="context-config"]',
    '{"model_type": "llama", "head_dim": 128, "max_position_embeddings": 4096, "rope_scaling": {"rope_type": "dynamic", "factor": 1000000}}',
  );
  await p.click('[data-action="context-read"]');
  await p.waitForFunction(() => document.querySelector('.context-summary').dataset.type === 'dynamic');
  assert.match(
    await p.textContent('.context-summary'),
    /1,000,000,000 \(the engine’s last position; this model’s own length, 4,096,000,000,/,
  );
  assert.ok((await canvasSignature(p, 'context-scores')).drawn > 500);
  // Bad pastes: a message where the summary was; the figures keep the last good config.
  for (const [text, kind] of [
    ['{"rope_scaling": ', 'bad_json'],
    ['{"model_type": "bert"}', 'no_rope'],
  ]) {
    await p.fill('[name="context-config"]', text);
    await p.click('[data-action="context-read"]');
    await p.waitForFunction(
      (kind) => document.querySelector('.context-summary').dataset.error === kind,
      kind,
    );
  }
  assert.ok((await canvasSignature(p, 'context-scores')).drawn > 500);
  assert.deepEqual(problems, []);
});

// The explorer's defaults and option lists are the table's (web/app/schemes/sinusoidal/table.js reads
// them).
test("the sinusoidal figures' parameter list (schemes/sinusoidal/settings.js) names the engine's options", async () => {
  const pe = await loadEngine();
  const { CHOICES } = await import('../../web/app/choices.js');
  const { ENCODING } = await import('../../web/app/schemes/sinusoidal/settings.js');
  const { LANGUAGES } = await import('../../web/app/i18n/index.js');
  // The element's lang choices are the languages the strings exist in (choices.js lists them itself,
  // so that the element and the view chunks need not carry the strings to know them).
  assert.deepEqual(CHOICES.lang, Object.keys(LANGUAGES));
  const table = Object.fromEntries(pe.schemes.sinusoidal.parameters.map((p) => [p.name, p]));
  // Every encoding parameter of the page is an engine option of that name, and numbers are numbers.
  for (const p of ENCODING) {
    assert.ok(table[p.option], `${p.option} is not in the engine's table`);
    assert.equal(Boolean(p.number), table[p.option].type !== 'choice', p.option);
  }
});

// Every folder's text is a table per language (loaded alone: a figure gets one language), with the same
// keys in each; the sinusoidal folder's figures (seven, sharing one store) are view= values like every
// other figure, in page order, before the other schemes'.
test('every scheme folder has its text in each language with the same keys, and its figures are views', async () => {
  const { ALL } = await import('../../web/app/schemes/index.js');
  const { FIGURES, FOLDER_OF, SHARED } = await import('../../web/app/schemes/names.js');
  const { CHOICES } = await import('../../web/app/choices.js');
  for (const scheme of ALL) {
    const [first, ...others] = CHOICES.lang.map((lang) => Object.keys(scheme.strings[lang]).sort());
    assert.ok(first.length > 0, `${scheme.name} has no text`);
    for (const keys of others) assert.deepEqual(keys, first, `${scheme.name}: the languages' keys differ`);
    assert.ok(scheme.mount ? scheme.figures && scheme.settings : scheme.markup && scheme.View, scheme.name);
  }
  assert.deepEqual(SHARED, ['sinusoidal']);
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
