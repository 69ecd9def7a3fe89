// The views of the schemes beyond the sinusoidal one, by name: what the element needs to know before
// their chunk (pe-explorer-schemes.js) is loaded. schemes/index.js lists the modules behind them; a test
// checks that the two lists agree.
export const SCHEME_VIEWS = ['rope', 'alibi', 'grid2d', 'precision', 'context'];
