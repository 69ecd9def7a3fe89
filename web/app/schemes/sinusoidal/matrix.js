// View 1: the encoding matrix (positions down, dimensions across), drawn in bulk by the engine at
// canvas resolution, with axes, a colour bar, a readout on hover or keyboard focus, zoom and pan.
import { fitCanvas, formatNumber, textUpdate, theme, ticks, widthOf } from '../../canvas.js';
import { panSpan, plotAxes, wheelFactor, zoomKey, zoomSpan } from '../../plot.js';
import { ENCODING_KEYS, encodingOf } from '../../state.js';

const MARGIN = { left: 56, top: 10, right: 12, bottom: 40 };

export class MatrixView {
  constructor(root, pe, store, t) {
    this.t = t;
    this.pe = pe;
    this.store = store;
    this.figure = root.querySelector('.figure');
    this.canvas = root.querySelector('canvas.heatmap');
    this.overlay = root.querySelector('canvas.overlay');
    this.colorbar = root.querySelector('canvas.colorbar');
    this.readout = root.querySelector('.readout');
    this.note = root.querySelector('.matrix-note');
    this.cursor = null; // { row, col } under the pointer or the keyboard
    this.drag = null;
    root.querySelector('[data-action="zoom-in"]').addEventListener('click', () => this.zoomBy(2));
    root.querySelector('[data-action="zoom-out"]').addEventListener('click', () => this.zoomBy(0.5));
    root.querySelector('[data-action="zoom-reset"]').addEventListener('click', () => this.setZoom(null));
    this.overlay.addEventListener('pointermove', (e) => this.onPointerMove(e));
    this.overlay.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    this.overlay.addEventListener('pointerup', (e) => this.onPointerUp(e));
    // A mouse that leaves clears the readout; a finger that lifts leaves too, and must not (a tap reads
    // the cell it touched until the next tap).
    this.overlay.addEventListener('pointerleave', (e) => {
      if (e.pointerType === 'mouse') this.setCursor(null);
    });
    this.overlay.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    this.overlay.addEventListener('keydown', (e) => this.onKey(e));
    this.overlay.addEventListener('focus', () => {
      if (!this.cursor) this.setCursor({ row: this.store.get().pos, col: 0 });
    });
  }

  region(state = this.store.get()) {
    const [row0, rows, col0, cols] = state.zoom || [0, state.n, 0, state.d];
    return { row0, rows, col0, cols };
  }

  destroy() {
    clearTimeout(this.textTimer);
  }

  update(state, changed, reason = {}) {
    const full = !changed || [...ENCODING_KEYS, 'map', 'zoom', 'theme', 'size'].some((k) => changed.has(k));
    if (full) this.draw(state);
    if (changed && (changed.has('d') || changed.has('n'))) this.cursor = null;
    this.drawOverlay(state);
    if (!changed || changed.has('pos') || full)
      textUpdate(this, reason.animate, () => this.describe(this.store.get()));
  }

  geometry() {
    const width = widthOf(this.figure);
    const height = Math.round(Math.min(560, Math.max(240, width * 0.6)));
    const plot = {
      left: MARGIN.left,
      top: MARGIN.top,
      width: width - MARGIN.left - MARGIN.right,
      height: height - MARGIN.top - MARGIN.bottom,
    };
    plot.right = plot.left + plot.width;
    plot.bottom = plot.top + plot.height;
    return { width, height, plot };
  }

  draw(state) {
    const t = theme(this.canvas);
    const { width, height, plot } = (this.geo = this.geometry());
    const { ctx, dpr } = fitCanvas(this.canvas, width, height);
    const r = this.region(state);
    const pw = Math.round(plot.width * dpr);
    const ph = Math.round(plot.height * dpr);
    const pixels = this.pe.renderEncoding(encodingOf(state), {
      width: pw,
      height: ph,
      map: state.map,
      region: r,
    });
    ctx.putImageData(new ImageData(pixels, pw, ph), Math.round(plot.left * dpr), Math.round(plot.top * dpr));
    const rowTicks = ticks(r.row0, r.row0 + r.rows - 1, Math.max(2, Math.floor(plot.height / 48))).filter(
      Number.isInteger,
    );
    const colTicks = ticks(r.col0, r.col0 + r.cols - 1, Math.max(2, Math.floor(plot.width / 70))).filter(
      Number.isInteger,
    );
    // Tick v sits at the centre of cell v.
    plotAxes(ctx, t, plot, {
      y: {
        start: r.row0,
        end: r.row0 + r.rows - 1,
        values: rowTicks,
        label: this.t('axis.position'),
        down: true,
        cells: true,
      },
      x: {
        start: r.col0,
        end: r.col0 + r.cols - 1,
        values: colTicks,
        label: this.t('axis.dimension'),
        cells: true,
      },
      yGrid: false,
    });
    fitCanvas(this.overlay, width, height);
    this.drawColorbar(state, t, plot);
    const perPixelRows = r.rows / ph;
    const perPixelCols = r.cols / pw;
    this.note.textContent =
      perPixelRows > 1.5 || perPixelCols > 1.5
        ? this.t('matrix.noteMean', {
            rows: formatNumber(Math.max(perPixelRows, 1), 2),
            cols: formatNumber(Math.max(perPixelCols, 1), 2),
          })
        : this.t('matrix.noteAll', { rows: r.rows, cols: r.cols });
    const zoomed = state.zoom !== null;
    this.figure.dataset.zoomed = String(zoomed);
    this.canvas.setAttribute(
      'aria-label',
      this.t(state.map === 'viridis' ? 'matrix.ariaViridis' : 'matrix.ariaDiverging', {
        r0: r.row0,
        r1: r.row0 + r.rows - 1,
        c0: r.col0,
        c1: r.col0 + r.cols - 1,
        zoomed: zoomed ? this.t('matrix.zoomed') : '',
      }),
    );
  }

  drawColorbar(state, t, plot) {
    const width = plot.width;
    const { ctx, dpr } = fitCanvas(this.colorbar, width + MARGIN.left + MARGIN.right, 34);
    const n = Math.max(2, Math.round(width * dpr));
    const ramp = new Float32Array(n).map((_, i) => -1 + (2 * i) / (n - 1));
    const pixels = this.pe.colorize(ramp, { map: state.map, low: -1, high: 1 });
    const rows = Math.round(12 * dpr);
    const image = new Uint8ClampedArray(n * rows * 4);
    for (let y = 0; y < rows; y++) image.set(pixels, y * n * 4);
    ctx.putImageData(new ImageData(image, n, rows), Math.round(plot.left * dpr), 0);
    ctx.font = t.font;
    ctx.fillStyle = t.muted;
    ctx.textBaseline = 'top';
    for (const [v, align] of [
      [-1, 'left'],
      [0, 'center'],
      [1, 'right'],
    ]) {
      ctx.textAlign = align;
      ctx.fillText(v === -1 ? '−1' : v === 1 ? '+1' : '0', plot.left + ((v + 1) / 2) * width, 16);
    }
    ctx.textAlign = 'right';
    ctx.fillText(this.t('axis.value'), plot.left - 6, 0);
  }

  // Maps a point on the overlay to a cell (or null outside the plot).
  cellAt(x, y) {
    const { plot } = this.geo;
    if (x < plot.left || x >= plot.right || y < plot.top || y >= plot.bottom) return null;
    const r = this.region();
    return {
      row: r.row0 + Math.min(r.rows - 1, Math.floor(((y - plot.top) / plot.height) * r.rows)),
      col: r.col0 + Math.min(r.cols - 1, Math.floor(((x - plot.left) / plot.width) * r.cols)),
    };
  }

  // The pixel rectangle of a cell of the current region.
  cellRect(row, col) {
    const { plot } = this.geo;
    const r = this.region();
    const x0 = plot.left + ((col - r.col0) / r.cols) * plot.width;
    const y0 = plot.top + ((row - r.row0) / r.rows) * plot.height;
    return { x: x0, y: y0, w: plot.width / r.cols, h: plot.height / r.rows };
  }

  drawOverlay(state) {
    if (!this.geo) return;
    const t = theme(this.canvas);
    const { ctx } = fitCanvas(this.overlay, this.geo.width, this.geo.height);
    const { plot } = this.geo;
    const r = this.region(state);
    ctx.save();
    ctx.beginPath();
    ctx.rect(plot.left, plot.top, plot.width, plot.height);
    ctx.clip();
    // The current position's row (it follows the animation).
    if (state.pos >= r.row0 && state.pos < r.row0 + r.rows) {
      const row = this.cellRect(state.pos, r.col0);
      ctx.strokeStyle = t.fg;
      ctx.lineWidth = 2;
      ctx.strokeRect(plot.left + 1, row.y, plot.width - 2, Math.max(row.h, 2));
    }
    if (this.cursor) {
      const c = this.cellRect(this.cursor.row, this.cursor.col);
      ctx.strokeStyle = t.accent;
      ctx.lineWidth = 1;
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(plot.left, c.y + c.h / 2);
      ctx.lineTo(plot.right, c.y + c.h / 2);
      ctx.moveTo(c.x + c.w / 2, plot.top);
      ctx.lineTo(c.x + c.w / 2, plot.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.lineWidth = 2;
      ctx.strokeRect(c.x, c.y, Math.max(c.w, 3), Math.max(c.h, 3));
    }
    ctx.restore();
  }

  setCursor(cell) {
    this.cursor = cell;
    this.drawOverlay(this.store.get());
    this.describe(this.store.get());
  }

  describe(state) {
    const cell = this.cursor;
    if (!cell) {
      this.readout.textContent = this.t('matrix.prompt', { pos: state.pos });
      return;
    }
    const enc = encodingOf(state);
    const value = this.pe.vectorAt(enc, cell.row)[cell.col];
    const dims = this.dimensionInfo(state);
    const pair = dims.pair[cell.col];
    const wave = dims.wave[cell.col];
    const what = pair < 0 ? this.t('matrix.zeroColumn') : this.t('matrix.pairWave', { pair, wave });
    const freq =
      pair < 0
        ? ''
        : this.t('matrix.freq', {
            omega: formatNumber(dims.omega[cell.col], 5),
            lambda: formatNumber(dims.wavelength[cell.col], 6),
          });
    this.readout.textContent = this.t('matrix.readout', {
      row: cell.row,
      col: cell.col,
      what,
      value: value.toFixed(6),
      freq,
    });
  }

  dimensionInfo(state) {
    const key = `${state.d}|${state.base}|${state.layout}|${state.freq}`;
    if (this.dimsKey !== key) {
      this.dims = this.pe.dimensions(encodingOf(state));
      this.dimsKey = key;
    }
    return this.dims;
  }

  onPointerMove(e) {
    if (this.drag) {
      const { plot } = this.geo;
      const r = this.drag.region;
      const dRows = Math.round(((e.offsetY - this.drag.y) / plot.height) * r.rows);
      const dCols = Math.round(((e.offsetX - this.drag.x) / plot.width) * r.cols);
      if (Math.abs(e.offsetX - this.drag.x) + Math.abs(e.offsetY - this.drag.y) > 3) this.drag.moved = true;
      if (this.drag.moved) this.pan(r, -dRows, -dCols);
      return;
    }
    const cell = this.cellAt(e.offsetX, e.offsetY);
    if (cell && this.cursor && cell.row === this.cursor.row && cell.col === this.cursor.col) return;
    this.setCursor(cell);
  }

  onPointerDown(e) {
    if (!this.cellAt(e.offsetX, e.offsetY)) return;
    this.drag = { x: e.offsetX, y: e.offsetY, region: this.region(), moved: false };
    this.overlay.setPointerCapture?.(e.pointerId);
  }

  onPointerUp(e) {
    const drag = this.drag;
    this.drag = null;
    if (!drag) return;
    if (drag.moved) {
      this.store.set({}, { commit: true });
      return;
    }
    const cell = this.cellAt(e.offsetX, e.offsetY);
    if (!cell) return;
    // A click or a tap reads the cell and picks its row as the current position.
    this.setCursor(cell);
    this.store.set({ pos: cell.row }, { commit: true });
  }

  onWheel(e) {
    if (!e.ctrlKey && !e.metaKey) return; // plain wheel scrolls the page
    e.preventDefault();
    const cell = this.cellAt(e.offsetX, e.offsetY);
    this.zoomBy(wheelFactor(e), cell);
  }

  onKey(e) {
    const state = this.store.get();
    const step = e.shiftKey ? 10 : 1;
    const cur = this.cursor || { row: state.pos, col: 0 };
    const moves = { ArrowUp: [-step, 0], ArrowDown: [step, 0], ArrowLeft: [0, -step], ArrowRight: [0, step] };
    if (moves[e.key]) {
      e.preventDefault();
      const row = Math.max(0, Math.min(state.n - 1, cur.row + moves[e.key][0]));
      const col = Math.max(0, Math.min(state.d - 1, cur.col + moves[e.key][1]));
      this.cursor = { row, col };
      this.ensureVisible(row, col);
      this.setCursor(this.cursor);
    } else if (
      zoomKey(e, {
        zoomIn: () => this.zoomBy(2, cur),
        zoomOut: () => this.zoomBy(0.5, cur),
        reset: () => this.setZoom(null),
      })
    ) {
      return;
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.store.set({ pos: cur.row }, { commit: true });
    }
  }

  // Zooms by `factor` (>1 in) around `cell` (default: the middle of the view).
  zoomBy(factor, cell = null) {
    const state = this.store.get();
    const r = this.region(state);
    const at = cell || { row: r.row0 + r.rows / 2, col: r.col0 + r.cols / 2 };
    // Each axis zooms around the cell's place in it (the middle of the view without a cell).
    const rows = zoomSpan({ start: r.row0, count: r.rows }, factor, (at.row - r.row0) / r.rows, state.n, 8);
    const cols = zoomSpan({ start: r.col0, count: r.cols }, factor, (at.col - r.col0) / r.cols, state.d, 4);
    this.setZoom([rows.start, rows.count, cols.start, cols.count]);
  }

  pan(from, dRows, dCols) {
    const state = this.store.get();
    const rows = panSpan({ start: from.row0, count: from.rows }, dRows, state.n);
    const cols = panSpan({ start: from.col0, count: from.cols }, dCols, state.d);
    this.setZoom([rows.start, rows.count, cols.start, cols.count], false);
  }

  ensureVisible(row, col) {
    const r = this.region();
    if (row >= r.row0 && row < r.row0 + r.rows && col >= r.col0 && col < r.col0 + r.cols) return;
    const state = this.store.get();
    // The window keeps its size and moves so that the cell is in its middle.
    const rows = panSpan({ start: r.row0, count: r.rows }, row - Math.floor(r.rows / 2) - r.row0, state.n);
    const cols = panSpan({ start: r.col0, count: r.cols }, col - Math.floor(r.cols / 2) - r.col0, state.d);
    this.setZoom([rows.start, rows.count, cols.start, cols.count]);
  }

  setZoom(zoom, commit = true) {
    const state = this.store.get();
    const full = zoom && zoom[0] === 0 && zoom[1] === state.n && zoom[2] === 0 && zoom[3] === state.d;
    this.store.set({ zoom: full ? null : zoom }, { commit });
  }
}
