// The settings test's values for this view that the table and the markup cannot give
// (tests/web/settings.test.mjs derives the others). Not loaded by the page.

/** [setting, value, the message]: what the engine refuses with the other settings. */
export const bad = [
  // a quarter of 32 buckets is exact, so max_distance must pass 8
  [
    'max-distance',
    '4',
    /^max-distance: maxDistance must be greater than the exact buckets, a quarter of the buckets \(8\); got 4; using max-distance = 128$/,
  ],
];
