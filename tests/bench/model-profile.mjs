// Where the model atlas's frames spend their script time (a diagnostic beside model-frames.mjs, same
// page, size and CPU 4x): a V8 sampling profile over one pick of each gallery model, each sample
// charged to the drawing step it falls in (the view's performance entries: pe-render:model, the first
// frame; pe-render:model:<step>, drawInFrames' entry for each later step) and, within it, to a kind of work
// (engine, canvas, dom, gc, js: profile.mjs).
// Prints per step the sampled milliseconds by kind over all picks, and the worst steps.
// Needs a built dist/: node tests/bench/model-profile.mjs
import { GALLERY } from '../../web/app/schemes/model/gallery.js';
import { launch, openPage, serve } from '../web/harness.mjs';
import { charge, sample } from './profile.mjs';

const server = await serve();
const browser = await launch();
const { page } = await openPage(browser, null, { viewport: { width: 360, height: 740 } });
await page.goto(server.url + 'embed.html#view=model');
const pick = async (model) => {
  await page.selectOption('[name="model-preset"]', model);
  await page.waitForFunction((model) => {
    const s = document.getElementById('figure').shadowRoot?.querySelector('#view-model');
    return s?.dataset.state === 'error' || (s?.dataset.state === 'drawn' && s.dataset.model === model);
  }, model);
};
for (const { model } of GALLERY) await pick(model);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await page.evaluate(() => performance.clearMeasures());
const sampled = await sample(page, async () => {
  for (const { model } of GALLERY) await pick(model);
});
const measures = await page.evaluate(() =>
  performance
    .getEntriesByType('measure')
    .filter((m) => m.name.startsWith('pe-render:model'))
    .map((m) => ({
      step: m.name.slice('pe-render:model:'.length) || 'first',
      start: m.startTime,
      end: m.startTime + m.duration,
    })),
);
console.log(JSON.stringify({ picks: GALLERY.length, ...charge(sampled, measures) }, null, 1));
await browser.close();
server.close();
