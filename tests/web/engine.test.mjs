// @ts-check
// pe.mjs in real Chromium: the same numbers as the native build, errors with the core's messages,
// a module that keeps working after them, and the strict CSP.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { PE_EXPORT, launch, openPage, parseNpy, serve } from './harness.mjs';

let server, cspServer, browser;
before(async () => {
  server = await serve();
  cspServer = await serve(undefined, { csp: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await cspServer?.close();
});

// Opens the fixture page that loads pe.mjs into window.pe.
async function enginePage(url = server.url) {
  const opened = await openPage(browser, url + 'engine-check.html');
  await opened.page.waitForFunction(() => window.pe !== undefined);
  return opened;
}

const CASES = [
  { dModel: 64, positions: 300, start: 0, layout: 'interleaved', frequencies: 'paper' },
  { dModel: 512, positions: 130, start: 65400, layout: 'split', frequencies: 'tensor2tensor' },
  { dModel: 7, positions: 200, start: 3, layout: 'split_cos_first', frequencies: 'paper', base: 500 },
];

test('pe.mjs returns the same numbers as the native pe-export', async () => {
  const { page, problems } = await enginePage();
  for (const options of CASES) {
    const args = ['--d-model', options.dModel, '--positions', options.positions, '--start', options.start];
    args.push('--layout', options.layout, '--frequencies', options.frequencies, '--format', 'npy');
    if (options.base) args.push('--base', options.base);
    const native = parseNpy(execFileSync(PE_EXPORT, args.map(String)));
    assert.deepEqual(native.shape, [options.positions, options.dModel]);
    const wasm = await page.evaluate((o) => Array.from(window.pe.sinusoidal(o)), options);
    assert.equal(wasm.length, native.data.length);
    let worst = 0;
    for (let n = 0; n < wasm.length; n++) worst = Math.max(worst, Math.abs(wasm[n] - native.data[n]));
    // Both run the same float64 recurrence; libm's sin/cos may differ in the last bit of a double,
    // which can flip the float32 rounding of a value by one ulp (<= 6e-8).
    assert.ok(worst <= 1.2e-7, `max |wasm - native| = ${worst} for ${JSON.stringify(options)}`);
  }
  assert.deepEqual(problems, []);
});

test('the guide figures hold in the browser (float64 references from Python math)', async () => {
  const { page } = await enginePage();
  const result = await page.evaluate(() => ({
    row1: Array.from(window.pe.sinusoidal({ dModel: 4, positions: 2 }).subarray(4)),
    dot: window.pe.dotByOffset({ dModel: 512 }, 1, 1)[0],
    norm: Math.hypot(...window.pe.vectorAt({ dModel: 512 }, 1234)),
  }));
  const expected = [0.8414709848078965, 0.5403023058681398, 0.009999833334166664, 0.9999500004166653];
  result.row1.forEach((v, j) => assert.ok(Math.abs(v - expected[j]) < 1e-7, `PE(1)[${j}] = ${v}`));
  assert.ok(Math.abs(result.dot - 249.10209782736288) < 1e-9, `dot = ${result.dot}`);
  assert.ok(Math.abs(result.norm - 16) < 1e-12, `norm = ${result.norm}`);
});

test('a bad call throws a PEError with the core message, and the module keeps working', async () => {
  const { page, problems } = await enginePage();
  const result = await page.evaluate(() => {
    const pe = window.pe;
    const attempt = (f) => {
      try {
        f();
        return 'no error';
      } catch (e) {
        return {
          name: e.name,
          isPEError: e instanceof pe.PEError,
          isError: e instanceof Error,
          parameter: e.parameter,
          message: e.message,
          kind: e.kind,
          args: e.args,
        };
      }
    };
    return {
      zero: attempt(() => pe.sinusoidal({ dModel: 0, positions: 10 })),
      big: attempt(() => pe.sinusoidal({ dModel: 8192, positions: 8192 })),
      // @ts-expect-error: a layout pe.d.ts does not have, on purpose
      layout: attempt(() => pe.sinusoidal({ dModel: 8, positions: 1, layout: 'zigzag' })),
      // @ts-expect-error: a string for a number, on purpose
      type: attempt(() => pe.sinusoidal({ dModel: '8', positions: 1 })),
      into: attempt(() => pe.sinusoidalInto(new Float32Array(5), { dModel: 8, positions: 1 })),
      after: Array.from(pe.sinusoidal({ dModel: 2, positions: 2 })),
    };
  });
  assert.deepEqual(result.zero, {
    name: 'PEError',
    isPEError: true,
    isError: true,
    parameter: 'dModel',
    message: 'd_model must be an integer from 1 to 8192; got 0',
    // Errors are data: the kind names the template, args hold its values.
    kind: 'integer_range',
    args: { name: 'd_model', min: 1, max: 8192, got: 0 },
  });
  assert.equal(
    result.big.message,
    'positions x d_model must be at most 16777216 values (64 MiB of float32); got 8192 x 8192 = 67108864',
  );
  assert.equal(
    result.layout.message,
    'layout must be one of interleaved, split, split_cos_first; got "zigzag"',
  );
  assert.equal(result.type.message, 'dModel must be a number; got "8"');
  assert.equal(result.type.kind, 'not_number');
  assert.equal(result.into.message, 'target must hold positions x dModel = 8 floats; got 5');
  assert.deepEqual(
    result.after.map((v) => Math.round(v * 1e6) / 1e6),
    [0, 1, 0.841471, 0.540302],
  );
  assert.deepEqual(problems, []);
});

test('pe.mjs and the classic pe.js run under the strict CSP with no violation', async () => {
  const { page, problems } = await enginePage(cspServer.url);
  const first = await page.evaluate(() => window.pe.sinusoidal({ dModel: 4, positions: 2 })[4]);
  assert.ok(Math.abs(first - Math.sin(1)) < 1e-7);
  await page.addScriptTag({ url: 'pe.js' });
  const classic = await page.evaluate(
    async () => (await window.createPE()).sinusoidal({ dModel: 4, positions: 2 })[5],
  );
  assert.ok(Math.abs(classic - Math.cos(1)) < 1e-7);
  assert.deepEqual(problems, []);
});
