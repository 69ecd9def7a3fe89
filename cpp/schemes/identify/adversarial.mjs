// @ts-check
// Table identification's part of the adversarial round (tests/reliability/adversarial.mjs globs every
// folder's file): a .npy table, whole or with its bytes changed, and the bench's table at the caps.

/** The names identifyTable may give in a PEError: its options, a file header's fields, `against`'s keys. */
export const callerNames = [
  'bytes',
  'tensor',
  'bfloat16',
  'against',
  'magic',
  'version',
  'header_len',
  'header',
  'descr',
  'fortran_order',
  'shape',
  'dtype',
  'data_offsets',
  'data',
  '__metadata__',
  'invFreq',
  'theta',
  'attentionScaling',
  'rotaryDim',
  'pairing',
  'odd',
];

/** @type {Record<string, (r: import('../../../tests/reliability/adversarial.mjs').Fuzz) => unknown>} */
export const nearly = {
  // a RoPE cos table, whole or with its bytes changed: header digits, lengths, truncation
  identifyTable: ({ one, random, npyBytes }) => {
    const rows = one([1, 2, 16, 64]);
    const cols = one([2, 8, 64]);
    const values = Array.from({ length: rows * cols }, (_, k) =>
      Math.cos(Math.floor(k / cols) * 10000 ** (-(k % (cols / 2)) / (cols / 2))),
    );
    const bytes = npyBytes(values, rows, cols);
    const changes = one([0, 1, 2, 3]);
    for (let k = 0; k < changes; k++)
      bytes[Math.floor(random() * Math.min(bytes.length, 80))] = one([0, 0x30, 0x39, 255]);
    return random() < 0.2 ? bytes.subarray(0, Math.floor(random() * bytes.length)) : bytes;
  },
};

/**
 * @param {import('../../../web/pe.js').PE} pe
 * @param {unknown} _L
 * @param {import('../../../tests/reliability/adversarial.mjs').Fuzz['npyBytes']} npyBytes
 */
export const atCaps = (pe, _L, npyBytes) => ({
  // The bench's table (131,072 x 128 float32, 64 MiB): the cap is 2^26 values, 512 MiB as float64.
  identifyTable: () => {
    const rows = 131072;
    const values = new Float32Array(rows * 128);
    for (let r = 0; r < rows; r++)
      for (let j = 0; j < 128; j++) values[r * 128 + j] = Math.cos(r * 500000 ** (-(j % 64) / 64));
    return pe.identifyTable(npyBytes(values, rows, 128));
  },
});
