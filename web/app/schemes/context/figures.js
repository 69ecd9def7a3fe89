// Long context: the figures of one reading (readModel's) in the view's section `root`: per pair the
// wavelength and the angles (rope-figures.js, shared with the model atlas), the new inverse frequency
// of every method against the default, q·k against distance for every method, and what YaRN's
// attention temperature does to the softmax. `t` is the view's translator (en.js / zh.js keys).
import { formatNumber, theme } from '../../canvas.js';
import { legend, lineChart } from '../common.js';
import { drawAngles, drawWavelengths, fmt, markDistance, meanScores, scoreColumns } from '../rope-figures.js';
import { METHODS, ownOptions } from './reading.js';

const $ = (root, name) => root.querySelector(`.context-${name}`);

/** One series per method, the unscaled one dashed. */
function methodSeries(root, t, x, yOf) {
  const c = theme(root);
  return METHODS.map((name, n) => ({
    x,
    y: yOf(name),
    color: c.series[n % c.series.length],
    label: name === 'none' ? t('none') : name,
    dash: name === 'none' ? [5, 4] : undefined,
  }));
}

const legendOf = (series) => series.map((s) => ({ color: s.color, label: s.label, dash: Boolean(s.dash) }));

export function wavelengthFigure(root, t, model) {
  const bands = drawWavelengths(
    $(root, 'wavelength'),
    $(root, 'wavelength-legend'),
    model.result,
    model.base,
    model,
    t,
  );
  $(root, 'wavelength-note').textContent = t('wavelengthNote', { train: fmt(model.train), bands });
}

export function ratioFigure(root, t, model) {
  const x = Array.from({ length: model.base.length }, (_, i) => i);
  const series = methodSeries(root, t, x, (name) =>
    Array.from(model.methods[name].invFreq, (w, i) => w / model.base[i]),
  );
  lineChart($(root, 'ratio'), series, {
    height: 200,
    xLabel: t('pair'),
    yLabel: t('ratio'),
    yRange: [0, 1.05],
  });
  legend($(root, 'ratio-legend'), legendOf(series));
  $(root, 'ratio-note').textContent = t('ratioNote', { factor: formatNumber(model.factor, 4) });
}

export function angleFigure(root, t, model) {
  const r = model.result;
  const marks = drawAngles($(root, 'angle'), $(root, 'angle-legend'), r.invFreq, model.base, model, t);
  const note = $(root, 'angle-note');
  note.textContent = t('angleNote', {
    train: fmt(model.train),
    target: fmt(model.target),
    plain: marks.plain,
    scaled: marks.scaled,
    type: r.ropeType,
  });
  note.dataset.plain = String(marks.plain);
  note.dataset.scaled = String(marks.scaled);
}

export function scoresFigure(root, pe, t, model) {
  const c = theme(root);
  const d = model.geometry.headDim;
  const cap = Math.floor(pe.limits.maxDotWork / model.base.length) - 1;
  const distance = Math.min(model.target - 1, cap); // a context of L tokens has distances 0 … L − 1
  const canvas = $(root, 'scores');
  const x = scoreColumns(canvas, distance);
  const series = methodSeries(root, t, x, (name) => meanScores(pe, model.methods[name].options, d, x));
  const chart = lineChart(canvas, series, { height: 220, xLabel: t('distance'), yLabel: t('score') });
  if (model.train <= distance) markDistance(chart, model.train, c.fg);
  legend($(root, 'scores-legend'), legendOf(series));
  $(root, 'scores-note').textContent = t('scoresNote', {
    distance: fmt(distance),
    capped: distance < model.target - 1 ? t('scoresCapped', { target: fmt(model.target) }) : '',
  });
  canvas.dataset.distance = String(distance);
}

const softmax = (z) => {
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
};
const entropy = (p) => -p.reduce((a, v) => (v > 0 ? a + v * Math.log(v) : a), 0);

export function temperatureFigure(root, pe, t, model) {
  const c = theme(root);
  const scale = model.result.attentionScaling;
  // Logits: q·k / sqrt(d) for q = k = ones rotated with this config, keys at distances 0 … 255.
  const d = model.geometry.headDim;
  const ones = new Float32Array(d).fill(1);
  const scores = pe.ropeScores(ones, ones, { ...ownOptions(model), maxDistance: 255 }).scores;
  // Without the temperature: the config's frequencies with cos and sin not scaled (divide it out).
  const logitsWith = Array.from(scores, (v) => v / Math.sqrt(d));
  const pWith = softmax(logitsWith);
  const pWithout = softmax(logitsWith.map((v) => v / (scale * scale)));
  const x = Array.from({ length: 256 }, (_, j) => j);
  lineChart(
    $(root, 'temperature'),
    [
      { x, y: pWithout, color: c.muted, dash: [5, 4], label: t('withoutTemperature') },
      { x, y: pWith, color: c.accent, label: t('withTemperature') },
    ],
    { height: 180, xLabel: t('key'), yLabel: t('weight') },
  );
  legend($(root, 'temperature-legend'), [
    { color: c.muted, label: t('withoutTemperature'), dash: true },
    { color: c.accent, label: t('withTemperature') },
  ]);
  const note = $(root, 'temperature-note');
  note.textContent =
    scale === 1
      ? t('temperatureNone')
      : t('temperatureYarn', {
          scale: formatNumber(scale, 6),
          scale2: formatNumber(scale * scale, 6),
          before: formatNumber(entropy(pWithout), 4),
          after: formatNumber(entropy(pWith), 4),
        });
  note.dataset.scale = String(scale);
}
