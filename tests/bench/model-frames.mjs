// Redraw times of the model atlas (view `model`) as a reader picks each gallery model, in a figure at
// 360 x 740 with the CPU slowed 4x (a mid-range phone). Every config is loaded once first (its chunk);
// then each pick is timed until the view says it has drawn everything (data-state "drawn"). A pick
// draws the text, strip, head bar and traps in its first frame and then one figure per animation
// frame, so two measures are taken per frame:
//   work: the view's own performance entries, pe-render:model (the first frame's script) and
//         pe-render:model:<step> (each later figure's script, drawInFrames' entry named by its step);
//   frame: the interval between consecutive animation frames from the pick to the last figure, as a
//         requestAnimationFrame loop in the page sees it (script, style, layout and paint included).
// Prints JSON: per model its frames, and over all picks the median, p95 and max of each measure with
// the frame budget verdict (16.7 ms). Run by build-scripts/bench.sh; alone it needs a built dist/.
import { GALLERY } from '../../web/app/schemes/model/gallery.js';
import { launch, openPage, serve } from '../web/harness.mjs';

const BUDGET = 16.7;
const server = await serve();
const browser = await launch();
const { page } = await openPage(browser, null, { viewport: { width: 360, height: 740 } });
await page.goto(server.url + 'embed.html#view=model');
const section = () => document.getElementById('figure').shadowRoot?.querySelector('#view-model');
const shows = (model) =>
  page.waitForFunction(
    ({ model, section }) => {
      const s = new Function(`return (${section})()`)();
      return s?.dataset.state === 'error' || (s?.dataset.state === 'drawn' && s.dataset.model === model);
    },
    { model, section: section.toString() },
  );
const pick = async (model) => {
  await page.selectOption('[name="model-preset"]', model);
  await shows(model);
};
for (const { model } of GALLERY) await pick(model);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
const results = [];
for (const { model } of GALLERY) {
  // A frame loop from before the pick until the last figure (drawn): each frame's start.
  await page.evaluate((model) => {
    performance.clearMeasures();
    const frames = (window.__frames = []);
    const loop = (time) => {
      frames.push(time);
      const s = document.getElementById('figure').shadowRoot.querySelector('#view-model');
      if (s.dataset.state !== 'drawn' || s.dataset.model !== model) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  }, model);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  await pick(model);
  // The frame the last figure drew in ends at the next frame's start.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  const { first, figures, steps, frames } = await page.evaluate(() => {
    const later = performance
      .getEntriesByType('measure')
      .filter((m) => m.name.startsWith('pe-render:model:'));
    return {
      first: performance.getEntriesByName('pe-render:model').map((m) => m.duration),
      figures: later.map((m) => m.duration),
      steps: later.map((m) => m.name.slice('pe-render:model:'.length)),
      frames: window.__frames.slice(1).map((t, k) => t - window.__frames[k]),
    };
  });
  const round = (xs) => xs.map((x) => +x.toFixed(1));
  results.push({ model, firstMs: round(first), figureMs: round(figures), steps, frameMs: round(frames) });
}
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(s.length * q))];
  return {
    n: s.length,
    median: at(0.5),
    p95: at(0.95),
    max: s[s.length - 1],
    over: s.filter((x) => x > BUDGET).length,
  };
};
const work = results.flatMap((r) => [...r.firstMs, ...r.figureMs]);
const frames = results.flatMap((r) => r.frameMs);
const summary = {
  cpu: '4x',
  budgetMs: BUDGET,
  workPerFrame: stats(work),
  firstFrameWork: stats(results.flatMap((r) => r.firstMs)),
  frameInterval: stats(frames),
  withinBudget: stats(work).p95 <= BUDGET,
  // Which frames' work is over: the model and the step (first: the text and the strip; heads: the head
  // bar and the traps; <figure>:<layer type>; temperature).
  overBudget: results.flatMap((r) =>
    [
      ...r.firstMs.map((ms) => ({ step: 'first', ms })),
      ...r.figureMs.map((ms, k) => ({ step: r.steps[k], ms })),
    ]
      .filter((x) => x.ms > BUDGET)
      .map((x) => `${r.model} ${x.step} ${x.ms}`),
  ),
};
console.log(JSON.stringify({ summary, models: results }, null, 1));
await browser.close();
server.close();
