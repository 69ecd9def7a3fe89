// The page engine's further public API: RoPE, ALiBi, 2-D sin-cos, the file writers and precision.
// Linked with --post-js after api.post.js (whose helpers it uses) into the page's engine flavours
// only; api.post.js defines a PEError-throwing stub for each of these names for the embed's engine.
/* global TextEncoder, PEError, peApi, peBinding, peDeepFreeze, peClamped, peFormat, peTemplateOf, peCheckKeys, peCheckObject, peDescribe, peEncodingOptions, peFail, peInput, peLimits, peNumber, peNumbers, peString, peUnwrap */

// --- schemes beyond the sinusoidal one: their parameters come from the engine's table ----------------

let peSchemeTable = null;
function peSchemeInfo(scheme) {
  if (!peSchemeTable) peSchemeTable = peDeepFreeze(peBinding('_schemes')());
  return peSchemeTable[scheme];
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

// --- a model's config.json, read as the reference library reads it ---------------------------------

// Model types whose configs mean RoPE even without a rope_theta (the library's default 10000 then).
const peRopeModelTypes = [
  'llama',
  'mistral',
  'mixtral',
  'qwen2',
  'qwen2_moe',
  'qwen3',
  'qwen3_moe',
  'gemma',
  'gemma2',
  'gemma3_text',
  'phi',
  'phi3',
  'gpt_neox',
  'gptj',
  'deepseek_v2',
  'deepseek_v3',
  'falcon',
  'olmo',
  'olmo2',
  'starcoder2',
  'cohere',
  'internlm2',
  'baichuan',
  'yi',
  'granite',
  'stablelm',
  'persimmon',
  'chatglm',
  'glm',
  'exaone',
];
const peMaxConfigBytes = 1 << 20;

peApi('ropeFromConfig', function ropeFromConfig(jsonText, options) {
  peBinding('_ropeFrequencies', 'ropeFromConfig');
  peString(jsonText, 'jsonText');
  // UTF-8 bytes (counted only when the text could be too long: up to 3 bytes a UTF-16 unit).
  const bytes =
    jsonText.length * 3 > peMaxConfigBytes ? new TextEncoder().encode(jsonText).length : jsonText.length;
  if (bytes > peMaxConfigBytes)
    peFail('text_cap', 'jsonText', { max: peMaxConfigBytes, got: bytes }, 'size_limit');
  const opts = options === undefined ? {} : options;
  peCheckObject(opts, 'options', '{ sequenceLength: 32768 }');
  peCheckKeys(opts, { sequenceLength: 0 }, 'option');
  let config;
  try {
    config = JSON.parse(jsonText);
  } catch (error) {
    peFail('bad_json', 'jsonText', { reason: String(error.message).slice(0, 120) });
  }
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    peFail('not_object', 'jsonText', { example: '{ "rope_theta": 10000, ... }', got: peDescribe(config) });
  }
  const warnings = [];
  const warn = (kind, args) =>
    warnings.push({ kind: kind, args: args || {}, message: peFormat(peTemplateOf(kind), args || {}) });
  const has = (object, key) => object[key] !== undefined && object[key] !== null;
  // Multimodal configs keep the language model's settings in text_config.
  const ropeKeys = ['rope_theta', 'rope_scaling', 'rope_parameters'];
  if (!ropeKeys.some((k) => has(config, k)) && config.text_config && typeof config.text_config === 'object') {
    config = config.text_config;
    warn('warn_text_config', {});
  }
  const modelType = typeof config.model_type === 'string' ? config.model_type : '';
  if (!ropeKeys.some((k) => has(config, k)) && !peRopeModelTypes.includes(modelType)) {
    peFail('no_rope', 'jsonText', { got: modelType || 'no model_type' });
  }
  const number = (object, key, where) => {
    if (!has(object, key)) return undefined;
    return peNumber(object[key], where || key);
  };
  // rope_parameters (the library's newer name, with rope_theta inside) or rope_scaling.
  let scaling = has(config, 'rope_parameters')
    ? config.rope_parameters
    : has(config, 'rope_scaling')
      ? config.rope_scaling
      : null;
  if (scaling !== null)
    peCheckObject(
      scaling,
      has(config, 'rope_parameters') ? 'rope_parameters' : 'rope_scaling',
      "{ rope_type: 'yarn', factor: 4 }",
    );
  const topTheta = number(config, 'rope_theta');
  const innerTheta =
    scaling && has(scaling, 'rope_theta') ? peNumber(scaling.rope_theta, 'rope_theta') : undefined;
  const theta = innerTheta !== undefined ? innerTheta : topTheta !== undefined ? topTheta : 10000;
  if (topTheta === undefined && innerTheta === undefined) warn('warn_default_theta', { theta: 10000 });
  if (innerTheta !== undefined && topTheta === undefined) warn('warn_theta_inside', { theta: innerTheta });
  if (innerTheta !== undefined && topTheta !== undefined && innerTheta !== topTheta) {
    warn('warn_theta_twice', { inner: innerTheta, top: topTheta });
  }
  // Multimodal RoPE (Qwen2-VL to Qwen3-VL): the pairs per axis and their layout, for mropeAxes; the
  // frequencies are the default ones (Qwen2VLConfig reads rope_type "mrope" as "default").
  let mropeSection = null;
  let mropeInterleaved = false;
  if (scaling !== null && has(scaling, 'mrope_section')) {
    mropeSection = peNumbers(scaling.mrope_section, 'mrope_section', 64);
  }
  if (scaling !== null && has(scaling, 'mrope_interleaved')) {
    mropeInterleaved = scaling.mrope_interleaved;
    if (typeof mropeInterleaved !== 'boolean') {
      peFail('not_boolean', 'mrope_interleaved', { got: peDescribe(mropeInterleaved) });
    }
  }
  // Keys the library does not read for RoPE are warned about and left out (it only warns too).
  if (scaling !== null) {
    const kept = {};
    for (const key of Object.keys(scaling)) {
      if (Object.prototype.hasOwnProperty.call(peScalingKeys, key)) kept[key] = scaling[key];
      else if (key !== 'mrope_section' && key !== 'mrope_interleaved') warn('warn_unknown_key', { key: key });
    }
    scaling = kept;
  }
  let type = scaling
    ? has(scaling, 'rope_type')
      ? scaling.rope_type
      : has(scaling, 'type')
        ? scaling.type
        : 'default'
    : 'default';
  if (scaling && !has(scaling, 'rope_type') && has(scaling, 'type') && type !== 'mrope')
    warn('warn_legacy_type', { type: String(type) });
  if (type === 'mrope') {
    type = 'default';
    scaling = Object.assign({}, scaling, { rope_type: 'default' });
    delete scaling.type;
  }
  if (type === 'su') {
    // Phi-3's first configs: transformers' Phi3Config reads "su" as longrope.
    warn('warn_su', {});
    type = 'longrope';
    scaling = Object.assign({}, scaling, { rope_type: 'longrope' });
  }
  if (type === 'ntk') warn('warn_ntk', {});
  if (type === 'llama3') warn('warn_llama3_dropped', {});
  if (type === 'dynamic') warn('warn_dynamic_cache', {});
  if (type === 'yarn' && scaling && !has(scaling, 'original_max_position_embeddings'))
    warn('warn_yarn_original', {});
  // head_dim, else hidden_size // num_attention_heads; partial_rotary_factor (or GPT-NeoX's rotary_pct).
  // DeepSeek's multi-head latent attention rotates only qk_rope_head_dim dimensions per head.
  // Errors name the config's own keys (below, `configNames`): where a value is derived, the formula
  // with the config's numbers.
  const configNames = {
    theta: { parameter: 'rope_theta', name: 'rope_theta' },
    maxPositions: { parameter: 'max_position_embeddings', name: 'max_position_embeddings' },
    originalMaxPositions: {
      parameter: 'original_max_position_embeddings',
      name: 'original_max_position_embeddings',
    },
  };
  let headDim = number(config, 'qk_rope_head_dim');
  configNames.headDim = { parameter: 'qk_rope_head_dim', name: 'qk_rope_head_dim' };
  if (headDim === undefined) {
    headDim = number(config, 'head_dim');
    configNames.headDim = { parameter: 'head_dim', name: 'head_dim' };
  }
  if (headDim === undefined) {
    const hidden = number(config, 'hidden_size');
    const heads = number(config, 'num_attention_heads');
    if (hidden === undefined || heads === undefined)
      peFail('required_or', 'head_dim', { alternative: 'hidden_size and num_attention_heads' });
    headDim = Math.floor(hidden / heads);
    configNames.headDim = {
      parameter: 'hidden_size',
      name: 'hidden_size / num_attention_heads (' + hidden + ' / ' + heads + ' \u2192 ' + headDim + ')',
    };
  }
  let fractionKey = 'partial_rotary_factor';
  let fraction = number(config, fractionKey);
  if (fraction === undefined && has(config, 'rotary_pct')) {
    fractionKey = 'rotary_pct';
    fraction = number(config, fractionKey);
  }
  const rotaryDim = fraction === undefined ? headDim : Math.floor(headDim * fraction);
  configNames.rotaryDim =
    fraction === undefined
      ? configNames.headDim
      : {
          parameter: fractionKey,
          name:
            'head_dim \u00d7 ' +
            fractionKey +
            ' (' +
            headDim +
            ' \u00d7 ' +
            fraction +
            ' \u2192 ' +
            rotaryDim +
            ')',
        };
  const maxPositions = number(config, 'max_position_embeddings');
  const originalMaxPositions =
    type === 'longrope' ? number(config, 'original_max_position_embeddings') : undefined;
  if (
    type === 'yarn' &&
    scaling &&
    has(scaling, 'original_max_position_embeddings') &&
    maxPositions !== undefined &&
    has(scaling, 'factor') &&
    maxPositions / scaling.original_max_position_embeddings !== scaling.factor
  ) {
    warn('warn_yarn_ratio', {
      ratio: maxPositions / scaling.original_max_position_embeddings,
      factor: scaling.factor,
    });
  }
  if (type === 'yarn' && scaling && has(scaling, 'mscale_all_dim') && scaling.mscale_all_dim) {
    const yarnFactor =
      has(scaling, 'original_max_position_embeddings') && maxPositions !== undefined
        ? maxPositions / scaling.original_max_position_embeddings
        : scaling.factor;
    // get_mscale of the reference (pe/rope_scaling.cpp, yarn_mscale), for the warning's numbers.
    const mscaleOf = (m) => (yarnFactor <= 1 ? 1 : 0.1 * m * Math.log(yarnFactor) + 1);
    if (typeof yarnFactor === 'number' && typeof scaling.mscale_all_dim === 'number') {
      const ratio =
        has(scaling, 'mscale') && scaling.mscale
          ? mscaleOf(scaling.mscale) / mscaleOf(scaling.mscale_all_dim)
          : null;
      warn('warn_mscale_all_dim', {
        ratio: ratio === null ? 'unused (no mscale)' : Number(ratio.toPrecision(6)),
        extra: Number((mscaleOf(scaling.mscale_all_dim) ** 2).toPrecision(6)),
      });
    }
  }
  const request = { headDim: headDim, theta: theta, rotaryDim: rotaryDim };
  if (scaling !== null && type !== 'default') request.scaling = scaling;
  if (maxPositions !== undefined) request.maxPositions = maxPositions;
  if (originalMaxPositions !== undefined) request.originalMaxPositions = originalMaxPositions;
  if (opts.sequenceLength !== undefined) request.sequenceLength = opts.sequenceLength;
  let r;
  try {
    r = Module['ropeFrequencies'](request);
  } catch (error) {
    // The engine names its own options (theta, rotaryDim, ...); the reader wrote config keys. The
    // rope_scaling keys already arrive under their config names, sequenceLength is the caller's.
    const key = error instanceof PEError && configNames[error.parameter];
    if (!key) throw error;
    const args = Object.assign({}, error.args, { name: key.name });
    throw new PEError(peFormat(peTemplateOf(error.kind), args), key.parameter, error.code, error.kind, args);
  }
  return Object.assign(r, {
    headDim: headDim,
    rotaryDim: rotaryDim,
    theta: theta,
    ropeType: type,
    maxPositions: maxPositions === undefined ? null : maxPositions,
    originalMaxPositions: has(config, 'original_max_position_embeddings')
      ? number(config, 'original_max_position_embeddings')
      : null,
    scaling: request.scaling || null,
    mropeSection: mropeSection,
    mropeInterleaved: mropeInterleaved,
    warnings: warnings,
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

peApi('alibiSlopes', function alibiSlopes(heads) {
  const binding = peBinding('_alibiSlopes'); // before the options: name the function, not its table
  return peUnwrap(binding(peNumber(heads, 'heads')));
});

peApi('alibiBias', function alibiBias(options) {
  const binding = peBinding('_alibiBias'); // before the options: name the function, not its table
  const o = peSchemeOptions('alibi', options, '{ heads: 8, positions: 16 }', {});
  return peUnwrap(binding(o));
});

// One head's bias at canvas resolution, for sequences up to maxPositions (no heads x positions^2 tensor).
peApi('renderAlibi', function renderAlibi(options, head, view) {
  const binding = peBinding('_renderAlibi', 'renderAlibi');
  peCheckObject(options, 'options', '{ heads: 8, positions: 65536 }');
  // positions is checked by the engine against maxPositions, not the scheme table's tensor cap.
  const o = peSchemeOptions(
    'alibi',
    Object.assign({}, options, { positions: 1 }),
    '{ heads: 8, positions: 65536 }',
    {},
  );
  o.positions = peNumber(options.positions, 'positions');
  peCheckObject(view, 'view', '{ width: 256, height: 256 }');
  peCheckKeys(view, { width: 0, height: 0, low: -1, high: 0 }, 'view option');
  const flat = { width: peNumber(view.width, 'width'), height: peNumber(view.height, 'height') };
  flat.low = peNumber(view.low === undefined ? -1 : view.low, 'low');
  flat.high = peNumber(view.high === undefined ? 0 : view.high, 'high');
  return peClamped(peUnwrap(binding(o, peNumber(head, 'head'), flat)));
});

peApi('alibiAttention', function alibiAttention(options, head, query) {
  const binding = peBinding('_alibiAttention'); // before the options: name the function, not its table
  const o = peSchemeOptions('alibi', options, '{ heads: 8, positions: 16 }', {});
  return peUnwrap(binding(o, peNumber(head, 'head'), peNumber(query, 'query')));
});

const peGridNames = { grid_height: 'gridHeight', grid_width: 'gridWidth' };

peApi('sincos2d', function sincos2d(options) {
  const binding = peBinding('_sincos2d'); // before the options: name the function, not its table
  const o = peSchemeOptions('sincos2d', options, '{ dModel: 768, gridHeight: 14, gridWidth: 14 }', {});
  return peUnwrap(binding(o), peGridNames);
});

peApi('grid2dSimilarity', function grid2dSimilarity(options, row, col, part) {
  const binding = peBinding('_grid2dSimilarity'); // before the options: name the function, not its table
  const o = peSchemeOptions('sincos2d', options, '{ dModel: 768, gridHeight: 14, gridWidth: 14 }', {});
  const which = peString(part === undefined ? 'all' : part, 'part');
  return peUnwrap(binding(o, peNumber(row, 'row'), peNumber(col, 'col'), which), peGridNames);
});

peApi('grid2dSimilarities', function grid2dSimilarities(options, row, col) {
  const binding = peBinding('_grid2dSimilarities'); // before the options: name the function, not its table
  const o = peSchemeOptions('sincos2d', options, '{ dModel: 768, gridHeight: 14, gridWidth: 14 }', {});
  return peUnwrap(binding(o, peNumber(row, 'row'), peNumber(col, 'col')), peGridNames);
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
