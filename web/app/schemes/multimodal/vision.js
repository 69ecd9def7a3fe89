// The multimodal view's vision tower (index.js): rot_pos_emb's angles per patch and pair
// (pe.visionRopeAngles) for the chosen token's image, their cos as an image made once per model, grid and theme
// (at most ROWS rows: more patches share a row, their cos averaged), the figure drawn from it on the
// page's canvas once per width too, and the chosen token's patches outlined on the layer over it
// (layers.js), all a token move within the image redraws.
import { formatNumber, grouped } from '../../canvas.js';
import { keepLast } from '../common.js';
import { fitFigure, fitLayer, scratch } from './layers.js';
import { MODELS, VISION_THETA } from './prompt.js';

const ROWS = 420; // the table's height in pixels at most
const LABEL = 44; // room for the patch numbers left of the table

/** The colour `css` as [r, g, b] (drawn on the view's scratch canvas and read back once per colour). */
function rgb(view, css) {
  view.colours ??= new Map();
  if (!view.colours.has(css)) {
    const ctx = scratch(view);
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    view.colours.set(css, ctx.getImageData(0, 0, 1, 1).data.slice(0, 3));
  }
  return view.colours.get(css);
}

/** The cos of a table's angles as an image (`table.image`, made once): one pixel per pair and patch
 *  (blue +1, orange −1), or per pair and ROWS-th of the patches (their mean). */
function tableImage(view, table, c) {
  if (table.image) return table.image;
  const { angles, pairs } = table;
  const patches = angles.length / pairs;
  const rows = Math.min(patches, ROWS);
  const [pos, neg, mid] = [rgb(view, c.sin), rgb(view, c.cos), rgb(view, c.bg)];
  const image = new ImageData(pairs, rows);
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
  table.image = image;
  return image;
}

/** What the vision figure shows for pad token `own` (−1: the prompt has none, an 8 × 8 image stands
 *  in): the model, one frame's grid and its sizes at `width`; `tooMany` when it has too many patches
 *  to draw; `key` names the table (the engine's angles and their image, `look`'s theme). */
function figureOf(view, p, own, width, look) {
  const { layout: lay, segments, merge } = p;
  const m = MODELS[p.model];
  const seg = own >= 0 ? segments[lay.segment[own]] : { image: [1, 8, 8] };
  const grid = [1, ...(seg.image || seg.video).slice(1)]; // one frame: the frames repeat it
  const patches = grid[1] * grid[2];
  const pairs = m.visionHead / 2;
  const tooMany = patches * pairs > view.pe.limits.maxAxialAngles || patches > 16384;
  const rowPx = patches <= ROWS ? Math.max(1, Math.min(4, Math.floor(ROWS / patches))) : ROWS / patches;
  const colPx = Math.max(2, Math.floor((width - LABEL - 8) / pairs));
  const size = { width: Math.max(LABEL + pairs * colPx + 4, 240), height: 22 + patches * rowPx + 8 };
  const key = `${m.visionHead}|${grid}|${merge}|${look}`;
  return { m, grid, patches, pairs, tooMany, rowPx, colPx, size, key };
}

/** The table of pad token `own`'s image: the engine's angles (rot_pos_emb's for one frame of its
 *  grid) and, once made, their image; made once per model head, grid and theme, the last eight kept
 *  (the view makes them ahead, a frame each); null when the image has too many patches. */
export function visionTableOf(view, p, own, c, width, look) {
  const f = figureOf(view, p, own, width, look);
  if (f.tooMany) return null;
  view.visionTables ??= new Map();
  return keepLast(view.visionTables, f.key, 8, () => ({
    pairs: f.pairs,
    angles: view.pe.visionRopeAngles({
      headDim: f.m.visionHead,
      theta: VISION_THETA,
      grid: f.grid,
      spatialMergeSize: p.merge,
    }),
  }));
}

/** The table of pad token `own`'s image with its image of cos (a step of its own after the engine's). */
export function visionImageOf(view, p, own, c, width, look) {
  const table = visionTableOf(view, p, own, c, width, look);
  if (table) tableImage(view, table, c);
  return table;
}

/** The key of the table pad token `own`'s image needs, and whether it is kept with its image. */
export function visionTableKey(view, p, own, look) {
  const key = figureOf(view, p, own, 0, look).key;
  return { key, kept: Boolean(view.visionTables?.get(key)?.image) };
}

/** The pad token whose image the vision table shows: the chosen token's, or else the prompt's first. */
export const visionOwn = (p, token) => (p.layout.cell[token] ? token : p.layout.cell.findIndex((x) => x));

/** The vision tower's rot_pos_emb table for the chosen token's image (or the first), on the page's
 *  canvas: a row per patch in merge-block order, a column per pair (the first half the patch's row ×
 *  f_k, the second its column × f_k), coloured by cos(angle), scaled to whole pixels a cell; the
 *  halves' titles, the first and last patch's numbers, the line between the halves (the outline's
 *  layer cleared: the next step draws it). Too many patches: a note instead. */
export function drawVisionFigure(view, p, token, c, width, look) {
  const canvas = view.root.querySelector('canvas.mm-vision');
  const own = visionOwn(p, token);
  const f = figureOf(view, p, own, width, look);
  const room = { width, height: 22 + ROWS + 8 };
  if (f.tooMany) {
    fitFigure(canvas, width, 24, room);
    return;
  }
  const image = tableImage(view, visionTableOf(view, p, own, c, width, look), c);
  const { pairs, colPx, rowPx, patches, size } = f;
  const ctx = fitFigure(canvas, size.width, size.height, room);
  // The image through the view's scratch canvas, scaled with its cells sharp.
  const from = scratch(view);
  from.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(from.canvas, 0, 0, image.width, image.height, LABEL, 22, pairs * colPx, patches * rowPx);
  ctx.imageSmoothingEnabled = true;
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
}

/** The chosen token's patches outlined on the vision table's layer, and the table's note (its
 *  patch's row and column angles). */
export function drawVision(view, p, token, c, width, look) {
  const canvas = view.root.querySelector('canvas.mm-vision');
  const note = view.root.querySelector('.mm-vision-note');
  const { layout: lay, merge } = p;
  const own = visionOwn(p, token);
  const f = figureOf(view, p, own, width, look);
  const { m, grid, patches } = f;
  if (f.tooMany) {
    note.textContent = view.t('visionTooMany', { patches: grouped(patches) });
    return;
  }
  const { angles } = visionTableOf(view, p, own, c, width, look);
  const { pairs, rowPx, colPx } = f;
  const ctx = fitLayer(canvas);
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
