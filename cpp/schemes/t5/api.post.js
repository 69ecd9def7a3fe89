// T5's relative position buckets: this scheme's part of the public JS API (types in web/pe.d.ts).
// CMake links it after cpp/bindings/api.post.js and api-schemes.post.js, whose helpers it uses, into
// the engines that have the schemes; in the embed's sinusoidal engine both names answer with a
// not_in_build PEError (a stub CMake generates from the peApi calls below).
/* global peApi, peLimits, peNumberList, peOptionsOnly, peSchemeOptions, peUnwrap */

// The core's names of the parameters, as the caller spells them.
const peT5Names = {
  num_buckets: 'numBuckets',
  max_distance: 'maxDistance',
  relative_positions: 'relativePositions',
};

peApi('t5Buckets', function t5Buckets(options, relativePositions) {
  const example = '{ bidirectional: true, numBuckets: 32, maxDistance: 128 }';
  const given = options === undefined ? {} : options;
  const o = peSchemeOptions('t5', given, example, {}, ['queries', 'keys']);
  peOptionsOnly(given, o, ['queries', 'keys']);
  const values = peNumberList(
    relativePositions,
    'relativePositions',
    'an array or typed array of integers (key position - query position)',
    peLimits().maxT5RelativePositions,
  );
  // float64 in wasm memory: every integer up to the cap exactly; the core checks each one.
  if (values.length > 0) peUnwrap(Module['_t5InputView'](values.length), peT5Names).set(values);
  return peUnwrap(Module['_t5Buckets'](o, values.length), peT5Names);
});

peApi('t5BucketMatrix', function t5BucketMatrix(options) {
  const example = '{ bidirectional: true, numBuckets: 32, maxDistance: 128, queries: 64, keys: 64 }';
  return peUnwrap(Module['_t5BucketMatrix'](peSchemeOptions('t5', options, example, {})), peT5Names);
});
