// @ts-check
// The multimodal section (web/app/schemes/multimodal/) in Chromium, checked against numbers it does
// not draw itself: the ids of get_rope_index (huggingface/transformers models/qwen2_vl, qwen2_5_vl,
// qwen3_vl modeling_*.py @ a7f29523, and the 2026 rewrite @ c9de1097, run under torch by
// cpp/schemes/mrope/reference.py into cpp/schemes/mrope/mrope_reference.json), the vision tower's rot_pos_emb
// (same commit, cpp/schemes/axial/axial_reference.json), which pairs the apply functions give each
// axis (mrope_reference.json's axes) with wavelengths 2π·θ^(2k/d) in float64, and FLUX's spectrum by
// its formula; the view's token layout against the reference prompts; the embed in Chinese at 360 px.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { layout, parseSegments } from '../../web/app/schemes/multimodal/prompt.js';
import { canvasSignature, openExplorer, openPage, useBrowser } from './harness.mjs';

const suite = useBrowser();
const read = (file) => JSON.parse(fs.readFileSync(new URL(file, import.meta.url), 'utf8'));
const MROPE = read('../../cpp/schemes/mrope/mrope_reference.json');
const AXIAL = read('../../cpp/schemes/axial/axial_reference.json');
const CANVASES = ['ids', 'grid', 'seconds', 'pairs', 'scores', 'vision', 'flux'];

/** The reference case's prompt in pe-export's spelling (the view's `segments`). */
const spelled = (segments) =>
  segments
    .map((s) =>
      s.text !== undefined
        ? `text:${s.text}`
        : s.image
          ? `image:${s.image.join('x')}`
          : `video:${s.video.join('x')}:${s.secondPerGridT}:${s.timestampTokens}`,
    )
    .join(',');

/** Waits until the section has drawn every figure: after a change it draws the ids and the readout at
 *  once and the other figures one per animation frame (data-state "drawing" until the last). */
function finished(p) {
  return p.waitForFunction(() =>
    [document, document.getElementById('figure')?.shadowRoot].every(
      (root) => !root?.querySelector('[data-state="drawing"]'),
    ),
  );
}

/** The explorer page at the multimodal section, every figure drawn. */
async function openSection() {
  const opened = await openExplorer(suite, '#multimodal');
  await finished(opened.page);
  return opened;
}

/** Sets the section's controls (name -> value) as a reader does, then waits for the readout and every figure to follow. */
async function set(p, values) {
  for (const [name, value] of Object.entries(values)) {
    await p.evaluate(
      ([name, value]) => {
        const c = /** @type {HTMLInputElement} */ (document.querySelector(`[name="multimodal-${name}"]`));
        c.value = value;
        c.dispatchEvent(new Event('change', { bubbles: true }));
      },
      [name, value],
    );
  }
  await p.waitForFunction(
    (token) => document.querySelector('.mm-readout')?.getAttribute('data-token') === token,
    values.token ?? (await p.getAttribute('[name="multimodal-token"]', 'value')),
  );
  await finished(p);
  return p.evaluate(() => {
    const data = (selector) => ({ .../** @type {HTMLElement} */ (document.querySelector(selector)).dataset });
    return {
      readout: data('.mm-readout'),
      rewrite: data('.mm-rewrite'),
      grid: data('.mm-grid-note'),
      vision: data('.mm-vision-note'),
      rewriteText: document.querySelector('.mm-rewrite')?.textContent,
    };
  });
}

test("the view's token layout is the processor's: every reference prompt, its pads on their block's row and column", () => {
  for (const c of MROPE.positionIds) {
    const label = `${c.model} ${c.name}`;
    assert.deepEqual(
      parseSegments(spelled(c.segments)),
      c.segments.map((s) => (s.video ? { ...s } : s)),
      label,
    );
    const lay = layout(c.segments, c.model, c.spatialMergeSize);
    const [t, h, w] = c.positionIds;
    assert.equal(lay.kind.length, t.length, label);
    // A pad's h id minus its row, and w id minus its column, is its block's start: one per frame.
    const starts = new Map();
    lay.cell.forEach((cell, i) => {
      if (!cell) {
        assert.ok(t[i] === h[i] && h[i] === w[i], `${label}: token ${i} is text`);
        return;
      }
      const key = `${lay.segment[i]}/${c.model === 'qwen3-vl' ? cell[0] : 0}`;
      const start = starts.get(key) ?? h[i] - cell[1];
      starts.set(key, start);
      assert.equal(h[i] - cell[1], start, `${label}: token ${i} row`);
      assert.equal(w[i] - cell[2], start, `${label}: token ${i} column`);
    });
  }
  assert.throws(() => parseSegments('text:3,picture:1x2x2'), { kind: 'not_array', parameter: 'segments' });
  assert.throws(() => parseSegments('image:1x2'), { parameter: 'segments' });
});

test('multimodal: the readout, grid and vision table give the reference ids and angles for the chosen token', async () => {
  const { page: p, problems } = await openSection();
  for (const name of CANVASES)
    assert.ok((await canvasSignature(p, `mm-${name}`)).drawn > 500, `mm-${name} is blank`);
  // One image (Qwen2-VL; 3 text tokens, a 1 x 4 x 6 grid, 4 text tokens): every token's ids.
  const one = MROPE.positionIds.find((c) => c.model === 'qwen2-vl' && c.name === 'one image');
  const tokens = one.positionIds[0].length;
  for (const token of [0, 3, 4, 8, 9, tokens - 1]) {
    const seen = await set(p, { model: 'qwen2-vl', segments: spelled(one.segments), token: String(token) });
    const ids = [seen.readout.t, seen.readout.h, seen.readout.w].map(Number);
    assert.deepEqual(
      ids,
      one.positionIds.map((row) => row[token]),
      `token ${token}`,
    );
    assert.equal(Number(seen.readout.delta), one.ropeDelta);
    assert.equal(Number(seen.readout.tokens), tokens);
    assert.equal(seen.rewrite.differs, '0'); // images: the 2026 code agrees
  }
  // Token 9: the image's 6th merged token (tokens 4 to 9 are its 2 x 3 blocks): row 1, column 2; the
  // vision tower's patches 20 to 23, whose angles are rot_pos_emb's (Qwen2-VL, head 80, θ 10^4).
  const seen = await set(p, { token: '9' });
  assert.equal(seen.grid.block, '1,2');
  assert.equal(seen.grid.patches, '20-23');
  const table = AXIAL.vision.find(
    (v) => v.model === 'qwen2-vl' && v.grid.join() === '1,4,6' && v.theta === 10000,
  );
  const [row, col] = seen.vision.angles.split(',').map(Number);
  const pairs = table.shape[1];
  assert.equal(seen.vision.patch, '20');
  assert.ok(Math.abs(row - table.angles[20 * pairs + 1]) < 1e-6 * Math.abs(row));
  assert.ok(Math.abs(col - table.angles[20 * pairs + pairs / 2 + 1]) < 1e-6 * Math.abs(col));
  assert.deepEqual(problems, []);
});

test('multimodal: where the 2026 rewrite differs, with its delta; Qwen2.5-VL counts whole seconds', async () => {
  const { page: p, problems } = await openSection();
  const video = MROPE.positionIds.find((c) => c.model === 'qwen2-vl' && c.name.startsWith('video at 2 fps'));
  const seen = await set(p, { model: 'qwen2-vl', segments: spelled(video.segments), token: '19' });
  const differ = video.positionIds[0].filter((_, i) =>
    [0, 1, 2].some((a) => video.positionIds[a][i] !== video.latest.positionIds[a][i]),
  ).length;
  assert.equal(Number(seen.rewrite.differs), differ);
  assert.ok(differ > 0);
  assert.match(
    seen.rewriteText,
    new RegExp(`ropeDelta ${video.latest.ropeDelta} instead of ${video.ropeDelta}`),
  );
  assert.deepEqual(
    [seen.readout.t, seen.readout.h, seen.readout.w].map(Number),
    video.positionIds.map((r) => r[19]),
  );
  // The seconds chart: 8 grid steps at 0.5 s all at one time id; at 1.5 s, one second's 2 ids a step
  // (the reference's video at 4 fps has every frame at t = 3 in mrope_reference.json).
  const fourFps = MROPE.positionIds.find(
    (c) => c.model === 'qwen2.5-vl' && c.name.startsWith('video at 4 fps'),
  );
  const frameTimes = new Set(fourFps.positionIds[0].slice(3, 3 + 16));
  assert.equal(frameTimes.size, 1);
  const seconds = await p.evaluate(() => ({
    .../** @type {HTMLElement} */ (document.querySelector('.mm-seconds-note')).dataset,
  }));
  assert.equal(seconds.half, '0,0,0,0,0,0,0,0');
  assert.equal(seconds.onehalf, '0,2,4,6,8,10,12,14');
  assert.deepEqual(problems, []);
});

test('multimodal: each axis gets the wavelengths of the pairs the apply functions give it; FLUX restarts per axis', async () => {
  const { page: p, problems } = await openSection();
  const ranges = JSON.parse(await p.getAttribute('.mm-pairs-note', 'data-ranges'));
  // [16, 24, 24] chunked at θ 10^6 (Qwen2-VL), [24, 20, 20] interleaved at 5·10^6 (Qwen3-VL).
  const layouts = [
    { section: [16, 24, 24], interleaved: false, theta: 1e6 },
    { section: [24, 20, 20], interleaved: true, theta: 5e6 },
  ];
  layouts.forEach((l, n) => {
    const axes = MROPE.axes.find(
      (a) =>
        a.headDim === 128 && a.interleaved === l.interleaved && a.mropeSection.join() === l.section.join(),
    ).axes;
    for (let axis = 0; axis < 3; axis++) {
      const own = [];
      for (let k = 0; k < 64; k++) if (axes[k] === axis) own.push(2 * Math.PI * l.theta ** ((2 * k) / 128));
      const expected = [Math.min(...own), Math.max(...own)];
      ranges[n][axis].forEach((v, e) =>
        assert.ok(Math.abs(v / expected[e] - 1) < 1e-5, `${n} ${axis}: ${v}`),
      );
    }
  });
  assert.match(
    await p.textContent('.mm-pairs-note'),
    /only the fastest rotations \(6\.3–160\), h the middle \(199–28,500\) and w only the slowest \(35,300–5,060,000\)/,
  );
  // FLUX (axes [16, 56, 56], θ 10^4): each axis's longest wavelength 2π·θ^((d − 2)/d).
  const longest = (await p.getAttribute('.mm-flux-note', 'data-longest')).split(',').map(Number);
  [16, 56, 56].forEach((d, k) => {
    const expected = 2 * Math.PI * 1e4 ** ((d - 2) / d);
    assert.ok(Math.abs(longest[k] / expected - 1) < 1e-5, `axis ${k}: ${longest[k]} vs ${expected}`);
  });
  // q·k: chunked, w (the slowest pairs) hardly moves 8 patches apart while t swings.
  const at8 = (await p.getAttribute('.mm-scores-note', 'data-at8')).split(',').map(Number);
  assert.ok(at8[2] > 0.95 && at8[0] < 0.5, at8.join());
  assert.deepEqual(problems, []);
});

test('multimodal: a figure loads its own engine and its Chinese text, and draws at 360 px', async () => {
  const hash = '#view=multimodal&lang=zh&model=qwen3-vl&segments=text:2,image:1x4x4,text:2&token=4';
  const {
    page: p,
    problems,
    context,
  } = await openPage(suite.browser, suite.server.url + 'embed.html' + hash, {
    viewport: { width: 360, height: 740 },
    reducedMotion: 'reduce',
  });
  await p.waitForFunction(() => document.getElementById('figure')?.dataset.ready === 'true');
  await finished(p);
  const seen = await p.evaluate(() => {
    const root = /** @type {ShadowRoot} */ (document.getElementById('figure')?.shadowRoot);
    const readout = /** @type {HTMLElement} */ (root.querySelector('.mm-readout'));
    const drawn = [...root.querySelectorAll('canvas')].map((c) => c.width > 0 && c.height > 0);
    const wide = [...root.querySelectorAll('canvas')].some((c) => c.getBoundingClientRect().right > 361);
    return { title: root.querySelector('h2')?.textContent, readout: { ...readout.dataset }, drawn, wide };
  });
  const requested = await p.evaluate(() =>
    performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname.split('/').pop()),
  );
  assert.equal(seen.title, '多模态 RoPE：每个词元三个位置编号');
  // Qwen3-VL, text 2, <vision_start> at 2, a 2 x 2 merged grid from 3: token 4 is row 0, column 1.
  assert.deepEqual([seen.readout.t, seen.readout.h, seen.readout.w], ['3', '3', '4']);
  assert.ok(seen.drawn.every(Boolean), String(seen.drawn));
  assert.equal(seen.wide, false);
  assert.ok(
    requested.some((f) => /^pe-explorer-engine-mrope/.test(f ?? '')),
    requested.join(' '),
  );
  assert.ok(requested.includes('pe-explorer-view-multimodal-zh.js'), requested.join(' '));
  assert.ok(!requested.includes('pe-explorer-view-multimodal-en.js'));
  assert.deepEqual(problems, []);
  await context.close();
});
