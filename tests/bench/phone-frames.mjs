// Frame times on a mid-range phone (issue 13): headless Chromium at 360 x 740 with the CPU throttled 4x
// (DevTools throttling), at devicePixelRatio 1 and 2.
//   animated: the blog page with one clock figure (examples/one-figure.html) while it plays: the
//             intervals between animation frames over 3 s (a frame is late past 1.5 x 16.7 ms).
//   dragged:  the explorer page's main controls stepped once a frame (the position slider, which
//             every sinusoidal view follows; each scheme view's own): the redraw time of each step,
//             from the views' own performance entries (pe-render:<view>).
// Goals: p95 <= 16.7 ms at DPR 1 and <= 33 ms at DPR 2 (a frame interval of 16.7 ms at 60 Hz is on
// time; jitter of a few tenths is counted as such). Prints JSON. Needs a built dist/ (bench.sh).
import { launch, openPage, serve } from '../web/harness.mjs';

const FRAME = 1000 / 60;
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
const summary = (times, budget) => {
  const sorted = [...times].sort((a, b) => a - b);
  const p95 = quantile(sorted, 0.95);
  return {
    samples: times.length,
    medianMs: +quantile(sorted, 0.5).toFixed(1),
    p95Ms: +p95.toFixed(1),
    maxMs: +sorted[sorted.length - 1].toFixed(1),
    late: times.filter((t) => t > 1.5 * FRAME).length,
    withinBudget: p95 <= budget + 0.5,
  };
};

// [view, the control's CSS selector (in the page), values it steps through]
const DRAGS = [
  [
    'position slider (the sinusoidal views)',
    '#c-pos-range',
    Array.from({ length: 40 }, (_, k) => String(20 + k)),
  ],
  ['rope position', '[name="rope-position"]', Array.from({ length: 40 }, (_, k) => String(k * 1000))],
  ['alibi query', '[name="alibi-query"]', Array.from({ length: 40 }, (_, k) => String(k % 32))],
  ['grid2d rows', '[name="grid2d-gridHeight"]', ['7', '14', '16', '32', '14', '7', '32', '16']],
  ['precision pair', '[name="precision-pair"]', Array.from({ length: 40 }, (_, k) => String(k))],
];

const server = await serve();
const browser = await launch();

async function phone(dpr, url) {
  const opened = await openPage(browser, null, {
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: dpr,
  });
  const cdp = await opened.context.newCDPSession(opened.page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await opened.page.goto(server.url + url);
  return opened;
}

// The intervals between animation frames over 3 s.
const frameIntervals = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const times = [];
        let last = 0;
        const start = performance.now();
        const frame = (now) => {
          if (last) times.push(now - last);
          last = now;
          if (now - start < 3000) requestAnimationFrame(frame);
          else resolve(times);
        };
        requestAnimationFrame(frame);
      }),
  );

// The explorer page's clocks (d_model 128: 64 pairs, 32 clocks, 15 below 500 px) playing at the
// default speed (4 positions a second).
async function pageClock(dpr) {
  const { page, context } = await phone(dpr, 'index.html');
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 240_000 });
  await page.evaluate(() => document.querySelector('canvas.clocks').scrollIntoView({ block: 'center' }));
  await page.waitForFunction(() => document.querySelector('.clocks').dataset.onScreen === 'true');
  await page.evaluate(() => {
    if (document.querySelector('.clocks').dataset.running !== 'true')
      document.querySelector('#view-clock [data-action="play"]').click();
  });
  await page.waitForFunction(() => document.querySelector('.clocks').dataset.running === 'true');
  const intervals = await frameIntervals(page);
  await context.close();
  return { what: `page clocks playing, DPR ${dpr}`, ...summary(intervals, dpr === 1 ? FRAME : 2 * FRAME) };
}

async function animated(dpr) {
  const { page, context } = await phone(dpr, 'examples/one-figure.html');
  await page.waitForFunction(() => document.querySelector('pe-explorer').dataset.ready === 'true', null, {
    timeout: 120_000,
  });
  // The clocks on screen (they play only there), and playing (autoplay, or the play button).
  await page.evaluate(() => {
    const root = document.querySelector('pe-explorer').shadowRoot;
    root.querySelector('.clocks').scrollIntoView({ block: 'center' });
    if (root.querySelector('.clocks').dataset.running !== 'true') {
      setTimeout(() => {
        if (root.querySelector('.clocks').dataset.running !== 'true')
          root.querySelector('[data-action="play"]').click();
      }, 500);
    }
  });
  await page.waitForFunction(
    () =>
      document.querySelector('pe-explorer').shadowRoot.querySelector('.clocks').dataset.running === 'true',
    null,
    { timeout: 120_000 },
  );
  const intervals = await frameIntervals(page);
  await context.close();
  return { what: `figure clocks playing, DPR ${dpr}`, ...summary(intervals, dpr === 1 ? FRAME : 2 * FRAME) };
}

async function dragged(dpr) {
  const { page, context } = await phone(dpr, 'index.html');
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 240_000 });
  const out = [];
  for (const [what, selector, values] of DRAGS) {
    // The control's section on screen (the position slider is in the folded settings: the matrix).
    await page.evaluate((selector) => {
      const section = document.querySelector(selector).closest('section.view');
      (section || document.querySelector('#view-matrix')).scrollIntoView();
    }, selector);
    await page.evaluate(() => performance.clearMeasures());
    const times = [];
    for (const value of values) {
      // One step: the control's input event, then the frame; the step's time is the sum of the
      // redraws it caused (every view that follows the control measures its own).
      const spent = await page.evaluate(
        ({ selector, value }) =>
          new Promise((resolve) => {
            performance.clearMeasures();
            const control = document.querySelector(selector);
            control.value = value;
            control.dispatchEvent(new Event('input', { bubbles: true }));
            requestAnimationFrame(() =>
              resolve(
                performance
                  .getEntriesByType('measure')
                  .filter((m) => m.name.startsWith('pe-render:'))
                  .reduce((sum, m) => sum + m.duration, 0),
              ),
            );
          }),
        { selector, value },
      );
      times.push(spent);
    }
    out.push({ what: `${what}, DPR ${dpr}`, ...summary(times, dpr === 1 ? FRAME : 2 * FRAME) });
  }
  await context.close();
  return out;
}

const results = [];
for (const dpr of [1, 2]) {
  results.push(await animated(dpr), await pageClock(dpr));
  results.push(...(await dragged(dpr)));
}
console.log(JSON.stringify(results, null, 1));
await browser.close();
server.close();
