// The explorer: loads the engine once, reads the state from the URL, and keeps views, controls and URL
// in step. Every number on the page comes from the engine.
import { exportPng, textUpdate } from './canvas.js';
import { Controls } from './controls.js';
import { engine } from './engine.js';
import { exportMatrix } from './export.js';
import { createStore, encodingOf, parseHash, toHash } from './state.js';
import { ClockView } from './views/clock.js';
import { MatrixView } from './views/matrix.js';
import { PeriodicityView } from './views/periodicity.js';
import { RelativeView } from './views/relative.js';

const pe = await engine();
const validate = (options) => pe.validate(options);

const messages = document.getElementById('messages');
function showMessages(list) {
  messages.querySelector('ul').replaceChildren(
    ...list.map((text) => {
      const li = document.createElement('li');
      li.textContent = text;
      return li;
    }),
  );
  messages.hidden = list.length === 0;
}
messages.querySelector('.dismiss').addEventListener('click', () => showMessages([]));

const initial = parseHash(location.hash, validate);
showMessages(initial.messages);
const store = createStore(initial.state);

const views = [
  new MatrixView(document.getElementById('view-matrix'), pe, store),
  new PeriodicityView(document.getElementById('view-periodicity'), pe, store),
  new ClockView(document.getElementById('view-clock'), pe, store),
  new RelativeView(document.getElementById('view-relative'), pe, store),
];
const controls = new Controls(document.getElementById('controls'), pe, store);

function render(state, changed, reason = {}) {
  for (const view of views) {
    const start = performance.now();
    try {
      view.update(state, changed, reason);
      // One entry per view and redraw: build-scripts/bench.sh reads where the time goes.
      performance.measure(`pe-render:${view.constructor.name}`, { start });
    } catch (error) {
      // A view that cannot draw says so; the others go on.
      console.error(error);
      showMessages([`A view could not be drawn: ${error.message}`]);
    }
  }
  textUpdate(controls, reason.animate, () => controls.update(store.get()));
  if (!document.body.dataset.ready) {
    performance.mark('pe-first-frame'); // read by build-scripts/bench.sh
    document.body.dataset.ready = 'true';
  }
}

// URL: one history entry per interaction (a drag replaces its own entry), written at most every 150 ms
// while it lasts, at once when it ends. Animation frames and states read from the URL are not written.
let entryOpen = false;
let urlTimer = 0;
function syncUrl(reason) {
  if (reason.fromUrl || reason.animate) return;
  clearTimeout(urlTimer);
  const write = () => {
    const target = toHash(store.get());
    if (target !== location.hash) {
      const url = target || location.pathname + location.search;
      if (entryOpen) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
      entryOpen = true;
    }
    if (reason.commit) entryOpen = false;
  };
  if (reason.commit) write();
  else urlTimer = setTimeout(write, 150);
}

store.subscribe((state, changed, reason) => {
  if (changed.size) render(state, changed, reason);
  // The end of an interaction (pause, release of a slider) brings every text up to date at once.
  else if (reason.commit) render(state, new Set(['pos']), reason);
  syncUrl(reason);
});

function fromUrl() {
  const parsed = parseHash(location.hash, validate);
  showMessages(parsed.messages);
  controls.clearErrors();
  entryOpen = false;
  store.set(parsed.state, { fromUrl: true });
}
window.addEventListener('popstate', fromUrl);
window.addEventListener('hashchange', fromUrl);

// Redraw on resize and on a theme switch.
let resizeTimer = 0;
let lastWidth = document.documentElement.clientWidth;
new ResizeObserver(() => {
  const width = document.documentElement.clientWidth;
  if (width === lastWidth) return;
  lastWidth = width;
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => render(store.get(), new Set(['size'])), 100);
}).observe(document.body);
window
  .matchMedia('(prefers-color-scheme: dark)')
  .addEventListener('change', () => render(store.get(), new Set(['theme'])));

// Downloads.
for (const button of document.querySelectorAll('[data-export]')) {
  button.addEventListener('click', () => exportMatrix(pe, encodingOf(store.get()), button.dataset.export));
}
for (const button of document.querySelectorAll('[data-png]')) {
  button.addEventListener('click', () => {
    const canvas = button.closest('.view').querySelector(`canvas.${button.dataset.png}`);
    const s = store.get();
    exportPng(canvas, `pe_${button.dataset.png}_d${s.d}_n${s.n}.png`);
  });
}

render(store.get(), null);
