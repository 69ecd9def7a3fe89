// The page's one state, and its round trip through the URL hash.
//
// parseHash never throws: whatever the hash holds, it returns a complete, valid state and a list of
// messages saying what was ignored and why. Range checks on the encoding come from the engine (the
// same messages as the JS API and the CLI); page-level rules (position inside the matrix, …) are here.

import { fromError, message } from './messages.js';
import { MAX_HASH } from './schemes/address.js';
import { ENCODING } from './schemes/sinusoidal/settings.js';
import { SINUSOIDAL_CHOICES, SINUSOIDAL_DEFAULTS } from './schemes/sinusoidal/table.js';

export const DEFAULTS = Object.freeze({
  d: 128, // d_model
  n: 100, // number of positions
  // The engine's defaults (its sinusoidal table, spec.hpp: schemes/sinusoidal/table.js).
  base: SINUSOIDAL_DEFAULTS.base,
  layout: SINUSOIDAL_DEFAULTS.layout,
  freq: SINUSOIDAL_DEFAULTS.frequencies,
  odd: SINUSOIDAL_DEFAULTS.odd, // odd d_model: the engine's rule
  pos: 20, // current position
  k: 5, // offset for the relative view
  dims: null, // picked dimensions; null = a spread chosen from d
  map: 'diverging',
  speed: 4, // positions per second
  zoom: null, // [row0, rows, col0, cols] of the matrix view; null = everything
  maxlen: 64, // rows of the learned table in the learned-vs-fixed view
  text: null, // the sentence of the tokens view; null = the default sentence of the language
  scale: 1, // size of the toy word embeddings
  withpe: 1, // 1: input = embedding + PE; 0: the embedding alone
  proj: 'pca', // 2-D projection of the input vectors: pca | first_two
});

// The engine's choices (its sinusoidal table).
export const LAYOUTS = SINUSOIDAL_CHOICES.layout;
export const FREQUENCIES = SINUSOIDAL_CHOICES.frequencies;
export const ODD_RULES = SINUSOIDAL_CHOICES.odd;
export const MAPS = ['diverging', 'viridis'];
export const SPEEDS = [0.25, 1, 4, 16, 64, 256];
export const PROJECTIONS = ['pca', 'first_two'];
export const MAX_TEXT = 1000;
export const MAX_DIMS = 8;
export { MAX_HASH };

/** The state keys that define the encoding (schemes/sinusoidal/settings.js): a change of any of them redraws every view. */
export const ENCODING_KEYS = ENCODING.map((p) => p.key);

/** Engine options for a state. */
export function encodingOf(state) {
  return Object.fromEntries(ENCODING.map((p) => [p.option, state[p.key]]));
}

/** Rows a learned table may have at this width: the engine's caps (pe.limits). */
export function maxLearnedRows(d, limits) {
  return Math.max(1, Math.min(limits.maxLearnedRows, Math.floor(limits.maxLearnedValues / d)));
}

/** A spread of dimensions: first two, a few in between, and the last pair. */
export function defaultDims(d) {
  if (d <= 6) return Array.from({ length: d }, (_, j) => j);
  const evenLast = d % 2 === 0 ? d - 2 : d - 3; // the sin of the last full pair
  const picks = [
    0,
    1,
    2 * Math.round(d / 16),
    2 * Math.round(d / 8),
    2 * Math.round(d / 4),
    evenLast,
    evenLast + 1,
  ];
  return [...new Set(picks)].filter((j) => j >= 0 && j < d).sort((a, b) => a - b);
}

/** The dimensions to draw: the picked ones that exist at this d, or the default spread. */
export function dimsOf(state) {
  const picked = (state.dims || []).filter((j) => j < state.d);
  return picked.length ? picked : defaultDims(state.d);
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function parseNumber(text) {
  return NUMBER.test(text) ? Number(text) : NaN;
}

/**
 * Checks a candidate state, fixing what is wrong: returns { state, messages } (messages as data,
 * messages.js). `validate` is the engine's pe.validate (throws a PEError carrying the core's kind and
 * args); `limits` its pe.limits.
 */
export function sanitize(candidate, validate, limits) {
  const state = { ...DEFAULTS, ...candidate };
  const messages = [];
  const reset = (key, why) => {
    messages.push({ ...why, using: { key, value: DEFAULTS[key] === null ? undefined : DEFAULTS[key] } });
    state[key] = DEFAULTS[key];
  };
  const range = (name, min, max, got) => message('integer_range', { name, min, max, got });
  // The engine's verdict on the encoding parameters: reset the parameter it names, until it agrees.
  // (A size cap names positions, so n goes back to its default first.)
  const byParameter = Object.fromEntries(ENCODING.map((p) => [p.option, p.key]));
  for (let attempt = 0; attempt < 6; attempt++) {
    try {
      validate(encodingOf(state));
      break;
    } catch (error) {
      const key = byParameter[error.parameter];
      if (key && state[key] !== DEFAULTS[key]) {
        reset(key, fromError(error));
      } else {
        messages.push(fromError(error));
        for (const k of Object.values(byParameter)) state[k] = DEFAULTS[k];
      }
    }
  }
  // The position and the offset must lie inside the matrix. One the reader set is reported with the
  // value used instead; the default of one they did not set is moved inside quietly (a link with
  // n=12 must not complain about a position 20 nobody asked for).
  const given = (key) => Object.prototype.hasOwnProperty.call(candidate, key);
  const inside = (key, value, why) => {
    if (given(key)) messages.push({ ...why, using: { key, value } });
    state[key] = value;
  };
  if (!Number.isInteger(state.pos) || state.pos < 0 || state.pos >= state.n) {
    inside('pos', Math.min(DEFAULTS.pos, state.n - 1), range('position', 0, state.n - 1, state.pos));
  }
  if (!Number.isInteger(state.k) || Math.abs(state.k) >= state.n) {
    inside('k', Math.min(DEFAULTS.k, state.n - 1), range('offset', -(state.n - 1), state.n - 1, state.k));
  }
  const oneOf = (name, allowed, got) => message('one_of', { name, allowed: allowed.join(', '), got });
  if (!MAPS.includes(state.map)) reset('map', oneOf('map', MAPS, state.map));
  if (!SPEEDS.includes(state.speed)) reset('speed', oneOf('speed', SPEEDS, state.speed));
  if (state.dims !== null) {
    const ok =
      Array.isArray(state.dims) &&
      state.dims.length >= 1 &&
      state.dims.length <= MAX_DIMS &&
      state.dims.every((j) => Number.isInteger(j) && j >= 0 && j < state.d);
    if (!ok) {
      reset('dims', message('dims_list', { max: MAX_DIMS, last: state.d - 1 }));
    } else {
      state.dims = [...new Set(state.dims)].sort((a, b) => a - b);
    }
  }
  const maxRows = maxLearnedRows(state.d, limits);
  if (!Number.isInteger(state.maxlen) || state.maxlen < 1 || state.maxlen > maxRows) {
    reset('maxlen', range('max_len', 1, maxRows, state.maxlen));
  }
  const maxScale = limits.maxEmbeddingScale;
  if (!(Number.isFinite(state.scale) && state.scale >= 0 && state.scale <= maxScale)) {
    reset('scale', message('number_range', { name: 'scale', min: 0, max: maxScale, got: state.scale }));
  }
  if (state.withpe !== 0 && state.withpe !== 1) reset('withpe', oneOf('withpe', [0, 1], state.withpe));
  if (!PROJECTIONS.includes(state.proj)) reset('proj', oneOf('proj', PROJECTIONS, state.proj));
  if (state.text !== null && (typeof state.text !== 'string' || state.text.length > MAX_TEXT)) {
    reset('text', message('text_too_long', { max: MAX_TEXT, got: String(state.text).length }));
  }
  if (state.zoom !== null) {
    const z = state.zoom;
    const ok =
      Array.isArray(z) &&
      z.length === 4 &&
      z.every(Number.isInteger) &&
      z[0] >= 0 &&
      z[1] >= 1 &&
      z[0] + z[1] <= state.n &&
      z[2] >= 0 &&
      z[3] >= 1 &&
      z[2] + z[3] <= state.d;
    if (!ok) reset('zoom', message('zoom_outside'));
  }
  return { state, messages };
}

/** Parses a location hash ("#d=64&n=50…") into { state, messages }. Never throws. `others`: the views
 *  whose keys (<view>.<setting>) another module reads (the page's: schemes/address.js). */
export function parseHash(hash, validate, limits, others = []) {
  const candidate = {};
  const messages = [];
  try {
    let text = typeof hash === 'string' ? hash : '';
    if (text.startsWith('#')) text = text.slice(1);
    if (text.length > MAX_HASH) {
      messages.push(message('hash_too_long', { max: MAX_HASH }));
      text = '';
    }
    for (const part of text.split('&')) {
      if (!part) continue;
      const eq = part.indexOf('=');
      let key, value;
      try {
        key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
        value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
      } catch {
        messages.push(message('bad_url_encoding', { got: part.slice(0, 40) }));
        continue;
      }
      const shown = value.length > 40 ? value.slice(0, 40) + '…' : value;
      const number = () => {
        const x = parseNumber(value);
        if (Number.isNaN(x)) {
          messages.push(message('setting_not_number', { name: key, got: shown }, { using: { key } }));
        }
        return Number.isNaN(x) ? undefined : x;
      };
      const list = () => {
        const items = value.split(',').map(parseNumber);
        if (items.some(Number.isNaN) || !value) {
          messages.push(message('setting_not_list', { name: key, got: shown }, { using: { key } }));
          return undefined;
        }
        return items;
      };
      if (key.includes('.') && others.includes(key.split('.')[0])) continue; // schemes/address.js
      const parameter = ENCODING.find((p) => p.key === key);
      if (parameter) {
        candidate[key] = parameter.number ? number() : value;
        continue;
      }
      switch (key) {
        case 'pos':
        case 'k':
        case 'speed':
        case 'maxlen':
        case 'scale':
        case 'withpe':
          candidate[key] = number();
          break;
        case 'map':
        case 'proj':
        case 'text':
          candidate[key] = value;
          break;
        case 'dims':
          candidate.dims = list();
          break;
        case 'zoom':
          candidate.zoom = list();
          break;
        case 'lang':
        case 'view':
          break; // read by other modules
        default:
          messages.push(message('unknown_setting', { got: key.slice(0, 40) }));
      }
    }
    for (const key of Object.keys(candidate)) if (candidate[key] === undefined) delete candidate[key];
    const checked = sanitize(candidate, validate, limits);
    return { state: checked.state, messages: messages.concat(checked.messages) };
  } catch (error) {
    // Unreachable by design; kept so that a bug here can never take the page down.
    return {
      state: { ...DEFAULTS },
      messages: [...messages, message('link_unreadable', { reason: String(error) })],
    };
  }
}

/** The hash for a state: only what differs from the defaults, in a fixed order. */
export function toHash(state) {
  const parts = [];
  for (const key of Object.keys(DEFAULTS)) {
    const value = state[key];
    if (value === null || value === undefined) continue;
    const text = Array.isArray(value) ? value.join(',') : String(value);
    const fallback = DEFAULTS[key];
    if (fallback !== null && text === String(fallback)) continue;
    parts.push(`${key}=${encodeURIComponent(text).replace(/%2C/g, ',')}`);
  }
  return parts.length ? '#' + parts.join('&') : '';
}

/** A tiny store: get, set (with the changed keys passed to subscribers), subscribe. */
export function createStore(initial) {
  let state = initial;
  const subscribers = new Set();
  return {
    get: () => state,
    set(patch, reason = {}) {
      const changed = Object.keys(patch).filter((key) => !sameValue(state[key], patch[key]));
      if (!changed.length && !reason.commit) return; // a commit with no change still reaches the URL
      state = { ...state, ...patch };
      for (const fn of subscribers) fn(state, new Set(changed), reason);
    },
    subscribe(fn) {
      subscribers.add(fn);
      return () => subscribers.delete(fn);
    },
  };
}

function sameValue(a, b) {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}
