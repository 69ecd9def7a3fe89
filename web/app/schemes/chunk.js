// pe-explorer-engine-<parts>.js, the engine chunk of the figures whose view names these parts: the
// size-built engine of those parts (the bundler inlines it in place of pe.mjs) and the Chinese text of
// the folder messages it can give (the bundler keeps those whose English its wasm holds). Loaded by
// <pe-explorer> and the page when a figure of such a view starts (schemes/load.js).
import createPE from '../../pe.mjs';
import schemeMessagesZh from '../i18n/messages-zh-schemes.js';

export default { createPE, schemeMessagesZh };
