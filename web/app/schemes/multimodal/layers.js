// The multimodal view's marks (the chosen token's line, merge block and patches) are drawn on a
// transparent canvas over each figure's (the markup's canvas.mm-<figure>-mark, next to it): moving the
// token redraws only its layer, and the figure is drawn on the page's canvas itself, once per what it
// shows (no offscreen copy to make and copy back).
import { fitCanvas } from '../../canvas.js';

/** The layer over `canvas`, sized as `canvas` is drawn (width × height CSS pixels) and cleared: its
 *  context. The stylesheet lays it over the figure's box. */
export function fitLayer(canvas, width, height) {
  const layer = canvas.nextElementSibling;
  const { ctx } = fitCanvas(layer, width, height);
  layer.style.width = '';
  layer.style.height = '';
  return ctx;
}

/** Clears the layer over `canvas` (its figure is drawn anew; the mark follows in a later step). */
export function clearLayer(canvas) {
  const layer = canvas.nextElementSibling;
  const ctx = layer.getContext('2d');
  ctx.reset?.();
  ctx.clearRect(0, 0, layer.width, layer.height);
}
