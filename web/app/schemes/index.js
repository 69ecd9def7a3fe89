// The schemes, for node (build-scripts/bundle.mjs, settings.mjs, the tests): every folder here is a
// scheme (README, "Adding a scheme"): <name>/index.js declares it, <name>/en.js and zh.js its text, one
// language each, <name>/styles.css its styles. They are found by reading this folder, so no list names
// them; `order` places a scheme's figures on the explorer page. Every folder's index.js default-exports
// one contract:
//   { name, order, engine?, figures, settings, mount }
//   figures   { <view>: { markup, View } }, in page order (a one-figure folder: its own name);
//   settings  its table: [{ attribute (the element's attribute, its property in camelCase, embed.html's
//             URL key), key? (the URL key where it is another: the sinusoidal d for d-model), default?
//             (what the property says before the figure has loaded) }, …];
//   mount(box, pe, { views, controls, given, address, prefixed, onChange, t, onError, engines }) builds the
//             figures named (all, if none) after what `box` holds, with `given` (attribute -> text:
//             the element's) or its keys in `address` (the explorer page's hash: the first folder's
//             are the address's own, d, n, …; the others' carry their view, rope.theta: those
//             figures are `prefixed`) applied;
//             calls onChange(reason) when the reader changes a setting; returns { ready, views,
//             messages (what was wrong with `given` or `address`: each names its setting and what
//             stands instead), apply(given) -> messages, values(changed) -> attribute -> text,
//             address() -> its parts of the page's address, follow(hash) -> messages (back, forward),
//             redraw(why), destroy() }.
// A one-figure folder writes { name, order, engine?, markup, View } and gets the rest from
// oneFigure() (common.js: its View's static settings are the table); the sinusoidal folder's seven
// figures share one store (sinusoidal/index.js).
// engine: the cpp parts its engine has (README, engine parts); none: the sinusoidal engine.
// In a browser nothing imports this module: the element and the page know the schemes' names from
// names.js, which the bundler writes, and load each folder as a chunk of its own.
import fs from 'node:fs';
import { LANGUAGES } from '../i18n/index.js';

const here = new URL('.', import.meta.url);

/** The folder schemes: each its module, its text per language, and whether it has styles. */
export const FOLDERS = await Promise.all(
  fs
    .readdirSync(here, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(new URL(`${entry.name}/index.js`, here)))
    .map(async ({ name }) => {
      const { default: scheme } = await import(`./${name}/index.js`);
      if (scheme.name !== name) throw new Error(`schemes/${name}/index.js names itself ${scheme.name}`);
      const strings = {};
      for (const lang of Object.keys(LANGUAGES))
        strings[lang] = (await import(`./${name}/${lang}.js`)).default;
      const styles = fs.existsSync(new URL(`${name}/styles.css`, here));
      return { ...scheme, strings, folder: true, styles };
    }),
);

/** Every folder, in page order. */
export const ALL = [...FOLDERS].sort((a, b) => a.order - b.order);
/** The figures whose View declares their settings (a SchemeView's static `settings`: the README's
 *  table, tests/web/settings.test.mjs), each { name (its view), markup, View, strings }, in page order. */
export const SCHEMES = ALL.flatMap((folder) =>
  Object.entries(folder.figures)
    .filter(([, figure]) => figure.View.settings)
    .map(([name, figure]) => ({ name, ...figure, strings: folder.strings })),
);
