// Multimodal RoPE (cpp/schemes/mrope/ and cpp/schemes/axial/: pe.mropePositionIds, pe.mropeAxes,
// pe.visionRopeAngles, pe.axialRopeAngles): a Qwen-VL prompt's (t, h, w) position ids, token by token
// and on the image's patch grid, with the delta a decoder adds after it and where the 2026 rewrite of
// get_rope_index differs; which rotary pairs carry each axis (chunks against interleaved) and their
// wavelengths; q·k along each axis; the vision tower's 2-D angles per patch; FLUX's axial spectrum
// beside the 1-D one; and Qwen2.5-VL's whole seconds. Every number drawn comes from the engine; the
// view lays the prompt out only to know which token is which (a test checks it against the engine's).
// Its text is en.js / zh.js beside it, its styles styles.css (README, "Adding a scheme").
import { fitCanvas, formatNumber, grouped, theme, widthOf } from '../../canvas.js';
import { legend, lineChart, SchemeView } from '../common.js';

// The models' published config.json (Qwen/Qwen2-VL-7B-Instruct, Qwen/Qwen2.5-VL-7B-Instruct,
// Qwen/Qwen3-VL-8B-Instruct): the language model's head (hidden_size / num_attention_heads, or
// head_dim), rope_theta and mrope_section (Qwen3-VL: mrope_interleaved), and the vision tower's head
// (vision_config.hidden_size / num_heads; its VisionRotaryEmbedding uses θ 10000).
const MODELS = {
  'qwen2-vl': {
    label: 'Qwen2-VL',
    headDim: 128,
    theta: 1e6,
    section: [16, 24, 24],
    interleaved: false,
    visionHead: 80,
  },
  'qwen2.5-vl': {
    label: 'Qwen2.5-VL',
    headDim: 128,
    theta: 1e6,
    section: [16, 24, 24],
    interleaved: false,
    visionHead: 80,
  },
  'qwen3-vl': {
    label: 'Qwen3-VL',
    headDim: 128,
    theta: 5e6,
    section: [24, 20, 20],
    interleaved: true,
    visionHead: 72,
  },
};
const VISION_THETA = 10000;
// FLUX.1's EmbedND (black-forest-labs/flux, src/flux/model.py: axes_dim [16, 56, 56], theta 10000).
const FLUX = { axesDim: [16, 56, 56], theta: 10000 };
// Prompts to start from, in pe-export's spelling (the `segments` setting).
const PROMPTS = [
  'text:4,image:1x12x16,text:3,video:4x8x8:1:2,text:3',
  'text:3,image:1x4x6,text:4',
  'text:2,image:1x4x6,text:3,image:1x8x2,text:2',
  'image:1x6x4,text:3',
  'text:1,image:1x6x10,text:2',
  'text:2,video:4x4x4:0.5:3,text:3',
  'text:2,video:6x4x4:1:2,text:6',
];
const AXES = ['t', 'h', 'w'];
const SPELLING =
  'text:N, image:TxHxW or video:TxHxW[:seconds per grid step[:timestamp tokens]], comma-separated';

/** The setting's text as the API's segments ([{ text }, { image }, { video, secondPerGridT,
 *  timestampTokens }]); a misspelt item is refused naming `segments`. The engine checks the values. */
export function parseSegments(text) {
  return text
    .split(',')
    .filter((item, i, all) => item.trim() !== '' || all.length === 1)
    .map((item) => {
      const m = /^\s*(text|image|video):([^:]+)(?::([^:]+))?(?::([^:]+))?\s*$/.exec(item);
      const grid = m && m[1] !== 'text' ? m[2].split('x').map(Number) : null;
      const numbers = m && [m[3], m[4]].filter((v) => v !== undefined).map(Number);
      const bad =
        !m ||
        (m[1] === 'text' && (m[3] !== undefined || !/^\s*-?[\d.]+\s*$/.test(m[2]))) ||
        (m[1] === 'image' && m[3] !== undefined) ||
        (grid && (grid.length !== 3 || grid.some(isNaN))) ||
        numbers.some(isNaN);
      if (bad) {
        throw Object.assign(new Error(`segments must be ${SPELLING}; got "${item}"`), {
          kind: 'not_array',
          parameter: 'segments',
          args: { expected: SPELLING, got: `"${item}"` },
        });
      }
      if (m[1] === 'text') return { text: Number(m[2]) };
      if (m[1] === 'image') return { image: grid };
      const video = { video: grid };
      if (m[3] !== undefined) video.secondPerGridT = Number(m[3]);
      if (m[4] !== undefined) video.timestampTokens = Number(m[4]);
      return video;
    });
}

/** Which token is which, as the processor lays the prompt out (the engine's ids say where each goes):
 *  kind[i] 0 text, 1 <|vision_start|>, 2 image pad, 3 video pad, 4 <|vision_end|>, 5 timestamp text;
 *  segment[i] its segment; for a pad its frame and merged row and column. */
export function layout(segments, model, merge) {
  const kind = [];
  const segment = [];
  const cell = []; // [frame, row, column] of a pad, else null
  const push = (k, s, c = null) => {
    kind.push(k);
    segment.push(s);
    cell.push(c);
  };
  const frame = (s, pad, f, h, w) => {
    for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) push(pad, s, [f, r, c]);
  };
  segments.forEach((seg, s) => {
    if (seg.text !== undefined) {
      for (let i = 0; i < seg.text; i++) push(0, s);
      return;
    }
    const [t, h, w] = seg.image || seg.video;
    const pad = seg.image ? 2 : 3;
    if (seg.video && model === 'qwen3-vl') {
      for (let f = 0; f < t; f++) {
        for (let i = 0; i < (seg.timestampTokens || 0); i++) push(5, s);
        push(1, s);
        frame(s, pad, f, h / merge, w / merge);
        push(4, s);
      }
      return;
    }
    push(1, s);
    for (let f = 0; f < t; f++) frame(s, pad, f, h / merge, w / merge);
    push(4, s);
  });
  return { kind, segment, cell };
}

function markup(t) {
  const models = Object.entries(MODELS)
    .map(([v, m]) => `<option value="${v}"${v === 'qwen2.5-vl' ? ' selected' : ''}>${m.label}</option>`)
    .join('');
  const prompts = PROMPTS.map((p) => `<option value="${p}">${p}</option>`).join('');
  const canvas = (name, title) =>
    `<h3>${t(title)}</h3><canvas class="mm-${name}" role="img" aria-label="${t(title)}"></canvas>`;
  return `
    <div class="text">
      <h2 id="multimodal-title">${t('title')}</h2>
      ${t('bodyHtml')}
      <div class="scheme-controls">
        <label class="inline-label">${t('model')}
          <select name="multimodal-model">${models}</select></label>
        <label class="inline-label mm-prompt">${t('prompt')}
          <input type="text" name="multimodal-segments" value="${PROMPTS[0]}" list="multimodal-prompts"
            spellcheck="false" autocomplete="off" /></label>
        <datalist id="multimodal-prompts">${prompts}</datalist>
        <label class="inline-label">${t('token')}
          <input type="range" name="multimodal-token" min="0" max="137" value="40" /></label>
      </div>
    </div>
    <div class="figure">
      ${canvas('ids', 'idsTitle')}
      <p class="mm-legend legend"></p>
      <p class="mm-readout readout" aria-live="polite"></p>
      <p class="mm-rewrite note"></p>
      ${canvas('grid', 'gridTitle')}
      <p class="mm-grid-note note"></p>
      ${canvas('seconds', 'secondsTitle')}
      <p class="mm-seconds-legend legend"></p>
      <p class="mm-seconds-note note"></p>
      ${canvas('pairs', 'pairsTitle')}
      <p class="mm-pairs-note note"></p>
      ${canvas('scores', 'scoresTitle')}
      <p class="mm-scores-legend legend"></p>
      <p class="mm-scores-note note"></p>
      ${canvas('vision', 'visionTitle')}
      <p class="mm-vision-note note"></p>
      ${canvas('flux', 'fluxTitle')}
      <p class="mm-flux-legend legend"></p>
      <p class="mm-flux-note note"></p>
    </div>`;
}

const wavelength = (frequency) => (2 * Math.PI) / frequency;

class MultimodalView extends SchemeView {
  // The figure's settings (SchemeView): the engine's pe.schemes.mrope options `model` and `segments`
  // (pe-export's spelling of the prompt), and the token the readout, the grid and the vision table follow.
  static table = 'mrope';
  static settings = [
    { option: 'model', control: 'multimodal-model' },
    {
      option: 'segments',
      control: 'multimodal-segments',
      check: (pe, text) => pe.mropePositionIds(parseSegments(text)),
    },
    { name: 'token', control: 'multimodal-token', upTo: 'tokens − 1' },
  ];

  constructor(root, pe, t, onError) {
    super(root, pe, t, onError);
    this.draw();
  }

  value(name) {
    return this.root.querySelector(`[name="multimodal-${name}"]`).value;
  }

  /** The prompt: its segments, layout, ids in both revisions (the engine's), and the model's facts. */
  prompt() {
    const model = this.value('model');
    const text = this.value('segments');
    const key = `${model}|${text}`;
    if (this.cached?.key === key) return this.cached;
    const segments = parseSegments(text);
    const ids = this.pe.mropePositionIds(segments, { model });
    const rewrite = this.pe.mropePositionIds(segments, { model, revision: '2026' });
    const merge = this.pe.schemes.mrope.parameters.find((p) => p.name === 'spatialMergeSize').default;
    const tokens = ids.positionIds.length / 3;
    this.cached = {
      key,
      model,
      segments,
      ids,
      rewrite,
      merge,
      tokens,
      layout: layout(segments, model, merge),
    };
    return this.cached;
  }

  /** The token slider reaches the prompt's last token. */
  limits() {
    const slider = this.root.querySelector('[name="multimodal-token"]');
    try {
      slider.max = String(Math.max(0, this.prompt().tokens - 1));
    } catch {
      // a prompt the engine refuses: the slider keeps its range (apply falls the prompt back)
    }
    return Number(slider.max);
  }

  render(event) {
    const p = this.prompt();
    const most = this.limits();
    const token = Math.min(Number(this.value('token')), most);
    const c = theme(this.root.querySelector('canvas.mm-ids'));
    const onlyToken = event?.target?.name === 'multimodal-token';
    this.drawIds(p, token, c);
    this.drawGrid(p, token, c);
    this.drawVision(p, token, c);
    if (onlyToken) return;
    this.drawSeconds(p, c);
    this.drawPairs(p, c);
    this.drawScores(p, c);
    this.drawFlux(c);
  }

  /** The kinds of the tokens as a strip, and their t, h and w ids against the token index (every
   *  pixel column the smallest and largest id of its tokens); the chosen token marked. */
  drawIds(p, token, c) {
    const canvas = this.root.querySelector('canvas.mm-ids');
    const { tokens, ids, rewrite, layout: lay } = p;
    const width = Math.max(240, widthOf(canvas.parentElement));
    const height = 260;
    const { ctx } = fitCanvas(canvas, width, height);
    const plot = { left: 52, right: width - 12, top: 30, bottom: height - 46 };
    const n = Math.max(1, tokens);
    const sx = (i) => plot.left + ((i + 0.5) / n) * (plot.right - plot.left);
    let top = 0;
    for (let i = 0; i < ids.positionIds.length; i++) top = Math.max(top, ids.positionIds[i]);
    for (let i = 0; i < rewrite.positionIds.length; i++) top = Math.max(top, rewrite.positionIds[i]);
    const sy = (v) => plot.bottom - (v / Math.max(1, top)) * (plot.bottom - plot.top);
    const kindColour = [c.muted, c.fg, c.series[0], c.series[3], c.fg, c.series[5]];
    // The strip: one colour per kind, a pixel column at least per token.
    const columns = Math.max(1, Math.floor(plot.right - plot.left));
    for (let x = 0; x < columns; x++) {
      const i = Math.min(n - 1, Math.floor((x / columns) * n));
      if (i >= tokens) break;
      ctx.fillStyle = kindColour[lay.kind[i]];
      ctx.fillRect(plot.left + x, 8, 1, 14);
    }
    // Axes: ids on the left, token index below.
    ctx.strokeStyle = c.grid;
    ctx.fillStyle = c.muted;
    ctx.font = c.font;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const v of [0, Math.round(top / 2), top]) {
      ctx.beginPath();
      ctx.moveTo(plot.left, sy(v));
      ctx.lineTo(plot.right, sy(v));
      ctx.stroke();
      ctx.fillText(grouped(v), plot.left - 4, sy(v));
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const v of [0, Math.floor((n - 1) / 2), n - 1]) ctx.fillText(grouped(v), sx(v), plot.bottom + 4);
    ctx.textAlign = 'right';
    ctx.fillText(this.t('tokenAxis'), plot.right, plot.bottom + 18);
    ctx.textAlign = 'left';
    ctx.fillText(this.t('idAxis'), plot.left + 4, plot.top + 2);
    // The 2026 rewrite's ids where they differ, as grey bands behind; then the three rows.
    const differs = [];
    for (let i = 0; i < tokens; i++) {
      if (AXES.some((_, a) => ids.positionIds[a * tokens + i] !== rewrite.positionIds[a * tokens + i]))
        differs.push(i);
    }
    ctx.globalAlpha = 0.25;
    ctx.fillStyle = c.error;
    for (const i of differs)
      ctx.fillRect(sx(i - 0.5), plot.bottom + 1, Math.max(1, sx(i + 0.5) - sx(i - 0.5)), 3);
    ctx.globalAlpha = 1;
    const rows = [
      { data: rewrite.positionIds, dash: [3, 3], colours: [c.muted, c.muted, c.muted], width: 1 },
      { data: ids.positionIds, dash: [], colours: [c.series[0], c.series[1], c.series[2]], width: 1.5 },
    ];
    for (const row of differs.length ? rows : rows.slice(1)) {
      for (let a = 2; a >= 0; a--) {
        ctx.save();
        ctx.strokeStyle = row.colours[a];
        ctx.lineWidth = row.width;
        ctx.setLineDash(row.dash);
        ctx.beginPath();
        this.idPath(ctx, row.data.subarray(a * tokens, (a + 1) * tokens), sx, sy, columns, plot.left);
        ctx.stroke();
        ctx.restore();
      }
    }
    // The chosen token.
    ctx.strokeStyle = c.fg;
    ctx.setLineDash([2, 2]);
    ctx.beginPath();
    ctx.moveTo(sx(token), 4);
    ctx.lineTo(sx(token), plot.bottom);
    ctx.stroke();
    ctx.setLineDash([]);
    legend(this.root.querySelector('.mm-legend'), [
      ...AXES.map((a, k) => ({ color: c.series[k], label: this.t(`axis_${a}`) })),
      ...(differs.length ? [{ color: c.muted, label: this.t('rewriteKey'), dash: true }] : []),
      { color: c.muted, label: this.t('kindText') },
      { color: c.fg, label: `${this.t('kindStart')} ${this.t('kindEnd')}` },
      { color: c.series[0], label: this.t('kindImage') },
      { color: c.series[3], label: this.t('kindVideo') },
      ...(lay.kind.includes(5) ? [{ color: c.series[5], label: this.t('kindStamp') }] : []),
    ]);
    this.readout(p, token, differs);
  }

  /** One path through a row of ids: a step per token, or per pixel column its smallest and largest. */
  idPath(ctx, row, sx, sy, columns, left) {
    const n = row.length;
    if (n <= columns) {
      for (let i = 0; i < n; i++) {
        if (i) ctx.lineTo(sx(i - 0.5), sy(row[i]));
        else ctx.moveTo(sx(-0.5), sy(row[0]));
        ctx.lineTo(sx(i + 0.5), sy(row[i]));
      }
      return;
    }
    for (let x = 0; x < columns; x++) {
      const from = Math.floor((x / columns) * n);
      const to = Math.max(from + 1, Math.floor(((x + 1) / columns) * n));
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = from; i < to; i++) {
        lo = Math.min(lo, row[i]);
        hi = Math.max(hi, row[i]);
      }
      if (x) ctx.lineTo(left + x, sy(lo));
      else ctx.moveTo(left, sy(lo));
      ctx.lineTo(left + x + 0.5, sy(hi));
    }
  }

  readout(p, token, differs) {
    const { tokens, ids, rewrite, layout: lay, model } = p;
    const out = this.root.querySelector('.mm-readout');
    const at = (data, a) => data[a * tokens + token];
    const kinds = ['kindText', 'kindStart', 'kindImage', 'kindVideo', 'kindEnd', 'kindStamp'];
    const values = {
      token: grouped(token),
      tokens: grouped(tokens),
      kind: tokens ? this.t(kinds[lay.kind[token]]) : '',
      segment: tokens ? lay.segment[token] + 1 : 0,
      t: tokens ? at(ids.positionIds, 0) : 0,
      h: tokens ? at(ids.positionIds, 1) : 0,
      w: tokens ? at(ids.positionIds, 2) : 0,
      delta: grouped(ids.ropeDelta),
      next: grouped(tokens + ids.ropeDelta),
    };
    const cell = tokens ? lay.cell[token] : null;
    let text = tokens ? this.t('readout', values) : this.t('empty');
    if (cell) text += this.t('readoutCell', { frame: cell[0] + 1, row: cell[1], col: cell[2] });
    out.textContent = text + ' ' + this.t('delta', values);
    Object.assign(out.dataset, {
      token: String(token),
      t: String(values.t),
      h: String(values.h),
      w: String(values.w),
      delta: String(ids.ropeDelta),
      tokens: String(tokens),
    });
    // Where the February 2026 rewrite of get_rope_index differs.
    const note = this.root.querySelector('.mm-rewrite');
    note.classList.toggle('warning', differs.length > 0);
    note.dataset.differs = String(differs.length);
    if (!differs.length) {
      note.textContent = this.t('rewriteSame');
      return;
    }
    const first = differs[0];
    const ids3 = (data) => AXES.map((_, a) => data[a * tokens + first]).join(', ');
    note.textContent = this.t('rewriteDiffers', {
      count: grouped(differs.length),
      first: grouped(first),
      served: ids3(ids.positionIds),
      rewritten: ids3(rewrite.positionIds),
      delta: grouped(rewrite.ropeDelta),
      servedDelta: grouped(ids.ropeDelta),
    });
    if (model === 'qwen2.5-vl' && p.segments.some((s) => s.image && s.image[0] > 1))
      note.textContent += ' ' + this.t('rewriteImageFrames');
  }

  /** The chosen token's image (or video frame), or else the prompt's first: its patches before
   *  merging, the merge blocks outlined, each block's (h, w) ids, the chosen token's block filled. */
  drawGrid(p, token, c) {
    const canvas = this.root.querySelector('canvas.mm-grid');
    const note = this.root.querySelector('.mm-grid-note');
    const { layout: lay, segments, ids, tokens, merge } = p;
    const width = Math.max(240, widthOf(canvas.parentElement));
    const own = tokens && lay.cell[token] ? token : lay.cell.findIndex((x) => x);
    if (own < 0) {
      fitCanvas(canvas, width, 24);
      note.textContent = this.t('gridNone');
      delete note.dataset.block;
      return;
    }
    const s = lay.segment[own];
    const frameOf = lay.cell[own][0];
    const [, h, w] = segments[s].image || segments[s].video;
    // The frame's first token: the ids of every block follow from its row-major order.
    const first = lay.cell.findIndex((x, i) => x && lay.segment[i] === s && x[0] === frameOf);
    const label = 40;
    const cellSize = Math.max(2, Math.min(28, Math.floor((width - label - 8) / w), Math.floor(360 / h)));
    const height = label + h * cellSize + 8;
    const { ctx } = fitCanvas(canvas, Math.max(label + w * cellSize + 8, 240), height);
    ctx.font = c.font;
    const x0 = label;
    const y0 = label;
    const mh = h / merge;
    const mw = w / merge;
    const blockPx = merge * cellSize;
    for (let r = 0; r < mh; r++) {
      for (let col = 0; col < mw; col++) {
        const i = first + r * mw + col;
        const chosen = i === own;
        ctx.fillStyle = chosen ? c.accent : (r + col) % 2 ? c.grid : c.bg;
        ctx.fillRect(x0 + col * blockPx, y0 + r * blockPx, blockPx, blockPx);
      }
    }
    // Patches (thin) and merge blocks (thick): lines every `step` pixels across the grid.
    const lines = (step, colour, width) => {
      ctx.strokeStyle = colour;
      ctx.lineWidth = width;
      ctx.beginPath();
      for (let y = 0; y <= h * cellSize + 0.5; y += step) {
        ctx.moveTo(x0, y0 + y);
        ctx.lineTo(x0 + w * cellSize, y0 + y);
      }
      for (let x = 0; x <= w * cellSize + 0.5; x += step) {
        ctx.moveTo(x0 + x, y0);
        ctx.lineTo(x0 + x, y0 + h * cellSize);
      }
      ctx.stroke();
    };
    if (cellSize >= 4) lines(cellSize, c.muted, 0.5);
    lines(blockPx, c.fg, 1.5);
    ctx.lineWidth = 1;
    // The h ids down the left, the w ids along the top (the engine's, of the frame's tokens).
    ctx.fillStyle = c.muted;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'right';
    const every = Math.max(1, Math.ceil(16 / blockPx));
    for (let r = 0; r < mh; r += every)
      ctx.fillText(String(ids.positionIds[tokens + first + r * mw]), x0 - 4, y0 + (r + 0.5) * blockPx);
    ctx.textAlign = 'center';
    const across = Math.max(1, Math.ceil(30 / blockPx));
    for (let col = 0; col < mw; col += across)
      ctx.fillText(String(ids.positionIds[2 * tokens + first + col]), x0 + (col + 0.5) * blockPx, y0 - 10);
    ctx.textAlign = 'left';
    ctx.fillText(`h ↓  w →`, 2, 10);
    // The chosen block's patches, numbered in the vision tower's order (merge-block order).
    const cell = lay.cell[own];
    const block = cell[1] * mw + cell[2];
    const patchBase = (cell[0] * mh * mw + block) * merge * merge;
    if (lay.cell[token] && cellSize >= 26) {
      ctx.fillStyle = c.bg;
      ctx.textAlign = 'center';
      for (let k = 0; k < merge * merge; k++) {
        const px = x0 + (cell[2] * merge + (k % merge) + 0.5) * cellSize;
        const py = y0 + (cell[1] * merge + Math.floor(k / merge) + 0.5) * cellSize;
        ctx.fillText(String(patchBase + k), px, py);
      }
    }
    note.textContent = this.t('gridNote', {
      segment: s + 1,
      frame: frameOf + 1,
      h,
      w,
      mh,
      mw,
      merge,
      tokens: grouped(mh * mw),
      t: ids.positionIds[first],
      first: grouped(patchBase),
      last: grouped(patchBase + merge * merge - 1),
    });
    note.dataset.block = `${cell[1]},${cell[2]}`;
    note.dataset.patches = `${patchBase}-${patchBase + merge * merge - 1}`;
  }

  /** Qwen2.5-VL's time ids against the frames' time in seconds, for a video of 8 grid steps at
   *  0.5, 1, 1.5 and 2 s per step (tokens_per_second 2): the engine's ids, read off each frame. */
  drawSeconds(p, c) {
    const canvas = this.root.querySelector('canvas.mm-seconds');
    const steps = [0.5, 1, 1.5, 2];
    const frames = 8;
    const series = steps.map((seconds, k) => {
      const got = this.pe.mropePositionIds([{ video: [frames, 2, 2], secondPerGridT: seconds }], {
        model: 'qwen2.5-vl',
      });
      const x = [];
      const y = [];
      for (let f = 0; f < frames; f++) {
        x.push(f * seconds);
        y.push(got.positionIds[1 + f] - got.positionIds[1]); // frame f's single merged token
      }
      // 1 s and 2 s lie on the same line (2 ids a second): 1 s drawn wider, under it.
      return { x, y, color: c.series[k], width: seconds === 1 ? 6 : 2, label: `${seconds} s` };
    });
    const ideal = {
      x: [0, 14],
      y: [0, 28],
      color: c.muted,
      dash: [4, 3],
      width: 1,
      label: this.t('perSecond'),
    };
    lineChart(canvas, [ideal, ...series], {
      height: 200,
      xLabel: this.t('secondsAxis'),
      yLabel: this.t('timeIdAxis'),
    });
    legend(this.root.querySelector('.mm-seconds-legend'), [...series, ideal]);
    const half = series[0].y;
    const note = this.root.querySelector('.mm-seconds-note');
    note.textContent = this.t('secondsNote', { ids: half.join(', '), onehalf: series[2].y.join(', ') });
    note.dataset.half = half.join(',');
    note.dataset.onehalf = series[2].y.join(',');
    const own = p.model === 'qwen2.5-vl' ? p.segments.filter((s) => s.video && s.secondPerGridT % 1) : [];
    if (own.length)
      note.textContent +=
        ' ' + this.t('secondsYours', { seconds: own.map((s) => s.secondPerGridT).join(', ') });
  }

  /** The pairs of each layout (pe.mropeAxes) as cells coloured by axis, and every pair's wavelength
   *  (its frequency from pe.axialRopeAngles of one axis: θ^(−2k/d), the same table), per axis a band
   *  from its shortest to its longest wavelength. */
  drawPairs(p, c) {
    const canvas = this.root.querySelector('canvas.mm-pairs');
    const layouts = [
      { model: 'qwen2-vl', label: this.t('chunks') },
      { model: 'qwen3-vl', label: this.t('interleaved') },
    ].map((l) => {
      const m = MODELS[l.model];
      const axes = this.pe.mropeAxes({
        headDim: m.headDim,
        mropeSection: m.section,
        interleaved: m.interleaved,
      });
      const frequencies = this.pe.axialRopeAngles({ axesDim: [m.headDim], theta: m.theta }, [1]);
      const ranges = AXES.map((_, a) => {
        const own = Array.from(frequencies)
          .filter((_, k) => axes[k] === a)
          .map(wavelength);
        return [Math.min(...own), Math.max(...own)];
      });
      return { ...l, m, axes, frequencies, ranges, chosen: MODELS[p.model].interleaved === m.interleaved };
    });
    const width = Math.max(240, widthOf(canvas.parentElement));
    const rowHeight = 96;
    const { ctx } = fitCanvas(canvas, width, layouts.length * rowHeight + 26);
    const left = 28;
    const right = width - 10;
    const pairs = layouts[0].m.headDim / 2;
    const cellW = (right - left) / pairs;
    const lo = Math.log10(2 * Math.PI);
    const hi = Math.ceil(Math.log10(Math.max(...layouts.flatMap((l) => l.ranges.map((r) => r[1])))));
    const sx = (v) => left + ((Math.log10(v) - lo) / (hi - lo)) * (right - left);
    ctx.font = c.font;
    layouts.forEach((l, n) => {
      const y = n * rowHeight;
      ctx.fillStyle = l.chosen ? c.fg : c.muted;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'top';
      ctx.fillText(`${l.label}${l.chosen ? ' ◀' : ''}`, left, y + 2);
      for (let k = 0; k < pairs; k++) {
        ctx.fillStyle = c.series[l.axes[k]];
        ctx.fillRect(left + k * cellW, y + 18, Math.max(1, cellW - 1), 14);
      }
      // Per axis: its wavelengths as ticks on a log scale, and the band they span.
      AXES.forEach((a, k) => {
        const by = y + 40 + k * 16;
        ctx.fillStyle = c.series[k];
        ctx.textAlign = 'right';
        ctx.textBaseline = 'middle';
        ctx.fillText(a, left - 6, by + 5);
        ctx.globalAlpha = 0.25;
        ctx.fillRect(sx(l.ranges[k][0]), by, Math.max(2, sx(l.ranges[k][1]) - sx(l.ranges[k][0])), 10);
        ctx.globalAlpha = 1;
        for (let q = 0; q < pairs; q++) {
          if (l.axes[q] !== k) continue;
          ctx.fillRect(sx(wavelength(l.frequencies[q])) - 0.5, by, 1, 10);
        }
      });
    });
    // The wavelength scale under both: decades.
    const y = layouts.length * rowHeight;
    ctx.fillStyle = c.muted;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (let e = 1; e <= hi; e++) {
      ctx.textAlign = e === hi ? 'right' : 'center'; // the last decade ends the scale
      ctx.fillText(e >= 4 ? `1e${e}` : String(10 ** e), Math.min(sx(10 ** e), right), y + 2);
    }
    ctx.textAlign = 'right';
    ctx.fillText(this.t('wavelengthAxis'), right, y + 14);
    const note = this.root.querySelector('.mm-pairs-note');
    // Three significant digits (6.3, 199, 28,500, 5,060,000).
    const three = (v) => grouped(Number(v.toPrecision(3)), v < 10 ? 1 : 0);
    const range = (r) => `${three(r[0])}–${three(r[1])}`;
    note.textContent = this.t('pairsNote', {
      ct: range(layouts[0].ranges[0]),
      ch: range(layouts[0].ranges[1]),
      cw: range(layouts[0].ranges[2]),
      it: range(layouts[1].ranges[0]),
      ih: range(layouts[1].ranges[1]),
      iw: range(layouts[1].ranges[2]),
    });
    note.dataset.ranges = JSON.stringify(
      layouts.map((l) => l.ranges.map((r) => r.map((v) => +v.toPrecision(6)))),
    );
  }

  /** q·k along each axis for the chosen model: q = k = all ones, the key moved Δ along one axis only,
   *  so the score is the sum over that axis's pairs of cos(Δ·f_k), here their mean (1 at Δ = 0). */
  drawScores(p, c) {
    const canvas = this.root.querySelector('canvas.mm-scores');
    const m = MODELS[p.model];
    const axes = this.pe.mropeAxes({
      headDim: m.headDim,
      mropeSection: m.section,
      interleaved: m.interleaved,
    });
    const frequencies = this.pe.axialRopeAngles({ axesDim: [m.headDim], theta: m.theta }, [1]);
    const reach = 96;
    const x = Array.from({ length: 4 * reach + 1 }, (_, i) => i / 4);
    const series = AXES.map((a, k) => {
      const own = Array.from(frequencies).filter((_, q) => axes[q] === k);
      const y = x.map((d) => own.reduce((sum, f) => sum + Math.cos(d * f), 0) / own.length);
      return { x, y, color: c.series[k], width: 2, label: this.t(`axis_${a}`) };
    });
    lineChart(canvas, series, {
      height: 220,
      xLabel: this.t('offsetAxis'),
      yLabel: this.t('scoreAxis'),
      yRange: [-0.4, 1],
    });
    legend(this.root.querySelector('.mm-scores-legend'), series);
    const at = (k, d) => series[k].y[d * 4];
    const note = this.root.querySelector('.mm-scores-note');
    const values = {
      model: m.label,
      d: 8,
      t: formatNumber(at(0, 8), 2),
      h: formatNumber(at(1, 8), 2),
      w: formatNumber(at(2, 8), 2),
    };
    note.textContent = this.t(m.interleaved ? 'scoresInterleaved' : 'scoresChunks', values);
    note.dataset.at8 = [0, 1, 2].map((k) => at(k, 8).toFixed(6)).join(',');
  }

  /** rot_pos_emb's angles for one frame of `grid` and their cos as an image, one pixel per patch and
   *  pair (blue +1, orange −1): made once per model and grid, as the token moves only the outline. */
  visionTable(m, grid, merge, c) {
    const key = `${m.visionHead}|${grid}|${merge}|${c.sin}|${c.cos}|${c.bg}`;
    if (this.vision?.key === key) return this.vision;
    const angles = this.pe.visionRopeAngles({
      headDim: m.visionHead,
      theta: VISION_THETA,
      grid,
      spatialMergeSize: merge,
    });
    const pairs = m.visionHead / 2;
    const patches = angles.length / pairs;
    const table = this.root.ownerDocument.createElement('canvas');
    table.width = pairs;
    table.height = patches;
    const ctx = table.getContext('2d');
    const rgb = (css) => {
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      return ctx.getImageData(0, 0, 1, 1).data.slice(0, 3);
    };
    const [pos, neg, mid] = [rgb(c.sin), rgb(c.cos), rgb(c.bg)];
    const image = ctx.createImageData(pairs, patches);
    for (let i = 0; i < angles.length; i++) {
      const v = Math.cos(angles[i]);
      const to = v >= 0 ? pos : neg;
      for (let ch = 0; ch < 3; ch++) image.data[4 * i + ch] = mid[ch] + (to[ch] - mid[ch]) * Math.abs(v);
      image.data[4 * i + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
    this.vision = { key, angles, table };
    return this.vision;
  }

  /** The vision tower's rot_pos_emb table for the chosen token's image (or the first): a row per
   *  patch in merge-block order, a column per pair (the first half the patch's row × f_k, the
   *  second its column × f_k), coloured by cos(angle); the chosen token's patches outlined. */
  drawVision(p, token, c) {
    const canvas = this.root.querySelector('canvas.mm-vision');
    const note = this.root.querySelector('.mm-vision-note');
    const { layout: lay, segments, merge } = p;
    const m = MODELS[p.model];
    const width = Math.max(240, widthOf(canvas.parentElement));
    const own = lay.cell[token] ? token : lay.cell.findIndex((x) => x);
    const seg = own >= 0 ? segments[lay.segment[own]] : { image: [1, 8, 8] };
    const grid = [1, ...(seg.image || seg.video).slice(1)]; // one frame: the frames repeat it
    const patches = grid[1] * grid[2];
    const pairs = m.visionHead / 2;
    if (patches * pairs > this.pe.limits.maxAxialAngles || patches > 16384) {
      fitCanvas(canvas, width, 24);
      note.textContent = this.t('visionTooMany', { patches: grouped(patches) });
      return;
    }
    const { angles, table } = this.visionTable(m, grid, merge, c);
    const label = 44;
    const rowPx = patches <= 420 ? Math.max(1, Math.min(4, Math.floor(420 / patches))) : 420 / patches;
    const colPx = Math.max(2, Math.floor((width - label - 8) / pairs));
    const w = label + pairs * colPx + 4;
    const h = 22 + patches * rowPx + 8;
    const { ctx } = fitCanvas(canvas, Math.max(w, 240), h);
    // The table at one pixel a cell, scaled: cells stay sharp (many patches share a pixel row).
    ctx.imageSmoothingEnabled = patches > 420;
    ctx.drawImage(table, label, 22, pairs * colPx, patches * rowPx);
    ctx.font = c.font;
    ctx.fillStyle = c.muted;
    ctx.textBaseline = 'top';
    ctx.textAlign = 'center';
    ctx.fillText(this.t('visionRows'), label + (pairs * colPx) / 4, 4);
    ctx.fillText(this.t('visionCols'), label + (3 * pairs * colPx) / 4, 4);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.fillText('0', label - 4, 22 + rowPx / 2);
    ctx.fillText(grouped(patches - 1), label - 4, 22 + patches * rowPx - rowPx / 2);
    ctx.strokeStyle = c.fg;
    ctx.beginPath();
    ctx.moveTo(label + (pairs / 2) * colPx, 20);
    ctx.lineTo(label + (pairs / 2) * colPx, 22 + patches * rowPx);
    ctx.stroke();
    let first = -1;
    const cell = own >= 0 ? lay.cell[own] : null;
    if (cell && lay.cell[token]) {
      first = (cell[1] * (grid[2] / merge) + cell[2]) * merge * merge;
      ctx.strokeStyle = c.accent;
      ctx.lineWidth = 2;
      ctx.strokeRect(label - 2, 22 + first * rowPx - 1, pairs * colPx + 4, merge * merge * rowPx + 2);
      ctx.lineWidth = 1;
    }
    const rowOf = first >= 0 ? first : 0;
    note.textContent = this.t('visionNote', {
      model: m.label,
      head: m.visionHead,
      pairs,
      quarter: pairs / 2,
      patches: grouped(patches),
      h: grid[1],
      w: grid[2],
      merge,
      patch: rowOf,
      row: formatNumber(angles[rowOf * pairs + 1], 4),
      col: formatNumber(angles[rowOf * pairs + pairs / 2 + 1], 4),
    });
    note.dataset.patch = String(rowOf);
    note.dataset.angles = `${angles[rowOf * pairs + 1]},${angles[rowOf * pairs + pairs / 2 + 1]}`;
  }

  /** FLUX's axial spectrum (EmbedND, axes_dim [16, 56, 56]) beside 1-D RoPE of the same 128
   *  dimensions: each pair's wavelength, from pe.axialRopeAngles at id 1 on every axis. */
  drawFlux(c) {
    const canvas = this.root.querySelector('canvas.mm-flux');
    const total = FLUX.axesDim.reduce((a, b) => a + b, 0);
    const axial = this.pe.axialRopeAngles(FLUX, [1, 1, 1]);
    const flat = this.pe.axialRopeAngles({ axesDim: [total], theta: FLUX.theta }, [1]);
    const pairs = total / 2;
    const x = Array.from({ length: pairs }, (_, k) => k);
    const series = [
      {
        x,
        y: Array.from(flat, wavelength),
        color: c.muted,
        dash: [4, 3],
        width: 1.5,
        label: this.t('fluxFlat'),
      },
    ];
    let from = 0;
    FLUX.axesDim.forEach((d, k) => {
      const n = d / 2;
      series.push({
        x: x.slice(from, from + n),
        y: Array.from(axial.subarray(from, from + n), wavelength),
        color: c.series[k],
        width: 2,
        label: this.t(`fluxAxis${k}`, { d }),
      });
      from += n;
    });
    lineChart(canvas, series, {
      height: 220,
      xLabel: this.t('pairAxis'),
      yLabel: this.t('wavelengthAxis'),
      yLog: true,
    });
    legend(this.root.querySelector('.mm-flux-legend'), [...series.slice(1), series[0]]);
    const note = this.root.querySelector('.mm-flux-note');
    const longest = (k) => {
      const start = FLUX.axesDim.slice(0, k).reduce((a, b) => a + b, 0) / 2;
      return wavelength(axial[start + FLUX.axesDim[k] / 2 - 1]);
    };
    note.textContent = this.t('fluxNote', {
      axes: FLUX.axesDim.join(', '),
      first: grouped(Math.round(longest(0))),
      other: grouped(Math.round(longest(1))),
      flat: grouped(Math.round(wavelength(flat[pairs - 1]))),
    });
    note.dataset.longest = [0, 1, 2].map((k) => longest(k).toPrecision(6)).join(',');
  }
}

export default { name: 'multimodal', order: 27, engine: ['mrope', 'axial'], markup, View: MultimodalView };
