import { engine } from './engine.js';

const pe = await engine();
const options = { dModel: 128, positions: 100 };
const canvas = document.getElementById('matrix');
const pixels = pe.renderEncoding(options, { width: canvas.width, height: canvas.height });
canvas.getContext('2d').putImageData(new ImageData(pixels, canvas.width, canvas.height), 0, 0);
const row = pe.sinusoidal({ dModel: 4, positions: 2 }).subarray(4);
document.getElementById('row').innerHTML =
  '<tr><th>PE(1), d = 4</th>' + Array.from(row, (v) => `<td>${v.toFixed(6)}</td>`).join('') + '</tr>';
document.getElementById('status').textContent = 'Engine loaded.';
