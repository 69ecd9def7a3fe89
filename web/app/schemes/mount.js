// Mounts scheme folders (their chunks: schemes/load.js) into a box: the page mounts all of them
// (main.js), a <pe-explorer> the one its figure is in, each through the one contract every folder
// exports (schemes/index.js: its mount). Kept apart from the views so the element carries only this,
// not them.

/** A lookup in a scheme's own strings ({ lang: table }: a folder scheme's holds the one language its
 *  figure loaded), falling back to English, then to the page's (t); {name} filled from vars. */
export function schemeTranslator(strings, t) {
  const table = strings[t.lang] || strings.en || {};
  const local = (key, vars) => {
    const text = table[key] ?? strings.en?.[key];
    if (text === undefined) return t(key, vars);
    return vars ? text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? '')) : text;
  };
  local.lang = t.lang;
  local.error = t.error;
  return local;
}

// A folder scheme's styles (its view chunk's `css`: <name>/styles.css), one sheet per scheme, adopted
// by the document or the shadow root the section is in.
const sheets = new Map();
function adoptStyles(box, scheme) {
  if (!scheme.css) return;
  if (!sheets.has(scheme.name)) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(scheme.css);
    sheets.set(scheme.name, sheet);
  }
  const root = box.getRootNode();
  const sheet = sheets.get(scheme.name);
  if (root.adoptedStyleSheets && !root.adoptedStyleSheets.includes(sheet))
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** Mounts scheme folder `scheme` (its chunk, with its text: load.js's withText) into `box`: its figures
 *  `options.views` (all, if none), in its own strings and styles, through its contract's mount
 *  (schemes/index.js; options: { views, controls, given } as it takes them). Returns its handle. */
export function mountFolder(box, pe, t, onError, scheme, options) {
  adoptStyles(box, scheme);
  const st = schemeTranslator(scheme.strings || {}, t);
  return scheme.mount(box, scheme.pe || pe, { ...options, t: st, onError, engines: scheme.engines });
}
