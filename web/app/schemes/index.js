// The schemes beyond the sinusoidal one: one module per scheme in this folder (its view, its inline
// controls and its strings in en and zh), listed once here and by name in names.js (a test checks
// they agree). The page and the element load each as a chunk of its own (build-scripts/bundle.mjs
// builds pe-explorer-view-<name>.js from <name>.js) and mount it with mount.js; adding a scheme is a
// module here plus one entry below and in names.js (README: "Adding a scheme").
// Their parameters (names, defaults, ranges) come from the engine's scheme table (pe.schemes).
import { alibiScheme } from './alibi.js';
import { contextScheme } from './context.js';
import { grid2dScheme } from './grid2d.js';
import { precisionScheme } from './precision.js';
import { ropeScheme } from './rope.js';
// A scheme in a folder of its own (model/: index.js, en.js, zh.js, styles.css), until the bundler finds
// the folders itself.
import modelView from './model/index.js';
import modelEn from './model/en.js';
import modelZh from './model/zh.js';

export const modelScheme = { ...modelView, strings: { en: modelEn, zh: modelZh } };
export const SCHEMES = [ropeScheme, alibiScheme, grid2dScheme, precisionScheme, contextScheme, modelScheme];
