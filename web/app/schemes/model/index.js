// The model atlas: one model's position handling layer by layer, as the engine reads its config.json
// (pe.ropeFromConfig: `layers`, `layerTypes`, `queryScaling`; pe.queryScale) the way transformers
// reads it (reading.js). A gallery of published configs (gallery.js; each loaded when selected) or a
// pasted one; the layer strip and the head-dimension bar (layers.js); per layer type the long-context
// figures side by side (types.js, on rope-figures.js, shared with the context view); Llama 4's query
// temperature against position; and the traps an engine must get right for this model, each linked to
// the figure that shows it. A pick reads the config and writes the summary at once, then one step per
// animation frame (the strip, the head bar with the traps, each figure, the temperature, the paste
// box's text), each within a frame at CPU 4x; a new pick cancels what is left of the last.
// Its text is en.js / zh.js beside it, its styles styles.css.
import { theme } from '../../canvas.js';
import { drawInFrames, oneFigure, SchemeView } from '../common.js';
import { fmt } from '../rope-figures.js';
import { GALLERY, loadConfig } from './gallery.js';
import { drawHeads, drawStrip } from './layers.js';
import { findTraps, readModel } from './reading.js';
import { drawTemperature, measureColumns, named, typeSteps } from './types.js';

const DEFAULT_MODEL = 'google/gemma-3-1b-it';

function markup(t) {
  const options = GALLERY.map(
    (g) => `<option value="${g.model}"${g.model === DEFAULT_MODEL ? ' selected' : ''}>${g.model}</option>`,
  ).join('');
  const part = (key, body) => `<h3 id="model-${key}-title" tabindex="-1">${t(`${key}Title`)}</h3>${body}`;
  return `
    <div class="text">
      <h2 id="model-title">${t('title')}</h2>
      ${t('bodyHtml')}
      <div class="scheme-controls">
        <label class="inline-label">${t('preset')}
          <select name="model-preset" translate="no">${options}<option value="custom">${t('custom')}</option></select></label>
      </div>
      <p class="model-source note" translate="no"></p>
      <details class="model-paste">
        <summary>${t('pasteLabel')}</summary>
        <textarea name="model-config" rows="8" spellcheck="false" aria-label="config.json"></textarea>
        <button type="button" data-action="model-read">${t('read')}</button>
      </details>
      <p class="model-summary note" aria-live="polite"></p>
      <div class="model-warnings"></div>
    </div>
    <div class="figure">
      ${part('traps', '<ul class="model-traps"></ul>')}
      ${part('strip', '<div class="model-strip" role="img"></div><ul class="model-strip-legend"></ul>')}
      ${part('head', '<div class="model-heads"></div>')}
      ${part(
        'types',
        `<p class="note">${t('typesNote')}</p><p class="note model-length-note"></p><div class="model-types"></div>`,
      )}
      ${part(
        'temperature',
        `<canvas class="model-temperature" role="img" aria-label="${t('temperatureTitle')}"></canvas>
      <p class="model-temperature-note note"></p>`,
      )}
    </div>`;
}

class ModelView extends SchemeView {
  // The figure's settings (SchemeView): the model (a gallery Hub id, or custom) and, for custom, the
  // config itself (the engine reads it; a text it refuses falls back with the engine's message).
  static settings = [
    { name: 'model', control: 'model-preset' },
    { name: 'config', control: 'model-config', check: (pe, text) => pe.ropeFromConfig(text) },
  ];

  constructor(root, pe, t, onError) {
    super(root, pe, t, onError);
    this.select = root.querySelector('[name="model-preset"]');
    this.text = root.querySelector('[name="model-config"]');
    this.configs = new Map(); // slug -> config text, once loaded
    this.frame = 0; // the animation frame of the next figure, 0 when none is due (drawInFrames)
    this.onRead = () => {
      this.select.value = 'custom';
      this.onChange({ type: 'change' });
    };
    this.readButton = root.querySelector('[data-action="model-read"]');
    this.readButton.addEventListener('click', this.onRead);
    // Typing in the box redraws only when asked (the button), not on every keystroke.
    this.text.removeEventListener('input', this.onChange);
    this.text.removeEventListener('change', this.onChange);
    // A trap's link scrolls to its figure inside this section (no address change: the page's hash
    // holds its settings).
    this.onJump = (event) => {
      const link = event.target.closest('a[data-figure]');
      if (!link) return;
      event.preventDefault();
      const target = root.querySelector(`#${link.dataset.figure}`);
      target?.scrollIntoView({ block: 'start' });
      target?.focus({ preventScroll: true });
    };
    root.addEventListener('click', this.onJump);
    this.draw();
  }

  destroy() {
    super.destroy();
    cancelAnimationFrame(this.frame);
    this.readButton.removeEventListener('click', this.onRead);
    this.root.removeEventListener('click', this.onJump);
    this.destroyed = true;
  }

  /** The config is a setting only when it is the reader's (custom), not a preset's. */
  values(changed) {
    const values = super.values(changed);
    if (this.select.value !== 'custom') delete values.config;
    else values.config = this.text.value;
    return values;
  }

  /** The selected config's text, or null while a gallery config loads (it redraws when it has). */
  configText() {
    const entry = GALLERY.find((g) => g.model === this.select.value);
    const source = this.root.querySelector('.model-source');
    if (!entry) {
      source.textContent = this.t('sourcePasted');
      return this.text.value;
    }
    source.replaceChildren(this.t('source'), ' ', sourceLink(source.ownerDocument, entry.source));
    // The paste box shows it too, written in the pick's last step (a large config's text is a few ms).
    if (this.configs.has(entry.slug)) return this.configs.get(entry.slug);
    loadConfig(entry.slug).then(
      (text) => {
        this.configs.set(entry.slug, text);
        if (!this.destroyed && this.select.value === entry.model) this.draw();
      },
      (error) => this.onError({ kind: 'view_failed', args: { reason: String(error.message) } }),
    );
    return null;
  }

  /** This frame: the reading, the summary and the warnings; then one step per animation frame: the
   *  strip and the columns' titles, the head bar with the traps, each figure, the temperature, the
   *  paste box's text (data-state "drawing", then "drawn"). */
  render(event) {
    if (event?.type === 'change' && event.target?.tagName === 'SELECT') return; // input came first
    cancelAnimationFrame(this.frame); // the figures still due for the last pick are stale now
    this.frame = 0;
    const summary = this.root.querySelector('.model-summary');
    const text = this.configText();
    if (text === null) {
      this.root.dataset.state = 'loading';
      summary.textContent = this.t('loading');
      return;
    }
    let model;
    try {
      model = readModel(this.pe, text);
    } catch (error) {
      // A bad config is a message in the summary's place; the figures keep the last good model.
      summary.textContent = this.t.error(error);
      summary.dataset.error = error.kind || 'error';
      this.root.dataset.state = 'error';
      return;
    }
    delete summary.dataset.error;
    this.palette = theme(this.root);
    const r = model.result;
    summary.textContent = this.t('summary', {
      layers: model.layers.length,
      types: model.types.length,
      mpe: r.maxPositions === null ? '—' : fmt(r.maxPositions),
    });
    this.showWarnings(r.warnings);
    // The strip and the columns' titles in the next frame (this one has read the config), then the
    // head bar with the traps (its links name the columns' titles), each figure, the temperature,
    // and the paste box's text.
    const steps = [
      named('strip', () => {
        drawStrip(this, model);
        const figures = typeSteps(this, model);
        steps.unshift(
          named('heads', () => {
            measureColumns(this); // first: the page is laid out (nothing written yet this frame)
            drawHeads(this, model);
            this.showTraps(model);
          }),
          ...figures,
          named('temperature', () => drawTemperature(this, model)),
          named('paste', () => {
            if (this.select.value !== 'custom') this.text.value = text;
          }),
        );
      }),
    ];
    this.root.dataset.model = this.select.value;
    drawInFrames(this, steps); // data-state "drawing" until the last step, entries pe-render:model:<step>
  }

  showWarnings(warnings) {
    const box = this.root.querySelector('.model-warnings');
    const doc = box.ownerDocument;
    box.dataset.warnings = warnings.map((w) => w.kind).join(' ');
    if (!warnings.length) return box.replaceChildren();
    const title = doc.createElement('h3');
    title.id = 'model-warnings-title';
    title.tabIndex = -1;
    title.textContent = this.t('warningsTitle');
    const list = doc.createElement('ul');
    for (const w of warnings) {
      const item = doc.createElement('li');
      item.textContent = this.t.error(w);
      item.dataset.kind = w.kind;
      list.append(item);
    }
    box.replaceChildren(title, list);
  }

  /** A layer type in words: attention kind, window, θ, rope type, or no RoPE. */
  describe(type) {
    const kind = this.t(`attention_${type.attention}`);
    const window = type.window === null ? '' : this.t('window', { window: fmt(type.window) });
    const rope = type.rope
      ? this.t('ropeOf', { theta: fmt(type.theta), type: type.ropeType })
      : this.t('nope');
    return `${kind}${window}; ${rope}`;
  }

  colorOf(type) {
    const c = this.palette; // read once per redraw (render): a style lookup per layer is slow
    return type.rope ? c.series[type.index % c.series.length] : c.muted;
  }

  /** One line per trap this reading holds, each with a link to the figure that shows it. */
  showTraps(model) {
    const list = this.root.querySelector('.model-traps');
    const doc = list.ownerDocument;
    const traps = findTraps(model).map(({ key, vars, figure }) => {
      const item = doc.createElement('li');
      item.dataset.trap = key;
      const link = doc.createElement('a');
      link.href = `#${figure}`;
      link.dataset.figure = figure;
      link.textContent = this.t('seeFigure');
      item.append(this.t(`trap_${key}`, vars), ' ', link);
      return item;
    });
    if (!traps.length) {
      const item = doc.createElement('li');
      item.textContent = this.t('noTraps');
      traps.push(item);
    }
    list.replaceChildren(...traps);
  }
}

/** Where a gallery config's text came from: a link to that file at that commit where it has one. */
function sourceLink(doc, { repository, path, commit }) {
  const hex = /^[0-9a-f]{40}$/.test(commit);
  const text = `${repository}, ${path} @ ${hex ? commit.slice(0, 8) : commit}`;
  if (!hex) return text;
  const a = doc.createElement('a');
  a.href = repository.startsWith('huggingface.co/')
    ? `https://${repository}/blob/${commit}/${path}`
    : `https://github.com/${repository}/blob/${commit}/${path}`;
  a.textContent = text;
  a.rel = 'noopener';
  return a;
}

export default oneFigure({
  name: 'model',
  order: 60,
  engine: ['rope', 'rope_config'],
  markup,
  View: ModelView,
});
