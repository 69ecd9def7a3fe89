// How the multimodal view draws its figures. Each figure is drawn on the page's canvas itself (no
// offscreen canvas made and copied back), and the chosen token's marks (its line, merge block and
// patches) on a transparent canvas over it (the markup's canvas.mm-<figure>-mark, next to it): moving
// the token redraws only that layer. A canvas is never made anew and its size changes only with the
// view's width: the grid's and the vision table's canvases are as large as the largest drawing they
// take, and their box (.mm-layers) shows the part a drawing covers. Giving a canvas a new size, or
// drawing on a new one, costs its first drawing a new bitmap: 20–90 ms of script at CPU 4x in
// Chromium, more than a frame (measured while this view's frame budget was worked on).
import { fitCanvas } from '../../canvas.js';

/** Clears `canvas` for a drawing of width × height CSS pixels (its box shows that much), the canvas at
 *  least `room` large (the largest drawing it takes) so that its size stays; the layer over it too,
 *  cleared. Returns the canvas's context. */
export function fitFigure(canvas, width, height, room = { width, height }) {
  const { ctx } = fitCanvas(canvas, Math.max(width, room.width), Math.max(height, room.height));
  canvas.parentElement.style.height = `${height}px`;
  fitLayer(canvas);
  return ctx;
}

/** The layer over `canvas`, of its size, cleared: its context. */
export function fitLayer(canvas) {
  const layer = canvas.nextElementSibling;
  return fitCanvas(layer, parseFloat(canvas.style.width), parseFloat(canvas.style.height)).ctx;
}

/** A canvas of the view's own for images put together in script (the vision table's), made once;
 *  its 2-D context. */
export function scratch(view) {
  if (!view.scratch) {
    const canvas = view.root.ownerDocument.createElement('canvas');
    canvas.width = 64;
    canvas.height = 512;
    view.scratch = canvas.getContext('2d', { willReadFrequently: true });
  }
  return view.scratch;
}
