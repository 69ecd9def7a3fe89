// Embedding and hosting: the <pe-explorer> element, embed.html, file://, a sub-path server, the strict
// CSP, one shared wasm instance, clean removal, lazy start, live attributes, the snippets, isolation and
// the size budget. All in real Chromium.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { BUDGETS, budgetFiles, moduleFlavour } from '../../build-scripts/budgets.mjs';
import { SCHEME_ENGINES } from '../../web/app/schemes/names.js';
import { DIST, FIXTURES, launch, openPage, serve } from './harness.mjs';

// `host` is another origin with only a blank page: where a blogger pastes the snippets.
let server, subPath, csp, host, browser;
before(async () => {
  server = await serve();
  host = await serve([FIXTURES]);
  subPath = await serve(undefined, { prefix: '/blog/assets/pe/' });
  csp = await serve(undefined, { csp: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const s of [server, subPath, csp, host]) await s?.close();
});

// Counts wasm instantiations (the engine must be created once per page).
const countInstances = () => {
  window.__wasmInstances = 0;
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      window.__wasmInstances++;
      return original.apply(this, args);
    };
  }
};

async function open(url, options = {}) {
  const opened = await openPage(browser, null, {
    viewport: { width: 1000, height: 800 },
    reducedMotion: 'reduce',
    ...options,
  });
  await opened.page.addInitScript(countInstances);
  await opened.page.goto(url);
  return opened;
}

// Pixels drawn on a canvas inside the n-th element's shadow root.
function shadowCanvas(page, index, name) {
  return page.evaluate(
    ({ index, name }) => {
      const el = document.querySelectorAll('pe-explorer')[index];
      const canvas = el.shadowRoot.querySelector(`canvas.${name}`);
      if (!canvas) return { drawn: 0, hash: 0 };
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let drawn = 0;
      let hash = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] > 0) drawn++;
        hash = (hash * 31 + data[i] + data[i + 1] * 3 + data[i + 2] * 5) >>> 0;
      }
      return { drawn, hash };
    },
    { index, name },
  );
}

async function allReady(page) {
  // Scroll through the page so every lazy element starts, then wait for all of them.
  // Each waits until it is ready before the next is scrolled to (a condition, not a pause).
  const count = await page.evaluate(() => document.querySelectorAll('pe-explorer').length);
  for (let n = 0; n < count; n++) {
    await page.evaluate((n) => document.querySelectorAll('pe-explorer')[n].scrollIntoView(), n);
    await page.waitForFunction(
      (n) => document.querySelectorAll('pe-explorer')[n].dataset.ready === 'true',
      n,
    );
  }
  await page.waitForFunction(() =>
    [...document.querySelectorAll('pe-explorer')].every((el) => el.dataset.ready === 'true'),
  );
}

test('dist/index.html works when opened from file://', async () => {
  const { page, problems } = await open(pathToFileURL(path.join(DIST, 'index.html')).href);
  await page.waitForSelector('body[data-ready="true"]');
  const drawn = await page.evaluate(() => {
    const c = document.querySelector('canvas.heatmap');
    return c
      .getContext('2d')
      .getImageData(0, 0, c.width, c.height)
      .data.filter((v, i) => i % 4 === 3 && v > 0).length;
  });
  assert.ok(drawn > 1000);
  assert.deepEqual(problems, []);
});

test('the sample blog post works from file:// with three figures and one wasm instance', async () => {
  const { page, problems } = await open(pathToFileURL(path.join(DIST, 'examples/blog-post.html')).href);
  await allReady(page);
  assert.equal(await page.locator('pe-explorer').count(), 3);
  for (const [index, name] of [
    [0, 'heatmap'],
    [1, 'clocks'],
    [2, 'gram'],
  ]) {
    assert.ok((await shadowCanvas(page, index, name)).drawn > 1000, `figure ${index} (${name}) is blank`);
  }
  assert.equal(await page.evaluate(() => window.__wasmInstances), 1, 'three figures must share one engine');
  assert.deepEqual(problems, []);
});

test('dist/ works from a sub-path, and every request stays under it', async () => {
  for (const file of ['index.html', 'examples/blog-post.html', 'embed.html#view=clock&d=16']) {
    const { page, problems } = await open(subPath.url + file);
    if (file === 'index.html') await page.waitForSelector('body[data-ready="true"]');
    else await allReady(page);
    assert.deepEqual(problems, [], file);
  }
  const outside = subPath.requests.filter((p) => !p.startsWith('/blog/assets/pe/'));
  assert.deepEqual(outside, []);
});

test('the pages and the element work under the strict CSP with zero violations', async () => {
  for (const file of [
    'index.html',
    'embed.html#view=matrix&d=32',
    'embed.html#view=rope',
    'examples/blog-post.html',
  ]) {
    const { page, problems } = await open(csp.url + file);
    if (file === 'index.html') await page.waitForSelector('body[data-ready="true"]');
    else await allReady(page);
    assert.deepEqual(problems, [], `${file}: ${problems.join('\n')}`);
  }
});

test('the ES-module element (pe-explorer.mjs) imports only .mjs chunks, an engine per kind, under the strict CSP', async () => {
  const before = csp.requests.length;
  const { page, problems } = await open(csp.url + 'examples/module-figures.html');
  await allReady(page);
  assert.ok((await shadowCanvas(page, 0, 'clocks')).drawn > 500, 'the clock figure is blank');
  assert.ok((await shadowCanvas(page, 1, 'rope-scores')).drawn > 500, 'the RoPE figure is blank');
  const chunks = csp.requests
    .slice(before)
    .filter((p) => /pe-explorer/.test(p))
    .map((p) => p.split('/').pop())
    .sort();
  // The clock on the sinusoidal engine, RoPE on its own (engine parts: ['rope']), each view's text in
  // one language.
  assert.deepEqual(chunks, [
    `pe-explorer-engine-${SCHEME_ENGINES.rope}.mjs`,
    'pe-explorer-engine.mjs',
    'pe-explorer-view-rope-en.mjs',
    'pe-explorer-view-rope.mjs',
    'pe-explorer-view-sinusoidal-en.mjs',
    'pe-explorer-view-sinusoidal.mjs',
    'pe-explorer.mjs',
  ]);
  assert.equal(await page.evaluate(() => window.__wasmInstances), enginesFor(['clock', 'rope']));
  assert.deepEqual(problems, []);
});

test('embed.html shows one view with minimal chrome, from its hash, and follows hash changes', async () => {
  const { page, problems } = await open(server.url + 'embed.html#view=clock&d=16&n=40&pos=3');
  await allReady(page);
  const text = await page.evaluate(() => document.querySelector('pe-explorer').shadowRoot.textContent);
  assert.ok(text.includes('Position vectors in motion'));
  assert.ok(!text.includes('The encoding matrix'), 'only the clock view');
  assert.equal(
    await page.evaluate(() => document.querySelector('pe-explorer').shadowRoot.querySelector('.controls')),
    null,
  );
  assert.match(
    await page.evaluate(
      () => document.querySelector('pe-explorer').shadowRoot.querySelector('.angles').textContent,
    ),
    /pair 1: angle /,
  );
  await page.evaluate(() => (location.hash = '#view=matrix&d=8&n=12'));
  await page.waitForFunction(() =>
    document.querySelector('pe-explorer').shadowRoot.textContent.includes('12 positions × 8 dimensions'),
  );
  assert.deepEqual(problems, []);
});

test('an element below the fold does no work until it is scrolled to', async () => {
  const { page } = await open(host.url + 'blank.html');
  await page.setContent(`<!doctype html><body><div style="height: 4000px">spacer</div>
    <pe-explorer view="matrix" d-model="16" positions="20"></pe-explorer>
    <script src="${server.url}pe-explorer.js"></script></body>`);
  // The element has been told it is far from the viewport (its first IntersectionObserver report).
  await page.waitForFunction(() => document.querySelector('pe-explorer').dataset.lazy === 'waiting');
  const before = await page.evaluate(() => ({
    instances: window.__wasmInstances,
    ready: document.querySelector('pe-explorer').dataset.ready,
    canvases: document.querySelector('pe-explorer').shadowRoot.querySelectorAll('canvas').length,
  }));
  assert.deepEqual(before, { instances: 0, ready: undefined, canvases: 0 });
  await page.evaluate(() => document.querySelector('pe-explorer').scrollIntoView());
  await page.waitForFunction(() => document.querySelector('pe-explorer').dataset.ready === 'true');
  assert.ok((await shadowCanvas(page, 0, 'heatmap')).drawn > 500);
});

test('attributes reflect to properties, redraw live, and bad ones show a message, never a blank box', async () => {
  const { page, problems } = await open(host.url + 'blank.html');
  await page.setContent(`<!doctype html><body><pe-explorer view="matrix" d-model="32" positions="40"></pe-explorer>
    <script src="${server.url}pe-explorer.js"></script></body>`);
  await page.waitForFunction(() => document.querySelector('pe-explorer')?.dataset.ready === 'true');
  const first = await shadowCanvas(page, 0, 'heatmap');
  assert.equal(await page.evaluate(() => document.querySelector('pe-explorer').dModel), 32);
  await page.evaluate(() => (document.querySelector('pe-explorer').dModel = 64));
  assert.equal(await page.getAttribute('pe-explorer', 'd-model'), '64');
  await page.waitForFunction((h) => {
    const c = document.querySelector('pe-explorer').shadowRoot.querySelector('canvas.heatmap');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let hash = 0;
    for (let i = 0; i < d.length; i += 4) hash = (hash * 31 + d[i] + d[i + 1] * 3 + d[i + 2] * 5) >>> 0;
    return hash !== h;
  }, first.hash);
  for (const [attr, value, message] of [
    ['d-model', '0', 'd_model must be an integer from 1 to 8192; got 0'],
    ['d-model', 'wide', 'd-model="wide" is not a number'],
    ['layout', 'zigzag', 'layout must be one of interleaved, split, split_cos_first; got "zigzag"'],
    ['view', 'pie', 'view="pie" is not one of'],
    ['theme', 'sepia', 'theme="sepia" is not one of auto, light, dark'],
  ]) {
    await page.evaluate(([a, v]) => document.querySelector('pe-explorer').setAttribute(a, v), [attr, value]);
    const shown = await page.evaluate(
      () => document.querySelector('pe-explorer').shadowRoot.querySelector('.messages-inline').textContent,
    );
    assert.ok(shown.includes(message), `${attr}="${value}": ${shown}`);
    assert.ok((await shadowCanvas(page, 0, 'heatmap')).drawn > 500, `${attr}="${value}" left a blank box`);
    await page.evaluate((a) => document.querySelector('pe-explorer').removeAttribute(a), attr);
  }
  assert.equal(
    await page.evaluate(
      () => document.querySelector('pe-explorer').shadowRoot.querySelector('.messages-inline').hidden,
    ),
    true,
  );
  assert.deepEqual(problems, []);
});

test('200 add/remove cycles leave no listeners, observers, frames or wasm memory behind', async () => {
  const { page, problems } = await open(host.url + 'blank.html');
  await page.setContent(`<!doctype html><body><script src="${server.url}pe-explorer.js"></script></body>`);
  await page.waitForFunction(() => customElements.get('pe-explorer'));
  const result = await page.evaluate(async () => {
    // Live listeners on targets that outlive a figure (window, document, media queries), observers and
    // animation frames, counted by wrapping the platform's own calls. (Listeners on the figure's own
    // nodes go with the nodes.)
    const live = { listeners: 0, observers: 0, frames: new Set() };
    const longLived = (target) =>
      target === window || target === document || target instanceof MediaQueryList;
    const addL = EventTarget.prototype.addEventListener;
    const removeL = EventTarget.prototype.removeEventListener;
    const keys = new WeakMap();
    EventTarget.prototype.addEventListener = function (type, fn, ...rest) {
      if (!longLived(this)) return addL.call(this, type, fn, ...rest);
      const set = keys.get(this) || new Set();
      const key = type + '|' + (fn && (fn.__id ||= Math.random()));
      if (!set.has(key)) live.listeners++;
      set.add(key);
      keys.set(this, set);
      return addL.call(this, type, fn, ...rest);
    };
    EventTarget.prototype.removeEventListener = function (type, fn, ...rest) {
      const set = keys.get(this);
      const key = type + '|' + (fn && fn.__id);
      if (set?.delete(key)) live.listeners--;
      return removeL.call(this, type, fn, ...rest);
    };
    for (const Observer of [IntersectionObserver, ResizeObserver]) {
      const observe = Observer.prototype.observe;
      const disconnect = Observer.prototype.disconnect;
      Observer.prototype.observe = function (...a) {
        if (!this.__counted) live.observers++;
        this.__counted = true;
        return observe.apply(this, a);
      };
      Observer.prototype.disconnect = function () {
        if (this.__counted) live.observers--;
        this.__counted = false;
        return disconnect.call(this);
      };
    }
    const raf = window.requestAnimationFrame;
    const caf = window.cancelAnimationFrame;
    window.requestAnimationFrame = (fn) => {
      const id = raf((t) => {
        live.frames.delete(id);
        fn(t);
      });
      live.frames.add(id);
      return id;
    };
    window.cancelAnimationFrame = (id) => {
      live.frames.delete(id);
      caf(id);
    };
    const pe = await customElements.get('pe-explorer').engine();
    const cycle = async () => {
      const el = document.createElement('pe-explorer');
      el.setAttribute('view', 'all');
      el.setAttribute('d-model', '32');
      el.setAttribute('positions', '30');
      document.body.append(el);
      while (el.dataset.ready !== 'true') await new Promise((r) => setTimeout(r, 5));
      el.shadowRoot.querySelector('[data-action="play"]').click(); // a running animation must stop too
      await new Promise((r) => requestAnimationFrame(r));
      el.remove();
    };
    const settled = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    for (let n = 0; n < 10; n++) await cycle();
    await settled();
    const warm = {
      listeners: live.listeners,
      observers: live.observers,
      frames: live.frames.size,
      memory: pe.HEAP8.length,
    };
    for (let n = 0; n < 190; n++) await cycle();
    await settled();
    return {
      warm,
      end: {
        listeners: live.listeners,
        observers: live.observers,
        frames: live.frames.size,
        memory: pe.HEAP8.length,
      },
    };
  });
  assert.deepEqual(result.end, result.warm);
  assert.equal(result.end.observers, 0);
  assert.equal(result.end.frames, 0);
  assert.deepEqual(problems, []);
});

test('the embed snippets, pasted into a blank page, render the same state', async () => {
  const { page } = await open(server.url + 'index.html#d=48&n=30&pos=7&k=3&layout=split');
  await page.waitForSelector('body[data-ready="true"]');
  // At this width the settings (with the Embed button) are folded under their button.
  if (await page.isVisible('.settings-toggle')) await page.click('.settings-toggle');
  await page.click('[data-action="embed"]');
  await page.selectOption('select[name="embed-view"]', 'matrix');
  const iframe = await page.inputValue('textarea[name="iframe"]');
  const element = await page.inputValue('textarea[name="element"]');
  assert.match(
    element,
    /<pe-explorer view="matrix" d-model="48" positions="30" layout="split" position="7" offset="3">/,
  );
  const expected = await page.textContent('#view-matrix .matrix-note');
  assert.match(expected, /30 positions × 48 dimensions/);
  // The page's readout for a known cell, to compare with the pasted figures.
  for (const snippet of [element, iframe]) {
    const blank = await open(host.url + 'blank.html');
    await blank.page.setContent(`<!doctype html><body>${snippet}</body>`);
    const frame = snippet.startsWith('<iframe') ? blank.page.frameLocator('iframe') : null;
    const figure = frame ? frame.locator('pe-explorer') : blank.page.locator('pe-explorer');
    // Polls the figure (inside an iframe for the iframe snippet) until it is ready, for at most 60 s:
    // a figure that never gets ready fails the test instead of hanging it.
    await figure.evaluate(
      (el) =>
        new Promise((resolve, reject) => {
          const deadline = performance.now() + 60_000;
          const check = () => {
            if (el.dataset.ready === 'true') resolve();
            else if (performance.now() > deadline)
              reject(new Error(`never ready: ${el.shadowRoot.textContent.slice(0, 200)}`));
            else setTimeout(check, 20);
          };
          check();
        }),
    );
    const note = await figure.evaluate((el) => el.shadowRoot.querySelector('.matrix-note').textContent);
    assert.equal(note, expected);
    const readout = await figure.evaluate((el) => el.shadowRoot.querySelector('.readout').textContent);
    assert.match(readout, /Outlined: position 7\./);
  }
});

test('the Embed dialog makes a poster of the view, with HTML and Markdown that link to the live figure', async () => {
  const { page, problems } = await open(server.url + 'index.html#d=48&n=30');
  await page.waitForSelector('body[data-ready="true"]');
  if (await page.isVisible('.settings-toggle')) await page.click('.settings-toggle');
  await page.click('[data-action="embed"]');
  for (const view of ['matrix', 'rope']) {
    await page.selectOption('select[name="embed-view"]', view);
    await page.waitForFunction(
      (view) => document.querySelector('.poster-download').download === `pe-${view}.png`,
      view,
    );
    const html = await page.inputValue('textarea[name="poster-html"]');
    const markdown = await page.inputValue('textarea[name="poster-markdown"]');
    const live = `${server.url}embed.html#view=${view}${view === 'matrix' ? '&d=48&n=30' : ''}`;
    assert.ok(html.startsWith(`<a href="${live}"><img src="pe-${view}.png" alt="`), html);
    assert.ok(markdown.endsWith(`](pe-${view}.png)](${live})`), markdown);
    // The PNG: as wide as the view's canvases and drawn (many colours, not a blank card).
    const png = await page.evaluate(async () => {
      const img = new window.Image();
      img.src = document.querySelector('.poster-download').href;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const colours = new Set();
      for (let i = 0; i < data.length; i += 4 * 97)
        colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      return { width: img.naturalWidth, height: img.naturalHeight, colours: colours.size };
    });
    assert.ok(png.width >= 320 && png.height >= 200, JSON.stringify(png));
    assert.ok(png.colours > 50, `${view}: a poster of ${png.colours} colours`);
  }
  assert.deepEqual(problems, []);
});

test('under the strict CSP the Embed dialog previews the poster and downloads it, in both languages', async () => {
  for (const lang of ['en', 'zh']) {
    const { page, problems, context } = await open(csp.url + `index.html#lang=${lang}`, {
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang === 'zh' ? 'zh-CN' : 'en');
    await page.click('[data-action="embed"]');
    await page.selectOption('select[name="embed-view"]', 'matrix');
    // The preview shows the poster: drawn pixels, of many colours (the matrix), as large as the PNG.
    // A preview the CSP blocks never shows anything: the wait ends in a timeout, not a hang.
    await page.waitForFunction(() => document.querySelector('.poster-download').download === 'pe-matrix.png');
    const preview = page.waitForFunction(
      () => {
        const shown = document.querySelector('.poster-preview');
        const width = shown.naturalWidth ?? shown.width;
        const height = shown.naturalHeight ?? shown.height;
        if (!(width > 1 && height > 1) || !shown.getBoundingClientRect().width) return false;
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const ctx = canvas.getContext('2d');
        ctx.drawImage(shown, 0, 0);
        const data = ctx.getImageData(0, 0, width, height).data;
        const colours = new Set();
        for (let i = 0; i < data.length; i += 4 * 97) {
          if (data[i + 3] > 0) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
        }
        return (
          colours.size > 50 && {
            width,
            height,
            colours: colours.size,
            label: shown.getAttribute('aria-label'),
          }
        );
      },
      null,
      { timeout: 20_000, polling: 100 },
    );
    const shown = await preview.then(
      (handle) => handle.jsonValue(),
      () => assert.fail(`${lang}: the preview never showed the poster. ${problems.join('\n')}`),
    );
    const alt = (await page.inputValue('textarea[name="poster-html"]')).match(/alt="([^"]+)"/)[1];
    assert.equal(shown.label, alt, `${lang}: the preview is named as the poster's alt text`);
    // The download: a PNG of the preview's size, saved as pe-matrix.png.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.poster-download')]);
    assert.equal(download.suggestedFilename(), 'pe-matrix.png');
    const png = fs.readFileSync(await download.path());
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [shown.width, shown.height]);
    // Violations are reported as console errors (harness.mjs): none, in either language.
    assert.deepEqual(problems, [], `${lang}: ${problems.join('\n')}`);
    await context.close();
  }
});

test('a figure shows its own children (a poster) until it is live, and only then the figure', async () => {
  const { page, context, problems } = await open(host.url + 'blank.html');
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await context.route('**/pe-explorer-engine.js', async (route) => {
    await gate;
    await route.continue();
  });
  const poster = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"><rect width="300" height="120" fill="teal"/></svg>')}`;
  await page.setContent(`<!doctype html><body>
    <pe-explorer view="matrix"><a href="${server.url}embed.html#view=matrix"><img src="${poster}" alt="The encoding matrix"></a></pe-explorer>
    <script src="${server.url}pe-explorer.js"></script></body>`);
  const shown = () =>
    page.evaluate(() => document.querySelector('pe-explorer img').getBoundingClientRect().width);
  await page.waitForFunction(() => document.querySelector('pe-explorer img').complete);
  await page.waitForFunction(() => document.querySelector('pe-explorer').shadowRoot?.querySelector('slot'));
  assert.equal(await shown(), 300, 'the poster shows while the engine loads');
  release();
  await page.waitForFunction(() => document.querySelector('pe-explorer').dataset.ready === 'true');
  assert.equal(await shown(), 0, 'the poster is gone once the figure is live');
  assert.ok((await shadowCanvas(page, 0, 'heatmap')).drawn > 500);
  assert.deepEqual(problems, []);
});

test('styles stay inside the shadow root, and theme="auto" follows the host', async () => {
  const { page } = await open(server.url + 'examples/blog-post.html');
  await allReady(page);
  const styles = await page.evaluate(() => {
    const el = document.querySelector('pe-explorer');
    const inner = el.shadowRoot.querySelector('canvas.heatmap');
    return {
      innerBorder: getComputedStyle(inner).borderTopStyle,
      outerFont: getComputedStyle(document.querySelector('article p')).fontFamily,
      outerButtons: document.querySelectorAll('button').length,
    };
  });
  assert.equal(styles.innerBorder, 'none', 'the host page styled a canvas inside the figure');
  assert.match(styles.outerFont, /Georgia/, 'the figure restyled the host page');
  assert.equal(styles.outerButtons, 0);
  const schemes = await page.evaluate(async () => {
    const el = document.querySelector('pe-explorer');
    const scheme = () => el.shadowRoot.querySelector('.pe-root').dataset.scheme;
    const out = { auto: scheme() };
    el.setAttribute('theme', 'dark');
    out.dark = scheme();
    el.setAttribute('theme', 'auto');
    document.documentElement.style.colorScheme = 'dark';
    el.setAttribute('theme', 'auto'); // re-read (a host that switches scheme usually re-renders)
    out.hostDark = scheme();
    return out;
  });
  assert.deepEqual(schemes, { auto: 'light', dark: 'dark', hostDark: 'dark' });
});

test('a theme switch redraws the canvases in the new colours, and back', async () => {
  // The views keep the colours they read from the stylesheet until the light/dark scheme changes
  // (canvas.js theme()): the switch must reach the pixels both ways.
  const { page, problems } = await open(server.url + 'examples/one-figure.html');
  await allReady(page);
  const light = await shadowCanvas(page, 0, 'bars');
  assert.ok(light.drawn > 500);
  const switched = (theme) =>
    page.evaluate((theme) => {
      const el = document.querySelector('pe-explorer');
      el.setAttribute('theme', theme);
      return el.shadowRoot.querySelector('.pe-root').dataset.scheme;
    }, theme);
  assert.equal(await switched('dark'), 'dark');
  const dark = await shadowCanvas(page, 0, 'bars');
  assert.notEqual(dark.hash, light.hash, 'the bars kept their light colours');
  assert.equal(await switched('light'), 'light');
  assert.equal((await shadowCanvas(page, 0, 'bars')).hash, light.hash);
  assert.deepEqual(problems, []);
});

test('a page with one figure transfers no more than its budget (build-scripts/budgets.mjs)', () => {
  const gzipped = (file) => zlib.gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length;
  for (const [name, budget] of Object.entries(BUDGETS)) {
    const files = budgetFiles(budget, gzipped);
    for (const flavour of name === 'page' ? [files] : [files, moduleFlavour(files)]) {
      const total = flavour.reduce((sum, file) => sum + gzipped(file), 0);
      assert.ok(total <= budget.bytes, `${name}: ${flavour.join(' + ')} is ${total} bytes gzipped`);
    }
  }
});

// The engines a page with these figures makes: one shared by the views without an engine of their own
// (the sinusoidal ones and the older schemes'), and one per folder engine (names.js's SCHEME_ENGINES).
const enginesFor = (views) =>
  (views.some((v) => !SCHEME_ENGINES[v]) ? 1 : 0) +
  new Set(views.map((v) => SCHEME_ENGINES[v]).filter(Boolean)).size;

test('figures load only the chunks they need, and a page shares each engine', async () => {
  const chunks = (requests) =>
    requests.filter((p) => /pe-explorer-(engine|schemes|engine-[\w$-]+)\.js$/.test(p)).sort();
  const figures = (views) =>
    `<!doctype html><body>${views.map((v) => `<pe-explorer view="${v}"></pe-explorer>`).join('')}
    <script src="${server.url}pe-explorer.js"></script></body>`;
  const canvases = { clock: 'clocks', rope: 'rope-scores', alibi: 'alibi-matrices', grid2d: 'grid2d-all' };
  for (const views of [['clock'], ['rope'], ['clock', 'rope', 'alibi', 'grid2d']]) {
    const before = server.requests.length;
    const { page, problems } = await open(host.url + 'blank.html');
    await page.setContent(figures(views));
    await allReady(page);
    for (const [index, view] of views.entries()) {
      assert.ok((await shadowCanvas(page, index, canvases[view])).drawn > 500, `${views}: ${view} is blank`);
    }
    // The sinusoidal engine for the sinusoidal figures, and each engine of parts once, whatever number
    // of figures use it.
    const sinusoidal = views.includes('clock');
    const own = [...new Set(views.map((v) => SCHEME_ENGINES[v]).filter(Boolean))];
    assert.deepEqual(
      chunks(server.requests.slice(before)),
      [
        ...(sinusoidal ? ['/pe-explorer-engine.js'] : []),
        ...own.map((key) => `/pe-explorer-engine-${key}.js`),
      ].sort(),
    );
    assert.equal(await page.evaluate(() => window.__wasmInstances), enginesFor(views), `${views}: engines`);
    assert.deepEqual(problems, []);
  }
});

// Sets the first figure's view and waits until it has drawn again.
async function switchView(page, view) {
  await page.evaluate((view) => {
    const el = document.querySelector('pe-explorer');
    delete el.dataset.ready;
    el.setAttribute('view', view);
  }, view);
  await allReady(page);
}

test('a figure switched to another scheme, or added late, gets an engine with that scheme', async () => {
  const { page, problems } = await open(host.url + 'blank.html');
  await page.setContent(`<!doctype html><body><pe-explorer view="clock"></pe-explorer>
    <script src="${server.url}pe-explorer.js"></script></body>`);
  await allReady(page);
  await switchView(page, 'rope');
  assert.ok((await shadowCanvas(page, 0, 'rope-scores')).drawn > 500);
  await page.evaluate(() =>
    document.body.append(Object.assign(document.createElement('pe-explorer'), { view: 'alibi' })),
  );
  await allReady(page);
  assert.ok((await shadowCanvas(page, 1, 'alibi-matrices')).drawn > 500);
  // The sinusoidal engine, then one with the older schemes for rope, and ALiBi's own if it has one.
  assert.equal(await page.evaluate(() => window.__wasmInstances), 1 + enginesFor(['rope', 'alibi']));
  // And back: the rope figure becomes a matrix again on the engine it has.
  await switchView(page, 'matrix');
  assert.ok((await shadowCanvas(page, 0, 'heatmap')).drawn > 1000);
  assert.deepEqual(problems, []);
});

test('a playing figure pauses off screen and in a hidden tab, and resumes when back', async () => {
  const { page, problems } = await open(host.url + 'blank.html', { reducedMotion: 'no-preference' });
  await page.setContent(`<!doctype html><body><pe-explorer view="clock" d-model="16" positions="5000" controls="off"></pe-explorer>
    <div style="height: 5000px"></div><script src="${server.url}pe-explorer.js"></script></body>`);
  await page.waitForFunction(() => document.querySelector('pe-explorer')?.dataset.ready === 'true');
  const position = () =>
    page.evaluate(() =>
      Number(document.querySelector('pe-explorer').shadowRoot.querySelector('.clocks').dataset.position),
    );
  // The clock autoplays when seen (no reduced motion): the position moves.
  await page.evaluate(
    () =>
      (document.querySelector('pe-explorer').shadowRoot.querySelector('select[name="speed"]').value = '64'),
  );
  await page.evaluate(() =>
    document
      .querySelector('pe-explorer')
      .shadowRoot.querySelector('select[name="speed"]')
      .dispatchEvent(new Event('change')),
  );
  // Conditions, not pauses: the clocks say whether their animation loop runs (data-running) and
  // whether they are on screen (data-on-screen); frames are counted with requestAnimationFrame.
  const clocks = (key) =>
    page.evaluate(
      (key) => document.querySelector('pe-explorer').shadowRoot.querySelector('.clocks').dataset[key],
      key,
    );
  const waitFor = (key, value) =>
    page.waitForFunction(
      ({ key, value }) =>
        document.querySelector('pe-explorer').shadowRoot.querySelector('.clocks').dataset[key] === value,
      { key, value },
    );
  const frames = (n) =>
    page.evaluate(
      (n) =>
        new Promise((resolve) => {
          const next = () => (n-- <= 0 ? resolve() : requestAnimationFrame(next));
          next();
        }),
      n,
    );
  const a = await position();
  await page.waitForFunction(
    (a) =>
      Number(document.querySelector('pe-explorer').shadowRoot.querySelector('.clocks').dataset.position) > a,
    a,
  );
  // Off screen: the loop stops, and the position stays put over many frames.
  await page.evaluate(() => window.scrollTo(0, 4000));
  await waitFor('onScreen', 'false');
  await waitFor('running', 'false');
  const c = await position();
  await frames(30);
  assert.equal(await position(), c, 'still animating off screen');
  // Back on screen: moving again. Then a hidden tab: frozen.
  await page.evaluate(() => window.scrollTo(0, 0));
  await waitFor('running', 'true');
  await page.waitForFunction(
    (c) =>
      Number(document.querySelector('pe-explorer').shadowRoot.querySelector('.clocks').dataset.position) > c,
    c,
  );
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  assert.equal(await clocks('running'), 'false', 'the loop runs in a hidden tab');
  const e = await position();
  await frames(30);
  assert.equal(await position(), e, 'still animating in a hidden tab');
  assert.deepEqual(problems, []);
});
