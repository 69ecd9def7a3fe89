// The multimodal view's vision tower (index.js): rot_pos_emb's angles per patch and pair
// (pe.visionRopeAngles) for the chosen token's image, as an image made once per model, grid and theme;
// the chosen token's patches outlined.
import { fitCanvas, formatNumber, grouped } from '../../canvas.js';
import { MODELS, VISION_THETA } from './prompt.js';

/** rot_pos_emb's angles for one frame of `grid` and their cos as an image, one pixel per patch and
 *  pair (blue +1, orange −1): made once per model, grid and theme (the last four kept), as the token
 *  moves only the outline. */
function visionTable(view, m, grid, merge, c) {
  const key = `${m.visionHead}|${grid}|${merge}|${c.sin}|${c.cos}|${c.bg}`;
  view.visionTables ??= new Map();
  if (view.visionTables.has(key)) return view.visionTables.get(key);
  const angles = view.pe.visionRopeAngles({
    headDim: m.visionHead,
    theta: VISION_THETA,
    grid,
    spatialMergeSize: merge,
  });
  const pairs = m.visionHead / 2;
  const patches = angles.length / pairs;
  const table = view.root.ownerDocument.createElement('canvas');
  table.width = pairs;
  table.height = patches;
  const ctx = table.getContext('2d');
  const rgb = (css) => {
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    return ctx.getImageData(0, 0, 1, 1).data.slice(0, 3);
  };
  const [pos, neg, mid] = [rgb(c.sin), rgb(c.cos), rgb(c.bg)];
  const image = ctx.createImageData(pairs, patches);
  for (let i = 0; i < angles.length; i++) {
    const v = Math.cos(angles[i]);
    const to = v >= 0 ? pos : neg;
    for (let ch = 0; ch < 3; ch++) image.data[4 * i + ch] = mid[ch] + (to[ch] - mid[ch]) * Math.abs(v);
    image.data[4 * i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
  view.visionTables.set(key, { angles, table });
  if (view.visionTables.size > 4) view.visionTables.delete(view.visionTables.keys().next().value);
  return view.visionTables.get(key);
}

/** The vision tower's rot_pos_emb table for the chosen token's image (or the first): a row per
 *  patch in merge-block order, a column per pair (the first half the patch's row × f_k, the
 *  second its column × f_k), coloured by cos(angle); the chosen token's patches outlined. */
export function drawVision(view, p, token, c, width) {
  const canvas = view.root.querySelector('canvas.mm-vision');
  const note = view.root.querySelector('.mm-vision-note');
  const { layout: lay, segments, merge } = p;
  const m = MODELS[p.model];
  const own = lay.cell[token] ? token : lay.cell.findIndex((x) => x);
  const seg = own >= 0 ? segments[lay.segment[own]] : { image: [1, 8, 8] };
  const grid = [1, ...(seg.image || seg.video).slice(1)]; // one frame: the frames repeat it
  const patches = grid[1] * grid[2];
  const pairs = m.visionHead / 2;
  if (patches * pairs > view.pe.limits.maxAxialAngles || patches > 16384) {
    fitCanvas(canvas, width, 24);
    note.textContent = view.t('visionTooMany', { patches: grouped(patches) });
    return;
  }
  const { angles, table } = visionTable(view, m, grid, merge, c);
  const label = 44;
  const rowPx = patches <= 420 ? Math.max(1, Math.min(4, Math.floor(420 / patches))) : 420 / patches;
  const colPx = Math.max(2, Math.floor((width - label - 8) / pairs));
  const w = label + pairs * colPx + 4;
  const h = 22 + patches * rowPx + 8;
  const { ctx } = fitCanvas(canvas, Math.max(w, 240), h);
  // The table at one pixel a cell, scaled: cells stay sharp (many patches share a pixel row).
  ctx.imageSmoothingEnabled = patches > 420;
  ctx.drawImage(table, label, 22, pairs * colPx, patches * rowPx);
  ctx.font = c.font;
  ctx.fillStyle = c.muted;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'center';
  ctx.fillText(view.t('visionRows'), label + (pairs * colPx) / 4, 4);
  ctx.fillText(view.t('visionCols'), label + (3 * pairs * colPx) / 4, 4);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  ctx.fillText('0', label - 4, 22 + rowPx / 2);
  ctx.fillText(grouped(patches - 1), label - 4, 22 + patches * rowPx - rowPx / 2);
  ctx.strokeStyle = c.fg;
  ctx.beginPath();
  ctx.moveTo(label + (pairs / 2) * colPx, 20);
  ctx.lineTo(label + (pairs / 2) * colPx, 22 + patches * rowPx);
  ctx.stroke();
  let first = -1;
  const cell = own >= 0 ? lay.cell[own] : null;
  if (cell && lay.cell[token]) {
    first = (cell[1] * (grid[2] / merge) + cell[2]) * merge * merge;
    ctx.strokeStyle = c.accent;
    ctx.lineWidth = 2;
    ctx.strokeRect(label - 2, 22 + first * rowPx - 1, pairs * colPx + 4, merge * merge * rowPx + 2);
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
