// The multimodal view's patch grid (index.js): the chosen token's image or video frame before merging,
// its merge blocks, each block's h and w ids (the engine's), and the chosen block's patches in the
// vision tower's order.
import { fitCanvas, grouped } from '../../canvas.js';

/** The chosen token's image (or video frame), or else the prompt's first: its patches before
 *  merging, the merge blocks outlined, each block's (h, w) ids, the chosen token's block filled. */
export function drawGrid(view, p, token, c, width) {
  const canvas = view.root.querySelector('canvas.mm-grid');
  const note = view.root.querySelector('.mm-grid-note');
  const { layout: lay, segments, ids, tokens, merge } = p;
  const own = tokens && lay.cell[token] ? token : lay.cell.findIndex((x) => x);
  if (own < 0) {
    fitCanvas(canvas, width, 24);
    note.textContent = view.t('gridNone');
    delete note.dataset.block;
    return;
  }
  const s = lay.segment[own];
  const frameOf = lay.cell[own][0];
  const [, h, w] = segments[s].image || segments[s].video;
  // The frame's first token: the ids of every block follow from its row-major order.
  const first = lay.cell.findIndex((x, i) => x && lay.segment[i] === s && x[0] === frameOf);
  const label = 40;
  const cellSize = Math.max(2, Math.min(28, Math.floor((width - label - 8) / w), Math.floor(360 / h)));
  const height = label + h * cellSize + 8;
  const { ctx } = fitCanvas(canvas, Math.max(label + w * cellSize + 8, 240), height);
  ctx.font = c.font;
  const x0 = label;
  const y0 = label;
  const mh = h / merge;
  const mw = w / merge;
  const blockPx = merge * cellSize;
  for (let r = 0; r < mh; r++) {
    for (let col = 0; col < mw; col++) {
      const i = first + r * mw + col;
      const chosen = i === own;
      ctx.fillStyle = chosen ? c.accent : (r + col) % 2 ? c.grid : c.bg;
      ctx.fillRect(x0 + col * blockPx, y0 + r * blockPx, blockPx, blockPx);
    }
  }
  // Patches (thin) and merge blocks (thick): lines every `step` pixels across the grid.
  const lines = (step, colour, width) => {
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.beginPath();
    for (let y = 0; y <= h * cellSize + 0.5; y += step) {
      ctx.moveTo(x0, y0 + y);
      ctx.lineTo(x0 + w * cellSize, y0 + y);
    }
    for (let x = 0; x <= w * cellSize + 0.5; x += step) {
      ctx.moveTo(x0 + x, y0);
      ctx.lineTo(x0 + x, y0 + h * cellSize);
    }
    ctx.stroke();
  };
  if (cellSize >= 4) lines(cellSize, c.muted, 0.5);
  lines(blockPx, c.fg, 1.5);
  ctx.lineWidth = 1;
  // The h ids down the left, the w ids along the top (the engine's, of the frame's tokens).
  ctx.fillStyle = c.muted;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'right';
  const every = Math.max(1, Math.ceil(16 / blockPx));
  for (let r = 0; r < mh; r += every)
    ctx.fillText(String(ids.positionIds[tokens + first + r * mw]), x0 - 4, y0 + (r + 0.5) * blockPx);
  ctx.textAlign = 'center';
  const across = Math.max(1, Math.ceil(30 / blockPx));
  for (let col = 0; col < mw; col += across)
    ctx.fillText(String(ids.positionIds[2 * tokens + first + col]), x0 + (col + 0.5) * blockPx, y0 - 10);
  ctx.textAlign = 'left';
  ctx.fillText(`h ↓  w →`, 2, 10);
  // The chosen block's patches, numbered in the vision tower's order (merge-block order).
  const cell = lay.cell[own];
  const block = cell[1] * mw + cell[2];
  const patchBase = (cell[0] * mh * mw + block) * merge * merge;
  if (lay.cell[token] && cellSize >= 26) {
    ctx.fillStyle = c.bg;
    ctx.textAlign = 'center';
    for (let k = 0; k < merge * merge; k++) {
      const px = x0 + (cell[2] * merge + (k % merge) + 0.5) * cellSize;
      const py = y0 + (cell[1] * merge + Math.floor(k / merge) + 0.5) * cellSize;
      ctx.fillText(String(patchBase + k), px, py);
    }
  }
  note.textContent = view.t('gridNote', {
    segment: s + 1,
    frame: frameOf + 1,
    h,
    w,
    mh,
    mw,
    merge,
    tokens: grouped(mh * mw),
    t: ids.positionIds[first],
    first: grouped(patchBase),
    last: grouped(patchBase + merge * merge - 1),
  });
  note.dataset.block = `${cell[1]},${cell[2]}`;
  note.dataset.patches = `${patchBase}-${patchBase + merge * merge - 1}`;
}
