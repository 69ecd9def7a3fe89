// @ts-check
// RoPE's part of the JS API (api.post.js) in the node build of the page engine: ropeFrequencies
// against the reference transcription of transformers' RoPE scaling (rope_scaling_reference.inc,
// written by reference.py beside it).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import test from 'node:test';

import { loadEngine } from '../../../tests/reliability/adversarial.mjs';

// The reference cases of cpp/schemes/rope/rope_scaling_reference.inc (cpp/schemes/rope/reference.py, a
// numpy transcription of transformers' modeling_rope_utils.py @ cyyever/transformers 89539b0672a0),
// read back as data: each line is a C++ initializer that is JSON once braces become brackets.
function scalingCases() {
  const text = fs.readFileSync(new URL('rope_scaling_reference.inc', import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) =>
      JSON.parse(
        line.replace(/,$/, '').replaceAll('{', '[').replaceAll('}', ']').replaceAll('kUnset', 'null'),
      ),
    )
    .map(
      ([
        name,
        theta,
        headDim,
        rotaryDim,
        maxPositions,
        originalMaxPositions,
        sequenceLength,
        type,
        ...rest
      ]) => {
        const [factor, original, betaFast, betaSlow, mscale, mscaleAllDim, attentionFactor, truncate] = rest;
        const [lowFreq, highFreq, shortFactor, longFactor, , attention64, , inv64] = rest.slice(8);
        const scaling = { rope_type: type };
        const put = (key, value) => {
          if (value !== null) scaling[key] = value;
        };
        put('factor', factor);
        put('original_max_position_embeddings', original);
        put('beta_fast', betaFast);
        put('beta_slow', betaSlow);
        put('mscale', mscale);
        put('mscale_all_dim', mscaleAllDim);
        put('attention_factor', attentionFactor);
        if (!truncate) scaling.truncate = false;
        put('low_freq_factor', lowFreq);
        put('high_freq_factor', highFreq);
        if (shortFactor.length) scaling.short_factor = shortFactor;
        if (longFactor.length) scaling.long_factor = longFactor;
        const options = { headDim, theta, rotaryDim, scaling };
        if (maxPositions !== null) options.maxPositions = maxPositions;
        if (originalMaxPositions !== null) options.originalMaxPositions = originalMaxPositions;
        if (sequenceLength !== null) options.sequenceLength = sequenceLength;
        return { name, options, attention64, inv64 };
      },
    );
}

test('ropeFrequencies through the JS API equals the reference transcription on all 116 cases', async () => {
  const pe = await loadEngine();
  const cases = scalingCases();
  assert.equal(cases.length, 116);
  for (const c of cases) {
    const r = pe.ropeFrequencies(c.options);
    assert.equal(r.invFreq.length, c.inv64.length, c.name);
    for (let i = 0; i < c.inv64.length; i++) {
      assert.ok(Math.abs(r.invFreq[i] - c.inv64[i]) <= 1e-12 * c.inv64[i], `${c.name}: pair ${i}`);
    }
    assert.ok(Math.abs(r.attentionScaling - c.attention64) <= 1e-12 * c.attention64, c.name);
  }
});
