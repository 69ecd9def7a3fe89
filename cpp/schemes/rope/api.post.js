// RoPE and its context extension (a model config's rope_scaling, key for key): this scheme's part
// of the public JS API (types in web/pe.d.ts). CMake links it after cpp/bindings/api.post.js and
// api-schemes.post.js, whose helpers it uses, into the engines that have the part; elsewhere each
// name answers with a not_in_build PEError (a stub CMake generates from the peApi calls below).
/* global peApi, peBinding, peCheckKeys, peCheckObject, peClamped, peDescribe, peFail, peInput, peLimits, peNumber, peNumbers, peSchemeOptions, peString, peUnwrap */
/* exported peRopeNames */

const peRopeNames = { head_dim: 'headDim', rotary_dim: 'rotaryDim', max_distance: 'maxDistance' };

// --- context extension: a model config's rope_scaling, key for key (rope_scaling.hpp) ---------------

// The keys of rope_scaling (or rope_parameters) the reference library reads, and their types.
const peScalingKeys = {
  rope_type: 'string',
  type: 'string', // the legacy name of rope_type
  rope_theta: 'number', // rope_parameters carry the theta too; it wins over options.theta
  factor: 'number',
  original_max_position_embeddings: 'number',
  beta_fast: 'number',
  beta_slow: 'number',
  mscale: 'number',
  mscale_all_dim: 'number',
  attention_factor: 'number',
  truncate: 'boolean',
  low_freq_factor: 'number',
  high_freq_factor: 'number',
  short_factor: 'array',
  long_factor: 'array',
};
const peScalingFields = {
  factor: 'factor',
  original_max_position_embeddings: 'original',
  beta_fast: 'betaFast',
  beta_slow: 'betaSlow',
  mscale: 'mscale',
  mscale_all_dim: 'mscaleAllDim',
  attention_factor: 'attentionFactor',
  low_freq_factor: 'lowFreqFactor',
  high_freq_factor: 'highFreqFactor',
};
const peScalingNames = Object.assign({}, peRopeNames, {
  max_position_embeddings: 'maxPositions',
  config_original_max_position_embeddings: 'originalMaxPositions',
  sequence_length: 'sequenceLength',
});
const peScalingExtra = { scaling: null, maxPositions: NaN, originalMaxPositions: NaN, sequenceLength: NaN };

// Adds the flat scaling fields the binding reads to `o`. null means unset, as the library's .get().
function peScalingInto(o, scaling) {
  const flat = { ropeType: 'default', truncate: true, shortFactor: [], longFactor: [] };
  for (const field of Object.values(peScalingFields)) flat[field] = NaN;
  for (const name of ['maxPositions', 'originalMaxPositions', 'sequenceLength']) {
    flat[name] = o[name] === null ? NaN : peNumber(o[name], name);
  }
  if (scaling !== null && scaling !== undefined) {
    peCheckObject(
      scaling,
      'scaling',
      "{ rope_type: 'yarn', factor: 4, original_max_position_embeddings: 4096 }",
    );
    peCheckKeys(scaling, peScalingKeys, 'rope_scaling key');
    const given = (key) => scaling[key] !== undefined && scaling[key] !== null;
    for (const [key, kind] of Object.entries(peScalingKeys)) {
      if (!given(key)) continue;
      const value = scaling[key];
      if (kind === 'number') peNumber(value, key);
      else if (kind === 'string') peString(value, key);
      else if (kind === 'boolean' && typeof value !== 'boolean')
        peFail('not_boolean', key, { got: peDescribe(value) });
      else if (kind === 'array')
        flat[key === 'short_factor' ? 'shortFactor' : 'longFactor'] = peNumbers(
          value,
          key,
          peLimits().maxHeadDim,
        );
    }
    flat.ropeType = given('rope_type') ? scaling.rope_type : given('type') ? scaling.type : 'default';
    for (const [key, field] of Object.entries(peScalingFields)) if (given(key)) flat[field] = scaling[key];
    if (given('truncate')) flat.truncate = scaling.truncate;
    if (given('rope_theta')) o.theta = scaling.rope_theta;
  }
  return Object.assign(o, flat);
}

peApi('ropeFrequencies', function ropeFrequencies(options) {
  const binding = peBinding('_ropeFrequencies'); // before the options: name the function, not its table
  const o = peSchemeOptions('rope', options, '{ headDim: 128, theta: 10000 }', peScalingExtra, [
    'positions',
    'start',
  ]);
  const r = peUnwrap(binding(peScalingInto(o, o.scaling)), peScalingNames);
  const known = (x) => (Number.isNaN(x) ? null : x);
  return {
    invFreq: r.invFreq,
    attentionScaling: r.attentionScaling,
    factor: known(r.factor),
    ramp: Number.isNaN(r.rampLow) ? null : { low: r.rampLow, high: r.rampHigh },
    wavelengths: Number.isNaN(r.wavelengthLow) ? null : { low: r.wavelengthLow, high: r.wavelengthHigh },
  };
});

peApi('ropeApply', function ropeApply(vectors, options) {
  const binding = peBinding('_ropeApplyInput'); // before the options: name the function, not its table
  const o = peSchemeOptions('rope', options, '{ headDim: 64, start: 0 }', peScalingExtra, ['positions']);
  peScalingInto(o, o.scaling);
  // The spec is checked before anything is sized by it: headDim 0 or 1e-5 is named as headDim, not
  // as a positions array the caller never passed (or a RangeError while building it).
  peUnwrap(peBinding('_ropeFrequencies')(o), peScalingNames);
  peInput(vectors, 'vectors');
  let positions = options.positions;
  if (positions === undefined) {
    const cap = peLimits().maxRopeValues; // the core's cap on vectors, before a positions array is made
    if (vectors.length > cap) peFail('count_cap', 'vectors', { max: cap, got: vectors.length }, 'size_limit');
    const rows = Math.floor(vectors.length / o.headDim) || 1;
    positions = Array.from({ length: rows }, (_, r) => o.start + r);
  } else {
    positions = peNumbers(positions, 'positions', peLimits().maxPositions);
  }
  // The vectors are in the input buffer (above); the positions go to their own buffer.
  peUnwrap(Module['_positionsView'](positions.length)).set(positions);
  return peUnwrap(binding(o), peScalingNames);
});

peApi('ropeScores', function ropeScores(q, k, options) {
  const binding = peBinding('_ropeScoresInput'); // before the options: name the function, not its table
  const o = peSchemeOptions(
    'rope',
    options,
    '{ headDim: 64, maxDistance: 256 }',
    Object.assign({ maxDistance: 256 }, peScalingExtra),
    ['positions', 'start'],
  );
  peNumber(o.maxDistance, 'maxDistance');
  peScalingInto(o, o.scaling);
  // (No destructuring in for-of here: emscripten 3.1.6's acorn pass mangles it.)
  const checkVector = (value, name) => {
    peInput(value, name); // the type checks; the real copy is below
    if (value.length !== o.headDim)
      peFail('length_mismatch', name, { expected: o.headDim, got: value.length });
  };
  checkVector(q, 'q');
  checkVector(k, 'k');
  const both = new Float32Array(2 * o.headDim);
  both.set(q);
  both.set(k, o.headDim);
  peInput(both, 'q');
  return peUnwrap(binding(o, o.maxDistance), peScalingNames);
});

peApi('ropeTables', function ropeTables(options) {
  const binding = peBinding('_ropeTables'); // before the options: name the function, not its table
  const o = peSchemeOptions('rope', options, '{ headDim: 64, positions: 100 }', peScalingExtra);
  peScalingInto(o, o.scaling);
  return peUnwrap(binding(o, o.start, o.positions), peScalingNames);
});

// The cos or sin table at canvas resolution: options.start / options.positions are the range (up to
// maxPosition positions), never a table.
peApi('renderRopeTable', function renderRopeTable(options, view) {
  const binding = peBinding('_renderRopeTable', 'renderRopeTable');
  peCheckObject(options, 'options', '{ headDim: 128, positions: 1000000 }');
  const range = {
    start: peNumber(options.start === undefined ? 0 : options.start, 'start'),
    positions: peNumber(options.positions === undefined ? 1 : options.positions, 'positions'),
  };
  const rest = Object.assign({}, options, { start: 0, positions: 1 });
  const o = peSchemeOptions('rope', rest, '{ headDim: 128, positions: 1000000 }', peScalingExtra);
  peScalingInto(o, o.scaling);
  peCheckObject(view, 'view', "{ width: 512, height: 256, part: 'cos' }");
  peCheckKeys(view, { width: 0, height: 0, part: 'cos' }, 'view option');
  const part = peString(view.part === undefined ? 'cos' : view.part, 'part');
  const pixels = binding(
    o,
    range.start,
    range.positions,
    part,
    peNumber(view.width, 'width'),
    peNumber(view.height, 'height'),
  );
  return peClamped(peUnwrap(pixels, peScalingNames));
});
