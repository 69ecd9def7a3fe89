// @ts-check
// pe.identifyTable in the node build of the page engine: the tables made by other people's code
// (tests/reference/tables/, written by tests/reference/tables.py running tensor2tensor @ bafdc1b6,
// fairseq @ 3d262bb2, transformers @ c9de1097 (GPT-J, Llama) and meta-llama/llama @ 689c7f26 as
// written; tables.json names each file, function and commit) are named through JavaScript as the
// CLI names them, a ropeFromConfig layer type is a reference, and bad input gives a PEError naming
// the caller's parameter or the file's field.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

import { loadEngine, npyBytes, thrown } from '../../../tests/reliability/adversarial.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const tables = path.join(here, '..', '..', '..', 'tests', 'reference', 'tables');
const manifest = JSON.parse(fs.readFileSync(path.join(tables, 'tables.json'), 'utf8'));
const pe = await loadEngine();
const read = (name) => new Uint8Array(fs.readFileSync(path.join(tables, name)));

const llama = {
  model_type: 'llama',
  hidden_size: 4096,
  num_attention_heads: 32,
  num_hidden_layers: 2,
  max_position_embeddings: 131072,
  rope_theta: 500000,
  rope_scaling: {
    rope_type: 'llama3',
    factor: 8,
    low_freq_factor: 1,
    high_freq_factor: 4,
    original_max_position_embeddings: 8192,
  },
};

test('every reference table is named as its code computes it, through JavaScript', () => {
  assert.ok(manifest.tables.length >= 15);
  for (const { file, expect } of manifest.tables) {
    const options = {};
    if (expect.tensor) options.tensor = expect.tensor;
    if (expect.bfloat16) options.bfloat16 = true;
    const r = pe.identifyTable(read(file), options);
    const where = `${file} ${expect.tensor || ''}`;
    assert.equal(r.kind, expect.kind, where);
    assert.ok(r.best, where);
    for (const key of ['layout', 'frequencies', 'base', 'start', 'odd', 'theta', 'pairing', 'rotaryDim']) {
      if (key in expect) assert.equal(r.best.options[key], expect[key], `${where}: ${key}`);
    }
    if (expect.scaling) {
      const scaling = /** @type {any} */ (r.best.options.scaling);
      assert.equal(scaling.rope_type, expect.scaling, where);
      assert.equal(scaling.factor, expect.factor, where);
    }
    if (expect.precision) {
      assert.equal(r.diagnosis.find((d) => d.kind === 'id_precision')?.args.format, expect.precision, where);
    }
  }
});

test('a ropeFromConfig layer type is a reference: matches, and a dropped scaling', () => {
  const bytes = read('llama31_hf_cos_768x128.npy');
  const scaled = pe.ropeFromConfig(JSON.stringify(llama)).layerTypes.full_attention;
  const same = pe.identifyTable(bytes, { against: scaled });
  assert.deepEqual(same.diagnosis, []);
  assert.equal(same.firstDifference, null);
  const plain = { ...llama, rope_scaling: undefined }; // JSON.stringify leaves it out
  const old = pe.ropeFromConfig(JSON.stringify(plain)).layerTypes.full_attention;
  const r = pe.identifyTable(bytes, { against: old });
  const kinds = r.diagnosis.map((d) => d.kind);
  assert.ok(kinds.includes('id_scaling_extra'), kinds.join());
  assert.ok(r.firstDifference && r.firstDifference.row > 0);
  // the findings carry their values and the English text
  const extra = r.diagnosis.find((d) => d.kind === 'id_scaling_extra');
  assert.equal(extra?.args.type, 'llama3');
  assert.match(extra?.message || '', /llama3 x8/);
});

test('sinusoidal options are a reference too, and the other exponent rule is a candidate', () => {
  const r = pe.identifyTable(read('fairseq_positions_from2.npy'), {
    against: { layout: 'split', frequencies: 'tensor2tensor' },
  });
  assert.deepEqual(
    r.diagnosis.map((d) => d.kind),
    ['id_same_table', 'id_offset'],
  );
  assert.ok(r.candidates.some((c) => c.options.frequencies === 'paper' && c.options.layout === 'split'));
});

test('a table the engine writes is read back (npyBytes, as numpy.save writes)', () => {
  const d = 64;
  const rows = 100;
  const table = pe.sinusoidal({ dModel: d, positions: rows, start: 3, layout: 'interleaved' });
  const r = pe.identifyTable(npyBytes(table, rows, d));
  assert.equal(r.kind, 'sinusoidal');
  assert.equal(r.best?.options.start, 3);
  assert.equal(r.best?.options.layout, 'interleaved');
  assert.equal(pe.limits.maxTableValues, 2 ** 26);
});

test('bad input: a PEError naming the parameter or the file header field', () => {
  const good = read('gptj_128x64.npy');
  const cases = [
    [() => pe.identifyTable(/** @type {any} */ ([1, 2, 3])), 'bytes', 'not_array'],
    [() => pe.identifyTable(new Uint8Array(0)), 'header_len', 'file_short'],
    [() => pe.identifyTable(good.subarray(0, 1000)), 'data', 'file_short'],
    [() => pe.identifyTable(new TextEncoder().encode('hello world')), 'bytes', 'file_kind'],
    [() => pe.identifyTable(read('llama_hf_theta5e5_256x64.safetensors')), 'tensor', 'tensor_choice'],
    [() => pe.identifyTable(read('llama_hf_cos_bfloat16_bits.npy')), 'descr', 'bfloat16_flag'],
    [() => pe.identifyTable(good, /** @type {any} */ ({ tensr: 'cos' })), 'tensr', 'unknown_key'],
    [() => pe.identifyTable(good, /** @type {any} */ ({ bfloat16: 1 })), 'bfloat16', 'not_boolean'],
    [() => pe.identifyTable(good, /** @type {any} */ ({ tensor: 5 })), 'tensor', 'not_string'],
    [() => pe.identifyTable(good, /** @type {any} */ ({ against: 5 })), 'against', 'not_object'],
    [() => pe.identifyTable(good, { against: {} }), 'against', 'against_kind'],
    [() => pe.identifyTable(good, /** @type {any} */ ({ against: { theta: NaN } })), 'theta', 'number_range'],
    [
      () => pe.identifyTable(good, /** @type {any} */ ({ against: { invFreq: ['x'] } })),
      'invFreq',
      'not_in_array',
    ],
  ];
  for (const [call, parameter, kind] of cases) {
    const e = thrown(call);
    assert.ok(e instanceof pe.PEError, String(e));
    assert.equal(e.parameter, parameter, e.message);
    assert.equal(e.kind, kind, e.message);
  }
});

test("preview: the figure's grid of the table and the reading or reference it is compared with", () => {
  // Llama 3.1's table against the config without its scaling: the reference departs, the grid holds
  // the first differing cell; the table's cells are the file's, the reference's the engine's.
  const bytes = read('llama31_hf_cos_768x128.npy');
  const plain = { ...llama, rope_scaling: undefined };
  const old = pe.ropeFromConfig(JSON.stringify(plain)).layerTypes.full_attention;
  const r = pe.identifyTable(bytes, { against: old });
  const { rows, cols, table, reference } = r.preview;
  assert.ok(rows.length >= 192 && rows.length <= 193, `${rows.length} rows`);
  assert.deepEqual(
    cols,
    Array.from({ length: 128 }, (_, j) => j),
  );
  assert.equal(rows[0], 0);
  assert.equal(rows.at(-1), 767);
  assert.ok(rows.includes(r.firstDifference.row));
  assert.equal(table.length, rows.length * cols.length);
  assert.equal(reference.length, table.length);
  const at = rows.indexOf(r.firstDifference.row) * cols.length + r.firstDifference.col;
  assert.ok(Math.abs(table[at] - r.firstDifference.got) < 1e-6);
  assert.ok(Math.abs(reference[at] - r.firstDifference.want) < 1e-6);
  // Without a reference: the best reading rebuilds the table to the table's own precision.
  const whole = pe.identifyTable(bytes);
  const self = whole.preview;
  const most = whole.best.maxError + 1e-7; // (float32 angle rounding of the torch table)
  assert.ok(self.reference.every((x, i) => Math.abs(x - self.table[i]) <= most));
  // Row 0 of a cos table is all ones, in the file and in the reading.
  assert.deepEqual(self.table.slice(0, 128), Array(128).fill(1));
  // A table no convention fits: its cells, no reference.
  const noise = Float32Array.from({ length: 64 * 16 }, (_, i) => Math.sin(i * i * 0.37));
  const none = pe.identifyTable(npyBytes(noise, 64, 16));
  assert.equal(none.best, null);
  assert.equal(none.preview.reference, null);
  assert.equal(none.preview.table.length, 64 * 16);
});

test("the view's samples (identifySample) are the tables ropeTables and sinusoidal write with their options", () => {
  for (const name of /** @type {const} */ (['rope', 'sinusoidal', 'fairseq'])) {
    const sample = pe.identifySample(name);
    const options = /** @type {any} */ (sample.options);
    const [rows, cols] = sample.shape;
    assert.equal(sample.values.length, rows * cols);
    const exported = name === 'rope' ? pe.ropeTables(options).cos : pe.sinusoidal(options);
    let worst = 0;
    for (let i = 0; i < exported.length; i++)
      worst = Math.max(worst, Math.abs(exported[i] - sample.values[i]));
    assert.equal(exported.length, sample.values.length, name);
    assert.ok(worst < 1e-5, `${name}: ${worst}`);
    const r = pe.identifyTable(npyBytes(sample.values, rows, cols));
    for (const [key, value] of Object.entries(sample.options))
      assert.equal(r.best?.options[key], value, `${name}: ${key}`);
  }
  const e = thrown(() => pe.identifySample(/** @type {any} */ ('nope')));
  assert.equal(e.name, 'PEError');
  assert.equal(e.kind, 'one_of');
  assert.equal(e.parameter, 'name');
});
