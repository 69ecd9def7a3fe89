// The explorer page's address for its scheme sections after the first folder: each view's settings off
// their default as <view>.<setting>=<value> (#rope.head-dim=128&rope.theta=500000), after the first
// (sinusoidal) folder's keys, which keep their names (state.js leaves these keys to this module). Back, forward and a reload restore
// them; a key a view does not have, or a value it refuses, is a message.
import { message } from '../messages.js';
import { MAX_HASH } from '../state.js';
import { settingName } from './common.js';
import { FOLDER_OF, TEXT_VIEWS } from './names.js';

/** The figures whose keys carry their view (rope.theta): those of every folder after the first, whose
 *  keys are the address's own (d, n, …). */
export const PREFIXED = Object.keys(FOLDER_OF).filter((view) => FOLDER_OF[view] !== TEXT_VIEWS[0]);

/** A value as the address and embed.html's links write it: URL-encoded (parentheses too, for a
 *  Markdown link), its / : , kept readable; a JSON config on one line. */
export function encodeValue(text) {
  try {
    text = JSON.stringify(JSON.parse(text));
  } catch {
    // not JSON: as it is
  }
  return encodeURIComponent(text)
    .replace(/%(2F|3A|2C)/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/[()']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`); // Markdown's (link)
}

/** `hash` (the sinusoidal state's, '' or '#…') followed by every scheme view's changed settings; until
 *  the views are there (they come after the first one), the scheme keys of `current` as they are. */
export function withSchemes(hash, views, current = '') {
  const parts = views.length
    ? views.flatMap((view) =>
        Object.entries(view.values(true)).map(
          ([name, value]) => `${view.root.dataset.view}.${name}=${encodeValue(value)}`,
        ),
      )
    : current
        .replace(/^#/, '')
        .split('&')
        .filter((part) => part.includes('.') && PREFIXED.includes(part.split('.')[0]));
  if (!parts.length) return hash;
  return `${hash || '#'}${hash ? '&' : ''}${parts.join('&')}`;
}

/** Sets every scheme view's settings from `hash` (the ones it does not name to their defaults);
 *  returns the messages (a hash beyond its cap, or not valid URL encoding, is state.js's to report). */
export function applySchemes(hash, views) {
  const byName = Object.fromEntries(views.map((view) => [view.root.dataset.view, view]));
  const given = Object.fromEntries(views.map((view) => [view.root.dataset.view, {}]));
  const messages = [];
  if (hash.length <= MAX_HASH + 1) {
    for (const part of hash.replace(/^#/, '').split('&')) {
      const eq = part.indexOf('=');
      let key, value;
      try {
        key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
        value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' ')); // as state.js
      } catch {
        continue;
      }
      const dot = key.indexOf('.');
      const view = dot > 0 && byName[key.slice(0, dot)];
      if (!view) continue; // the sinusoidal explorer's
      const name = key.slice(dot + 1);
      if (view.constructor.settings.some((s) => settingName(s) === name))
        given[key.slice(0, dot)][name] = value;
      else messages.push(message('unknown_setting', { got: key.slice(0, 40) }));
    }
  }
  for (const [name, view] of Object.entries(byName)) messages.push(...view.apply(given[name], `${name}.`));
  return messages;
}
