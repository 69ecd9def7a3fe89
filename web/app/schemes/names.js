// The views of the schemes beyond the sinusoidal one, and their settings' names: what the element
// needs before a view's chunk loads (its observedAttributes, properties and embed.html's URL keys).
// Read here from the modules themselves (index.js, each view's static `settings`); for the element and
// the page, build-scripts/bundle.mjs writes these two values into this module at build time, so that
// they carry the names and not the views. Adding a scheme touches no list here.
import { settingName } from './common.js';
import { SCHEMES } from './index.js';

export const SCHEME_VIEWS = SCHEMES.map((s) => s.name);
/** The names of their settings (attributes, properties in camelCase, embed.html's URL keys), each once. */
export const SCHEME_SETTINGS = [...new Set(SCHEMES.flatMap((s) => s.View.settings.map(settingName)))];
