// The sinusoidal figures' settings as a <pe-explorer> gives them (attribute -> text, the folder's
// table: settings.js), read into the explorer's state and checked as the page's address is (state.js,
// with the engine's pe.validate): a bad value is a message naming its attribute, and the figure falls
// back (a number that is not one to the last good state's value).
import { message } from '../../messages.js';
import { DEFAULTS, sanitize } from '../../state.js';
import { ATTRIBUTE_PARAMETERS } from './settings.js';

const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;
const ATTRIBUTE_OF_KEY = Object.fromEntries(ATTRIBUTE_PARAMETERS.map((p) => [p.key, p.attribute]));

/** The state for `given` after `last` (the state the previous settings gave, or null): { state,
 *  messages }. */
export function readGiven(given, last, pe) {
  const messages = [];
  const candidate = { ...(last || DEFAULTS) };
  for (const { attribute: name, key, number } of ATTRIBUTE_PARAMETERS) {
    const raw = given[name];
    if (raw === undefined) {
      candidate[key] = DEFAULTS[key];
    } else if (number) {
      if (NUMBER.test(raw)) candidate[key] = Number(raw);
      else
        messages.push(
          message('attribute_number', { name, got: raw }, { using: { key: name, last: !!last } }),
        );
    } else {
      candidate[key] = raw;
    }
  }
  // Without an explicit position/offset, keep them inside a changed size.
  if (given.position === undefined)
    candidate.pos = Math.min(DEFAULTS.pos, Math.max(0, (candidate.n | 0) - 1));
  if (given.offset === undefined) candidate.k = Math.min(DEFAULTS.k, Math.max(0, (candidate.n | 0) - 1));
  candidate.zoom = null;
  const checked = sanitize(candidate, (o) => pe.validate(o), pe.limits);
  // A bad attribute names itself ("d-model: d_model must be ..."; "... using d-model = 128").
  for (const m of checked.messages) {
    const attribute = m.using && ATTRIBUTE_OF_KEY[m.using.key];
    messages.push(attribute ? { ...m, where: attribute, using: { ...m.using, key: attribute } } : m);
  }
  return { state: checked.state, messages };
}

/** The settings `state` shows, attribute -> text; `changed`: only those off their default. */
export const valuesOf = (state, changed) =>
  Object.fromEntries(
    ATTRIBUTE_PARAMETERS.filter((p) => !changed || state[p.key] !== DEFAULTS[p.key]).map((p) => [
      p.attribute,
      String(state[p.key]),
    ]),
  );
