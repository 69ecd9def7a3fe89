// @ts-check
// T5's part of the JS API (api.post.js), in the node build of the page engine: the buckets through
// JavaScript equal the reference's (t5_reference.inc: huggingface/transformers
// src/transformers/models/t5/modeling_t5.py @ 6b8b757dfcb582379a64f013cdce46c43629f2b0,
// T5Attention._relative_position_bucket run under torch by cpp/schemes/t5/reference.py), and bad
// input gives a PEError naming the caller's parameter.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

import { loadEngine, thrown } from '../../../tests/reliability/adversarial.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const pe = await loadEngine();

// The reference file's arrays: far positions, the cases and their runs, the compute_bias matrices.
const reference = fs.readFileSync(path.join(here, 't5_reference.inc'), 'utf8');
const numbers = (text) =>
  text
    .split(',')
    .filter((v) => v.trim() !== '')
    .map(Number);
const arrayOf = (name) => numbers(reference.match(new RegExp(`${name}\\[\\] = \\{([^}]*)\\}`))[1]);
const expand = (runs) => {
  const out = [];
  for (let k = 0; k + 1 < runs.length; k += 2) for (let n = 0; n < runs[k + 1]; n++) out.push(runs[k]);
  return out;
};
const far = arrayOf('kFarPositions');
const cases = [...reference.matchAll(/\{(true|false), (\d+), (\d+), (\d+), kRuns(\d+)\}/g)].map((m) => ({
  bidirectional: m[1] === 'true',
  numBuckets: Number(m[2]),
  maxDistance: Number(m[3]),
  window: Number(m[4]),
  runs: arrayOf(`kRuns${m[5]}`),
}));

test('t5Buckets gives the reference buckets of every relative position, through JavaScript', () => {
  // Every setting whose window is the smallest (-5000 .. 5000, then the far ones): 380-odd settings.
  const small = cases.filter((c) => c.window === 5000);
  assert.ok(small.length > 350, `${small.length} settings`);
  const positions = new Float64Array(10001 + far.length);
  for (let d = -5000; d <= 5000; d++) positions[d + 5000] = d;
  positions.set(far, 10001); // all of them lie beyond 5000
  for (const c of small) {
    const options = { bidirectional: c.bidirectional, numBuckets: c.numBuckets, maxDistance: c.maxDistance };
    const got = pe.t5Buckets(options, positions);
    assert.ok(got instanceof Int32Array);
    assert.deepEqual(Array.from(got), expand(c.runs), JSON.stringify(options));
  }
});

test("t5BucketMatrix is compute_bias's matrix: [q][k] is the bucket of k - q", () => {
  /** @type {Array<[boolean, string]>} */
  const matrices = [
    [true, 'kMatrixBidirectional'],
    [false, 'kMatrixCausal'],
  ];
  for (const [bidirectional, name] of matrices) {
    const got = pe.t5BucketMatrix({ bidirectional, queries: 40, keys: 300 });
    assert.ok(got instanceof Int32Array);
    assert.deepEqual(Array.from(got), expand(arrayOf(name)));
  }
});

test("the defaults are T5's (32 buckets, 128), and the arrays may be plain or typed", () => {
  const want = [15, 10, 1, 0, 17, 26, 31];
  assert.deepEqual(Array.from(pe.t5Buckets(undefined, [-200, -16, -1, 0, 1, 16, 200])), want);
  assert.deepEqual(Array.from(pe.t5Buckets({}, Int32Array.of(-200, -16, -1, 0, 1, 16, 200))), want);
  assert.deepEqual(Array.from(pe.t5Buckets({ bidirectional: false }, new Int16Array([-16, 5]))), [16, 0]);
  assert.equal(pe.t5Buckets({}, []).length, 0);
  const table = Object.fromEntries(pe.schemes.t5.parameters.map((p) => [p.name, p]));
  assert.equal(table.numBuckets.default, 32);
  assert.equal(table.maxDistance.default, 128);
  assert.equal(table.bidirectional.default, true);
  assert.equal(pe.limits.maxT5RelativePositions, 2 ** 22);
  assert.equal(pe.limits.maxT5MatrixEntries, 2 ** 24);
  // Every public function carries peApi (its arity, which the fuzzer reads); not part of pe.d.ts.
  assert.equal(/** @type {any} */ (pe.t5Buckets).peApi, 2);
  assert.equal(/** @type {any} */ (pe.t5BucketMatrix).peApi, 1);
});

test("bad input is a PEError naming the caller's parameter", () => {
  const cases = [
    [() => pe.t5Buckets({ numBuckets: 3 }, [1]), 'numBuckets', 'integer_range'],
    [() => pe.t5Buckets({ numBuckets: 32, maxDistance: 8 }, [1]), 'maxDistance', 'greater_than_other'],
    // @ts-expect-error: bad input on purpose
    [() => pe.t5Buckets({ bidirectional: 'yes' }, [1]), 'bidirectional', 'not_boolean'],
    // @ts-expect-error: bad input on purpose
    [() => pe.t5Buckets({ queries: 4 }, [1]), 'queries', 'unknown_key'],
    [() => pe.t5Buckets(null, [1]), 'options', 'not_object'],
    [() => pe.t5Buckets({}, [0, 1.5]), 'relativePositions', 'integer_range'],
    [() => pe.t5Buckets({}, new Float64Array([0, 1e9 + 1])), 'relativePositions', 'integer_range'],
    [() => pe.t5Buckets({}, [0, NaN]), 'relativePositions', 'integer_range'],
    // @ts-expect-error: bad input on purpose
    [() => pe.t5Buckets({}, [0, '1']), 'relativePositions', 'not_in_array'],
    // @ts-expect-error: bad input on purpose
    [() => pe.t5Buckets({}, new BigInt64Array(2)), 'relativePositions', 'not_array'],
    // @ts-expect-error: bad input on purpose
    [() => pe.t5Buckets({}, 5), 'relativePositions', 'not_array'],
    // @ts-expect-error: bad input on purpose
    [() => pe.t5BucketMatrix({ keys: 4 }), 'queries', 'required'],
    [() => pe.t5BucketMatrix({ queries: 0, keys: 4 }), 'queries', 'integer_range'],
    [() => pe.t5BucketMatrix({ queries: 4, keys: 2.5 }), 'keys', 'integer_range'],
    [() => pe.t5BucketMatrix({ queries: 4096, keys: 4097 }), 'keys', 'product_cap'],
    [() => pe.t5BucketMatrix({ queries: 4, keys: 4, numBuckets: 4097 }), 'numBuckets', 'integer_range'],
  ];
  for (const [call, parameter, kind] of cases) {
    const e = thrown(call);
    assert.ok(e instanceof pe.PEError, String(e));
    assert.equal(e.parameter, parameter, e.message);
    assert.equal(e.kind, kind, e.message);
    assert.ok(e.message.includes(parameter), e.message); // the caller's spelling, not the core's
  }
  assert.equal(thrown(() => pe.t5Buckets({}, [0, 1, 2.5])).args.index, 2);
});

test('too many relative positions are refused before they are copied', () => {
  const most = pe.limits.maxT5RelativePositions;
  const start = performance.now();
  const e = thrown(() => pe.t5Buckets({}, new Int8Array(most + 1)));
  assert.equal(e.code, 'size_limit');
  assert.equal(e.kind, 'count_cap');
  assert.equal(e.parameter, 'relativePositions');
  assert.ok(performance.now() - start < 500);
  assert.equal(pe.t5Buckets({}, new Int8Array(most)).length, most);
});
