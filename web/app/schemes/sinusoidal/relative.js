// View 4: relative position. The Gram matrix PE(p)·PE(q), the dot product against the offset k, and for
// the chosen k the 2x2 rotation blocks R_k with a live check that R_k·PE(p) = PE(p+k).
import { fitCanvas, formatNumber, setText, textUpdate, theme, ticks, widthOf } from '../../canvas.js';
import { plotAxes, tracePath } from '../../plot.js';
import { ENCODING_KEYS, encodingOf } from '../../state.js';

export class RelativeView {
  constructor(root, pe, store, t) {
    this.t = t;
    this.pe = pe;
    this.store = store;
    this.gramCanvas = root.querySelector('canvas.gram');
    this.dotCanvas = root.querySelector('canvas.dots');
    this.gramNote = root.querySelector('.gram-note');
    this.dotsNote = root.querySelector('.dots-note');
    this.gramReadout = root.querySelector('.gram-readout');
    this.table = root.querySelector('table.rotation tbody');
    this.tableWrap = root.querySelector('.table-wrap');
    this.residual = root.querySelector('.residual');
    this.gramCanvas.addEventListener('pointermove', (e) => this.onGramHover(e));
    this.gramCanvas.addEventListener('pointerleave', () => (this.gramReadout.textContent = ''));
  }

  destroy() {
    clearTimeout(this.textTimer);
  }

  update(state, changed, reason = {}) {
    const keys = [...ENCODING_KEYS, 'theme', 'size'];
    const full = !changed || keys.some((k) => changed.has(k));
    if (full) {
      this.dims = this.pe.dimensions(encodingOf(state));
      this.dotsAt = null; // the curve is computed again (drawDots)
      this.drawGram(state);
    }
    if (full || changed.has('k')) this.drawDots(state);
    if (full || changed.has('k') || changed.has('pos')) {
      textUpdate(this, reason.animate, () => this.drawRotation(this.store.get()));
    }
  }

  // How many positions the Gram matrix shows: within the engine's caps (2048, m^2 x d <= 2^28), and
  // m^2 x d <= 2^26 here so that a change of d or n redraws in well under 0.1 s.
  gramSize(state) {
    const byWork = Math.floor(Math.sqrt(2 ** 26 / state.d));
    return Math.max(1, Math.min(state.n, this.pe.limits.maxGramPositions, byWork));
  }

  drawGram(state) {
    const t = theme(this.gramCanvas);
    const m = this.gramSize(state);
    const values = this.pe.gram({ ...encodingOf(state), positions: m });
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of values) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    const range = { last: m - 1, lo: formatNumber(lo), hi: formatNumber(hi) };
    if (!(hi > lo)) hi = lo + 1;
    const width = Math.min(widthOf(this.gramCanvas.parentElement), 420);
    const size = width - 60;
    const { ctx, dpr } = fitCanvas(this.gramCanvas, width, size + 44);
    const g = (this.gramGeo = { left: 52, top: 4, size, m });
    const px = Math.round(size * dpr);
    const pixels = this.pe.renderMatrix(values, m, m, {
      width: px,
      height: px,
      map: 'viridis',
      low: lo,
      high: hi,
    });
    ctx.putImageData(new ImageData(pixels, px, px), Math.round(g.left * dpr), Math.round(g.top * dpr));
    const tickValues = ticks(0, m - 1, 4).filter(Number.isInteger);
    const along = { start: 0, end: m - 1, values: tickValues, cells: true };
    const box = { left: g.left, right: g.left + size, top: g.top, bottom: g.top + size };
    plotAxes(ctx, t, box, {
      x: { ...along, label: 'q' },
      y: { ...along, label: 'p', down: true },
      yGrid: false,
    });
    // With no sin/cos pair (d_model = 1) the products do not depend on q − p alone: the note says
    // only what the picture shows, and the curve's note why there is no curve (drawDots).
    const h = Math.floor(state.d / 2);
    this.gramNote.textContent =
      this.t(h ? 'relative.gramNote' : 'relative.gramPlain', { ...range, h }) +
      (m < state.n ? ' ' + this.t('relative.gramPart', { m, n: state.n }) : '');
    this.gramCanvas.setAttribute('aria-label', this.gramNote.textContent);
    this.gram = { values, m };
  }

  onGramHover(e) {
    const g = this.gramGeo;
    if (!g || !this.gram) return;
    const p = Math.floor(((e.offsetY - g.top) / g.size) * g.m);
    const q = Math.floor(((e.offsetX - g.left) / g.size) * g.m);
    if (p < 0 || q < 0 || p >= g.m || q >= g.m) {
      this.gramReadout.textContent = '';
      return;
    }
    this.gramReadout.textContent = this.t('relative.gramReadout', {
      p,
      q,
      value: this.gram.values[p * g.m + q].toFixed(4),
      k: q - p,
    });
  }

  drawDots(state) {
    const t = theme(this.gramCanvas);
    const width = widthOf(this.dotCanvas.parentElement);
    const height = 220;
    const { ctx } = fitCanvas(this.dotCanvas, width, height);
    // No pair: PE(p)·PE(p+k) is not a function of k (the lone sine's term depends on p), no curve
    // (emptied, for its PNG).
    const none = state.d < 2;
    this.dotCanvas.hidden = none;
    if (none) {
      this.dotsNote.textContent = this.t('relative.noPair');
      return;
    }
    // The offsets shown: every k from −(n−1) to n−1, up to 4096 each way and within the engine's cap
    // (offsets × pairs <= pe.limits.maxDotWork: 2,047 offsets at d_model = 8192); past that, as many
    // as allowed, around 0 or, for a k outside them, around k. The curve does not depend on the
    // chosen k: it is computed again only for another encoding or window.
    const last = state.n - 1;
    const K = Math.min(last, 4096, (this.pe.limits.maxDotWork / Math.floor(state.d / 2) - 1) >> 1);
    const first = Math.abs(state.k) <= K ? -K : Math.max(-last, Math.min(last - 2 * K, state.k - K));
    const end = first + 2 * K;
    if (this.dotsAt !== `${first} ${end}`) {
      this.dotsByK = this.pe.dotByOffset(encodingOf(state), first, 2 * K + 1);
      this.dotsAt = `${first} ${end}`;
    }
    const dots = this.dotsByK;
    const minus = (x) => String(x).replace('-', '−'); // as the note's −{last}
    this.dotsNote.textContent =
      K < last ? this.t('relative.dotsPart', { from: minus(first), to: minus(end), last }) : '';
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of dots) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    lo = Math.min(lo, 0);
    // Room left of the plot for the widest value (4,096 at d_model = 8192) beside the axis title.
    const format = (v) => formatNumber(v, 3);
    const values = ticks(lo, hi, 4);
    ctx.font = t.font;
    const widest = Math.max(...values.map((v) => ctx.measureText(format(v)).width));
    const g = { left: Math.max(48, Math.ceil(widest) + 30), right: width - 10, top: 10, bottom: height - 40 };
    const xOf = (k) => g.left + ((k - first) / Math.max(1, 2 * K)) * (g.right - g.left);
    const yOf = (v) => g.bottom - ((v - lo) / (hi - lo || 1)) * (g.bottom - g.top);
    plotAxes(ctx, t, g, {
      y: { start: lo, end: hi, values, format, label: 'PE(p)·PE(p+k)' },
      x: {
        start: first,
        end,
        values: ticks(first, end, Math.floor(width / 80)).filter(Number.isInteger),
        label: this.t('axis.offset'),
      },
    });
    ctx.strokeStyle = t.accent;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    tracePath(ctx, dots, (n) => xOf(first + n), yOf);
    ctx.stroke();
    const at = dots[state.k - first];
    const right = xOf(state.k) > (g.left + g.right) / 2;
    ctx.fillStyle = t.fg;
    ctx.beginPath();
    ctx.arc(xOf(state.k), yOf(at), 4, 0, 2 * Math.PI);
    ctx.fill();
    ctx.font = t.font;
    ctx.textAlign = right ? 'right' : 'left';
    ctx.textBaseline = 'bottom';
    ctx.fillText(`k = ${state.k}: ${at.toFixed(4)}`, xOf(state.k) + (right ? -8 : 8), yOf(at) - 4);
    this.dotCanvas.setAttribute(
      'aria-label',
      this.t('relative.ariaDots', { from: first, to: end, k: state.k, value: at.toFixed(4) }),
    );
  }

  drawRotation(state) {
    const enc = encodingOf(state);
    const p = state.pos;
    const k = state.k;
    const h = Math.floor(state.d / 2);
    this.tableWrap.hidden = !h; // no pair, no rotation (the curve's note says so)
    if (p + k < 0) {
      this.table.replaceChildren();
      this.residual.textContent = this.t('relative.notPosition', { sum: p + k });
      return;
    }
    const blocks = this.pe.rotationBlocks(enc, k);
    const here = this.pe.vectorAt(enc, p);
    const there = this.pe.vectorAt(enc, p + k);
    const dims = this.dims;
    if (!h) {
      this.table.replaceChildren();
      this.residual.textContent = '';
      return;
    }
    const shown = [...new Set([0, 1, 2, Math.floor(h / 2), h - 1])].filter((i) => i >= 0 && i < h);
    const f = (x) => (x < 0 ? '−' : '') + Math.abs(x).toFixed(4);
    // Rows and cells are kept and only their text rewritten: new rows at every position were new boxes
    // to style and lay out (the table's layout, ~30 cells, is in every frame of a playing clock's text).
    const rows = [...this.table.rows];
    while (rows.length > shown.length) rows.pop().remove();
    shown.forEach((i, n) => {
      const sin = dims.pair.findIndex((q, j) => q === i && dims.wave[j] === 'sin');
      const cos = dims.pair.findIndex((q, j) => q === i && dims.wave[j] === 'cos');
      const c = blocks[2 * i];
      const s = blocks[2 * i + 1];
      const rotated = [c * here[sin] + s * here[cos], -s * here[sin] + c * here[cos]];
      const cells = [
        String(i),
        formatNumber(dims.omega[sin], 4),
        `[${f(c)}  ${f(s)}; ${f(-s)}  ${f(c)}]`,
        `(${f(here[sin])}, ${f(here[cos])})`,
        `(${f(rotated[0])}, ${f(rotated[1])})`,
        `(${f(there[sin])}, ${f(there[cos])})`,
      ];
      const tr = rows[n] ?? this.table.appendChild(document.createElement('tr'));
      cells.forEach((text, m) => {
        const td = tr.cells[m] ?? tr.appendChild(document.createElement('td'));
        setText(td, text);
      });
    });
    const residual = this.pe.rotationResidual(enc, p, k);
    this.residual.textContent = this.t('relative.residual', {
      h,
      k,
      p,
      pk: p + k,
      value: residual.toExponential(2),
    });
    this.residual.dataset.value = String(residual);
  }
}
