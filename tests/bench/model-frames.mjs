// Redraw times of the model atlas (view `model`) as a reader picks each gallery model, in a figure at
// 360 x 740 with the CPU slowed 4x (a mid-range phone): every config is loaded once first (its chunk),
// then each pick is timed by the view's own performance entry (pe-render:model, SchemeView.draw).
// Prints JSON: per model the redraw time and the frame budget verdict (<= 16.7 ms).
// Run by build-scripts/bench.sh; `node tests/bench/model-frames.mjs` alone needs a built dist/.
import { GALLERY } from '../../web/app/schemes/model/gallery.js';
import { launch, openPage, serve } from '../web/harness.mjs';

const server = await serve();
const browser = await launch();
const { page } = await openPage(browser, null, { viewport: { width: 360, height: 740 } });
await page.goto(server.url + 'embed.html#view=model');
const shows = (model) =>
  page.waitForFunction((model) => {
    const s = document.getElementById('figure').shadowRoot?.querySelector('#view-model');
    return s?.dataset.state === 'error' || (s?.dataset.state === 'drawn' && s.dataset.model === model);
  }, model);
const pick = async (model) => {
  await page.selectOption('[name="model-preset"]', model);
  await shows(model);
};
for (const { model } of GALLERY) await pick(model);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
const results = [];
for (const { model } of GALLERY) {
  await page.evaluate(() => performance.clearMeasures());
  await pick(model);
  const times = await page.evaluate(() =>
    performance.getEntriesByName('pe-render:model').map((m) => m.duration),
  );
  const ms = Math.max(...times);
  results.push({ model, redrawMs: +ms.toFixed(1), withinFrame: ms <= 16.7 });
}
console.log(JSON.stringify(results, null, 1));
await browser.close();
server.close();
