// Axial RoPE's part of the JS API (api.post.js), in the node build of the page engine: FLUX's angles
// (black-forest-labs/flux src/flux/math.py `rope`, src/flux/modules/layers.py `EmbedND` @ 1f71c43,
// float64) and the vision tower's (huggingface/transformers models/qwen2_vl/modeling_qwen2_vl.py
// `rot_pos_emb` @ a7f29523361b2cc12e51c1f5133d95f122f6f45c, float32), run under torch by
// cpp/schemes/mrope/reference.py into axial_reference.json; bad input gives a PEError naming the parameter.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

import { loadEngine, thrown } from '../../../tests/reliability/adversarial.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const pe = await loadEngine();
const reference = JSON.parse(fs.readFileSync(path.join(here, 'axial_reference.json'), 'utf8'));

function worst(got, want, floor) {
  assert.equal(got.length, want.length);
  let out = 0;
  for (let i = 0; i < got.length; i++)
    out = Math.max(out, Math.abs(got[i] - want[i]) / Math.max(Math.abs(want[i]), floor));
  return out;
}

test("axialRopeAngles gives EmbedND's angles (float64 rope) for every id set", () => {
  const cases = reference.flux.filter((c) => c.dtype === 'torch.float64');
  assert.ok(cases.length >= 4);
  for (const c of cases) {
    const got = pe.axialRopeAngles({ axesDim: c.axesDim, theta: c.theta }, c.ids.flat());
    assert.ok(got instanceof Float64Array);
    assert.ok(worst(got, c.angles, 1e-300) < 1e-13, JSON.stringify(c.axesDim));
  }
  // Defaults: FLUX.1's [16, 56, 56] and theta 10000; a typed array of ids works too.
  const first = cases[0];
  assert.deepEqual(
    Array.from(pe.axialRopeAngles(undefined, Float32Array.from(first.ids.flat()))),
    Array.from(pe.axialRopeAngles({}, first.ids.flat())),
  );
});

test("visionRopeAngles is rot_pos_emb's table: patches x headDim/2 in merge-block order", () => {
  for (const v of reference.vision) {
    const got = pe.visionRopeAngles({
      headDim: v.headDim,
      theta: v.theta,
      grid: v.grid,
      spatialMergeSize: v.spatialMergeSize,
    });
    assert.equal(got.length, v.shape[0] * v.shape[1]);
    assert.ok(worst(got, v.angles, 1) < 1e-6, `${v.model} ${v.grid}`);
  }
});

test("bad input is a PEError naming the caller's parameter", () => {
  const cases = [
    [() => pe.axialRopeAngles({ axesDim: [16, 55, 57] }, [0, 0, 0]), 'axesDim', 'not_in_array'],
    [() => pe.axialRopeAngles({ axesDim: [] }, [0]), 'axesDim', 'list_length'],
    [() => pe.axialRopeAngles({ theta: -1 }, [0, 0, 0]), 'theta', 'greater_than'],
    [() => pe.axialRopeAngles({}, [0, 0, 0, 0]), 'ids', 'multiple_of'],
    [() => pe.axialRopeAngles({}, [0, NaN, 0]), 'ids', 'not_in_array'],
    [() => pe.axialRopeAngles({}, [0, '1', 0]), 'ids', 'not_in_array'],
    [() => pe.axialRopeAngles({}, new BigInt64Array(3)), 'ids', 'not_array'],
    [() => pe.axialRopeAngles({ gridHeight: 3 }, [0, 0, 0]), 'gridHeight', 'unknown_key'],
    [() => pe.visionRopeAngles({ headDim: 78, grid: [1, 4, 4] }), 'headDim', 'multiple_of'],
    [() => pe.visionRopeAngles({ headDim: 80, grid: [1, 5, 4] }), 'grid', 'multiple_of'],
    [() => pe.visionRopeAngles({ headDim: 80, grid: [1, 4] }), 'grid', 'length_mismatch'],
    [() => pe.visionRopeAngles({ headDim: 80 }), 'grid', 'required'],
    [() => pe.visionRopeAngles({ grid: [1, 4, 4] }), 'headDim', 'required'],
    [() => pe.visionRopeAngles({ headDim: 80, grid: [1, 8192, 8192] }), 'grid', 'work_cap'],
  ];
  for (const [call, parameter, kind] of cases) {
    const e = thrown(call);
    assert.ok(e instanceof pe.PEError, String(e));
    assert.equal(e.parameter, parameter, e.message);
    assert.equal(e.kind, kind, e.message);
  }
});
