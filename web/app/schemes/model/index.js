// The model atlas: one model's position handling layer by layer, as the engine reads its config.json
// (pe.ropeFromConfig: `layers`, `layerTypes`, `queryScaling`; pe.queryScale) the way transformers
// reads it. A gallery of published configs (gallery.js; each loaded when selected) or a pasted one;
// the layer strip (each layer's attention kind, window, θ, rope type, or NoPE); the head-dimension bar
// (which dimensions rotate, in which pairs); per layer type the long-context figures side by side
// (rope-figures.js, shared with the context view); Llama 4's query temperature against position; and
// the traps an engine must get right for this model, each linked to the figure that shows it.
// Its text is en.js / zh.js beside it, its styles styles.css.
import { fitCanvas, formatNumber, theme } from '../../canvas.js';
import { lineChart, SchemeView } from '../common.js';
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
import { GALLERY, loadConfig } from './gallery.js';

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
    if (this.configs.has(entry.slug)) {
      this.text.value = this.configs.get(entry.slug);
      return this.text.value;
    }
    loadConfig(entry.slug).then(
      (text) => {
        this.configs.set(entry.slug, text);
        if (!this.destroyed && this.select.value === entry.model) this.draw();
      },
      (error) => this.onError({ kind: 'view_failed', args: { reason: String(error.message) } }),
    );
    return null;
  }

  render(event) {
    if (event?.type === 'change' && event.target?.tagName === 'SELECT') return; // input came first
    const summary = this.root.querySelector('.model-summary');
    const text = this.configText();
    if (text === null) {
      this.root.dataset.state = 'loading';
      summary.textContent = this.t('loading');
      return;
    }
    let model;
    try {
      model = this.read(text);
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
    summary.textContent = this.t(model.perLayer ? 'summary' : 'summaryUnfinished', {
      layers: model.layers.length,
      types: model.types.length,
      mpe: r.maxPositions === null ? '—' : fmt(r.maxPositions),
    });
    this.showWarnings(r.warnings);
    this.drawStrip(model);
    this.drawHeads(model);
    this.drawTypes(model);
    this.drawTemperature(model);
    this.showTraps(model);
    this.root.dataset.model = this.select.value;
    this.root.dataset.state = 'drawn';
  }

  /** The engine's reading (for dynamic NTK and LongRoPE twice: once for the lengths, then at the
   *  length the scaling reaches), and
   *  per layer type the figures' inputs. An engine without the per-layer reading gives one type for
   *  every layer, marked `unfinished` (the strip then says so instead of guessing from the config). */
  read(text) {
    const first = this.pe.ropeFromConfig(text);
    const { target } = lengthsOf(
      first.ropeType,
      first.scaling,
      first.factor,
      first.maxPositions,
      first.originalMaxPositions,
    );
    // Read again at that length only where it changes the frequencies (dynamic NTK, LongRoPE).
    const bySequence = (x) => x.ropeType === 'dynamic' || x.ropeType === 'longrope';
    const r = [first, ...Object.values(first.layerTypes || {})].some(bySequence)
      ? this.pe.ropeFromConfig(text, { sequenceLength: Math.min(target, this.pe.limits.maxPosition) })
      : first;
    // The engine's per-layer reading: one layer-type name per hidden layer. An engine without it (or
    // one that does not lay a model's layers out yet) gives the first layer type's fields only.
    const perLayer = Array.isArray(r.layers) && r.layers.length > 0;
    const typesOf = r.layerTypes || {
      [r.ropeType]: {
        rope: true,
        ropeType: r.ropeType,
        theta: r.theta,
        invFreq: r.invFreq,
        attentionScaling: r.attentionScaling,
        headDim: r.headDim,
        rotaryDim: r.rotaryDim,
        rotatedSlice: 'first',
        pairing: 'half',
        attention: 'full',
        window: null,
        scaling: r.scaling,
      },
    };
    const layers = perLayer ? r.layers : [];
    const names = perLayer ? [...new Set(layers)] : Object.keys(typesOf);
    const types = names.map((name, index) => ({
      name,
      index,
      ...typesOf[name],
      count: layers.filter((l) => l === name).length,
    }));
    // The main type's scaling block is the reading's own (older engines give no per-type scaling).
    const main = types.find((x) => x.rope);
    if (main && main.scaling === undefined) main.scaling = r.scaling;
    return { result: r, perLayer, layers, types, main };
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
    const window =
      type.window === null || type.window === undefined ? '' : this.t('window', { window: fmt(type.window) });
    const rope = type.rope
      ? this.t('ropeOf', { theta: fmt(type.theta), type: type.ropeType })
      : this.t('nope');
    return `${kind}${window}; ${rope}`;
  }

  colorOf(type) {
    const c = this.palette; // read once per redraw (render): a style lookup per layer is slow
    return type.rope ? c.series[type.index % c.series.length] : c.muted;
  }

  drawStrip(model) {
    const strip = this.root.querySelector('.model-strip');
    const legendBox = this.root.querySelector('.model-strip-legend');
    const doc = strip.ownerDocument;
    strip.dataset.unfinished = String(!model.perLayer);
    if (!model.perLayer) {
      // This engine reads one RoPE for the whole model: no per-layer strip to draw (and none guessed).
      strip.replaceChildren();
      strip.setAttribute('aria-label', this.t('stripUnfinished'));
      const item = doc.createElement('li');
      item.className = 'unfinished';
      item.textContent = this.t('stripUnfinished');
      legendBox.replaceChildren(item);
      return;
    }
    const byName = Object.fromEntries(model.types.map((x) => [x.name, x]));
    strip.replaceChildren(
      ...model.layers.map((name, i) => {
        const cell = doc.createElement('span');
        const type = byName[name];
        cell.className = type.rope ? 'layer' : 'layer nope';
        cell.dataset.type = name;
        cell.style.setProperty('--layer-color', this.colorOf(type));
        cell.title = `${this.t('layer', { index: i })}: ${name}`;
        return cell;
      }),
    );
    strip.setAttribute('aria-label', model.types.map((x) => `${x.count} × ${x.name}`).join(', '));
    legendBox.replaceChildren(
      ...model.types.map((type) => {
        const item = doc.createElement('li');
        const swatch = doc.createElement('span');
        swatch.className = type.rope ? 'layer' : 'layer nope';
        swatch.style.setProperty('--layer-color', this.colorOf(type));
        const name = doc.createElement('code');
        name.textContent = type.name;
        item.dataset.type = type.name;
        item.append(swatch, name, ` × ${type.count}: ${this.describe(type)}`);
        return item;
      }),
    );
  }

  /** One bar per distinct head geometry among the rotating layer types. */
  drawHeads(model) {
    const box = this.root.querySelector('.model-heads');
    const doc = box.ownerDocument;
    const seen = new Map();
    for (const type of model.types.filter((x) => x.rope)) {
      const key = [type.headDim, type.rotaryDim, type.rotatedSlice, type.pairing, zeroPairs(type)].join();
      if (!seen.has(key)) seen.set(key, []);
      seen.get(key).push(type);
    }
    const bars = [...seen.values()].map((group) => {
      const type = group[0];
      const h = type.headDim;
      const r = type.rotaryDim;
      const z = zeroPairs(type);
      const figure = doc.createElement('div');
      figure.className = 'model-head';
      figure.dataset.slice = type.rotatedSlice;
      figure.dataset.pairing = type.pairing;
      const title = doc.createElement('p');
      title.textContent = this.t('headOf', { types: group.map((x) => x.name).join(', '), head: h });
      const bar = doc.createElement('div');
      bar.className = 'model-head-bar';
      const segment = (kind, dims, label) => {
        if (dims <= 0) return null;
        const s = doc.createElement('span');
        s.className = `segment ${kind}`;
        s.style.flexGrow = String(dims);
        s.dataset.dims = String(dims);
        s.textContent = label;
        s.title = label;
        return s;
      };
      const last = type.rotatedSlice === 'last';
      const pass = segment('pass', h - r, this.t(last ? 'qNope' : 'passThrough', { dims: h - r }));
      if (z && type.pairing === 'half') {
        // Pairs (i, i + r/2) with the last z still: each half of the rotated slice turns its first
        // r/2 − z dimensions and leaves the rest (Gemma 4's proportional RoPE).
        const turning = r / 2 - z;
        const halfOf = () => [
          segment('rotated', turning, this.t('rotated', { dims: turning })),
          segment('zero', z, this.t('zeroPairs', { dims: z, pairs: z })),
        ];
        bar.append(...[...halfOf(), ...halfOf(), pass].filter(Boolean));
      } else {
        const rotated = segment(
          'rotated',
          r - 2 * z,
          this.t(last ? 'qRope' : 'rotated', { dims: r - 2 * z }),
        );
        const still = segment('zero', 2 * z, this.t('zeroPairs', { dims: 2 * z, pairs: z }));
        bar.append(...(last ? [pass, rotated, still] : [rotated, still, pass]).filter(Boolean));
      }
      const pairs = doc.createElement('p');
      pairs.className = 'note';
      const half = r / 2;
      pairs.textContent =
        type.pairing === 'half'
          ? this.t('pairsHalf', { half: fmt(half), next: fmt(half + 1) })
          : this.t('pairsInterleaved');
      figure.append(title, bar, pairs, pairDiagram(doc, type.pairing));
      return figure;
    });
    if (!bars.length) {
      const p = doc.createElement('p');
      p.className = 'note';
      p.textContent = this.t('noRope');
      bars.push(p);
    }
    box.replaceChildren(...bars);
  }

  /** Per rotating layer type, the three long-context figures, side by side. */
  drawTypes(model) {
    const box = this.root.querySelector('.model-types');
    const doc = box.ownerDocument;
    const rope = model.types.filter((x) => x.rope);
    // Without max_position_embeddings in the reading the lengths are the figures' stand-in, and said so.
    const length = this.root.querySelector('.model-length-note');
    length.textContent =
      model.result.maxPositions === null ? this.t('noLength', { length: fmt(STAND_IN_LENGTH) }) : '';
    length.hidden = model.result.maxPositions !== null;
    // One column per rotating layer type. Columns are kept from one model to the next (a new canvas
    // costs a style and layout pass to measure and theme; picking a model should redraw in a frame).
    const columns = [...box.children];
    for (let k = columns.length; k < rope.length; k++) {
      const column = doc.createElement('div');
      column.className = 'model-type';
      column.innerHTML = `<h4><code></code></h4><p class="note model-type-note"></p>
        ${['wavelength', 'angle', 'scores']
          .map(
            (key) => `<h5 tabindex="-1" class="model-${key}-title">${this.t(`${key}Title`)}</h5>
        <canvas class="model-${key}" role="img" aria-label="${this.t(`${key}Title`)}"></canvas>
        <p class="legend model-${key}-legend"></p><p class="model-${key}-note note"></p>`,
          )
          .join('')}`;
      box.append(column);
      columns.push(column);
    }
    columns.slice(rope.length).forEach((column) => column.remove());
    rope.forEach((type, k) => {
      const column = columns[k];
      column.dataset.type = type.name;
      column.querySelector('code').textContent = type.name;
      column.querySelector('.model-type-note').textContent = this.describe(type);
      // The traps link to a layer type's figures by its index.
      for (const key of ['wavelength', 'angle', 'scores'])
        column.querySelector(`.model-${key}-title`).id = `model-${key}-${type.index}`;
      this.drawType(column, type, model.result, type === model.main);
    });
  }

  drawType(column, type, r, main) {
    const q = (s) => column.querySelector(s);
    const { train, target } = lengthsOf(
      type.ropeType,
      type.scaling,
      r.factor,
      r.maxPositions,
      r.originalMaxPositions,
    );
    // A sliding or chunked layer never looks farther back than its window: in training nor after.
    const windowed = type.window !== null && type.window !== undefined;
    const lengths = windowed
      ? { train: Math.min(train, type.window), target: Math.min(target, type.window) }
      : { train, target: Math.min(target, this.pe.limits.maxPosition) };
    const t = windowed
      ? Object.assign((key, vars) => this.t(key === 'targetLine' ? 'windowLine' : key, vars), this.t)
      : this.t;
    let base = null;
    try {
      base = this.pe.ropeFrequencies({ headDim: type.rotaryDim, theta: type.theta }).invFreq;
    } catch {
      base = null; // a geometry ropeFrequencies does not take: the default curve is left out
    }
    const same = base && base.length === type.invFreq.length;
    const bands = drawWavelengths(
      q('.model-wavelength'),
      q('.model-wavelength-legend'),
      // YaRN's ramp and Llama 3's bands: the reading's, which are its first RoPE layer type's.
      main ? { invFreq: type.invFreq, ramp: r.ramp, wavelengths: r.wavelengths } : { invFreq: type.invFreq },
      same && type.ropeType !== 'default' ? base : null,
      lengths,
      t,
      180,
    );
    q('.model-wavelength-note').textContent = this.t('wavelengthNote', { train: fmt(lengths.train), bands });
    const marks = drawAngles(
      q('.model-angle'),
      q('.model-angle-legend'),
      type.invFreq,
      same ? base : type.invFreq,
      lengths,
      t,
      180,
    );
    const angleNote = q('.model-angle-note');
    angleNote.textContent = this.t('angleNote', {
      train: fmt(lengths.train),
      target: fmt(lengths.target),
      scaled: marks.scaled,
    });
    angleNote.dataset.scaled = String(marks.scaled);
    this.drawScores(q, type, r, lengths);
  }

  drawScores(q, type, r, lengths) {
    const canvas = q('.model-scores');
    const note = q('.model-scores-note');
    const c = theme(canvas);
    const pairs = type.invFreq.length;
    // A sixteenth of the engine's cap per layer type: several figures redraw at once when a model is
    // picked, within a frame budget; the note says where the curve stops.
    const cap = Math.floor(this.pe.limits.maxDotWork / 16 / pairs) - 1;
    const distance = Math.max(1, Math.min(lengths.target - 1, cap));
    let options = { headDim: type.headDim, rotaryDim: type.rotaryDim, theta: type.theta };
    if (type.scaling) options.scaling = type.scaling;
    const still = zeroPairs(type);
    if (type.ropeType === 'proportional' && still) options = this.proportionalAsDefault(type, still);
    if (r.maxPositions !== null) options.maxPositions = r.maxPositions;
    if (type.ropeType === 'longrope' && r.originalMaxPositions !== null)
      options.originalMaxPositions = r.originalMaxPositions;
    options.sequenceLength = lengths.target;
    if (!options) {
      fitCanvas(canvas, 1, 1);
      note.textContent = this.t('scoresNoScaling', { type: type.ropeType });
      note.dataset.error = 'no_scaling';
      return;
    }
    if (type.ropeType !== 'default' && type.ropeType !== 'proportional' && !type.scaling) {
      // The engine gives no scaling block for this layer type: nothing to compute q·k from.
      fitCanvas(canvas, 1, 1);
      note.textContent = this.t('scoresNoScaling', { type: type.ropeType });
      note.dataset.error = 'no_scaling';
      return;
    }
    try {
      const x = scoreColumns(canvas, distance);
      const y = meanScores(this.pe, options, type.headDim, x);
      const chart = lineChart(canvas, [{ x, y, color: this.colorOf(type) }], {
        height: 180,
        xLabel: this.t('distance'),
        yLabel: this.t('score'),
      });
      if (lengths.train <= distance) markDistance(chart, lengths.train, c.fg);
      note.textContent = this.t('scoresNote', {
        distance: fmt(distance),
        capped: distance < lengths.target - 1 ? this.t('scoresCapped', { target: fmt(lengths.target) }) : '',
      });
      delete note.dataset.error;
    } catch (error) {
      // A rope type ropeScores does not compute from a config's block (proportional): said, not drawn.
      fitCanvas(canvas, 1, 1);
      note.textContent = this.t('scoresMissing', { type: type.ropeType, reason: this.t.error(error) });
      note.dataset.error = error.kind || 'error';
    }
  }

  /** Proportional RoPE (Gemma 4) turns n pairs at θ^(−2i/d) over the whole head d and leaves the rest
   *  still: for q·k that is default RoPE on 2n dimensions at θ' = θ^(2n/d) (the same frequencies, and
   *  a still pair adds what an unrotated dimension pair adds). The engine's frequencies for those
   *  options are checked against the reading's before they are used; null if they differ. */
  proportionalAsDefault(type, still) {
    const turning = type.invFreq.length - still;
    const options = {
      headDim: type.headDim,
      rotaryDim: 2 * turning,
      theta: type.theta ** ((2 * turning) / type.rotaryDim),
    };
    try {
      const { invFreq } = this.pe.ropeFrequencies(options);
      const same = Array.from(invFreq).every((w, i) => Math.abs(w / type.invFreq[i] - 1) < 1e-9);
      return same ? options : null;
    } catch {
      return null; // no turning pair, or a geometry ropeFrequencies refuses
    }
  }

  drawTemperature(model) {
    const canvas = this.root.querySelector('.model-temperature');
    const note = this.root.querySelector('.model-temperature-note');
    const r = model.result;
    const scaling = r.queryScaling;
    if (!scaling || typeof this.pe.queryScale !== 'function') {
      canvas.hidden = true;
      note.textContent = this.t(model.perLayer ? 'temperatureNone' : 'temperatureUnfinished');
      note.dataset.scaled = 'false';
      return;
    }
    canvas.hidden = false;
    const c = theme(canvas);
    const last = Math.min(r.maxPositions ?? 1e6, this.pe.limits.maxPosition);
    const x = Array.from({ length: 401 }, (_, k) => Math.round((k / 400) * last));
    const y = x.map((p) => this.pe.queryScale(r, p));
    lineChart(canvas, [{ x, y, color: c.accent }], {
      height: 180,
      xLabel: this.t('position'),
      yLabel: this.t('queryFactor'),
    });
    note.textContent = this.t('temperatureNote', {
      floor: fmt(scaling.floorScale),
      attn: formatNumber(scaling.attnScale, 4),
      last: fmt(last),
      at: formatNumber(this.pe.queryScale(r, last), 5),
      types: model.types
        .filter((x) => !x.rope)
        .map((x) => x.name)
        .join(', '),
    });
    note.dataset.scaled = 'true';
  }

  /** One line per trap this reading holds, each with a link to the figure that shows it. */
  showTraps(model) {
    const traps = findTraps(model);
    const list = this.root.querySelector('.model-traps');
    const doc = list.ownerDocument;
    list.replaceChildren(
      ...traps.map(({ key, vars, figure }) => {
        const item = doc.createElement('li');
        item.dataset.trap = key;
        const link = doc.createElement('a');
        link.href = `#${figure}`;
        link.dataset.figure = figure;
        link.textContent = this.t('seeFigure');
        item.append(this.t(`trap_${key}`, vars), ' ', link);
        return item;
      }),
    );
    // Without the per-layer reading the layer-by-layer traps cannot be told: said first.
    if (!model.perLayer || !traps.length) {
      const item = doc.createElement('li');
      item.className = model.perLayer ? '' : 'unfinished';
      item.textContent = this.t(model.perLayer ? 'noTraps' : 'trapsUnfinished');
      list.prepend(item);
    }
  }
}

/** Pairs whose frequency is 0 (proportional RoPE: they never turn). */
const zeroPairs = (type) => Array.from(type.invFreq).filter((w) => w === 0).length;

/** What an engine must get right for this reading: [{ key (its sentence: trap_<key>), vars, figure }]. */
function findTraps(model) {
  const traps = [];
  const add = (key, vars, figure) => traps.push({ key, vars, figure });
  const r = model.result;
  const total = model.layers.length;
  const rope = model.types.filter((x) => x.rope);
  const count = (f) => model.types.filter(f).reduce((n, x) => n + x.count, 0);
  const list = (types) => types.map((x) => `${x.name} ${fmt(x.theta)}`).join(', ');
  if (new Set(rope.map((x) => x.theta)).size > 1)
    add('theta', { list: list(rope), total }, 'model-strip-title');
  const types = new Set(rope.map((x) => x.ropeType));
  if (types.size > 1)
    for (const x of rope.filter((y) => y.ropeType !== 'default'))
      add(
        'scalingSome',
        { type: x.ropeType, name: x.name, n: x.count, total },
        `model-wavelength-${x.index}`,
      );
  const nope = count((x) => !x.rope && x.attention !== 'linear');
  if (nope) add('nope', { n: nope, total }, 'model-strip-title');
  const linear = count((x) => x.attention === 'linear');
  if (linear) add('linear', { n: linear, total }, 'model-strip-title');
  for (const x of model.types.filter((y) => y.window !== null && y.window !== undefined))
    add(
      x.attention === 'chunked' ? 'chunked' : 'window',
      { name: x.name, window: fmt(x.window) },
      'model-strip-title',
    );
  const head = rope[0];
  if (head) {
    if (head.rotatedSlice === 'last')
      add(
        'slice',
        { r: head.rotaryDim, h: head.headDim, nope: head.headDim - head.rotaryDim },
        'model-head-title',
      );
    if (head.pairing === 'interleaved') add('pairing', {}, 'model-head-title');
    if (head.rotatedSlice !== 'last' && head.rotaryDim < head.headDim)
      add('partial', { r: head.rotaryDim, h: head.headDim }, 'model-head-title');
  }
  for (const x of rope) {
    const z = zeroPairs(x);
    if (z) add('zero', { name: x.name, z, pairs: x.invFreq.length, h: x.headDim }, 'model-head-title');
    if (x.attentionScaling !== 1)
      add(
        'attentionScaling',
        { name: x.name, s: formatNumber(x.attentionScaling, 6), type: x.ropeType },
        `model-scores-${x.index}`,
      );
    const s = x.scaling || {};
    const wave = `model-wavelength-${x.index}`;
    if (x.ropeType === 'yarn' && s.truncate === false) add('truncate', { name: x.name }, wave);
    if (x.ropeType === 'yarn' && s.beta_fast !== undefined && s.beta_fast === s.beta_slow)
      add('betas', { beta: s.beta_fast }, wave);
    if (x.ropeType === 'llama3' && s.low_freq_factor === s.high_freq_factor)
      add('llamaStep', { f: s.low_freq_factor }, wave);
    if (x.ropeType === 'longrope')
      add('longrope', { from: fmt(r.originalMaxPositions ?? r.maxPositions) }, wave);
    if (x.ropeType === 'yarn' && x.rotatedSlice === 'last')
      add('deepseekYarn', { from: fmt(s.original_max_position_embeddings ?? '—') }, wave);
  }
  if (r.queryScaling)
    add('temperature', { floor: fmt(r.queryScaling.floorScale) }, 'model-temperature-title');
  if (r.warnings.length) add('warnings', { n: r.warnings.length }, 'model-warnings-title');
  return traps;
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

/** Eight dimensions of a head and which turn together: (i, i + 4) in halves, (2i, 2i + 1) interleaved. */
function pairDiagram(doc, pairing) {
  const row = doc.createElement('div');
  row.className = 'model-pairs';
  row.setAttribute('aria-hidden', 'true');
  for (let d = 0; d < 8; d++) {
    const cell = doc.createElement('span');
    const pair = pairing === 'half' ? d % 4 : Math.floor(d / 2);
    cell.className = `pair pair-${pair}`;
    cell.textContent = String(d);
    row.append(cell);
  }
  return row;
}

export default { name: 'model', order: 60, markup, View: ModelView };
