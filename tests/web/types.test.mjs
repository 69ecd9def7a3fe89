// @ts-check
// web/pe.d.ts against the engine's parameter tables (pe.schemes, from the core's SchemeInfo): every
// scheme has an options interface in pe.d.ts, marked `@scheme <name>`, and that interface agrees with
// the table on every parameter: present, optional exactly when the table has a default, of the
// table's type (a number, a boolean, or a union of exactly the table's choices), and any default or
// range its doc comment states is the table's. A parameter added to the core, a choice renamed, a
// default changed, or a doc left behind fails here. (The table is the source of truth; the doc
// comments keep their prose.) Runs under node with the TypeScript compiler's API; no browser.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { apiFunctions, loadEngine } from '../reliability/adversarial.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DTS = path.join(root, 'web/pe.d.ts');

/** The interfaces of pe.d.ts marked `@scheme name`: name → { node, checker }. */
function schemeInterfaces() {
  const program = ts.createProgram([DTS], { strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(DTS);
  const found = new Map();
  for (const node of source.statements) {
    if (!ts.isInterfaceDeclaration(node)) continue;
    for (const tag of ts.getJSDocTags(node)) {
      if (tag.tagName.text !== 'scheme') continue;
      const name = ts.getTextOfJSDocComment(tag.comment)?.trim();
      assert.ok(name, `${node.name.text}: @scheme without a scheme name`);
      assert.ok(!found.has(name), `two interfaces are marked @scheme ${name}`);
      found.set(name, { node, checker });
    }
  }
  return found;
}

/** What the declared type of a property is: 'number', 'boolean', { choices } or its text. */
function kindOf(checker, type) {
  type = checker.getNonNullableType(type);
  if (type.flags & ts.TypeFlags.Number) return 'number';
  if (type.flags & ts.TypeFlags.Boolean) return 'boolean';
  const parts = type.isUnion() ? type.types : [type];
  if (parts.every((t) => t.isStringLiteral())) return { choices: parts.map((t) => t.value).sort() };
  return checker.typeToString(type);
}

/** The numbers a doc comment writes: "10,000", "10^9", "2^24", "1e12", "16,777,216". */
function numberIn(text) {
  const power = text.match(/^(\d+)\^(\d+)$/);
  if (power) return Number(power[1]) ** Number(power[2]);
  return Number(text.replace(/,/g, ''));
}

/** The default a doc comment states ("Default 10000.", "Default 'half'.", "Default true."), if any. */
function statedDefault(doc) {
  const m = doc.match(/\bDefault (?:is )?('[^']*'|true|false|-?[\d.,^e]+\d|-?\d)(?=[.;,)\s]|$)/);
  if (!m) return undefined;
  const word = m[1];
  if (word.startsWith("'")) return word.slice(1, -1);
  if (word === 'true' || word === 'false') return word === 'true';
  return numberIn(word);
}

/** The range a doc comment states ("an integer from 1 to 8192", "2 to 4096"), if any. */
function statedRange(doc) {
  const m = doc.match(/(?:^|[\s,(])(-?[\d.,^e]*\d) to (-?[\d.,^e]*\d)(?=[\s.;,)]|$)/);
  return m ? { min: numberIn(m[1]), max: numberIn(m[2]) } : undefined;
}

test('every scheme of pe.schemes has its options interface in pe.d.ts, in step with the table', async () => {
  const pe = await loadEngine();
  const interfaces = schemeInterfaces();
  const schemes = Object.keys(pe.schemes);
  assert.ok(schemes.length >= 5, `the engine lists ${schemes.length} schemes`);
  assert.deepEqual(
    [...interfaces.keys()].sort(),
    [...schemes].sort(),
    'the @scheme interfaces of pe.d.ts and the schemes of pe.schemes differ',
  );
  let checked = 0;
  for (const name of schemes) {
    const { node, checker } = interfaces.get(name);
    const where = `pe.d.ts ${node.name.text} (@scheme ${name})`;
    const type = checker.getTypeAtLocation(node.name);
    const properties = new Map(checker.getPropertiesOfType(type).map((p) => [p.name, p]));
    for (const parameter of pe.schemes[name].parameters) {
      const property = properties.get(parameter.name);
      assert.ok(property, `${where} has no property ${parameter.name} (the table's ${parameter.core})`);
      const at = `${where}.${parameter.name}`;
      const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
      assert.equal(optional, !parameter.required, `${at}: optional must be ${!parameter.required}`);
      const declared = kindOf(checker, checker.getTypeOfSymbolAtLocation(property, node));
      if (parameter.type === 'integer' || parameter.type === 'number') {
        assert.equal(declared, 'number', `${at}: the table says ${parameter.type}`);
      } else if (parameter.type === 'boolean') {
        assert.equal(declared, 'boolean', `${at}: the table says boolean`);
      } else if (parameter.type === 'list') {
        assert.equal(declared, 'number[]', `${at}: the table says a list of numbers`);
      } else if (parameter.type === 'text') {
        assert.equal(declared, 'string', `${at}: the table says text`);
      } else {
        assert.deepEqual(declared, { choices: [...parameter.choices].sort() }, `${at}: the choices`);
      }
      const doc = ts.displayPartsToString(property.getDocumentationComment(checker));
      const stated = statedDefault(doc);
      if (stated !== undefined) {
        assert.ok(!parameter.required, `${at}: states a default, but the table has none`);
        assert.equal(stated, parameter.default, `${at}: "${doc}" against the table's default`);
      }
      const range = statedRange(doc);
      if (range && parameter.min !== undefined) {
        assert.deepEqual(range, { min: parameter.min, max: parameter.max }, `${at}: "${doc}"`);
      }
      properties.delete(parameter.name);
      checked++;
    }
    assert.deepEqual(
      [...properties.keys()],
      [],
      `${where} has properties the table does not list (add them to the core's table, or move them out)`,
    );
  }
  assert.ok(checked >= 25, `only ${checked} parameters checked`);
});

test("every public function of the engine (every scheme folder's api.post.js) is a method of pe.d.ts's PE", async () => {
  // The functions as the engine marks them (peApi, with their arity): one added to a folder without its
  // declaration, a declaration left behind, or a parameter added on one side only fails here.
  const api = apiFunctions(await loadEngine());
  const program = ts.createProgram([DTS], { strict: true, noEmit: true });
  const source = program.getSourceFile(DTS);
  const pe = source.statements.filter(ts.isInterfaceDeclaration).find((n) => n.name.text === 'PE');
  assert.ok(pe, 'pe.d.ts declares interface PE');
  const methods = Object.fromEntries(
    pe.members.filter(ts.isMethodSignature).map((m) => [m.name.getText(source), m.parameters.length]),
  );
  assert.ok(Object.keys(api).length >= 40, `the engine marks ${Object.keys(api).length} functions`);
  assert.deepEqual(
    methods,
    api,
    "PE's methods (name: parameters) against the engine's functions (name: arity)",
  );
});

test('the checks above catch drift (a doctored table fails them)', async () => {
  // The same comparisons, run against a copy of the table with one fact changed each: each must be
  // noticed, so the test above cannot pass vacuously.
  const pe = await loadEngine();
  const interfaces = schemeInterfaces();
  const { node, checker } = interfaces.get('rope');
  const type = checker.getTypeAtLocation(node.name);
  const theta = checker.getPropertiesOfType(type).find((p) => p.name === 'theta');
  const doc = ts.displayPartsToString(theta.getDocumentationComment(checker));
  const table = pe.schemes.rope.parameters.find((p) => p.name === 'theta');
  assert.equal(statedDefault(doc), table.default);
  assert.notEqual(statedDefault(doc), /** @type {number} */ (table.default) * 10);
  const pairing = checker.getPropertiesOfType(type).find((p) => p.name === 'pairing');
  const choices = kindOf(checker, checker.getTypeOfSymbolAtLocation(pairing, node)).choices;
  assert.deepEqual(choices, ['half', 'interleaved']);
  assert.notDeepEqual(choices, [...choices, 'neox'].sort());
  assert.deepEqual(statedRange('Width of one attention head, even, 2 to 4096.'), { min: 2, max: 4096 });
  assert.equal(statedDefault("Default 'interleaved'."), 'interleaved');
  assert.equal(statedDefault('Default 10,000; finite.'), 10000);
  assert.equal(statedDefault('Default true.'), true);
  assert.equal(statedDefault('Default headDim.'), undefined);
});
