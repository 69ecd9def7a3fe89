// The public JavaScript API of the engine (documented in web/pe.d.ts and the README).
//
// Linked into both builds with --post-js, so it runs inside the module factory, where `Module` is the
// module object that createPE() resolves to. It checks JavaScript types and fills in defaults; the C++
// core checks ranges and writes every message about them. Raw embind functions start with "_" and
// return either a result or {error, parameter, code}; every public function copies results out of
// wasm memory, so what it returns belongs to the caller and stays valid whatever happens next.

class PEError extends Error {
  constructor(message, parameter, code) {
    super(message);
    this.name = 'PEError';
    this.parameter = parameter || '';
    this.code = code || 'invalid_argument';
  }
}

const peJsNames = { d_model: 'dModel' };
const peEncodingDefaults = {
  dModel: undefined,
  positions: 1,
  start: 0,
  base: 10000,
  layout: 'interleaved',
  frequencies: 'paper',
};
const peViewDefaults = {
  width: undefined,
  height: undefined,
  map: 'diverging',
  low: -1,
  high: 1,
  region: undefined,
};

function peDescribe(value) {
  if (typeof value === 'string') return 'the string "' + value + '"';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value + ' ' + String(value);
}

function peUnwrap(result) {
  if (result !== null && typeof result === 'object' && typeof result.error === 'string') {
    throw new PEError(result.error, peJsNames[result.parameter] || result.parameter, result.code);
  }
  return result;
}

function peCheckObject(value, name, example) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PEError(name + ' must be an object like ' + example + '; got ' + peDescribe(value), name);
  }
}

function peCheckKeys(value, defaults, name) {
  for (const key of Object.keys(value)) {
    if (!Object.prototype.hasOwnProperty.call(defaults, key)) {
      throw new PEError(
        'unknown ' + name + ' "' + key + '"; known: ' + Object.keys(defaults).join(', '),
        key,
      );
    }
  }
}

function peNumber(value, name) {
  if (typeof value !== 'number')
    throw new PEError(name + ' must be a number; got ' + peDescribe(value), name);
  return value;
}

// Checks types, fills defaults. dModel is always required; positions too where `needsPositions`.
function peEncodingOptions(options, needsPositions) {
  peCheckObject(options, 'options', '{ dModel: 64, positions: 100 }');
  peCheckKeys(options, peEncodingDefaults, 'option');
  const out = {};
  for (const key of Object.keys(peEncodingDefaults)) {
    let value = options[key];
    if (value === undefined) {
      if (key === 'dModel' || (key === 'positions' && needsPositions)) {
        throw new PEError(key + ' is required', key);
      }
      value = peEncodingDefaults[key];
    }
    if (key === 'layout' || key === 'frequencies') {
      if (typeof value !== 'string')
        throw new PEError(key + ' must be a string; got ' + peDescribe(value), key);
    } else {
      peNumber(value, key);
    }
    out[key] = value;
  }
  return out;
}

// {width, height, map, low, high, region: {row0, rows, col0, cols}} -> the flat form the bindings read.
function peViewOptions(view, rows, cols) {
  peCheckObject(view, 'view', '{ width: 512, height: 256 }');
  peCheckKeys(view, peViewDefaults, 'view option');
  const region = view.region === undefined ? {} : view.region;
  peCheckObject(region, 'region', '{ row0: 0, rows: 100, col0: 0, cols: 64 }');
  peCheckKeys(region, { row0: 0, rows: 0, col0: 0, cols: 0 }, 'region field');
  if (typeof (view.map === undefined ? 'diverging' : view.map) !== 'string') {
    throw new PEError('map must be a string; got ' + peDescribe(view.map), 'map');
  }
  return {
    width: peNumber(view.width, 'width'),
    height: peNumber(view.height, 'height'),
    map: view.map === undefined ? 'diverging' : view.map,
    low: peNumber(view.low === undefined ? -1 : view.low, 'low'),
    high: peNumber(view.high === undefined ? 1 : view.high, 'high'),
    row0: peNumber(region.row0 === undefined ? 0 : region.row0, 'row0'),
    rows: peNumber(region.rows === undefined ? rows : region.rows, 'rows'),
    col0: peNumber(region.col0 === undefined ? 0 : region.col0, 'col0'),
    cols: peNumber(region.cols === undefined ? cols : region.cols, 'cols'),
  };
}

// Copies numbers into the module's input buffer (a plain array or any typed array).
function peInput(values, name) {
  if (!(ArrayBuffer.isView(values) || Array.isArray(values)) || values instanceof DataView) {
    throw new PEError(
      name + ' must be a Float32Array or an array of numbers; got ' + peDescribe(values),
      name,
    );
  }
  const input = peUnwrap(Module['_inputView'](values.length));
  input.set(values);
}

Module['PEError'] = PEError;

Module['validate'] = function validate(options) {
  const o = peEncodingOptions(options, true);
  peUnwrap(Module['_validate'](o));
  return o;
};

Module['sinusoidal'] = function sinusoidal(options) {
  return peUnwrap(Module['_sinusoidalView'](peEncodingOptions(options, true))).slice();
};

Module['sinusoidalInto'] = function sinusoidalInto(target, options) {
  if (!(target instanceof Float32Array)) {
    throw new PEError('target must be a Float32Array; got ' + peDescribe(target), 'target');
  }
  const view = peUnwrap(Module['_sinusoidalView'](peEncodingOptions(options, true)));
  if (target.length !== view.length) {
    throw new PEError(
      'target must hold positions x dModel = ' + view.length + ' floats; got ' + target.length,
      'target',
    );
  }
  target.set(view);
  return target;
};

Module['dimensions'] = function dimensions(options) {
  const raw = peUnwrap(Module['_dimensions'](peEncodingOptions(options, false)));
  const waveNames = ['sin', 'cos', 'zero'];
  return {
    pair: raw.pair,
    wave: Array.from(raw.wave, (w) => waveNames[w]),
    omega: raw.omega,
    wavelength: raw.wavelength,
  };
};

Module['columns'] = function columns(options, dims) {
  if (!Array.isArray(dims) || !dims.every((x) => typeof x === 'number')) {
    throw new PEError('dims must be an array of numbers; got ' + peDescribe(dims), 'dims');
  }
  return peUnwrap(Module['_columns'](peEncodingOptions(options, true), dims));
};

Module['vectorAt'] = function vectorAt(options, position) {
  return peUnwrap(Module['_vectorAt'](peEncodingOptions(options, false), peNumber(position, 'position')));
};

Module['dotByOffset'] = function dotByOffset(options, firstOffset, count) {
  const o = peEncodingOptions(options, false);
  return peUnwrap(Module['_dotByOffset'](o, peNumber(firstOffset, 'firstOffset'), peNumber(count, 'count')));
};

Module['gram'] = function gram(options) {
  return peUnwrap(Module['_gram'](peEncodingOptions(options, true)));
};

Module['rotationBlocks'] = function rotationBlocks(options, offset) {
  return peUnwrap(Module['_rotationBlocks'](peEncodingOptions(options, false), peNumber(offset, 'offset')));
};

Module['rotationResidual'] = function rotationResidual(options, position, offset) {
  const o = peEncodingOptions(options, false);
  return peUnwrap(Module['_rotationResidual'](o, peNumber(position, 'position'), peNumber(offset, 'offset')));
};

Module['colorize'] = function colorize(values, options) {
  const o = options === undefined ? {} : options;
  peCheckObject(o, 'options', "{ map: 'viridis', low: -1, high: 1 }");
  peCheckKeys(o, { map: 0, low: 0, high: 0 }, 'option');
  if (values && values.length === 0) return new Uint8ClampedArray(0);
  peInput(values, 'values');
  const map = o.map === undefined ? 'viridis' : o.map;
  if (typeof map !== 'string') throw new PEError('map must be a string; got ' + peDescribe(map), 'map');
  const low = peNumber(o.low === undefined ? -1 : o.low, 'low');
  const high = peNumber(o.high === undefined ? 1 : o.high, 'high');
  return new Uint8ClampedArray(peUnwrap(Module['_colorizeInput'](map, low, high)));
};

Module['renderMatrix'] = function renderMatrix(values, rows, cols, view) {
  peNumber(rows, 'rows');
  peNumber(cols, 'cols');
  const flat = peViewOptions(view, rows, cols);
  peInput(values, 'values');
  return new Uint8ClampedArray(peUnwrap(Module['_renderInput'](rows, cols, flat)));
};

Module['renderEncoding'] = function renderEncoding(options, view) {
  const o = peEncodingOptions(options, true);
  const flat = peViewOptions(view, o.positions, o.dModel);
  return new Uint8ClampedArray(peUnwrap(Module['_renderEncoding'](o, flat)));
};

Module['limits'] = {
  get maxDModel() {
    return Module['MAX_D_MODEL'];
  },
  get maxPositions() {
    return Module['MAX_POSITIONS'];
  },
  get maxElements() {
    return Module['MAX_ELEMENTS'];
  },
  get maxPosition() {
    return Module['MAX_POSITION'];
  },
  get maxGramPositions() {
    return Module['MAX_GRAM_POSITIONS'];
  },
};

// --- concepts (the explanation views) ---------------------------------------------------------------

function peLearned(options) {
  peCheckObject(options, 'options', '{ dModel: 64, maxLen: 512, seed: 1 }');
  peCheckKeys(options, { dModel: 0, maxLen: 0, seed: 0 }, 'option');
  return [
    peNumber(options.dModel, 'dModel'),
    peNumber(options.maxLen, 'maxLen'),
    peNumber(options.seed === undefined ? 1 : options.seed, 'seed'),
  ];
}

Module['learnedTable'] = function learnedTable(options) {
  const [d, maxLen, seed] = peLearned(options);
  return peUnwrap(Module['_learnedTable'](d, maxLen, seed));
};

Module['learnedRow'] = function learnedRow(options, position) {
  const [d, maxLen, seed] = peLearned(options);
  return peUnwrap(Module['_learnedRow'](d, maxLen, seed, peNumber(position, 'position')));
};

Module['tokenize'] = function tokenize(text) {
  if (typeof text !== 'string') throw new PEError('text must be a string; got ' + peDescribe(text), 'text');
  return peUnwrap(Module['_tokenize'](text));
};

Module['embedTokens'] = function embedTokens(tokens, options) {
  if (!Array.isArray(tokens) || !tokens.every((x) => typeof x === 'string')) {
    throw new PEError('tokens must be an array of strings; got ' + peDescribe(tokens), 'tokens');
  }
  peCheckObject(options, 'options', '{ dModel: 64, scale: 1 }');
  peCheckKeys(options, { dModel: 0, scale: 0 }, 'option');
  if (tokens.length === 0) return new Float32Array(0);
  const scale = options.scale === undefined ? 1 : options.scale;
  return peUnwrap(
    Module['_embedTokens'](tokens, peNumber(options.dModel, 'dModel'), peNumber(scale, 'scale')),
  );
};

Module['project'] = function project(values, rows, cols, method) {
  peNumber(rows, 'rows');
  peNumber(cols, 'cols');
  const how = method === undefined ? 'pca' : method;
  if (typeof how !== 'string') throw new PEError('method must be a string; got ' + peDescribe(how), 'method');
  peInput(values, 'values');
  return peUnwrap(Module['_projectInput'](rows, cols, how));
};

Module['closestPositions'] = function closestPositions(options) {
  return peUnwrap(Module['_closestPositions'](peEncodingOptions(options, true)));
};

Module['wrongExponentWavelengths'] = function wrongExponentWavelengths(options) {
  return peUnwrap(Module['_wrongExponentWavelengths'](peEncodingOptions(options, false)));
};

Module['wrongExponentColumns'] = function wrongExponentColumns(options, dims) {
  if (!Array.isArray(dims) || !dims.every((x) => typeof x === 'number')) {
    throw new PEError('dims must be an array of numbers; got ' + peDescribe(dims), 'dims');
  }
  return peUnwrap(Module['_wrongExponentColumns'](peEncodingOptions(options, true), dims));
};

Module['inputVectors'] = function inputVectors(tokens, options, scale, withPe) {
  if (!Array.isArray(tokens) || !tokens.every((x) => typeof x === 'string') || tokens.length === 0) {
    throw new PEError('tokens must be a non-empty array of strings; got ' + peDescribe(tokens), 'tokens');
  }
  const o = peEncodingOptions(Object.assign({ positions: tokens.length }, options), true);
  return peUnwrap(
    Module['_inputVectors'](tokens, o, peNumber(scale === undefined ? 1 : scale, 'scale'), withPe !== false),
  );
};
