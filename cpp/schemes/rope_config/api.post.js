// A model's config.json read as the reference library reads it: this part's public JS API (types in
// web/pe.d.ts). CMake links it after cpp/bindings/api.post.js and api-schemes.post.js, whose helpers
// it uses, into the engines that have the part (the views that read configs name it: engine:
// ['rope', 'rope_config']); elsewhere each name answers with a not_in_build PEError.
/* global TextEncoder, peApi, peBinding, peCheckKeys, peCheckObject, peFail, peLimits, peNumber, peString, peUnwrap, peWellFormed */

// The core reads the text (its keys, defaults, warnings and caps) and writes the reading as JSON
// (rope_config.hpp); here only the types are checked and the frequencies made Float64Arrays.
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
