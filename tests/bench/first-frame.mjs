// Time to the first drawn frame, as issue 13 asks for it: the explorer page and a blog page with one
// figure, on localhost, unthrottled at 1280 x 900 and with the CPU throttled 4x at 360 x 740 (a
// mid-range phone; Chromium's DevTools throttling). Median of 5 cold loads each. Prints JSON.
//   page:   navigation start to the page's 'pe-first-frame' mark (main.js: the first view drawn)
//   figure: navigation start to the <pe-explorer> saying data-ready (its view drawn once)
// With each: the files requested until then and their gzip -9 size (what a server that compresses
// sends; the budgets in build-scripts/budgets.mjs are of the same measure).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, openPage, serve } from '../web/harness.mjs';

const DIST = path.resolve(import.meta.dirname, '../../dist');
const gzipped = (url) => {
  const file = path.join(DIST, decodeURIComponent(url));
  return fs.existsSync(file) ? zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length : 0;
};

const server = await serve();
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The page and the files it had asked for by `time` (its first drawn frame), as paths of dist/.
const requestedBefore = (page, time) =>
  page.evaluate(
    ({ time, root }) => [
      location.pathname.slice(root.length),
      ...performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime <= time && !e.name.endsWith('favicon.svg'))
        .map((e) => new URL(e.name).pathname.slice(root.length)),
    ],
    { time, root: new URL(server.url).pathname },
  );

async function measure(kind, { width, height, throttle }) {
  const times = [];
  let requested = [];
  for (let run = 0; run < 5; run++) {
    const { page, context } = await openPage(browser, null, { viewport: { width, height } });
    if (throttle > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    if (kind === 'page') {
      await page.goto(server.url + 'index.html');
      await page.waitForFunction(() => performance.getEntriesByName('pe-first-frame').length > 0, null, {
        timeout: 120_000,
      });
      times.push(await page.evaluate(() => performance.getEntriesByName('pe-first-frame')[0].startTime));
      requested = await requestedBefore(page, times.at(-1));
    } else {
      await page.goto(server.url + 'examples/one-figure.html');
      await page.waitForFunction(() => document.querySelector('pe-explorer').dataset.ready === 'true', null, {
        timeout: 120_000,
      });
      times.push(await page.evaluate(() => performance.now()));
      requested = await requestedBefore(page, times.at(-1));
    }
    await context.close();
  }
  const bytes = requested.reduce((sum, url) => sum + gzipped(url), 0);
  return {
    medianMs: Math.round(median(times)),
    runs: times.map(Math.round),
    gzippedKB: Math.round(bytes / 100) / 10,
    requested,
  };
}

const out = {};
for (const kind of ['page', 'figure']) {
  out[`${kind} 1280x900`] = await measure(kind, { width: 1280, height: 900, throttle: 1 });
  out[`${kind} 360x740, CPU 4x`] = await measure(kind, { width: 360, height: 740, throttle: 4 });
}
console.log(JSON.stringify(out, null, 1));
await browser.close();
server.close();
