// Precision (float32, float16, bfloat16): this part's public JS API (types in web/pe.d.ts). CMake
// links it after cpp/bindings/api.post.js and api-schemes.post.js, whose helpers it uses, into the
// engines that have the part (with RoPE's, whose options and names it takes: engine: ['precision',
// 'rope', 'analysis']); elsewhere each name answers with a not_in_build PEError, and pe.numberFormats
// with api.post.js's.
/* global peApi, peBinding, peCheckKeys, peCheckObject, peClamped, peDeepFreeze, peDescribe, peEncodingOptions, peFail, peLimits, peNumber, peNumbers, peRopeNames, peSchemeOptions, peString, peUnwrap */

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
