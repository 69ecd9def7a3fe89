// Axial RoPE (FLUX's EmbedND) and the Qwen-VL vision tower's 2-D RoPE: this scheme's part of the
// public JS API (types in web/pe.d.ts). CMake links it after cpp/bindings/api.post.js and
// api-schemes.post.js, whose helpers it uses; elsewhere each name answers with a not_in_build PEError.
/* global peApi, peCheckKeys, peCheckObject, peDescribe, peFail, peLimits, peNumberList, peNumbers, peOptionsOnly, peSchemeOptions, peUnwrap */

const peAxialNames = { axes_dim: 'axesDim', head_dim: 'headDim', spatial_merge_size: 'spatialMergeSize' };

peApi('axialRopeAngles', function axialRopeAngles(options, ids) {
  const example = '{ axesDim: [16, 56, 56], theta: 10000 }';
  const exportOnly = ['gridHeight', 'gridWidth', 'textTokens']; // pe-export's FLUX ids
  const given = options === undefined ? {} : options;
  const o = peSchemeOptions('axial', given, example, {}, exportOnly);
  peOptionsOnly(given, o, exportOnly);
  // ids: tokens x axes, row-major.
  const expected = 'an array or typed array of numbers, tokens x axes (row-major)';
  peNumberList(ids, 'ids', expected, peLimits().maxAxialAngles);
  if (ids.length > 0) peUnwrap(Module['_axialInputView'](ids.length), peAxialNames).set(ids);
  return peUnwrap(Module['_axialRopeAngles'](o, ids.length), peAxialNames);
});

peApi('visionRopeAngles', function visionRopeAngles(options) {
  const example = '{ headDim: 80, theta: 10000, grid: [1, 28, 40], spatialMergeSize: 2 }';
  peCheckObject(options, 'options', example);
  const defaults = { headDim: undefined, theta: 10000, grid: undefined, spatialMergeSize: 2 };
  peCheckKeys(options, defaults, 'option');
  const o = {};
  for (const name of ['headDim', 'theta', 'spatialMergeSize']) {
    const value = options[name] === undefined ? defaults[name] : options[name];
    if (value === undefined) peFail('required', name, {});
    if (typeof value !== 'number') peFail('not_number', name, { got: peDescribe(value) });
    o[name] = value;
  }
  if (options.grid === undefined) peFail('required', 'grid', {});
  o.grid = peNumbers(options.grid, 'grid', 3);
  return peUnwrap(Module['_visionRopeAngles'](o), peAxialNames);
});
