// RoPE: q and k rotated inside attention. Shows which dimensions pair in each convention (and the
// permutation a weight port needs), each pair as a clock, q·k against distance at two absolute
// positions (the curves coincide), and the long-term decay for q = k = 1.
import { fitCanvas, formatNumber, grouped, theme, widthOf } from '../../canvas.js';
import { legend, lineChart, oneFigure, readInteger, SchemeView } from '../common.js';

const FAR = 1000; // the second absolute position of the invariance figure
const MAX_DISTANCE = 64; // distances in the invariance figure
const DECAY_DISTANCE = 2048;

function markup(t) {
  return `
    <div class="text">
      <h2 id="rope-title">${t('title')}</h2>
      ${t('bodyHtml')}
      <div class="scheme-controls">
        <label class="inline-label">${t('headDim')}
          <select name="rope-head-dim"><option>32</option><option selected>64</option><option>128</option></select></label>
        <label class="inline-label">${t('rotary')}
          <select name="rope-rotary-dim"></select></label>
        <label class="inline-label">${t('theta')}
          <select name="rope-theta"><option selected>10000</option><option>500000</option><option>1000000</option></select></label>
        <label class="inline-label">${t('pairing')}
          <select name="rope-pairing"></select></label>
        <div class="field inline">
          <label for="rope-position">${t('position')}</label>
          <input id="rope-position" name="rope-position" type="number" inputmode="numeric" value="10" min="0" step="1" aria-describedby="rope-position-error" />
          <p class="error" id="rope-position-error" aria-live="polite"></p>
        </div>
      </div>
    </div>
    <div class="figure">
      <h3>${t('pairsTitle')}</h3>
      <canvas class="rope-pairs" role="img" aria-label="${t('pairsTitle')}"></canvas>
      <p class="rope-permute note"></p>
      <h3>${t('clocksTitle')}</h3>
      <canvas class="rope-clocks" role="img" aria-label="${t('clocksTitle')}"></canvas>
      <p class="rope-clocks-note note"></p>
      <h3>${t('scoresTitle')}</h3>
      <canvas class="rope-scores" role="img" aria-label="${t('scoresTitle')}"></canvas>
      <p class="legend rope-scores-legend"></p>
      <p class="rope-scores-note note" aria-live="polite"></p>
      <h3>${t('decayTitle')}</h3>
      <canvas class="rope-decay" role="img" aria-label="${t('decayTitle')}"></canvas>
      <p class="rope-decay-note note"></p>
      <h3>${t('tableTitle')}</h3>
      <label class="inline-label">${t('tablePositions')}
        <select name="rope-table-positions"><option value="4096">4,096</option><option value="65536">65,536</option><option value="1000000" selected>1,000,000</option></select></label>
      <canvas class="rope-table" role="img" aria-label="${t('tableTitle')}"></canvas>
      <p class="rope-table-note note"></p>
    </div>`;
}

class RopeView extends SchemeView {
  // The figure's settings (SchemeView): ranges, types and choices from the engine's pe.schemes.rope.
  static table = 'rope';
  static settings = [
    { option: 'headDim', control: 'rope-head-dim' },
    { option: 'rotaryDim', control: 'rope-rotary-dim' },
    { option: 'theta', control: 'rope-theta' },
    { option: 'pairing', control: 'rope-pairing' },
    { name: 'position', option: 'start', control: 'rope-position' },
    { name: 'table-positions', option: 'positions', control: 'rope-table-positions' },
  ];

  constructor(root, pe, t, onError) {
    super(root, pe, t, onError);
    this.position = root.querySelector('#rope-position');
    this.positionError = root.querySelector('#rope-position-error');
    // The pairings the engine knows, its default first selected.
    const { choices, default: pairing } = pe.schemes.rope.parameters.find((p) => p.name === 'pairing');
    this.value('pairing').append(
      ...choices.map((c) => new Option(t(`${c}Name`), c, c === pairing, c === pairing)),
    );
    this.draw();
  }

  value(name) {
    return this.root.querySelector(`[name="rope-${name}"]`);
  }

  /** The rotated dimensions offered follow the head: all of it, half, a quarter (the same share kept
   *  when the head changes). */
  limits() {
    const head = Number(this.value('head-dim').value);
    const rotary = this.value('rotary-dim');
    if (rotary.dataset.head === String(head)) return;
    const index = rotary.selectedIndex;
    rotary.replaceChildren(
      ...[1, 0.5, 0.25].map((share, n) => {
        const dims = Math.max(2, Math.floor((head * share) / 2) * 2);
        return new Option(`${dims} (${share * 100} %)`, dims, n === 0, n === index);
      }),
    );
    rotary.dataset.head = String(head);
  }

  options() {
    this.limits();
    const number = (name) => Number(this.value(name).value);
    return {
      headDim: number('head-dim'),
      rotaryDim: number('rotary-dim'),
      theta: number('theta'),
      pairing: this.value('pairing').value,
    };
  }

  /** event: the control that changed (SchemeView passes it): the position and the table's length
   *  redraw only their own figures, so dragging through positions stays within a frame. */
  render(event) {
    if (event?.type === 'change' && event.target?.tagName === 'SELECT') return; // input came first
    const only = event?.target?.name;
    const o = this.options();
    if (only === 'rope-table-positions') return this.drawTable(o);
    const param = this.pe.schemes.rope.parameters.find((p) => p.name === 'start');
    const read = readInteger(this.position, { ...param, name: 'position' });
    this.positionError.textContent = read.error ? this.t.error(read.error) : '';
    this.position.toggleAttribute('aria-invalid', !!read.error);
    const m = read.error ? 10 : read.value;
    if (only === 'rope-position') return this.drawClocks(o, m);
    this.drawPairs(o);
    this.drawClocks(o, m);
    this.drawScores(o);
    this.drawDecay(o);
    this.drawTable(o);
  }

  drawTable(o) {
    const canvas = this.root.querySelector('canvas.rope-table');
    const width = Math.max(240, widthOf(canvas.parentElement));
    const height = 240;
    const { ctx, dpr } = fitCanvas(canvas, width, height);
    const positions = Number(this.root.querySelector('[name="rope-table-positions"]').value);
    const px = Math.max(1, Math.round(width * dpr));
    const py = Math.max(1, Math.round(height * dpr));
    const rgba = this.pe.renderRopeTable({ ...o, positions }, { width: px, height: py, part: 'cos' });
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.putImageData(new ImageData(rgba, px, py), 0, 0);
    ctx.restore();
    const note = this.root.querySelector('.rope-table-note');
    note.textContent = this.t('tableNote', {
      last: grouped(positions - 1),
      rotary: o.rotaryDim,
      per: formatNumber(positions / py, 3),
    });
    note.dataset.positions = String(positions);
  }

  drawPairs({ headDim, rotaryDim, pairing: chosen }) {
    const canvas = this.root.querySelector('canvas.rope-pairs');
    const c = theme(canvas);
    const width = Math.max(240, widthOf(canvas.parentElement));
    // Drawn for a 16-dimensional head with the same rotated fraction: the pattern, readable at any width.
    const shown = 16;
    const cell = Math.min(36, (width - 8) / shown);
    const rowH = 26;
    const height = 2 * (rowH + 22) + 4;
    const { ctx } = fitCanvas(canvas, width, height);
    const r = Math.max(2, Math.round((shown * rotaryDim) / headDim / 2) * 2);
    const pairOf = (pairing, j) => {
      if (j >= r) return -1; // not rotated (partial rotary)
      return pairing === 'half' ? j % (r / 2) : Math.floor(j / 2);
    };
    ctx.font = c.font;
    ['half', 'interleaved'].forEach((pairing, row) => {
      const y = row * (rowH + 22) + 16;
      ctx.fillStyle = pairing === chosen ? c.fg : c.muted; // the pairing of the q·k figure
      ctx.textAlign = 'left';
      ctx.fillText(this.t(pairing), 2, y - 4);
      for (let j = 0; j < shown; j++) {
        const pair = pairOf(pairing, j);
        ctx.fillStyle = pair < 0 ? c.grid : c.series[pair % c.series.length];
        ctx.fillRect(2 + j * cell, y, cell - 2, rowH);
        ctx.fillStyle = c.bg;
        ctx.textAlign = 'center';
        if (cell > 18 && pair >= 0)
          ctx.fillText(String(pair), 2 + j * cell + (cell - 2) / 2, y + rowH / 2 + 4);
      }
    });
    const h = rotaryDim / 2;
    const port =
      rotaryDim < headDim
        ? this.t('permute', { h, r: rotaryDim, last: headDim - 1 })
        : this.t('permuteFull', { h });
    this.root.querySelector('.rope-permute').textContent = `${this.t('who')} ${this.t('shown')} ${port}`;
  }

  drawClocks({ headDim, rotaryDim, theta }, m) {
    const canvas = this.root.querySelector('canvas.rope-clocks');
    const c = theme(canvas);
    const { invFreq } = this.pe.ropeFrequencies({ headDim, rotaryDim, theta });
    const count = Math.min(8, invFreq.length);
    const width = Math.max(240, widthOf(canvas.parentElement));
    const per = Math.min(80, Math.floor(width / Math.min(count, width < 420 ? 4 : 8)));
    const rows = Math.ceil((count * per) / width);
    const height = rows * (per + 16);
    const { ctx } = fitCanvas(canvas, width, height);
    const perRow = Math.floor(width / per);
    ctx.font = c.font;
    for (let i = 0; i < count; i++) {
      const cx = (i % perRow) * per + per / 2;
      const cy = Math.floor(i / perRow) * (per + 16) + per / 2;
      const radius = per / 2 - 6;
      ctx.strokeStyle = c.grid;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.arc(cx, cy, radius, 0, 2 * Math.PI);
      ctx.stroke();
      const hand = (angle, color, w) => {
        ctx.strokeStyle = color;
        ctx.lineWidth = w;
        ctx.beginPath();
        ctx.moveTo(cx, cy);
        ctx.lineTo(cx + radius * Math.cos(angle), cy - radius * Math.sin(angle));
        ctx.stroke();
      };
      hand((m - 3) * invFreq[i], c.muted, 2);
      hand(m * invFreq[i], c.series[i % c.series.length], 2.5);
      ctx.fillStyle = c.muted;
      ctx.textAlign = 'center';
      ctx.fillText(`i = ${i}`, cx, cy + per / 2 + 8);
    }
    this.root.querySelector('.rope-clocks-note').textContent = this.t('clocksNote', { count: count - 1, m });
  }

  // A fixed example q and k (not random: the same figure for every reader).
  example(headDim) {
    const q = new Float32Array(headDim);
    const k = new Float32Array(headDim);
    for (let j = 0; j < headDim; j++) {
      q[j] = Math.cos(0.37 * j + 0.2) + 0.3;
      k[j] = Math.sin(0.11 * j + 1) + 0.3;
    }
    return { q, k };
  }

  drawScores(o) {
    const { q, k } = this.example(o.headDim);
    // Rotated by the engine: key at p, query at p + d, for p = 0 and p = FAR; dot products here.
    const curve = (p) => {
      const rows = MAX_DISTANCE + 1;
      const queries = new Float32Array(rows * o.headDim);
      for (let r = 0; r < rows; r++) queries.set(q, r * o.headDim);
      const rq = this.pe.ropeApply(queries, { ...o, start: p });
      const rk = this.pe.ropeApply(k, { ...o, start: p });
      const out = new Float64Array(rows);
      for (let r = 0; r < rows; r++) {
        let sum = 0;
        for (let j = 0; j < o.headDim; j++) sum += rq[r * o.headDim + j] * rk[j];
        out[r] = sum;
      }
      return out;
    };
    const a = curve(0);
    const b = curve(FAR);
    let diff = 0;
    for (let i = 0; i < a.length; i++) diff = Math.max(diff, Math.abs(a[i] - b[i]));
    const check = this.pe.ropeScores(q, k, { ...o, maxDistance: MAX_DISTANCE }).invarianceError;
    const x = Float64Array.from({ length: a.length }, (_, i) => i);
    const canvas = this.root.querySelector('canvas.rope-scores');
    const c = theme(canvas);
    lineChart(
      canvas,
      [
        { x, y: a, color: c.accent, width: 3, label: this.t('at0') },
        { x, y: b, color: c.cos, dash: [5, 4], width: 1.5, label: this.t('atP', { p: FAR }) },
      ],
      { xLabel: this.t('distance'), yLabel: this.t('score') },
    );
    legend(this.root.querySelector('.rope-scores-legend'), [
      { color: c.accent, label: this.t('at0') },
      { color: c.cos, label: this.t('atP', { p: FAR }), dash: true },
    ]);
    const note = this.root.querySelector('.rope-scores-note');
    note.textContent = this.t('scoresNote', {
      p: FAR,
      diff: formatNumber(diff, 2),
      check: formatNumber(check, 2),
    });
    note.dataset.diff = String(diff);
  }

  drawDecay(o) {
    const ones = new Float32Array(o.headDim).fill(1);
    const { scores } = this.pe.ropeScores(ones, ones, { ...o, maxDistance: DECAY_DISTANCE });
    const y = Float64Array.from(scores, (s) => s / o.headDim);
    const x = Float64Array.from({ length: y.length }, (_, i) => i);
    const canvas = this.root.querySelector('canvas.rope-decay');
    lineChart(canvas, [{ x, y, color: theme(canvas).accent }], {
      xLabel: this.t('distance'),
      yLabel: 'q·k / d',
      yRange: [-0.2, 1],
    });
    this.root.querySelector('.rope-decay-note').textContent = this.t('decayNote');
  }
}

export default oneFigure({ name: 'rope', order: 10, engine: ['rope'], markup, View: RopeView });
