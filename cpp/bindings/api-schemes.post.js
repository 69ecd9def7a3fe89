// The further public API of the legacy scheme parts (precision and the config reader), and the
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
