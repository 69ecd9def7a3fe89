// The text the element and the page load as a chunk (a classic script next to them, chunks.js) rather
// than carry: the Chinese messages for anything shown in Chinese. Each scheme folder's text is a chunk
// per language of its own (schemes/load.js). A chunk is skipped when its strings are already here.
import { loadChunk } from './chunks.js';
import { addStrings, LANGUAGES } from './i18n/index.js';

// [file, the global it sets, a key its table has]
const chunksFor = (lang) =>
  lang === 'zh' ? [['pe-explorer-lang-zh.js', '__peExplorerLang_zh', 'engine.integer_range']] : [];
const missing = (lang) => chunksFor(lang).filter(([, , key]) => !(key in LANGUAGES[lang]));

/** Whether the messages for a figure (or the page) in `lang` are here. */
export const textReady = (lang) => missing(lang).length === 0;

/** Loads what textReady() finds missing. */
export const loadText = (lang) =>
  Promise.all(
    missing(lang).map(([file, name]) => loadChunk(file, name).then((table) => addStrings(lang, table))),
  );
