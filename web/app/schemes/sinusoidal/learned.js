// View 5: a learned position embedding (a trained table, stood in for by a seeded random one) beside the
// fixed sinusoidal encoding, same d_model: rows past max_len do not exist in the table; the formula goes
// on. Parameter counts, a lookup at the current position, and which models use which.
import { fitCanvas, formatNumber, grouped, textUpdate, theme, ticks, widthOf } from '../../canvas.js';
import { plotAxes } from '../../plot.js';
import { ENCODING_KEYS, encodingOf } from '../../state.js';

const SEED = 1;

export class LearnedView {
  constructor(root, pe, store, t) {
    this.t = t;
    this.pe = pe;
    this.store = store;
    this.learned = root.querySelector('canvas.learned');
    this.fixed = root.querySelector('canvas.fixed');
    this.learnedCaption = root.querySelector('.learned-caption');
    this.fixedCaption = root.querySelector('.fixed-caption');
    this.params = root.querySelector('.params');
    this.lookup = root.querySelector('.lookup');
  }

  destroy() {
    clearTimeout(this.textTimer);
  }

  update(state, changed, reason = {}) {
    const keys = [...ENCODING_KEYS, 'map', 'maxlen', 'theme', 'size', 'lang'];
    if (!changed || keys.some((k) => changed.has(k))) this.draw(state);
    if (!changed || changed.has('pos') || keys.some((k) => changed.has(k))) {
      textUpdate(this, reason.animate, () => this.describe(this.store.get()));
    }
  }

  draw(state) {
    const t = this.t;
    const colours = theme(this.learned);
    const width = Math.floor(widthOf(this.learned.parentElement)); // its own column (two, or one when narrow)
    const height = Math.round(Math.min(420, Math.max(200, width * 0.9)));
    const plot = { left: 46, top: 6, width: width - 52, height: height - 44 };
    const rows = state.n;
    const shown = Math.min(state.maxlen, rows); // table rows that fall inside the positions shown
    // The learned table: its rows 0 .. shown-1 at the top, then "no row" for the rest.
    {
      const { ctx, dpr } = fitCanvas(this.learned, width, height);
      const table = this.pe.learnedTable({ dModel: state.d, maxLen: state.maxlen, seed: SEED });
      const pw = Math.round(plot.width * dpr);
      const tableHeight = Math.max(1, Math.round((shown / rows) * plot.height * dpr));
      const pixels = this.pe.renderMatrix(table, state.maxlen, state.d, {
        width: pw,
        height: tableHeight,
        map: state.map,
        region: { row0: 0, rows: shown, col0: 0, cols: state.d },
      });
      ctx.putImageData(
        new ImageData(pixels, pw, tableHeight),
        Math.round(plot.left * dpr),
        Math.round(plot.top * dpr),
      );
      if (shown < rows) {
        const y = plot.top + (shown / rows) * plot.height;
        ctx.save();
        ctx.beginPath();
        ctx.rect(plot.left, y, plot.width, plot.top + plot.height - y);
        ctx.clip(); // the hatching stays inside the "no row" area
        ctx.fillStyle = colours.grid;
        ctx.fillRect(plot.left, y, plot.width, plot.top + plot.height - y);
        ctx.strokeStyle = colours.muted;
        ctx.lineWidth = 1;
        ctx.beginPath();
        for (let x = -plot.height; x < plot.width; x += 10) {
          ctx.moveTo(plot.left + Math.max(0, x), y + Math.max(0, -x));
          ctx.lineTo(
            plot.left + Math.min(plot.width, x + plot.top + plot.height - y),
            y + Math.min(plot.top + plot.height - y, plot.width - x),
          );
        }
        ctx.stroke();
        ctx.fillStyle = colours.fg;
        ctx.font = 'bold 13px system-ui, sans-serif';
        ctx.textAlign = 'center';
        ctx.fillText(
          t('learned.noRow', { from: state.maxlen }),
          plot.left + plot.width / 2,
          y + Math.min(40, (plot.top + plot.height - y) / 2 + 4),
        );
        ctx.restore();
      }
      this.axes(ctx, colours, plot, rows, state.d);
      this.learned.setAttribute(
        'aria-label',
        t('learned.ariaLearned', { maxlen: state.maxlen, d: state.d, n: rows }),
      );
    }
    // The formula: every row exists.
    {
      const { ctx, dpr } = fitCanvas(this.fixed, width, height);
      const pw = Math.round(plot.width * dpr);
      const ph = Math.round(plot.height * dpr);
      const pixels = this.pe.renderEncoding(encodingOf(state), { width: pw, height: ph, map: state.map });
      ctx.putImageData(
        new ImageData(pixels, pw, ph),
        Math.round(plot.left * dpr),
        Math.round(plot.top * dpr),
      );
      this.axes(ctx, colours, plot, rows, state.d);
      this.fixed.setAttribute('aria-label', t('learned.ariaFixed', { d: state.d, n: rows }));
    }
    this.learnedCaption.textContent = t('learned.learnedCaption', { maxlen: state.maxlen });
    this.fixedCaption.textContent = t('learned.fixedCaption');
    const count = state.maxlen * state.d;
    this.params.textContent = t('learned.params', {
      maxlen: state.maxlen,
      d: state.d,
      count: grouped(count),
    });
  }

  axes(ctx, colours, plot, rows, d) {
    const rowTicks = ticks(0, rows - 1, Math.max(2, Math.floor(plot.height / 50))).filter(Number.isInteger);
    const box = {
      left: plot.left,
      right: plot.left + plot.width,
      top: plot.top,
      bottom: plot.top + plot.height,
    };
    plotAxes(ctx, colours, box, {
      y: {
        start: 0,
        end: rows - 1,
        values: rowTicks,
        label: this.t('axis.position'),
        down: true,
        cells: true,
      },
      x: {
        start: 0,
        end: d - 1,
        values: ticks(0, d - 1, 3).filter(Number.isInteger),
        label: this.t('axis.dimension'),
      },
      yGrid: false,
    });
  }

  describe(state) {
    const t = this.t;
    const fixed = this.pe.vectorAt(encodingOf(state), state.pos);
    const first = (v) => Array.from(v.slice(0, 3), (x) => formatNumber(x, 3)).join(', ');
    let learned;
    try {
      learned = t('learned.lookupRow', {
        values: first(this.pe.learnedRow({ dModel: state.d, maxLen: state.maxlen, seed: SEED }, state.pos)),
      });
    } catch (error) {
      learned = t('learned.lookupNone', { message: t.error(error) });
    }
    this.lookup.textContent = t('learned.lookup', { pos: state.pos, learned, fixed: first(fixed) });
  }
}
