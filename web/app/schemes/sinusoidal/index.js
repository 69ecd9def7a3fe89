// The sinusoidal scheme: "Attention Is All You Need"'s encoding taken apart in seven figures (the
// matrix, periodicity, the clocks, relative position, learned vs. fixed, word + position, why sin and
// cos), a folder like every scheme's (README, "Adding a scheme"; schemes/index.js has the contract).
//
// Design. A folder declares its figures. A one-figure scheme gives { markup, View } (a SchemeView,
// whose static settings are its attributes and URL keys); this one gives its seven `figures`, their
// shared `settings` table (settings.js: the URL key, attribute and engine option of each of d, n, base,
// layout, frequencies, odd, position, offset) and `mount`, which builds the figures it is asked for
// (one, for <pe-explorer view="clock">, or all seven on the page) around one store, so that one
// control moves all seven, with the settings panel if asked (explorer.js). The store stays with the
// scheme rather than in SchemeView: its figures are the only ones that share state, and their URL keys
// (#d=64&n=50), attributes and embeds stay what they were. The element, the page, the bundler and
// names.js take every folder the same way: its figures are `view=` values (names.js FIGURES), its chunk
// pe-explorer-view-<folder>.js, its text pe-explorer-view-<folder>-<lang>.js (en.js, zh.js here), its
// engine its `engine` parts; none here: the sinusoidal engine, pe-explorer-engine.js.
import { mountExplorer } from './explorer.js';
import { ATTRIBUTE_PARAMETERS, VIEWS } from './settings.js';

export default {
  name: 'sinusoidal',
  order: 0,
  figures: VIEWS,
  settings: ATTRIBUTE_PARAMETERS,
  mount: mountExplorer,
};
