// ALiBi: this scheme's part of the public JS API (types in web/pe.d.ts). CMake links it after
// cpp/bindings/api.post.js and api-schemes.post.js, whose helpers it uses, into the engines that have
// this folder; in the others every name below answers with a not_in_build PEError (a stub CMake
// generates from the peApi calls).
/* global peApi, peCheckKeys, peCheckObject, peClamped, peNumber, peSchemeNames, peSchemeOptions, peUnwrap */

peApi('alibiSlopes', function alibiSlopes(heads) {
  return peUnwrap(Module['_alibiSlopes'](peNumber(heads, 'heads')), peSchemeNames('alibi'));
});

peApi('alibiBias', function alibiBias(options) {
  const o = peSchemeOptions('alibi', options, '{ heads: 8, positions: 16 }', {});
  return peUnwrap(Module['_alibiBias'](o), peSchemeNames('alibi'));
});

// One head's bias at canvas resolution, for sequences up to maxPositions (no heads x positions^2 tensor).
peApi('renderAlibi', function renderAlibi(options, head, view) {
  peCheckObject(options, 'options', '{ heads: 8, positions: 65536 }');
  // positions is checked by the engine against maxPositions, not the scheme table's tensor cap.
  const o = peSchemeOptions(
    'alibi',
    Object.assign({}, options, { positions: 1 }),
    '{ heads: 8, positions: 65536 }',
    {},
  );
  o.positions = peNumber(options.positions, 'positions');
  peCheckObject(view, 'view', '{ width: 256, height: 256 }');
  peCheckKeys(view, { width: 0, height: 0, low: -1, high: 0 }, 'view option');
  const flat = { width: peNumber(view.width, 'width'), height: peNumber(view.height, 'height') };
  flat.low = peNumber(view.low === undefined ? -1 : view.low, 'low');
  flat.high = peNumber(view.high === undefined ? 0 : view.high, 'high');
  return peClamped(peUnwrap(Module['_renderAlibi'](o, peNumber(head, 'head'), flat), peSchemeNames('alibi')));
});

peApi('alibiAttention', function alibiAttention(options, head, query) {
  const o = peSchemeOptions('alibi', options, '{ heads: 8, positions: 16 }', {});
  return peUnwrap(
    Module['_alibiAttention'](o, peNumber(head, 'head'), peNumber(query, 'query')),
    peSchemeNames('alibi'),
  );
});
