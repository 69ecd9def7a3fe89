// The settings test's values for this view that the table and the markup cannot give
// (tests/web/settings.test.mjs derives the others). Not loaded by the page.

/** [setting, value, the message]: what the engine refuses. */
export const bad = [
  ['d-model', '30', /^d-model: d_model must be a multiple of 4; got 30; using d-model = 768$/],
];
