// "Which convention is this table?" (issue 23, view `identify`) as a reader sees it in a figure
// (embed.html#view=identify): a committed reference table (tests/reference/tables/, written by
// tests/reference/tables.py from the public code tables.json names) loaded through the file input is
// named with the convention its generator says made it; a safetensors file of two tensors offers a
// picker; a seeded departure (the θ 500,000 sample against a config saying 50,000) is diagnosed with
// its fix; a malformed file shows the engine's message (in Chinese on a Chinese figure) and the
// section keeps working. Each step waits on what the reader would see, never on time.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openFigure, useBrowser } from './harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TABLES = path.join(root, 'tests/reference/tables');
const { tables } = JSON.parse(fs.readFileSync(path.join(TABLES, 'tables.json'), 'utf8'));
const expect = (file, tensor) =>
  tables.find((t) => t.file === file && (!tensor || t.expect.tensor === tensor));

const suite = useBrowser();
const SECTION = '#figure #view-identify';
const open = (hash = '') => openFigure(suite, `#view=identify${hash}`);

/** Waits until the section shows `name` (a file or sample) identified, or its error; returns what it says. */
async function shown(page, name) {
  await page.waitForFunction((name) => {
    const s = document.getElementById('figure').shadowRoot.querySelector('#view-identify');
    return (
      s &&
      s.dataset.identify &&
      s.dataset.identify !== 'reading' &&
      s.querySelector('.identify-source').textContent.includes(name)
    );
  }, name);
  return page.evaluate(() => {
    const s = document.getElementById('figure').shadowRoot.querySelector('#view-identify');
    const inked = (c) => {
      const data = c.width && c.height ? c.getContext('2d').getImageData(0, 0, c.width, c.height).data : [];
      const seen = new Set();
      for (let i = 0; i < data.length; i += 4 * 97) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
      return seen.size; // distinct colours sampled: a heatmap has many, a blank canvas one
    };
    return {
      state: s.dataset.identify,
      verdict: s.querySelector('.identify-verdict').textContent,
      error: s.querySelector('.identify-error').hidden ? '' : s.querySelector('.identify-error').textContent,
      diagnosis: [...s.querySelectorAll('.identify-diagnosis li')].map((li) => [
        li.dataset.kind,
        li.textContent,
      ]),
      fix: s.querySelector('.identify-fix').textContent,
      first: s.querySelector('.identify-first').textContent,
      tensors: s.querySelector('.identify-tensor-label').hidden
        ? []
        : [...s.querySelectorAll('[name="identify-tensor"] option')].map((o) => o.value),
      colours: [...s.querySelectorAll('.identify-maps canvas')].map(inked),
      private: s.querySelector('.identify-private').textContent,
    };
  });
}

const input = (page) => page.locator(`${SECTION} input[name="identify-file"]`);

test('the sample is identified, and a committed reference table loaded as a file is named as its generator made it', async () => {
  const { page, problems } = await open();
  const sample = await shown(page, 'rope.npy');
  assert.equal(sample.state, 'rope_cos');
  assert.match(sample.verdict, /theta 500000 · pairing half/);
  assert.match(sample.private, /never leaves your machine/);
  // The table and the reading as heatmaps; their difference is drawn too (not the blank canvas's one
  // colour), but it is float32 rounding, zero in most cells: a few colours only.
  const [table, reading, difference] = sample.colours;
  assert.ok(table > 3 && reading > 3 && difference > 1, `heatmaps drawn: ${sample.colours}`);

  // fairseq's positions from 2 (padding_idx 1): split layout, tensor2tensor's exponent, start 2.
  const fairseq = expect('fairseq_positions_from2.npy').expect;
  await input(page).setInputFiles(path.join(TABLES, 'fairseq_positions_from2.npy'));
  const got = await shown(page, 'fairseq_positions_from2.npy');
  assert.equal(got.state, fairseq.kind);
  for (const key of ['layout', 'frequencies', 'base', 'start'])
    assert.match(got.verdict, new RegExp(`${key} ${fairseq[key]}\\b`), got.verdict);

  // Hugging Face Llama's cos and sin in one safetensors file: a picker, cos first, then sin.
  const cos = expect('llama_hf_theta5e5_256x64.safetensors', 'cos').expect;
  await input(page).setInputFiles(path.join(TABLES, 'llama_hf_theta5e5_256x64.safetensors'));
  const llama = await shown(page, 'llama_hf_theta5e5_256x64.safetensors');
  assert.deepEqual(llama.tensors, ['cos', 'sin']);
  assert.equal(llama.state, cos.kind);
  assert.match(
    llama.verdict,
    new RegExp(`theta ${cos.theta} · pairing ${cos.pairing} · rotaryDim ${cos.rotaryDim}`),
  );
  await page.selectOption(`${SECTION} [name="identify-tensor"]`, 'sin');
  await page.waitForFunction(
    () =>
      document.getElementById('figure').shadowRoot.querySelector('#view-identify').dataset.identify ===
      'rope_sin',
  );

  // bfloat16 bits in a uint16 .npy: read as such with the checkbox, the precision named.
  await page.check(`${SECTION} [name="identify-bfloat16"]`);
  await input(page).setInputFiles(path.join(TABLES, 'llama_hf_cos_bfloat16_bits.npy'));
  const bf = await shown(page, 'llama_hf_cos_bfloat16_bits.npy');
  assert.match(bf.verdict, /bfloat16/);
  assert.ok(
    bf.diagnosis.some(([kind]) => kind === 'id_precision'),
    JSON.stringify(bf.diagnosis),
  );
  assert.deepEqual(problems, []);
});

test('a seeded departure: the θ 500,000 sample against a config of θ 50,000 is diagnosed, with its fix', async () => {
  const { page, problems } = await open();
  await shown(page, 'rope.npy');
  await page.click(`${SECTION} .identify-against summary`);
  await page.fill(
    `${SECTION} [name="identify-config"]`,
    '{"model_type":"llama","head_dim":128,"hidden_size":4096,"num_attention_heads":32,"rope_theta":50000}',
  );
  await page.click(`${SECTION} .identify-compare`);
  await page.waitForFunction(() =>
    document
      .getElementById('figure')
      .shadowRoot.querySelector('#view-identify .identify-diagnosis li[data-kind="id_theta"]'),
  );
  const got = await shown(page, 'rope.npy');
  const theta = got.diagnosis.find(([kind]) => kind === 'id_theta')[1];
  assert.match(theta, /500000/);
  assert.match(theta, /50000/);
  assert.match(got.fix, /^Fix: rope_theta 50000$/);
  assert.match(got.first, /First differing cell: row \d+, column \d+/);
  assert.deepEqual(problems, []);
});

test('a malformed file shows the engine message in the reader language, and the section keeps working', async () => {
  for (const lang of ['en', 'zh']) {
    const { page, problems } = await open(`&lang=${lang}`);
    await shown(page, 'rope.npy');
    await input(page).setInputFiles({
      name: 'broken.npy',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('not a table at all'),
    });
    const bad = await shown(page, 'broken.npy');
    assert.equal(bad.state, 'error');
    assert.ok(bad.error.length > 10, bad.error);
    if (lang === 'zh') assert.match(bad.error, /[\u4e00-\u9fff]/, bad.error);
    else assert.match(bad.error, /not a \.npy or \.safetensors file/, bad.error);
    assert.equal(bad.verdict, '');
    // A truncated copy of a good file: refused, naming what is missing.
    const good = fs.readFileSync(path.join(TABLES, 'gptj_128x64.npy'));
    await input(page).setInputFiles({
      name: 'cut.npy',
      mimeType: 'application/octet-stream',
      buffer: good.subarray(0, 300),
    });
    const cut = await shown(page, 'cut.npy');
    assert.equal(cut.state, 'error');
    // Still working: a sample, then a good file.
    await page.selectOption(`${SECTION} [name="identify-sample"]`, 'sinusoidal');
    const sample = await shown(page, 'sinusoidal.npy');
    assert.equal(sample.state, 'sinusoidal');
    await input(page).setInputFiles(path.join(TABLES, 'gptj_128x64.npy'));
    const gptj = await shown(page, 'gptj_128x64.npy');
    assert.match(gptj.verdict, /layout split · frequencies paper/);
    assert.deepEqual(problems, []);
  }
});
