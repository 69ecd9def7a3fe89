// @ts-check
// Reliability (issue: nothing a reader, a host page or an API caller does can break it):
//   - the engine's API under a round of random and hostile calls: only PEErrors, each well formed, and
//     no embind handle outlives a call (tests/reliability/adversarial.mjs, node build of the engine);
//   - every message kind has its text in both languages, with the same placeholders;
//   - <pe-explorer> and embed.html while the engine is still loading: the load is held at a gate the
//     test opens, so "during the load" is a certainty, not a timing;
//   - memory reuse after large calls, the eigensolver and NaN, lone surrogates;
//   - axe at 360 px on the page and on every embed.html view.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { adversarialRound, loadEngine } from '../reliability/adversarial.mjs';
import messagesEn from '../../web/app/i18n/messages-en.js';
import messagesZhCore from '../../web/app/i18n/messages-zh.js';
import messagesZhSchemes from '../../web/app/i18n/messages-zh-schemes.js';

const messagesZh = { ...messagesZhCore, ...messagesZhSchemes };
import { launch, openPage, serve } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
let server, host, browser, pe;
before(async () => {
  server = await serve();
  host = await serve(); // a second origin: the host page of an embedded figure
  browser = await launch();
  pe = await loadEngine();
});
after(async () => {
  await browser?.close();
  for (const s of [server, host]) await s?.close();
});

test('hostile calls to every API function give only well-formed PEErrors and leak no handle', async () => {
  const round = await adversarialRound(pe, { calls: 22000, seed: 7 });
  assert.equal(round.calls, 22000);
  assert.deepEqual(round.other, [], 'something other than a PEError was thrown');
  assert.deepEqual(round.malformed, [], 'a PEError without a proper kind, parameter or message');
  assert.equal(round.handles.after, round.handles.before, 'embind handles left behind');
  // The round reaches the engine, not only the type checks.
  assert.ok(round.returned > 100 && round.byCode.size_limit > 10, JSON.stringify(round.byCode));
});

test('the reported findings each give a PEError naming the caller parameter', () => {
  const error = (f) => {
    try {
      f();
    } catch (e) {
      return { name: e.name, parameter: e.parameter, kind: e.kind, code: e.code, message: e.message };
    }
    return null;
  };
  const sparse = ['x', , 'y']; // eslint-disable-line no-sparse-arrays -- the hole is the point
  const nullProto = Object.create(null);
  const cases = [
    [() => pe.embedTokens(sparse, { dModel: 8 }), 'tokens', 'not_in_array'],
    [() => pe.colorize(new BigInt64Array(4)), 'values', 'not_array'],
    [() => pe.colorize(new BigUint64Array(4)), 'values', 'not_array'],
    [() => pe.renderMatrix([1, Symbol('s')], 1, 2, { width: 1, height: 1 }), 'values', 'not_in_array'],
    [() => pe.project([1n, 2n], 1, 2), 'values', 'not_in_array'],
    [() => pe.colorize([nullProto]), 'values', 'not_in_array'],
    [() => pe.learnedTable({ dModel: 8, maxLen: 0 }), 'maxLen', 'integer_range'],
    [() => pe.colorize([1], { low: 2, high: 1 }), 'high', 'low_below_high'],
    [() => pe.colorize([1], { low: NaN }), 'low', 'low_below_high'],
    [() => pe.dotByOffset({ dModel: 8 }, -2e9, 3), 'firstOffset', 'integer_range'],
    [() => pe.rotationResidual({ dModel: 8 }, 1, -2), 'offset', 'position_plus_offset'],
    [() => pe.renderMatrix([1, 2, 3], 2, 2, { width: 1, height: 1 }), 'values', 'length_mismatch'],
    [() => pe.validate({ dModel: undefined, positions: 1 }), 'dModel', 'required'],
    [() => pe.dotByOffset({ dModel: 8192 }, 0, 1048576), 'count', 'work_cap'],
    [
      () => pe.renderEncoding({ dModel: 8, positions: 8 }, { width: 16384, height: 16384 }),
      'width',
      'pixels_cap',
    ],
    [() => pe.sinusoidal({ dModel: 8192, positions: 1048576 }), 'positions', 'elements_cap'],
  ];
  for (const [call, parameter, kind] of cases) {
    const e = error(call);
    assert.ok(e, `no error for ${call}`);
    assert.equal(e.name, 'PEError', `${call}: ${e.message}`);
    assert.equal(e.parameter, parameter, `${call}: ${e.message}`);
    assert.equal(e.kind, kind, `${call}: ${e.message}`);
    assert.doesNotMatch(e.message, /undefined undefined|\{\w+\}/, e.message);
  }
  // An undefined option reads as undefined, once.
  assert.equal(
    error(() => pe.vectorAt({ dModel: 8 }, undefined)).message,
    'position must be a number; got undefined',
  );
});

// Issue 19's findings on the shared engine, each as it was reported.
function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  return assert.fail('no error thrown');
}

test('every render function checks its view sizes like the others, and names width or height', () => {
  const renders = {
    renderRopeTable: (view) => pe.renderRopeTable({ headDim: 96 }, view),
    renderAlibi: (view) => pe.renderAlibi({ heads: 8, positions: 64 }, 0, view),
    renderPrecision: (view) =>
      pe.renderPrecision({ dModel: 64, positions: 100 }, { format: 'bfloat16', stage: 'positions' }, view),
    renderEncoding: (view) => pe.renderEncoding({ dModel: 8, positions: 8 }, view),
    renderMatrix: (view) => pe.renderMatrix([1, 2, 3, 4], 2, 2, view),
  };
  for (const [name, render] of Object.entries(renders)) {
    assert.equal(render({ width: 3, height: 2 }).length, 3 * 2 * 4, name);
    for (const bad of [NaN, -Infinity, Infinity, 0, -5, 1.5, pe.limits.maxImageSide + 1]) {
      for (const side of ['width', 'height']) {
        const e = thrown(() => render({ width: 320, height: 240, [side]: bad }));
        assert.ok(e instanceof pe.PEError, `${name} ${side} = ${bad}: ${e}`);
        assert.equal(e.parameter, side, `${name} ${side} = ${bad}: ${e.message}`);
        assert.equal(e.kind, 'integer_range', `${name} ${side} = ${bad}: ${e.message}`);
      }
    }
  }
});

test('10,000 failing render calls leave no embind handle and a working engine', () => {
  // Before the fix each call threw a bare number (a C++ exception) without unwinding the wasm stack;
  // after ~6,000 of them every call of the engine failed with "memory access out of bounds".
  const handles = pe.count_emval_handles();
  const stack = pe.stackSave?.(); // exported since the API's edge uses it
  for (let n = 0; n < 10000; n++) {
    const e = thrown(() =>
      pe.renderRopeTable({ headDim: 96 }, { width: n % 2 ? NaN : -Infinity, height: 240 }),
    );
    if (!(e instanceof pe.PEError)) assert.fail(`call ${n} threw ${typeof e} ${e}`);
  }
  assert.equal(pe.count_emval_handles(), handles, 'embind handles left behind');
  assert.equal(pe.stackSave?.(), stack, 'the wasm stack pointer moved');
  assert.deepEqual(Array.from(pe.vectorAt({ dModel: 4 }, 0)), [0, 1, 0, 1]);
});

test('whatever a binding throws reaches the caller as a PEError, with the wasm stack given back', () => {
  // A stand-in for a defect: a binding that moves the stack pointer, then throws what a C++
  // exception throws through JavaScript (a bare number). The API's edge (peApi) must contain it.
  const real = pe._renderRopeTable;
  const stack = pe.stackSave();
  try {
    pe._renderRopeTable = () => {
      pe.stackRestore(stack - 4096);
      throw 5243000;
    };
    const e = thrown(() => pe.renderRopeTable({ headDim: 96 }, { width: 8, height: 8 }));
    assert.ok(e instanceof pe.PEError, String(e));
    assert.equal(e.kind, 'internal');
    assert.equal(e.code, 'internal');
    assert.equal(e.parameter, 'renderRopeTable');
    assert.match(e.message, /5243000/);
    assert.equal(pe.stackSave(), stack);
  } finally {
    pe._renderRopeTable = real;
  }
  assert.equal(pe.renderRopeTable({ headDim: 96 }, { width: 8, height: 8 }).length, 8 * 8 * 4);
});

test('ropeApply checks headDim before sizing anything by it', () => {
  for (const [vectors, options] of [
    [Array(7), { headDim: 0, rotaryDim: 0 }],
    [new Float32Array(7), { headDim: 4096 / 5e7 }],
    [new Float32Array(7), { headDim: 4096 / 1.5e8 }],
  ]) {
    const start = performance.now();
    const e = thrown(() => pe.ropeApply(vectors, options));
    assert.ok(e instanceof pe.PEError, String(e));
    assert.equal(e.parameter, 'headDim', e.message);
    // A positions array of 10^8 rows was built before: seconds. Generous bound for a loaded machine.
    assert.ok(performance.now() - start < 500, `${performance.now() - start} ms`);
  }
  const e = thrown(() => pe.ropeApply(new Float32Array(pe.limits.maxRopeValues + 2), { headDim: 2 }));
  assert.equal(e.parameter, 'vectors');
  assert.equal(e.kind, 'count_cap');
});

test('pe.schemes, pe.numberFormats and pe.limits are frozen all the way down', () => {
  assert.throws(() => {
    pe.schemes.rope.parameters.find((p) => p.name === 'theta').default = 'x';
  }, TypeError);
  assert.throws(() => {
    pe.numberFormats.bfloat16.precision = 3;
  }, TypeError);
  assert.throws(() => {
    pe.limits.maxDModel = 1;
  }, TypeError);
  assert.equal(pe.ropeFrequencies({ headDim: 4 }).invFreq[1], 1 / 100); // theta still 10000
});

test('an own "__proto__" key is refused by every function as an unknown option', () => {
  const bad = (json) => JSON.parse(json);
  const cases = [
    () => pe.renderRopeTable(bad('{"headDim": 96, "__proto__": {"theta": 5}}'), { width: 8, height: 8 }),
    () => pe.renderAlibi(bad('{"heads": 8, "positions": 64, "__proto__": {}}'), 0, { width: 8, height: 8 }),
    () =>
      pe.renderPrecision(
        bad('{"dModel": 64, "positions": 100, "__proto__": {}}'),
        { format: 'bfloat16', stage: 'positions' },
        {
          width: 8,
          height: 8,
        },
      ),
    () => pe.inputVectors(['a'], bad('{"dModel": 8, "__proto__": {}}')),
    () => pe.sinusoidal(bad('{"dModel": 8, "positions": 2, "__proto__": {}}')),
    () => pe.ropeFrequencies(bad('{"headDim": 8, "__proto__": {}}')),
    () => pe.renderEncoding({ dModel: 8, positions: 8 }, bad('{"width": 8, "height": 8, "__proto__": {}}')),
  ];
  for (const call of cases) {
    const e = thrown(call);
    assert.ok(e instanceof pe.PEError, String(e));
    assert.equal(e.kind, 'unknown_key', e.message);
    assert.equal(e.parameter, '__proto__');
  }
});

test('ropeFromConfig names the config keys the reader wrote', () => {
  const read = (config) =>
    thrown(() => pe.ropeFromConfig(JSON.stringify({ model_type: 'llama', ...config })));
  const cases = [
    [{ head_dim: 128, rope_theta: -1 }, 'rope_theta', /^rope_theta /],
    [
      { head_dim: 128, partial_rotary_factor: 0.01 },
      'partial_rotary_factor',
      /head_dim × partial_rotary_factor \(128 × 0.01 → 1\)/,
    ],
    [{ head_dim: 128, rotary_pct: 0.01 }, 'rotary_pct', /rotary_pct/],
    [
      { hidden_size: 4096, num_attention_heads: 4096 },
      'hidden_size',
      /hidden_size \/ num_attention_heads \(4096 \/ 4096 → 1\)/,
    ],
    [{ head_dim: 128, max_position_embeddings: 2e9 }, 'max_position_embeddings', /^max_position_embeddings /],
    [{}, 'head_dim', /head_dim is required \(or hidden_size and num_attention_heads\)/],
  ];
  for (const [config, parameter, text] of cases) {
    const e = read(config);
    assert.ok(e instanceof pe.PEError, String(e));
    assert.equal(e.parameter, parameter, e.message);
    assert.match(e.message, text);
    assert.doesNotMatch(e.message, /\b(theta|rotaryDim|maxPositions|headDim)\b/);
  }
});

test('a CSV or JSON beyond the text cap is refused at once, naming positions; NPY is not capped there', () => {
  const over = { dModel: 1024, positions: pe.limits.maxTextExport / 1024 + 1 };
  for (const format of ['csv', 'json']) {
    const start = performance.now();
    const e = thrown(() => pe.exportTable(over, format));
    assert.equal(e.kind, 'text_export_cap');
    assert.equal(e.parameter, 'positions');
    assert.ok(performance.now() - start < 500);
  }
  assert.equal(pe.exportTable(over, 'npy').length, 128 + 4 * 1024 * over.positions);
});

test('a NaN or Infinity among the values is refused at once, not iterated on', () => {
  const values = new Float32Array(256 * 8).map((_, k) => Math.sin(k));
  values[100] = NaN;
  assert.throws(
    () => pe.project(values, 256, 8),
    (e) => e.kind === 'not_finite' && e.parameter === 'values',
  );
  values[100] = Infinity;
  assert.throws(
    () => pe.project(values, 256, 8),
    (e) => e.kind === 'not_finite' && e.args.index === 100,
  );
  // The largest valid projection still works (its time is in the README, from the adversarial script).
  const { explained } = pe.project(
    new Float32Array(256 * 512).map((_, k) => Math.sin(k * 0.37)),
    256,
    512,
  );
  assert.ok(explained[0] >= explained[1] && explained[1] >= 0);
});

test('lone surrogates become U+FFFD, never characters the reader did not type', () => {
  const tokens = pe.tokenize('a\ud800\ud800b \udc00').tokens;
  assert.ok(!tokens.join('').includes('\u{10000}'), JSON.stringify(tokens));
  assert.deepEqual(tokens, ['a\ufffd\ufffdb', '\ufffd']);
  // A real pair stays what it is.
  assert.deepEqual(pe.tokenize('x\u{1F600}').tokens.join(''), 'x\u{1F600}');
});

test('memory after large calls is reused by the next ones, not grown again', () => {
  // One round of large calls sets the high-water mark; four more rounds (other sizes, other
  // functions) must fit in the memory the engine already has: freed buffers are reused.
  const view = { width: 4096, height: 4096 };
  const round = (n) => {
    pe.renderEncoding({ dModel: 1024 - n, positions: 16384 }, view);
    pe.colorize(new Float32Array(4096 * 4096 - n));
    pe.sinusoidal({ dModel: 1000 + n, positions: 16000 });
    pe.renderEncoding({ dModel: 8, positions: 8 }, { width: 8, height: 8 }); // small after large
  };
  round(0);
  const high = pe.HEAP8.length;
  for (let n = 1; n <= 4; n++) round(n);
  assert.equal(pe.HEAP8.length, high, 'wasm memory grew after the first round of large calls');
});

test('roundTo and precisionError through the API: the documented edge cases and collapses', () => {
  // Values as in cpp/schemes/precision/precision_test.cpp (numpy.float16, the bfloat16 bit trick).
  const bf = pe.roundTo([1 + 2 ** -8, 257, 4095, -0, NaN, 65520], 'bfloat16');
  assert.deepEqual(Array.from(bf.subarray(0, 3)), [1, 256, 4096]);
  assert.ok(Object.is(bf[3], -0) && Number.isNaN(bf[4]) && bf[5] === 65536);
  const half = pe.roundTo(new Float64Array([2049, 65519, 65520, 2 ** -25]), 'float16');
  assert.deepEqual(Array.from(half), [2048, 65504, Infinity, 0]);
  const report = pe.precisionError(
    { dModel: 128, positions: 4096 },
    { format: 'bfloat16', stage: 'positions' },
  );
  assert.equal(report.distinctVectors, 769);
  assert.equal(report.firstBadPosition, 257);
  assert.equal(report.errors.length, 4096 * 64);
  const rope = pe.precisionError(
    { headDim: 128, positions: 1, start: 4095 },
    { format: 'bfloat16', stage: 'frequencies' },
  );
  assert.ok(Math.abs(rope.maxError - 1.678784684705742) < 1e-9, String(rope.maxError));
  assert.throws(
    () => pe.roundTo([1], 'fp8'),
    (e) => e.kind === 'one_of' && e.parameter === 'format',
  );
  assert.throws(
    () => pe.precisionError({ dModel: 8, positions: 4 }, { format: 'float16', stage: 'weights' }),
    (e) => e.parameter === 'stage',
  );
  assert.throws(
    () => pe.precisionError({ dModel: 8192, positions: 2048 }, { format: 'float16', stage: 'outputs' }),
    (e) => e.code === 'size_limit',
  );
});

test('pe.d.ts lists exactly the limits the engine has', () => {
  const dts = fs.readFileSync(path.join(here, '../../web/pe.d.ts'), 'utf8');
  const block = dts.slice(dts.indexOf('export interface Limits {'));
  const declared = [...block.slice(0, block.indexOf('}')).matchAll(/^\s+(\w+): number;/gm)].map((m) => m[1]);
  assert.deepEqual(declared.sort(), Object.keys(pe.limits).sort());
});

test('every message kind has English and Chinese text with the same placeholders', () => {
  const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  const engine = pe.messageTemplates;
  assert.ok(Object.keys(engine).length >= 30);
  for (const [kind, english] of Object.entries(engine)) {
    const chinese = messagesZh[`engine.${kind}`];
    assert.ok(chinese, `no Chinese text for the engine's "${kind}"`);
    assert.deepEqual(placeholders(chinese), placeholders(english), kind);
  }
  for (const [key, english] of Object.entries(messagesEn)) {
    assert.ok(messagesZh[key], `no Chinese text for ${key}`);
    assert.deepEqual(placeholders(messagesZh[key]), placeholders(english), key);
  }
  // Nothing in the Chinese table that the engine or the page no longer has.
  for (const key of Object.keys(messagesZh)) {
    if (key.startsWith('engine.')) assert.ok(key.slice(7) in engine, `stale ${key}`);
    if (key.startsWith('msg.')) assert.ok(key in messagesEn, `stale ${key}`);
  }
});

// Holds the engine's instantiation until the test calls window.__releaseEngine(), and tracks every
// ResizeObserver / IntersectionObserver with the targets it still observes.
function gateAndTrack() {
  let release;
  const gate = new Promise((r) => (release = r));
  window.__releaseEngine = release;
  window.__engineWaiting = false;
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async function (...args) {
    window.__engineWaiting = true;
    await gate;
    return instantiate.apply(this, args);
  };
  window.__observers = new Set();
  for (const name of ['ResizeObserver', 'IntersectionObserver']) {
    const Original = window[name];
    window[name] = class extends Original {
      constructor(...args) {
        super(...args);
        this.targets = new Set();
        window.__observers.add(this);
      }
      observe(target, ...rest) {
        this.targets.add(target);
        return super.observe(target, ...rest);
      }
      unobserve(target) {
        this.targets.delete(target);
        return super.unobserve(target);
      }
      disconnect() {
        this.targets.clear();
        return super.disconnect();
      }
    };
  }
}

async function gatedPage(url) {
  const opened = await openPage(browser, null, {
    viewport: { width: 1000, height: 800 },
    reducedMotion: 'reduce',
  });
  await opened.page.addInitScript(gateAndTrack);
  await opened.page.goto(url);
  return opened;
}

test('attributes changed while the engine loads are applied once it is ready; removal during the load leaves nothing', async () => {
  const { page, problems } = await gatedPage(host.url + 'blank.html');
  await page.setContent(`<!doctype html><body>
    <pe-explorer id="a" view="matrix" d-model="16" positions="20" controls="off"></pe-explorer>
    <pe-explorer id="b" view="periodicity" d-model="16" positions="20"></pe-explorer>
    <script src="${server.url}pe-explorer.js"></script></body>`);
  await page.waitForFunction(() => window.__engineWaiting === true);
  await page.evaluate(() => {
    const a = document.getElementById('a');
    for (const [name, value] of [
      ['view', 'clock'],
      ['d-model', '32'],
      ['positions', '50'],
      ['lang', 'zh'],
      ['theme', 'dark'],
      ['position', '7'],
      ['offset', '3'],
      ['base', '500'],
      ['layout', 'split'],
    ]) {
      a.setAttribute(name, value);
    }
    a.dModel = 24; // properties too
    window.__removed = document.getElementById('b');
    window.__removed.remove();
  });
  await page.evaluate(() => window.__releaseEngine());
  await page.waitForFunction(() => document.getElementById('a').dataset.ready === 'true');
  const seen = await page.evaluate(() => {
    const a = document.getElementById('a');
    const removed = window.__removed.dataset.ready;
    const observing = [...window.__observers].filter((o) => o.targets.size > 0);
    // The settings the figure shows (its folder's mount: the values its views draw).
    const shown = a.explorer.values();
    return {
      state: Object.fromEntries(
        ['d-model', 'positions', 'position', 'offset', 'base', 'layout'].map((name) => [name, shown[name]]),
      ),
      lang: a.shadowRoot.querySelector('.pe-root').lang,
      scheme: a.shadowRoot.querySelector('.pe-root').dataset.scheme,
      clock: !!a.shadowRoot.querySelector('canvas.clocks'),
      matrix: !!a.shadowRoot.querySelector('canvas.matrix'),
      messagesHidden: a.shadowRoot.querySelector('.messages-inline').hidden,
      removedReady: removed,
      // Every observer still observing something observes the live figure, none the removed one.
      observingLive: observing.every((o) => [...o.targets].every((t) => t.isConnected)),
    };
  });
  assert.deepEqual(seen, {
    state: { 'd-model': '24', positions: '50', position: '7', offset: '3', base: '500', layout: 'split' },
    lang: 'zh-CN',
    scheme: 'dark',
    clock: true,
    matrix: false,
    messagesHidden: true,
    removedReady: undefined,
    observingLive: true,
  });
  assert.deepEqual(problems, []);
});

test('embed.html: hash changes during the load are applied once the engine is ready (10 sequences)', async () => {
  const sequences = [
    ['#view=matrix&d=32', '#view=clock&d=16', '#view=matrix&d=8&n=12'],
    ['#view=clock', '#view=matrix&d=8&n=12'],
    ['#view=periodicity&d=64', '#d=zzz', '#view=matrix&d=8&n=12'],
    ['#view=matrix&d=8&n=12&lang=zh', '#view=matrix&d=8&n=12&lang=en'],
    ['#view=all', '#view=matrix&d=8&n=12&theme=dark'],
  ];
  for (const sequence of [...sequences, ...sequences]) {
    const { page, problems, context } = await gatedPage(server.url + 'embed.html' + sequence[0]);
    await page.waitForFunction(() => window.__engineWaiting === true);
    for (const hash of sequence.slice(1)) {
      await page.evaluate((hash) => (location.hash = hash), hash);
      await page.waitForFunction((hash) => location.hash === hash, hash);
    }
    await page.evaluate(() => window.__releaseEngine());
    await page.waitForFunction(() => document.getElementById('figure').dataset.ready === 'true');
    await page.waitForFunction(() =>
      document.getElementById('figure').shadowRoot.textContent.includes('12 positions × 8 dimensions'),
    );
    assert.deepEqual(problems, [], sequence.join(' → '));
    await context.close();
  }
});

test('axe finds nothing on the page at 360 px, nor on any embed.html view', async () => {
  const { page, problems, context } = await openPage(browser, server.url + 'index.html', {
    viewport: { width: 360, height: 740 },
    reducedMotion: 'reduce',
  });
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const results = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
  );
  assert.deepEqual(problems, []);
  await context.close();
  for (const view of ['all', 'matrix', 'periodicity', 'clock', 'relative', 'learned', 'tokens', 'why']) {
    for (const width of [360, 1000]) {
      const opened = await openPage(browser, `${server.url}embed.html#view=${view}`, {
        viewport: { width, height: 740 },
        reducedMotion: 'reduce',
      });
      await opened.page.waitForFunction(() => document.getElementById('figure').dataset.ready === 'true');
      const found = await new AxeBuilder({ page: opened.page }).analyze();
      assert.deepEqual(
        found.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        [],
        `embed.html#view=${view} at ${width} px`,
      );
      assert.deepEqual(opened.problems, []);
      await opened.context.close();
    }
  }
});
