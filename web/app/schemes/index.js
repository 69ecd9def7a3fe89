// The schemes beyond the sinusoidal one, for node (build-scripts/bundle.mjs, settings.mjs, the tests):
// every folder here is a scheme (README, "Adding a scheme"): <name>/index.js its view ({ name, order,
// markup, View, engine? }), <name>/en.js and zh.js its text, one language each, <name>/styles.css its
// styles. They are found by reading this folder, so no list names them; `order` places a scheme's
// section on the explorer page.
// In a browser nothing imports this module: the element and the page know the schemes' names from
// names.js, which the bundler writes, and load each view as a chunk of its own.
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

/** Every scheme, in page order. */
export const SCHEMES = [...FOLDERS].sort((a, b) => a.order - b.order);
