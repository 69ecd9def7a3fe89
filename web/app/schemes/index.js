// The schemes, for node (build-scripts/bundle.mjs, settings.mjs, the tests): every folder here is a
// scheme (README, "Adding a scheme"): <name>/index.js declares it, <name>/en.js and zh.js its text, one
// language each, <name>/styles.css its styles. They are found by reading this folder, so no list names
// them; `order` places a scheme's figures on the explorer page. A folder's index.js default-exports
//   { name, order, engine?, markup, View }       one figure, `view="<name>"`: a SchemeView (common.js)
//                                                 whose static `settings` are its attributes and URL keys;
//   { name, order, engine?, figures, settings, mount }   several figures that share one store:
//                                                 figures { <view>: { markup, View } }, in page order;
//                                                 mount(box, pe, { views, controls, initial, t, onError })
//                                                 builds those named (with the settings panel if
//                                                 controls), returns { store, ready, views, redraw,
//                                                 destroy }; `settings` their shared table ({ key (URL),
//                                                 attribute, option (engine), number }).
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
/** The one-figure schemes (a SchemeView each), in page order. */
export const SCHEMES = ALL.filter((s) => s.View);
