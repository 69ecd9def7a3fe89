// The public JavaScript API of the engine (documented in web/pe.d.ts and the README).
//
// Linked into both builds with --post-js, so it runs inside the module factory, where `Module` is the
// module object that createPE() resolves to. It checks JavaScript types and fills in defaults; the C++
// core checks ranges and writes every message about them. Raw embind functions start with "_" and
// return either a result or {error, parameter, code}; every public function copies results out of
// wasm memory, so what it returns belongs to the caller and stays valid whatever happens next.

// Errors are data: every PEError has `kind` (a key of the engine's message table, pe/messages.hpp),
// `args` (the named values of its message: min, max, got, ...; `name` is the parameter as the
// English text spells it), `parameter` (the caller's own option or argument name) and `code`. The
// English `message` is the template filled in; other languages format `kind` and `args` from their
// own tables (web/app/i18n). Bad input of any type (holes, BigInt, Symbols, exotic objects) is
// checked here, in JS, before anything reaches embind, so no embind handle outlives a call.

class PEError extends Error {
  constructor(message, parameter, code, kind, args) {
    super(message);
    this.name = 'PEError';
    this.parameter = parameter || '';
    this.code = code || 'invalid_argument';
    this.kind = kind || '';
    this.args = args || {};
  }
}

// The core's message table, and the schemes' own where this build has them (api-schemes.post.js).
let peTemplates = null;
function peTemplateOf(kind) {
  if (!peTemplates) {
    const extra = Module['_schemeMessageTemplates'];
    peTemplates = Object.freeze(Object.assign({}, Module['_messageTemplates'](), extra ? extra() : {}));
  }
  return peTemplates[kind];
}

function peFormat(text, args) {
  return text.replace(/\{(\w+)\}/g, (whole, key) =>
    Object.prototype.hasOwnProperty.call(args, key) ? String(args[key]) : whole,
  );
}

// Throws the PEError of `kind` about the caller's parameter `name`.
function peFail(kind, name, args, code) {
  const all = Object.assign({ name: name }, args);
  throw new PEError(peFormat(peTemplateOf(kind), all), name, code, kind, all);
}

// A short, language-neutral rendering of any value for "got ...": never throws, whatever it is.
function peDescribe(value) {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'bigint':
      return String(value) + 'n';
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return 'a Symbol';
    case 'function':
      return 'a function';
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array of ' + value.length;
  if (ArrayBuffer.isView(value)) {
    const tag = Object.prototype.toString.call(value).slice(8, -1);
    return 'a ' + tag + (typeof value.length === 'number' ? ' of ' + value.length : '');
  }
  return 'an object';
}

// The core names its parameters in snake_case; the caller spelled them differently. `renames` maps
// what one function calls a parameter in the core to the caller's name for it.
const peJsNames = { d_model: 'dModel', max_len: 'maxLen' };
function peUnwrap(result, renames) {
  if (result !== null && typeof result === 'object' && typeof result.error === 'string') {
    const core = result.parameter;
    const renamed = renames && renames[core];
    const parameter = renamed || peJsNames[core] || core;
    // A name only this function uses (firstOffset) goes into the text too; the shared ones
    // (d_model, max_len) keep the spelling of the docs and the CLI.
    const args = Object.assign({ name: core }, result.args);
    if (renamed) args.name = renamed;
    const message = renamed ? peFormat(peTemplateOf(result.kind), args) : result.error;
    throw new PEError(message, parameter, result.code, result.kind, args);
  }
  return result;
}

// The sinusoidal options and their defaults, from the engine's table (kSinusoidalParameters,
// spec.hpp): { dModel: undefined (required), positions: 1, start: 0, base: 10000, ... }.
let peEncodingDefaultsCache = null;
function peEncodingDefaults() {
  if (!peEncodingDefaultsCache) peEncodingDefaultsCache = Object.freeze(Module['_sinusoidalDefaults']());
  return peEncodingDefaultsCache;
}
const peViewDefaults = {
  width: undefined,
  height: undefined,
  map: 'diverging',
  low: -1,
  high: 1,
  region: undefined,
};

function peCheckObject(value, name, example) {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || ArrayBuffer.isView(value)) {
    peFail('not_object', name, { example: example, got: peDescribe(value) });
  }
  // An own "__proto__" key (JSON.parse makes one) is never an option: refused everywhere, before a
  // copy with Object.assign could turn it into the copy's prototype.
  if (Object.prototype.hasOwnProperty.call(value, '__proto__')) {
    peFail('unknown_key', '__proto__', {
      what: 'key in ' + name,
      got: '__proto__',
      allowed: 'the documented options',
    });
  }
}

function peCheckKeys(value, defaults, what) {
  for (const key of Object.keys(value)) {
    if (!Object.prototype.hasOwnProperty.call(defaults, key)) {
      peFail('unknown_key', key, { what: what, got: key, allowed: Object.keys(defaults).join(', ') });
    }
  }
}

function peNumber(value, name) {
  if (typeof value !== 'number') peFail('not_number', name, { got: peDescribe(value) });
  return value;
}

function peString(value, name) {
  if (typeof value !== 'string') peFail('not_string', name, { got: peDescribe(value) });
  return value;
}

/* exported peWellFormed, peNumbers, peEncodingOptions */

// Lone surrogates become U+FFFD: UTF-8 cannot hold them, and the encoder would otherwise pair two
// of them into a character the reader never typed.
function peWellFormed(text) {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

// An array of numbers (every index checked, holes included), copied to a plain array.
function peNumbers(values, name, max) {
  if (!Array.isArray(values)) {
    peFail('not_array', name, { expected: 'an array of numbers', got: peDescribe(values) });
  }
  if (values.length < 1 || values.length > max) {
    peFail('list_length', name, { max: max, got: values.length });
  }
  const out = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    if (typeof values[i] !== 'number') {
      peFail('not_in_array', name, { index: i, expected: 'a number', got: peDescribe(values[i]) });
    }
    out[i] = values[i];
  }
  return out;
}

// Checks types, fills defaults. dModel is always required; positions too where `needsPositions`.
function peEncodingOptions(options, needsPositions) {
  peCheckObject(options, 'options', '{ dModel: 64, positions: 100 }');
  const defaults = peEncodingDefaults();
  peCheckKeys(options, defaults, 'option');
  const out = {};
  for (const key of Object.keys(defaults)) {
    let value = options[key];
    if (value === undefined) {
      if (key === 'dModel' || (key === 'positions' && needsPositions)) peFail('required', key, {});
      value = defaults[key];
    }
    // A choice is text (its default is), the rest numbers.
    if (typeof defaults[key] === 'string') peString(value, key);
    else peNumber(value, key);
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
  const pick = (object, key, fallback) => (object[key] === undefined ? fallback : object[key]);
  return {
    width: peNumber(view.width, 'width'),
    height: peNumber(view.height, 'height'),
    map: peString(pick(view, 'map', 'diverging'), 'map'),
    low: peNumber(pick(view, 'low', -1), 'low'),
    high: peNumber(pick(view, 'high', 1), 'high'),
    row0: peNumber(pick(region, 'row0', 0), 'row0'),
    rows: peNumber(pick(region, 'rows', rows), 'rows'),
    col0: peNumber(pick(region, 'col0', 0), 'col0'),
    cols: peNumber(pick(region, 'cols', cols), 'cols'),
  };
}

// Copies numbers into the module's input buffer: a plain array of numbers (every index checked) or a
// numeric typed array (not BigInt64Array / BigUint64Array, whose BigInts are not numbers).
function peInput(values, name) {
  const typed = ArrayBuffer.isView(values) && !(values instanceof DataView);
  if (
    typed &&
    ((typeof BigInt64Array !== 'undefined' && values instanceof BigInt64Array) ||
      (typeof BigUint64Array !== 'undefined' && values instanceof BigUint64Array))
  ) {
    peFail('not_array', name, { expected: 'a Float32Array or an array of numbers', got: peDescribe(values) });
  }
  if (!typed && !Array.isArray(values)) {
    peFail('not_array', name, { expected: 'a Float32Array or an array of numbers', got: peDescribe(values) });
  }
  if (!typed) {
    for (let i = 0; i < values.length; i++) {
      if (typeof values[i] !== 'number') {
        peFail('not_in_array', name, { index: i, expected: 'a number', got: peDescribe(values[i]) });
      }
    }
  }
  const input = peUnwrap(peBinding('_inputView')(values.length), { values: name });
  input.set(values);
}

Module['PEError'] = PEError;

// The public function being called (the outermost peApi call), which a not_in_build PEError names.
let peCalling = '';

// A raw binding, or a PEError saying this engine has none: a figure's engine has only the parts its
// view names (CMakeLists.txt, "engine parts"), and the embed's sinusoidal engine no scheme's.
function peBinding(name, publicName) {
  const f = Module[name];
  if (typeof f !== 'function') peFail('not_in_build', publicName || peCalling || name.replace(/^_/, ''), {});
  return f;
}

// Every public function is defined through peApi; so are a scheme folder's (cpp/schemes/<name>/
// api.post.js), whose peApi('name', ...) calls the build reads to give the engine without the schemes
// a not_in_build stub for each (see peNotInBuild). A PEError passes through as it is. Anything else
// thrown from inside a call is a defect of ours, but it must not take down every figure that shares
// this engine: a C++ exception crosses into JavaScript as a bare number and a trap as a RuntimeError,
// and either skips the epilogues that give back the wasm stack (about 6,000 such calls used to
// exhaust it). So the stack pointer is put back and the caller gets a PEError naming the function.
function peApi(name, f) {
  const api = (Module[name] = function () {
    const stack = stackSave();
    const outermost = peCalling === '';
    if (outermost) peCalling = name;
    try {
      return f.apply(this, arguments);
    } catch (error) {
      if (error instanceof PEError) throw error;
      stackRestore(stack);
      const got = error instanceof Error ? error.name + ': ' + error.message : peDescribe(error);
      peFail('internal', name, { got: got.slice(0, 160) }, 'internal');
    } finally {
      if (outermost) peCalling = '';
    }
  });
  // Marks the public functions (with their arity), so tests and the adversarial script list them
  // from the engine itself rather than from a copy.
  Object.defineProperty(api, 'peApi', { value: f.length });
}

// Tables handed to callers are frozen all the way down: a page script that edits one must not change
// the defaults every later call reads.
function peDeepFreeze(value) {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) peDeepFreeze(value[key]);
  }
  return value;
}

// The bindings return pixels as a fresh Uint8Array (already a copy): the same bytes, seen as clamped.
function peClamped(bytes) {
  return new Uint8ClampedArray(bytes.buffer, bytes.byteOffset, bytes.length);
}

// Every cap, read from the engine (pe/*.hpp) once: never restated here.
let peLimitsCache = null;
function peLimits() {
  if (!peLimitsCache) {
    const extra = Module['_schemeLimits']; // the folder schemes' caps, where this build has them
    peLimitsCache = peDeepFreeze(Object.assign(Module['_limits'](), extra ? extra() : {}));
  }
  return peLimitsCache;
}

peApi('colorize', function colorize(values, options) {
  const o = options === undefined ? {} : options;
  peCheckObject(o, 'options', "{ map: 'viridis', low: -1, high: 1 }");
  peCheckKeys(o, { map: 0, low: 0, high: 0 }, 'option');
  const map = peString(o.map === undefined ? 'viridis' : o.map, 'map');
  const low = peNumber(o.low === undefined ? -1 : o.low, 'low');
  const high = peNumber(o.high === undefined ? 1 : o.high, 'high');
  if (values && values.length === 0 && (Array.isArray(values) || ArrayBuffer.isView(values))) {
    return new Uint8ClampedArray(0);
  }
  peInput(values, 'values');
  return peClamped(peUnwrap(peBinding('_colorizeInput')(map, low, high)));
});

peApi('renderMatrix', function renderMatrix(values, rows, cols, view) {
  peNumber(rows, 'rows');
  peNumber(cols, 'cols');
  const flat = peViewOptions(view, rows, cols);
  peInput(values, 'values');
  return peClamped(peUnwrap(peBinding('_renderInput')(rows, cols, flat)));
});

Object.defineProperty(Module, 'limits', { get: peLimits, enumerable: true });
Object.defineProperty(Module, 'messageTemplates', {
  get: () => (peTemplateOf('required'), peTemplates),
  enumerable: true,
});

// --- the functions of the parts this engine leaves out ----------------------------------------------
// Each scheme folder's functions (cpp/schemes/*/api.post.js) are in the engines whose parts name the
// folder; in every other engine each name answers with a PEError that says so, not a TypeError.
// The build's generated scheme-stubs post-js calls it with the folders' functions an engine lacks.
/* exported peNotInBuild */
function peNotInBuild(names) {
  for (const name of names) {
    peApi(name, function notInThisBuild() {
      peFail('not_in_build', name, {});
    });
  }
}
for (const name of ['schemes', 'numberFormats']) {
  Object.defineProperty(Module, name, {
    get: () => peFail('not_in_build', name, {}),
    enumerable: true,
    configurable: true, // api-schemes.post.js defines the real pe.schemes, precision's pe.numberFormats
  });
}
