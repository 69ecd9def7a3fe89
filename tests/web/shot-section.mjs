// A screenshot of one section of the page, or of one figure, for looking at it (not a test):
//   node tests/web/shot-section.mjs 'index.html#…' '#view-t5' out.png [width]
//   node tests/web/shot-section.mjs 'embed.html#view=t5' '#figure' out.png [width]
// Waits until the page (or the figure) says ready and no view is still drawing; prints the console
// errors it saw.
import { launch, openPage, serve } from './harness.mjs';

const [, , what, selector, out, width = '1280'] = process.argv;
const server = await serve();
const browser = await launch();
const { page, problems } = await openPage(browser, server.url + what, {
  viewport: { width: Number(width), height: 900 },
  reducedMotion: 'reduce',
});
await page.waitForFunction(
  () => (document.querySelector('pe-explorer')?.dataset ?? document.body.dataset).ready === 'true',
  null,
  { timeout: 60_000 },
);
// A view that draws over several frames (the model atlas) says so in data-state: wait for the last.
await page.waitForFunction(
  () =>
    ![document, document.querySelector('pe-explorer')?.shadowRoot].some((root) =>
      root?.querySelector('[data-state="drawing"], [data-state="loading"]'),
    ),
  null,
  { timeout: 60_000 },
);
await page.locator(selector).screenshot({ path: out });
console.log(problems.length ? problems.join('\n') : 'no console errors');
await browser.close();
server.close();
