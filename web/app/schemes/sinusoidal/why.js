// View 7: why sin and cos. Distinct positions (the closest two vectors, measured), bounded values (next
// to the raw index), shift as rotation (see the relative view), the binary-counter analogy, and three
// common mistakes each beside the correct version.
import { fitCanvas, formatNumber, textUpdate, theme, ticks, widthOf } from '../../canvas.js';
import { plotAxes, traceColumns, waveAxes } from '../../plot.js';
import { ENCODING_KEYS, encodingOf } from '../../state.js';

const BINARY_ROWS = 16;
const BINARY_PAIRS = 5;

export class WhyView {
  constructor(root, pe, store, t) {
    this.t = t;
    this.pe = pe;
    this.store = store;
    this.unique = root.querySelector('.unique');
    this.bounded = root.querySelector('canvas.bounded');
    this.boundedNote = root.querySelector('.bounded-note');
    this.binary = root.querySelector('canvas.binary');
    this.binaryNote = root.querySelector('.binary-note');
    this.mistake = root.querySelector('canvas.mistake');
    this.ranges = root.querySelector('.mistake-ranges');
    this.learnedNote = root.querySelector('.mistake-learned');
    this.periodicNote = root.querySelector('.mistake-periodic');
    // The link into the relative-position view: scroll to it where it is shown (page or element);
    // where it is not (a figure of this view alone), the words stay but stop being a link.
    this.link = root.querySelector('a.to-relative');
    this.onLink = (event) => {
      event.preventDefault();
      root.getRootNode().querySelector('#view-relative')?.scrollIntoView({ behavior: 'smooth' });
    };
    if (this.link && !root.getRootNode().querySelector('#view-relative')) {
      this.link.replaceWith(...this.link.childNodes);
      this.link = null;
    }
    this.link?.addEventListener('click', this.onLink);
  }

  destroy() {
    clearTimeout(this.textTimer);
  }

  update(state, changed) {
    const keys = [...ENCODING_KEYS, 'map', 'theme', 'size', 'lang'];
    if (changed && !keys.some((k) => changed.has(k))) return;
    textUpdate(this, false, () => this.draw(this.store.get()));
  }

  draw(state) {
    const enc = encodingOf(state);
    this.info = this.pe.dimensions(enc);
    this.drawUnique(state, enc);
    this.drawBounded(state, enc);
    this.drawBinary(state, enc);
    this.drawMistake(state);
  }

  drawUnique(state, enc) {
    const t = this.t;
    if (state.n < 2) {
      this.unique.textContent = t('why.uniqueOne');
      this.closest = null; // nor for the periodicity note (drawMistake)
      return;
    }
    const closest = this.pe.closestPositions(enc);
    this.unique.dataset.distance = String(closest.distance);
    // d_model = 1 with a zero column: every vector is 0, and nothing here is true of it.
    this.closest = closest.distance > 0 ? closest : null;
    if (!this.closest) {
      this.unique.textContent = t('why.uniqueNone');
      return;
    }
    // A lone sine (odd d_model, extra_sine) adds sin² to the length: it varies.
    const h = Math.floor(state.d / 2);
    const length = (x) => formatNumber(Math.sqrt(x), 4);
    const lone = Array.prototype.includes.call(this.info.pair, h);
    this.unique.textContent = t('why.unique', {
      n: state.n,
      distance: formatNumber(closest.distance, 4),
      k: closest.offset,
      norm: lone ? `${length(h)} … ${length(h + 1)}` : length(h),
    });
  }

  // Left: the raw index grows without bound. Right: PE values of a few dimensions stay in [−1, 1].
  drawBounded(state, enc) {
    const t = this.t;
    const colours = theme(this.bounded);
    const width = widthOf(this.bounded.parentElement);
    const height = 200;
    const { ctx } = fitCanvas(this.bounded, width, height);
    const half = Math.floor(width / 2);
    const indexTicks = ticks(0, state.n - 1, 4).filter(Number.isInteger);
    ctx.font = colours.font;
    const widest = Math.max(...indexTicks.map((v) => ctx.measureText(String(v)).width)); // 1000000
    const left = {
      left: Math.max(52, Math.ceil(widest) + 12),
      right: half - 12,
      top: 10,
      bottom: height - 40,
    };
    const right = { left: half + 40, right: width - 10, top: 10, bottom: height - 40 };
    const n = state.n;
    plotAxes(ctx, colours, left, {
      y: { start: 0, end: n - 1, values: indexTicks },
      x: {
        start: 0,
        end: n - 1,
        values: ticks(0, n - 1, 3).filter(Number.isInteger),
        label: t('why.rawIndex'),
      },
    });
    ctx.strokeStyle = colours.accent;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(left.left, left.bottom);
    ctx.lineTo(left.right, left.top);
    ctx.stroke();
    const yOf = (v) => right.top + ((1 - v) / 2) * (right.bottom - right.top);
    waveAxes(ctx, colours, right, { last: n - 1, count: 3, positionLabel: t('why.peValues') });
    const dims = [...new Set([0, 1, Math.floor(state.d / 2), Math.max(0, state.d - 2)])].filter(
      (j) => j < state.d,
    );
    const columns = this.pe.columns(enc, dims);
    dims.forEach((dim, c) => {
      ctx.strokeStyle = colours.series[c % 8];
      ctx.lineWidth = 1.4;
      traceColumns(ctx, columns.subarray(c * n, (c + 1) * n), right, yOf);
    });
    this.boundedNote.textContent = t('why.boundedNote', { n: n - 1, dims: dims.join(', ') });
    this.bounded.setAttribute('aria-label', this.boundedNote.textContent);
  }

  // Binary digits of positions 0..15 (fast bit first) beside the sines of the fastest pairs.
  drawBinary(state, enc) {
    const t = this.t;
    const colours = theme(this.binary);
    const pairs = Math.min(BINARY_PAIRS, Math.floor(state.d / 2));
    const width = Math.min(widthOf(this.binary.parentElement), 560);
    const cell = Math.floor((width - 120) / (BINARY_PAIRS * 2 + 1));
    const height = 30 + BINARY_ROWS * 18 + 10;
    const { ctx } = fitCanvas(this.binary, width, height);
    ctx.font = colours.font;
    ctx.textBaseline = 'middle';
    const sinColumns = [];
    for (let i = 0; i < pairs; i++)
      sinColumns.push(this.info.pair.findIndex((p, j) => p === i && this.info.wave[j] === 'sin'));
    const values = pairs
      ? this.pe.columns({ ...enc, positions: BINARY_ROWS, start: 0 }, sinColumns)
      : new Float32Array(0);
    const rgba = pairs
      ? this.pe.colorize(values, { map: 'diverging', low: -1, high: 1 })
      : new Uint8ClampedArray(0);
    const x0 = 60;
    const x1 = x0 + (BINARY_PAIRS + 1) * cell;
    ctx.fillStyle = colours.fg;
    ctx.textAlign = 'center';
    ctx.fillText(t('why.bits'), x0 + (BINARY_PAIRS * cell) / 2, 10);
    ctx.fillText(t('why.sines'), x1 + (BINARY_PAIRS * cell) / 2, 10);
    for (let b = 0; b < BINARY_PAIRS; b++) {
      ctx.fillStyle = colours.muted;
      ctx.fillText(`2^${b}`, x0 + b * cell + cell / 2, 24);
      if (b < pairs) ctx.fillText(`i=${b}`, x1 + b * cell + cell / 2, 24);
    }
    for (let p = 0; p < BINARY_ROWS; p++) {
      const y = 32 + p * 18;
      ctx.fillStyle = colours.muted;
      ctx.textAlign = 'right';
      ctx.fillText(String(p), x0 - 8, y + 8);
      for (let b = 0; b < BINARY_PAIRS; b++) {
        ctx.fillStyle = (p >> b) & 1 ? colours.fg : colours.grid;
        ctx.fillRect(x0 + b * cell + 1, y, cell - 2, 16);
      }
      for (let i = 0; i < pairs; i++) {
        const k = 4 * (i * BINARY_ROWS + p);
        ctx.fillStyle = `rgb(${rgba[k]} ${rgba[k + 1]} ${rgba[k + 2]})`;
        ctx.fillRect(x1 + i * cell + 1, y, cell - 2, 16);
      }
    }
    const lambdas = sinColumns.map((j) => formatNumber(this.info.wavelength[j], 3)).join(', ');
    this.binaryNote.textContent = pairs ? t('why.binaryNote', { lambdas }) : t('periodicity.noPair');
    this.binary.setAttribute('aria-label', this.binaryNote.textContent);
  }

  // The doubled exponent next to the correct one: one dimension's curve, and both wavelength ranges.
  drawMistake(state) {
    const t = this.t;
    const colours = theme(this.mistake);
    const paper = {
      dModel: state.d,
      positions: state.n,
      base: state.base,
      layout: 'interleaved',
      frequencies: 'paper',
    };
    const right = this.pe.dimensions(paper).wavelength;
    const wrong = this.pe.wrongExponentWavelengths(paper);
    const finite = (list) => Array.from(list).filter(Number.isFinite);
    const [r0, r1] = [Math.min(...finite(right)), Math.max(...finite(right))];
    const [w0, w1] = [Math.min(...wrong), Math.max(...wrong)];
    const slow = (list) => Array.from(list).filter((w) => Number.isFinite(w) && w > 10 * state.n).length;
    // The sine whose correct wavelength is about half the length shown: it makes two turns over the
    // text, while with the doubled exponent the same dimension barely moves.
    const target = Math.log(Math.max(state.n / 2, 2 * Math.PI) / (2 * Math.PI)) / Math.log(state.base);
    const dim = Math.max(0, Math.min(state.d - 2, 2 * Math.round((target * state.d) / 2)));
    const width = widthOf(this.mistake.parentElement);
    const height = 200;
    const { ctx } = fitCanvas(this.mistake, width, height);
    const g = { left: 44, right: width - 10, top: 10, bottom: height - 40 };
    const n = state.n;
    const yOf = (v) => g.top + ((1 - v) / 2) * (g.bottom - g.top);
    waveAxes(ctx, colours, g, { last: n - 1, positionLabel: t('axis.position') });
    const curves = [
      [this.pe.columns(paper, [dim]), colours.sin, []],
      [this.pe.wrongExponentColumns(paper, [dim]), colours.error || colours.cos, [6, 4]],
    ];
    for (const [values, colour, dash] of curves) {
      ctx.strokeStyle = colour;
      ctx.lineWidth = 2;
      ctx.setLineDash(dash);
      traceColumns(ctx, values, g, yOf);
    }
    ctx.setLineDash([]);
    const fmt = (x) => formatNumber(x, 3);
    this.ranges.dataset.right = `${r0},${r1}`;
    this.ranges.dataset.wrong = `${w0},${w1}`;
    this.ranges.textContent = t('why.ranges', {
      dim,
      r0: fmt(r0),
      r1: fmt(r1),
      w0: fmt(w0),
      w1: fmt(w1),
      slowRight: slow(right),
      slowWrong: slow(wrong),
      d: state.d,
      ten: 10 * state.n,
    });
    this.mistake.setAttribute('aria-label', this.ranges.textContent);
    this.learnedNote.textContent = t('why.notLearned', { d: state.d, base: formatNumber(state.base) });
    const slowest = r1;
    this.periodicNote.textContent = this.closest
      ? t('why.notPeriodic', {
          n: state.n,
          distance: formatNumber(this.closest.distance, 4),
          k: this.closest.offset,
          slowest: fmt(slowest),
        })
      : '';
  }
}
