// identifyTable on a 131,072 x 128 float32 cos table (64 MiB, Llama 3's theta 500000, Hugging Face's
// cat(freqs, freqs) layout) in headless Chromium with the CPU throttled 4x (a mid-range phone): the
// file's bytes are made in the page, then pe.identifyTable(bytes) is timed, five times. Prints JSON:
// each run's milliseconds, the median, and whether the median is under the 1 s target. Run by hand
// or by build-scripts/bench.sh; needs a built dist/ (pe.mjs). Times print; nothing asserts on them.
import { launch, openPage, serve } from '../web/harness.mjs';

const server = await serve();
const browser = await launch();
const { page, context } = await openPage(browser, server.url + 'engine-check.html');
await page.waitForFunction(() => window.pe !== undefined);
const cdp = await context.newCDPSession(page);
const out = {};
for (const rate of [1, 4]) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const result = await page.evaluate(() => {
    const pe = /** @type {any} */ (window).pe;
    const rows = 131072;
    const cols = 128;
    let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${rows}, ${cols}), }`;
    while ((10 + header.length + 1) % 64) header += ' ';
    header += '\n';
    const values = new Float32Array(rows * cols);
    const inv = Array.from({ length: cols / 2 }, (_, i) => 500000 ** (-i / (cols / 2)));
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < cols; j++) values[r * cols + j] = Math.cos(r * inv[j % (cols / 2)]);
    }
    const bytes = new Uint8Array(10 + header.length + values.byteLength);
    bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 255, header.length >> 8]);
    for (let i = 0; i < header.length; i++) bytes[10 + i] = header.charCodeAt(i);
    bytes.set(new Uint8Array(values.buffer), 10 + header.length);
    const times = [];
    let reading = null;
    for (let k = 0; k < 5; k++) {
      const t0 = performance.now();
      reading = pe.identifyTable(bytes);
      times.push(performance.now() - t0);
    }
    return { times, kind: reading.kind, best: reading.best };
  });
  const sorted = [...result.times].sort((a, b) => a - b);
  const median = sorted[2];
  out[`CPU ${rate}x`] = {
    ms: result.times.map((t) => Math.round(t)),
    medianMs: Math.round(median),
    underOneSecond: median < 1000,
    kind: result.kind,
    theta: result.best && result.best.options.theta,
  };
}
console.log(JSON.stringify({ identifyTable: '131072 x 128 float32 (64 MiB)', ...out }, null, 1));
await browser.close();
await server.close();
