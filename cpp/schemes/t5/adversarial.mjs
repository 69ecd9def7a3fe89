// @ts-check
// T5's part of the adversarial round (tests/reliability/adversarial.mjs globs every folder's file):
// the names its PEErrors may give, its functions' "nearly right" options, and each at its caps.

/** The parameter names T5's functions may name in a PEError. */
export const callerNames = [
  'bidirectional',
  'numBuckets',
  'maxDistance',
  'queries',
  'keys',
  'relativePositions',
];

/** @type {Record<string, (r: import('../../../tests/reliability/adversarial.mjs').Fuzz) => unknown>} */
export const nearly = {
  t5Buckets: (r) => buckets(r),
  t5BucketMatrix: (r) => ({
    ...buckets(r),
    queries: r.one([1, 64, 4096, 4097, 2 ** 24, 0]),
    keys: r.one([1, 300, 4096, 2 ** 24, 2.5]),
  }),
};

const buckets = ({ one }) => ({
  bidirectional: one([true, false, undefined, 1]),
  numBuckets: one([2, 3, 4, 7, 32, 33, 4096, 4097, 0, 2.5]),
  maxDistance: one([1, 2, 8, 9, 128, 1e9, 1e9 + 1, NaN]),
});

/** @param {import('../../../web/pe.js').PE} pe */
export const atCaps = (pe, L = pe.limits) => ({
  // Every distance in the logarithmic range (4096 buckets, max_distance 10^9): a log each.
  t5Buckets: () =>
    pe.t5Buckets(
      { numBuckets: L.maxT5Buckets, maxDistance: L.maxT5RelativePosition },
      new Float64Array(L.maxT5RelativePositions).map((_, k) => (k % 2 ? 1 : -1) * (2048 + k * 238)),
    ),
  t5BucketMatrix: () =>
    pe.t5BucketMatrix({
      numBuckets: L.maxT5Buckets,
      maxDistance: L.maxT5RelativePosition,
      queries: 1,
      keys: L.maxT5MatrixEntries,
    }),
});
