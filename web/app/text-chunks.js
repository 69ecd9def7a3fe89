// The text the element and the page load as chunks (classic scripts next to them, chunks.js) rather
// than carry: the Chinese messages for anything shown in Chinese, and the explorer's own text (page
// shell, settings, the sinusoidal views) per language. Each scheme view's chunk carries its own text.
// A chunk is skipped when its strings are already here (the page bundles the English text).
import { loadChunk } from './chunks.js';
import { addStrings, LANGUAGES } from './i18n/index.js';

// [file, the global it sets, a key its table has]
const chunksFor = (lang, scheme) => [
  ...(lang === 'zh' ? [['pe-explorer-lang-zh.js', '__peExplorerLang_zh', 'engine.integer_range']] : []),
  ...(scheme ? [] : [[`pe-explorer-view-sinusoidal-${lang}.js`, `__peExplorerText_${lang}`, 'page.title']]),
];
const missing = (lang, scheme) => chunksFor(lang, scheme).filter(([, , key]) => !(key in LANGUAGES[lang]));

/** Whether the text for a figure (or the page) in `lang` is here; `scheme`: only a scheme view's. */
export const textReady = (lang, scheme = false) => missing(lang, scheme).length === 0;

/** Loads what textReady() finds missing. */
export const loadText = (lang, scheme = false) =>
  Promise.all(
    missing(lang, scheme).map(([file, name]) =>
      loadChunk(file, name).then((table) => addStrings(lang, table)),
    ),
  );
