// pe-explorer-schemes.js, the embed's chunk for the schemes beyond the sinusoidal one: their views and the
// size-built engine that has every scheme (the bundler inlines it in place of pe.mjs). Loaded by
// <pe-explorer> only when a figure on the page shows one of these views.
import createPE from '../../pe.mjs';
import { mountSchemes } from './index.js';

globalThis.__peExplorerSchemes = { createPE, mountSchemes };
