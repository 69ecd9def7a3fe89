// Precision's two line figures: one pair's angle against the formats' spacing, and what the frameworks
// do about it (each choice with its figure). Methods of PrecisionView (index.js), which mixes them in.
import { fitCanvas, formatNumber, theme, widthOf } from '../../canvas.js';
import { lineChart, plotAxes } from '../../plot.js';
import { legend } from '../common.js';
import { FORMATS, fmt } from './settings.js';

export const figures = {
  // --- one pair's angle against the formats' spacing -----------------------------------------------
  drawSteps(s) {
    const omega = this.omega(s.options);
    const slider = this.root.querySelector('[name="precision-pair"]');
    slider.max = String(omega.length - 1);
    const pair = Math.min(Number(slider.value), omega.length - 1);
    const w = omega[pair];
    const canvas = this.root.querySelector('.precision-steps');
    const t = theme(canvas);
    const width = Math.max(240, widthOf(canvas.parentElement));
    const height = 240;
    const { ctx } = fitCanvas(canvas, width, height);
    const g = { left: 52, right: width - 12, top: 10, bottom: height - 34 };
    // Positions 1 … range, log-spaced (integers); y: log10 of the error, 10^-10 … 10^3.
    const n = Math.min(600, Math.floor(width));
    const positions = [];
    for (let k = 0; k < n; k++) {
      const p = Math.round(10 ** ((k / (n - 1)) * Math.log10(s.range)));
      if (positions[positions.length - 1] !== p) positions.push(p);
    }
    const angles = positions.map((p) => p * w);
    const [y0, y1] = [-10, 3];
    const lx = (p) => g.left + (Math.log10(p) / Math.log10(s.range)) * (g.right - g.left);
    const ly = (e) => g.bottom - ((Math.log10(e) - y0) / (y1 - y0)) * (g.bottom - g.top);
    const decades = [];
    for (let d = 0; d <= Math.log10(s.range); d++) decades.push(d);
    plotAxes(ctx, t, g, {
      y: { start: y0, end: y1, values: [-9, -6, -3, 0, 3], format: (v) => `1e${v}` },
      x: { start: 0, end: Math.log10(s.range), values: decades, format: (v) => formatNumber(10 ** v, 7) },
    });
    ctx.font = t.font;
    ctx.fillStyle = t.muted;
    ctx.textAlign = 'right';
    ctx.fillText(this.t('positionAxis'), g.right, height - 4);
    ctx.textAlign = 'left';
    ctx.fillText(this.t('angleError'), g.left + 4, g.top + 10);
    const facts = this.pe.numberFormats;
    const colours = { float32: t.series[2], float16: t.series[1], bfloat16: t.series[0] };
    const items = [];
    for (const format of FORMATS) {
      const rounded = this.pe.roundTo(angles, format);
      const f = facts[format];
      ctx.fillStyle = colours[format];
      ctx.strokeStyle = colours[format];
      ctx.lineWidth = 1.25;
      ctx.beginPath();
      let open = false;
      for (let k = 0; k < positions.length; k++) {
        const a = angles[k];
        const x = lx(positions[k]);
        if (a > f.largest) break; // float16: the angle overflows to Infinity
        const e = Math.abs(rounded[k] - a);
        if (e > 0) ctx.fillRect(x - 1, ly(Math.min(e, 10 ** y1)) - 1, 2, 2);
        // Half the spacing (ulp) at this angle: 2^(exponent - (precision - 1)) / 2.
        const exponent = Math.max(Math.floor(Math.log2(a)), f.minExponent);
        const half = 2 ** (exponent - (f.precision - 1)) / 2;
        const y = ly(Math.max(10 ** y0, Math.min(half, 10 ** y1)));
        if (open) ctx.lineTo(x, y);
        else ctx.moveTo(x, y);
        open = true;
      }
      ctx.stroke();
      items.push({ color: colours[format], label: format });
    }
    legend(this.root.querySelector('.precision-steps-legend'), items);
    this.root.querySelector('.precision-steps-note').textContent = this.t('stepsNote', {
      pair,
      omega: formatNumber(w, 4),
    });
    canvas.dataset.pair = String(pair);
  },

  // --- the frameworks' choices, each with its figure (fixed cases: drawn once per width and theme) ----
  drawFrameworks() {
    const box = this.root.querySelector('.precision-frameworks');
    const key = `${widthOf(box)}|${theme(box).fg}`;
    if (this.frameworksDrawn === key) return;
    this.frameworksDrawn = key;
    const t = theme(box);
    const note = (k, vars) => {
      box.querySelector(`.precision-${k} .note`).textContent = this.t(`${k}Note`, vars);
    };
    // Position ids: round(p) - p over 0 … 4095, and how many different ids (one pair, ω = 1) are left.
    const ids = Array.from({ length: 4096 }, (_, p) => p);
    const series = ['bfloat16', 'float16'].map((format, n) => {
      const r = this.pe.roundTo(ids, format);
      return { x: ids, y: ids.map((p, k) => r[k] - p), color: t.series[n], label: format };
    });
    lineChart(box.querySelector('.precision-ids-chart'), series, {
      height: 150,
      xLabel: this.t('positionAxis'),
      yLabel: this.t('idError'),
    });
    const distinct = (format) =>
      this.pe.precisionError({ dModel: 2, positions: 4096 }, { format, stage: 'positions' }).distinctVectors;
    note('ids', { bf16: fmt(distinct('bfloat16')), fp16: fmt(distinct('float16')) });
    // inv_freq in bfloat16 vs float32 (RoPE, head 128): the largest error over the pairs per position.
    const rowMax = (format) => {
      const r = this.pe.precisionError({ headDim: 128, positions: 4096 }, { format, stage: 'frequencies' });
      const out = new Float64Array(4096);
      for (let p = 0; p < 4096; p++) {
        for (let i = 0; i < r.pairs; i++) out[p] = Math.max(out[p], r.errors[p * r.pairs + i]);
      }
      return { out, max: r.maxError };
    };
    const bf = rowMax('bfloat16');
    const f32 = rowMax('float32');
    lineChart(
      box.querySelector('.precision-inv-chart'),
      [
        { x: ids, y: bf.out, color: t.series[0], label: 'bfloat16' },
        { x: ids, y: f32.out, color: t.series[2], label: 'float32' },
      ],
      { height: 150, xLabel: this.t('positionAxis'), yLabel: this.t('maxOverPairs') },
    );
    note('inv', { max: formatNumber(bf.max, 3), f32: formatNumber(f32.max, 2) });
    // float32 angles up to 10^6 (RoPE, head 128), sampled at 200 positions.
    const xs = [];
    const ys = [];
    let worst = 0;
    for (let k = 1; k <= 200; k++) {
      const p = Math.round((k / 200) * 1e6) - 1;
      const r = this.pe.precisionError(
        { headDim: 128, start: p, positions: 1 },
        { format: 'float32', stage: 'angles' },
      );
      xs.push(p);
      ys.push(r.maxError);
      worst = Math.max(worst, r.maxError);
    }
    lineChart(
      box.querySelector('.precision-big-chart'),
      [{ x: xs, y: ys, color: t.series[2], label: 'float32' }],
      {
        height: 150,
        xLabel: this.t('positionAxis'),
        yLabel: this.t('maxOverPairs'),
      },
    );
    note('big', { max: formatNumber(worst, 2) });
  },
};
