// Redraw times of the scheme views while their main control moves (headless Chromium, the page at
// 1280 px): each step sets the control and waits for the next frame; the view's own performance
// entries (pe-render:<view>, SchemeView.draw) give the time of each redraw. Prints JSON with the
// median, p95 and max per view and control, and the frame budget verdict (p95 <= 16.7 ms).
// Run by build-scripts/bench.sh; `node tests/bench/scheme-frames.mjs` alone needs a built dist/.
import { PRESETS } from '../../web/app/schemes/context/presets.js';
import { launch, openPage, serve } from '../web/harness.mjs';

// [view, control name, values it steps through]
const CONTROLS = [
  ['rope', 'rope-position', Array.from({ length: 60 }, (_, k) => String(k * 1000))],
  ['rope', 'rope-table-positions', ['4096', '65536', '1000000', '65536', '4096', '1000000']],
  ['alibi', 'alibi-query', Array.from({ length: 60 }, (_, k) => String(k % 32))],
  ['alibi', 'alibi-length', ['16', '256', '1024', '4096', '1024', '64']],
  ['grid2d', 'grid2d-gridHeight', ['7', '14', '16', '32', '14']],
  ['precision', 'precision-pair', Array.from({ length: 60 }, (_, k) => String(k))],
  ['precision', 'precision-stage', ['positions', 'frequencies', 'angles', 'outputs', 'positions']],
  ['context', 'context-preset', Object.values(PRESETS).map((p) => p.model)],
  ['multimodal', 'multimodal-token', Array.from({ length: 60 }, (_, k) => String(k * 2))],
  [
    'multimodal',
    'multimodal-model',
    ['qwen2-vl', 'qwen2.5-vl', 'qwen3-vl', 'qwen2-vl', 'qwen2.5-vl', 'qwen3-vl'],
  ],
  [
    'multimodal',
    'multimodal-segments',
    [
      'text:4,image:1x28x28,text:3',
      'text:2,video:8x28x28:0.5:3,text:4',
      'text:4,image:1x12x16,text:3,video:4x8x8:1:2,text:3',
    ],
  ],
];

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];

// Options: --cpu=4 throttles the CPU as DevTools does (a mid-range phone); --only=<view> runs one view's controls.
const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const throttle = Number(option('cpu') || 1);
const only = option('only');

const server = await serve();
const browser = await launch();
const { page } = await openPage(browser, null, { viewport: { width: 1280, height: 900 } });
if (throttle > 1) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
}
await page.goto(server.url + 'index.html');
await page.waitForFunction(() => document.body.dataset.ready === 'true');
const results = [];
for (const [view, name, values] of CONTROLS.filter(([view]) => !only || view === only)) {
  await page.evaluate(() => performance.clearMeasures());
  for (const value of values) {
    await page.evaluate(
      ({ name, value }) =>
        new Promise((resolve) => {
          const control = document.querySelector(`[name="${name}"]`);
          control.value = value;
          control.dispatchEvent(new Event('input', { bubbles: true }));
          requestAnimationFrame(() => resolve());
        }),
      { name, value },
    );
  }
  const times = await page.evaluate(
    (view) => performance.getEntriesByName(`pe-render:${view}`).map((m) => m.duration),
    view,
  );
  times.sort((a, b) => a - b);
  results.push({
    view,
    control: name,
    redraws: times.length,
    medianMs: +quantile(times, 0.5).toFixed(1),
    p95Ms: +quantile(times, 0.95).toFixed(1),
    maxMs: +times[times.length - 1].toFixed(1),
    withinFrame: quantile(times, 0.95) <= 16.7,
    cpuThrottle: throttle,
  });
}
console.log(JSON.stringify(results, null, 1));
await browser.close();
server.close();
