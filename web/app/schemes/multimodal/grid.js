// The multimodal view's patch grid (index.js): the chosen token's image or video frame before merging,
// its merge blocks, each block's h and w ids (the engine's), and the chosen block's patches in the
// vision tower's order. The frame with its ids is drawn on the page's canvas once per prompt, frame,
// width and theme; the chosen block on the layer over it (layers.js), all a token move within the frame
// redraws.
import { grouped } from '../../canvas.js';
import { fitFigure, fitLayer } from './layers.js';

const LABEL = 40; // room for the ids left of and above the grid
const MOST = 360; // the grid's height in pixels at most (but 2 pixels a patch at least)

/** The canvas's size: as large as the largest frame at `width` (layers.js). */
const room = (width) => ({ width, height: LABEL + MOST + 8 });

/** The frame's patches before merging, the merge blocks outlined (lines every `step` pixels), each
 *  block's (h, w) ids down the left and along the top, on `canvas`. */
function drawBase(view, p, frame, c, canvas) {
  const { h, w, first, cellSize, size } = frame;
  const { ids, tokens, merge } = p;
  const ctx = fitFigure(canvas, size.width, size.height, frame.room);
  ctx.font = c.font;
  const mh = h / merge;
  const mw = w / merge;
  const blockPx = merge * cellSize;
  // The blocks as a checkerboard: the background, then every other block in one path.
  ctx.fillStyle = c.bg;
  ctx.fillRect(LABEL, LABEL, mw * blockPx, mh * blockPx);
  ctx.fillStyle = c.grid;
  ctx.beginPath();
  for (let r = 0; r < mh; r++)
    for (let col = (r + 1) % 2; col < mw; col += 2)
      ctx.rect(LABEL + col * blockPx, LABEL + r * blockPx, blockPx, blockPx);
  ctx.fill();
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
}

/** Which frame pad token `own` is in (segment, frame), and its sizes and first token. */
function frameOf(p, own, width) {
  const { layout: lay, segments } = p;
  const s = lay.segment[own];
  const cell = lay.cell[own];
  const [, h, w] = segments[s].image || segments[s].video;
  // The frame's first token: the ids of every block follow from its row-major order.
  const first = lay.cell.findIndex((x, i) => x && lay.segment[i] === s && x[0] === cell[0]);
  const cellSize = Math.max(2, Math.min(28, Math.floor((width - LABEL - 8) / w), Math.floor(MOST / h)));
  const size = { width: Math.max(LABEL + w * cellSize + 8, 240), height: LABEL + h * cellSize + 8 };
  return { s, h, w, first, cellSize, size, room: room(width) };
}

/** What the grid's canvas shows for `token`: its frame's key (segment and frame; "none"). */
export const gridKey = (p, token) => {
  const own = gridOwn(p, token);
  return own < 0 ? 'none' : `${p.layout.segment[own]}|${p.layout.cell[own][0]}`;
};

/** The chosen token's image (or video frame), or else the prompt's first, without the chosen block:
 *  its patches before merging, the merge blocks outlined, each block's (h, w) ids, on the page's
 *  canvas (the block's layer cleared: the next step draws it); with none, the note says so. */
export function drawGridFrame(view, p, token, c, width) {
  const canvas = view.root.querySelector('canvas.mm-grid');
  const own = gridOwn(p, token);
  if (own < 0) fitFigure(canvas, width, 24, room(width));
  else drawBase(view, p, frameOf(p, own, width), c, canvas);
}

/** The pad token whose frame the grid shows: the chosen token, or else the prompt's first (−1: none). */
export const gridOwn = (p, token) =>
  p.tokens && p.layout.cell[token] ? token : p.layout.cell.findIndex((x) => x);

/** The chosen token's block on the grid's layer, filled (its patches numbered in the vision tower's
 *  order where they have room), and the grid's note. */
export function drawGrid(view, p, token, c, width) {
  const canvas = view.root.querySelector('canvas.mm-grid');
  const note = view.root.querySelector('.mm-grid-note');
  const { layout: lay, ids, merge } = p;
  const own = gridOwn(p, token);
  if (own < 0) {
    note.textContent = view.t('gridNone');
    delete note.dataset.block;
    return;
  }
  const cell = lay.cell[own];
  const { s, h, w, first, cellSize } = frameOf(p, own, width);
  const ctx = fitLayer(canvas);
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
