// Script time per frame of the scheme views while their main control moves (headless Chromium, the
// page at 1280 px): each step sets the control, waits for the next frame and until the view has
// drawn everything the change asked for (a view that draws its figures over several frames says so
// in data-state="drawing"). The view's own performance entries give the work: pe-render:<view>
// (SchemeView.draw, in the event) and pe-render:<view>:<part> (a figure drawn in a later animation
// frame). Entries are summed per frame (between two animation-frame timestamps), so a view that
// spreads its work is measured on each frame's share, its later frames counted too. Prints JSON with
// the median, p95 and max per view and control, and the frame budget verdict (p95 <= 16.7 ms).
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
const drawn = () =>
  page.waitForFunction(() => !document.querySelector('[data-state="drawing"]'), null, { polling: 'raf' });
for (const [view, name, values] of CONTROLS.filter(([view]) => !only || view === only)) {
  await drawn(); // what the page's load left to draw is not this control's work
  // Every animation frame's start from now on (the timestamp all of that frame's callbacks get).
  await page.evaluate(() => {
    performance.clearMeasures();
    const frames = (window.peBenchFrames = []);
    const tick = (time) => {
      frames.push(time);
      if (window.peBenchFrames === frames) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
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
    await drawn();
  }
  const { times, entries } = await page.evaluate((view) => {
    const frames = window.peBenchFrames;
    window.peBenchFrames = null;
    const entries = performance
      .getEntriesByType('measure')
      .filter((m) => m.name === `pe-render:${view}` || m.name.startsWith(`pe-render:${view}:`));
    // Each entry to the frame it ran in: the last frame that started before it.
    const work = new Map();
    for (const m of entries) {
      const frame = frames.filter((f) => f <= m.startTime).length;
      work.set(frame, (work.get(frame) || 0) + m.duration);
    }
    return { times: [...work.values()], entries: entries.length };
  }, view);
  times.sort((a, b) => a - b);
  results.push({
    view,
    control: name,
    entries,
    frames: times.length,
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
