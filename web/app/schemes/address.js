// The explorer page's address for the figures after the first folder: each one's settings off their
// default as <view>.<setting>=<value> (#rope.head-dim=128&rope.theta=500000), after the first
// (sinusoidal) folder's keys, which keep their names (state.js leaves these keys to the figures).
// Back, forward and a reload restore them; a key a figure does not have, or a value it refuses, is a
// message. A one-figure folder's mount reads and writes its own (common.js).
import { message } from '../messages.js';

/** The longest address read (state.js reports a longer one and reads none of it). */
export const MAX_HASH = 4096;

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

/** The address parts of figure `view`'s settings `values` (name -> text): <view>.<name>=<value>. */
export const prefixedParts = (view, values) =>
  Object.entries(values).map(([name, value]) => `${view}.${name}=${encodeValue(value)}`);

/** What `hash` gives figure `view`: { given (name -> text, its keys <view>.<name> whose name is one of
 *  `names`), messages (one per other key under its name) }. A hash beyond its cap, or not valid URL
 *  encoding, is state.js's to report (the first folder's). */
export function readPrefixed(hash, view, names) {
  const given = {};
  const messages = [];
  if (hash.length > MAX_HASH + 1) return { given, messages };
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    let key, value;
    try {
      key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
      value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' ')); // as state.js
    } catch {
      continue;
    }
    if (!key.startsWith(`${view}.`)) continue; // another figure's, or the first folder's
    const name = key.slice(view.length + 1);
    if (names.includes(name)) given[name] = value;
    else messages.push(message('unknown_setting', { got: key.slice(0, 40) }));
  }
  return { given, messages };
}
