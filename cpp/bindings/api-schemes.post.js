// The further public API of the legacy scheme parts: RoPE, the file writers and precision, and the
// helpers the scheme folders' api.post.js files use (peSchemeOptions, peSchemeNames). Linked with
// --post-js after api.post.js (whose helpers it uses) into every engine but the embed's sinusoidal
// one, where api.post.js defines a PEError-throwing stub for each of these names; an engine without a
// part's binding answers its functions with not_in_build (peBinding).
/* global TextEncoder, peApi, peBinding, peJsNames, peDeepFreeze, peClamped, peCheckKeys, peCheckObject, peDescribe, peEncodingOptions, peFail, peInput, peLimits, peNumber, peNumbers, peString, peUnwrap, peWellFormed */

// --- schemes beyond the sinusoidal one: their parameters come from the engine's table ----------------

let peSchemeTable = null;
function peSchemeInfo(scheme) {
  if (!peSchemeTable) peSchemeTable = peDeepFreeze(peBinding('_schemes')());
  return peSchemeTable[scheme];
}

/* exported peSchemeNames */
// peUnwrap's renames for a scheme's parameters, from its table: an error names grid_height as the
// caller wrote it, gridHeight. The shared names (d_model: peJsNames) keep the spelling of the docs.
function peSchemeNames(scheme) {
  const names = {};
  for (const p of peSchemeInfo(scheme).parameters) {
    if (p.core !== p.name && !peJsNames[p.core]) names[p.core] = p.name;
  }
  return names;
}

// Checks `options` against the scheme's parameters (and `extra`: {name: default} of a function's own
// options), fills defaults, and returns the flat object the bindings read. `skip` names parameters
// the function handles itself.
function peSchemeOptions(scheme, options, example, extra, skip) {
  peCheckObject(options, 'options', example);
  const params = peSchemeInfo(scheme).parameters.filter((p) => !(skip && skip.includes(p.name)));
  const known = Object.assign({}, extra);
  for (const p of params) known[p.name] = p.default;
  if (skip) for (const name of skip) known[name] = undefined;
  peCheckKeys(options, known, 'option');
  const out = {};
  for (const p of params) {
    let value = options[p.name];
    if (value === undefined) {
      if (p.required) peFail('required', p.name, {});
      value = p.default;
    }
    if (p.type === 'choice' || p.type === 'text') peString(value, p.name);
    else if (p.type === 'list') value = peNumbers(value, p.name, 64);
    else if (p.type === 'boolean') {
      if (typeof value !== 'boolean') peFail('not_boolean', p.name, { got: peDescribe(value) });
    } else peNumber(value, p.name);
    out[p.name] = value;
  }
  for (const name of Object.keys(extra || {})) {
    out[name] = options[name] === undefined ? extra[name] : options[name];
  }
  return out;
}

/* exported peNumberList, peOptionsOnly */
// The options of a function that takes only some of its scheme's parameters (the others are
// pe-export's, or another function's): `given` is refused if it sets one of `others`; `checked` is
// what peSchemeOptions(given, ..., skip = others) returned (its keys are the ones allowed).
function peOptionsOnly(given, checked, others) {
  for (const key of others) {
    if (given[key] !== undefined) {
      peFail('unknown_key', key, { what: 'option', got: key, allowed: Object.keys(checked).join(', ') });
    }
  }
}

// A scheme folder's list argument: an array or a typed array of numbers (not BigInt64Array /
// BigUint64Array: BigInts are not numbers), at most `most` of them, every index of an array checked;
// `expected` describes it in the message. The core checks each value's range.
function peNumberList(values, name, expected, most) {
  const typed = ArrayBuffer.isView(values) && !(values instanceof DataView);
  const bigints =
    typed &&
    ((typeof BigInt64Array !== 'undefined' && values instanceof BigInt64Array) ||
      (typeof BigUint64Array !== 'undefined' && values instanceof BigUint64Array));
  if (bigints || (!typed && !Array.isArray(values))) {
    peFail('not_array', name, { expected: expected, got: peDescribe(values) });
  }
  if (values.length > most) peFail('count_cap', name, { max: most, got: values.length }, 'size_limit');
  if (!typed) {
    for (let i = 0; i < values.length; i++) {
      if (typeof values[i] !== 'number') {
        peFail('not_in_array', name, { index: i, expected: 'a number', got: peDescribe(values[i]) });
      }
    }
  }
  return values;
}

const peRopeNames = { head_dim: 'headDim', rotary_dim: 'rotaryDim', max_distance: 'maxDistance' };

// --- context extension: a model config's rope_scaling, key for key (pe/rope_scaling.hpp) ------------

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

// --- a model's config.json, read as the reference library reads it (pe/rope_config.hpp) ------------

// The core reads the text (its keys, defaults, warnings and caps) and writes the reading as JSON
// (pe/rope_config.hpp); here only the types are checked and the frequencies made Float64Arrays.
peApi('ropeFromConfig', function ropeFromConfig(jsonText, options) {
  const binding = peBinding('_ropeFromConfig', 'ropeFromConfig');
  peString(jsonText, 'jsonText');
  // A text far over the cap is refused before it is copied into the engine (a UTF-16 unit is at
  // least one byte of UTF-8); the core counts the bytes of the rest.
  const cap = peLimits().maxConfigBytes;
  if (jsonText.length > cap) {
    peFail(
      'text_cap',
      'jsonText',
      { max: cap, got: new TextEncoder().encode(jsonText).length },
      'size_limit',
    );
  }
  const opts = options === undefined ? {} : options;
  peCheckObject(opts, 'options', '{ sequenceLength: 32768 }');
  peCheckKeys(opts, { sequenceLength: 0 }, 'option');
  const length = opts.sequenceLength === undefined ? NaN : peNumber(opts.sequenceLength, 'sequenceLength');
  const r = JSON.parse(
    peUnwrap(binding(peWellFormed(jsonText), length), { sequence_length: 'sequenceLength' }),
  );
  r.invFreq = Float64Array.from(r.invFreq);
  for (const name of Object.keys(r.layerTypes)) {
    r.layerTypes[name].invFreq = Float64Array.from(r.layerTypes[name].invFreq);
  }
  return r;
});

// Llama 4's attention temperature at a position (1 where the reading has none).
peApi('queryScale', function queryScale(result, position) {
  const binding = peBinding('_queryScale', 'queryScale');
  peCheckObject(result, 'result', 'pe.ropeFromConfig(text)');
  const q = result.queryScaling;
  if (q !== null && q !== undefined) peCheckObject(q, 'queryScaling', '{ floorScale: 8192, attnScale: 0.1 }');
  const floorScale = q ? peNumber(q.floorScale, 'floorScale') : NaN;
  const attnScale = q ? peNumber(q.attnScale, 'attnScale') : NaN;
  return peUnwrap(binding(floorScale, attnScale, peNumber(position, 'position')), {
    floor_scale: 'floorScale',
    attn_scale: 'attnScale',
  });
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

// --- precision: float32, float16, bfloat16 -----------------------------------------------------------

peApi('roundTo', function roundTo(values, format) {
  const binding = peBinding('_roundBuffer', 'roundTo');
  peString(format, 'format');
  peUnwrap(Module['_checkFormat'](format)); // a bad format is named even for no values
  const typed = ArrayBuffer.isView(values) && !(values instanceof DataView);
  if (typed && (values instanceof BigInt64Array || values instanceof BigUint64Array)) {
    peFail('not_array', 'values', { expected: 'numbers', got: peDescribe(values) });
  }
  if (!typed && !Array.isArray(values)) {
    peFail('not_array', 'values', { expected: 'an array of numbers', got: peDescribe(values) });
  }
  if (values.length === 0) return new Float64Array(0);
  if (values.length > peLimits().maxPositions) {
    peFail('count_cap', 'values', { max: peLimits().maxPositions, got: values.length }, 'size_limit');
  }
  if (!typed) peNumbers(values, 'values', peLimits().maxPositions); // every index a number
  // Float64, so a float64 input is rounded once, straight to the format.
  peUnwrap(Module['_positionsView'](values.length)).set(values);
  return peUnwrap(binding(format));
});

// The options of precisionError and renderPrecision: sinusoidal ({ dModel, ... }) or RoPE ({ headDim, ... }).
function pePrecisionOptions(options) {
  peCheckObject(options, 'options', '{ dModel: 128, positions: 4096 } or { headDim: 128, positions: 4096 }');
  const rope = options.headDim !== undefined;
  const o = rope
    ? peSchemeOptions('rope', options, '{ headDim: 128, positions: 4096 }', {})
    : peEncodingOptions(options, true);
  return { o, rope };
}
function peFormatAndStage(how) {
  peCheckObject(how, 'how', "{ format: 'bfloat16', stage: 'positions' }");
  peCheckKeys(how, { format: 0, stage: 0 }, 'option');
  return { format: peString(how.format, 'format'), stage: peString(how.stage, 'stage') };
}

peApi('precisionError', function precisionError(options, how) {
  const binding = peBinding('_precisionError', 'precisionError');
  const { o, rope } = pePrecisionOptions(options);
  const { format, stage } = peFormatAndStage(how);
  return peUnwrap(binding(o, rope, o.start, o.positions, format, stage), peRopeNames);
});

// The heatmap of precisionError at canvas resolution, for ranges up to maxPosition positions: the
// options' `positions` and `start` are the range (not a table: nothing positions x pairs is made).
const pePrecisionViewDefaults = { width: 0, height: 0, pair0: 0, pairs: -1, samples: 8, low: 1e-8, high: 2 };
peApi('renderPrecision', function renderPrecision(options, how, view) {
  const binding = peBinding('_renderPrecision', 'renderPrecision');
  peCheckObject(options, 'options', '{ dModel: 128, positions: 1000000 }');
  const range = {
    start: peNumber(options.start === undefined ? 0 : options.start, 'start'),
    positions: peNumber(options.positions === undefined ? 1 : options.positions, 'positions'),
  };
  const { o, rope } = pePrecisionOptions(Object.assign({}, options, { start: 0, positions: 1 }));
  const { format, stage } = peFormatAndStage(how);
  peCheckObject(view, 'view', '{ width: 800, height: 256 }');
  peCheckKeys(view, pePrecisionViewDefaults, 'view option');
  const flat = Object.assign({}, range);
  for (const key of Object.keys(pePrecisionViewDefaults)) {
    flat[key] = peNumber(view[key] === undefined ? pePrecisionViewDefaults[key] : view[key], key);
  }
  if (view.pairs === undefined) flat.pairs = -1; // every pair from pair0 on (the engine knows how many)
  return peClamped(peUnwrap(binding(o, rope, format, stage, flat), peRopeNames));
});

let peFormats = null;
Object.defineProperty(Module, 'numberFormats', {
  get: () => peFormats || (peFormats = peDeepFreeze(peBinding('_numberFormats', 'numberFormats')())),
  enumerable: true,
});

Object.defineProperty(Module, 'schemes', {
  get: () => (peSchemeInfo('sinusoidal'), peSchemeTable),
  enumerable: true,
});
