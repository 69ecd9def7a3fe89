// Multimodal RoPE (cpp/schemes/mrope/ and cpp/schemes/axial/: pe.mropePositionIds, pe.mropeAxes,
// pe.visionRopeAngles, pe.axialRopeAngles): a Qwen-VL prompt's (t, h, w) position ids, token by token
// and on the image's patch grid, with the delta a decoder adds after it and where the 2026 rewrite of
// get_rope_index differs (ids.js, grid.js); which rotary pairs carry each axis (chunks against
// interleaved), their wavelengths and q·k along each axis (pairs.js); the vision tower's 2-D angles
// per patch (vision.js); FLUX's axial spectrum beside the 1-D one (flux.js); and Qwen2.5-VL's whole
// seconds (seconds.js). Every number drawn comes from the engine; the view lays the prompt out only to
// know which token is which (prompt.js; a test checks it against the engine's).
// This module is the view: its markup, its settings, and which figure a change redraws when. Each
// figure is drawn again only when what it shows changed (its key: the prompt, the token, the width,
// the theme), on the page's canvas itself; the chosen token's marks on a layer over the ids, the grid
// and the vision table (layers.js). The readout at once, every figure too when the token moves (its
// marks; a figure only when the token moved to another image or frame); after a change of the model or
// the prompt the rest one per animation frame (data-state "drawing", then "drawn"), a newer change
// replacing what was still due; then, ahead, the vision table's engine answer and image for each
// image and frame of the prompt, so that the token moves over kept tables.
// Its text is en.js / zh.js beside it, its styles styles.css (README, "Adding a scheme").
import { theme, widthOf } from '../../canvas.js';
import { drawInFrames, keepLast, oneFigure, SchemeView } from '../common.js';
import { drawFlux } from './flux.js';
import { drawGrid, drawGridFrame, gridKey } from './grid.js';
import { describePrompt, drawIdsChart, drawIdsMark, readout } from './ids.js';
import { drawPairs, drawScores, scoresOf } from './pairs.js';
import { MODELS, PROMPTS, parseSegments, readPrompt } from './prompt.js';
import { drawSeconds, secondsNote } from './seconds.js';
import {
  drawVision,
  drawVisionFigure,
  visionImageOf,
  visionOwn,
  visionTableKey,
  visionTableOf,
} from './vision.js';

function markup(t) {
  const models = Object.entries(MODELS)
    .map(([v, m]) => `<option value="${v}"${v === 'qwen2.5-vl' ? ' selected' : ''}>${m.label}</option>`)
    .join('');
  const prompts = PROMPTS.map((p) => `<option value="${p}">${p}</option>`).join('');
  const canvas = (name, title) =>
    `<h3>${t(title)}</h3><canvas class="mm-${name}" role="img" aria-label="${t(title)}"></canvas>`;
  // A figure with its marks' layer over it (layers.js).
  const layered = (name, title) =>
    `<h3>${t(title)}</h3><div class="mm-layers"><canvas class="mm-${name}" role="img" aria-label="${t(title)}"></canvas><canvas class="mm-${name}-mark mm-layer" aria-hidden="true"></canvas></div>`;
  return `
    <div class="text">
      <h2 id="multimodal-title">${t('title')}</h2>
      ${t('bodyHtml')}
      <div class="scheme-controls">
        <label class="inline-label">${t('model')}
          <select name="multimodal-model">${models}</select></label>
        <label class="inline-label mm-prompt">${t('prompt')}
          <input type="text" name="multimodal-segments" value="${PROMPTS[0]}" list="multimodal-prompts"
            spellcheck="false" autocomplete="off" /></label>
        <datalist id="multimodal-prompts">${prompts}</datalist>
        <label class="inline-label">${t('token')}
          <input type="range" name="multimodal-token" min="0" max="137" value="40" /></label>
      </div>
    </div>
    <div class="figure">
      ${layered('ids', 'idsTitle')}
      <p class="mm-legend legend"></p>
      <p class="mm-readout readout" aria-live="polite"></p>
      <p class="mm-rewrite note"></p>
      ${layered('grid', 'gridTitle')}
      <p class="mm-grid-note note"></p>
      ${canvas('seconds', 'secondsTitle')}
      <p class="mm-seconds-legend legend"></p>
      <p class="mm-seconds-note note"></p>
      ${canvas('pairs', 'pairsTitle')}
      <p class="mm-pairs-note note"></p>
      ${canvas('scores', 'scoresTitle')}
      <p class="mm-scores-legend legend"></p>
      <p class="mm-scores-note note"></p>
      ${layered('vision', 'visionTitle')}
      <p class="mm-vision-note note"></p>
      ${canvas('flux', 'fluxTitle')}
      <p class="mm-flux-legend legend"></p>
      <p class="mm-flux-note note"></p>
    </div>`;
}

const KEPT = 8;

/** The first token of each image and video frame of the prompt, the first eight. */
function frameStarts(p) {
  const { cell, segment } = p.layout;
  const starts = [];
  for (let i = 0; i < cell.length && starts.length < 8; i++) {
    const before = i - 1;
    if (cell[i] && !(cell[before] && segment[before] === segment[i] && cell[before][0] === cell[i][0]))
      starts.push(i);
  }
  return starts;
}

class MultimodalView extends SchemeView {
  // The figure's settings (SchemeView): the engine's pe.schemes.mrope options `model` and `segments`
  // (pe-export's spelling of the prompt), and the token the readout, the grid and the vision table follow.
  static table = 'mrope';
  static settings = [
    { option: 'model', control: 'multimodal-model' },
    {
      option: 'segments',
      control: 'multimodal-segments',
      check: (pe, text) => pe.mropePositionIds(parseSegments(text)),
    },
    { name: 'token', control: 'multimodal-token', upTo: 'tokens − 1' },
  ];

  constructor(root, pe, t, onError) {
    super(root, pe, t, onError);
    this.frame = 0; // the animation frame of the next figure due, 0 when none is
    this.drawn = {}; // figure -> the key of what it shows
    this.prompts = new Map(); // model|prompt -> readPrompt's answer, the last KEPT
    this.draw();
  }

  destroy() {
    super.destroy();
    cancelAnimationFrame(this.frame);
    this.destroyed = true;
  }

  value(name) {
    return this.root.querySelector(`[name="multimodal-${name}"]`).value;
  }

  /** The prompt as the engine reads it, kept for the last few models and prompts (a reader going
   *  back and forth between models reads each once). */
  prompt() {
    const key = `${this.value('model')}|${this.value('segments')}`;
    return keepLast(this.prompts, key, KEPT, () =>
      readPrompt(this.pe, this.value('model'), this.value('segments')),
    );
  }

  /** The token slider reaches the prompt's last token. */
  limits() {
    const slider = this.root.querySelector('[name="multimodal-token"]');
    try {
      slider.max = String(Math.max(0, this.prompt().tokens - 1));
    } catch {
      // a prompt the engine refuses: the slider keeps its range (apply falls the prompt back)
    }
    return Number(slider.max);
  }

  /** Reads the prompt (the engine refuses a bad one here, in the event: apply falls it back), then
   *  redraws each figure and mark whose key changed: those marked `now` in this event, the others one
   *  per animation frame; then makes ahead, one per frame, the vision table of every image and video
   *  frame of the prompt (the first eight), so that the token moves over kept tables. A draw with no
   *  event (a resize, the theme, settings applied) redraws them all. */
  render(event) {
    cancelAnimationFrame(this.frame); // what the last change left due is redone below if still stale
    this.frame = 0;
    const p = this.prompt();
    const token = Math.min(Number(this.value('token')), this.limits());
    const canvas = this.root.querySelector('canvas.mm-ids');
    const c = theme(canvas);
    const width = widthOf(canvas.closest('.figure')); // the figures' column (the chart's box is its layers')
    if (!event) this.drawn = {};
    const look = `${width}|${c.fg}|${c.bg}|${c.accent}|${c.series.join()}`;
    const prompt = `${p.key}|${look}`;
    const at = `${prompt}|${token}`;
    const onToken = event?.target?.name === 'multimodal-token';
    const own = visionOwn(p, token);
    const table = visionTableKey(this, p, own, look);
    // The frames' tables ahead (one per grid; not the chosen token's: its figure makes it).
    const ahead = new Map();
    for (const start of frameStarts(p)) {
      const { key, kept } = visionTableKey(this, p, start, look);
      if (!kept && key !== table.key && !ahead.has(key)) ahead.set(key, start);
    }
    // [figure, key, now, draw]: a figure at once when the token moved, else in a later frame; a
    // token's mark at once too when its figure is drawn already.
    const base = (name, key) => onToken || this.drawn[name] === key;
    const grid = `${prompt}|${gridKey(p, token)}`;
    const vision = `${table.key}|${width}`;
    const figures = [
      ['prompt', prompt, true, () => describePrompt(this, p, c)],
      ['readout', `${p.key}|${token}`, true, () => readout(this, p, token)],
      ['secondsNote', p.key, true, () => secondsNote(this, p)],
      ['ids', prompt, onToken, () => drawIdsChart(this, p, c, width)],
      ['idsMark', at, base('ids', prompt), () => drawIdsMark(this, p, token, c, width)],
      ['gridFrame', grid, onToken, () => drawGridFrame(this, p, token, c, width)],
      ['grid', at, base('gridFrame', grid), () => drawGrid(this, p, token, c, width)],
      // The vision table's engine answer, then its image, a frame each before its figure (kept: none).
      ...(onToken || table.kept
        ? []
        : [
            ['visionTable', table.key, false, () => visionTableOf(this, p, own, c, width, look)],
            ['visionImage', table.key, false, () => visionImageOf(this, p, own, c, width, look)],
          ]),
      ['visionFigure', vision, onToken, () => drawVisionFigure(this, p, token, c, width, look)],
      ['vision', at, base('visionFigure', vision), () => drawVision(this, p, token, c, width, look)],
      ['pairs', `${look}|${MODELS[p.model].interleaved}`, false, () => drawPairs(this, p, c, width)],
      ...(this.scores?.has(p.model) ? [] : [['scoresData', p.model, false, () => scoresOf(this, p.model)]]),
      ['scores', `${look}|${p.model}`, false, () => drawScores(this, p, c)],
      ['seconds', look, false, () => drawSeconds(this, c)],
      ['flux', look, false, () => drawFlux(this, c)],
      ...[...ahead].flatMap(([key, start]) => [
        [`ahead:${key}`, key, false, () => visionTableOf(this, p, start, c, width, look)],
        [`aheadImage:${key}`, key, false, () => visionImageOf(this, p, start, c, width, look)],
      ]),
    ].filter(([name, key]) => this.drawn[name] !== key);
    for (const [name, key, now, draw] of figures) {
      if (!now) continue;
      draw();
      this.drawn[name] = key;
    }
    drawInFrames(
      this,
      figures
        .filter(([, , now]) => !now)
        .map(([name, key, , draw]) => [
          name.replace(/:.*/, ''),
          () => {
            draw();
            this.drawn[name] = key;
          },
        ]),
    );
  }
}

export default oneFigure({
  name: 'multimodal',
  order: 27,
  engine: ['mrope', 'axial'],
  markup,
  View: MultimodalView,
});
