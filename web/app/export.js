// Files of the current matrix: the bytes the engine's own writers produce (cpp/src/export.cpp, the
// same code as the pe-export CLI): NPY (version 1.0, little-endian float32) and CSV (one line per row,
// the shortest decimals that read back as the same float32).
import { download } from './canvas.js';

export function exportMatrix(pe, options, format) {
  const bytes = pe.exportTable(options, format);
  const name = `pe_d${options.dModel}_n${options.positions}_${options.layout}_${options.frequencies}`;
  const type = format === 'npy' ? 'application/octet-stream' : 'text/csv';
  download(new Blob([bytes], { type }), `${name}.${format}`);
}
