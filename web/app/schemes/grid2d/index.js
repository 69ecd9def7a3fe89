// 2-D sin-cos of image patches (ViT/MAE, DiT): pick a patch and see how similar its encoding is to
// every other patch's, over the whole vector and over each half: the first half encodes x (the
// column), the second y (the row). Its text is en.js / zh.js beside it, its styles styles.css (README,
// "Adding a scheme"); it runs on the engine of its own folder, cpp/schemes/grid2d/.
import { fitCanvas, formatNumber, theme, widthOf } from '../../canvas.js';
import { oneFigure, SchemeView } from '../common.js';

function markup(t) {
  return `
    <div class="text">
      <h2 id="grid2d-title">${t('title')}</h2>
      ${t('bodyHtml')}
      <div class="scheme-controls">
        ${['gridHeight', 'gridWidth']
          .map(
            (side) => `<label class="inline-label">${t(side)}
          <select name="grid2d-${side}"><option>7</option><option selected>14</option><option>16</option><option>32</option></select></label>`,
          )
          .join('')}
        <label class="inline-label">${t('dModel')}
          <select name="grid2d-d"><option>64</option><option>256</option><option selected>768</option><option>1024</option></select></label>
        <label class="inline-label">${t('row')}
          <input type="range" name="grid2d-row" min="0" max="13" value="3" /></label>
        <label class="inline-label">${t('col')}
          <input type="range" name="grid2d-col" min="0" max="13" value="9" /></label>
      </div>
      <p class="howto">${t('pick')}</p>
    </div>
    <div class="figure">
      <div class="grid2d-panels">
        ${['all', 'x', 'y']
          .map(
            (part) => `<figure><figcaption>${t(part)}</figcaption>
          <canvas class="grid2d-${part}" data-part="${part}" tabindex="0" role="img"></canvas></figure>`,
          )
          .join('')}
      </div>
      <p class="grid2d-readout note" aria-live="polite"></p>
    </div>`;
}

class Grid2dView extends SchemeView {
  // The figure's settings (SchemeView): the grid and d_model as the engine's pe.schemes.sincos2d has
  // them; the picked patch inside the grid (its sliders' range).
  static table = 'sincos2d';
  static settings = [
    { option: 'gridHeight', control: 'grid2d-gridHeight' },
    { option: 'gridWidth', control: 'grid2d-gridWidth' },
    { option: 'dModel', control: 'grid2d-d' },
    { name: 'row', control: 'grid2d-row', upTo: 'grid-height − 1' },
    { name: 'col', control: 'grid2d-col', upTo: 'grid-width − 1' },
  ];

  constructor(root, pe, t, onError) {
    super(root, pe, t, onError);
    this.canvases = [...root.querySelectorAll('canvas[data-part]')];
    this.onPointer = (e) => this.pickAt(e);
    this.onKey = (e) => this.keyMove(e);
    for (const canvas of this.canvases) {
      canvas.addEventListener('pointerdown', this.onPointer);
      canvas.addEventListener('keydown', this.onKey);
    }
    this.draw();
  }

  destroy() {
    super.destroy();
    for (const canvas of this.canvases) {
      canvas.removeEventListener('pointerdown', this.onPointer);
      canvas.removeEventListener('keydown', this.onKey);
    }
  }

  value(name) {
    return this.root.querySelector(`[name="grid2d-${name}"]`);
  }

  options() {
    const number = (name) => Number(this.value(name).value);
    return { dModel: number('d'), gridHeight: number('gridHeight'), gridWidth: number('gridWidth') };
  }

  /** The picked patch stays inside the grid (its sliders clamp it). */
  limits() {
    const o = this.options();
    this.value('row').max = String(o.gridHeight - 1);
    this.value('col').max = String(o.gridWidth - 1);
    return o;
  }

  /** Picks a patch (pointer or keys): its sliders move, the figure redraws, the page's address follows. */
  pick(row, col) {
    this.value('row').value = String(row);
    this.value('col').value = String(col);
    this.draw();
    this.changed?.({ type: 'change' });
  }

  pickAt(e) {
    const o = this.options();
    const rect = e.currentTarget.getBoundingClientRect();
    const col = Math.floor(((e.clientX - rect.left) / rect.width) * o.gridWidth);
    const row = Math.floor(((e.clientY - rect.top) / rect.height) * o.gridHeight);
    if (row >= 0 && row < o.gridHeight && col >= 0 && col < o.gridWidth) this.pick(row, col);
  }

  keyMove(e) {
    const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (!moves[e.key]) return;
    e.preventDefault();
    const o = this.options();
    const [row, col] = [this.value('row').value, this.value('col').value].map(Number);
    this.pick(
      Math.max(0, Math.min(o.gridHeight - 1, row + moves[e.key][0])),
      Math.max(0, Math.min(o.gridWidth - 1, col + moves[e.key][1])),
    );
  }

  render() {
    const o = this.limits();
    const row = Number(this.value('row').value);
    const col = Number(this.value('col').value);
    this.picked = { row, col };
    const width = Math.max(240, widthOf(this.root.querySelector('.grid2d-panels')));
    const size = Math.min(260, width < 560 ? width - 4 : Math.floor(width / 3) - 12);
    // One colour scale for the three panels: viridis from the lowest similarity shown up to 1.
    const each = this.pe.grid2dSimilarities(o, row, col); // the three panels' from one table
    const sims = this.canvases.map((canvas) => each[canvas.dataset.part]);
    let min = 1;
    for (const sim of sims) for (const v of sim) min = Math.min(min, v);
    this.canvases.forEach((canvas, n) => {
      this.drawPanel(canvas, sims[n], o, size, Math.min(min, 1 - 1e-6));
      canvas.setAttribute('aria-label', this.t('panel', { row, col, part: this.t(canvas.dataset.part) }));
    });
    const readout = this.root.querySelector('.grid2d-readout');
    readout.textContent = this.t('readout', {
      row,
      col,
      index: row * o.gridWidth + col,
      min: formatNumber(min, 3),
    });
    readout.dataset.row = String(row);
    readout.dataset.col = String(col);
  }

  drawPanel(canvas, sim, o, size, low) {
    const c = theme(canvas);
    // Square patches, the panel inside a size × size box.
    const cell = size / Math.max(o.gridWidth, o.gridHeight);
    const { ctx, width, height } = fitCanvas(canvas, cell * o.gridWidth, cell * o.gridHeight);
    // One pixel per patch, scaled up without smoothing: the same picture as drawing every canvas pixel
    // (each shows the one patch under it), at a fraction of the work on a phone at devicePixelRatio 2.
    const rgba = this.pe.renderMatrix(Float32Array.from(sim), o.gridHeight, o.gridWidth, {
      width: o.gridWidth,
      height: o.gridHeight,
      map: 'viridis',
      low,
      high: 1,
    });
    this.cells ??= document.createElement('canvas');
    // Resized only when the grid is (setting a canvas's size, even to the same, makes it anew).
    if (this.cells.width !== o.gridWidth) this.cells.width = o.gridWidth;
    if (this.cells.height !== o.gridHeight) this.cells.height = o.gridHeight;
    this.cells.getContext('2d').putImageData(new ImageData(rgba, o.gridWidth, o.gridHeight), 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(this.cells, 0, 0, width, height);
    ctx.strokeStyle = c.accent;
    ctx.lineWidth = 3;
    ctx.strokeRect(this.picked.col * cell + 1, this.picked.row * cell + 1, cell - 2, cell - 2);
  }
}

export default oneFigure({ name: 'grid2d', order: 30, engine: 'grid2d', markup, View: Grid2dView });
