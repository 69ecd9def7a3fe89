// Precision's settings and scales, shared by its modules: the encodings, formats, stages and ranges its
// controls offer (the formats and stages are all the engine's), the heatmap's colour range.
import { grouped } from '../../canvas.js';

export const ENCODINGS = {
  sinusoidal: { dModel: 128 },
  rope: { headDim: 128, theta: 10000 },
  ropeLong: { headDim: 128, theta: 500000 },
};
export const FORMATS = ['float32', 'float16', 'bfloat16'];
export const STAGES = ['positions', 'frequencies', 'angles', 'outputs'];
export const RANGES = [4096, 65536, 1000000];
export const LOW = 1e-8;
export const HIGH = 2;

export const fmt = (n) => grouped(Number(n), 3); // as toLocaleString('en-US') writes it
