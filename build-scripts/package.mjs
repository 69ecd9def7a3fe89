// Assembles the npm package in build/package/ from dist/ and the node flavour of the engine:
//   import createPE from 'pe-explorer'     the engine (ES module in browsers; CommonJS build in node)
//   <script src=".../pe-explorer/pe-explorer.js">   the element, which loads its chunks from beside itself
// package.json is generated here (name, version, description and licence from the root package.json), and
// so is custom-elements.json, from the element's parameter lists (web/app/choices.js, the sinusoidal scheme's settings.js, each scheme
// view's settings through build-scripts/settings.mjs), never by hand.
// `npm pack ./build/package` (the README's command; a bare build/package is read as a GitHub repository)
// makes the tarball (tests/web/package.test.mjs runs it and installs the tarball offline).
import fs from 'node:fs';
import path from 'node:path';
import { CHOICES } from '../web/app/choices.js';
import { ATTRIBUTE_PARAMETERS } from '../web/app/schemes/sinusoidal/settings.js';
import { DEFAULTS } from '../web/app/state.js';
import { nodeEngine, schemeSettings } from './settings.mjs';

const out = 'build/package';
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(path.join(out, 'node'), { recursive: true });
const root = JSON.parse(fs.readFileSync('package.json', 'utf8'));

const element = fs.readdirSync('dist').filter((f) => /^pe-explorer.*\.m?js$/.test(f)); // both flavours
const files = [
  'pe.mjs',
  'pe.wasm',
  'pe.js',
  'pe.d.ts',
  'styles.css',
  'embed.html',
  'embed.js',
  'favicon.svg',
  ...element,
];
for (const file of files) fs.copyFileSync(path.join('dist', file), path.join(out, file));
for (const file of ['pe.cjs', 'pe.wasm'])
  fs.copyFileSync(path.join('build/wasm/node', file), path.join(out, 'node', file));
// Node 18+ has fetch, and emscripten 3.1.6's node loader then tries to fetch() its wasm by file path,
// which fails: the entry hands it the bytes instead (toolchain.md).
fs.writeFileSync(
  path.join(out, 'node', 'index.cjs'),
  `// The engine under node: pe.cjs with its wasm read from beside it.
const fs = require('node:fs');
const path = require('node:path');
const createPE = require('./pe.cjs');
module.exports = (options = {}) =>
  createPE(Object.assign({ wasmBinary: fs.readFileSync(path.join(__dirname, 'pe.wasm')) }, options));
`,
);
for (const file of ['CHANGELOG.md', 'LICENSE']) fs.copyFileSync(file, path.join(out, file));

// The Custom Elements Manifest (schema 2.1.0): attributes with their types and defaults: the figure's
// choices, the sinusoidal figures' parameters (schemes/sinusoidal/settings.js), and each scheme view's settings (their
// declarations, markup and the engine's table: settings.mjs), an attribute some views share once.
const camel = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());
const attributes = [
  ...Object.entries(CHOICES).map(([name, values]) => ({
    name,
    type: { text: values.map((v) => `'${v}'`).join(' | ') },
    default: `'${values[0]}'`,
    fieldName: name === 'lang' ? 'language' : name,
  })),
  ...ATTRIBUTE_PARAMETERS.map((p) => ({
    name: p.attribute,
    type: { text: p.number ? 'number' : 'string' },
    default: JSON.stringify(DEFAULTS[p.key]),
    fieldName: camel(p.attribute),
    description: `The sinusoidal views: ${p.option || p.attribute}.`,
  })),
];
for (const row of schemeSettings(await nodeEngine())) {
  const what = `view="${row.view}": ${row.label}, ${Array.isArray(row.values) ? row.values.join(' | ') : row.values}${row.default ? `; default ${row.default}` : ''}.`;
  const known = attributes.find((a) => a.name === row.name);
  if (known) {
    known.description = `${known.description} ${what}`;
    if (known.type.text !== row.type) known.type.text = `${known.type.text} | ${row.type}`;
  } else {
    const type =
      Array.isArray(row.values) && row.type === 'string'
        ? row.values.map((v) => `'${v}'`).join(' | ')
        : row.type;
    attributes.push({ name: row.name, type: { text: type }, fieldName: row.property, description: what });
  }
}
const manifest = {
  schemaVersion: '2.1.0',
  readme: 'README.md',
  modules: [
    {
      kind: 'javascript-module',
      path: 'pe-explorer.js',
      declarations: [
        {
          kind: 'class',
          name: 'PeExplorer',
          tagName: 'pe-explorer',
          customElement: true,
          description:
            'A figure of the position-encoding explorer. Loads its engine and view chunks from beside its script when it comes near the viewport.',
          superclass: { name: 'HTMLElement' },
          attributes,
          members: [
            ...attributes.map((a) => ({ kind: 'field', name: a.fieldName, type: a.type, attribute: a.name })),
            {
              kind: 'method',
              name: 'engine',
              static: true,
              description: 'The shared engine (the API of pe.mjs).',
            },
          ],
        },
      ],
      exports: [
        { kind: 'custom-element-definition', name: 'pe-explorer', declaration: { name: 'PeExplorer' } },
      ],
    },
  ],
};
fs.writeFileSync(path.join(out, 'custom-elements.json'), JSON.stringify(manifest, null, 2) + '\n');

const pkg = {
  name: root.name,
  version: root.version,
  description: root.description,
  license: root.license,
  type: 'module',
  main: './node/index.cjs',
  module: './pe.mjs',
  types: './pe.d.ts',
  exports: {
    '.': { types: './pe.d.ts', node: './node/index.cjs', default: './pe.mjs' },
    './element': './pe-explorer.js',
    './element.mjs': './pe-explorer.mjs',
    './pe-explorer.js': './pe-explorer.js',
    './pe-explorer.mjs': './pe-explorer.mjs',
    './pe.wasm': './pe.wasm',
    './custom-elements.json': './custom-elements.json',
    './package.json': './package.json',
  },
  files: [...files, 'node/', 'custom-elements.json', 'CHANGELOG.md', 'LICENSE', 'README.md'],
  customElements: 'custom-elements.json',
  unpkg: 'pe-explorer.js',
  jsdelivr: 'pe-explorer.js',
  sideEffects: ['./pe-explorer*.js', './pe-explorer*.mjs'],
  keywords: ['transformer', 'position-encoding', 'rope', 'alibi', 'web-component', 'webassembly'],
};
fs.writeFileSync(path.join(out, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
fs.writeFileSync(
  path.join(out, 'README.md'),
  `# ${root.name}\n\n${root.description}\n\n` +
    '```html\n<script src="https://cdn.jsdelivr.net/npm/pe-explorer/pe-explorer.js" defer></script>\n' +
    '<!-- or, as an ES module: <script type="module" src="https://cdn.jsdelivr.net/npm/pe-explorer/pe-explorer.mjs"></script> -->\n' +
    '<pe-explorer view="clock" d-model="16"></pe-explorer>\n```\n\n' +
    "```js\nimport createPE from 'pe-explorer';\nconst pe = await createPE();\npe.sinusoidal({ dModel: 64, positions: 100 });\n```\n\n" +
    'Attributes: custom-elements.json. API: pe.d.ts. Changes: CHANGELOG.md. Licence: MIT (LICENSE).\n',
);
console.log(`package: ${out} (${pkg.name} ${pkg.version}, ${pkg.files.length} entries)`);
