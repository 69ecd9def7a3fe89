// 2-D sin-cos of image patches (scheme sincos2d): this folder's part of the public JS API (types in
// web/pe.d.ts). CMake links it after cpp/bindings/api.post.js and api-schemes.post.js, whose helpers
// it uses, into the engines that have this folder; in the others every name below answers with a
// not_in_build PEError (a stub CMake generates from the peApi calls).
/* global peApi, peNumber, peSchemeNames, peSchemeOptions, peString, peUnwrap */

const peGridExample = '{ dModel: 768, gridHeight: 14, gridWidth: 14 }';

peApi('sincos2d', function sincos2d(options) {
  const o = peSchemeOptions('sincos2d', options, peGridExample, {});
  return peUnwrap(Module['_sincos2d'](o), peSchemeNames('sincos2d'));
});

peApi('grid2dSimilarity', function grid2dSimilarity(options, row, col, part) {
  const o = peSchemeOptions('sincos2d', options, peGridExample, {});
  const which = peString(part === undefined ? 'all' : part, 'part');
  const similarity = Module['_grid2dSimilarity'](o, peNumber(row, 'row'), peNumber(col, 'col'), which);
  return peUnwrap(similarity, peSchemeNames('sincos2d'));
});

peApi('grid2dSimilarities', function grid2dSimilarities(options, row, col) {
  const o = peSchemeOptions('sincos2d', options, peGridExample, {});
  const similarities = Module['_grid2dSimilarities'](o, peNumber(row, 'row'), peNumber(col, 'col'));
  return peUnwrap(similarities, peSchemeNames('sincos2d'));
});
