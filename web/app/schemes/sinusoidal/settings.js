// The sinusoidal explorer's parameters, once: the state (URL) key, the <pe-explorer> attribute (its
// property is the camelCase: d-model, dModel), and the engine option each one is. state.js (URL,
// engine options, which views redraw), element.js (attributes and properties), embed.html's embed.js
// (through PeExplorer.hashKeys) and the Embed dialog's snippets all read this list; the ranges and
// checks come from the engine (pe.validate, pe.schemes.sinusoidal), not from here.

/** The encoding: a change of any of them changes every view. */
export const ENCODING = [
  { key: 'd', attribute: 'd-model', option: 'dModel', number: true },
  { key: 'n', attribute: 'positions', option: 'positions', number: true },
  { key: 'base', attribute: 'base', option: 'base', number: true },
  { key: 'layout', attribute: 'layout', option: 'layout' },
  { key: 'freq', attribute: 'frequencies', option: 'frequencies' },
  { key: 'odd', attribute: 'odd', option: 'odd' },
];

/** Page state a figure also takes as an attribute: where the views look. */
export const FIGURE = [
  { key: 'pos', attribute: 'position', number: true },
  { key: 'k', attribute: 'offset', number: true },
];

export const ATTRIBUTE_PARAMETERS = [...ENCODING, ...FIGURE];
