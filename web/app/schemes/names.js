// What the element and the page need before a figure's chunk loads, from every scheme folder's
// contract (index.js): every figure's name (view=) and its folder, every folder's settings' attributes
// (observedAttributes, properties) and URL keys (embed.html's), the defaults known before a figure
// loads, and which folders run on an engine of their own (its cpp parts, pe-explorer-engine-<parts>.js);
// every folder loads its text per language (pe-explorer-view-<folder>-<lang>.js). Read here, under
// node, from the scheme folders themselves; for the element and the page build-scripts/bundle.mjs
// writes these values into this module at build time (and into dist/app/schemes/names.js), so that
// they carry the names and not the views. Adding a scheme touches no list here.
import { ALL } from './index.js';

/** Every figure (view=), in page order. */
export const FIGURES = ALL.flatMap((s) => Object.keys(s.figures));
/** figure -> its scheme folder (a one-figure folder's figure is the folder's name). */
export const FOLDER_OF = Object.fromEntries(
  ALL.flatMap((s) => Object.keys(s.figures).map((f) => [f, s.name])),
);
/** folder -> the attributes of its settings (what the element hands its mount). */
export const SETTINGS = Object.fromEntries(ALL.map((s) => [s.name, s.settings.map((x) => x.attribute)]));
/** URL key -> attribute, every folder's (embed.html's: the sinusoidal d -> d-model; head-dim itself). */
export const HASH_KEYS = Object.fromEntries(
  ALL.flatMap((s) => s.settings.map((x) => [x.key ?? x.attribute, x.attribute])),
);
/** folder -> { attribute: URL key } where a setting's key is not its attribute (the Embed dialog's
 *  links: the sinusoidal d-model is d). */
export const URL_KEYS = Object.fromEntries(
  ALL.map((s) => [
    s.name,
    Object.fromEntries(s.settings.filter((x) => x.key).map((x) => [x.attribute, x.key])),
  ]),
);
/** attribute -> the default a property shows before its figure has loaded (where the table has one). */
export const SETTING_DEFAULTS = Object.fromEntries(
  ALL.flatMap((s) => s.settings.filter((x) => x.default !== undefined).map((x) => [x.attribute, x.default])),
);
/**
 * folder -> the engine it runs on, named by its parts joined with '-' (pe-explorer-engine-<key>.js):
 * `engine: 't5'` or `engine: ['rope', 'rope_config']` in its index.js (CMakeLists.txt builds one engine
 * per distinct list). A folder without one runs on the sinusoidal engine (pe-explorer-engine.js).
 */
export const SCHEME_ENGINES = Object.fromEntries(
  ALL.filter((s) => s.engine).map((s) => [s.name, [s.engine].flat().join('-')]),
);
/** The folders, in page order, each with its text a chunk per language. */
export const TEXT_VIEWS = ALL.map((s) => s.name);
