// pe-explorer-schemes.js, the embed's engine chunk for the schemes beyond the sinusoidal one: the
// size-built engine that has every scheme (the bundler inlines it in place of pe.mjs) and the Chinese
// text of the messages only it gives. Each view is a chunk of its own (pe-explorer-view-<name>.js,
// build-scripts/bundle.mjs). Loaded by <pe-explorer> only when a figure on the page shows such a view,
// and by the explorer page.
import createPE from '../../pe.mjs';
import schemeMessagesZh from '../i18n/messages-zh-schemes.js';

export default { createPE, schemeMessagesZh };
