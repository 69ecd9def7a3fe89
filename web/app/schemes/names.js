// The figures of every scheme folder and what the element needs before a figure's chunk loads: every
// figure's name (view=) and its folder, the one-figure schemes' settings' names (observedAttributes,
// properties and embed.html's URL keys), which folders run on an engine of their own (its cpp parts,
// pe-explorer-engine-<parts>.js); every folder loads its text per language
// (pe-explorer-view-<folder>-<lang>.js). Read here, under node, from the scheme folders themselves
// (index.js); for the element and the page build-scripts/bundle.mjs writes these values into this
// module at build time (and into dist/app/schemes/names.js), so that they carry the names and not the
// views. Adding a scheme touches no list here.
import { settingName } from './common.js';
import { ALL, SCHEMES } from './index.js';

/** Every figure (view=), in page order. */
export const FIGURES = ALL.flatMap((s) => (s.figures ? Object.keys(s.figures) : [s.name]));
/** figure -> its scheme folder (a one-figure scheme's figure is the folder's name). */
export const FOLDER_OF = Object.fromEntries(
  ALL.flatMap((s) => (s.figures ? Object.keys(s.figures) : [s.name]).map((f) => [f, s.name])),
);
/** The folders whose figures share one store and settings table (mount: the sinusoidal one). */
export const SHARED = ALL.filter((s) => s.mount).map((s) => s.name);
/** The one-figure schemes' views (SchemeView: their settings are prefixed on the page, rope.theta). */
export const SCHEME_VIEWS = SCHEMES.map((s) => s.name);
/** The names of their settings (attributes, properties in camelCase, embed.html's URL keys), each once. */
export const SCHEME_SETTINGS = [...new Set(SCHEMES.flatMap((s) => s.View.settings.map(settingName)))];
/**
 * view -> the engine it runs on, named by its parts joined with '-' (pe-explorer-engine-<key>.js):
 * `engine: 't5'` or `engine: ['rope', 'rope_config']` in its index.js (CMakeLists.txt builds one engine
 * per distinct list). The views without one share pe-explorer-schemes.js.
 */
export const SCHEME_ENGINES = Object.fromEntries(
  SCHEMES.filter((s) => s.engine).map((s) => [s.name, [s.engine].flat().join('-')]),
);
/** The folders, each with its text a chunk per language. */
export const TEXT_VIEWS = ALL.map((s) => s.name);
