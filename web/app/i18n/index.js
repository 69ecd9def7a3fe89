// Strings by language. t(key) falls back to English, then to the key itself (which a test would catch).
import en from './en.js';
import messagesEn from './messages-en.js';
import messagesZh from './messages-zh.js';
import zh from './zh.js';

export const LANGUAGES = { en: { ...en, ...messagesEn }, zh: { ...zh, ...messagesZh } };
// In the element's bundle en.js, zh.js and messages-zh.js are empty stand-ins: a figure loads the
// text it needs as chunks (element.js, textChunks) before it draws. The English messages
// (messages-en.js) stay in, for what can go wrong before that.

/** Adds strings to a language (the scheme modules add the messages only their engine gives). */
export function addStrings(lang, table) {
  Object.assign(LANGUAGES[lang], table);
}

// The engines' English message templates (pe.messageTemplates), added as each engine loads
// (engine.js). English engine messages are formatted from them, so English lives in one place.
let engineTemplates = {};
export function setEngineTemplates(templates) {
  engineTemplates = { ...engineTemplates, ...templates }; // a page may have several engines
}

const fill = (text, vars) =>
  text.replace(/\{(\w+)\}/g, (whole, name) => (vars && name in vars ? String(vars[name]) : whole));

/** A lookup function for `lang` ('en' or 'zh'); {name} placeholders are filled from `vars`. */
export function translator(lang) {
  const table = LANGUAGES[lang] || LANGUAGES.en;
  const t = (key, vars) => {
    const text = table[key] ?? LANGUAGES.en[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? '')) : text;
  };
  t.lang = LANGUAGES[lang] ? lang : 'en';
  /** A message (web/app/messages.js), a PEError, or plain text, in this language. */
  t.error = (m) => {
    if (m === null || typeof m !== 'object' || typeof m.kind !== 'string') return String(m);
    const args = { ...m.args };
    if (typeof args.name === 'string') args.name = table[`name.${args.name}`] ?? args.name;
    let template;
    if (`msg.${m.kind}` in table || `msg.${m.kind}` in LANGUAGES.en) {
      template = t(`msg.${m.kind}`);
    } else if (t.lang === 'en' || !(`engine.${m.kind}` in table)) {
      template = engineTemplates[m.kind] ?? m.text ?? m.message ?? m.kind;
    } else {
      template = table[`engine.${m.kind}`];
    }
    let text = fill(template, args);
    if (m.where) text = `${m.where}: ${text}`;
    if (m.using) {
      const value = m.using.value ?? t(m.using.last ? 'msg.theLastGood' : 'msg.theDefault');
      text += t('msg.using', { key: m.using.key, value });
    }
    return text;
  };
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
