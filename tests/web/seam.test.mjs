// @ts-check
// The scheme seam (README, "Adding a scheme"): T5, the scheme added on it, lives in its two folders.
// Outside cpp/schemes/t5/ and web/app/schemes/t5/ its name may appear only in the files README says a
// new scheme touches (web/pe.d.ts, README.md, CHANGELOG.md), in the page's lede (which lists the
// sections) and in comments. Any other line that names it is a list someone wrote by hand.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const FOLDERS = ['cpp/schemes/t5/', 'web/app/schemes/t5/'];
const ALLOWED = ['README.md', 'CHANGELOG.md', 'web/pe.d.ts', 'tests/web/seam.test.mjs'];
const SKIP_DIRS = new Set(['.git', 'node_modules', 'build', 'dist', 'results', 'fixtures', 'reference']);
const TEXT =
  /\.(m?js|cjs|ts|cpp|hpp|h|inc|py|sh|txt|json|css|html|md|toml|yml|yaml|cmake)$|^(CMakeLists\.txt|run)$/;

/** Every text file of the repository (relative paths), generated and third-party folders left out. */
function files(dir = '', out = []) {
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) files(rel, out);
    } else if (TEXT.test(entry.name)) out.push(rel);
  }
  return out;
}

/** The line without its comment: `//` and block-comment lines in C++/JS/CSS, `#` in CMake, Python, shell. */
function code(file, line) {
  const trimmed = line.trim();
  if (/\.(m?js|cjs|ts|cpp|hpp|h|inc|css)$/.test(file)) {
    if (/^(\/\/|\/\*|\*)/.test(trimmed)) return '';
    return line.replace(/\s\/\/.*$/, '');
  }
  if (/(\.py|\.sh|\.cmake|CMakeLists\.txt|\/run)$/.test(file)) return line.replace(/(^|\s)#.*$/, '');
  return line;
}

test("T5 is named outside its two folders only where README's 'Adding a scheme' says", () => {
  // The comment rule strips comments, not code.
  assert.match(code('x.js', "import t5 from './t5/index.js'; // T5"), /\bt5\b/);
  assert.doesNotMatch(code('x.js', '  // T5 is one folder'), /\bt5\b/i);
  assert.match(code('CMakeLists.txt', 'set(PARTS rope t5) # T5'), /\bt5\b/);
  const all = files();
  assert.ok(
    all.includes('cpp/src/schemes.cpp') && all.includes('web/app/element.js'),
    'the walk found the sources',
  );
  assert.ok(
    all.some((f) => f.startsWith('cpp/schemes/t5/')),
    'the walk sees the folder itself',
  );
  const found = [];
  for (const file of all) {
    if (FOLDERS.some((f) => file.startsWith(f)) || ALLOWED.includes(file)) continue;
    const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!/\bt5\b/i.test(code(file, line))) return;
      // The page's lede names every section (web/app/i18n/<lang>.js, key `masthead.engine`).
      if (/^web\/app\/i18n\/[a-z]+\.js$/.test(file) && /^\s*'masthead\.engine':/.test(lines[i - 1] ?? ''))
        return;
      found.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`);
    });
  }
  assert.deepEqual(found, [], `T5 named outside its folders:\n${found.join('\n')}`);
});
