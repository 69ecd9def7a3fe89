// The views of the schemes beyond the sinusoidal one and what the element needs before a view's chunk
// loads: their settings' names (observedAttributes, properties and embed.html's URL keys), which
// views run on an engine of their own (a scheme folder's, pe-explorer-engine-<name>.js) and which
// load their text per language (pe-explorer-view-<name>-<lang>.js). Read here, under node, from the
// scheme folders themselves (index.js); for the element and the page build-scripts/bundle.mjs writes
// these values into this module at build time (and into dist/app/schemes/names.js), so that they
// carry the names and not the views. Adding a scheme touches no list here.
import { settingName } from './common.js';
import { SCHEMES } from './index.js';

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
/** The views whose text is a chunk per language (the folder schemes). */
export const TEXT_VIEWS = SCHEMES.filter((s) => s.folder).map((s) => s.name);
