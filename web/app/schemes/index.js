// The schemes beyond the sinusoidal one: one module per scheme in this folder (its view, its inline
// controls and its strings in en and zh), listed once here. mountAllSchemes() adds their sections to
// the page (the element loads one module at a time: build-scripts/bundle.mjs makes a chunk of each); adding a scheme is a module here plus one entry below (README: "Adding a scheme").
// Their parameters (names, defaults, ranges) come from the engine's scheme table (pe.schemes).
import { alibiScheme } from './alibi.js';
import { contextScheme } from './context.js';
import { grid2dScheme } from './grid2d.js';
import { mountSchemes } from './mount.js';
import { precisionScheme } from './precision.js';
import { ropeScheme } from './rope.js';

// The Chinese text of the messages only these schemes' engine gives: added to the page's strings by
// whoever mounts them (main.js; the element once it has loaded their chunk).
export { default as schemeMessagesZh } from '../i18n/messages-zh-schemes.js';

export const SCHEMES = [ropeScheme, alibiScheme, grid2dScheme, precisionScheme, contextScheme];

/** Builds every scheme's section into `box` (the page). */
export function mountAllSchemes(box, pe, t, onError) {
  return mountSchemes(box, pe, t, onError, SCHEMES);
}
