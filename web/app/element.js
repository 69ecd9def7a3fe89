// <pe-explorer>: the explorer as a custom element for blog posts. One <script src="pe-explorer.js"> is
// enough: this module is bundled into that classic script, which loads the rest from next to itself when
// a figure first needs it, so a page loads only what its figures show:
//   pe-explorer-view-<folder>.js                      each scheme folder's figures (sinusoidal: seven),
//   pe-explorer-view-<folder>-<lang>.js               its text in one language, and
//   pe-explorer-engine-<parts>.js                     its own engine (schemes/load.js), or
//   pe-explorer-engine.js                             the sinusoidal engine (a folder that names none)
//   pe-explorer-lang-zh.js                            the messages in Chinese
//
//   <pe-explorer view="all|matrix|periodicity|clock|relative|learned|tokens|why|rope|alibi|grid2d|precision|context"
//                d-model="128" positions="100" base="10000"
//                layout="interleaved" frequencies="paper" odd="auto" position="20" offset="5" lang="en|zh"
//                theme="auto|light|dark" controls="on|off" text="on|off"></pe-explorer>
//   <pe-explorer view="rope" head-dim="128" theta="500000"></pe-explorer>   (each folder's settings:
//                its table, schemes/index.js, named in schemes/names.js; its mount checks them)
//
// Its children, if any, show until the figure is live and where scripts are off: the Embed dialog's
// poster, <a href="(the live figure)"><img src="pe-<view>.png" alt="…"></a>.
// Attributes reflect to properties and update the figure live; invalid ones show a message inside the
// figure and fall back to their defaults. All elements on a page share one wasm instance. Work starts
// only when an element comes near the viewport; its animation pauses off screen or in a hidden tab;
// removing it releases every observer, listener, timer and animation frame it holds.
import css from '../styles.css';
import { engine } from './engine.js';
import { pickLanguage, translator } from './i18n/index.js';
import { message } from './messages.js';
import { CHOICE_KEYS, CHOICES } from './choices.js';
import { mountFolder } from './schemes/mount.js';
import { folderOf, ownEngine, viewModule, viewText, withText } from './schemes/load.js';
import { HASH_KEYS, SCHEME_ENGINES, SETTING_DEFAULTS, SETTINGS } from './schemes/names.js';
import { loadText, textReady } from './text-chunks.js';

// Until the figure is live: the element's own children (a poster, <a><img></a>, which the Embed dialog
// offers; also what shows where scripts are off), then a line saying it is loading.
const LOADING = '<div class="poster"><slot></slot></div><p class="loading">Loading the figure…</p>';
// The engine of a folder's figures: its own (the parts its index.js names), or the sinusoidal one,
// one instance of each for the page.
const engineFor = (folder) => (SCHEME_ENGINES[folder] ? ownEngine(folder) : engine());
// Every folder's settings' attributes, each once (names.js, from the folders' tables).
const SETTING_ATTRIBUTES = [...new Set(Object.values(SETTINGS).flat())];
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
    return [...SETTING_ATTRIBUTES, ...CHOICE_KEYS];
  }

  /** URL key -> attribute (embed.html maps its address onto the element with it): every folder's
   *  settings (the sinusoidal d, n, base, …; head-dim, heads, …: the attribute's own name) and the
   *  figure's choices (view, lang, theme, controls, text). */
  static get hashKeys() {
    return { ...HASH_KEYS, ...Object.fromEntries(CHOICE_KEYS.map((name) => [name, name])) };
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
    const folder = folderOf(view);
    const lang = this.figureLanguage();
    try {
      [pe, chunk, , text] = await Promise.all([
        engineFor(folder),
        viewModule(folder),
        loadText(lang),
        viewText(folder, lang),
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
    this.chunk = chunk; // the folder's (its engine came with it)
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
    const folder = folderOf(view);
    if (!textReady(lang) || this.chunk?.name !== folder || this.viewText?.lang !== lang) {
      // Changed to another language, or to another folder's figure, after the start: its chunks (and
      // engine) first, then again.
      this.started = false;
      this.pe = null;
      this.start();
      return;
    }
    // The folder's settings from their attributes (the others at their defaults): its mount checks
    // them, and a refused one falls back and says so.
    const given = {};
    for (const name of SETTINGS[folder]) if (this.hasAttribute(name)) given[name] = this.getAttribute(name);
    const key = `${view}|${lang}|${controls}`;
    if (this.mounted !== key || !this.explorer) {
      this.explorer?.destroy();
      this.body.replaceChildren();
      const t = translator(lang);
      this.wrapper.lang = lang === 'zh' ? 'zh-CN' : lang;
      const onError = (problem) => this.showMessages([problem]);
      // A one-figure folder's settings are part of its figure (no settings panel): controls="off"
      // changes nothing there.
      this.explorer = mountFolder(
        this.body,
        this.pe,
        t,
        onError,
        withText(this.chunk, this.viewText.text, lang),
        {
          views: view === 'all' ? Object.keys(this.chunk.figures) : [view],
          controls: controls === 'on',
          given,
        },
      );
      messages.push(...this.explorer.messages);
      this.t = t;
      this.mounted = key;
    } else {
      messages.push(...this.explorer.apply(given));
    }
    this.showMessages(messages);
    const mounted = this.explorer;
    mounted.ready.then(() => {
      if (this.explorer === mounted) this.dataset.ready = 'true';
    });
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
// false as booleans (bidirectional); without the attribute, what the figure shows, or before it has
// loaded its folder's default (names.js).
for (const name of SETTING_ATTRIBUTES) {
  Object.defineProperty(
    PeExplorer.prototype,
    name.replace(/-(\w)/g, (_, c) => c.toUpperCase()),
    {
      get() {
        const raw = this.getAttribute(name) ?? this.explorer?.values()[name] ?? SETTING_DEFAULTS[name];
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
