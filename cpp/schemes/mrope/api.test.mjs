// Multimodal RoPE's part of the JS API (api.post.js), in the node build of the page engine: the ids
// and axes through JavaScript equal the reference's (mrope_reference.json: get_rope_index,
// apply_multimodal_rotary_pos_emb and apply_interleaved_mrope of huggingface/transformers
// models/qwen2_vl, qwen2_5_vl, qwen3_vl modeling_*.py @ a7f29523361b2cc12e51c1f5133d95f122f6f45c, run
// under torch by cpp/schemes/mrope/reference.py), and bad input gives a PEError naming the caller's parameter.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

import { loadEngine, thrown } from '../../../tests/reliability/adversarial.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const pe = await loadEngine();
const reference = JSON.parse(fs.readFileSync(path.join(here, 'mrope_reference.json'), 'utf8'));

test("mropePositionIds gives get_rope_index's ids and delta for every reference prompt", () => {
  assert.ok(reference.positionIds.length > 40);
  for (const c of reference.positionIds) {
    const options = {
      model: c.model,
      spatialMergeSize: c.spatialMergeSize,
      tokensPerSecond: c.tokensPerSecond,
    };
    const got = pe.mropePositionIds(c.segments, options);
    const label = `${c.model} ${c.name} tps ${c.tokensPerSecond}`;
    assert.ok(got.positionIds instanceof Int32Array, label);
    assert.deepEqual(Array.from(got.positionIds), c.positionIds.flat(), label);
    assert.equal(got.ropeDelta, c.ropeDelta, label);
  }
});

test('the February 2026 rewrite differs for every video prompt (recorded, not followed)', () => {
  const videos = reference.positionIds.filter((c) => c.segments.some((s) => s.video));
  assert.ok(videos.length >= 20);
  for (const c of videos) {
    const got = pe.mropePositionIds(c.segments, { model: c.model, tokensPerSecond: c.tokensPerSecond });
    if (c.rewrite.error) continue; // the rewrite raised (StopIteration) on this prompt
    assert.notDeepEqual(Array.from(got.positionIds), c.rewrite.positionIds.flat(), `${c.model} ${c.name}`);
  }
});

test("revision '2026' gives the rewritten get_rope_index's ids (c9de1097) for every reference prompt", () => {
  let differ = 0;
  for (const c of reference.positionIds) {
    const options = { model: c.model, tokensPerSecond: c.tokensPerSecond, revision: '2026' };
    const got = pe.mropePositionIds(c.segments, { ...options, spatialMergeSize: c.spatialMergeSize });
    const label = `${c.model} ${c.name} tps ${c.tokensPerSecond}`;
    assert.deepEqual(Array.from(got.positionIds), c.latest.positionIds.flat(), label);
    assert.equal(got.ropeDelta, c.latest.ropeDelta, label);
    if (JSON.stringify(c.latest.positionIds) !== JSON.stringify(c.positionIds)) differ++;
  }
  assert.ok(differ >= 10, `${differ} prompts differ between the revisions`);
  assert.equal(thrown(() => pe.mropePositionIds([{ text: 1 }], { revision: '2024' })).parameter, 'revision');
});

test('mropeAxes is the axis each dimension reads in the apply functions', () => {
  for (const a of reference.axes) {
    const got = pe.mropeAxes({
      headDim: a.headDim,
      mropeSection: a.mropeSection,
      interleaved: a.interleaved,
    });
    assert.ok(got instanceof Uint8Array);
    assert.deepEqual(Array.from(got), a.axes, JSON.stringify(a.mropeSection));
  }
  // Qwen3-VL: pairs 0, 3, ... t; 1, 4, ... h; 2, 5, ... w; the last four (60..63) t again.
  const q3 = pe.mropeAxes({ headDim: 128, mropeSection: [24, 20, 20], interleaved: true });
  assert.deepEqual(Array.from(q3.subarray(0, 6)), [0, 1, 2, 0, 1, 2]);
  assert.deepEqual(Array.from(q3.subarray(60, 64)), [0, 0, 0, 0]);
});

test('defaults: qwen2-vl, merge 2, tokens_per_second 2; text only has delta 0', () => {
  const got = pe.mropePositionIds([{ text: 3 }]);
  assert.deepEqual(Array.from(got.positionIds), [0, 1, 2, 0, 1, 2, 0, 1, 2]);
  assert.equal(got.ropeDelta, 0);
  const table = Object.fromEntries(pe.schemes.mrope.parameters.map((p) => [p.name, p]));
  assert.equal(table.model.default, 'qwen2-vl');
  assert.equal(table.spatialMergeSize.default, 2);
  assert.equal(table.tokensPerSecond.default, 2);
  assert.equal(pe.limits.maxMropeTokens, 2 ** 20);
  assert.equal(pe.mropePositionIds([]).positionIds.length, 0);
});

test("bad input is a PEError naming the caller's parameter", () => {
  const cases = [
    [() => pe.mropePositionIds([{ image: [1, 5, 4] }]), 'segments', 'multiple_of', 'segments[0].image[1]'],
    [() => pe.mropePositionIds([{ text: -1 }]), 'segments', 'integer_range', 'segments[0].text'],
    [() => pe.mropePositionIds([{ text: 2 ** 20 }, { text: 1 }]), 'segments', 'tokens_cap', '1048577'],
    [() => pe.mropePositionIds([{ text: 1, image: [1, 2, 2] }]), 'segments', 'not_in_array', 'segments[0]'],
    [() => pe.mropePositionIds([{ picture: [1, 2, 2] }]), 'segments', 'not_in_array', 'segments[0]'],
    [() => pe.mropePositionIds([{ image: [1, 2] }]), 'segments', 'not_in_array', 'segments[0]'],
    [
      () => pe.mropePositionIds([{ image: [1, 2, 2], secondPerGridT: 1 }]),
      'secondPerGridT',
      'unknown_key',
      '',
    ],
    [() => pe.mropePositionIds([{ video: [1, 2, 2], secondPerGridT: '1' }]), 'segments', 'not_in_array', ''],
    [() => pe.mropePositionIds('text'), 'segments', 'not_array', 'segments'],
    [() => pe.mropePositionIds([{ text: 1 }], { model: 'qwen2-vl-7b' }), 'model', 'one_of', 'model'],
    [
      () => pe.mropePositionIds([{ text: 1 }], { spatialMergeSize: 0 }),
      'spatialMergeSize',
      'integer_range',
      '',
    ],
    [
      () => pe.mropePositionIds([{ text: 1 }], { tokensPerSecond: 2.5 }),
      'tokensPerSecond',
      'integer_range',
      '',
    ],
    [() => pe.mropePositionIds([{ text: 1 }], { segments: [] }), 'segments', 'unknown_key', ''],
    [() => pe.mropeAxes({ headDim: 128, mropeSection: [16, 24, 23] }), 'mropeSection', 'sum_mismatch', '64'],
    [() => pe.mropeAxes({ headDim: 127, mropeSection: [16, 24, 24] }), 'headDim', 'not_even', ''],
    [() => pe.mropeAxes({ mropeSection: [16, 24, 24] }), 'headDim', 'required', ''],
    [() => pe.mropeAxes({ headDim: 128 }), 'mropeSection', 'required', ''],
    [() => pe.mropeAxes({ headDim: 128, mropeSection: [64] }), 'mropeSection', 'length_mismatch', ''],
    [
      () => pe.mropeAxes({ headDim: 128, mropeSection: [16, 24, 24], interleaved: 1 }),
      'interleaved',
      'not_boolean',
      '',
    ],
  ];
  for (const [call, parameter, kind, words] of cases) {
    const e = thrown(call);
    assert.ok(e instanceof pe.PEError, String(e));
    assert.equal(e.parameter, parameter, e.message);
    assert.equal(e.kind, kind, e.message);
    assert.ok(e.message.includes(words), e.message);
  }
});

test('ropeFromConfig reads mrope_section and mrope_interleaved for mropeAxes', () => {
  // The keys as Qwen2-VL-7B-Instruct's and Qwen3-VL-8B-Instruct's config.json hold them.
  const qwen2 = pe.ropeFromConfig(
    JSON.stringify({
      model_type: 'qwen2_vl',
      hidden_size: 3584,
      num_attention_heads: 28,
      rope_theta: 1000000,
      rope_scaling: { type: 'mrope', mrope_section: [16, 24, 24] },
    }),
  );
  assert.equal(qwen2.ropeType, 'default');
  assert.deepEqual(qwen2.mropeSection, [16, 24, 24]);
  assert.equal(qwen2.mropeInterleaved, false);
  assert.deepEqual(qwen2.warnings, []);
  const qwen3 = pe.ropeFromConfig(
    JSON.stringify({
      model_type: 'qwen3_vl',
      text_config: {
        head_dim: 128,
        rope_theta: 5000000,
        rope_scaling: { mrope_interleaved: true, mrope_section: [24, 20, 20], rope_type: 'default' },
      },
    }),
  );
  assert.deepEqual(qwen3.mropeSection, [24, 20, 20]);
  assert.equal(qwen3.mropeInterleaved, true);
  const axes = pe.mropeAxes({
    headDim: qwen3.headDim,
    mropeSection: qwen3.mropeSection,
    interleaved: qwen3.mropeInterleaved,
  });
  assert.deepEqual(Array.from(axes.subarray(0, 3)), [0, 1, 2]);
  const plain = pe.ropeFromConfig(JSON.stringify({ head_dim: 64, rope_theta: 10000 }));
  assert.equal(plain.mropeSection, null);
  const e = thrown(() =>
    pe.ropeFromConfig(JSON.stringify({ head_dim: 64, rope_scaling: { type: 'mrope', mrope_section: 'x' } })),
  );
  assert.equal(e.parameter, 'mrope_section');
});
