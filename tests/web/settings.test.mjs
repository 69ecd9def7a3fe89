// Every scheme figure takes its settings (issue 20): for each setting each view declares (its static
// `settings`, read here from the modules; its test value derived from the table and the markup, or
// given by the view's folder, test-values.js: a setting with neither fails), set as an
// attribute, as a property and in embed.html's address, and as the explorer page's prefixed key
// (#rope.head-dim=96): the control shows it and the drawing differs from the default. A bad value is a
// message in the reader's language and the figure falls back; the page's address follows the controls
// (reload and back restore them); the Embed dialog's snippets, opened again, give the same controls;
// text="off" drops the paragraphs; the sinusoidal links made before still work. One page load per view
// and path, each check waiting on what the reader would see.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  README_END,
  README_START,
  nodeEngine,
  readmeTable,
  schemeSettings,
} from '../../build-scripts/settings.mjs';
import { settingName } from '../../web/app/schemes/common.js';
import { SCHEMES } from '../../web/app/schemes/index.js';
import { FIXTURES, launch, openPage, serve } from './harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const engine = await nodeEngine();
const ROWS = schemeSettings(engine);

// Each view's own test values, where its folder has them (web/app/schemes/<view>/test-values.js: a
// value the table cannot give (a text, a value another setting limits), a setting read only with
// another's value, and bad values the engine refuses for its own reasons); the rest come from the
// table and the markup (build-scripts/settings.mjs: defaults, ranges, choices, offers).
const FOLDERS = Object.fromEntries(
  await Promise.all(
    SCHEMES.map(async ({ name }) => {
      const file = path.join(root, 'web/app/schemes', name, 'test-values.js');
      return [name, fs.existsSync(file) ? await import(pathToFileURL(file).href) : {}];
    }),
  ),
);

/** A value off the default, valid alone: a choice (the last that is not the default nor `custom`),
 *  else an integer between the default and the next value offered above it (below it, or the range's
 *  end, if none): one the list does not offer, so that the figure must add it. */
function derived(row) {
  if (Array.isArray(row.values)) return row.values.filter((v) => v !== row.default && v !== 'custom').at(-1);
  if (row.type !== 'number' || !/^\d+$/.test(row.default) || row.max === undefined) return undefined;
  const d = Number(row.default);
  const offered = (row.offered || []).map(Number).sort((a, b) => a - b);
  const above = offered.find((v) => v > d);
  const below = offered.filter((v) => v < d).at(-1);
  const [a, b] = above !== undefined ? [d, above] : below !== undefined ? [below, d] : [d, row.max];
  return String(Math.floor((a + b) / 2));
}

/** A bad value the table itself refuses, and the message: an integer past the range's end (below its
 *  start where another setting moves the end), or a word that is not a choice; each falls back to the
 *  default. */
function derivedBad(row) {
  const escape = (t) => String(t).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const using = `; using ${escape(row.name)} = ${escape(row.default)}$`;
  if (Array.isArray(row.values) && row.default) {
    const allowed = escape(row.values.join(', '));
    return [
      row.name,
      'nonsense',
      new RegExp(`^${escape(row.name)} must be one of ${allowed}; got "nonsense"${using}`),
    ];
  }
  if (
    row.type === 'number' &&
    /^\d+$/.test(row.default) &&
    Number.isInteger(row.max) &&
    Number.isInteger(row.min)
  ) {
    const got = row.limitedBy ? row.min - 1 : row.max + 1;
    const max = row.limitedBy ? '\\d+' : row.max;
    return [
      row.name,
      String(got),
      new RegExp(
        `^${escape(row.name)} must be ${row.integer ? 'an integer' : 'a number'} from ${row.min} to ${max}; got ${got}${using}`,
      ),
    ];
  }
  return undefined;
}

// A value for every setting, off its default and valid alone and all together (the folder's first).
const VALUES = {};
const NEEDS = {};
const BAD = {};
for (const { name: view } of SCHEMES) {
  const own = FOLDERS[view];
  const rows = ROWS.filter((r) => r.view === view);
  VALUES[view] = Object.fromEntries(
    rows.map((r) => [r.name, own.values?.[r.name] ?? derived(r)]).filter(([, v]) => v !== undefined),
  );
  for (const [name, needed] of Object.entries(own.needs || {})) NEEDS[`${view}.${name}`] = needed;
  BAD[view] = [...rows.map(derivedBad).filter(Boolean), ...(own.bad || [])];
}

const DECLARED = Object.fromEntries(
  SCHEMES.map((s) => [s.name, s.View.settings.map((x) => ({ name: settingName(x), control: x.control }))]),
);
const camel = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());
/** A setting's text as its property has it: a number as a number, true and false as booleans. */
const typed = (v) => (/^\d+$/.test(v) ? Number(v) : v === 'true' || v === 'false' ? v === 'true' : v);
/** The settings of `view` that go with `name`'s test value (itself and what it needs). */
const alone = (view, name) => ({ ...NEEDS[`${view}.${name}`], [name]: VALUES[view][name] });
/** Every setting of `view` at its test value. */
const together = (view) =>
  Object.assign({}, VALUES[view], ...DECLARED[view].map(({ name }) => NEEDS[`${view}.${name}`]));

let server, host, browser;
before(async () => {
  server = await serve();
  host = await serve([FIXTURES]); // another origin: where a blogger pastes the snippets
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await host?.close();
});

// In the page: a figure's controls (by control name) and a checksum of its canvases' pixels. `where`
// is a <pe-explorer> (its shadow root) or a page's section (#view-<name>).
function lookAt(page, where, controls) {
  return page.evaluate(
    ([where, controls]) => {
      const found = document.querySelector(where);
      const scope = found.shadowRoot || found;
      const values = Object.fromEntries(controls.map((c) => [c, scope.querySelector(`[name="${c}"]`).value]));
      let hash = 0;
      for (const canvas of scope.querySelectorAll('canvas')) {
        if (!canvas.width || !canvas.height) continue;
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 0; i < data.length; i += 4)
          hash = (hash * 31 + data[i] * 7 + data[i + 1] * 13 + data[i + 2] * 17 + data[i + 3]) >>> 0;
      }
      const messages = found.shadowRoot
        ? [...found.shadowRoot.querySelectorAll('.messages-inline p')].map((p) => p.textContent)
        : [...document.querySelectorAll('#messages li')].map((li) => li.textContent);
      return { values, hash, messages };
    },
    [where, controls],
  );
}

/** Waits until nothing in `where` is loading (the model atlas's config, after the figure is ready) or
 *  drawing, the element itself included (on the page `where` is the view's section, whose data-state
 *  the atlas sets: a descendant query alone missed it and compared a drawing still under way). */
function settled(page, where) {
  return page.waitForFunction((where) => {
    const found = document.querySelector(where);
    return (
      found &&
      !found.matches('[data-state="loading"], [data-state="drawing"]') && // the page's section itself
      !(found.shadowRoot || found).querySelector('[data-state="loading"], [data-state="drawing"]')
    );
  }, where);
}

/** Waits until `where`'s control `control` shows `value` (the figure applies a setting as it reads it)
 *  and nothing in it is loading or drawing still (the model atlas loads a config when it is selected
 *  and draws its figures one per frame after that). */
function shows(page, where, control, value) {
  return page.waitForFunction(
    ([where, control, value]) => {
      const found = document.querySelector(where);
      const scope = found?.shadowRoot || found;
      return (
        scope?.querySelector(`[name="${control}"]`)?.value === value &&
        !found.matches('[data-state="loading"], [data-state="drawing"]') && // the page's section itself
        !scope.querySelector('[data-state="loading"], [data-state="drawing"]')
      );
    },
    [where, control, value],
  );
}

test('every declared setting has a test value, the README its generated table, the manifest each name', async () => {
  for (const [view, settings] of Object.entries(DECLARED)) {
    assert.deepEqual(
      settings.map((s) => s.name).sort(),
      Object.keys(VALUES[view]).sort(),
      `${view}: a test value for each setting`,
    );
  }
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const table = readmeTable(ROWS);
  const inReadme = readme.slice(
    readme.indexOf(README_START) + README_START.length,
    readme.indexOf(README_END),
  );
  assert.equal(inReadme.trim(), table, 'README.md: run node build-scripts/settings.mjs --readme');
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'build/package/custom-elements.json'), 'utf8'));
  const attributes = manifest.modules[0].declarations[0].attributes;
  for (const { name } of Object.values(DECLARED).flat()) {
    const entry = attributes.find((a) => a.name === name);
    assert.ok(entry, `custom-elements.json: ${name}`);
    assert.equal(entry.fieldName, camel(name));
  }
});

test('each figure takes every setting as an attribute, a property and an embed.html key; a bad one falls back', async () => {
  for (const [view, settings] of Object.entries(DECLARED)) {
    const { page, problems, context } = await openPage(browser, `${server.url}embed.html#view=${view}`, {
      viewport: { width: 1000, height: 800 },
      reducedMotion: 'reduce',
    });
    const figure = '#figure';
    await page.waitForFunction(() => document.getElementById('figure').dataset.ready === 'true');
    await settled(page, figure);
    const controls = settings.map((s) => s.control);
    const initial = await lookAt(page, figure, controls);
    assert.deepEqual(initial.messages, [], view);
    // The element knew every name before the view's chunk loaded.
    const known = await page.evaluate(() => {
      const element = customElements.get('pe-explorer');
      return { observed: element.observedAttributes, keys: element.hashKeys };
    });
    for (const { name, control } of settings) {
      assert.ok(known.observed.includes(name), `${name} observed`);
      assert.equal(known.keys[name], name, `${name} is an embed.html key`);
      const given = alone(view, name);
      const expected = VALUES[view][name];
      for (const how of ['attribute', 'property', 'address']) {
        await page.evaluate(
          ([how, given]) => {
            const el = document.getElementById('figure');
            if (how === 'address')
              location.hash = `view=${el.getAttribute('view')}&${Object.entries(given)
                .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
                .join('&')}`;
            for (const [k, v] of Object.entries(given)) {
              if (how === 'attribute') el.setAttribute(k, v);
              // A property takes a number as a number, a boolean as a boolean.
              if (how === 'property')
                el[k.replace(/-(\w)/g, (_, c) => c.toUpperCase())] = /^\d+$/.test(v)
                  ? +v
                  : v === 'true' || v === 'false'
                    ? v === 'true'
                    : v;
            }
          },
          [how, given],
        );
        await shows(page, figure, control, expected);
        const now = await lookAt(page, figure, controls);
        assert.notEqual(now.hash, initial.hash, `${view} ${name}=${expected} by ${how}: the drawing changed`);
        assert.deepEqual(now.messages, [], `${view} ${name} by ${how}`);
        // The property reflects the attribute, a number as a number, a boolean as a boolean.
        const property = await page.evaluate(
          ([name, camelName]) => {
            const el = document.getElementById('figure');
            return { attribute: el.getAttribute(name), value: el[camelName] };
          },
          [name, camel(name)],
        );
        assert.equal(property.attribute, expected);
        assert.equal(property.value, typed(expected));
        // Back to the defaults: the attributes gone (embed.html's address with the view alone).
        await page.evaluate(
          ([how, names]) => {
            const el = document.getElementById('figure');
            if (how === 'address') location.hash = `view=${el.getAttribute('view')}`;
            else for (const k of names) el.removeAttribute(k);
          },
          [how, Object.keys(given)],
        );
        await shows(page, figure, control, initial.values[control]);
      }
    }
    // Bad values: a message naming the setting, the control at its default, the figure still live.
    for (const [name, value, says] of BAD[view]) {
      const { control } = settings.find((s) => s.name === name);
      await page.evaluate(([k, v]) => document.getElementById('figure').setAttribute(k, v), [name, value]);
      await page.waitForFunction(() =>
        document.getElementById('figure').shadowRoot.querySelector('.messages-inline p'),
      );
      const bad = await lookAt(page, figure, controls);
      assert.equal(bad.messages.length, 1, `${view} ${name}=${value}: ${bad.messages}`);
      assert.match(bad.messages[0], says);
      assert.equal(bad.values[control], initial.values[control], `${view} ${name}=${value} falls back`);
      await page.evaluate((k) => document.getElementById('figure').removeAttribute(k), name);
      await page.waitForFunction(
        () => document.getElementById('figure').shadowRoot.querySelector('.messages-inline').hidden,
      );
    }
    // In Chinese, the same message in Chinese.
    const [name, value] = BAD[view][0];
    await page.evaluate(
      ([k, v]) => {
        const el = document.getElementById('figure');
        el.setAttribute('lang', 'zh');
        el.setAttribute(k, v);
      },
      [name, value],
    );
    await page.waitForFunction(() =>
      /已使用/.test(
        document.getElementById('figure').shadowRoot.querySelector('.messages-inline').textContent,
      ),
    );
    const zh = await lookAt(page, figure, controls);
    // (The engine's name of a parameter in Chinese where it has one: "格式 必须是 … 之一".)
    assert.match(zh.messages[0], new RegExp(`(必须|之一).*；已使用 ${name} = `), zh.messages[0]);
    assert.deepEqual(problems, [], view);
    await context.close();
  }
});

test("the page's address carries each scheme setting under its view's name, follows the controls, and restores them", async () => {
  // An old link (sinusoidal keys only) with scheme keys after it.
  const { page, problems, context } = await openPage(
    browser,
    `${server.url}index.html#d=48&n=30&layout=split&rope.head-dim=96&alibi.heads=5`,
    { viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' },
  );
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await shows(page, '#view-rope', 'rope-head-dim', '96');
  await shows(page, '#view-alibi', 'alibi-heads', '5');
  assert.equal(await page.inputValue('#c-d'), '48'); // the sinusoidal keys as before
  assert.equal(await page.inputValue('#c-layout'), 'split');
  // Every setting of every view through its prefixed key: the control, and pixels unlike the default's.
  await page.evaluate(() => (location.hash = ''));
  await shows(page, '#view-rope', 'rope-head-dim', '64');
  for (const [view, settings] of Object.entries(DECLARED)) {
    const where = `#view-${view}`;
    const controls = settings.map((s) => s.control);
    await settled(page, where);
    const initial = await lookAt(page, where, controls);
    for (const { name, control } of settings) {
      const hash = Object.entries(alone(view, name))
        .map(([k, v]) => `${view}.${k}=${encodeURIComponent(v)}`)
        .join('&');
      await page.evaluate((hash) => (location.hash = hash), hash);
      await shows(page, where, control, VALUES[view][name]);
      const now = await lookAt(page, where, controls);
      assert.notEqual(now.hash, initial.hash, `${view}.${name}: the drawing changed`);
      assert.deepEqual(now.messages, [], `${view}.${name}`);
      await page.evaluate(() => (location.hash = ''));
      await shows(page, where, control, initial.values[control]);
    }
  }
  // Bad keys: messages; the rest of the link applies.
  await page.evaluate(() => (location.hash = '#rope.head-dim=abc&rope.nope=1&alibi.heads=5'));
  await shows(page, '#view-alibi', 'alibi-heads', '5');
  const messages = (await lookAt(page, '#view-rope', ['rope-head-dim'])).messages;
  assert.deepEqual(messages, [
    'ignored unknown setting "rope.nope"',
    'rope.head-dim must be an integer from 2 to 4096; got abc; using rope.head-dim = 64',
  ]);
  // A control changed by the reader: its key joins the address after the sinusoidal keys (one history
  // entry), a reload keeps it, going back restores the control.
  await page.evaluate(() => (location.hash = '#d=48'));
  await shows(page, '#view-alibi', 'alibi-heads', '12');
  await page.selectOption('[name="rope-theta"]', '500000');
  await page.waitForFunction(() => location.hash === '#d=48&rope.theta=500000');
  await page.evaluate(() => {
    // A slider dragged to 6: input events, then change at the release.
    const slider = document.querySelector('[name="grid2d-row"]');
    slider.value = '6';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    slider.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitForFunction(() => location.hash === '#d=48&rope.theta=500000&grid2d.row=6');
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await shows(page, '#view-rope', 'rope-theta', '500000');
  await shows(page, '#view-grid2d', 'grid2d-row', '6');
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#d=48&rope.theta=500000');
  await shows(page, '#view-grid2d', 'grid2d-row', '3');
  await page.goBack();
  await shows(page, '#view-rope', 'rope-theta', '10000');
  assert.equal(await page.inputValue('#c-d'), '48');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the Embed dialog carries every setting as shown: its snippets, opened again, give the same controls', async () => {
  const views = Object.keys(DECLARED);
  const hash = views
    .flatMap((view) =>
      Object.entries(together(view)).map(([k, v]) => `${view}.${k}=${encodeURIComponent(v)}`),
    )
    .join('&');
  const { page, problems, context } = await openPage(browser, `${server.url}index.html#${hash}`, {
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
  });
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const shown = {};
  for (const view of views) {
    const last = DECLARED[view].at(-1);
    await shows(page, `#view-${view}`, last.control, together(view)[last.name]);
    shown[view] = (
      await lookAt(
        page,
        `#view-${view}`,
        DECLARED[view].map((s) => s.control),
      )
    ).values;
  }
  // The dialog: each view's snippets; the last one without its paragraphs (text="off").
  await page.click('[data-action="embed"]');
  const snippets = {};
  for (const view of views) {
    if (view === views.at(-1)) await page.check('input[name="embed-text-off"]');
    await page.selectOption('select[name="embed-view"]', view);
    snippets[view] = {
      element: (await page.inputValue('textarea[name="element"]')).split('\n')[1],
      iframe: await page.inputValue('textarea[name="iframe"]'),
      markdown: await page.inputValue('textarea[name="poster-markdown"]'),
    };
    const src = snippets[view].iframe.match(/src="([^"]+)"/)[1];
    assert.ok(snippets[view].markdown.endsWith(`(${src})`), 'the poster links to the same figure');
    for (const k of Object.keys(together(view)))
      assert.ok(snippets[view].element.includes(` ${k}="`), `${view}: ${k} in ${snippets[view].element}`);
    assert.equal(snippets[view].element.includes('text="off"'), view === views.at(-1));
  }
  // Pasted into a blank page of another origin, side by side (all near the viewport, so all start):
  // the elements, then the iframes.
  const script = `<script src="${server.url}pe-explorer.js"></script>`;
  for (const kind of ['element', 'iframe']) {
    const blank = await openPage(browser, host.url + 'blank.html', {
      viewport: { width: 1600, height: 900 },
    });
    const cells = views.map((v) => `<div style="flex:1">${snippets[v][kind]}</div>`).join('');
    await blank.page.setContent(
      `<!doctype html><body>${script}<div style="display:flex">${cells}</div></body>`,
    );
    for (const [n, view] of views.entries()) {
      const cell = `body > div > div:nth-child(${n + 1})`;
      const frame =
        kind === 'iframe' ? await (await blank.page.$(`${cell} > iframe`)).contentFrame() : blank.page;
      const where = kind === 'iframe' ? '#figure' : `${cell} > pe-explorer`;
      await frame.waitForFunction((where) => document.querySelector(where)?.dataset.ready === 'true', where, {
        timeout: 60_000,
      });
      const opened = await lookAt(
        frame,
        where,
        DECLARED[view].map((s) => s.control),
      );
      assert.deepEqual(opened.values, shown[view], `${view} by its ${kind} snippet`);
      assert.deepEqual(opened.messages, [], `${view} by its ${kind} snippet`);
      const paragraphs = await frame.evaluate(
        (where) =>
          [...document.querySelector(where).shadowRoot.querySelectorAll('.text > p:not(.note)')].filter((p) =>
            p.checkVisibility(),
          ).length,
        where,
      );
      assert.equal(paragraphs === 0, view === views.at(-1), `${view}: paragraphs shown ${paragraphs}`);
    }
    assert.deepEqual(blank.problems, [], kind);
    await blank.context.close();
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('text="off" drops the paragraphs of any view and keeps its title, controls, drawing and caption', async () => {
  const { page, problems, context } = await openPage(
    browser,
    `${server.url}embed.html#view=matrix&d=32&text=off`,
    {
      viewport: { width: 1000, height: 800 },
      reducedMotion: 'reduce',
    },
  );
  const look = () =>
    page.evaluate(() => {
      const el = document.getElementById('figure');
      const visible = (selector) =>
        [...el.shadowRoot.querySelectorAll(selector)].filter((e) => e.checkVisibility()).length;
      return {
        ready: el.dataset.ready,
        paragraphs: visible('.text > p:not(.note)'),
        title: visible('h2'),
        canvases: visible('canvas'),
        caption: visible('.matrix-note, .note'),
        controls: visible('select, input'),
      };
    });
  await page.waitForFunction(() => document.getElementById('figure').dataset.ready === 'true');
  let seen = await look();
  assert.equal(seen.paragraphs, 0);
  assert.ok(seen.title && seen.canvases && seen.caption, JSON.stringify(seen));
  // The old keys of that link still apply (d=32).
  assert.match(
    await page.evaluate(() => document.getElementById('figure').shadowRoot.textContent),
    /× 32 dimensions/,
  );
  // A scheme view, as its property; back on.
  await page.evaluate(() => (location.hash = 'view=alibi&text=off'));
  await page.waitForFunction(() =>
    document.getElementById('figure').shadowRoot.querySelector('[name="alibi-heads"]'),
  );
  await page.waitForFunction(() => document.getElementById('figure').dataset.ready === 'true');
  seen = await look();
  assert.equal(seen.paragraphs, 0);
  assert.ok(seen.title && seen.canvases && seen.caption && seen.controls, JSON.stringify(seen));
  assert.equal(await page.evaluate(() => document.getElementById('figure').text), 'off');
  await page.evaluate(() => (document.getElementById('figure').text = 'on'));
  seen = await look();
  assert.ok(seen.paragraphs >= 2, JSON.stringify(seen));
  // A bad value: a message, and the paragraphs stay.
  await page.evaluate(() => (document.getElementById('figure').text = 'maybe'));
  await page.waitForFunction(() =>
    document
      .getElementById('figure')
      .shadowRoot.querySelector('.messages-inline')
      .textContent.includes('text="maybe" is not one of on, off'),
  );
  assert.ok((await look()).paragraphs >= 2);
  assert.deepEqual(problems, []);
  await context.close();
});
