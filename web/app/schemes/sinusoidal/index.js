// The sinusoidal scheme: "Attention Is All You Need"'s encoding taken apart in seven figures (the
// matrix, periodicity, the clocks, relative position, learned vs. fixed, word + position, why sin and
// cos), a folder like every scheme's (README, "Adding a scheme"; schemes/index.js has the contract).
//
// Design. Every folder exports one contract (schemes/index.js). A one-figure scheme gets it from
// { markup, View } (common.js's oneFigure: a SchemeView, whose static settings are its attributes and
// URL keys); this one gives its seven `figures` (each its markup and its View, below), their shared
// `settings` table (settings.js: the URL key, attribute and engine option of each of d, n, base,
// layout, frequencies, odd, position, offset; given.js reads and checks what an element gives) and
// `mount`, which builds the figures it is asked for
// (one, for <pe-explorer view="clock">, or all seven on the page) around one store, so that one
// control moves all seven, with the settings panel if asked (explorer.js). The store stays with the
// scheme rather than in SchemeView: its figures are the only ones that share state, and their URL keys
// (#d=64&n=50), attributes and embeds stay what they were. The element, the page, the bundler and
// names.js take every folder the same way: its figures are `view=` values (names.js FIGURES), its chunk
// pe-explorer-view-<folder>.js, its text pe-explorer-view-<folder>-<lang>.js (en.js, zh.js here), its
// engine its `engine` parts; none here: the sinusoidal engine, pe-explorer-engine.js.
import { DEFAULTS, parseHash, toHash } from '../../state.js';
import { ClockView } from './clock.js';
import { mountExplorer } from './explorer.js';
import { LearnedView } from './learned.js';
import { sections } from './markup.js';
import { MatrixView } from './matrix.js';
import { PeriodicityView } from './periodicity.js';
import { RelativeView } from './relative.js';
import { readGiven, valuesOf } from './given.js';
import { ATTRIBUTE_PARAMETERS } from './settings.js';
import { TokensView } from './tokens.js';
import { WhyView } from './why.js';

// Each figure (in page order): its section's markup(t) and its view, a class taking (section, pe, store,
// t) with update(state, changed, reason), which the store calls.
const figures = {
  matrix: { markup: sections.matrix, View: MatrixView },
  periodicity: { markup: sections.periodicity, View: PeriodicityView },
  clock: { markup: sections.clock, View: ClockView },
  relative: { markup: sections.relative, View: RelativeView },
  learned: { markup: sections.learned, View: LearnedView },
  tokens: { markup: sections.tokens, View: TokensView },
  why: { markup: sections.why, View: WhyView },
};

export default {
  name: 'sinusoidal',
  order: 0,
  figures,
  // The table's attributes, URL keys (d, n, …: the links made before keep working) and defaults.
  settings: ATTRIBUTE_PARAMETERS.map((p) => ({ ...p, default: DEFAULTS[p.key] })),
  /** The contract's mount. On the page (`address`) its keys are the address's own (d, n, …, and the
   *  page's state: the zoom, the picked dimensions, …, state.js), those under the name of a figure in
   *  `prefixed` (rope.theta) left to it. */
  mount(box, pe, { given = {}, address, prefixed, onChange, views = Object.keys(figures), ...options }) {
    const parse = (hash) => parseHash(hash, (o) => pe.validate(o), pe.limits, prefixed);
    let read = address !== undefined ? parse(address) : readGiven(given, null, pe);
    const explorer = mountExplorer(box, pe, { ...options, views, initial: read.state, figures });
    const { store } = explorer;
    if (onChange) store.subscribe((_state, _changed, reason) => onChange(reason));
    return Object.assign(explorer, {
      messages: read.messages,
      apply(next) {
        read = readGiven(next, read.state, pe);
        store.set(read.state, { commit: true });
        return read.messages;
      },
      values: (changed) => valuesOf(store.get(), changed),
      address: () => toHash(store.get()).slice(1).split('&').filter(Boolean),
      follow(hash) {
        const parsed = parse(hash);
        store.set(parsed.state, { fromUrl: true });
        return parsed.messages;
      },
    });
  },
};
