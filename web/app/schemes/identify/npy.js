// The .npy files the identify view's samples are (and the tests' tables, tests/reliability/adversarial.mjs):
// written as numpy.save writes a float32 matrix, for the engine to read back like a dropped file.

/** A version 1.0 little-endian float32 .npy file of a rows x cols matrix. */
export function npyBytes(values, rows, cols) {
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${rows}, ${cols}), }`;
  header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n'; // data starts on a 64-byte boundary
  const bytes = new Uint8Array(10 + header.length + values.length * 4);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 255, header.length >> 8]);
  for (let i = 0; i < header.length; i++) bytes[10 + i] = header.charCodeAt(i);
  const view = new DataView(bytes.buffer, 10 + header.length);
  for (let i = 0; i < values.length; i++) view.setFloat32(4 * i, values[i], true);
  return bytes;
}
