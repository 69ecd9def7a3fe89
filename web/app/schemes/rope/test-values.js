// The settings test's values for this view that the table and the markup cannot give
// (tests/web/settings.test.mjs derives the others: a choice off the default, an integer between the
// default and the next one offered, a choice that is not one and an integer past the range).
// Not loaded by the page.

/** rotaryDim has no default of its own (all of the head): half the head. */
export const values = { 'rotary-dim': '48' };

/** [setting, value, the message]: a word, and what the engine refuses with the other settings. */
export const bad = [
  ['head-dim', 'abc', /^head-dim must be an integer from 2 to 4096; got abc; using head-dim = 64$/],
  ['head-dim', '65', /^head-dim: headDim must be even; got 65; using head-dim = 64$/], // the engine's
  ['rotary-dim', '128', /^rotary-dim: rotaryDim must be an integer from 2 to 64; got 128/],
  ['position', '-3', /^position must be an integer from 0 to 1000000000; got -3/],
];
