// The explorer page: loads the engine once, reads the state (and the language) from the URL, mounts the
// explorer, and keeps the URL in step (back and forward work). Downloads, the embed dialog and the
// language switch live here too. Every scheme folder is a chunk of the element's
// (build-scripts/bundle.mjs), loaded with its text in the reader's language and mounted through the
// one contract every folder exports (schemes/index.js): the first in page order (the sinusoidal one:
// its seven figures around one store, with the settings panel; its keys are the address's own, d, n,
// …) first, the others once its first view has drawn (their keys carry their view: rope.theta). Each
// folder reads its keys from the address and gives them back; the page only joins them.
import { exportPng } from './canvas.js';
import { openEmbedDialog } from './embed-dialog.js';
import { engine } from './engine.js';
import { exportMatrix } from './export.js';
import { LANGUAGES, pickLanguage, translator } from './i18n/index.js';
import { ownEngine, viewModule, viewText, withText } from './schemes/load.js';
import { mountFolder } from './schemes/mount.js';
import { FOLDER_OF, TEXT_VIEWS } from './schemes/names.js';
import { encodingOf } from './state.js';
import { loadText } from './text-chunks.js';

// A scheme folder's chunk (its contract: schemes/index.js) with its text in `lang` and its own engine,
// if it names one (schemes/load.js).
const folderModule = (name, lang, pe) =>
  Promise.all([viewModule(name), viewText(name, lang), ownEngine(name, pe)]).then(([module, text, own]) =>
    withText(module, text, lang, own),
  );
// The folders in page order: the first, then the others.
const [FIRST, ...LATER] = TEXT_VIEWS;
const laterModules = (lang, pe) => Promise.all(LATER.map((name) => folderModule(name, lang, pe)));
// The figures whose keys carry their name in the address (rope.theta): those of the later folders.
const PREFIXED = Object.keys(FOLDER_OF).filter((view) => FOLDER_OF[view] !== FIRST);
/** The parts of `hash` under a PREFIXED figure's name, as they are (kept in the address until those
 *  figures are there). */
const prefixedIn = (hash) =>
  hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part.includes('.') && PREFIXED.includes(part.split('.')[0]));
// The first view and the downloads need only the sinusoidal engine (pe-explorer-engine.js, the one a
// sinusoidal figure loads); the other schemes' sections each run on the engine their view names by its
// parts (schemes/load.js), loaded after the first view. Run unbundled, the page has one engine with
// everything (pe.mjs), used for all of them.
/** The language named in the hash (lang=zh), or null. */
function languageInHash() {
  const match = location.hash.match(/(?:^#|&)lang=([a-z]+)/);
  return match && LANGUAGES[match[1]] ? match[1] : null;
}

/** Puts every [data-i18n] string of the page shell in the language of `t`. */
function translateShell(t) {
  document.documentElement.lang = t.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('page.title');
  for (const el of document.querySelectorAll('[data-i18n]')) {
    const key = el.dataset.i18n;
    if (key.endsWith('Html')) el.innerHTML = t(key);
    else el.textContent = t(key);
  }
}

async function main() {
  let explicitLang = languageInHash(); // written back to the URL only once chosen
  const [pe, firstModule] = await Promise.all([
    engine(),
    folderModule(FIRST, pickLanguage(explicitLang)),
    loadText(pickLanguage(explicitLang)),
  ]);
  let first = firstModule; // the first folder (the sinusoidal one), in the language shown
  performance.mark('pe-engine-ready'); // with pe-mounted and pe-first-frame: where the first frame's time goes
  let t = translator(pickLanguage(explicitLang));
  translateShell(t);
  const langSelect = document.getElementById('lang-select');
  langSelect.value = t.lang;

  // The scheme follows the reader's preference; the stylesheet keys its colours on data-scheme.
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  const applyScheme = () => (document.documentElement.dataset.scheme = dark.matches ? 'dark' : 'light');
  applyScheme();

  const messages = document.getElementById('messages');
  let shown = [];
  const showMessages = (list) => {
    shown = list;
    messages.querySelector('ul').replaceChildren(
      ...list.map((text) => {
        const li = document.createElement('li');
        li.textContent = t.error(text);
        return li;
      }),
    );
    messages.hidden = list.length === 0;
  };
  messages.querySelector('.dismiss').addEventListener('click', () => showMessages([]));

  const container = document.getElementById('explorer');
  // A message a view gives while the page reads its address (back, forward) joins the address's own.
  let caught = null;
  const onError = (message) => (caught ? caught.push(message) : showMessages([message]));
  const onChange = (reason) => syncUrl(reason);
  // The first folder, then (once its views have drawn) the other folders' sections below them, each
  // reading its keys from `address` and writing them back (onChange) as the reader changes them.
  const mount = (address) => {
    const options = { address, prefixed: PREFIXED, onChange };
    const mounted = mountFolder(container, pe, t, onError, first, { ...options, controls: true });
    let later = null;
    let gone = false;
    const laterReady = mounted.ready
      .then(() => laterModules(t.lang, pe))
      .then(
        (modules) => {
          if (gone) return;
          const box = container.querySelector('.views');
          later = modules.map((module) => mountFolder(box, pe, t, onError, module, options));
          showMessages([...shown, ...later.flatMap((folder) => folder.messages)]);
        },
        (error) => showMessages([{ kind: 'view_failed', args: { reason: String(error.message) } }]),
      );
    const all = () => [mounted, ...(later || [])];
    return {
      store: mounted.store, // the first folder's state: the downloads' encoding
      messages: mounted.messages,
      ready: laterReady,
      /** Every folder mounted so far, by name (the Embed dialog reads their settings). */
      folders: () => Object.fromEntries(all().map((folder, n) => [TEXT_VIEWS[n], folder])),
      /** The address of every folder's settings ('' or '#…'); until the later folders are there, their
       *  keys as the address has them. */
      address: () => {
        const parts = all().flatMap((folder) => folder.address());
        if (!later) parts.push(...prefixedIn(location.hash));
        return parts.length ? `#${parts.join('&')}` : '';
      },
      /** Every folder's settings from `hash`; the messages. */
      follow: (hash) => all().flatMap((folder) => folder.follow(hash)),
      destroy: () => {
        gone = true;
        for (const folder of all().reverse()) folder.destroy();
      },
      redraw: (why) => all().forEach((folder) => folder.redraw(why)),
    };
  };
  caught = [];
  let explorer = mount(location.hash);
  showMessages([...explorer.messages, ...caught]);
  caught = null;
  performance.mark('pe-mounted');
  dark.addEventListener('change', () => {
    applyScheme();
    explorer.redraw('theme');
  });

  // URL: one history entry per interaction (a drag replaces its own entry), written at most every 150 ms
  // while it lasts, at once when it ends. Animation frames and states read from the URL are not written.
  let entryOpen = false;
  let urlTimer = 0;
  let applied = location.hash; // the hash the state was last read from or written to
  const withLang = (hash) => (explicitLang ? `${hash || '#'}${hash ? '&' : ''}lang=${explicitLang}` : hash);
  const syncUrl = (reason) => {
    if (reason.fromUrl || reason.animate) return;
    clearTimeout(urlTimer);
    const write = () => {
      const target = withLang(explorer.address());
      if (target !== location.hash) {
        const url = target || location.pathname + location.search;
        if (entryOpen) history.replaceState(null, '', url);
        else history.pushState(null, '', url);
        entryOpen = true;
        applied = location.hash;
      }
      if (reason.commit) entryOpen = false;
    };
    if (reason.commit) write();
    else urlTimer = setTimeout(write, 150);
  };

  // The language: remount in the new language (its text first) with the same state.
  let switching = Promise.resolve();
  const switchLanguage = (lang) => {
    if (lang !== t.lang) document.body.dataset.ready = 'false'; // until the new language has drawn
    switching = switching
      .then(() => Promise.all([loadText(lang), folderModule(FIRST, lang)]))
      .then(
        ([, module]) => {
          first = module;
          showLanguage(lang);
        },
        (error) => {
          showMessages([{ kind: 'view_failed', args: { reason: String(error.message) } }]);
          document.body.dataset.ready = 'true';
        },
      );
    return switching;
  };
  const showLanguage = (lang) => {
    if (lang === t.lang) {
      document.body.dataset.ready = 'true';
      return;
    }
    t = translator(lang);
    translateShell(t);
    langSelect.value = lang;
    const address = explorer.address();
    explorer.destroy();
    explorer = mount(address);
    explorer.ready.then(() => (document.body.dataset.ready = 'true'));
  };
  langSelect.addEventListener('change', () => {
    explicitLang = langSelect.value;
    switchLanguage(explicitLang);
    syncUrl({ commit: true });
  });

  const fromUrl = () => {
    // A new fragment fires popstate and then hashchange: the second would read the same state again,
    // find nothing changed, and clear the messages the first one's redraw gave (a view's failure).
    if (location.hash === applied) return;
    applied = location.hash;
    const lang = languageInHash();
    if (lang && lang !== t.lang) {
      explicitLang = lang;
      switchLanguage(lang);
    }
    for (const el of container.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
    for (const el of container.querySelectorAll('.error')) el.textContent = '';
    entryOpen = false;
    caught = [];
    const read = explorer.follow(location.hash);
    showMessages([...read, ...caught]);
    caught = null;
  };
  window.addEventListener('popstate', fromUrl);
  window.addEventListener('hashchange', fromUrl);

  // Downloads and the embed dialog.
  container.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (!button) return;
    const s = explorer.store.get();
    if (button.dataset.export) {
      try {
        exportMatrix(pe, encodingOf(s), button.dataset.export);
      } catch (error) {
        showMessages([error]); // e.g. a CSV beyond pe.limits.maxTextExport: use NPY
      }
    }
    if (button.dataset.png) {
      const canvas = button.closest('.view').querySelector(`canvas.${button.dataset.png}`);
      exportPng(canvas, `pe_${button.dataset.png}_d${s.d}_n${s.n}.png`);
    }
    if (button.dataset.action === 'embed')
      openEmbedDialog(document.getElementById('embed-dialog'), t, button, explorer.folders());
  });

  // The first view is drawn: mark the frame that shows it (read by build-scripts/bench.sh).
  requestAnimationFrame(() => performance.mark('pe-first-frame'));
  await explorer.ready;
  delete document.documentElement.dataset.loading; // every section laid out from now on (styles.css)
  document.body.dataset.ready = 'true';
}

main().catch((error) => {
  console.error(error);
  delete document.documentElement.dataset.loading;
  document.getElementById('explorer').textContent = `The explorer could not start: ${error.message}`;
});
