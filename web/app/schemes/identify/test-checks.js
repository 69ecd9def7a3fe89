// @ts-check
// identify's part of the browser suite (tests/web/schemes.test.mjs and concepts.test.mjs find every
// folder's test-checks.js). Not loaded by the page.

/** Words its sections print in Chinese too (tests/web/concepts.test.mjs): file formats, dtypes, the
 *  engine's option names and values. */
export const sharedWords =
  'npy safetensors uint16 ropeFromConfig rope sinusoidal theta pairing half interleaved rotaryDim headDim ' +
  'positions start scaling layout split split_cos_first frequencies paper odd auto zero_column extra_sine dModel';
