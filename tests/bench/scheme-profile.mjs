// Where a scheme view's frames spend their script time while one of its main controls moves (a
// diagnostic beside scheme-frames.mjs: the same page, width, controls, values and order, CPU 4x): a V8
// sampling profile over each control's pass through its values, as the benchmark makes it, each sample charged
// to the step it falls in (the view's performance entries: pe-render:<view>, the event, and
// pe-render:<view>:<step>, a step drawn in a later frame) and to a kind of work (profile.mjs).
// Prints per control and step the sampled milliseconds by kind, and the worst steps.
// Needs a built dist/: node tests/bench/scheme-profile.mjs multimodal [--cpu=4]
import { launch, openPage, serve } from '../web/harness.mjs';
import { charge, sample } from './profile.mjs';
import { CONTROLS, drawn, stepThrough } from './scheme-controls.mjs';

const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const throttle = Number(option('cpu') || 4);
const view = process.argv.slice(2).find((a) => !a.startsWith('--'));
const controls = CONTROLS.filter(([v]) => v === view);
if (!controls.length)
  throw new Error(`a view of scheme-controls.mjs: ${[...new Set(CONTROLS.map((c) => c[0]))]}`);

const server = await serve();
const browser = await launch();
const { page } = await openPage(browser, null, { viewport: { width: 1280, height: 900 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
await page.goto(server.url + 'index.html');
await page.waitForFunction(() => document.body.dataset.ready === 'true');
const results = [];
for (const [, name, values] of controls) {
  await drawn(page);
  await page.evaluate(() => performance.clearMeasures());
  const sampled = await sample(page, () => stepThrough(page, name, values));
  const measures = await page.evaluate(
    (view) =>
      performance
        .getEntriesByType('measure')
        .filter((m) => m.name === `pe-render:${view}` || m.name.startsWith(`pe-render:${view}:`))
        .map((m) => ({
          step: m.name.split(':')[2] || 'event',
          start: m.startTime,
          end: m.startTime + m.duration,
        })),
    view,
  );
  results.push({ view, control: name, cpu: throttle, ...charge(sampled, measures, 12) });
}
console.log(JSON.stringify(results, null, 1));
await browser.close();
server.close();
