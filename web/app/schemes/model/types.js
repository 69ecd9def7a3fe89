// The model atlas's figures per rotating layer type, side by side (rope-figures.js, shared with the
// context view): the wavelength per pair against the training length (with this type's YaRN ramp or
// Llama 3 bands), the angles never seen in training, and q·k against distance; and Llama 4's query
// temperature against position. Each figure is one step (a function), so that the view draws one per
// animation frame and a new pick cancels the rest (index.js). `view` is the ModelView.
import { fitCanvas, forgetWidth, formatNumber, theme, widthOf } from '../../canvas.js';
import { lineChart } from '../common.js';
import {
  drawAngles,
  drawWavelengths,
  fmt,
  lengthsOf,
  markDistance,
  meanScores,
  scoreColumns,
  STAND_IN_LENGTH,
} from '../rope-figures.js';
import { zeroPairs } from './reading.js';

const FIGURES = ['wavelength', 'angle', 'scores'];

/** The columns, one per rotating layer type, with their titles and ids (the traps link to them) but
 *  not their drawings; returns the steps that draw them, one figure each. Columns are kept from one
 *  model to the next (a new canvas costs a style and layout pass to measure and theme). Their widths
 *  (the grid's tracks: as many as there are columns, up to what fits) are read in the next frame,
 *  before it writes anything (measureColumns), when the page is laid out already: read by the first
 *  figure, after a step wrote text, a new column's width cost a layout of the whole page (10-20 ms
 *  of a frame at CPU 4x). */
export function typeSteps(view, model) {
  const box = view.root.querySelector('.model-types');
  const doc = box.ownerDocument;
  const rope = model.types.filter((x) => x.rope);
  // Without max_position_embeddings in the reading the lengths are the figures' stand-in, and said so.
  const length = view.root.querySelector('.model-length-note');
  length.textContent =
    model.result.maxPositions === null ? view.t('noLength', { length: fmt(STAND_IN_LENGTH) }) : '';
  length.hidden = model.result.maxPositions !== null;
  const columns = [...box.children];
  for (let k = columns.length; k < rope.length; k++) {
    const column = doc.createElement('div');
    column.className = 'model-type';
    column.innerHTML = `<h4><code></code></h4><p class="note model-type-note"></p>
      ${FIGURES.map(
        (key) => `<h5 tabindex="-1" class="model-${key}-title">${view.t(`${key}Title`)}</h5>
      <canvas class="model-${key}" role="img" aria-label="${view.t(`${key}Title`)}"></canvas>
      <p class="legend model-${key}-legend"></p><p class="model-${key}-note note"></p>`,
      ).join('')}`;
    box.append(column);
    columns.push(column);
  }
  columns.slice(rope.length).forEach((column) => column.remove());
  if (box.childElementCount !== view.columnCount) forgetWidth(...box.children); // other tracks now
  view.columnCount = box.childElementCount;
  return rope.flatMap((type, k) => {
    const column = columns[k];
    column.dataset.type = type.name;
    column.querySelector('code').textContent = type.name;
    column.querySelector('.model-type-note').textContent = view.describe(type);
    for (const key of FIGURES) column.querySelector(`.model-${key}-title`).id = `model-${key}-${type.index}`;
    const q = (s) => column.querySelector(s);
    const inputs = figureInputs(view, type, model.result);
    return [
      named(`wavelength:${type.name}`, () => wavelengthFigure(view, q, type, inputs)),
      named(`angle:${type.name}`, () => angleFigure(view, q, type, inputs)),
      named(`scores:${type.name}`, () => scoresFigure(view, q, type, model.result, inputs.lengths)),
    ];
  });
}

/** Reads (and keeps) the columns' widths, at the start of a frame, before anything is written. */
export function measureColumns(view) {
  for (const column of view.root.querySelector('.model-types').children) widthOf(column);
}

/** A step of the drawing with its name, as drawInFrames takes it (its performance entry is
 *  pe-render:model:<name>: the bench says which figure). */
export const named = (name, step) => [name, step];

/** A layer type's lengths (a sliding or chunked layer never looks farther back than its window, in
 *  training or after), the default frequencies of its geometry (null where ropeFrequencies does not
 *  take it, or they are not comparable) and the translator its figures use. */
function figureInputs(view, type, r) {
  const { train, target } = lengthsOf(
    type.ropeType,
    type.scaling,
    r.factor,
    r.maxPositions,
    r.originalMaxPositions,
  );
  const windowed = type.window !== null;
  const lengths = windowed
    ? { train: Math.min(train, type.window), target: Math.min(target, type.window) }
    : { train, target: Math.min(target, view.pe.limits.maxPosition) };
  const t = windowed
    ? Object.assign((key, vars) => view.t(key === 'targetLine' ? 'windowLine' : key, vars), view.t)
    : view.t;
  return { lengths, base: defaultFrequencies(view.pe, type), t };
}

/** The default frequencies of a layer type's geometry, or null where ropeFrequencies does not take
 *  it or they do not pair with the reading's (the default curve is then left out). */
function defaultFrequencies(pe, type) {
  try {
    const base = pe.ropeFrequencies({ headDim: type.rotaryDim, theta: type.theta }).invFreq;
    return base.length === type.invFreq.length ? base : null;
  } catch {
    return null;
  }
}

function wavelengthFigure(view, q, type, { lengths, base, t }) {
  const bands = drawWavelengths(
    q('.model-wavelength'),
    q('.model-wavelength-legend'),
    // This layer type's own YaRN ramp or Llama 3 bands (the reading gives them per type).
    { invFreq: type.invFreq, ramp: type.ramp, wavelengths: type.wavelengths },
    base && type.ropeType !== 'default' ? base : null,
    lengths,
    t,
    180,
  );
  const note = q('.model-wavelength-note');
  note.textContent = view.t('wavelengthNote', { train: fmt(lengths.train), bands });
  note.dataset.bands = type.ramp ? 'ramp' : type.wavelengths ? 'llama3' : '';
}

function angleFigure(view, q, type, { lengths, base, t }) {
  const marks = drawAngles(
    q('.model-angle'),
    q('.model-angle-legend'),
    type.invFreq,
    base || type.invFreq,
    lengths,
    t,
    180,
  );
  const note = q('.model-angle-note');
  note.textContent = view.t('angleNote', {
    train: fmt(lengths.train),
    target: fmt(lengths.target),
    scaled: marks.scaled,
  });
  note.dataset.scaled = String(marks.scaled);
}

function scoresFigure(view, q, type, r, lengths) {
  const canvas = q('.model-scores');
  const note = q('.model-scores-note');
  const said = (text, error) => {
    fitCanvas(canvas, 1, 1);
    note.textContent = text;
    note.dataset.error = error;
  };
  // A share of the engine's work cap per figure, so that one figure draws within a frame on a slow
  // CPU; the note says where the curve stops.
  const cap = Math.floor(view.pe.limits.maxDotWork / 64 / type.invFreq.length) - 1;
  const distance = Math.max(1, Math.min(lengths.target - 1, cap));
  const still = zeroPairs(type);
  let options = { headDim: type.headDim, rotaryDim: type.rotaryDim, theta: type.theta };
  if (type.ropeType === 'proportional' && still) options = proportionalAsDefault(view.pe, type, still);
  else if (type.scaling) options.scaling = type.scaling;
  if (!options) return said(view.t('scoresMissing', { type: type.ropeType, reason: '—' }), 'proportional');
  if (r.maxPositions !== null) options.maxPositions = r.maxPositions;
  if (type.ropeType === 'longrope' && r.originalMaxPositions !== null)
    options.originalMaxPositions = r.originalMaxPositions;
  options.sequenceLength = lengths.target;
  try {
    const x = scoreColumns(canvas, distance);
    const y = meanScores(view.pe, options, type.headDim, x);
    const chart = lineChart(canvas, [{ x, y, color: view.colorOf(type) }], {
      height: 180,
      xLabel: view.t('distance'),
      yLabel: view.t('score'),
    });
    if (lengths.train <= distance) markDistance(chart, lengths.train, theme(canvas).fg);
    note.textContent = view.t('scoresNote', {
      distance: fmt(distance),
      capped: distance < lengths.target - 1 ? view.t('scoresCapped', { target: fmt(lengths.target) }) : '',
    });
    delete note.dataset.error;
  } catch (error) {
    // A block ropeScores does not compute: said, not drawn.
    said(
      view.t('scoresMissing', { type: type.ropeType, reason: view.t.error(error) }),
      error.kind || 'error',
    );
  }
}

/** Proportional RoPE (Gemma 4) turns n pairs at θ^(−2i/d) over the whole head d and leaves the rest
 *  still: for q·k that is default RoPE on 2n dimensions at θ' = θ^(2n/d) (the same frequencies, and a
 *  still pair adds what an unrotated dimension pair adds). The engine's frequencies for those options
 *  are checked against the reading's before they are used; null if they differ. */
function proportionalAsDefault(pe, type, still) {
  const turning = type.invFreq.length - still;
  const options = {
    headDim: type.headDim,
    rotaryDim: 2 * turning,
    theta: type.theta ** ((2 * turning) / type.rotaryDim),
  };
  try {
    const { invFreq } = pe.ropeFrequencies(options);
    const same = Array.from(invFreq).every((w, i) => Math.abs(w / type.invFreq[i] - 1) < 1e-9);
    return same ? options : null;
  } catch {
    return null; // no turning pair, or a geometry ropeFrequencies refuses
  }
}

/** Llama 4's query temperature against position (on its NoPE layers), or a line saying there is none. */
export function drawTemperature(view, model) {
  const canvas = view.root.querySelector('.model-temperature');
  const note = view.root.querySelector('.model-temperature-note');
  const r = model.result;
  const scaling = r.queryScaling;
  canvas.hidden = !scaling;
  note.dataset.scaled = String(Boolean(scaling));
  if (!scaling) {
    note.textContent = view.t('temperatureNone');
    return;
  }
  const last = Math.min(r.maxPositions ?? 1e6, view.pe.limits.maxPosition);
  const x = Array.from({ length: 401 }, (_, k) => Math.round((k / 400) * last));
  const y = x.map((p) => view.pe.queryScale(r, p));
  lineChart(canvas, [{ x, y, color: theme(canvas).accent }], {
    height: 180,
    xLabel: view.t('position'),
    yLabel: view.t('queryFactor'),
  });
  note.textContent = view.t('temperatureNote', {
    floor: fmt(scaling.floorScale),
    attn: formatNumber(scaling.attnScale, 4),
    last: fmt(last),
    at: formatNumber(view.pe.queryScale(r, last), 5),
    types: model.types
      .filter((x) => !x.rope)
      .map((x) => x.name)
      .join(', '),
  });
}
