// The long-context figures of one RoPE reading, drawn by the context view (a config and every method
// at its factor) and the model atlas (each layer type of a model side by side): per pair the wavelength
// against the training length, the largest angle seen in training against the angle at the new length
// (the pairs that would see angles never seen in training), and q·k against distance. Strings come
// from the caller's translator (`t`), under the keys listed at each function.
import { grouped, theme, widthOf } from '../canvas.js';
import { legend, lineChart } from './common.js';

/** A count as toLocaleString('en-US') writes it. */
export const fmt = (n) => grouped(Number(n), 3);

/** A chart of per-pair values on a log-10 axis: the series, dashed reference lines across, an optional
 *  shaded band of pairs, and markers on chosen pairs. */
export function logChart(
  canvas,
  series,
  { height = 220, yLabel, xLabel, lines = [], band = null, marks = [] },
) {
  const c = theme(canvas);
  const x = Array.from({ length: series[0].y.length }, (_, i) => i);
  const chart = lineChart(
    canvas,
    series.map((s) => ({ ...s, x })),
    { height, xLabel, yLabel, yLog: true, include: lines.map((l) => l.value) },
  );
  const { ctx, plot, sx, yOf } = chart;
  ctx.save();
  if (band) {
    ctx.fillStyle = c.grid;
    ctx.globalAlpha = 0.5;
    ctx.fillRect(sx(band.from), plot.top, sx(band.to) - sx(band.from), plot.bottom - plot.top);
    ctx.globalAlpha = 1;
  }
  ctx.setLineDash([4, 3]);
  for (const line of lines) {
    ctx.strokeStyle = line.color;
    ctx.beginPath();
    ctx.moveTo(plot.left, yOf(line.value));
    ctx.lineTo(plot.right, yOf(line.value));
    ctx.stroke();
  }
  ctx.fillStyle = c.error;
  for (const m of marks) {
    ctx.beginPath();
    ctx.arc(sx(m.index), yOf(m.value), 3.5, 0, 2 * Math.PI);
    ctx.fill();
  }
  ctx.restore();
  return chart;
}

/**
 * Wavelength 2π/ω per pair, the default's (`base`, dashed; null: not drawn) and the reading's, with the
 * training length and the new length across, and YaRN's ramp (a band) or Llama 3's bands (lines).
 * reading: { invFreq, ramp, wavelengths }; lengths: { train, target }. Keys: wavelength, pair,
 * defaultFreq, scaled, trainLine, targetLine, bandsYarn, bandsLlama. Returns the bands' sentence ('' if none).
 */
export function drawWavelengths(canvas, legendBox, reading, base, lengths, t, height = 220) {
  const c = theme(canvas);
  const wave = (inv) => Array.from(inv, (w) => (2 * Math.PI) / w);
  const series = [{ y: wave(reading.invFreq), color: c.accent }];
  if (base) series.unshift({ y: wave(base), color: c.muted, dash: [5, 4] });
  const lines = [
    { value: lengths.train, color: c.fg },
    { value: lengths.target, color: c.series[1] },
  ];
  let bands = '';
  let band = null;
  const pairs = reading.invFreq.length;
  if (reading.ramp) {
    band = { from: Math.min(reading.ramp.low, pairs - 1), to: Math.min(reading.ramp.high, pairs - 1) };
    bands = t('bandsYarn', { low: fmt(reading.ramp.low), high: fmt(reading.ramp.high) });
  } else if (reading.wavelengths) {
    lines.push(
      { value: reading.wavelengths.low, color: c.series[3] },
      { value: reading.wavelengths.high, color: c.series[3] },
    );
    bands = t('bandsLlama', { low: fmt(reading.wavelengths.low), high: fmt(reading.wavelengths.high) });
  }
  logChart(canvas, series, { height, yLabel: t('wavelength'), xLabel: t('pair'), lines, band });
  legend(legendBox, [
    ...(base ? [{ color: c.muted, label: t('defaultFreq'), dash: true }] : []),
    { color: c.accent, label: t('scaled') },
    { color: c.fg, label: `${t('trainLine')} ${fmt(lengths.train)}`, dash: true },
    { color: c.series[1], label: `${t('targetLine')} ${fmt(lengths.target)}`, dash: true },
  ]);
  return bands;
}

/**
 * The largest angle each pair reaches in training (default frequencies × train), at the new length
 * without scaling and with the reading's frequencies; marked: the pairs that would reach angles never
 * seen in training (less than a turn within train, a larger angle at target). Keys: angle, pair,
 * trainAngle, plainAngle, scaledAngle, unseen. Returns { plain, scaled }: how many pairs each marks.
 */
export function drawAngles(canvas, legendBox, invFreq, base, lengths, t, height = 220) {
  const c = theme(canvas);
  const train = Array.from(base, (w) => lengths.train * w);
  const plain = Array.from(base, (w) => lengths.target * w);
  const scaled = Array.from(invFreq, (w) => lengths.target * w);
  const unseen = (angles) =>
    angles.map((a, i) => (train[i] < 2 * Math.PI && a > train[i] ? i : -1)).filter((i) => i >= 0);
  const marksPlain = unseen(plain);
  const marksScaled = unseen(scaled);
  logChart(
    canvas,
    [
      { y: train, color: c.fg },
      { y: plain, color: c.muted, dash: [5, 4] },
      { y: scaled, color: c.accent },
    ],
    {
      height,
      yLabel: t('angle'),
      xLabel: t('pair'),
      lines: [{ value: 2 * Math.PI, color: c.series[3] }],
      marks: marksScaled.map((i) => ({ index: i, value: scaled[i] })),
    },
  );
  legend(legendBox, [
    { color: c.fg, label: t('trainAngle') },
    { color: c.muted, label: t('plainAngle'), dash: true },
    { color: c.accent, label: t('scaledAngle') },
    { color: c.series[3], label: '2π', dash: true },
    { color: c.error, label: t('unseen') },
  ]);
  return { plain: marksPlain.length, scaled: marksScaled.length };
}

/** The columns of a q·k chart `canvas` wide out to `distance`: the last distance each pixel covers. */
export function scoreColumns(canvas, distance) {
  const width = Math.max(240, widthOf(canvas.parentElement));
  const columns = Math.max(2, Math.min(width - 64, distance + 1));
  return Array.from({ length: columns }, (_, k) => Math.round((k / (columns - 1)) * distance));
}

/** q = k = (1, …, 1) rotated with `options` (pe.ropeScores), q·k by distance divided by its value at
 *  0, as the mean over the distances each column of `x` (scoreColumns) covers: the curve oscillates
 *  faster than pixels. */
export function meanScores(pe, options, headDim, x) {
  const ones = new Float32Array(headDim).fill(1);
  const { scores } = pe.ropeScores(ones, ones, { ...options, maxDistance: x[x.length - 1] });
  const y = new Float64Array(x.length);
  for (let k = 0; k < x.length; k++) {
    const from = k === 0 ? 0 : x[k - 1] + 1;
    const to = Math.max(from, x[k]);
    let sum = 0;
    for (let j = from; j <= to; j++) sum += scores[j];
    y[k] = sum / (to - from + 1) / scores[0];
  }
  return y;
}

/** A dashed vertical line at x = `at` on a lineChart's geometry (the training length on q·k). */
export function markDistance(chart, at, color) {
  const { ctx, sx, plot } = chart;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.setLineDash([4, 3]);
  ctx.beginPath();
  ctx.moveTo(sx(at), plot.top);
  ctx.lineTo(sx(at), plot.bottom);
  ctx.stroke();
  ctx.restore();
}

/** The training length the figures take where a config gives none (max_position_embeddings). */
export const STAND_IN_LENGTH = 4096;

/** The lengths a reading extends between, from its scaling block (as transformers reads each type):
 *  train, the length the model was trained at; target, the length the scaling reaches. */
export function lengthsOf(ropeType, scaling, factor, maxPositions, originalMaxPositions) {
  const s = scaling || {};
  const mpe = maxPositions || STAND_IN_LENGTH;
  let train = mpe;
  let target = mpe;
  if (ropeType === 'llama3') {
    train = s.original_max_position_embeddings || mpe;
  } else if (ropeType === 'yarn') {
    train = s.original_max_position_embeddings || mpe;
    target = s.original_max_position_embeddings ? mpe : mpe * (factor || 1);
  } else if (ropeType === 'longrope') {
    train = originalMaxPositions || mpe;
  } else if (ropeType !== 'default' && ropeType !== 'proportional') {
    target = Math.round(mpe * (s.factor || 1));
  }
  return { train, target: Math.max(target, train) };
}
