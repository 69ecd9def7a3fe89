// Files of the current matrix: NPY (numpy's format, version 1.0, little-endian float32) and CSV (one line
// per row, shortest decimals that read back as the same float32), matching the pe-export CLI.
import { download } from './canvas.js';

/** Bytes of an .npy file holding a (rows x cols) float32 matrix. */
export function npyBytes(values, rows, cols) {
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${rows}, ${cols}), }`;
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const bytes = new Uint8Array(10 + header.length + values.byteLength);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 0xff, header.length >> 8]);
  for (let i = 0; i < header.length; i++) bytes[10 + i] = header.charCodeAt(i);
  // Float32Array is host-endian; every platform the page runs on (x86, ARM, wasm) is little-endian.
  bytes.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), 10 + header.length);
  return bytes;
}

/** The shortest decimal text that reads back as exactly this float32. */
export function formatFloat32(v) {
  for (let digits = 6; digits < 9; digits++) {
    const text = String(+v.toPrecision(digits));
    if (Math.fround(Number(text)) === v) return text;
  }
  return String(+v.toPrecision(9));
}

export function csvText(values, rows, cols) {
  const lines = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const row = new Array(cols);
    for (let c = 0; c < cols; c++) row[c] = formatFloat32(values[r * cols + c]);
    lines[r] = row.join(',');
  }
  return lines.join('\n') + '\n';
}

export function exportMatrix(pe, options, format) {
  const values = pe.sinusoidal(options);
  const name = `pe_d${options.dModel}_n${options.positions}_${options.layout}_${options.frequencies}`;
  if (format === 'npy') {
    download(
      new Blob([npyBytes(values, options.positions, options.dModel)], { type: 'application/octet-stream' }),
      `${name}.npy`,
    );
  } else {
    download(
      new Blob([csvText(values, options.positions, options.dModel)], { type: 'text/csv' }),
      `${name}.csv`,
    );
  }
}
