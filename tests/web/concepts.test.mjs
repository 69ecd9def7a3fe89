// The concept views (learned vs. fixed, word + position, why sin/cos) and the two languages, in real
// Chromium. Reference numbers are computed here in float64 from the paper's formula, independently of
// the engine.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canvasSignature, openExplorer, paperVector, setField, useBrowser } from './harness.mjs';

const suite = useBrowser();

const page = (hash = '', options = {}) => openExplorer(suite, hash, { locale: 'en-US', ...options });

const signature = canvasSignature;

test('each concept view draws, and its canvases change with their controls', async () => {
  const { page: p, problems } = await page();
  for (const name of ['learned', 'fixed', 'scatter', 'bounded', 'binary', 'mistake']) {
    assert.ok((await signature(p, name)).drawn > 500, `canvas.${name} is blank`);
  }
  const cases = [
    ['#c-maxlen', 30, ['learned']],
    ['#c-text', 'a dog saw a cat', ['scatter']],
    ['#c-scale', 3, ['scatter']],
    // Not 64: at 64 and 128 the mistake chart's dimension (14 or 28) has the same exponent 2i/d.
    ['#c-d', 48, ['learned', 'fixed', 'bounded', 'binary', 'mistake', 'scatter']],
    ['#c-n', 300, ['bounded', 'mistake', 'fixed']],
  ];
  for (const [selector, value, names] of cases) {
    const before = Object.fromEntries(
      await Promise.all(names.map(async (n) => [n, (await signature(p, n)).hash])),
    );
    await setField(p, selector, value);
    for (const name of names)
      assert.notEqual(
        (await signature(p, name)).hash,
        before[name],
        `canvas.${name} ignored ${selector} = ${value}`,
      );
  }
  const scatter = (await signature(p, 'scatter')).hash;
  await p.selectOption('#c-proj', 'first_two');
  assert.notEqual((await signature(p, 'scatter')).hash, scatter, 'the projection choice did nothing');
  const again = (await signature(p, 'scatter')).hash;
  await p.click('#c-withpe');
  assert.notEqual((await signature(p, 'scatter')).hash, again, 'turning PE off did nothing');
  assert.deepEqual(problems, []);
});

test('the same word at two positions differs by exactly PE(p) − PE(q)', async () => {
  const { page: p } = await page('#d=64');
  // "The cat sat on the mat because the mat was warm." -> "the" at positions 0 and 4.
  const shown = await p.evaluate(() => ({
    ...document.querySelector('.same-word').dataset,
    text: document.querySelector('.same-word').textContent,
  }));
  const a = paperVector(0, 64);
  const b = paperVector(4, 64);
  const expected = Math.sqrt(a.reduce((s, v, j) => s + (v - b[j]) ** 2, 0));
  assert.match(shown.text, /“the” is at positions 0 and 4/);
  assert.ok(Number(shown.difference) > 0.5, 'the two inputs should differ');
  assert.ok(Math.abs(Number(shown.difference) - expected) < 1e-5, `${shown.difference} vs ${expected}`);
  assert.ok(Math.abs(Number(shown.peDifference) - expected) < 1e-5);
  assert.ok(Number(shown.mismatch) < 1e-5, `difference of differences ${shown.mismatch}`);
  await p.click('#c-withpe');
  assert.match(
    await p.textContent('.same-word'),
    /Without the position encoding its two input vectors are identical/,
  );
  assert.equal(Number(await p.getAttribute('.same-word', 'data-difference')), 0);
});

test('the sentence is shown as text, never interpreted as HTML', async () => {
  const { page: p, problems } = await page();
  let dialogs = 0;
  p.on('dialog', (d) => {
    dialogs++;
    d.dismiss();
  });
  await setField(p, '#c-text', '<img src=x onerror=alert(1)> <b>bold</b>');
  const chips = await p.evaluate(() => ({
    images: document.querySelectorAll('.chips img, .chips b').length,
    text: document.querySelector('.chips').textContent,
  }));
  assert.equal(chips.images, 0);
  assert.ok(chips.text.includes('<') && chips.text.includes('img'));
  assert.equal(dialogs, 0);
  assert.deepEqual(problems, []);
});

test('the doubled exponent gives a different wavelength range than the correct one', async () => {
  const { page: p } = await page('#d=128');
  const ranges = await p.evaluate(() => document.querySelector('.mistake-ranges').dataset);
  const [r0, r1] = ranges.right.split(',').map(Number);
  const [w0, w1] = ranges.wrong.split(',').map(Number);
  // Correct: 2π … 2π·10000^(126/128); doubled: 2π … 2π·10000^(2·127/128) (float64, computed here).
  assert.ok(Math.abs(r0 - 2 * Math.PI) < 1e-9 && Math.abs(w0 - 2 * Math.PI) < 1e-9);
  assert.ok(Math.abs(r1 / (2 * Math.PI * 10000 ** (126 / 128)) - 1) < 1e-9, `correct slowest ${r1}`);
  assert.ok(Math.abs(w1 / (2 * Math.PI * 10000 ** (254 / 128)) - 1) < 1e-9, `doubled slowest ${w1}`);
  assert.ok(w1 / r1 > 5000);
  assert.match(
    await p.textContent('.mistake-ranges'),
    /correct: 6\.28 to 54,400 positions; doubled exponent: 6\.28 to 5\.44e\+8/,
  );
});

test('a learned table has no row past max_len; the formula does; parameter counts are shown', async () => {
  const { page: p } = await page('#pos=80');
  assert.match(
    await p.textContent('.lookup'),
    /position 80 has no row: a learned table with max_len = 64 has rows 0 to 63/,
  );
  assert.match(await p.textContent('.lookup'), /sinusoidal PE\(80\) = \[/);
  assert.match(await p.textContent('.params'), /64 × 128 = 8,192/);
  await setField(p, '#c-maxlen', 512);
  assert.match(await p.textContent('.lookup'), /learned row \[/);
  assert.match(
    await p.textContent('.unique'),
    /the two closest position vectors are \d+ apart, at distance \d/,
  );
});

// Visible text of the page (without the deliberately bilingual language switch).
function visibleText(p) {
  return p.evaluate(() => {
    const clone = document.body.cloneNode(true);
    clone.querySelector('.lang-switch')?.remove();
    // (translate="no": data shown as published, such as the atlas's Hub ids and source paths.)
    clone
      .querySelectorAll('script, noscript, dialog, [hidden], [translate="no"]')
      .forEach((el) => el.remove());
    document.body.append(clone);
    clone.style.position = 'absolute';
    const text = clone.innerText;
    clone.remove();
    return text;
  });
}

// Formula symbols, identifiers and names that read the same in both languages: the page's own here,
// each scheme's in its folder (web/app/schemes/<name>/test-checks.js, `sharedWords`: model and author
// names, code identifiers, formula symbols its sections print in Chinese too).
const SCHEMES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/app/schemes');
const FOLDER_WORDS = await Promise.all(
  fs
    .readdirSync(SCHEMES_DIR)
    .filter((name) => fs.existsSync(path.join(SCHEMES_DIR, name, 'test-checks.js')))
    .map(
      async (name) =>
        (await import(pathToFileURL(path.join(SCHEMES_DIR, name, 'test-checks.js')).href)).sharedWords || '',
    ),
);
const SHARED = new Set(
  [
    'sin cos pos max base d_model max_len PE PCA BERT GPT Llama BLOOM RoPE ALiBi Transformer Vaswani DiT ' +
      'tensor2tensor fairseq Marian TensorFlow WebAssembly numpy NPY CSV PNG viridis float32 float64 pe export ' +
      'withpe code',
    ...FOLDER_WORDS,
  ]
    .join(' ')
    .split(/\s+/)
    .filter(Boolean),
);
// Key names stay as printed on the keys (Shift, Enter, Ctrl); R_k is the rotation's symbol.
const KEYS = new Set(['Shift', 'Enter', 'Ctrl']);
const notShared = (w) => !SHARED.has(w) && !KEYS.has(w) && !/^R_\d+$/.test(w);

test('in Chinese no English UI string is left, and in English no Chinese', async () => {
  const zh = await page('#lang=zh', { locale: 'zh-CN' });
  await zh.page.fill('#c-text', ''); // the default sentence is Chinese; an empty box shows its own message
  await zh.page.dispatchEvent('#c-text', 'change');
  const zhText = await visibleText(zh.page);
  const english = [...new Set(zhText.match(/[A-Za-z_][A-Za-z_0-9]{2,}/g) || [])].filter(notShared);
  assert.deepEqual(english, [], 'English words left in Chinese mode');
  assert.ok(/位置编码/.test(zhText));
  assert.equal(await zh.page.getAttribute('html', 'lang'), 'zh-CN');

  const en = await page('#lang=en');
  const enText = await visibleText(en.page);
  assert.deepEqual(enText.match(/[\u3400-\u9fff]/g) || [], [], 'Chinese left in English mode');
  assert.deepEqual(zh.problems.concat(en.problems), []);
});

test('the language follows navigator.language, the switch, and the URL', async () => {
  const { page: p } = await page('', { locale: 'zh-CN' });
  assert.equal(await p.textContent('h1'), '位置编码：讲解与计算');
  await p.selectOption('#lang-select', 'en');
  await p.waitForFunction(() => location.hash.includes('lang=en'));
  await p.waitForSelector('body[data-ready="true"]');
  assert.equal(await p.textContent('h1'), 'Position encodings, explained and computed');
  await p.reload();
  await p.waitForSelector('body[data-ready="true"]');
  assert.equal(await p.textContent('h1'), 'Position encodings, explained and computed');
  const numbers = async () => p.textContent('#view-relative .residual');
  const enResidual = await numbers();
  await p.selectOption('#lang-select', 'zh');
  await p.waitForSelector('body[data-ready="true"]');
  const zhResidual = await numbers();
  // Numbers and formulas render the same in both languages.
  assert.equal(enResidual.match(/\d[\d.e−+-]*/g).join(' '), zhResidual.match(/\d[\d.e−+-]*/g).join(' '));
});

test('<pe-explorer lang="zh"> shows the view in Chinese', async () => {
  const { page: p, problems } = await page('');
  await p.setContent(`<!doctype html><body><pe-explorer view="why" lang="zh" d-model="32" positions="50"></pe-explorer>
    <script src="${suite.server.url}pe-explorer.js"></script></body>`);
  await p.waitForFunction(() => document.querySelector('pe-explorer')?.dataset.ready === 'true');
  const text = await p.evaluate(
    () => document.querySelector('pe-explorer').shadowRoot.querySelector('.views').innerText,
  );
  assert.match(text, /为什么用正弦和余弦/);
  const english = [...new Set(text.match(/[A-Za-z_][A-Za-z_0-9]{2,}/g) || [])].filter(notShared);
  assert.deepEqual(english, []);
  assert.deepEqual(problems, []);
});

test('"a shift is a rotation" links to the relative view, and the clock view has its own scrub slider', async () => {
  const { page: p, problems } = await page();
  await p.click('a.to-relative');
  await p.waitForFunction(
    () => Math.abs(document.querySelector('#view-relative').getBoundingClientRect().top) < 50,
  );
  assert.equal(new URL(p.url()).hash, '', 'the link must not change the address');
  await p.locator('#c-scrub').fill('42');
  await p.dispatchEvent('#c-scrub', 'change');
  assert.equal(await p.inputValue('#c-pos'), '42');
  await p.waitForFunction(() => location.hash.includes('pos=42'));
  // A figure of the why view alone has nothing to link to: the words stay, the link goes.
  await p.setContent(
    `<!doctype html><body><pe-explorer view="why"></pe-explorer><script src="${suite.server.url}pe-explorer.js"></script></body>`,
  );
  await p.waitForFunction(() => document.querySelector('pe-explorer')?.dataset.ready === 'true');
  const link = await p.evaluate(() => {
    const root = document.querySelector('pe-explorer').shadowRoot;
    return {
      links: root.querySelectorAll('a.to-relative').length,
      text: root.querySelector('.view').textContent.includes('relative-position view'),
    };
  });
  assert.deepEqual(link, { links: 0, text: true });
  assert.deepEqual(problems, []);
});
