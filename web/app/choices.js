// The figure's own choices (<pe-explorer>'s attributes and embed.html's URL keys that are not a
// scheme's setting): view is every figure of every scheme folder (schemes/names.js), or all.
import { FIGURES } from './schemes/names.js';

/** The figure's own choices (not page state): attribute and URL key are the same name; the first
 *  value is the default. */
export const CHOICES = {
  view: ['all', ...FIGURES],
  lang: ['en', 'zh'], // i18n/index.js's LANGUAGES (a test checks they are the same)
  theme: ['auto', 'light', 'dark'],
  controls: ['on', 'off'],
  text: ['on', 'off'], // off: the figure without its explanatory paragraphs (styles.css)
};
export const CHOICE_KEYS = Object.keys(CHOICES);
