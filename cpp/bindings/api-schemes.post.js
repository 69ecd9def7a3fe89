// The page engine's further public API: RoPE, ALiBi, 2-D sin-cos, the file writers and precision.
// Linked with --post-js after api.post.js (whose helpers it uses) into the page's engine flavours
// only; api.post.js defines a PEError-throwing stub for each of these names for the embed's engine.
/* global peClamped, peCheckKeys, peCheckObject, peDescribe, peEncodingOptions, peFail, peInput, peLimits, peNumber, peNumbers, peString, peUnwrap */

// A binding of the scheme units, or a PEError saying this build has none (the embed's engine).
function peBinding(name, publicName) {
  const f = Module[name];
  if (typeof f !== 'function') peFail('not_in_build', publicName || name.replace(/^_|Input$/g, ''), {});
  return f;
}

// --- schemes beyond the sinusoidal one: their parameters come from the engine's table ----------------

let peSchemeTable = null;
function peSchemeInfo(scheme) {
  if (!peSchemeTable) peSchemeTable = Object.freeze(peBinding('_schemes')());
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
    if (p.type === 'choice') peString(value, p.name);
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

const peRopeNames = { head_dim: 'headDim', rotary_dim: 'rotaryDim', max_distance: 'maxDistance' };

Module['ropeFrequencies'] = function ropeFrequencies(options) {
  const binding = peBinding('_ropeFrequencies'); // before the options: name the function, not its table
  const o = peSchemeOptions('rope', options, '{ headDim: 128, theta: 10000 }', {}, ['positions', 'start']);
  return peUnwrap(binding(o), peRopeNames);
};

Module['ropeApply'] = function ropeApply(vectors, options) {
  const binding = peBinding('_ropeApplyInput'); // before the options: name the function, not its table
  const o = peSchemeOptions('rope', options, '{ headDim: 64, start: 0 }', {}, ['positions']);
  peInput(vectors, 'vectors');
  const rows = Math.floor(vectors.length / o.headDim) || 1;
  let positions = options.positions;
  if (positions === undefined) {
    positions = Array.from({ length: rows }, (_, r) => o.start + r);
  } else {
    positions = peNumbers(positions, 'positions', peLimits().maxPositions);
  }
  // The vectors are in the input buffer (above); the positions go to their own buffer.
  peUnwrap(Module['_positionsView'](positions.length)).set(positions);
  return peUnwrap(binding(o), peRopeNames);
};

Module['ropeScores'] = function ropeScores(q, k, options) {
  const binding = peBinding('_ropeScoresInput'); // before the options: name the function, not its table
  const o = peSchemeOptions('rope', options, '{ headDim: 64, maxDistance: 256 }', { maxDistance: 256 }, [
    'positions',
    'start',
  ]);
  peNumber(o.maxDistance, 'maxDistance');
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
  return peUnwrap(binding(o, o.maxDistance), peRopeNames);
};

Module['ropeTables'] = function ropeTables(options) {
  const binding = peBinding('_ropeTables'); // before the options: name the function, not its table
  const o = peSchemeOptions('rope', options, '{ headDim: 64, positions: 100 }', {});
  return peUnwrap(binding(o, o.start, o.positions), peRopeNames);
};

Module['alibiSlopes'] = function alibiSlopes(heads) {
  const binding = peBinding('_alibiSlopes'); // before the options: name the function, not its table
  return peUnwrap(binding(peNumber(heads, 'heads')));
};

Module['alibiBias'] = function alibiBias(options) {
  const binding = peBinding('_alibiBias'); // before the options: name the function, not its table
  const o = peSchemeOptions('alibi', options, '{ heads: 8, positions: 16 }', {});
  return peUnwrap(binding(o));
};

Module['alibiAttention'] = function alibiAttention(options, head, query) {
  const binding = peBinding('_alibiAttention'); // before the options: name the function, not its table
  const o = peSchemeOptions('alibi', options, '{ heads: 8, positions: 16 }', {});
  return peUnwrap(binding(o, peNumber(head, 'head'), peNumber(query, 'query')));
};

const peGridNames = { grid_height: 'gridHeight', grid_width: 'gridWidth' };

Module['sincos2d'] = function sincos2d(options) {
  const binding = peBinding('_sincos2d'); // before the options: name the function, not its table
  const o = peSchemeOptions('sincos2d', options, '{ dModel: 768, gridHeight: 14, gridWidth: 14 }', {});
  return peUnwrap(binding(o), peGridNames);
};

Module['grid2dSimilarity'] = function grid2dSimilarity(options, row, col, part) {
  const binding = peBinding('_grid2dSimilarity'); // before the options: name the function, not its table
  const o = peSchemeOptions('sincos2d', options, '{ dModel: 768, gridHeight: 14, gridWidth: 14 }', {});
  const which = peString(part === undefined ? 'all' : part, 'part');
  return peUnwrap(binding(o, peNumber(row, 'row'), peNumber(col, 'col'), which), peGridNames);
};

Module['exportTable'] = function exportTable(options, format) {
  const binding = peBinding('_exportSinusoidal', 'exportTable'); // before the options
  const o = peEncodingOptions(options, true);
  return peUnwrap(binding(o, peString(format === undefined ? 'npy' : format, 'format')));
};

// --- precision: float32, float16, bfloat16 -----------------------------------------------------------

Module['roundTo'] = function roundTo(values, format) {
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
};

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

Module['precisionError'] = function precisionError(options, how) {
  const binding = peBinding('_precisionError', 'precisionError');
  const { o, rope } = pePrecisionOptions(options);
  const { format, stage } = peFormatAndStage(how);
  return peUnwrap(binding(o, rope, o.start, o.positions, format, stage), peRopeNames);
};

// The heatmap of precisionError at canvas resolution, for ranges up to maxPosition positions: the
// options' `positions` and `start` are the range (not a table: nothing positions x pairs is made).
const pePrecisionViewDefaults = { width: 0, height: 0, pair0: 0, pairs: -1, samples: 8, low: 1e-8, high: 2 };
Module['renderPrecision'] = function renderPrecision(options, how, view) {
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
};

let peFormats = null;
Object.defineProperty(Module, 'numberFormats', {
  get: () => peFormats || (peFormats = Object.freeze(peBinding('_numberFormats', 'numberFormats')())),
  enumerable: true,
});

Object.defineProperty(Module, 'schemes', {
  get: () => (peSchemeInfo('sinusoidal'), peSchemeTable),
  enumerable: true,
});
