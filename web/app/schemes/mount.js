// Mounts scheme folders (their chunks: schemes/load.js) into a box: the page mounts all of them
// (main.js), a <pe-explorer> the one its figure is in. A folder's figures share a store (mountShared: its
// own mount, the sinusoidal scheme's seven) or are one SchemeView each (mountSchemes). Kept apart from
// the views so the element carries only this, not them.
import { forgetWidths } from '../canvas.js';

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

/** Builds the figures `views` of a folder whose figures share a store (`scheme.mount`: the sinusoidal
 *  one) into `box`, in its own strings; `options`: { controls, initial } as its mount takes them.
 *  Returns its handle ({ store, ready, views, redraw, destroy }). */
export function mountShared(box, pe, t, onError, scheme, views, options) {
  adoptStyles(box, scheme);
  const st = schemeTranslator(scheme.strings || {}, t);
  return scheme.mount(box, scheme.pe || pe, { ...options, views, t: st, onError });
}

/** Builds the sections of `schemes` (scheme modules: { name, strings, markup, View, css?, pe?,
 *  engines? }: a scheme's own engine if it has one, else `pe`; engines(parts), another view's engine,
 *  is the View's fifth argument) into `box`; returns a handle whose destroy() removes
 *  them. */
export function mountSchemes(box, pe, t, onError, schemes) {
  const doc = box.ownerDocument;
  const views = [];
  const shown = schemes;
  for (const scheme of shown) {
    adoptStyles(box, scheme);
    const st = schemeTranslator(scheme.strings, t);
    const section = doc.createElement('section');
    section.className = 'view scheme';
    section.id = `view-${scheme.name}`;
    section.dataset.view = scheme.name;
    section.setAttribute('aria-labelledby', `${scheme.name}-title`);
    section.innerHTML = scheme.markup(st);
    // Numbered after the sections already there (the page shows it: styles.css).
    section.querySelector('h2').dataset.n = String(box.querySelectorAll(':scope > section.view').length + 1);
    box.append(section);
    try {
      views.push(new scheme.View(section, scheme.pe || pe, st, onError, scheme.engines));
    } catch (error) {
      onError({ kind: 'view_failed', args: { reason: String(error.message) } });
    }
  }
  // Redraw when the width changes (canvases are sized to it).
  let width = box.clientWidth;
  let timer = 0;
  const resize = new ResizeObserver(() => {
    if (box.clientWidth === width) return;
    width = box.clientWidth;
    forgetWidths();
    clearTimeout(timer);
    timer = setTimeout(() => views.forEach((view) => view.draw()), 100);
  });
  resize.observe(box);
  return {
    views,
    redraw() {
      for (const view of views) view.draw();
    },
    destroy() {
      resize.disconnect();
      clearTimeout(timer);
      for (const view of views) view.destroy();
      for (const scheme of shown) box.querySelector(`#view-${scheme.name}`)?.remove();
    },
  };
}
