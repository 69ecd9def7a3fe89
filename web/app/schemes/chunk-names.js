// The global an engine chunk (pe-explorer-engine-<parts joined by '-'>.js) defines: its key with each
// '-' made '$', so that a list of parts is an identifier (and ['rope', 'config'] is not ['rope_config']).
export const engineGlobal = (key) => `__peExplorerEngine_${key.replace(/-/g, '$')}`;
