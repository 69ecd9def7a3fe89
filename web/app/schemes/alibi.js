// ALiBi: no position vectors; each head adds -slope·distance to the attention scores. Shows the
// slopes per head (and the rule for head counts that are not powers of two), every head's bias
// matrix as a small multiple, and one head's softmax with and without the bias, in both forms.
import { fitCanvas, formatNumber, theme, widthOf } from '../canvas.js';
import { legend, lineChart, SchemeView } from './common.js';

const strings = {
  en: {
    title: 'ALiBi: linear biases instead of position vectors',
    bodyHtml:
      '<p>ALiBi (Press et al. 2022; BLOOM, MPT) adds no position vector anywhere. Each attention head adds <strong>−slope · (i − j)</strong> to the score of query i and key j: the further back a key, the lower its score, at a rate fixed per head. Slopes are geometric: for 8 heads 1/2, 1/4, …, 1/256.</p><p>For a head count that is not a power of two the reference code takes the slopes of the closest lower power of two, then every other slope of the next power (12 heads: the 8 slopes of 8 heads, then 0.7071, 0.3536, 0.1768, 0.0884). Several libraries got this rule wrong.</p>',
    heads: 'heads',
    length: 'sequence length',
    query: 'query position i',
    slopesTitle: 'Slope per head',
    slopesNote: '{heads} heads: {rule}',
    rulePower: 'a power of two: slopes 2^(−8/{heads}), 2^(−16/{heads}), …',
    ruleOther:
      'not a power of two: the {lower} slopes of {lower} heads, then every other slope of {upper} heads ({extra} more).',
    matricesTitle: 'The bias of every head (query rows, key columns)',
    matricesNote:
      'Yellow: no penalty; dark blue: a strong penalty; blank above the diagonal: the causal mask (−∞). Steep heads look only at the last few tokens; shallow ones see far back.',
    attentionTitle: 'One query’s attention, head {head}',
    attentionNote:
      'Softmax over keys 0 … {i} when every content score is equal, so only the bias speaks. Without a bias every key gets 1/{count}. With −slope·(i − j) the weight falls off with distance. BLOOM adds slope·j instead, which differs by −slope·i, the same for every key of this query, so the softmax is the same: largest difference {diff}.',
    noBias: 'no bias',
    withBias: 'ALiBi −slope·(i − j)',
    bloom: 'BLOOM slope·j',
    key: 'key position j',
    weight: 'attention weight',
    headLabel: 'head',
  },
  zh: {
    title: 'ALiBi：用线性偏置代替位置向量',
    bodyHtml:
      '<p>ALiBi（Press 等，2022；BLOOM、MPT）在任何地方都不加位置向量。每个注意力头给查询 i 和键 j 的分数加上 <strong>−slope · (i − j)</strong>：键越靠前，分数越低，下降速度每个头固定。斜率是等比数列：8 个头时为 1/2, 1/4, …, 1/256。</p><p>头数不是 2 的幂时，参考代码先取较小的那个 2 的幂的斜率，再隔一个取下一个 2 的幂的斜率（12 个头：8 个头的 8 个斜率，再加 0.7071、0.3536、0.1768、0.0884）。有好几个库把这条规则写错了。</p>',
    heads: '头数',
    length: '序列长度',
    query: '查询位置 i',
    slopesTitle: '每个头的斜率',
    slopesNote: '{heads} 个头：{rule}',
    rulePower: '是 2 的幂：斜率为 2^(−8/{heads})、2^(−16/{heads})、…',
    ruleOther:
      '不是 2 的幂：先取 {lower} 个头的 {lower} 个斜率，再隔一个取 {upper} 个头的斜率（再加 {extra} 个）。',
    matricesTitle: '每个头的偏置（行是查询，列是键）',
    matricesNote:
      '黄色：没有惩罚；深蓝：惩罚大；对角线上方空白：因果掩码（−∞）。陡的头只看最近几个词元，平缓的头能看得很远。',
    attentionTitle: '一个查询的注意力，第 {head} 个头',
    attentionNote:
      '当所有内容分数相等时，对键 0 … {i} 做 softmax，只剩偏置起作用。没有偏置时每个键得到 1/{count}。加上 −slope·(i − j) 后权重随距离下降。BLOOM 改加 slope·j，两者相差 −slope·i，对这个查询的所有键都一样，所以 softmax 相同：最大差 {diff}。',
    noBias: '没有偏置',
    withBias: 'ALiBi −slope·(i − j)',
    bloom: 'BLOOM slope·j',
    key: '键位置 j',
    weight: '注意力权重',
    headLabel: '头',
  },
};

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

export const alibiScheme = { name: 'alibi', strings, markup, View: AlibiView };
