// Multimodal RoPE (Qwen2-VL, Qwen2.5-VL, Qwen3-VL): this scheme's part of the public JS API (types
// in web/pe.d.ts). CMake links it after cpp/bindings/api.post.js and api-schemes.post.js, whose
// helpers it uses, into the engines that have the schemes; elsewhere each name answers with a
// not_in_build PEError.
/* global peApi, peCheckKeys, peCheckObject, peDescribe, peFail, peLimits, peNumbers, peOptionsOnly, peSchemeOptions, peUnwrap */

// The core's names of the parameters, as the caller spells them.
const peMropeNames = {
  spatial_merge_size: 'spatialMergeSize',
  tokens_per_second: 'tokensPerSecond',
  head_dim: 'headDim',
  mrope_section: 'mropeSection',
};

const peSegmentExample =
  '{ text: 5 }, { image: [1, 28, 28] } or { video: [4, 28, 28], secondPerGridT: 1, timestampTokens: 6 }';

// Six numbers per segment (kind, count or t, h, w, secondPerGridT, timestampTokens), as the binding
// reads them; the core checks every value.
function peMropeSegments(segments) {
  if (!Array.isArray(segments)) {
    peFail('not_array', 'segments', {
      expected: 'an array of ' + peSegmentExample,
      got: peDescribe(segments),
    });
  }
  const most = peLimits().maxMropeSegments;
  if (segments.length > most)
    peFail('count_cap', 'segments', { max: most, got: segments.length }, 'size_limit');
  const flat = new Float64Array(segments.length * 6);
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    const bad = () =>
      peFail('not_in_array', 'segments', {
        index: i,
        expected: 'one of ' + peSegmentExample,
        got: peDescribe(s),
      });
    if (s === null || typeof s !== 'object' || Array.isArray(s) || ArrayBuffer.isView(s)) bad();
    peCheckObject(s, 'segments', peSegmentExample);
    const kinds = ['text', 'image', 'video'].filter((k) => s[k] !== undefined);
    if (kinds.length !== 1) bad();
    const kind = kinds[0];
    const known = kind === 'video' ? { video: 0, secondPerGridT: 0, timestampTokens: 0 } : { [kind]: 0 };
    peCheckKeys(s, known, 'key in segments[' + i + ']');
    const row = flat.subarray(i * 6, i * 6 + 6);
    if (kind === 'text') {
      if (typeof s.text !== 'number') bad();
      row.set([0, s.text, 0, 0, 0, 0]);
      continue;
    }
    const grid = s[kind];
    if (!Array.isArray(grid) || grid.length !== 3 || grid.some((v) => typeof v !== 'number')) {
      peFail('not_in_array', 'segments', {
        index: i,
        expected: '{ ' + kind + ': [t, h, w] }, three numbers (the patch grid before merging)',
        got: peDescribe(grid),
      });
    }
    const seconds = s.secondPerGridT === undefined ? 1 : s.secondPerGridT;
    const timestamps = s.timestampTokens === undefined ? 0 : s.timestampTokens;
    if (typeof seconds !== 'number' || typeof timestamps !== 'number') {
      peFail('not_in_array', 'segments', {
        index: i,
        expected: 'secondPerGridT and timestampTokens as numbers',
        got: peDescribe(typeof seconds !== 'number' ? seconds : timestamps),
      });
    }
    row.set([kind === 'image' ? 1 : 2, grid[0], grid[1], grid[2], seconds, timestamps]);
  }
  return flat;
}

peApi('mropePositionIds', function mropePositionIds(segments, options) {
  const example = "{ model: 'qwen2.5-vl', spatialMergeSize: 2, tokensPerSecond: 2 }";
  const flat = peMropeSegments(segments);
  const given = options === undefined ? {} : options;
  const o = peSchemeOptions('mrope', given, example, {}, ['segments']);
  peOptionsOnly(given, o, ['segments']); // an argument here; an option only on pe-export's command line
  // float64 in wasm memory (the shared position buffer); at most 6 x maxMropeSegments numbers.
  if (flat.length > 0) peUnwrap(Module['_positionsView'](flat.length)).set(flat);
  return peUnwrap(Module['_mropePositionIds'](o, segments.length), peMropeNames);
});

peApi('mropeAxes', function mropeAxes(options) {
  const example = '{ headDim: 128, mropeSection: [16, 24, 24], interleaved: false }';
  peCheckObject(options, 'options', example);
  peCheckKeys(options, { headDim: 0, mropeSection: 0, interleaved: 0 }, 'option');
  if (options.headDim === undefined) peFail('required', 'headDim', {});
  if (typeof options.headDim !== 'number')
    peFail('not_number', 'headDim', { got: peDescribe(options.headDim) });
  if (options.mropeSection === undefined) peFail('required', 'mropeSection', {});
  const interleaved = options.interleaved === undefined ? false : options.interleaved;
  if (typeof interleaved !== 'boolean')
    peFail('not_boolean', 'interleaved', { got: peDescribe(interleaved) });
  const o = {
    headDim: options.headDim,
    mropeSection: peNumbers(options.mropeSection, 'mropeSection', 64),
    interleaved,
  };
  return peUnwrap(Module['_mropeAxes'](o), peMropeNames);
});
