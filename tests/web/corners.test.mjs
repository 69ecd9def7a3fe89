// The explorer page at the corners of its own settings (issue 19). At the smallest and largest value
// each numeric control accepts (d_model, positions, base, position, offset), with every layout,
// frequency rule and odd-d_model rule, every sinusoidal view draws, or hides a figure it has nothing for
// and says why in its note; no view reports that it could not be drawn. That holds on a fresh load, when
// the same settings arrive by a hash change (from the corner before), and when they are typed into the
// controls (from the corner before); and what the last two show is exactly what a fresh load of those
// settings shows, pixels and text, so no figure is left over from earlier settings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadEngine } from '../reliability/adversarial.mjs';
import { openExplorer, useBrowser } from './harness.mjs';
import { toHash } from '../../web/app/state.js';

// The ranges, as the engine sets them (cpp/include/pe/spec.hpp: kMaxDModel, kMaxPositions,
// kMaxElements; base: above 1, at most the table's max, read from the engine's pe.schemes). The walk
// checks that the controls agree: each extreme is taken, and one step past it is refused.
const MAX_D = 8192;
const maxPositions = (d) => Math.min(2 ** 20, Math.floor(2 ** 24 / d));
const BASE_MIN = 1 + Number.EPSILON; // the smallest double above 1
const BASE_MAX = (await loadEngine()).schemes.sinusoidal.parameters.find((p) => p.name === 'base').max;

// A sample of the cross product in which every extreme of every numeric control, every layout, both
// frequency rules and (at the odd d_model = 1) all three odd rules occur, each with both d_model
// extremes where it applies; position and offset extremes in all four pairings at the largest n.
// In walking order: each row is reached from the one before (the first from the default page). Rows
// marked zh are also loaded in Chinese, for the notes that say what a view shows instead.
const CORNERS = [
  { d: MAX_D, n: maxPositions(MAX_D), pos: 0, k: maxPositions(MAX_D) - 1, zh: true },
  {
    d: MAX_D,
    n: maxPositions(MAX_D),
    base: BASE_MAX,
    layout: 'split',
    freq: 'tensor2tensor',
    k: 1 - maxPositions(MAX_D),
    pos: maxPositions(MAX_D) - 1,
  },
  { d: MAX_D, n: 1, base: BASE_MIN, layout: 'split_cos_first' },
  { d: 1, n: 1, base: BASE_MAX, freq: 'tensor2tensor', odd: 'extra_sine' },
  {
    d: 1,
    n: maxPositions(1),
    base: BASE_MIN,
    layout: 'split',
    odd: 'zero_column',
    pos: maxPositions(1) - 1,
    k: maxPositions(1) - 1,
    zh: true,
  },
  {
    d: 1,
    n: maxPositions(1),
    layout: 'split_cos_first',
    freq: 'tensor2tensor',
    pos: 0,
    k: 1 - maxPositions(1),
  },
  { d: 1, n: 1, layout: 'interleaved', odd: 'zero_column' },
  {
    d: MAX_D,
    n: maxPositions(MAX_D),
    base: BASE_MIN,
    freq: 'tensor2tensor',
    pos: maxPositions(MAX_D) - 1,
    k: maxPositions(MAX_D) - 1,
  },
  { d: 1, n: maxPositions(1), base: BASE_MAX, pos: 0, k: 0 },
];
const DEFAULT = {
  d: 128,
  n: 100,
  base: 10000,
  layout: 'interleaved',
  freq: 'paper',
  odd: 'auto',
  pos: 20,
  k: 5,
};
const settingsOf = (corner) => ({ ...DEFAULT, pos: 0, k: 0, ...corner });

// Canvases that may be left out when there is nothing to draw, and the note that must then say why
// (the Gram matrix is never left out; its note says when it shows only the first positions).
const NOTE_OF = {
  gram: '.gram-note',
  quarter: '.quarter-note',
  clocks: '.clock-note',
  dots: '.dots-note',
  scatter: '.projection-note',
};
const LAYERS = ['overlay', 'curves-cursor']; // transparent layers over a figure, empty by design
const FAILED = /could not be drawn|无法绘制/;

const suite = useBrowser();

const freshPage = (hash = '') => openExplorer(suite, hash, {}, { timeout: 120_000 });

/** What the sinusoidal views show: per canvas its pixels (a checksum and how many are drawn) and
 *  whether it is hidden; per view its text; and the page's messages. */
function snapshot(page) {
  return page.evaluate(
    ({ NOTE_OF }) => {
      const views = {};
      for (const section of document.querySelectorAll('#explorer section.view')) {
        if (
          !['matrix', 'periodicity', 'clock', 'relative', 'learned', 'tokens', 'why'].includes(
            section.dataset.view,
          )
        )
          continue;
        const canvases = {};
        for (const canvas of section.querySelectorAll('canvas')) {
          const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
          let drawn = 0;
          let hash = 0;
          for (let i = 0; i < data.length; i += 4) {
            if (data[i + 3] > 0) drawn++;
            hash = (hash * 31 + data[i] * 7 + data[i + 1] * 13 + data[i + 2] * 17 + data[i + 3]) >>> 0;
          }
          const note = NOTE_OF[canvas.classList[0]];
          const noteElement = note && section.querySelector(note);
          canvases[canvas.classList[0]] = {
            drawn,
            hash,
            size: `${canvas.width}x${canvas.height}`,
            shown: canvas.checkVisibility(),
            note: noteElement && noteElement.checkVisibility() ? noteElement.textContent.trim() : '',
          };
        }
        views[section.dataset.view] = { canvases, text: section.textContent.replace(/\s+/g, ' ') };
      }
      const messages = document.getElementById('messages');
      return { views, messages: messages.hidden ? '' : messages.textContent };
    },
    { NOTE_OF },
  );
}

/** Every view drew, or left out a figure and said why; none failed. */
function checkDrawn(shot, where) {
  assert.doesNotMatch(shot.messages, FAILED, `${where}: the page says ${shot.messages}`);
  for (const [view, { canvases, text }] of Object.entries(shot.views)) {
    assert.doesNotMatch(text, FAILED, `${where}: the ${view} view failed`);
    for (const [name, canvas] of Object.entries(canvases)) {
      if (LAYERS.includes(name)) continue;
      if (canvas.shown) {
        assert.ok(canvas.drawn > 50, `${where}: canvas.${name} (${view}) is blank: ${canvas.drawn} pixels`);
      } else {
        assert.ok(NOTE_OF[name] && name !== 'gram', `${where}: canvas.${name} (${view}) is hidden`);
        assert.ok(
          canvas.note,
          `${where}: canvas.${name} (${view}) is hidden and ${NOTE_OF[name]} says nothing`,
        );
      }
    }
  }
}

/** What `shot` shows is what a fresh load showed (`fresh`). */
function checkSame(shot, fresh, where) {
  for (const [view, { canvases, text }] of Object.entries(fresh.views)) {
    const got = shot.views[view];
    assert.equal(got.text, text, `${where}: the ${view} view's text differs from a fresh load's`);
    for (const [name, canvas] of Object.entries(canvases)) {
      // A canvas left out: whether it is, and its note (its pixels are not shown).
      const seen = ({ shown, note, ...rest }) => (shown ? { shown, note, ...rest } : { shown, note });
      assert.deepEqual(
        seen(got.canvases[name]),
        seen(canvas),
        `${where}: canvas.${name} (${view}) differs from a fresh load's`,
      );
    }
  }
}

const CONTROL = {
  d: 'c-d',
  n: 'c-n',
  base: 'c-base',
  layout: 'c-layout',
  freq: 'c-freq',
  odd: 'c-odd',
  pos: 'c-pos',
  k: 'c-k',
};

/** Sets a control as a reader does: types the value and leaves the field, or picks an option. */
async function setControl(page, key, value) {
  const id = `#${CONTROL[key]}`;
  if (['layout', 'freq', 'odd'].includes(key)) {
    await page.selectOption(id, value);
    return;
  }
  await page.fill(id, String(value));
  await page.dispatchEvent(id, 'change');
  if ((await page.getAttribute(id, 'aria-invalid')) === 'true')
    assert.fail(`${id} = ${value} was refused: ${await page.textContent(`${id}-error`)}`);
}

/** Walks from the settings `from` to `to` through the controls, changing what differs, in an order
 *  where every step is valid (d_model x positions within the cap, position and offset inside n). */
async function walkControls(page, from, to) {
  const order = from.d * to.n > 2 ** 24 ? ['d', 'n'] : ['n', 'd'];
  for (const key of [...order, 'base', 'layout', 'freq', 'odd', 'pos', 'k']) {
    if ((await page.inputValue(`#${CONTROL[key]}`)) !== String(to[key])) await setControl(page, key, to[key]);
  }
}

/** One step past each extreme that the settings `s` sit at: [control, value]. */
function pastExtremes(s) {
  const last = s.n - 1;
  const steps = [
    [s.d === MAX_D, 'd', MAX_D + 1],
    [s.d === 1, 'd', 0],
    [s.n === maxPositions(s.d), 'n', s.n + 1],
    [s.n === 1, 'n', 0],
    [s.base === BASE_MIN, 'base', 1],
    [s.base === BASE_MAX, 'base', String(BASE_MAX * (1 + Number.EPSILON))], // the next double up
    [s.pos === last, 'pos', s.n],
    [s.pos === 0, 'pos', -1],
    [s.k === last, 'k', s.n],
    [s.k === -last, 'k', -s.n],
  ];
  return steps.filter(([at]) => at).map(([, key, value]) => [key, value]);
}

async function load(hash) {
  const { page, context, problems } = await freshPage(hash);
  const shot = await snapshot(page);
  await context.close();
  assert.deepEqual(problems, [], `load ${hash}`);
  return shot;
}

async function viaHash(page, hash) {
  // popstate, then hashchange: both have been handled when this resolves.
  await page.evaluate(
    (hash) =>
      new Promise((resolve) => {
        addEventListener('hashchange', resolve, { once: true });
        location.hash = hash;
      }),
    hash,
  );
  return snapshot(page);
}

async function viaControls(page, from, to) {
  await walkControls(page, from, to);
  assert.equal(await page.evaluate(() => location.hash), toHash(to), 'the controls led elsewhere');
  const shot = await snapshot(page);
  for (const [key, value] of pastExtremes(to)) {
    const id = `#${CONTROL[key]}`;
    await page.fill(id, String(value));
    await page.dispatchEvent(id, 'change');
    assert.equal(await page.getAttribute(id, 'aria-invalid'), 'true', `${id} took ${value}`);
    assert.notEqual(await page.textContent(`${id}-error`), '', `${id} refused ${value} without a word`);
    await setControl(page, key, to[key]);
  }
  return shot;
}

test('every view at every corner draws or says why, on a load, after a hash change and through the controls', async () => {
  // Three pages side by side: fresh loads, one that follows hash changes, one driven by its controls.
  const byHash = await freshPage();
  const byControls = await freshPage();
  let previous = { ...DEFAULT };
  for (const corner of CORNERS) {
    const settings = settingsOf(corner);
    const hash = toHash(settings);
    const [fresh, zh, hashShot, controlShot] = await Promise.all([
      load(hash),
      corner.zh ? load(`${hash}&lang=zh`) : null,
      viaHash(byHash.page, hash),
      viaControls(byControls.page, previous, settings),
    ]);
    checkDrawn(fresh, `load ${hash}`);
    checkDrawn(hashShot, `hash change to ${hash}`);
    checkSame(hashShot, fresh, `hash change to ${hash}`);
    checkDrawn(controlShot, `controls to ${hash}`);
    checkSame(controlShot, fresh, `controls to ${hash}`);
    if (zh) {
      checkDrawn(zh, `load ${hash}&lang=zh`);
      // What a view says instead of a figure, or about the part it shows, is in Chinese.
      for (const { canvases } of Object.values(zh.views)) {
        for (const [name, { note }] of Object.entries(canvases)) {
          if (note) assert.match(note, /[\u4e00-\u9fff]/, `canvas.${name}'s note is not in Chinese: ${note}`);
        }
      }
    }
    previous = settings;
  }
  assert.deepEqual(byHash.problems, []);
  assert.deepEqual(byControls.problems, []);
});

// The race behind "#pos=99 ... position must be an integer": play at the last position starts again
// at 0, and the first animation frame's timestamp is often earlier than the moment play was pressed
// (a frame's time is when it began; more so after a long task). Timed from performance.now(), the
// first step went backwards, to position −1. Each try here presses play at the end of a long task,
// which makes such a frame likely; the old code stepped back in most tries.
test('the clocks, played from the last position reached by a hash change, never step before 0', async () => {
  const { page, problems } = await freshPage();
  await page.evaluate(() => {
    const clocks = document.querySelector('canvas.clocks');
    window.clockPositions = [];
    new window.MutationObserver((records) => {
      for (const r of records) window.clockPositions.push(Number(r.oldValue));
      window.clockPositions.push(Number(clocks.dataset.position));
    }).observe(clocks, { attributes: true, attributeFilter: ['data-position'], attributeOldValue: true });
  });
  await page.locator('#view-clock canvas.clocks').scrollIntoViewIfNeeded();
  await page.waitForSelector('canvas.clocks[data-on-screen="true"]');
  for (let attempt = 0; attempt < 10; attempt++) {
    await viaHash(page, '#pos=99'); // n = 100: the last position
    assert.equal(await page.inputValue('#c-pos'), '99');
    await page.evaluate(() => {
      const until = performance.now() + 40;
      while (performance.now() < until); // a long task, then play within it
      document.querySelector('#view-clock [data-action="play"]').click();
    });
    // Played on from 0: the hands are past position 0.3, or the page has said something went wrong.
    await page.waitForFunction(
      () =>
        Number(document.querySelector('canvas.clocks').dataset.position) > 0.3 ||
        !document.getElementById('messages').hidden,
    );
    await page.click('#view-clock [data-action="play"]'); // pause
    const seen = await page.evaluate(() => window.clockPositions.splice(0));
    assert.ok(Math.min(...seen) >= 0, `the clocks went back to position ${Math.min(...seen)}`);
    assert.ok(await page.isHidden('#messages'), await page.textContent('#messages'));
  }
  assert.deepEqual(problems, []);
});

// A view that fails must not leave the figure of other settings in place, nor fail silently: after a
// hash change (popstate and then hashchange, each of which read the hash) its message stays shown.
// The failure is made by the browser: putImageData throws while the test says so (every view that
// draws a matrix uses it).
test('a view that fails after a hash change says so in its place and hides its figure', async () => {
  const { page } = await freshPage();
  await page.evaluate(() => {
    const put = window.CanvasRenderingContext2D.prototype.putImageData;
    window.CanvasRenderingContext2D.prototype.putImageData = function (...args) {
      // Only the matrix's canvas: the page's other sections may still be drawing (the multimodal view
      // draws its image frames ahead, one per animation frame), and their own failures would be
      // messages of their own, in their own words.
      if (window.failDrawing && this.canvas.closest('#view-matrix'))
        throw new Error('made to fail by the test');
      return put.apply(this, args);
    };
    window.failDrawing = true;
  });
  await viaHash(page, '#d=64');
  const message = await page.textContent('#messages');
  assert.match(message, /A view could not be drawn: Something went wrong: made to fail by the test/);
  assert.match(await page.textContent('#view-matrix .view-error'), /could not be drawn/);
  assert.ok(await page.isHidden('#view-matrix .figure'), 'the matrix of d_model = 128 is still shown');
  await page.evaluate(() => (window.failDrawing = false));
  await viaHash(page, '#d=32');
  assert.equal(await page.locator('#view-matrix .view-error').count(), 0);
  assert.ok(await page.isVisible('#view-matrix canvas.heatmap'));
});
