// The multimodal view's vision tower (index.js): rot_pos_emb's angles per patch and pair
// (pe.visionRopeAngles) for the chosen token's image, as an image made once per model, grid and theme
// (at most ROWS rows: more patches share a row, their cos averaged), and the figure without the
// outline once per width too; moving the token copies it and outlines the token's patches.
import { fitCanvas, formatNumber, grouped } from '../../canvas.js';
import { keepLast } from '../common.js';
import { MODELS, VISION_THETA } from './prompt.js';

const ROWS = 420; // the table's height in pixels at most
const LABEL = 44; // room for the patch numbers left of the table

/** rot_pos_emb's angles for one frame of `grid`, and their cos as an image, one pixel per pair and
 *  patch (blue +1, orange −1), or per pair and ROWS-th of the patches (their mean). */
function visionTable(view, m, grid, merge, c) {
  const angles = view.pe.visionRopeAngles({
    headDim: m.visionHead,
    theta: VISION_THETA,
    grid,
    spatialMergeSize: merge,
  });
  const pairs = m.visionHead / 2;
  const patches = angles.length / pairs;
  const rows = Math.min(patches, ROWS);
  const table = view.root.ownerDocument.createElement('canvas');
  table.width = pairs;
  table.height = rows;
  const ctx = table.getContext('2d');
  const rgb = (css) => {
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    return ctx.getImageData(0, 0, 1, 1).data.slice(0, 3);
  };
  const [pos, neg, mid] = [rgb(c.sin), rgb(c.cos), rgb(c.bg)];
  const image = ctx.createImageData(pairs, rows);
  for (let r = 0; r < rows; r++) {
    const from = Math.floor((r * patches) / rows);
    const to = Math.floor(((r + 1) * patches) / rows);
    for (let k = 0; k < pairs; k++) {
      let v = 0;
      for (let q = from; q < to; q++) v += Math.cos(angles[q * pairs + k]);
      v /= to - from;
      const toward = v >= 0 ? pos : neg;
      const at = 4 * (r * pairs + k);
      for (let ch = 0; ch < 3; ch++) image.data[at + ch] = mid[ch] + (toward[ch] - mid[ch]) * Math.abs(v);
      image.data[at + 3] = 255;
    }
  }
  ctx.putImageData(image, 0, 0);
  return { angles, table };
}

/** visionTable's answer for the model's head, `grid`, the merge and `look`'s theme, the last four kept
 *  (the engine and the image: a step of its own, before the figure is drawn from it). */
function tableOf(view, m, grid, merge, c, look) {
  view.visionTables ??= new Map();
  const key = `${m.visionHead}|${grid}|${merge}|${look}`;
  return keepLast(view.visionTables, key, 4, () => visionTable(view, m, grid, merge, c));
}

/** The figure without the outline: the table scaled to whole pixels a cell, the halves' titles, the
 *  first and last patch's numbers, the line between the row and the column halves. */
function drawBase(view, table, size, cells, patches, c) {
  const { pairs, colPx, rowPx } = cells;
  const canvas = view.root.ownerDocument.createElement('canvas');
  const { ctx } = fitCanvas(canvas, size.width, size.height);
  ctx.imageSmoothingEnabled = false; // cells stay sharp
  ctx.drawImage(table, LABEL, 22, pairs * colPx, patches * rowPx);
  ctx.font = c.font;
  ctx.fillStyle = c.muted;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'center';
  ctx.fillText(view.t('visionRows'), LABEL + (pairs * colPx) / 4, 4);
  ctx.fillText(view.t('visionCols'), LABEL + (3 * pairs * colPx) / 4, 4);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  ctx.fillText('0', LABEL - 4, 22 + rowPx / 2);
  ctx.fillText(grouped(patches - 1), LABEL - 4, 22 + patches * rowPx - rowPx / 2);
  ctx.strokeStyle = c.fg;
  ctx.beginPath();
  ctx.moveTo(LABEL + (pairs / 2) * colPx, 20);
  ctx.lineTo(LABEL + (pairs / 2) * colPx, 22 + patches * rowPx);
  ctx.stroke();
  return canvas;
}

/** The figure of pad token `own`'s image (or the first's) without the outline, with its angles
 *  and sizes (without `base` when it has too many patches to draw). Made once per model, grid and `look`
 *  (prompt, width, theme), the last four kept (the view makes them ahead, one per animation frame).
 *  With `tableOnly`, only the engine's angles and their image (the step before, in a frame of its own). */
export function visionFigure(view, p, own, c, width, look, tableOnly = false) {
  const { layout: lay, segments, merge } = p;
  const m = MODELS[p.model];
  const seg = own >= 0 ? segments[lay.segment[own]] : { image: [1, 8, 8] };
  const grid = [1, ...(seg.image || seg.video).slice(1)]; // one frame: the frames repeat it
  const patches = grid[1] * grid[2];
  const pairs = m.visionHead / 2;
  if (patches * pairs > view.pe.limits.maxAxialAngles || patches > 16384) return { patches, grid };
  const key = `${m.visionHead}|${grid}|${merge}|${look}`;
  view.visionFigures ??= new Map();
  if (tableOnly) {
    if (!view.visionFigures.has(key)) tableOf(view, m, grid, merge, c, look);
    return null;
  }
  return keepLast(view.visionFigures, key, 4, () => {
    const rowPx = patches <= ROWS ? Math.max(1, Math.min(4, Math.floor(ROWS / patches))) : ROWS / patches;
    const colPx = Math.max(2, Math.floor((width - LABEL - 8) / pairs));
    const size = { width: Math.max(LABEL + pairs * colPx + 4, 240), height: 22 + patches * rowPx + 8 };
    const { angles, table } = tableOf(view, m, grid, merge, c, look);
    const base = drawBase(view, table, size, { pairs, colPx, rowPx }, patches, c);
    return { grid, patches, pairs, rowPx, colPx, size, angles, base };
  });
}

/** The pad token whose image the vision table shows: the chosen token's, or else the prompt's first. */
export const visionOwn = (p, token) => (p.layout.cell[token] ? token : p.layout.cell.findIndex((x) => x));

/** The vision tower's rot_pos_emb table for the chosen token's image (or the first): a row per
 *  patch in merge-block order, a column per pair (the first half the patch's row × f_k, the
 *  second its column × f_k), coloured by cos(angle); the chosen token's patches outlined. */
export function drawVision(view, p, token, c, width, look) {
  const canvas = view.root.querySelector('canvas.mm-vision');
  const note = view.root.querySelector('.mm-vision-note');
  const { layout: lay, merge } = p;
  const m = MODELS[p.model];
  const own = visionOwn(p, token);
  const kept = visionFigure(view, p, own, c, width, look);
  const { grid, patches } = kept;
  if (!kept.base) {
    fitCanvas(canvas, width, 24);
    note.textContent = view.t('visionTooMany', { patches: grouped(patches) });
    return;
  }
  const { pairs, rowPx, colPx, size, angles } = kept;
  const { ctx } = fitCanvas(canvas, size.width, size.height);
  ctx.drawImage(kept.base, 0, 0, size.width, size.height);
  let first = -1;
  const cell = own >= 0 ? lay.cell[own] : null;
  if (cell && lay.cell[token]) {
    first = (cell[1] * (grid[2] / merge) + cell[2]) * merge * merge;
    ctx.strokeStyle = c.accent;
    ctx.lineWidth = 2;
    ctx.strokeRect(LABEL - 2, 22 + first * rowPx - 1, pairs * colPx + 4, merge * merge * rowPx + 2);
    ctx.lineWidth = 1;
  }
  const rowOf = first >= 0 ? first : 0;
  note.textContent = view.t('visionNote', {
    model: m.label,
    head: m.visionHead,
    pairs,
    quarter: pairs / 2,
    patches: grouped(patches),
    h: grid[1],
    w: grid[2],
    merge,
    patch: rowOf,
    row: formatNumber(angles[rowOf * pairs + 1], 4),
    col: formatNumber(angles[rowOf * pairs + pairs / 2 + 1], 4),
  });
  note.dataset.patch = String(rowOf);
  note.dataset.angles = `${angles[rowOf * pairs + 1]},${angles[rowOf * pairs + pairs / 2 + 1]}`;
}
