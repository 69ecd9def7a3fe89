// The model atlas (issue 21, view `model`) as a reader sees it in a figure (embed.html#view=model):
// every gallery config selects, loads its own chunk and draws with no error; Gemma 3 1B's layer strip
// holds 5 sliding-window layers and 1 global layer per 6, with their θ and window in the legend;
// DeepSeek-V3's head bar rotates the last 64 of 192 dimensions in interleaved pairs; Llama 4 Scout's
// NoPE and chunked layers and its query temperature; each trap links to a figure of this view; a bad
// paste is a message in the reader's language and the figures stay. Each step waits on what the reader
// would see (the view's data-state / data-model), never on time.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { GALLERY } from '../../web/app/schemes/model/gallery.js';
import { launch, openPage, serve } from './harness.mjs';

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(hash = '') {
  const opened = await openPage(browser, `${server.url}embed.html#view=model${hash}`, {
    viewport: { width: 1000, height: 800 },
    reducedMotion: 'reduce',
  });
  await opened.page.waitForFunction(() => document.getElementById('figure').dataset.ready === 'true');
  return opened;
}

/** Waits until the figure shows `model` drawn (or failed: then the summary's message is the error). */
async function drawn(page, model) {
  await page.waitForFunction((model) => {
    const s = document.getElementById('figure').shadowRoot.querySelector('#view-model');
    return s && (s.dataset.state === 'error' || (s.dataset.state === 'drawn' && s.dataset.model === model));
  }, model);
  return page.evaluate(() => {
    const s = document.getElementById('figure').shadowRoot.querySelector('#view-model');
    const canvases = [...s.querySelectorAll('.model-types canvas')].map((c) => {
      const data = c.width && c.height ? c.getContext('2d').getImageData(0, 0, c.width, c.height).data : [];
      let inked = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked++;
      return { name: c.className, inked };
    });
    return {
      state: s.dataset.state,
      summary: s.querySelector('.model-summary').textContent,
      error: s.querySelector('.model-summary').dataset.error,
      canvases,
      strip: [...s.querySelectorAll('.model-strip .layer')].map((c) => c.dataset.type),
      legend: [...s.querySelectorAll('.model-strip-legend li')].map((li) => li.textContent),
      heads: [...s.querySelectorAll('.model-head')].map((h) => ({
        slice: h.dataset.slice,
        pairing: h.dataset.pairing,
        segments: [...h.querySelectorAll('.segment')].map((x) => [
          x.classList[1],
          Number(x.dataset.dims),
          x.textContent,
        ]),
      })),
      traps: [...s.querySelectorAll('.model-traps li')].map((li) => ({
        trap: li.dataset.trap,
        figure: li.querySelector('a')?.dataset.figure,
        target: Boolean(li.querySelector('a') && s.querySelector(`#${li.querySelector('a').dataset.figure}`)),
      })),
      temperature: s.querySelector('.model-temperature-note').dataset.scaled,
      columns: [...s.querySelectorAll('.model-type')].map((c) => ({
        type: c.dataset.type,
        bands: c.querySelector('.model-wavelength-note').dataset.bands,
      })),
      source: s.querySelector('.model-source').textContent,
    };
  });
}

test('every gallery config selects, loads and draws with no error, each with its source', async () => {
  assert.ok(GALLERY.length >= 24, `${GALLERY.length} configs`);
  const { page, problems, context } = await open();
  for (const { model, source } of GALLERY) {
    // As a reader picks it (input, then change; the selector reaches into the figure's shadow root).
    await page.selectOption('[name="model-preset"]', model);
    const seen = await drawn(page, model);
    assert.equal(seen.state, 'drawn', `${model}: ${seen.summary}`);
    assert.ok(seen.source.includes(source.repository), `${model}: its source line`);
    // Every rotating layer type's wavelength and angle figures have ink.
    for (const c of seen.canvases.filter((c) => /wavelength|angle/.test(c.name)))
      assert.ok(c.inked > 500, `${model}: ${c.name} is blank`);
    // Every trap links to a figure of this view.
    for (const trap of seen.traps.filter((t) => t.trap)) assert.ok(trap.target, `${model}: ${trap.trap}`);
    assert.ok(seen.strip.length > 0, `${model}: a layer strip`);
  }
  // Each config came as a chunk of its own, when selected.
  assert.deepEqual(problems, []);
  await context.close();
});

test("Gemma 3 1B's layer strip: 5 sliding-window layers (θ 10⁴, window 512) and 1 global (θ 10⁶) per 6", async () => {
  const { page, problems, context } = await open('&model=google/gemma-3-1b-it');
  const seen = await drawn(page, 'google/gemma-3-1b-it');
  assert.equal(seen.strip.length, 26);
  seen.strip.forEach((type, i) =>
    assert.equal(type, i % 6 === 5 ? 'full_attention' : 'sliding_attention', `layer ${i}`),
  );
  const sliding = seen.legend.find((l) => l.startsWith('sliding_attention'));
  const full = seen.legend.find((l) => l.startsWith('full_attention'));
  assert.match(sliding, /× 22: sliding window \(512 positions\); RoPE θ 10,000, default/);
  assert.match(full, /× 4: full attention; RoPE θ 1,000,000, default/);
  assert.deepEqual(
    seen.traps.map((t) => t.trap),
    ['theta', 'window'],
  );
  // One column of figures per layer type.
  assert.equal(seen.canvases.length, 6);
  assert.deepEqual(problems, []);
  await context.close();
});

test("DeepSeek-V3's head: q_nope 128 then q_rope 64, interleaved; Llama 4's NoPE, chunks and temperature", async () => {
  const { page, problems, context } = await open('&model=deepseek-ai/DeepSeek-V3');
  let seen = await drawn(page, 'deepseek-ai/DeepSeek-V3');
  assert.deepEqual(seen.heads, [
    {
      slice: 'last',
      pairing: 'interleaved',
      segments: [
        ['pass', 128, 'q_nope 128, not rotated'],
        ['rotated', 64, 'q_rope 64, rotated'],
      ],
    },
  ]);
  assert.ok(seen.traps.some((t) => t.trap === 'slice'));
  assert.ok(seen.traps.some((t) => t.trap === 'deepseekYarn'));
  await page.evaluate(() => {
    const el = document.getElementById('figure');
    el.model = 'meta-llama/Llama-4-Scout-17B-16E-Instruct';
  });
  seen = await drawn(page, 'meta-llama/Llama-4-Scout-17B-16E-Instruct');
  assert.equal(seen.strip.length, 48);
  seen.strip.forEach((type, i) =>
    assert.equal(type, i % 4 === 3 ? 'full_attention_nope' : 'chunked_attention', `layer ${i}`),
  );
  assert.equal(seen.temperature, 'true');
  for (const trap of ['nope', 'chunked', 'temperature', 'llamaStep', 'pairing'])
    assert.ok(
      seen.traps.some((t) => t.trap === trap),
      `${trap} in ${seen.traps.map((t) => t.trap)}`,
    );
  assert.deepEqual(problems, []);
  await context.close();
});

test('a bad paste is a message in the reader’s language; the figures keep the last good model', async () => {
  for (const [lang, says] of [
    ['en', /^jsonText is not valid JSON: line 1, column 18/],
    ['zh', /不是有效的 JSON/],
  ]) {
    const { page, problems, context } = await open(`&model=google/gemma-3-1b-it&lang=${lang}`);
    await drawn(page, 'google/gemma-3-1b-it');
    const message = await page.evaluate(() => {
      const s = document.getElementById('figure').shadowRoot.querySelector('#view-model');
      s.querySelector('details.model-paste').open = true;
      s.querySelector('[name="model-config"]').value = '{"rope_scaling": ';
      s.querySelector('[data-action="model-read"]').click();
      const summary = s.querySelector('.model-summary');
      return {
        error: summary.dataset.error,
        text: summary.textContent,
        state: s.dataset.state,
        // The strip of the last good model stays.
        strip: s.querySelectorAll('.model-strip .layer').length,
      };
    });
    assert.equal(message.state, 'error');
    assert.equal(message.error, 'bad_json');
    assert.match(message.text, says);
    assert.equal(message.strip, 26);
    assert.deepEqual(problems, [], lang);
    await context.close();
  }
});

test('each layer type draws its own YaRN ramp; a new pick cancels the figures still due for the last', async () => {
  const gptOss = 'openai/gpt-oss-20b';
  const gemma = 'google/gemma-3-1b-it';
  const { page, problems, context } = await open(`&model=${gptOss}`);
  let seen = await drawn(page, gptOss);
  // GPT-OSS: sliding and full layers both YaRN, each column with its ramp (not only the first type's).
  assert.deepEqual(seen.columns, [
    { type: 'sliding_attention', bands: 'ramp' },
    { type: 'full_attention', bands: 'ramp' },
  ]);
  // Gemma 3 1B (loaded once), then GPT-OSS and at once Gemma again, in one task: the figures of the
  // GPT-OSS pick never draw; Gemma's strip, head bar and traps, 2 columns × 3 figures, the temperature
  // line and the paste box's text do, one per frame.
  await page.selectOption('[name="model-preset"]', gemma);
  await drawn(page, gemma);
  const counts = await page.evaluate(
    ({ gptOss, gemma }) => {
      const s = document.getElementById('figure').shadowRoot.querySelector('#view-model');
      const select = s.querySelector('[name="model-preset"]');
      performance.clearMeasures();
      // drawInFrames' entries, one per later step: pe-render:model:<step>
      const figures = () =>
        performance.getEntriesByType('measure').filter((m) => m.name.startsWith('pe-render:model:')).length;
      for (const model of [gptOss, gemma]) {
        select.value = model;
        select.dispatchEvent(new Event('input', { bubbles: true }));
      }
      const first = {
        state: s.dataset.state,
        figures: figures(),
      };
      return new Promise((resolve) => {
        const wait = () =>
          s.dataset.state === 'drawn'
            ? resolve({
                first,
                renders: performance.getEntriesByName('pe-render:model').length,
                figures: figures(),
              })
            : requestAnimationFrame(wait);
        requestAnimationFrame(wait);
      });
    },
    { gptOss, gemma },
  );
  assert.deepEqual(counts, { first: { state: 'drawing', figures: 0 }, renders: 2, figures: 10 });
  seen = await drawn(page, gemma);
  assert.deepEqual(
    seen.columns.map((c) => c.type),
    ['sliding_attention', 'full_attention'],
  );
  assert.deepEqual(problems, []);
  await context.close();
});
