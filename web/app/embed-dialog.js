// The "Embed this view" dialog: an iframe snippet and a custom-element snippet for the current state,
// ready to copy, and for hosts that allow no script a poster (PNG, poster.js) with HTML and Markdown
// that link it to the live figure. All point at this copy of dist/ (absolute URLs: they work pasted
// anywhere).
import { posterOf, posterSnippets } from './poster.js';
import { encodeValue } from './schemes/address.js';
import { FIGURES, SCHEME_VIEWS } from './schemes/names.js';
import { ATTRIBUTE_PARAMETERS } from './schemes/sinusoidal/settings.js';
import { DEFAULTS, toHash } from './state.js';

/** Attributes of <pe-explorer> for a figure as shown (only what differs from the defaults): a scheme
 *  view's settings (`values`: its view's values(true)), or the explorer's parameters; text="off". */
export function elementAttributes(state, view, values = {}, text = 'on') {
  const attrs = [['view', view]];
  if (SCHEME_VIEWS.includes(view)) attrs.push(...Object.entries(values));
  else {
    for (const { key, attribute } of ATTRIBUTE_PARAMETERS) {
      if (state[key] !== DEFAULTS[key]) attrs.push([attribute, String(state[key])]);
    }
  }
  if (text === 'off') attrs.push(['text', 'off']);
  return attrs;
}

const escapeAttribute = (v) => v.replace(/[&"<]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;' })[c]);

/** The iframe and element snippets and the live figure's address (embed.html), for `view` as shown:
 *  `values` a scheme view's settings off their default, `text` 'on' or 'off'. */
export function snippets(state, view, base, values = {}, text = 'on') {
  const attrs = elementAttributes(state, view, values, text);
  // embed.html's keys: a scheme view's under their attribute's name; the explorer's as the page writes
  // them (d, n, …: the links made before keep working).
  const keys = SCHEME_VIEWS.includes(view)
    ? attrs.map(([k, v]) => `${k}=${encodeValue(v)}`)
    : [
        `view=${view}`,
        toHash({
          ...DEFAULTS,
          ...Object.fromEntries(ATTRIBUTE_PARAMETERS.map(({ key }) => [key, state[key]])),
        }).slice(1),
        text === 'off' ? 'text=off' : '',
      ];
  const iframeSrc = new URL(`embed.html#${keys.filter(Boolean).join('&')}`, base).href;
  const height = view === 'all' ? 1600 : 720;
  const iframe = `<iframe src="${iframeSrc}" width="100%" height="${height}" loading="lazy" title="Position encoding: ${view}"></iframe>`;
  const attributes = attrs.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
  const element = `<script src="${new URL('pe-explorer.js', base).href}"></script>\n<pe-explorer${attributes}></pe-explorer>`;
  return { iframe, element, live: iframeSrc };
}

/** `views`: the page's scheme views (their settings as shown go into the snippets). */
export function openEmbedDialog(dialog, state, t, opener, views = []) {
  const select = dialog.querySelector('select[name="embed-view"]');
  // A view's name: the page's text, or a folder scheme's own (its strings' `view`).
  const label = (v) => {
    const own = views.find((view) => view.root.dataset.view === v)?.t;
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
    const values = views.find((v) => v.root.dataset.view === view)?.values(true);
    const text = textOff.checked ? 'off' : 'on';
    const { iframe, element, live } = snippets(state, view, location.href, values, text);
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
