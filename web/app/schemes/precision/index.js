// Precision: what float16 and bfloat16 do to position encodings. One quantity of the computation is
// held in the low format (position ids, frequencies, angles or outputs), everything else in float64,
// and the engine measures the error of every (position, pair): an error heatmap up to 10^6 positions
// drawn at canvas resolution by the engine (pe.renderPrecision: heatmap.js, panned and zoomed by
// pan-zoom.js), the positions that collapse onto one vector (pe.precisionError), one pair's angle error
// against the formats' spacing, and what the frameworks do about it, each with its figure (figures.js).
// Its text is en.js / zh.js beside it, its styles styles.css (README, "Adding a scheme").
import { grouped } from '../../canvas.js';
import { oneFigure, SchemeView } from '../common.js';
import { figures } from './figures.js';
import { heatmap } from './heatmap.js';
import { panZoom } from './pan-zoom.js';
import { ENCODINGS, FORMATS, RANGES, STAGES } from './settings.js';

function markup(t) {
  const options = (list, selected, label = (v) => t(v)) =>
    list.map((v) => `<option value="${v}"${v === selected ? ' selected' : ''}>${label(v)}</option>`).join('');
  return `
    <div class="text">
      <h2 id="precision-title">${t('title')}</h2>
      ${t('bodyHtml')}
      <div class="scheme-controls">
        <label class="inline-label">${t('encoding')}
          <select name="precision-encoding">${options(Object.keys(ENCODINGS), 'rope')}</select></label>
        <label class="inline-label">${t('format')}
          <select name="precision-format">${options(FORMATS, 'bfloat16', (v) => v)}</select></label>
        <label class="inline-label">${t('stage')}
          <select name="precision-stage">${options(STAGES, 'positions')}</select></label>
        <label class="inline-label">${t('range')}
          <select name="precision-range">${options(RANGES, 4096, (v) => grouped(v))}</select></label>
      </div>
    </div>
    <div class="figure">
      <h3>${t('heatTitle')}</h3>
      <p class="howto">${t('heatHowto')}</p>
      <canvas class="precision-heatmap" tabindex="0" role="img" aria-label="${t('heatTitle')}"></canvas>
      <p class="legend precision-colours"></p>
      <p class="precision-window note"></p>
      <p class="precision-cell note" aria-live="polite"></p>
      <p class="precision-summary note"></p>
      <h3>${t('collapseTitle')}</h3>
      <div class="precision-collapse note"></div>
      <h3>${t('stepsTitle')}</h3>
      <label class="inline-label">${t('pair')}
        <input type="range" name="precision-pair" min="0" max="63" value="0" /></label>
      <canvas class="precision-steps" role="img" aria-label="${t('stepsTitle')}"></canvas>
      <p class="legend precision-steps-legend"></p>
      <p class="precision-steps-note note"></p>
      <h3>${t('frameworksTitle')}</h3>
      <div class="precision-frameworks">
        ${['ids', 'inv', 'big']
          .map(
            (k) => `<figure class="precision-${k}"><figcaption><strong>${t(`${k}Title`)}</strong></figcaption>
          <canvas class="precision-${k}-chart" role="img" aria-label="${t(`${k}Title`)}"></canvas>
          <p class="note"></p></figure>`,
          )
          .join('')}
      </div>
    </div>`;
}

class PrecisionView extends SchemeView {
  // The figure's settings (SchemeView): each its control's options (the formats and stages are all
  // the engine's), the pair inside its slider's range.
  static settings = ['encoding', 'format', 'stage', 'range', 'pair'].map((name) => ({
    name,
    control: `precision-${name}`,
  }));

  constructor(root, pe, t, onError) {
    super(root, pe, t, onError);
    this.heat = root.querySelector('.precision-heatmap');
    this.window = null; // { start, count } of the heatmap; null: the whole range
    this.helper = document.createElement('canvas'); // the engine's pixels, scaled onto the heatmap
    this.frameworksDrawn = '';
    const on = (target, type, handler, options) => {
      target.addEventListener(type, handler, options);
      this.listeners.push(() => target.removeEventListener(type, handler, options));
    };
    this.listeners = [];
    this.pointers = new Map();
    on(this.heat, 'pointerdown', (e) => this.pointerDown(e));
    on(this.heat, 'pointermove', (e) => this.pointerMove(e));
    on(this.heat, 'pointerup', (e) => this.pointerUp(e));
    on(this.heat, 'pointercancel', (e) => this.pointerUp(e));
    on(this.heat, 'wheel', (e) => this.wheel(e), { passive: false });
    on(this.heat, 'dblclick', () => this.setWindow(null));
    on(this.heat, 'keydown', (e) => this.key(e));
    this.draw();
  }

  destroy() {
    super.destroy();
    for (const undo of this.listeners) undo();
    clearTimeout(this.fineTimer);
  }

  settings() {
    const value = (name) => this.root.querySelector(`[name="precision-${name}"]`).value;
    const encoding = value('encoding');
    return {
      encoding,
      options: ENCODINGS[encoding],
      how: { format: value('format'), stage: value('stage') },
      range: Number(value('range')),
    };
  }

  omega(options) {
    return options.headDim
      ? this.pe.ropeFrequencies(options).invFreq
      : Float64Array.from(this.pe.dimensions(options).omega.filter((_, n) => n % 2 === 0));
  }

  /** event: the control that changed, if any (SchemeView passes it). */
  render(event) {
    const target = event?.target;
    // A select fires input and then change: one redraw is enough.
    if (event?.type === 'change' && target?.tagName === 'SELECT') return;
    const s = this.settings();
    if (target?.name === 'precision-pair') return this.drawSteps(s); // only its own figure
    // Another encoding or range (from its control, an attribute or the address) shows the whole range.
    if (this.shown !== (this.shown = s.encoding + s.range)) this.window = null;
    this.pairs = this.omega(s.options).length;
    this.describe(s);
    this.drawHeat(s, false);
    this.drawSteps(s);
    this.drawFrameworks();
  }
}
Object.assign(PrecisionView.prototype, heatmap, panZoom, figures);

// Its engine: precision's bindings, RoPE's (ropeFrequencies) and the sinusoidal analysis (dimensions).
export default oneFigure({
  name: 'precision',
  order: 40,
  engine: ['precision', 'rope', 'analysis'],
  markup,
  View: PrecisionView,
});
