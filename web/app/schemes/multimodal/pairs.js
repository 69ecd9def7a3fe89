// The multimodal view's rotary pairs (index.js): which pairs carry t, h and w in the chunked
// (Qwen2/2.5-VL) and the interleaved (Qwen3-VL) layout with their wavelengths, and q·k along each
// axis for the chosen model. The engine's answers depend on the model only: read once per view.
import { fitCanvas, formatNumber, grouped } from '../../canvas.js';
import { legend, lineChart } from '../common.js';
import { AXES, MODELS } from './prompt.js';

export const wavelength = (frequency) => (2 * Math.PI) / frequency;

/** A model's layout (pe.mropeAxes: the axis of each pair) and its frequencies (pe.axialRopeAngles of
 *  one axis at id 1: θ^(−2k/d), the same table), with each axis's shortest and longest wavelength. */
function spectrum(view, model) {
  view.spectra ??= new Map();
  if (view.spectra.has(model)) return view.spectra.get(model);
  const m = MODELS[model];
  const axes = view.pe.mropeAxes({
    headDim: m.headDim,
    mropeSection: m.section,
    interleaved: m.interleaved,
  });
  const frequencies = view.pe.axialRopeAngles({ axesDim: [m.headDim], theta: m.theta }, [1]);
  const ranges = AXES.map((_, a) => {
    const own = Array.from(frequencies)
      .filter((_, k) => axes[k] === a)
      .map(wavelength);
    return [Math.min(...own), Math.max(...own)];
  });
  const got = { m, axes, frequencies, ranges };
  view.spectra.set(model, got);
  return got;
}

/** The pairs of each layout (pe.mropeAxes) as cells coloured by axis, and every pair's wavelength
 *  (its frequency from pe.axialRopeAngles of one axis: θ^(−2k/d), the same table), per axis a band
 *  from its shortest to its longest wavelength. */
export function drawPairs(view, p, c, width) {
  const canvas = view.root.querySelector('canvas.mm-pairs');
  const layouts = [
    { model: 'qwen2-vl', label: view.t('chunks') },
    { model: 'qwen3-vl', label: view.t('interleaved') },
  ].map((l) => {
    const got = spectrum(view, l.model);
    return { ...l, ...got, chosen: MODELS[p.model].interleaved === got.m.interleaved };
  });
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
  ctx.fillText(view.t('wavelengthAxis'), right, y + 14);
  const note = view.root.querySelector('.mm-pairs-note');
  // Three significant digits (6.3, 199, 28,500, 5,060,000).
  const three = (v) => grouped(Number(v.toPrecision(3)), v < 10 ? 1 : 0);
  const range = (r) => `${three(r[0])}–${three(r[1])}`;
  note.textContent = view.t('pairsNote', {
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

const REACH = 96; // patches
const X = Array.from({ length: 4 * REACH + 1 }, (_, i) => i / 4);

/** Each axis's mean cos(Δ·f) at X for `model`, once per model (the view computes it in a step of its
 *  own, before the chart). */
export function scoresOf(view, model) {
  view.scores ??= new Map(); // model -> each axis's scores at x
  if (!view.scores.has(model)) {
    const { axes, frequencies } = spectrum(view, model);
    view.scores.set(
      model,
      AXES.map((_, k) => {
        const own = Array.from(frequencies).filter((_, q) => axes[q] === k);
        return X.map((d) => own.reduce((sum, f) => sum + Math.cos(d * f), 0) / own.length);
      }),
    );
  }
  return view.scores.get(model);
}

/** q·k along each axis for the chosen model: q = k = all ones, the key moved Δ along one axis only,
 *  so the score is the sum over that axis's pairs of cos(Δ·f_k), here their mean (1 at Δ = 0). */
export function drawScores(view, p, c) {
  const canvas = view.root.querySelector('canvas.mm-scores');
  const m = MODELS[p.model];
  const series = scoresOf(view, p.model).map((y, k) => ({
    x: X,
    y,
    color: c.series[k],
    width: 2,
    label: view.t(`axis_${AXES[k]}`),
  }));
  lineChart(canvas, series, {
    height: 220,
    xLabel: view.t('offsetAxis'),
    yLabel: view.t('scoreAxis'),
    yRange: [-0.4, 1.2], // room above 1 for the axis title
  });
  legend(view.root.querySelector('.mm-scores-legend'), series);
  const at = (k, d) => series[k].y[d * 4];
  const note = view.root.querySelector('.mm-scores-note');
  const values = {
    model: m.label,
    d: 8,
    t: formatNumber(at(0, 8), 2),
    h: formatNumber(at(1, 8), 2),
    w: formatNumber(at(2, 8), 2),
  };
  note.textContent = view.t(m.interleaved ? 'scoresInterleaved' : 'scoresChunks', values);
  note.dataset.at8 = [0, 1, 2].map((k) => at(k, 8).toFixed(6)).join(',');
}
