// The "Embed this view" dialog: an iframe snippet and a custom-element snippet for the current state,
// ready to copy, and for hosts that allow no script a poster (PNG, poster.js) with HTML and Markdown
// that link it to the live figure. All point at this copy of dist/ (absolute URLs: they work pasted
// anywhere).
import { posterOf, posterSnippets } from './poster.js';
import { encodeValue } from './schemes/address.js';
import { folderOf } from './schemes/load.js';
import { FIGURES, URL_KEYS } from './schemes/names.js';

/** Attributes of <pe-explorer> for a figure as shown: its folder's settings off their default
 *  (`values`: its mount's values(true)); text="off". */
export function elementAttributes(view, values = {}, text = 'on') {
  return [['view', view], ...Object.entries(values), ...(text === 'off' ? [['text', 'off']] : [])];
}

const escapeAttribute = (v) => v.replace(/[&"<]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;' })[c]);

/** The iframe and element snippets and the live figure's address (embed.html), for `view` as shown:
 *  `values` its folder's settings off their default, `text` 'on' or 'off'. */
export function snippets(view, base, values = {}, text = 'on') {
  const attrs = elementAttributes(view, values, text);
  // embed.html's keys: each setting's URL key (the attribute's name, or the sinusoidal key the page
  // writes: d, n, …, so that the links made before keep working).
  const keyOf = URL_KEYS[folderOf(view)] || {};
  const keys = attrs.map(([k, v]) => `${keyOf[k] ?? k}=${encodeValue(v)}`);
  const iframeSrc = new URL(`embed.html#${keys.filter(Boolean).join('&')}`, base).href;
  const height = view === 'all' ? 1600 : 720;
  const iframe = `<iframe src="${iframeSrc}" width="100%" height="${height}" loading="lazy" title="Position encoding: ${view}"></iframe>`;
  const attributes = attrs.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
  const element = `<script src="${new URL('pe-explorer.js', base).href}"></script>\n<pe-explorer${attributes}></pe-explorer>`;
  return { iframe, element, live: iframeSrc };
}

/** `folders`: the page's mounted folders by name (their settings as shown go into the snippets). */
export function openEmbedDialog(dialog, t, opener, folders = {}) {
  const select = dialog.querySelector('select[name="embed-view"]');
  const views = Object.values(folders).flatMap((folder) => folder.views);
  // A view's name: the page's text, or a folder scheme's own (its strings' `view`).
  const label = (v) => {
    const own = views.find((view) => view.root?.dataset.view === v)?.t;
    return own && own('view') !== 'view' ? own('view') : t(`view.${v}`);
  };
  const textOff = dialog.querySelector('input[name="embed-text-off"]');
  if (!select.options.length) {
    for (const v of ['all', ...FIGURES]) select.append(new Option(label(v), v));
    select.addEventListener('change', () => dialog.fill());
    textOff.addEventListener('change', () => dialog.fill());
    for (const button of dialog.querySelectorAll('[data-copy]')) {
      button.addEventListener('click', async () => {
        const area = dialog.querySelector(`textarea[name="${button.dataset.copy}"]`);
        area.select();
        try {
          await navigator.clipboard.writeText(area.value);
        } catch {
          document.execCommand?.('copy'); // older browsers, or clipboard permission refused
        }
        dialog.querySelector('.copied').textContent = t('embed.copied');
      });
    }
    dialog.querySelector('[data-close]').addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => dialog.opener?.focus());
  }
  // The listeners above call the latest fill (this opening's state and views).
  const fill = (dialog.fill = () => {
    const view = select.value;
    const values = folders[folderOf(view)]?.values(true);
    const text = textOff.checked ? 'off' : 'on';
    const { iframe, element, live } = snippets(view, location.href, values, text);
    dialog.querySelector('textarea[name="iframe"]').value = iframe;
    dialog.querySelector('textarea[name="element"]').value = element;
    dialog.querySelector('.copied').textContent = '';
    // The poster: the view as drawn on this page (the matrix for "all"), saved as pe-<view>.png.
    const section = document.getElementById(`view-${view === 'all' ? 'matrix' : view}`);
    const title = section.querySelector('h2')?.textContent.trim() || t(`view.${view}`);
    const file = `pe-${view}.png`;
    const { html, markdown } = posterSnippets({ file, link: live, alt: title });
    dialog.querySelector('textarea[name="poster-html"]').value = html;
    dialog.querySelector('textarea[name="poster-markdown"]').value = markdown;
    const download = dialog.querySelector('.poster-download');
    const preview = dialog.querySelector('.poster-preview');
    download.removeAttribute('href');
    const asked = (dialog.asked = (dialog.asked || 0) + 1);
    preview.setAttribute('aria-label', title);
    posterOf(section, { title, link: live }, preview).then(
      (blob) => {
        if (asked !== dialog.asked) return; // another view was chosen meanwhile
        if (dialog.posterUrl) URL.revokeObjectURL(dialog.posterUrl);
        dialog.posterUrl = URL.createObjectURL(blob);
        download.href = dialog.posterUrl;
        download.download = file;
        download.dataset.bytes = String(blob.size);
      },
      (error) => (dialog.querySelector('.copied').textContent = String(error.message)),
    );
  });
  for (const option of select.options) option.textContent = label(option.value); // the current language
  dialog.opener = opener;
  fill();
  dialog.showModal();
}
