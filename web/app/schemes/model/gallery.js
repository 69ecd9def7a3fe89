// The atlas's gallery: the published configs in tests/reference/models/configs/ (their one copy, which
// the reference generator and the tests read too; sources.json beside them says where each text came
// from). Under node this module reads that folder. For the element and the page
// build-scripts/bundle.mjs writes GALLERY into it (each model's Hub id and source, not the configs)
// and makes each config a chunk of its own (pe-explorer-model-<slug>.js), loaded when it is selected:
// a figure carries the one config it shows.
import fs from 'node:fs';
import { loadChunk } from '../../chunks.js';

const folder = new URL('../../../../tests/reference/models/', import.meta.url);

/** [{ slug, model (the Hugging Face Hub id), source: { repository, path, commit } }], by Hub id. */
export const GALLERY = Object.entries(JSON.parse(fs.readFileSync(new URL('sources.json', folder), 'utf8')))
  .map(([slug, { model, source }]) => ({ slug, model, source }))
  .sort((a, b) => a.model.toLowerCase().localeCompare(b.model.toLowerCase()));

/** The config.json text of a gallery model, as published. */
export const loadConfig = (slug) =>
  typeof document === 'undefined'
    ? Promise.resolve(fs.readFileSync(new URL(`configs/${slug}.json`, folder), 'utf8'))
    : loadChunk(`pe-explorer-model-${slug}.js`, configGlobal(slug));

/** The global a config's classic chunk sets. */
export const configGlobal = (slug) => `__peExplorerModel_${slug.replace(/\W/g, '_')}`;
