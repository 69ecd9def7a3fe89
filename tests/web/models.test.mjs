// pe.ropeFromConfig per layer, under node (no browser): every gallery config of
// tests/reference/models/ read through the JS API against what huggingface/transformers @
// c49429ed1f8b computes from it (expected.json, written by tests/reference/models.py under torch 1.13),
// and pe.queryScale against Llama 4's temperature formula (models/llama4/modeling_llama4.py:367-374).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { loadEngine } from '../reliability/adversarial.mjs';

const MODELS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../reference/models');
const expected = JSON.parse(fs.readFileSync(path.join(MODELS, 'expected.json'), 'utf8')).models;
const configOf = (slug) => fs.readFileSync(path.join(MODELS, 'configs', slug + '.json'), 'utf8');

// expected.json's invFreq is float32 (as the library computes it); the engine's is float64, so they
// agree to float32's rounding (3.3e-7 relative at worst over the gallery), not to 1e-12.
function sameFrequencies(got, want, where) {
  assert.ok(got instanceof Float64Array, where);
  assert.equal(got.length, want.length, where);
  for (let i = 0; i < want.length; i++) {
    const ok = want[i] === 0 ? got[i] === 0 : Math.abs(got[i] - want[i]) <= 1e-6 * want[i];
    assert.ok(ok, `${where}: pair ${i}: ${got[i]} vs ${want[i]}`);
  }
}

test('every gallery config reads per layer as the library computes it, through the JS API', async () => {
  const pe = await loadEngine();
  assert.ok(Object.keys(expected).length >= 24);
  for (const [slug, want] of Object.entries(expected)) {
    const r = pe.ropeFromConfig(configOf(slug));
    assert.deepEqual(r.layers, want.layers, slug);
    assert.deepEqual(Object.keys(r.layerTypes).sort(), Object.keys(want.layerTypes).sort(), slug);
    for (const [name, w] of Object.entries(want.layerTypes)) {
      const got = r.layerTypes[name];
      const where = `${slug} ${name}`;
      for (const key of ['rope', 'headDim', 'rotaryDim', 'rotatedSlice', 'pairing', 'attention', 'window']) {
        assert.equal(got[key], w[key], `${where}: ${key}`);
      }
      if (!w.rope) {
        assert.equal(got.invFreq.length, 0, where);
        continue;
      }
      assert.equal(got.ropeType, w.ropeType, where);
      assert.equal(got.theta, w.theta, where);
      assert.ok(Math.abs(got.attentionScaling - w.attentionScaling) <= 1e-12 * w.attentionScaling, where);
      sameFrequencies(got.invFreq, w.invFreq, where);
      if (w.invFreqLong) {
        const past = pe.ropeFromConfig(configOf(slug), { sequenceLength: w.longFromPosition + 1 });
        sameFrequencies(past.layerTypes[name].invFreq, w.invFreqLong, where + ' (long)');
      }
    }
    assert.deepEqual(r.queryScaling, want.queryScaling, slug);
    // The main fields are the first layer type that rotates.
    const first = Object.values(r.layerTypes).find((t) => t.rope);
    assert.deepEqual([...r.invFreq], [...first.invFreq], slug);
    assert.equal(r.rotaryDim, first.rotaryDim, slug);
    for (const w of r.warnings) assert.notEqual(w.kind, 'warn_unknown_key', `${slug}: ${w.message}`);
  }
});

test('queryScale gives Llama 4 temperature on its NoPE layers, 1 elsewhere; bad input is a PEError', async () => {
  const pe = await loadEngine();
  const scout = pe.ropeFromConfig(configOf('llama-4-scout'));
  const { floorScale, attnScale } = scout.queryScaling;
  for (const position of [0, 8190, 8191, 100000, 10485759]) {
    const want = Math.log(Math.floor((position + 1) / floorScale) + 1) * attnScale + 1;
    assert.ok(Math.abs(pe.queryScale(scout, position) - want) < 1e-15, String(position));
  }
  assert.equal(pe.queryScale(pe.ropeFromConfig(configOf('llama-3.1-8b')), 100000), 1);
  for (const [args, parameter] of [
    [[scout, -1], 'position'],
    [[scout, 1.5], 'position'],
    [[scout, 'x'], 'position'],
    [[null, 1], 'result'],
    [[{ queryScaling: { floorScale: 0, attnScale: 0.1 } }, 1], 'floorScale'],
  ]) {
    assert.throws(
      () => pe.queryScale(...args),
      (e) => e instanceof pe.PEError && e.parameter === parameter,
      JSON.stringify(args),
    );
  }
});
