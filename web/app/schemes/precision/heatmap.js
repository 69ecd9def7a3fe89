// Precision's heatmap: the error of every (position, pair) of the window at canvas resolution, drawn by
// the engine (pe.renderPrecision), the numbers and collapse groups of the window (pe.precisionError),
// and the readout of one cell. Methods of PrecisionView (index.js), which mixes them in.
import { fitCanvas, formatNumber, theme, ticks, widthOf } from '../../canvas.js';
import { plotAxes } from '../../plot.js';
import { legend } from '../common.js';
import { fmt, HIGH, LOW } from './settings.js';

export const heatmap = {
  geometry() {
    const width = Math.max(240, widthOf(this.heat.parentElement));
    const pairs = this.pairs || 64;
    const heat = Math.max(96, Math.min(192, pairs * 2));
    return { width, height: heat + 54, plot: { left: 44, right: width - 22, top: 12, bottom: 12 + heat } };
  },

  visible(s) {
    const w = this.window || { start: 0, count: s.range };
    return { start: w.start, count: Math.min(w.count, s.range - w.start) };
  },

  /** coarse: one sample per CSS pixel column (while dragging); else every device pixel, 8 samples. */
  drawHeat(s, coarse) {
    const begin = performance.now();
    this.paintHeat(s, coarse);
    // bench.sh and the notes read where the time goes: one entry per heatmap frame.
    performance.measure(`pe-render:precision-${coarse ? 'coarse' : 'fine'}`, { start: begin });
  },

  paintHeat(s, coarse) {
    const omega = this.omega(s.options);
    this.pairs = omega.length;
    const g = this.geometry();
    const { ctx, dpr } = fitCanvas(this.heat, g.width, g.height);
    const t = theme(this.heat);
    const w = this.visible(s);
    const cssWidth = g.plot.right - g.plot.left;
    const cssHeight = g.plot.bottom - g.plot.top;
    const px = Math.max(1, Math.round(cssWidth * (coarse ? 1 : dpr)));
    const py = Math.max(1, Math.round(cssHeight * (coarse ? 1 : dpr)));
    // Up to 8 samples a column, as many as the engine's work cap allows at this many device pixels.
    const fit = Math.floor(this.pe.limits.maxPrecisionRenderWork / (px * omega.length));
    const samples = coarse ? 1 : Math.max(1, Math.min(8, fit));
    const rgba = this.pe.renderPrecision({ ...s.options, start: w.start, positions: w.count }, s.how, {
      width: px,
      height: py,
      samples,
      low: LOW,
      high: HIGH,
    });
    this.helper.width = px;
    this.helper.height = py;
    this.helper.getContext('2d').putImageData(new ImageData(rgba, px, py), 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(this.helper, g.plot.left, g.plot.top, cssWidth, cssHeight);
    const x = (p) => g.plot.left + ((p - w.start) / w.count) * cssWidth;
    plotAxes(ctx, t, g.plot, {
      y: {
        start: 0,
        end: omega.length,
        values: ticks(0, omega.length - 1, 4).filter(Number.isInteger),
        label: this.t('pairAxis'),
        down: true,
      },
      x: {
        start: w.start,
        end: w.start + w.count,
        values: ticks(w.start, w.start + w.count - 1, Math.max(3, Math.floor(cssWidth / 100))).filter(
          Number.isInteger,
        ),
        format: (v) => formatNumber(v, 7),
        label: this.t('positionAxis'),
      },
      yGrid: false,
    });
    // The collapse groups of the last summary, where they fall in the window.
    ctx.fillStyle = t.error;
    for (const group of this.groups || []) {
      const p = group.positions[0];
      if (p < w.start || p >= w.start + w.count) continue;
      ctx.fillRect(Math.round(x(p)) - 1, g.plot.top - 9, 2, 7);
    }
    this.heat.dataset.start = String(w.start);
    this.heat.dataset.count = String(w.count);
    this.heat.dataset.samples = String(samples);
    const per = w.count / px;
    this.root.querySelector('.precision-window').textContent =
      per <= samples
        ? this.t('exact', { first: fmt(w.start), last: fmt(w.start + w.count - 1) })
        : this.t('sampled', {
            first: fmt(w.start),
            last: fmt(w.start + w.count - 1),
            per: formatNumber(per, 3),
            samples,
          });
    this.heat.setAttribute(
      'aria-label',
      `${this.t('heatTitle')}: ${s.how.format}, ${this.t(s.how.stage)}, ${fmt(w.start)} … ${fmt(w.start + w.count - 1)}`,
    );
    const colours = this.root.querySelector('.precision-colours');
    if (!colours.childElementCount) {
      const low = this.pe.renderMatrix([Math.log10(LOW)], 1, 1, {
        width: 1,
        height: 1,
        map: 'viridis',
        low: Math.log10(LOW),
        high: Math.log10(HIGH),
      });
      const high = this.pe.renderMatrix([Math.log10(HIGH)], 1, 1, {
        width: 1,
        height: 1,
        map: 'viridis',
        low: Math.log10(LOW),
        high: Math.log10(HIGH),
      });
      const css = (p) => `rgb(${p[0]}, ${p[1]}, ${p[2]})`;
      legend(colours, [
        { color: css(low), label: this.t('colourLow') },
        { color: css(high), label: this.t('colourHigh') },
      ]);
    }
  },

  /** The numbers and the collapse groups of the window (as many positions as the engine's cap allows). */
  describe(s) {
    const w = this.visible(s);
    const cap = this.pe.limits.maxPrecisionValues;
    const count = Math.min(w.count, Math.floor(cap / this.pairs));
    const report = this.pe.precisionError({ ...s.options, start: w.start, positions: count }, s.how);
    this.groups = report.groups;
    let text = this.t('summary', {
      first: fmt(w.start),
      last: fmt(w.start + count - 1),
      max: formatNumber(report.maxError, 3),
      bad: report.firstBadPosition < 0 ? this.t('none') : fmt(report.firstBadPosition),
      distinct: fmt(report.distinctVectors),
      count: fmt(count),
    });
    if (count < w.count) text += this.t('summaryCapped', { count: fmt(count), cap: fmt(cap) });
    const summary = this.root.querySelector('.precision-summary');
    summary.textContent = text;
    summary.dataset.distinct = String(report.distinctVectors);
    summary.dataset.firstBad = String(report.firstBadPosition);
    const box = this.root.querySelector('.precision-collapse');
    box.dataset.groups = String(report.collapsedGroups);
    if (!report.collapsedGroups) {
      box.textContent = this.t('collapseNone');
    } else {
      const doc = box.ownerDocument;
      const lead = doc.createElement('p');
      lead.textContent = this.t('collapseLead', { groups: fmt(report.collapsedGroups) });
      const list = doc.createElement('ul');
      for (const group of report.groups) {
        const item = doc.createElement('li');
        const more = group.size > group.positions.length ? ', …' : '';
        item.textContent = this.t('group', {
          list: group.positions.map(fmt).join(', ') + more,
          size: fmt(group.size),
        });
        list.append(item);
      }
      const marks = doc.createElement('p');
      marks.textContent = this.t('collapseMarks');
      box.replaceChildren(lead, list, marks);
    }
  },

  cellAt(e) {
    const s = this.settings();
    const g = this.geometry();
    const rect = this.heat.getBoundingClientRect();
    const cx = e.clientX - rect.left;
    const cy = e.clientY - rect.top;
    if (cx < g.plot.left || cx > g.plot.right || cy < g.plot.top || cy > g.plot.bottom) return;
    const w = this.visible(s);
    const position = Math.min(
      w.start + w.count - 1,
      w.start + Math.floor(((cx - g.plot.left) / (g.plot.right - g.plot.left)) * w.count),
    );
    const pair = Math.min(
      this.pairs - 1,
      Math.floor(((cy - g.plot.top) / (g.plot.bottom - g.plot.top)) * this.pairs),
    );
    const one = this.pe.precisionError({ ...s.options, start: position, positions: 1 }, s.how);
    const cell = this.root.querySelector('.precision-cell');
    cell.textContent = this.t('cell', {
      position: fmt(position),
      pair,
      omega: formatNumber(this.omega(s.options)[pair], 4),
      error: formatNumber(one.errors[pair], 3),
    });
    cell.dataset.position = String(position);
    cell.dataset.pair = String(pair);
  },
};
