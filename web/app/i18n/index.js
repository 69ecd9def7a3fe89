// Strings by language. t(key) falls back to English, then to the key itself (which a test would catch).
import en from './en.js';
import { localizeError } from './errors.js';
import zh from './zh.js';

export const LANGUAGES = { en, zh };

/** A lookup function for `lang` ('en' or 'zh'); {name} placeholders are filled from `vars`. */
export function translator(lang) {
  const table = LANGUAGES[lang] || en;
  const t = (key, vars) => {
    let text = table[key] ?? en[key] ?? key;
    if (vars) text = text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
    return text;
  };
  t.lang = LANGUAGES[lang] ? lang : 'en';
  /** A message from the engine (always English) in this language. */
  t.error = (message) => (t.lang === 'en' ? message : localizeError(message, t));
  return t;
}

/** The language to start in: an explicit choice, else the browser's, else English. */
export function pickLanguage(explicit) {
  if (explicit && LANGUAGES[explicit]) return explicit;
  const preferred = (typeof navigator !== 'undefined' && navigator.languages) || [];
  for (const tag of preferred) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (LANGUAGES[base]) return base;
  }
  return 'en';
}
