// Script time per frame of the scheme views while their main control moves (headless Chromium, the
// page at 1280 px): each step sets the control, waits for the next frame and until the view has
// drawn everything the change asked for (a view that draws its figures over several frames says so
// in data-state="drawing"). The view's own performance entries give the work: pe-render:<view>
// (SchemeView.draw, in the event) and pe-render:<view>:<part> (a figure drawn in a later animation
// frame). Entries are summed per frame (between two animation-frame timestamps), so a view that
// spreads its work is measured on each frame's share, its later frames counted too. Prints JSON with
// the median, p95 and max per view and control, the frame budget verdict (p95 <= 16.7 ms) and the frames
// over it with their steps; and how many frames came late (an interval over 1.5 frames: paint included).
// Run by build-scripts/bench.sh; `node tests/bench/scheme-frames.mjs` alone needs a built dist/.
import { launch, openPage, serve } from '../web/harness.mjs';
import { CONTROLS, drawn, stepThrough } from './scheme-controls.mjs';

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
  await drawn(page); // what the page's load left to draw is not this control's work
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
  await stepThrough(page, name, values);
  const { times, entries, over, late, intervals } = await page.evaluate((view) => {
    const frames = window.peBenchFrames;
    window.peBenchFrames = null;
    const entries = performance
      .getEntriesByType('measure')
      .filter((m) => m.name === `pe-render:${view}` || m.name.startsWith(`pe-render:${view}:`));
    // Each entry to the frame it ran in: the last frame that started before it.
    const work = new Map();
    const steps = new Map();
    for (const m of entries) {
      const frame = frames.filter((f) => f <= m.startTime).length;
      work.set(frame, (work.get(frame) || 0) + m.duration);
      steps.set(frame, [
        ...(steps.get(frame) || []),
        `${m.name.split(':')[2] || 'event'} ${m.duration.toFixed(1)}`,
      ]);
    }
    const intervals = frames.slice(1).map((t, k) => t - frames[k]);
    return {
      times: [...work.values()],
      // Frames that came a vsync or more late (paint and raster included, not only script).
      late: intervals.filter((ms) => ms > 1.5 * 16.7).length,
      intervals: intervals.length,
      entries: entries.length,
      // The frames over a frame's budget, with their steps (the event's own part is "event").
      over: [...work]
        .filter(([, ms]) => ms > 16.7)
        .map(([frame, ms]) => `${ms.toFixed(1)}: ${steps.get(frame).join(', ')}`),
    };
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
    over,
    lateFrames: `${late} of ${intervals}`,
  });
}
console.log(JSON.stringify(results, null, 1));
await browser.close();
server.close();
