// The schemes beyond the sinusoidal one: one module per scheme in this folder (its view, its inline
// controls and its strings in en and zh), listed once here. mountSchemes() adds their sections to the
// page; adding a scheme is a module here plus one entry below (README: "Adding a scheme").
// Their parameters (names, defaults, ranges) come from the engine's scheme table (pe.schemes).
import { alibiScheme } from './alibi.js';
import { grid2dScheme } from './grid2d.js';
import { schemeTranslator } from './common.js';
import { SCHEME_VIEWS } from './names.js';
import { precisionScheme } from './precision.js';
import { ropeScheme } from './rope.js';

export const SCHEMES = [ropeScheme, alibiScheme, grid2dScheme, precisionScheme];

/** Builds the sections of the schemes named (all by default) into `box`; returns a handle whose
 *  destroy() removes them. */
export function mountSchemes(box, pe, t, onError, names = SCHEME_VIEWS) {
  const doc = box.ownerDocument;
  const views = [];
  const shown = SCHEMES.filter((scheme) => names.includes(scheme.name));
  for (const scheme of shown) {
    const st = schemeTranslator(scheme.strings, t);
    const section = doc.createElement('section');
    section.className = 'view scheme';
    section.id = `view-${scheme.name}`;
    section.dataset.view = scheme.name;
    section.setAttribute('aria-labelledby', `${scheme.name}-title`);
    section.innerHTML = scheme.markup(st);
    box.append(section);
    try {
      views.push(new scheme.View(section, pe, st, onError));
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
