// Long context: how RoPE is stretched past the training length, per method, with the numbers of
// transformers' modeling_rope_utils.py (pe.ropeFrequencies / pe.ropeFromConfig). A model's config (a
// preset, presets.js, or pasted) is read as the library reads it (reading.js); the figures
// (figures.js) show per pair the wavelength against the training length with each method's bands,
// the new inverse frequency against the default, the largest angle seen in training against the angle
// at the new length (pairs that would see angles never seen in training are marked), q·k against
// distance for every method side by side, and what YaRN's attention temperature does to the softmax.
// Its text is en.js / zh.js beside it, its styles styles.css (README, "Adding a scheme").
import { formatNumber } from '../../canvas.js';
import { oneFigure, SchemeView } from '../common.js';
import { fmt } from '../rope-figures.js';
import { angleFigure, ratioFigure, scoresFigure, temperatureFigure, wavelengthFigure } from './figures.js';
import { PRESETS } from './presets.js';
import { readModel } from './reading.js';

const FIGURES = ['wavelength', 'ratio', 'angle', 'scores', 'temperature'];

function markup(t) {
  const options = Object.entries(PRESETS)
    .map(
      ([key, p]) =>
        `<option value="${p.model}"${key === 'llama31' ? ' selected' : ''}>${t(`preset_${key}`)}</option>`,
    )
    .join('');
  return `
    <div class="text">
      <h2 id="context-title">${t('title')}</h2>
      ${t('bodyHtml')}
      <div class="scheme-controls">
        <label class="inline-label">${t('preset')}
          <select name="context-preset">${options}<option value="custom">${t('custom')}</option></select></label>
      </div>
      <details class="context-paste">
        <summary>${t('pasteLabel')}</summary>
        <textarea name="context-config" rows="8" spellcheck="false" aria-label="config.json"></textarea>
        <button type="button" data-action="context-read">${t('read')}</button>
      </details>
      <p class="context-summary note" aria-live="polite"></p>
      <div class="context-warnings"></div>
    </div>
    <div class="figure">
      ${FIGURES.map(
        (k) => `<h3>${t(`${k}Title`)}</h3>
      <canvas class="context-${k}" role="img" aria-label="${t(`${k}Title`)}"></canvas>
      <p class="legend context-${k}-legend"></p>
      <p class="context-${k}-note note"></p>`,
      ).join('')}
    </div>`;
}

class ContextView extends SchemeView {
  // The figure's settings (SchemeView): the model (a preset's Hub id, or custom) and, for custom, the
  // config itself (the engine reads it as transformers does).
  static settings = [
    { name: 'model', control: 'context-preset' },
    { name: 'config', control: 'context-config', check: (pe, text) => pe.ropeFromConfig(text) },
  ];

  constructor(root, pe, t, onError) {
    super(root, pe, t, onError);
    this.select = root.querySelector('[name="context-preset"]');
    this.text = root.querySelector('[name="context-config"]');
    this.onRead = () => {
      this.select.value = 'custom';
      this.onChange({ type: 'change' });
    };
    this.readButton = root.querySelector('[data-action="context-read"]');
    this.readButton.addEventListener('click', this.onRead);
    // Typing in the box redraws only when asked (the button): not on every keystroke.
    this.text.removeEventListener('input', this.onChange);
    this.text.removeEventListener('change', this.onChange);
    this.draw();
  }

  destroy() {
    super.destroy();
    this.readButton.removeEventListener('click', this.onRead);
  }

  /** The config text: the preset's (shown in the box), or what the reader pasted. */
  configText() {
    const preset = Object.values(PRESETS).find((p) => p.model === this.select.value);
    if (preset) this.text.value = JSON.stringify(preset.config, null, 2);
    return this.text.value;
  }

  /** The config is a setting only when it is the reader's (custom), not a preset's. */
  values(changed) {
    const values = super.values(changed);
    if (this.select.value !== 'custom') delete values.config;
    else values.config = this.text.value;
    return values;
  }

  render(event) {
    if (event?.type === 'change' && event.target?.tagName === 'SELECT') return; // input came first
    const box = this.root.querySelector('.context-warnings');
    const summary = this.root.querySelector('.context-summary');
    let model;
    try {
      model = readModel(this.pe, this.configText());
    } catch (error) {
      // A bad config is a message in the box's place; the figures keep the last good model.
      summary.textContent = this.t.error(error);
      summary.dataset.error = error.kind || 'error';
      box.replaceChildren();
      return;
    }
    delete summary.dataset.error;
    this.model = model;
    const r = model.result;
    summary.textContent = this.t('summary', {
      type: r.ropeType,
      head: r.headDim,
      rotary: r.rotaryDim,
      pairs: r.invFreq.length,
      theta: fmt(r.theta),
      train: fmt(model.train),
      target:
        model.wanted > model.target
          ? this.t('targetCapped', { target: fmt(model.target), wanted: fmt(model.wanted) })
          : fmt(model.target),
      factor: formatNumber(model.target / model.train, 4),
      scale: formatNumber(r.attentionScaling, 6),
    });
    summary.dataset.type = r.ropeType;
    this.showWarnings(box, r.warnings);
    wavelengthFigure(this.root, this.t, model);
    ratioFigure(this.root, this.t, model);
    angleFigure(this.root, this.t, model);
    scoresFigure(this.root, this.pe, this.t, model);
    temperatureFigure(this.root, this.pe, this.t, model);
  }

  showWarnings(box, warnings) {
    const doc = box.ownerDocument;
    box.dataset.warnings = warnings.map((w) => w.kind).join(' ');
    if (!warnings.length) {
      const p = doc.createElement('p');
      p.className = 'note';
      p.textContent = this.t('noWarnings');
      box.replaceChildren(p);
      return;
    }
    const title = doc.createElement('h3');
    title.textContent = this.t('warningsTitle');
    const list = doc.createElement('ul');
    list.className = 'context-warning-list';
    for (const w of warnings) {
      const item = doc.createElement('li');
      item.textContent = this.t.error(w);
      item.dataset.kind = w.kind;
      list.append(item);
    }
    box.replaceChildren(title, list);
  }
}

export default oneFigure({
  name: 'context',
  order: 50,
  engine: ['rope', 'rope_config'],
  markup,
  View: ContextView,
});
