// Mounts the explorer (settings and views) into a container, in the page or in a <pe-explorer>'s shadow
// root, and keeps views and controls in step with one store. Returns a handle whose destroy() removes
// every listener, observer, timer and animation frame it created.
import { onWidthChange, textUpdate } from '../../canvas.js';
import { Controls } from './controls.js';
import { sectionElement } from '../common.js';
import { controlsMarkup } from './markup.js';
import { fromError, message } from '../../messages.js';
import { createStore } from '../../state.js';

/**
 * Builds `views`, figures of the sinusoidal scheme (`figures`: name -> { markup, View }, its index.js),
 * around one store.
 * @param {HTMLElement} container  where to build (emptied first)
 * @param {import('../../../pe').PE} pe   the shared engine
 * @param {{ figures: object, views: string[], controls: boolean, initial: object,
 *           t: (key: string) => string, onError?: (message: object) => void }} options
 */
export function mountExplorer(container, pe, { figures, views, controls, initial, t, onError = () => {} }) {
  const doc = container.ownerDocument;
  container.replaceChildren();
  const viewsBox = doc.createElement('div');
  viewsBox.className = 'views';
  views.forEach((name, n) => {
    const section = sectionElement(doc, name, figures[name].markup, t);
    section.querySelector('h2').dataset.n = String(n + 1); // the page shows it (styles.css)
    viewsBox.append(section);
  });
  if (controls) {
    const layout = doc.createElement('div');
    layout.className = 'layout';
    const aside = doc.createElement('aside');
    aside.className = 'controls';
    aside.setAttribute('aria-labelledby', 'settings-title');
    aside.innerHTML = controlsMarkup(t);
    // Narrower than the two-column layout, the settings fold away under a button so that the first
    // figure comes first (styles.css); wider, they are always open and the button is hidden.
    aside.dataset.collapsed = '';
    const toggle = aside.querySelector('.settings-toggle');
    toggle.addEventListener('click', () => {
      const open = aside.hasAttribute('data-collapsed');
      aside.toggleAttribute('data-collapsed', !open);
      toggle.setAttribute('aria-expanded', String(open));
      toggle.textContent = t(open ? 'settings.hide' : 'settings.show');
    });
    layout.append(aside, viewsBox);
    container.append(layout);
  } else {
    container.append(viewsBox);
  }

  const store = createStore(initial);
  const root = container.getRootNode(); // the document, or the element's shadow root
  // If any view cannot be built, what was built is torn down before the error goes on: a half-built
  // figure must not leave observers or listeners behind.
  const instances = [];
  let settings;
  try {
    for (const name of views) {
      instances.push(new figures[name].View(viewsBox.querySelector(`#view-${name}`), pe, store, t));
    }
    settings = new Controls(root, pe, store, t);
  } catch (error) {
    for (const view of instances) view.destroy?.();
    container.replaceChildren();
    throw error;
  }
  const teardown = [];

  // While an animation drives the state (the clocks playing) or a slider is dragged, views off screen
  // wait: they note what changed and draw once they come near the screen, or at the next change that
  // is neither (a pause, a slider's release commits one). Every frame then costs only what is seen.
  const near = new Set();
  const stale = new Map(); // view -> the keys that changed while it waited
  const sections = new Map(instances.map((view, n) => [viewsBox.querySelector(`#view-${views[n]}`), view]));
  const seen = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const view = sections.get(entry.target);
        if (!entry.isIntersecting) {
          near.delete(view);
          continue;
        }
        near.add(view);
        if (stale.has(view)) {
          const keys = stale.get(view);
          stale.delete(view);
          draw(view, store.get(), keys, {});
        }
      }
    },
    { rootMargin: '200px 0px' },
  );
  for (const section of sections.keys()) seen.observe(section);
  teardown.push(() => seen.disconnect());

  // A view that cannot draw says so, in its own place and in the reader's language, and its figure is
  // hidden: what it showed belongs to other settings. The others go on. Its next draw is a whole one.
  const failed = new Map(); // view -> the message standing in for its figure
  const draw = (view, state, changed, reason) => {
    const start = performance.now();
    const figure = [...sections].find(([, v]) => v === view)[0].querySelector('.figure');
    try {
      view.update(state, failed.has(view) ? null : changed, reason);
      failed.get(view)?.remove();
      failed.delete(view);
      figure.hidden = false;
      // One entry per view and redraw: build-scripts/bench.sh reads where the time goes.
      performance.measure(`pe-render:${views[instances.indexOf(view)]}`, { start });
    } catch (error) {
      console.error(error);
      const m = message('view_failed', { reason: t.error(fromError(error)) });
      const note = failed.get(view) ?? figure.parentNode.insertBefore(doc.createElement('p'), figure);
      note.className = 'view-error';
      note.textContent = t.error(m);
      failed.set(view, note);
      figure.hidden = true;
      onError(m); // and in the page's messages (a live region)
    }
  };
  let render = function (state, changed, reason = {}) {
    instances.forEach((view) => {
      if ((reason.animate || reason.scrub) && !near.has(view)) {
        stale.set(view, new Set([...(stale.get(view) || []), ...changed]));
        return;
      }
      const waited = stale.get(view);
      stale.delete(view);
      draw(view, state, waited ? new Set([...waited, ...changed]) : changed, reason);
    });
    textUpdate(settings, reason.animate, () => settings.update(store.get()));
  };
  teardown.push(
    store.subscribe((state, changed, reason) => {
      if (changed.size) render(state, changed, reason);
      // The end of an interaction (pause, release of a slider) brings every text up to date at once.
      else if (reason.commit) render(state, new Set(['pos']), reason);
    }),
  );

  // Redraw when the width changes.
  teardown.push(onWidthChange(container, () => render(store.get(), new Set(['size']))));

  // The first view draws now, so the browser can paint it; the others follow, one task each (the reader
  // sees the top of the page sooner, and the main thread stays responsive). `ready` resolves when all
  // have drawn once.
  const pending = new Set(instances.slice(1));
  const drawFirst = (view) => {
    if (pending.delete(view)) draw(view, store.get(), null, {});
  };
  const realRender = render;
  render = (state, changed, reason) => {
    // A change before a view's first draw draws it whole.
    for (const view of pending) drawFirst(view);
    realRender(state, changed, reason);
  };
  if (instances[0]) draw(instances[0], store.get(), null, {});
  settings.update(store.get());
  const ready = new Promise((resolve) => {
    const next = () => {
      const [view] = pending;
      if (!view) return resolve();
      drawFirst(view);
      setTimeout(next, 0);
    };
    requestAnimationFrame(() => setTimeout(next, 0));
  });
  return {
    store,
    ready,
    views: instances,
    /** Redraws everything, e.g. after a theme change. */
    redraw: (why = 'theme') => render(store.get(), new Set([why])),
    destroy() {
      pending.clear(); // stops the staged first draws
      for (const undo of teardown) undo();
      for (const view of instances) view.destroy?.();
      settings.destroy();
      container.replaceChildren();
    },
  };
}
