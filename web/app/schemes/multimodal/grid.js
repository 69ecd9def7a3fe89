// The multimodal view's patch grid (index.js): the chosen token's image or video frame before merging,
// its merge blocks, each block's h and w ids (the engine's), and the chosen block's patches in the
// vision tower's order. Each frame with its ids is drawn once per width and theme into a canvas of its
// own (the view draws them ahead); moving the token copies it and fills the chosen block.
import { fitCanvas, grouped } from '../../canvas.js';
import { keepLast } from '../common.js';

const LABEL = 40; // room for the ids left of and above the grid

/** The frame's patches before merging, the merge blocks outlined (lines every `step` pixels), each
 *  block's (h, w) ids down the left and along the top, on a canvas of its own. */
function drawBase(view, p, frame, c) {
  const { h, w, first, cellSize, size } = frame;
  const { ids, tokens, merge } = p;
  const canvas = view.root.ownerDocument.createElement('canvas');
  const { ctx } = fitCanvas(canvas, size.width, size.height);
  ctx.font = c.font;
  const mh = h / merge;
  const mw = w / merge;
  const blockPx = merge * cellSize;
  // The blocks as a checkerboard: a pixel a block, scaled up sharp (one copy, not a rectangle a block).
  const board = view.root.ownerDocument.createElement('canvas');
  board.width = mw;
  board.height = mh;
  const bctx = board.getContext('2d');
  for (const [odd, colour] of [
    [0, c.bg],
    [1, c.grid],
  ]) {
    bctx.fillStyle = colour;
    for (let r = 0; r < mh; r++)
      for (let col = (r + odd) % 2; col < mw; col += 2) bctx.fillRect(col, r, 1, 1);
  }
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(board, LABEL, LABEL, mw * blockPx, mh * blockPx);
  ctx.imageSmoothingEnabled = true;
  const lines = (step, colour, width) => {
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.beginPath();
    for (let y = 0; y <= h * cellSize + 0.5; y += step) {
      ctx.moveTo(LABEL, LABEL + y);
      ctx.lineTo(LABEL + w * cellSize, LABEL + y);
    }
    for (let x = 0; x <= w * cellSize + 0.5; x += step) {
      ctx.moveTo(LABEL + x, LABEL);
      ctx.lineTo(LABEL + x, LABEL + h * cellSize);
    }
    ctx.stroke();
  };
  if (cellSize >= 4) lines(cellSize, c.muted, 0.5);
  lines(blockPx, c.fg, 1.5);
  // The h ids down the left, the w ids along the top (the engine's, of the frame's tokens).
  ctx.fillStyle = c.muted;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'right';
  const every = Math.max(1, Math.ceil(16 / blockPx));
  for (let r = 0; r < mh; r += every)
    ctx.fillText(String(ids.positionIds[tokens + first + r * mw]), LABEL - 4, LABEL + (r + 0.5) * blockPx);
  ctx.textAlign = 'center';
  const across = Math.max(1, Math.ceil(30 / blockPx));
  for (let col = 0; col < mw; col += across)
    ctx.fillText(
      String(ids.positionIds[2 * tokens + first + col]),
      LABEL + (col + 0.5) * blockPx,
      LABEL - 10,
    );
  ctx.textAlign = 'left';
  ctx.fillText(`h ↓  w →`, 2, 10);
  return canvas;
}

/** The frame of pad token `own` without the chosen block: drawn once per `look` (prompt, width,
 *  theme) and frame, the last eight kept (the view draws them ahead, one per animation frame). */
export function gridFrame(view, p, own, c, width, look) {
  const { layout: lay, segments } = p;
  const s = lay.segment[own];
  const cell = lay.cell[own];
  const key = `${look}|${s}|${cell[0]}`;
  view.gridFrames ??= new Map();
  return keepLast(view.gridFrames, key, 8, () => {
    const [, h, w] = segments[s].image || segments[s].video;
    // The frame's first token: the ids of every block follow from its row-major order.
    const first = lay.cell.findIndex((x, i) => x && lay.segment[i] === s && x[0] === cell[0]);
    const cellSize = Math.max(2, Math.min(28, Math.floor((width - LABEL - 8) / w), Math.floor(360 / h)));
    const size = { width: Math.max(LABEL + w * cellSize + 8, 240), height: LABEL + h * cellSize + 8 };
    const frame = { s, h, w, first, cellSize, size };
    frame.base = drawBase(view, p, frame, c);
    return frame;
  });
}

/** The pad token whose frame the grid shows: the chosen token, or else the prompt's first (−1: none). */
export const gridOwn = (p, token) =>
  p.tokens && p.layout.cell[token] ? token : p.layout.cell.findIndex((x) => x);

/** The chosen token's image (or video frame), or else the prompt's first: its patches before
 *  merging, the merge blocks outlined, each block's (h, w) ids, the chosen token's block filled
 *  (its patches numbered in the vision tower's order where they have room). */
export function drawGrid(view, p, token, c, width, look) {
  const canvas = view.root.querySelector('canvas.mm-grid');
  const note = view.root.querySelector('.mm-grid-note');
  const { layout: lay, ids, merge } = p;
  const own = gridOwn(p, token);
  if (own < 0) {
    fitCanvas(canvas, width, 24);
    note.textContent = view.t('gridNone');
    delete note.dataset.block;
    return;
  }
  const cell = lay.cell[own];
  const { s, h, w, first, cellSize, size, base } = gridFrame(view, p, own, c, width, look);
  const { ctx } = fitCanvas(canvas, size.width, size.height);
  ctx.drawImage(base, 0, 0, size.width, size.height);
  // The chosen block: filled, its patch lines and outline drawn again over the fill.
  const blockPx = merge * cellSize;
  const bx = LABEL + cell[2] * blockPx;
  const by = LABEL + cell[1] * blockPx;
  ctx.fillStyle = c.accent;
  ctx.fillRect(bx, by, blockPx, blockPx);
  if (cellSize >= 4) {
    ctx.strokeStyle = c.muted;
    ctx.lineWidth = 0.5;
    ctx.beginPath();
    for (let k = 1; k < merge; k++) {
      ctx.moveTo(bx, by + k * cellSize);
      ctx.lineTo(bx + blockPx, by + k * cellSize);
      ctx.moveTo(bx + k * cellSize, by);
      ctx.lineTo(bx + k * cellSize, by + blockPx);
    }
    ctx.stroke();
  }
  ctx.strokeStyle = c.fg;
  ctx.lineWidth = 1.5;
  ctx.strokeRect(bx, by, blockPx, blockPx);
  const mh = h / merge;
  const mw = w / merge;
  const patchBase = (cell[0] * mh * mw + cell[1] * mw + cell[2]) * merge * merge;
  if (lay.cell[token] && cellSize >= 26) {
    ctx.font = c.font;
    ctx.fillStyle = c.bg;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (let k = 0; k < merge * merge; k++) {
      const px = bx + ((k % merge) + 0.5) * cellSize;
      const py = by + (Math.floor(k / merge) + 0.5) * cellSize;
      ctx.fillText(String(patchBase + k), px, py);
    }
  }
  note.textContent = view.t('gridNote', {
    segment: s + 1,
    frame: cell[0] + 1,
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
