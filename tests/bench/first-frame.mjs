// Time to the first drawn frame, as issue 13 asks for it: the explorer page and a blog page with one
// figure, on localhost, unthrottled at 1280 x 900 and with the CPU throttled 4x at 360 x 740 (a
// mid-range phone; Chromium's DevTools throttling). Median of 5 cold loads each. Prints JSON.
//   page:   navigation start to the page's 'pe-first-frame' mark (main.js: the first view drawn)
//   figure: navigation start to the <pe-explorer> saying data-ready (its view drawn once)
import { launch, openPage, serve } from '../web/harness.mjs';

const server = await serve();
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(kind, { width, height, throttle }) {
  const times = [];
  for (let run = 0; run < 5; run++) {
    const { page, context } = await openPage(browser, null, { viewport: { width, height } });
    if (throttle > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    if (kind === 'page') {
      await page.goto(server.url + 'index.html');
      await page.waitForFunction(() => performance.getEntriesByName('pe-first-frame').length > 0, null, { timeout: 120_000 });
      times.push(await page.evaluate(() => performance.getEntriesByName('pe-first-frame')[0].startTime));
    } else {
      await page.goto(server.url + 'examples/one-figure.html');
      await page.waitForFunction(() => document.querySelector('pe-explorer').dataset.ready === 'true', null, { timeout: 120_000 });
      times.push(await page.evaluate(() => performance.now()));
    }
    await context.close();
  }
  return { medianMs: Math.round(median(times)), runs: times.map(Math.round) };
}

const out = {};
for (const kind of ['page', 'figure']) {
  out[`${kind} 1280x900`] = await measure(kind, { width: 1280, height: 900, throttle: 1 });
  out[`${kind} 360x740, CPU 4x`] = await measure(kind, { width: 360, height: 740, throttle: 4 });
}
console.log(JSON.stringify(out, null, 1));
await browser.close();
server.close();
