// View 2: periodicity across dimensions. Curves of the picked dimensions over positions, wavelength by
// dimension on a log scale, and one pair's sin and cos as the same wave a quarter period apart.
import { fitCanvas, formatNumber, theme, ticks, widthOf } from '../../canvas.js';
import { plotAxes, tracePath, waveAxes } from '../../plot.js';
import { dimsOf, ENCODING_KEYS, encodingOf } from '../../state.js';

export class PeriodicityView {
  constructor(root, pe, store, t) {
    this.t = t;
    this.pe = pe;
    this.store = store;
    this.root = root;
    this.curves = root.querySelector('canvas.curves');
    this.cursor = root.querySelector('canvas.curves-cursor'); // redrawn alone when only the position moves
    this.wavelengths = root.querySelector('canvas.wavelengths');
    this.quarter = root.querySelector('canvas.quarter');
    this.legend = root.querySelector('.legend');
    this.quarterNote = root.querySelector('.quarter-note');
    this.hoverPos = null;
    this.cursor.addEventListener('pointermove', (e) => {
      const g = this.curveGeo;
      if (!g || e.offsetX < g.left || e.offsetX > g.right) return;
      const state = this.store.get();
      this.hoverPos = Math.round(((e.offsetX - g.left) / (g.right - g.left)) * (state.n - 1));
      this.drawCursor(state);
    });
    this.cursor.addEventListener('pointerleave', () => {
      this.hoverPos = null;
      this.drawCursor(this.store.get());
    });
  }

  destroy() {
    clearTimeout(this.textTimer);
  }

  update(state, changed) {
    const keys = [...ENCODING_KEYS, 'dims', 'theme', 'size'];
    const full = !changed || keys.some((k) => changed.has(k));
    if (full) {
      this.columns = this.pe.columns(encodingOf(state), dimsOf(state));
      this.info = this.pe.dimensions(encodingOf(state));
      this.drawWavelengths(state);
      this.drawQuarter(state);
      this.drawLegend(state);
    }
    if (full) this.drawCurves(state);
    if (full || changed.has('pos')) this.drawCursor(state);
  }

  drawLegend(state) {
    const t = theme(this.curves);
    this.legend.replaceChildren(
      ...dimsOf(state).map((dim, c) => {
        const li = document.createElement('li');
        const swatch = document.createElement('span');
        swatch.className = 'swatch';
        swatch.style.background = t.series[c % 8];
        const pair = this.info.pair[dim];
        const label =
          pair < 0
            ? this.t('periodicity.legendZero', { dim })
            : this.t('periodicity.legendItem', {
                dim,
                pair,
                wave: this.info.wave[dim],
                lambda: formatNumber(this.info.wavelength[dim], 5),
              });
        li.append(swatch, document.createTextNode(label));
        return li;
      }),
    );
  }

  drawCurves(state) {
    const t = theme(this.curves);
    const width = widthOf(this.curves.parentElement);
    const height = Math.round(Math.min(340, Math.max(200, width * 0.42)));
    const { ctx } = fitCanvas(this.curves, width, height);
    this.curveSize = { width, height };
    const g = (this.curveGeo = { left: 44, right: width - 10, top: 10, bottom: height - 40 });
    const xOf = (p) => g.left + (p / Math.max(1, state.n - 1)) * (g.right - g.left);
    const yOf = (v) => g.top + ((1 - v) / 2) * (g.bottom - g.top);
    waveAxes(ctx, t, g, {
      last: state.n - 1,
      count: Math.floor(width / 80),
      values: [-1, -0.5, 0, 0.5, 1],
      valueLabel: this.t('axis.value'),
      positionLabel: this.t('axis.position'),
    });
    const dims = dimsOf(state);
    ctx.lineWidth = 1.6;
    dims.forEach((dim, c) => {
      ctx.strokeStyle = t.series[c % 8];
      ctx.setLineDash(c >= 8 ? [5, 3] : []);
      ctx.beginPath();
      const values = this.columns.subarray(c * state.n, (c + 1) * state.n);
      const perPixel = state.n / (g.right - g.left);
      if (perPixel > 2) {
        // Many positions per pixel: a filled band from each pixel column's min to its max, so no peak
        // is lost and the rasteriser gets one polygon instead of thousands of segments.
        const columns = Math.floor(g.right - g.left);
        const lows = new Float32Array(columns);
        for (let x = 0; x < columns; x++) {
          const a = Math.floor(x * perPixel);
          const b = Math.min(state.n, Math.floor((x + 1) * perPixel) + 1);
          let lo = Infinity;
          let hi = -Infinity;
          for (let p = a; p < b; p++) {
            lo = Math.min(lo, values[p]);
            hi = Math.max(hi, values[p]);
          }
          lows[x] = lo;
          if (x) ctx.lineTo(g.left + x, yOf(hi) - 0.75);
          else ctx.moveTo(g.left, yOf(hi) - 0.75);
        }
        for (let x = columns - 1; x >= 0; x--) ctx.lineTo(g.left + x, yOf(lows[x]) + 0.75);
        ctx.closePath();
        ctx.fillStyle = t.series[c % 8];
        ctx.fill();
      } else {
        tracePath(ctx, values, xOf, yOf);
        ctx.stroke();
      }
    });
    ctx.setLineDash([]);
    this.curves.setAttribute(
      'aria-label',
      this.t('periodicity.ariaCurves', { dims: dims.join(', '), last: state.n - 1 }),
    );
  }

  // The cursor lines on their own canvas: a position change redraws only this.
  drawCursor(state) {
    const t = theme(this.curves);
    const g = this.curveGeo;
    const { ctx } = fitCanvas(this.cursor, this.curveSize.width, this.curveSize.height);
    const xOf = (p) => g.left + (p / Math.max(1, state.n - 1)) * (g.right - g.left);
    // The cursor: the current (animated) position, and the hovered one.
    for (const [p, colour] of [
      [state.pos, t.fg],
      [this.hoverPos, t.accent],
    ]) {
      if (p === null) continue;
      ctx.strokeStyle = colour;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(xOf(p), g.top);
      ctx.lineTo(xOf(p), g.bottom);
      ctx.stroke();
    }
    ctx.fillStyle = t.fg;
    ctx.font = t.font;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    const shown = this.hoverPos ?? state.pos;
    ctx.fillText(
      this.t('periodicity.cursor', { pos: shown }),
      Math.min(xOf(shown) + 4, g.right - 80),
      g.top + 2,
    );
    this.cursor.dataset.position = String(state.pos);
  }

  drawWavelengths(state) {
    const t = theme(this.curves);
    const width = widthOf(this.wavelengths.parentElement);
    const height = 260;
    const { ctx } = fitCanvas(this.wavelengths, width, height);
    const g = { left: 56, right: width - 12, top: 12, bottom: height - 40 };
    const lambda = this.info.wavelength;
    const finite = Array.from(lambda).filter(Number.isFinite);
    const lo = Math.log10(Math.min(...finite, state.n) / 2);
    const hi = Math.log10(Math.max(...finite, state.n)) + Math.log10(3); // × 3 overflows near 1e308
    const xOf = (j) => g.left + (j / Math.max(1, state.d - 1)) * (g.right - g.left);
    const yOf = (w) => g.bottom - ((Math.log10(w) - lo) / (hi - lo)) * (g.bottom - g.top);
    const decades = [];
    const every = Math.max(1, Math.ceil((hi - lo) / 8)); // a base near 1e308 spans 300 decades
    for (let e = Math.ceil(lo); e <= Math.floor(hi); e += every) decades.push(e);
    plotAxes(ctx, t, g, {
      y: {
        start: lo,
        end: hi,
        values: decades,
        format: (e) => (e === 0 ? '1' : `10${superscript(e)}`),
        label: this.t('axis.wavelength'),
      },
      x: {
        start: 0,
        end: state.d - 1,
        values: ticks(0, state.d - 1, Math.floor(width / 80)).filter(Number.isInteger),
        label: this.t('axis.dimension'),
      },
    });
    // The current length: pairs above this line do not finish one turn within the sequence.
    ctx.strokeStyle = t.fg;
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    ctx.moveTo(g.left, yOf(state.n));
    ctx.lineTo(g.right, yOf(state.n));
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = t.fg;
    ctx.font = t.font;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'bottom';
    ctx.fillText(this.t('periodicity.length', { n: state.n }), g.left + 4, yOf(state.n) - 2);
    ctx.fillStyle = t.muted;
    for (let j = 0; j < state.d; j++) {
      if (!Number.isFinite(lambda[j])) continue;
      ctx.fillRect(xOf(j) - 1, yOf(lambda[j]) - 1, 2, 2);
    }
    dimsOf(state).forEach((dim, c) => {
      if (!Number.isFinite(lambda[dim])) return;
      ctx.fillStyle = t.series[c % 8];
      ctx.beginPath();
      ctx.arc(xOf(dim), yOf(lambda[dim]), 5, 0, 2 * Math.PI);
      ctx.fill();
      ctx.strokeStyle = t.bg;
      ctx.stroke();
    });
    this.wavelengths.setAttribute(
      'aria-label',
      this.t('periodicity.ariaWavelengths', {
        min: formatNumber(Math.min(...finite)),
        max: formatNumber(Math.max(...finite)),
        n: state.n,
      }),
    );
  }

  // sin and cos of one pair: the same wave, the cos curve a quarter wavelength ahead.
  drawQuarter(state) {
    const t = theme(this.curves);
    const dims = dimsOf(state);
    const pair = Math.max(0, this.info.pair[dims.find((j) => this.info.pair[j] > 0) ?? dims[0]]);
    const sinDim = this.info.pair.findIndex((p, j) => p === pair && this.info.wave[j] === 'sin');
    const cosDim = this.info.pair.findIndex((p, j) => p === pair && this.info.wave[j] === 'cos');
    const width = widthOf(this.quarter.parentElement);
    const height = 200;
    const { ctx } = fitCanvas(this.quarter, width, height);
    // No pair (d_model = 1): no chart (emptied, for its PNG), and the note says why.
    const none = sinDim < 0 || cosDim < 0;
    this.quarter.hidden = none;
    if (none) {
      this.quarterNote.textContent = this.t('periodicity.noPair');
      this.quarter.removeAttribute('aria-label');
      return;
    }
    const lambda = this.info.wavelength[sinDim];
    const span = Math.min(this.pe.limits.maxPositions, Math.max(16, Math.ceil(2 * lambda) + 1));
    // Sample at integer positions spread over two wavelengths (more than 4096 would be wasted pixels,
    // and samples × d_model stay within the engine's matrix cap: 2,048 at d_model = 8192).
    const positions = Math.min(span, 4096, Math.floor(this.pe.limits.maxElements / state.d));
    const step = span / positions;
    const options = { ...encodingOf(state), positions, start: 0 };
    let values;
    if (step <= 1) {
      values = this.pe.columns(options, [sinDim, cosDim]);
    } else {
      // One position at a time, the two columns only (a whole vector each was 3 s at d_model = 8192).
      values = new Float32Array(2 * positions);
      for (let p = 0; p < positions; p++) {
        const at = { ...options, positions: 1, start: Math.round(p * step) };
        const [sin, cos] = this.pe.columns(at, [sinDim, cosDim]);
        values[p] = sin;
        values[positions + p] = cos;
      }
    }
    const g = { left: 44, right: width - 10, top: 14, bottom: height - 40 };
    const xOf = (p) => g.left + (p / (positions - 1)) * (g.right - g.left);
    const yOf = (v) => g.top + ((1 - v) / 2) * (g.bottom - g.top);
    const maxPos = Math.round((positions - 1) * Math.max(step, 1));
    waveAxes(ctx, t, g, {
      last: maxPos,
      count: Math.floor(width / 90),
      format: (v) => formatNumber(v),
      positionLabel: this.t('axis.position'),
    });
    for (const [offset, colour, dash] of [
      [0, t.sin, []],
      [positions, t.cos, [6, 3]],
    ]) {
      ctx.strokeStyle = colour;
      ctx.lineWidth = 2;
      ctx.setLineDash(dash);
      ctx.beginPath();
      tracePath(ctx, values.subarray(offset, offset + positions), xOf, yOf);
      ctx.stroke();
    }
    ctx.setLineDash([]);
    // Arrow from the cos peak (position 0) to the sin peak (a quarter wavelength later).
    const quarterX = xOf(lambda / 4 / Math.max(step, 1));
    ctx.strokeStyle = t.fg;
    ctx.fillStyle = t.fg;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(xOf(0), yOf(1) - 6);
    ctx.lineTo(quarterX, yOf(1) - 6);
    ctx.stroke();
    ctx.font = t.font;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'bottom';
    ctx.fillText(`λ/4 = ${formatNumber(lambda / 4)}`, Math.min(quarterX + 4, g.right - 90), yOf(1) - 1);
    this.quarterNote.textContent = this.t('periodicity.quarterNote', {
      pair,
      sin: sinDim,
      cos: cosDim,
      omega: formatNumber(this.info.omega[sinDim], 5),
      lambda: formatNumber(lambda, 6),
      quarter: formatNumber(lambda / 4, 5),
    });
    // A wavelength beyond half a million positions: the chart stops at the engine's last row.
    if (span < 2 * lambda)
      this.quarterNote.textContent += ' ' + this.t('periodicity.quarterPart', { last: maxPos });
    this.quarter.setAttribute('aria-label', this.quarterNote.textContent);
  }
}

function superscript(n) {
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return String(n)
    .replace('-', '⁻')
    .replace(/\d/g, (d) => digits[d]);
}
