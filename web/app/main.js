// The explorer page: loads the engine once, reads the state from the URL, mounts the explorer, and keeps
// the URL in step (back and forward work). Downloads and the embed dialog live here too.
import { exportPng } from './canvas.js';
import { openEmbedDialog } from './embed-dialog.js';
import { engine } from './engine.js';
import { exportMatrix } from './export.js';
import { mountExplorer } from './explorer.js';
import { pickLanguage, translator } from './i18n/index.js';
import { VIEWS } from './markup.js';
import { encodingOf, parseHash, toHash } from './state.js';

async function main() {
  const pe = await engine();
  const validate = (options) => pe.validate(options);
  const lang = pickLanguage(new URLSearchParams(location.hash.slice(1)).get('lang'));
  const t = translator(lang);

  // The scheme follows the reader's preference; the stylesheet keys its colours on data-scheme.
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  const applyScheme = () => (document.documentElement.dataset.scheme = dark.matches ? 'dark' : 'light');
  applyScheme();

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
  const container = document.getElementById('explorer');
  const explorer = mountExplorer(container, pe, {
    views: VIEWS,
    controls: true,
    initial: initial.state,
    t,
    onError: (message) => showMessages([message]),
  });
  const store = explorer.store;
  dark.addEventListener('change', () => {
    applyScheme();
    explorer.redraw('theme');
  });

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
  store.subscribe((_state, _changed, reason) => syncUrl(reason));

  function fromUrl() {
    const parsed = parseHash(location.hash, validate);
    showMessages(parsed.messages);
    for (const el of container.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
    for (const el of container.querySelectorAll('.error')) el.textContent = '';
    entryOpen = false;
    store.set(parsed.state, { fromUrl: true });
  }
  window.addEventListener('popstate', fromUrl);
  window.addEventListener('hashchange', fromUrl);

  // Downloads and the embed dialog.
  container.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (!button) return;
    const s = store.get();
    if (button.dataset.export) exportMatrix(pe, encodingOf(s), button.dataset.export);
    if (button.dataset.png) {
      const canvas = button.closest('.view').querySelector(`canvas.${button.dataset.png}`);
      exportPng(canvas, `pe_${button.dataset.png}_d${s.d}_n${s.n}.png`);
    }
    if (button.dataset.action === 'embed')
      openEmbedDialog(document.getElementById('embed-dialog'), s, t, button);
  });

  performance.mark('pe-first-frame'); // read by build-scripts/bench.sh
  document.body.dataset.ready = 'true';
}

main().catch((error) => {
  console.error(error);
  const box = document.getElementById('explorer');
  box.textContent = `The explorer could not start: ${error.message}`;
});
