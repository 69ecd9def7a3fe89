// The scheme views' main controls and the values a benchmark steps each through, and the stepping
// (scheme-frames.mjs, scheme-profile.mjs). Each folder gives its own steps (web/app/schemes/<name>/
// test-checks.js, `benchSteps`: [view, control, values]); they are collected here, in page order, by
// reading the folders, as web/app/schemes/index.js reads them: adding a scheme touches no list here.
import fs from 'node:fs';
import { ALL } from '../../web/app/schemes/index.js';

const schemes = new URL('../../web/app/schemes/', import.meta.url);

/** [view, control name, values it steps through], every folder's. */
export const CONTROLS = (
  await Promise.all(
    ALL.map(({ name }) => new URL(`${name}/test-checks.js`, schemes))
      .filter((file) => fs.existsSync(file))
      .map(async (file) => (await import(file.href)).benchSteps || []),
  )
).flat();

/** Until no view is still drawing (data-state "drawing"). */
export const drawn = (page) =>
  page.waitForFunction(() => !document.querySelector('[data-state="drawing"]'), null, { polling: 'raf' });

/** Sets control `name` to each of `values` as a reader does (an input event), each time waiting for
 *  the next frame and until every view has drawn what it asked for. */
export async function stepThrough(page, name, values) {
  for (const value of values) {
    await page.evaluate(
      ({ name, value }) =>
        new Promise((resolve) => {
          const control = document.querySelector(`[name="${name}"]`);
          control.value = value;
          control.dispatchEvent(new Event('input', { bubbles: true }));
          requestAnimationFrame(() => resolve());
        }),
      { name, value },
    );
    await drawn(page);
  }
}
