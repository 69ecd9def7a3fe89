// The browser half of build-scripts/bench.sh: generation ratios (bench.html), frame times while a slider
// is dragged and while the clocks play at 8192 x 1024, and the gzipped weight of the budgets. Prints JSON.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { BUDGETS, budgetFiles } from '../../build-scripts/budgets.mjs';
import { DIST, FIXTURES, launch, openPage, serve } from '../web/harness.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const server = await serve([DIST, FIXTURES, here]);
const browser = await launch();
const out = {};

// 1. Generation, 4096 x 1024 (and the scaling sweep), in one page each.
out.generation = [];
for (const [positions, d] of [
  [4096, 1024],
  [256, 64],
  [1024, 256],
  [4096, 256],
  [8192, 1024],
  [16384, 1024],
]) {
  const { page } = await openPage(
    browser,
    `${server.url}bench.html?positions=${positions}&d=${d}&rounds=${positions * d > 4e6 ? 9 : 15}`,
  );
  await page.waitForSelector('body[data-done="true"]', { timeout: 300000 });
  out.generation.push(await page.evaluate(() => window.results));
  await page.context().close();
}

const percentile = (list, p) => {
  const s = [...list].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
// Frame intervals from requestAnimationFrame (vsync 16.7 ms; a late frame shows as ~33 ms).
const frameStats = (deltas) => ({
  frames: deltas.length,
  median: percentile(deltas, 50),
  p95: percentile(deltas, 95),
  max: Math.max(...deltas),
  late: deltas.filter((d) => d > 20).length,
});

async function recordFrames(page, action) {
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__recording) requestAnimationFrame(tick);
    };
    window.__recording = true;
    requestAnimationFrame(tick);
  });
  await action();
  return page.evaluate(() => {
    window.__recording = false;
    return window.__frames.slice(2); // the first deltas include the set-up
  });
}

// 2. Dragging the position slider at 8192 x 1024 with synthetic pointer input.
{
  const { page } = await openPage(browser, null, {
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
  });
  await page.goto(server.url + 'index.html#d=1024&n=8192&pos=0');
  await page.waitForSelector('body[data-ready="true"]');
  await page.locator('#c-pos-range').scrollIntoViewIfNeeded();
  const slider = await page.locator('#c-pos-range').boundingBox();
  const y = slider.y + slider.height / 2;
  await page.mouse.move(slider.x + 2, y);
  await page.mouse.down();
  const deltas = await recordFrames(page, async () => {
    for (let step = 0; step <= 120; step++)
      await page.mouse.move(slider.x + 2 + (step / 120) * (slider.width - 4), y);
  });
  await page.mouse.up();
  const finalPosition = Number(await page.inputValue('#c-pos'));
  if (finalPosition < 8000) throw new Error(`the drag did not move the slider (position ${finalPosition})`);
  out.dragPosition8192x1024 = { ...frameStats(deltas), finalPosition };

  // The offset slider redraws the dot-product plot and the rotation table.
  await page.locator('#c-k-range').scrollIntoViewIfNeeded();
  const k = await page.locator('#c-k-range').boundingBox();
  await page.mouse.move(k.x + k.width / 2, k.y + k.height / 2);
  await page.mouse.down();
  const kDeltas = await recordFrames(page, async () => {
    for (let step = 0; step <= 60; step++)
      await page.mouse.move(k.x + k.width / 2 + (step / 60) * (k.width / 2 - 2), k.y + k.height / 2);
  });
  await page.mouse.up();
  const finalOffset = Number(await page.inputValue('#c-k'));
  if (finalOffset < 8000) throw new Error(`the drag did not move the offset slider (k = ${finalOffset})`);
  out.dragOffset8192x1024 = { ...frameStats(kDeltas), finalOffset };

  // 3. The clocks playing, at 8192 x 1024.
  await page.selectOption('select[name="speed"]', '64');
  await page.locator('#view-clock').scrollIntoViewIfNeeded();
  await page.click('[data-action="play"]');
  const playDeltas = await recordFrames(page, () => page.waitForTimeout(3000));
  await page.click('[data-action="play"]');
  out.animation8192x1024 = frameStats(playDeltas);
  // Main-thread time per view and redraw over the whole session (performance.measure in main.js).
  out.renderMs = await page.evaluate(() => {
    const by = {};
    for (const m of performance.getEntriesByType('measure'))
      (by[m.name.replace('pe-render:', '')] ||= []).push(m.duration);
    return Object.fromEntries(
      Object.entries(by).map(([k, v]) => {
        v.sort((a, b) => a - b);
        return [
          k,
          {
            redraws: v.length,
            median: v[v.length >> 1],
            p95: v[Math.floor(v.length * 0.95)],
            max: v[v.length - 1],
          },
        ];
      }),
    );
  });
  await page.context().close();
}

// 4. Weight (gzip -9): the budgets of build-scripts/budgets.mjs (one figure of each kind, the page to
// its first view; bundle.mjs fails the build above them), and the engine for API users. The time to
// the first drawn frame is tests/bench/first-frame.mjs's.
const gz = (file) => zlib.gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length;
out.weight = {
  budgets: Object.fromEntries(
    Object.entries(BUDGETS).map(([name, budget]) => {
      const files = budgetFiles(budget, gz);
      return [name, { files, gzipBytes: files.reduce((sum, f) => sum + gz(f), 0), budget: budget.bytes }];
    }),
  ),
  peJsGzipBytes: gz('pe.js'),
  peWasmGzipBytes: gz('pe.wasm'),
};

await browser.close();
await server.close();
console.log(JSON.stringify(out, null, 1));
