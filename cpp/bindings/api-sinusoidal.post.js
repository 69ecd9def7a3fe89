// The sinusoidal scheme's JavaScript API and the concept views' (documented in web/pe.d.ts): linked
// after api.post.js (whose helpers it uses) into the engines that have the sinusoidal scheme (pe.mjs,
// pe.js, pe.cjs, the embed's sinusoidal engine) and into a view's engine whose parts name one of
// encoding, analysis, concepts (CMakeLists.txt). Every other engine gets a not_in_build stub for each
// of these names instead (generated from the peApi calls here), so a figure's engine does not
// carry the text of functions it never calls.

/* global peApi, peBinding, peCheckKeys, peCheckObject, peClamped, peDescribe, peEncodingOptions, peFail, peInput, peLimits, peNumber, peNumbers, peString, peUnwrap, peViewOptions, peWellFormed */

// An array of strings, every index checked (holes included): the strings, well-formed.
function peStrings(values, name, min, max) {
  if (!Array.isArray(values)) {
    peFail('not_array', name, { expected: 'an array of strings', got: peDescribe(values) });
  }
  if (values.length > max) peFail('count_cap', name, { max: max, got: values.length }, 'size_limit');
  if (values.length < min) peFail('list_length', name, { max: max, got: values.length });
  const out = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    if (typeof values[i] !== 'string') {
      peFail('not_in_array', name, { index: i, expected: 'a string', got: peDescribe(values[i]) });
    }
    out[i] = peWellFormed(values[i]);
  }
  return out;
}

peApi('validate', function validate(options) {
  const o = peEncodingOptions(options, true);
  peUnwrap(peBinding('_validate')(o));
  return o;
});

peApi('sinusoidal', function sinusoidal(options) {
  return peUnwrap(peBinding('_sinusoidalView')(peEncodingOptions(options, true))).slice();
});

peApi('sinusoidalInto', function sinusoidalInto(target, options) {
  if (!(target instanceof Float32Array)) {
    peFail('not_array', 'target', { expected: 'a Float32Array', got: peDescribe(target) });
  }
  const o = peEncodingOptions(options, true);
  peUnwrap(peBinding('_validate')(o));
  if (target.length !== o.positions * o.dModel) {
    peFail('target_length', 'target', { expected: o.positions * o.dModel, got: target.length });
  }
  target.set(peUnwrap(peBinding('_sinusoidalView')(o)));
  return target;
});

peApi('dimensions', function dimensions(options) {
  const raw = peUnwrap(peBinding('_dimensions')(peEncodingOptions(options, false)));
  const waveNames = ['sin', 'cos', 'zero'];
  return {
    pair: raw.pair,
    wave: Array.from(raw.wave, (w) => waveNames[w]),
    omega: raw.omega,
    wavelength: raw.wavelength,
  };
});

peApi('columns', function columns(options, dims) {
  const o = peEncodingOptions(options, true);
  return peUnwrap(peBinding('_columns')(o, peNumbers(dims, 'dims', peLimits().maxColumns)));
});

peApi('vectorAt', function vectorAt(options, position) {
  return peUnwrap(peBinding('_vectorAt')(peEncodingOptions(options, false), peNumber(position, 'position')));
});

peApi('dotByOffset', function dotByOffset(options, firstOffset, count) {
  const o = peEncodingOptions(options, false);
  peNumber(firstOffset, 'firstOffset');
  peNumber(count, 'count');
  return peUnwrap(peBinding('_dotByOffset')(o, firstOffset, count), { offset: 'firstOffset' });
});

peApi('gram', function gram(options) {
  return peUnwrap(peBinding('_gram')(peEncodingOptions(options, true)));
});

peApi('rotationBlocks', function rotationBlocks(options, offset) {
  return peUnwrap(
    peBinding('_rotationBlocks')(peEncodingOptions(options, false), peNumber(offset, 'offset')),
  );
});

peApi('rotationResidual', function rotationResidual(options, position, offset) {
  const o = peEncodingOptions(options, false);
  return peUnwrap(
    peBinding('_rotationResidual')(o, peNumber(position, 'position'), peNumber(offset, 'offset')),
  );
});

peApi('renderEncoding', function renderEncoding(options, view) {
  const o = peEncodingOptions(options, true);
  const flat = peViewOptions(view, o.positions, o.dModel);
  return peClamped(peUnwrap(peBinding('_renderEncoding')(o, flat)));
});

// --- concepts (the explanation views) ---------------------------------------------------------------

function peLearned(options) {
  peCheckObject(options, 'options', '{ dModel: 64, maxLen: 512, seed: 1 }');
  peCheckKeys(options, { dModel: 0, maxLen: 0, seed: 0 }, 'option');
  if (options.dModel === undefined) peFail('required', 'dModel', {});
  if (options.maxLen === undefined) peFail('required', 'maxLen', {});
  return [
    peNumber(options.dModel, 'dModel'),
    peNumber(options.maxLen, 'maxLen'),
    peNumber(options.seed === undefined ? 1 : options.seed, 'seed'),
  ];
}

peApi('learnedTable', function learnedTable(options) {
  const [d, maxLen, seed] = peLearned(options);
  return peUnwrap(peBinding('_learnedTable')(d, maxLen, seed));
});

peApi('learnedRow', function learnedRow(options, position) {
  const [d, maxLen, seed] = peLearned(options);
  return peUnwrap(peBinding('_learnedRow')(d, maxLen, seed, peNumber(position, 'position')));
});

peApi('tokenize', function tokenize(text) {
  return peUnwrap(peBinding('_tokenize')(peWellFormed(peString(text, 'text'))));
});

peApi('embedTokens', function embedTokens(tokens, options) {
  const words = peStrings(tokens, 'tokens', 0, peLimits().maxTokens);
  peCheckObject(options, 'options', '{ dModel: 64, scale: 1 }');
  peCheckKeys(options, { dModel: 0, scale: 0 }, 'option');
  if (options.dModel === undefined) peFail('required', 'dModel', {});
  const d = peNumber(options.dModel, 'dModel');
  const scale = peNumber(options.scale === undefined ? 1 : options.scale, 'scale');
  if (words.length === 0) return new Float32Array(0);
  return peUnwrap(peBinding('_embedTokens')(words, d, scale));
});

peApi('project', function project(values, rows, cols, method) {
  peNumber(rows, 'rows');
  peNumber(cols, 'cols');
  const how = peString(method === undefined ? 'pca' : method, 'method');
  peInput(values, 'values');
  return peUnwrap(peBinding('_projectInput')(rows, cols, how));
});

peApi('closestPositions', function closestPositions(options) {
  return peUnwrap(peBinding('_closestPositions')(peEncodingOptions(options, true)));
});

peApi('wrongExponentWavelengths', function wrongExponentWavelengths(options) {
  return peUnwrap(peBinding('_wrongExponentWavelengths')(peEncodingOptions(options, false)));
});

peApi('wrongExponentColumns', function wrongExponentColumns(options, dims) {
  const o = peEncodingOptions(options, true);
  return peUnwrap(peBinding('_wrongExponentColumns')(o, peNumbers(dims, 'dims', peLimits().maxColumns)));
});

peApi('inputVectors', function inputVectors(tokens, options, scale, withPe) {
  const words = peStrings(tokens, 'tokens', 1, peLimits().maxTokens);
  peCheckObject(options, 'options', '{ dModel: 64 }');
  const o = peEncodingOptions(Object.assign({ positions: words.length }, options), true);
  const s = peNumber(scale === undefined ? 1 : scale, 'scale');
  return peUnwrap(peBinding('_inputVectors')(words, o, s, withPe !== false), { positions: 'positions' });
});

// The file pe-export writes. The page's engines and the embed's sinusoidal engine have the writers;
// an engine of parts (a scheme view's figures have no downloads) answers with a not_in_build PEError.
peApi('exportTable', function exportTable(options, format) {
  const binding = Module['_exportSinusoidal'];
  if (typeof binding !== 'function') peFail('not_in_build', 'exportTable', {});
  const o = peEncodingOptions(options, true);
  return peUnwrap(binding(o, peString(format === undefined ? 'npy' : format, 'format')));
});
