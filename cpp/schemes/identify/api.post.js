// Which convention made a table: this folder's part of the public JS API (types in web/pe.d.ts).
// CMake links it after cpp/bindings/api.post.js and api-schemes.post.js, whose helpers it uses; in
// an engine without the folder, identifyTable answers with a not_in_build PEError.
/* global peApi, peBinding, peCheckKeys, peCheckObject, peDescribe, peFail, peLimits, peString, peUnwrap, peWellFormed */

// What `against` may hold: a ropeFromConfig(...).layerTypes entry, or sinusoidal options.
const peAgainstKeys = {
  numbers: [
    'theta',
    'attentionScaling',
    'headDim',
    'rotaryDim',
    'start',
    'base',
    'dModel',
    'positions',
    'window',
  ],
  strings: ['ropeType', 'rotatedSlice', 'pairing', 'attention', 'layout', 'frequencies', 'odd'],
  booleans: ['rope'],
  // The layer type's scaling block and the curves drawn from it (ropeFromConfig's `scaling`, `ramp`,
  // `wavelengths`): its frequencies are invFreq already, so these are taken and left unread.
  unread: ['scaling', 'ramp', 'wavelengths'],
};

// A copy of `against` that JSON can carry: every value checked for its type here (NaN and
// Infinity travel as text, so the core names them), invFreq as a plain array.
function peAgainstJson(against) {
  const example = "pe.ropeFromConfig(text).layerTypes.full_attention or { layout: 'split', base: 10000 }";
  peCheckObject(against, 'against', example);
  const known = {};
  for (const list of Object.values(peAgainstKeys)) for (const key of list) known[key] = 0;
  known.invFreq = 0;
  peCheckKeys(against, known, 'key in against');
  const out = {};
  for (const key of Object.keys(against)) {
    const value = against[key];
    if (value === undefined || peAgainstKeys.unread.includes(key)) continue;
    if (key === 'invFreq') {
      const typed =
        ArrayBuffer.isView(value) && !(value instanceof DataView) && typeof value.length === 'number';
      if (!typed && !Array.isArray(value)) {
        peFail('not_array', 'invFreq', {
          expected: 'a Float64Array or an array of numbers',
          got: peDescribe(value),
        });
      }
      if (value.length > peLimits().maxHeadDim / 2 || value.length === 0) {
        peFail('list_length', 'invFreq', { max: peLimits().maxHeadDim / 2, got: value.length });
      }
      out.invFreq = Array.from(value, (x, i) => {
        if (typeof x !== 'number') {
          peFail('not_in_array', 'invFreq', { index: i, expected: 'a number', got: peDescribe(x) });
        }
        return Number.isFinite(x) ? x : String(x);
      });
    } else if (peAgainstKeys.numbers.includes(key)) {
      if (value === null && key === 'window') continue;
      if (typeof value !== 'number') peFail('not_number', key, { got: peDescribe(value) });
      out[key] = Number.isFinite(value) ? value : String(value);
    } else if (peAgainstKeys.strings.includes(key)) {
      out[key] = peString(value, key).slice(0, 200);
    } else if (typeof value !== 'boolean') {
      peFail('not_boolean', key, { got: peDescribe(value) });
    } else {
      out[key] = value;
    }
  }
  return JSON.stringify(out);
}

peApi('identifyTable', function identifyTable(bytes, options) {
  const binding = peBinding('_identifyTable', 'identifyTable');
  if (!(bytes instanceof Uint8Array)) {
    peFail('not_array', 'bytes', {
      expected: 'a Uint8Array holding a whole .npy or .safetensors file',
      got: peDescribe(bytes),
    });
  }
  const cap = peLimits().maxTableFileBytes;
  if (bytes.length > cap) peFail('count_cap', 'bytes', { max: cap, got: bytes.length }, 'size_limit');
  const opts = options === undefined ? {} : options;
  peCheckObject(
    opts,
    'options',
    "{ tensor: 'cos', against: pe.ropeFromConfig(text).layerTypes.full_attention }",
  );
  peCheckKeys(opts, { tensor: 0, against: 0, bfloat16: 0 }, 'option');
  const tensor = opts.tensor === undefined ? '' : peWellFormed(peString(opts.tensor, 'tensor'));
  if (tensor.length > 4096) peFail('text_cap', 'tensor', { max: 4096, got: tensor.length }, 'size_limit');
  if (opts.bfloat16 !== undefined && typeof opts.bfloat16 !== 'boolean') {
    peFail('not_boolean', 'bfloat16', { got: peDescribe(opts.bfloat16) });
  }
  const against = opts.against === undefined || opts.against === null ? '' : peAgainstJson(opts.against);
  if (bytes.length === 0) peFail('file_short', 'header_len', { size: 0, need: 8 });
  peUnwrap(Module['_identifyInput'](bytes.length)).set(bytes);
  return JSON.parse(peUnwrap(binding(tensor, opts.bfloat16 === true, against, bytes.length)));
});

// The figure's samples, written by the engine (identify.hpp, identify_sample): a table and the
// engine options that write the same table (pe.ropeTables / pe.sinusoidal).
peApi('identifySample', function identifySample(name) {
  const binding = peBinding('_identifySample', 'identifySample');
  const text = peWellFormed(peString(name, 'name')).slice(0, 200);
  const sample = peUnwrap(binding(text));
  return {
    name: text,
    options: JSON.parse(sample.options),
    shape: [sample.rows, sample.cols],
    values: sample.values,
  };
});
