// Where the model atlas's frames spend their script time (a diagnostic beside model-frames.mjs, same
// page, size and CPU 4x): a V8 sampling profile over one pick of each gallery model, each sample
// charged to the drawing step it falls in (the view's performance entries: pe-render:model, the first
// frame; pe-render:model:<step>, drawInFrames' entry for each later step) and, within it, to a kind of work by the
// sample's innermost frame:
//   engine    wasm code and its embind glue (the engine chunk): pe.* calls;
//   canvas    2-D context calls (fillText, stroke, lineTo, ...; native, so the innermost frame);
//   dom       other native calls: elements, text and attributes written, style or layout read;
//   gc        the garbage collector;
//   js        the view's own script.
// The profile's clock is tied to performance.now() by a busy loop run first (peProfileSync).
// Prints per step the sampled milliseconds by kind over all picks, and the worst steps.
// Needs a built dist/: node tests/bench/model-profile.mjs
import { GALLERY } from '../../web/app/schemes/model/gallery.js';
import { launch, openPage, serve } from '../web/harness.mjs';

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
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.evaluate(() => performance.clearMeasures());
const syncAt = await page.evaluate(
  '(function peProfileSync() { const at = performance.now(); while (performance.now() < at + 30); return at; })()',
);
for (const { model } of GALLERY) await pick(model);
const { profile } = await cdp.send('Profiler.stop');

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
const CANVAS = new Set(
  (
    'fillText strokeText measureText stroke fill lineTo moveTo arc rect fillRect strokeRect clearRect ' +
    'beginPath closePath save restore setLineDash setTransform reset getContext translate scale rotate'
  ).split(' '),
);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const stackOf = (id) => {
  const out = [];
  for (let k = id; k !== undefined; k = parent.get(k)) out.push(byId.get(k).callFrame);
  return out; // innermost first
};
// Sample times (µs, the profile's clock) and the offset to performance.now() (ms).
const times = [];
let t = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) times.push((t += profile.timeDeltas[i]));
const sync = profile.samples.findIndex((id) => stackOf(id).some((f) => f.functionName === 'peProfileSync'));
const offset = times[sync] / 1000 - syncAt;
const kindOf = (f) => {
  if (f.functionName === '(garbage collector)') return 'gc';
  if (
    /engine|^wasm/.test(f.url) ||
    /^wasm-|-to-wasm$|^js-to-/.test(f.functionName) ||
    /^[0-9a-f]{8}$/.test(f.url)
  )
    return 'engine';
  if (!f.url) return CANVAS.has(f.functionName) ? 'canvas' : 'dom';
  return 'js';
};
const table = {};
const steps = {};
for (let i = 0; i < profile.samples.length; i++) {
  const at = times[i] / 1000 - offset;
  const m = measures.find((x) => at >= x.start && at < x.end);
  if (!m) continue;
  const ms = (times[i + 1] - times[i]) / 1000 || 0;
  const step = m.step.split(':')[0];
  const kind = kindOf(stackOf(profile.samples[i])[0]);
  table[step] ??= { total: 0 };
  table[step].total += ms;
  table[step][kind] = (table[step][kind] || 0) + ms;
  const key = `${m.start}`;
  steps[key] ??= { step: m.step, ms: m.end - m.start, kinds: {} };
  steps[key].kinds[kind] = (steps[key].kinds[kind] || 0) + ms;
}
const round = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, +v.toFixed(1)]));
console.log(
  JSON.stringify(
    {
      picks: GALLERY.length,
      msByStepAndKind: Object.fromEntries(Object.entries(table).map(([k, v]) => [k, round(v)])),
      worstSteps: Object.values(steps)
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 25)
        .map((x) => `${x.ms.toFixed(1)} ${x.step} ${JSON.stringify(round(x.kinds))}`),
    },
    null,
    1,
  ),
);
await browser.close();
server.close();
