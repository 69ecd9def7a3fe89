// ALiBi: no position vectors; each head adds -slope·distance to the attention scores. Shows the
// slopes per head (and the rule for head counts that are not powers of two), every head's bias
// matrix as a small multiple, and one head's softmax with and without the bias, in both forms.
// Its text is en.js / zh.js beside it (README, "Adding a scheme"); it runs on the engine of its own
// folder, cpp/schemes/alibi/.
import { fitCanvas, formatNumber, theme, widthOf } from '../../canvas.js';
import { legend, lineChart, oneFigure, SchemeView } from '../common.js';

function markup(t) {
  return `
    <div class="text">
      <h2 id="alibi-title">${t('title')}</h2>
      ${t('bodyHtml')}
      <div class="scheme-controls">
        <label class="inline-label">${t('heads')}
          <select name="alibi-heads"><option>4</option><option>6</option><option>8</option><option selected>12</option><option>16</option><option>32</option></select></label>
        <label class="inline-label">${t('length')}
          <select name="alibi-length"><option>16</option><option selected>32</option><option>64</option><option>256</option><option>1024</option><option>4096</option></select></label>
        <label class="inline-label">${t('query')}
          <input type="range" name="alibi-query" min="0" max="31" value="24" /></label>
      </div>
    </div>
    <div class="figure">
      <h3>${t('slopesTitle')}</h3>
      <canvas class="alibi-slopes" role="img" aria-label="${t('slopesTitle')}"></canvas>
      <p class="alibi-slopes-note note"></p>
      <h3>${t('matricesTitle')}</h3>
      <canvas class="alibi-matrices" role="img" aria-label="${t('matricesTitle')}"></canvas>
      <p class="note">${t('matricesNote')}</p>
      <h3 class="alibi-attention-title"></h3>
      <canvas class="alibi-attention" role="img"></canvas>
      <p class="legend alibi-legend"></p>
      <p class="alibi-attention-note note" aria-live="polite"></p>
    </div>`;
}

class AlibiView extends SchemeView {
  // The figure's settings (SchemeView): heads and positions as the engine's pe.schemes.alibi has them;
  // the query inside the sequence (its slider's range).
  static table = 'alibi';
  static settings = [
    { option: 'heads', control: 'alibi-heads' },
    { option: 'positions', control: 'alibi-length' },
    { name: 'query', control: 'alibi-query', upTo: 'positions − 1' },
  ];

  constructor(root, pe, t, onError) {
    super(root, pe, t, onError);
    this.draw();
  }

  /** The query stays inside the sequence. */
  limits() {
    const positions = Number(this.root.querySelector('[name="alibi-length"]').value);
    this.root.querySelector('[name="alibi-query"]').max = String(positions - 1);
    return positions;
  }

  render() {
    const heads = Number(this.root.querySelector('[name="alibi-heads"]').value);
    const positions = this.limits();
    const slider = this.root.querySelector('[name="alibi-query"]');
    const query = Math.min(Number(slider.value), positions - 1);
    const slopes = this.pe.alibiSlopes(heads);
    // The slopes and the heads' matrices change with the heads, the length, the width and the theme,
    // not with the query: moving the query redraws only its attention chart.
    const matrices = this.root.querySelector('canvas.alibi-matrices');
    const c = theme(matrices);
    const key = [
      heads,
      positions,
      widthOf(matrices.parentElement),
      window.devicePixelRatio,
      c.fg,
      c.grid,
    ].join();
    if (key !== this.drawnKey) {
      this.drawSlopes(slopes);
      this.drawMatrices({ heads, positions }, slopes);
      this.drawnKey = key;
    }
    this.drawAttention({ heads, positions }, query, slopes);
  }

  drawSlopes(slopes) {
    const canvas = this.root.querySelector('canvas.alibi-slopes');
    const c = theme(canvas);
    const width = Math.max(240, widthOf(canvas.parentElement));
    const height = 150;
    const { ctx } = fitCanvas(canvas, width, height);
    const n = slopes.length;
    const lower = 2 ** Math.floor(Math.log2(n));
    const bar = (width - 50) / n;
    ctx.font = c.font;
    ctx.fillStyle = c.muted;
    ctx.textAlign = 'right';
    ctx.fillText('1', 40, 18);
    ctx.fillText('0', 40, height - 22);
    for (let h = 0; h < n; h++) {
      const barHeight = slopes[h] * (height - 40);
      ctx.fillStyle = h < lower ? c.accent : c.cos; // the extra heads of a non-power-of-two count
      ctx.fillRect(48 + h * bar, height - 22 - barHeight, Math.max(1, bar - 2), barHeight);
      if (bar > 26) {
        ctx.fillStyle = c.fg;
        ctx.textAlign = 'center';
        ctx.fillText(formatNumber(slopes[h], 2), 48 + h * bar + bar / 2, height - 26 - barHeight);
      }
      if (bar > 14 || h % 4 === 0) {
        ctx.fillStyle = c.muted;
        ctx.textAlign = 'center';
        ctx.fillText(String(h), 48 + h * bar + bar / 2, height - 6);
      }
    }
    const rule =
      lower === n
        ? this.t('rulePower', { heads: n })
        : this.t('ruleOther', { lower, upper: 2 * lower, extra: n - lower });
    this.root.querySelector('.alibi-slopes-note').textContent = this.t('slopesNote', { heads: n, rule });
  }

  drawMatrices(options, slopes) {
    const canvas = this.root.querySelector('canvas.alibi-matrices');
    const c = theme(canvas);
    const width = Math.max(240, widthOf(canvas.parentElement));
    const heads = slopes.length;
    const perRow = width < 500 ? 4 : 8;
    const size = Math.floor(width / perRow) - 8;
    const rows = Math.ceil(heads / perRow);
    const height = rows * (size + 22);
    const { ctx, dpr } = fitCanvas(canvas, width, height);
    const n = options.positions;
    // One shared colour scale: 0 (no penalty) down to the largest penalty of the steepest head.
    const low = -slopes.reduce((a, b) => Math.max(a, b), 0) * (n - 1);
    for (let h = 0; h < heads; h++) {
      // Drawn by the engine at the canvas's resolution: no heads x n x n tensor, whatever n is.
      const px = Math.max(1, Math.round(size * dpr));
      const rgba = this.pe.renderAlibi(options, h, { width: px, height: px, low, high: 0 });
      const x = (h % perRow) * (size + 8);
      const y = Math.floor(h / perRow) * (size + 22);
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.putImageData(new ImageData(rgba, px, px), Math.round(x * dpr), Math.round(y * dpr));
      ctx.restore();
      ctx.strokeStyle = c.grid;
      ctx.strokeRect(x + 0.5, y + 0.5, size, size);
      ctx.fillStyle = c.muted;
      ctx.font = c.font;
      ctx.textAlign = 'left';
      ctx.fillText(`${this.t('headLabel')} ${h}: ${formatNumber(slopes[h], 3)}`, x, y + size + 14);
    }
  }

  drawAttention(options, query, slopes) {
    const head = Math.min(slopes.length - 1, 1);
    const paper = this.pe.alibiAttention({ ...options, form: 'distance' }, head, query);
    const bloom = this.pe.alibiAttention({ ...options, form: 'key_position' }, head, query);
    const count = query + 1;
    const x = Float64Array.from({ length: count }, (_, j) => j);
    const uniform = new Float64Array(count).fill(1 / count);
    let diff = 0;
    for (let j = 0; j < options.positions; j++) diff = Math.max(diff, Math.abs(paper[j] - bloom[j]));
    const canvas = this.root.querySelector('canvas.alibi-attention');
    canvas.setAttribute('aria-label', this.t('attentionTitle', { head }));
    this.root.querySelector('.alibi-attention-title').textContent = this.t('attentionTitle', { head });
    const c = theme(canvas);
    lineChart(
      canvas,
      [
        { x, y: uniform, color: c.muted, dash: [3, 3] },
        { x, y: paper.subarray(0, count), color: c.accent, width: 3 },
        { x, y: bloom.subarray(0, count), color: c.cos, dash: [6, 4] },
      ],
      { xLabel: this.t('key'), yLabel: this.t('weight'), height: 200 },
    );
    legend(this.root.querySelector('.alibi-legend'), [
      { color: c.muted, label: this.t('noBias'), dash: true },
      { color: c.accent, label: this.t('withBias') },
      { color: c.cos, label: this.t('bloom'), dash: true },
    ]);
    const note = this.root.querySelector('.alibi-attention-note');
    note.textContent = this.t('attentionNote', { i: query, count, diff: formatNumber(diff, 2) });
    note.dataset.diff = String(diff);
  }
}

export default oneFigure({ name: 'alibi', order: 20, engine: 'alibi', markup, View: AlibiView });
