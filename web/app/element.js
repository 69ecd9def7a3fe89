// <pe-explorer>: the explorer as a custom element for blog posts. One <script src="pe-explorer.js"> is
// enough: this module is bundled into that classic script, which loads the rest from next to itself when
// a figure first needs it, so a page loads only what its figures show:
//   pe-explorer-view-<folder>.js                      each scheme folder's figures (sinusoidal: seven),
//   pe-explorer-view-<folder>-<lang>.js               its text in one language, and
//   pe-explorer-engine-<parts>.js                     its own engine (schemes/load.js), or
//   pe-explorer-engine.js / pe-explorer-schemes.js    the sinusoidal engine / the engine with every scheme
//   pe-explorer-lang-zh.js                            the messages in Chinese
//
//   <pe-explorer view="all|matrix|periodicity|clock|relative|learned|tokens|why|rope|alibi|grid2d|precision|context"
//                d-model="128" positions="100" base="10000"
//                layout="interleaved" frequencies="paper" odd="auto" position="20" offset="5" lang="en|zh"
//                theme="auto|light|dark" controls="on|off" text="on|off"></pe-explorer>
//   <pe-explorer view="rope" head-dim="128" theta="500000"></pe-explorer>   (each scheme view's settings:
//                its module's static `settings`, named in schemes/names.js)
//
// Its children, if any, show until the figure is live and where scripts are off: the Embed dialog's
// poster, <a href="(the live figure)"><img src="pe-<view>.png" alt="…"></a>.
// Attributes reflect to properties and update the figure live; invalid ones show a message inside the
// figure and fall back to their defaults. All elements on a page share one wasm instance. Work starts
// only when an element comes near the viewport; its animation pauses off screen or in a hidden tab;
// removing it releases every observer, listener, timer and animation frame it holds.
import css from '../styles.css';
import { loadChunk } from './chunks.js';
import { engine, hasSchemes, schemesEngine, useEngineFactory } from './engine.js';
import { addStrings, pickLanguage, translator } from './i18n/index.js';
import { message } from './messages.js';
import { CHOICE_KEYS, CHOICES } from './choices.js';
import { mountSchemes, mountShared } from './schemes/mount.js';
import { ownEngine, viewModule, viewText, withText } from './schemes/load.js';
import { FOLDER_OF, SCHEME_ENGINES, SCHEME_SETTINGS, SCHEME_VIEWS, SHARED } from './schemes/names.js';
import { ATTRIBUTE_PARAMETERS } from './schemes/sinusoidal/settings.js';
import { DEFAULTS, sanitize } from './state.js';
import { loadText, textReady } from './text-chunks.js';

const schemesChunk = () =>
  loadChunk('pe-explorer-schemes.js', '__peExplorerSchemes').then((chunk) => {
    addStrings('zh', chunk.schemeMessagesZh); // the messages only that engine gives
    return chunk;
  });
const createWithSchemes = () => schemesChunk().then((chunk) => chunk.createPE());
// The folder a figure is in (view="all": every figure of the folder whose figures share a store).
const folderOf = (view) => FOLDER_OF[view] || SHARED[0];
// Until the figure is live: the element's own children (a poster, <a><img></a>, which the Embed dialog
// offers; also what shows where scripts are off), then a line saying it is loading.
const LOADING = '<div class="poster"><slot></slot></div><p class="loading">Loading the figure…</p>';
// The figures that share the engine with every scheme (a folder scheme's figures have their own).
const SCHEME_SELECTOR = SCHEME_VIEWS.filter((v) => !SCHEME_ENGINES[v])
  .map((v) => `pe-explorer[view="${v}"]`)
  .join(',');

/** The engine for a figure of `view`. One instance for the page: if any figure on it shows another
 *  scheme when the first figure starts, that is the engine with every scheme. Only a scheme figure
 *  added after a sinusoidal-only page started gets a second instance. */
async function engineFor(view) {
  if (SCHEME_ENGINES[view]) return ownEngine(view);
  const scheme = SCHEME_VIEWS.includes(view);
  if (scheme || (SCHEME_SELECTOR && document.querySelector(SCHEME_SELECTOR)))
    useEngineFactory(createWithSchemes);
  const pe = await engine();
  return scheme && !hasSchemes(pe) ? schemesEngine(createWithSchemes) : pe;
}

// Attribute name -> { key (the state's), number } for every parameter of the sinusoidal figures (their
// shared table: schemes/sinusoidal/settings.js).
const ATTRIBUTES = Object.fromEntries(
  ATTRIBUTE_PARAMETERS.map(({ attribute, key, number }) => [attribute, { key, number }]),
);
const ATTRIBUTE_OF_KEY = Object.fromEntries(Object.entries(ATTRIBUTES).map(([name, { key }]) => [key, name]));
const FALLBACK = Object.fromEntries(Object.entries(CHOICES).map(([name, values]) => [name, values[0]])); // defaults
const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

let sheet = null;
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

export class PeExplorer extends HTMLElement {
  /** The engine all elements on the page share (one wasm instance): the same API as pe.mjs. */
  static engine() {
    return engine();
  }

  static get observedAttributes() {
    return [...Object.keys(ATTRIBUTES), ...CHOICE_KEYS, ...SCHEME_SETTINGS];
  }

  /** URL key -> attribute (embed.html maps its address onto the element with it): the page's own
   *  keys (d, n, base, …), the figure's choices (view, lang, theme, controls, text) and the scheme
   *  views' settings (head-dim, heads, …: the attribute's own name). */
  static get hashKeys() {
    return Object.fromEntries([
      ...ATTRIBUTE_PARAMETERS.map((p) => [p.key, p.attribute]),
      ...[...CHOICE_KEYS, ...SCHEME_SETTINGS].map((name) => [name, name]),
    ]);
  }

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [styleSheet()];
    this.wrapper = document.createElement('div');
    this.wrapper.className = 'pe-root embedded';
    this.messages = document.createElement('div');
    this.messages.className = 'messages-inline';
    this.messages.setAttribute('role', 'status');
    this.messages.hidden = true;
    this.body = document.createElement('div');
    this.body.className = 'explorer';
    this.body.innerHTML = LOADING;
    this.wrapper.append(this.messages, this.body);
    shadow.append(this.wrapper);
    this.explorer = null;
    this.state = null; // the last good state
    this.mounted = ''; // the view / lang / controls the current mount was built for
  }

  connectedCallback() {
    this.scheme = window.matchMedia('(prefers-color-scheme: dark)');
    this.onScheme = () => this.applyTheme();
    this.scheme.addEventListener('change', this.onScheme);
    this.applyTheme();
    // Lazy start: nothing is computed until the element comes within 200 px of the viewport.
    this.visibility = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) {
          this.dataset.lazy = 'waiting'; // seen to be far from the viewport: nothing started
          return;
        }
        delete this.dataset.lazy;
        this.visibility.disconnect();
        this.start();
      },
      { rootMargin: '200px' },
    );
    this.visibility.observe(this);
  }

  disconnectedCallback() {
    this.visibility?.disconnect();
    this.scheme?.removeEventListener('change', this.onScheme);
    this.explorer?.destroy();
    this.explorer = null;
    this.mounted = '';
    this.started = false;
    this.generation = (this.generation || 0) + 1; // a load still under way finds it stale
    delete this.dataset.ready;
    this.body.innerHTML = LOADING;
  }

  attributeChangedCallback(name) {
    if (!this.isConnected) return;
    // Only a theme change re-reads the scheme (it reads the host's computed style: a style
    // recalculation per attribute while the element upgrades was ~45 ms on a phone-speed CPU).
    if (name === 'theme') this.applyTheme();
    // Before the engine is ready there is nothing to update: refresh() reads every attribute once
    // the engine arrives, so a change made during the load is applied then, and only then.
    if (this.started && this.pe) this.refresh();
  }

  async start() {
    if (this.started) return;
    this.started = true;
    const generation = this.generation || 0;
    let pe;
    let chunk;
    let text;
    const view = CHOICES.view.includes(this.getAttribute('view')) ? this.getAttribute('view') : 'all';
    const lang = this.figureLanguage();
    try {
      [pe, chunk, , text] = await Promise.all([
        engineFor(view),
        viewModule(folderOf(view)),
        loadText(lang),
        viewText(folderOf(view), lang),
      ]);
    } catch (error) {
      if (generation === (this.generation || 0)) {
        this.showMessages([message('engine_failed', { reason: String(error.message) })]);
      }
      return;
    }
    // Removed (and maybe added again, which starts anew) while the engine loaded: not ours to draw.
    if (generation !== (this.generation || 0) || !this.isConnected) return;
    this.pe = pe;
    this.chunk = chunk;
    this.engineKind = SCHEME_ENGINES[view] || 'shared'; // a folder scheme's own engine, or the shared one
    this.viewText = text && { lang, text }; // the folder's text, in the language it was loaded for
    this.refresh();
  }

  /** The language this figure shows: its lang attribute if valid, else the reader's. */
  figureLanguage() {
    const lang = this.getAttribute('lang');
    if (lang === null || lang === '') return pickLanguage(null);
    return CHOICES.lang.includes(lang) ? lang : FALLBACK.lang; // as refresh() reads it
  }

  /** Reads every attribute; mounts (or updates) the explorer; shows what was wrong. */
  refresh() {
    const messages = [];
    const choice = (name) => {
      const raw = this.getAttribute(name);
      if (raw === null || raw === '') return FALLBACK[name];
      if (CHOICES[name].includes(raw)) return raw;
      messages.push(
        message(
          'attribute_choice',
          { name, got: raw, allowed: CHOICES[name].join(', ') },
          { using: { key: name, value: FALLBACK[name] } },
        ),
      );
      return FALLBACK[name];
    };
    const view = choice('view');
    const lang = this.getAttribute('lang') ? choice('lang') : pickLanguage(null); // default: the browser's
    const controls = choice('controls');
    choice('theme'); // applied by applyTheme(); checked here so that a bad value is reported
    this.wrapper.dataset.text = choice('text'); // off: styles.css hides the explanatory paragraphs
    const scheme = SCHEME_VIEWS.includes(view);

    // A scheme view reads its own settings (below); the sinusoidal parameters are the explorer's.
    const candidate = { ...(this.state || DEFAULTS) };
    for (const [name, { key, number }] of scheme ? [] : Object.entries(ATTRIBUTES)) {
      const raw = this.getAttribute(name);
      if (raw === null) {
        candidate[key] = DEFAULTS[key];
      } else if (number) {
        if (NUMBER.test(raw)) candidate[key] = Number(raw);
        else
          messages.push(
            message('attribute_number', { name, got: raw }, { using: { key: name, last: !!this.state } }),
          );
      } else {
        candidate[key] = raw;
      }
    }
    // Without an explicit position/offset, keep them inside a changed size.
    if (this.getAttribute('position') === null)
      candidate.pos = Math.min(DEFAULTS.pos, Math.max(0, (candidate.n | 0) - 1));
    if (this.getAttribute('offset') === null)
      candidate.k = Math.min(DEFAULTS.k, Math.max(0, (candidate.n | 0) - 1));
    candidate.zoom = null;
    // (A scheme view's engine may have no sinusoidal table: its view checks its own settings.)
    const checked = scheme
      ? { state: { ...DEFAULTS, ...candidate }, messages: [] }
      : sanitize(candidate, (o) => this.pe.validate(o), this.pe.limits);
    // A bad attribute names itself ("d-model: d_model must be ..."; "... using d-model = 128").
    for (const m of checked.messages) {
      const attribute = m.using && ATTRIBUTE_OF_KEY[m.using.key];
      messages.push(attribute ? { ...m, where: attribute, using: { ...m.using, key: attribute } } : m);
    }
    const state = checked.state;

    const own = SCHEME_ENGINES[view];
    const chunkFits =
      this.chunk?.name === folderOf(view) &&
      this.viewText?.lang === lang &&
      this.engineKind === (own || 'shared') &&
      (own || !scheme || hasSchemes(this.pe));
    if (!textReady(lang) || !chunkFits) {
      // Changed to another language, or to another view's chunk, after the start: its chunks (and
      // engine) first, then again.
      this.started = false;
      this.pe = null;
      this.start();
      return;
    }
    const key = `${view}|${lang}|${controls}`;
    if (this.mounted !== key || !this.explorer) {
      this.explorer?.destroy();
      const t = translator(lang);
      this.wrapper.lang = lang === 'zh' ? 'zh-CN' : lang;
      const onError = (problem) => this.showMessages([problem]);
      this.explorer = this.chunk.mount
        ? mountShared(
            this.body,
            this.pe,
            t,
            onError,
            withText(this.chunk, this.viewText.text, lang),
            view === 'all' ? Object.keys(this.chunk.figures) : [view],
            { controls: controls === 'on', initial: state },
          )
        : this.mountScheme(t, onError);
      this.t = t;
      this.mounted = key;
    } else {
      this.explorer.store?.set(state, { commit: true });
    }
    // The view's settings from its attributes (the others at their defaults); a refused one says so.
    if (scheme) {
      const given = {};
      for (const name of SCHEME_SETTINGS) if (this.hasAttribute(name)) given[name] = this.getAttribute(name);
      messages.push(...this.explorer.apply(given));
    }
    this.state = state;
    this.showMessages(messages);
    const mounted = this.explorer;
    mounted.ready.then(() => {
      if (this.explorer === mounted) this.dataset.ready = 'true';
    });
  }

  /** A one-figure scheme's view (mountSchemes). Its settings are part of the figure (there is no
   *  settings panel to show or hide), so controls="off" changes nothing there. */
  mountScheme(t, onError) {
    const box = document.createElement('div');
    box.className = 'views';
    this.body.replaceChildren(box);
    const scheme = withText(this.chunk, this.viewText?.text, t.lang);
    const mounted = mountSchemes(box, this.pe, t, onError, [scheme]); // draws it
    const [shown] = mounted.views;
    return {
      ready: Promise.resolve(),
      apply: (given) => shown?.apply(given) || [],
      values: () => shown?.values(),
      redraw: () => mounted.redraw(),
      destroy: () => {
        mounted.destroy();
        this.body.replaceChildren();
      },
    };
  }

  showMessages(list) {
    this.messages.replaceChildren(
      ...list.map((problem) => {
        const p = document.createElement('p');
        const t = this.t || translator(pickLanguage(this.getAttribute('lang')));
        p.textContent = t.error(problem);
        return p;
      }),
    );
    this.messages.hidden = list.length === 0;
  }

  /** theme="auto" follows the host page: its CSS color-scheme if it sets one, else the reader's preference. */
  applyTheme() {
    const theme = CHOICES.theme.includes(this.getAttribute('theme')) ? this.getAttribute('theme') : 'auto';
    let dark = theme === 'dark';
    if (theme === 'auto') {
      const hostScheme = getComputedStyle(this).colorScheme || 'normal';
      const words = hostScheme.split(/\s+/);
      if (words.includes('dark') && !words.includes('light')) dark = true;
      else if (words.includes('light') && !words.includes('dark')) dark = false;
      else dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
    }
    const scheme = dark ? 'dark' : 'light';
    if (this.wrapper.dataset.scheme !== scheme) {
      this.wrapper.dataset.scheme = scheme;
      this.explorer?.redraw('theme');
    }
  }
}

// Properties reflect the attributes, in camelCase (head-dim: headDim), numbers as numbers, true and
// false as booleans (bidirectional); without
// the attribute, what the figure shows (a scheme view's setting) or the explorer's default.
for (const name of new Set([...Object.keys(ATTRIBUTES), ...SCHEME_SETTINGS])) {
  Object.defineProperty(
    PeExplorer.prototype,
    name.replace(/-(\w)/g, (_, c) => c.toUpperCase()),
    {
      get() {
        const raw =
          this.getAttribute(name) ?? this.explorer?.values?.()?.[name] ?? DEFAULTS[ATTRIBUTES[name]?.key];
        if (raw === 'true' || raw === 'false') return raw === 'true'; // a boolean setting
        return NUMBER.test(raw) ? Number(raw) : raw;
      },
      set(value) {
        this.setAttribute(name, String(value));
      },
    },
  );
}
for (const name of Object.keys(CHOICES)) {
  Object.defineProperty(PeExplorer.prototype, name === 'lang' ? 'language' : name, {
    get() {
      return this.getAttribute(name) ?? FALLBACK[name];
    },
    set(value) {
      this.setAttribute(name, String(value));
    },
  });
}

if (!customElements.get('pe-explorer')) customElements.define('pe-explorer', PeExplorer);
