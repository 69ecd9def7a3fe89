// Precision: what float16 and bfloat16 do to position encodings. One quantity of the computation is
// held in the low format (position ids, frequencies, angles or outputs), everything else in float64,
// and the engine measures the error of every (position, pair): an error heatmap up to 10^6 positions
// drawn at canvas resolution by the engine (pe.renderPrecision), the positions that collapse onto one
// vector (pe.precisionError), one pair's angle error against the formats' spacing, and what the
// frameworks do about it, each with its figure.
import { drawAxis, fitCanvas, formatNumber, grouped, theme, ticks, widthOf } from '../canvas.js';
import { legend, lineChart, SchemeView } from './common.js';

const strings = {
  en: {
    title: 'Precision: what float16 and bfloat16 do to positions',
    bodyHtml:
      '<p>Models train in 16-bit formats, and a position encoding is where that bites first. <strong>bfloat16</strong> has 8 significant bits: it holds every integer only up to 256 (then steps of 2, …, 16 between 2048 and 4096, 512 from 65,536). <strong>float16</strong> has 11: integers up to 2048, steps of 4 from 4096, and nothing above 65,504. A position id or an angle stored in one of them is rounded, and neighbouring positions can end up with <em>the same</em> vector.</p><p>Pick which quantity is held in the low format; everything else is exact (float64). Colour: the larger of the sine and cosine errors of each pair, on a log scale.</p>',
    encoding: 'encoding',
    sinusoidal: 'sinusoidal, d_model 128',
    rope: 'RoPE, head 128, θ 10⁴',
    ropeLong: 'RoPE, head 128, θ 5·10⁵',
    format: 'format',
    stage: 'held in the format',
    positions: 'position ids',
    frequencies: 'frequencies ω (inv_freq)',
    angles: 'angles p·ω',
    outputs: 'outputs sin, cos',
    range: 'positions',
    heatTitle: 'Error per position and pair',
    heatHowto:
      'Drag to pan, wheel or pinch to zoom, double-click to reset; keys: + and − zoom, ← and → pan, 0 resets. Tap or hover for one cell.',
    pairAxis: 'pair i',
    positionAxis: 'position',
    colourLow: 'error ≤ 10⁻⁸',
    colourHigh: '2 (sin and cos both wrong)',
    sampled:
      'Positions {first} … {last}: each pixel column covers {per} positions and shows the largest error of {samples} evenly spaced ones.',
    exact: 'Positions {first} … {last}: every position is drawn.',
    cell: 'Position {position}, pair {pair} (ω = {omega}): error {error}.',
    summary:
      'Among positions {first} … {last}: largest error {max}; first error above 10⁻³ at {bad}; {distinct} different vectors for {count} positions.',
    summaryCapped:
      ' (Counted over the first {count} positions of the window: the engine’s cap is {cap} values.)',
    none: 'none',
    collapseTitle: 'Positions that share one vector',
    collapseNone: 'No two positions in this range share a vector.',
    collapseLead: '{groups} vectors are shared by two or more positions. The first:',
    group: '{list} ({size} positions)',
    collapseMarks: 'Red ticks above the heatmap mark these groups.',
    stepsTitle: 'One pair’s angle in each format',
    stepsNote:
      'The angle p·ω of pair {pair} (ω = {omega}) held in each format: dots are the rounding error |round(p·ω) − p·ω|, lines half the format’s spacing, the largest error rounding can make. The error grows with the angle, step by step; exact values (error 0) are not drawn. float16 stops at 65,504: beyond it the angle is infinite.',
    pair: 'pair',
    angleError: 'angle error (radians)',
    frameworksTitle: 'What the frameworks do about it',
    idsTitle: 'Keep position ids integer',
    idsNote:
      'Position ids are int64 until the angle is formed. Cast to bfloat16, 4,096 positions leave {bf16} different vectors ({fp16} in float16): the sawtooth is round(p) − p.',
    invTitle: 'inv_freq and the tables in float32, autocast off',
    invNote:
      'Hugging Face computes inv_freq @ position_ids in float32 inside torch.autocast(enabled=False): “Force float32 since bfloat16 loses precision on long contexts” (transformers PR 29285). With inv_freq in bfloat16, RoPE’s outputs at position 4095 are off by up to {max}; in float32 by {f32}.',
    bigTitle: 'float64 for very large positions',
    bigNote:
      'float32 is not enough forever: its spacing near 10⁶ is 0.0625, so an angle p·ω formed in float32 is off by up to {max} rad by position 10⁶ (largest over the pairs, sampled). Forming p·ω in float64, as this engine does, or keeping positions small avoids it.',
    maxOverPairs: 'largest error over the pairs',
    idError: 'round(p) − p',
  },
  zh: {
    title: '精度：float16 和 bfloat16 对位置做了什么',
    bodyHtml:
      '<p>模型用 16 位格式训练，而位置编码是最先出问题的地方。<strong>bfloat16</strong> 只有 8 位有效数字：只能精确表示到 256 的整数（之后步长为 2，……，2048 到 4096 之间步长 16，65,536 起步长 512）。<strong>float16</strong> 有 11 位：整数精确到 2048，4096 起步长为 4，超过 65,504 就无法表示。位置编号或角度存成这两种格式都会被舍入，相邻的位置可能得到<em>同一个</em>向量。</p><p>选择哪个量用低精度保存；其余一律精确（float64）。颜色：每一对的正弦误差和余弦误差中较大的那个，用对数刻度。</p>',
    encoding: '编码',
    sinusoidal: '正弦编码，d_model 128',
    rope: 'RoPE，头维度 128，θ 10⁴',
    ropeLong: 'RoPE，头维度 128，θ 5·10⁵',
    format: '格式',
    stage: '用该格式保存的量',
    positions: '位置编号',
    frequencies: '频率 ω（inv_freq）',
    angles: '角度 p·ω',
    outputs: '输出 sin、cos',
    range: '位置数',
    heatTitle: '每个位置、每一对的误差',
    heatHowto:
      '拖动平移，滚轮或双指缩放，双击复原；键盘：+ 和 − 缩放，← 和 → 平移，0 复原。轻触或悬停查看一个格子。',
    pairAxis: '第 i 对',
    positionAxis: '位置',
    colourLow: '误差 ≤ 10⁻⁸',
    colourHigh: '2（正弦、余弦都错）',
    sampled:
      '位置 {first} … {last}：每列像素覆盖 {per} 个位置，显示其中均匀取的 {samples} 个位置的最大误差。',
    exact: '位置 {first} … {last}：每个位置都画出。',
    cell: '位置 {position}，第 {pair} 对（ω = {omega}）：误差 {error}。',
    summary:
      '位置 {first} … {last} 中：最大误差 {max}；误差首次超过 10⁻³ 的位置 {bad}；{count} 个位置只剩 {distinct} 个不同的向量。',
    summaryCapped: '（只统计窗口中前 {count} 个位置：引擎的上限是 {cap} 个值。）',
    none: '无',
    collapseTitle: '共用同一个向量的位置',
    collapseNone: '这个范围内没有两个位置共用一个向量。',
    collapseLead: '有 {groups} 个向量被两个或更多位置共用。最前面的几组：',
    group: '{list}（{size} 个位置）',
    collapseMarks: '热图上方的红色刻度标出了这些组。',
    stepsTitle: '一对的角度在各格式中的误差',
    stepsNote:
      '第 {pair} 对（ω = {omega}）的角度 p·ω 用各格式保存：点是舍入误差 |round(p·ω) − p·ω|，线是该格式间距的一半，即舍入可能造成的最大误差。误差随角度一级一级地增长；精确的值（误差为 0）不画。float16 到 65,504 为止：超过之后角度成了无穷大。',
    pair: '第几对',
    angleError: '角度误差（弧度）',
    frameworksTitle: '各框架怎么应对',
    idsTitle: '位置编号保持整数',
    idsNote:
      '在算出角度之前，位置编号一直是 int64。若转成 bfloat16，4,096 个位置只剩 {bf16} 个不同的向量（float16 为 {fp16}）：锯齿就是 round(p) − p。',
    invTitle: 'inv_freq 和 cos/sin 表用 float32 计算，关闭 autocast',
    invNote:
      'Hugging Face 在 torch.autocast(enabled=False) 中用 float32 计算 inv_freq @ position_ids，代码注释写道：强制使用 float32，因为 bfloat16 在长上下文中会损失精度（transformers PR 29285）。若 inv_freq 用 bfloat16，RoPE 在位置 4095 的输出最多偏差 {max}；用 float32 时为 {f32}。',
    bigTitle: '位置很大时用 float64',
    bigNote:
      'float32 也不是永远够用：它在 10⁶ 附近的间距是 0.0625，所以用 float32 算出的角度 p·ω 到位置 10⁶ 时最多偏差 {max} 弧度（各对中的最大值，抽样）。用 float64 计算 p·ω（本引擎就是这样做的），或者让位置保持较小，就能避免。',
    maxOverPairs: '各对中的最大误差',
    idError: 'round(p) − p',
  },
};

const ENCODINGS = {
  sinusoidal: { dModel: 128 },
  rope: { headDim: 128, theta: 10000 },
  ropeLong: { headDim: 128, theta: 500000 },
};
const FORMATS = ['float32', 'float16', 'bfloat16'];
const STAGES = ['positions', 'frequencies', 'angles', 'outputs'];
const RANGES = [4096, 65536, 1000000];
const LOW = 1e-8;
const HIGH = 2;

function markup(t) {
  const options = (list, selected, label = (v) => t(v)) =>
    list.map((v) => `<option value="${v}"${v === selected ? ' selected' : ''}>${label(v)}</option>`).join('');
  return `
    <div class="text">
      <h2 id="precision-title">${t('title')}</h2>
      ${t('bodyHtml')}
      <div class="scheme-controls">
        <label class="inline-label">${t('encoding')}
          <select name="precision-encoding">${options(Object.keys(ENCODINGS), 'rope')}</select></label>
        <label class="inline-label">${t('format')}
          <select name="precision-format">${options(FORMATS, 'bfloat16', (v) => v)}</select></label>
        <label class="inline-label">${t('stage')}
          <select name="precision-stage">${options(STAGES, 'positions')}</select></label>
        <label class="inline-label">${t('range')}
          <select name="precision-range">${options(RANGES, 4096, (v) => grouped(v))}</select></label>
      </div>
    </div>
    <div class="figure">
      <h3>${t('heatTitle')}</h3>
      <p class="howto">${t('heatHowto')}</p>
      <canvas class="precision-heatmap" tabindex="0" role="img" aria-label="${t('heatTitle')}"></canvas>
      <p class="legend precision-colours"></p>
      <p class="precision-window note"></p>
      <p class="precision-cell note" aria-live="polite"></p>
      <p class="precision-summary note"></p>
      <h3>${t('collapseTitle')}</h3>
      <div class="precision-collapse note"></div>
      <h3>${t('stepsTitle')}</h3>
      <label class="inline-label">${t('pair')}
        <input type="range" name="precision-pair" min="0" max="63" value="0" /></label>
      <canvas class="precision-steps" role="img" aria-label="${t('stepsTitle')}"></canvas>
      <p class="legend precision-steps-legend"></p>
      <p class="precision-steps-note note"></p>
      <h3>${t('frameworksTitle')}</h3>
      <div class="precision-frameworks">
        ${['ids', 'inv', 'big']
          .map(
            (k) => `<figure class="precision-${k}"><figcaption><strong>${t(`${k}Title`)}</strong></figcaption>
          <canvas class="precision-${k}-chart" role="img" aria-label="${t(`${k}Title`)}"></canvas>
          <p class="note"></p></figure>`,
          )
          .join('')}
      </div>
    </div>`;
}

class PrecisionView extends SchemeView {
  // The figure's settings (SchemeView): each its control's options (the formats and stages are all
  // the engine's), the pair inside its slider's range.
  static settings = ['encoding', 'format', 'stage', 'range', 'pair'].map((name) => ({
    name,
    control: `precision-${name}`,
  }));

  constructor(root, pe, t, onError) {
    super(root, pe, t, onError);
    this.heat = root.querySelector('.precision-heatmap');
    this.window = null; // { start, count } of the heatmap; null: the whole range
    this.helper = document.createElement('canvas'); // the engine's pixels, scaled onto the heatmap
    this.frameworksDrawn = '';
    const on = (target, type, handler, options) => {
      target.addEventListener(type, handler, options);
      this.listeners.push(() => target.removeEventListener(type, handler, options));
    };
    this.listeners = [];
    this.pointers = new Map();
    on(this.heat, 'pointerdown', (e) => this.pointerDown(e));
    on(this.heat, 'pointermove', (e) => this.pointerMove(e));
    on(this.heat, 'pointerup', (e) => this.pointerUp(e));
    on(this.heat, 'pointercancel', (e) => this.pointerUp(e));
    on(this.heat, 'wheel', (e) => this.wheel(e), { passive: false });
    on(this.heat, 'dblclick', () => this.setWindow(null));
    on(this.heat, 'keydown', (e) => this.key(e));
    this.draw();
  }

  destroy() {
    super.destroy();
    for (const undo of this.listeners) undo();
    clearTimeout(this.fineTimer);
  }

  settings() {
    const value = (name) => this.root.querySelector(`[name="precision-${name}"]`).value;
    const encoding = value('encoding');
    return {
      encoding,
      options: ENCODINGS[encoding],
      how: { format: value('format'), stage: value('stage') },
      range: Number(value('range')),
    };
  }

  omega(options) {
    return options.headDim
      ? this.pe.ropeFrequencies(options).invFreq
      : Float64Array.from(this.pe.dimensions(options).omega.filter((_, n) => n % 2 === 0));
  }

  /** event: the control that changed, if any (SchemeView passes it). */
  render(event) {
    const target = event?.target;
    // A select fires input and then change: one redraw is enough.
    if (event?.type === 'change' && target?.tagName === 'SELECT') return;
    const s = this.settings();
    if (target?.name === 'precision-pair') return this.drawSteps(s); // only its own figure
    // Another encoding or range (from its control, an attribute or the address) shows the whole range.
    if (this.shown !== (this.shown = s.encoding + s.range)) this.window = null;
    this.pairs = this.omega(s.options).length;
    this.describe(s);
    this.drawHeat(s, false);
    this.drawSteps(s);
    this.drawFrameworks();
  }

  // --- the heatmap -------------------------------------------------------------------------------
  geometry() {
    const width = Math.max(240, widthOf(this.heat.parentElement));
    const pairs = this.pairs || 64;
    const heat = Math.max(96, Math.min(192, pairs * 2));
    return { width, height: heat + 54, plot: { left: 44, right: width - 22, top: 12, bottom: 12 + heat } };
  }

  visible(s) {
    const w = this.window || { start: 0, count: s.range };
    return { start: w.start, count: Math.min(w.count, s.range - w.start) };
  }

  /** coarse: one sample per CSS pixel column (while dragging); else every device pixel, 8 samples. */
  drawHeat(s, coarse) {
    const begin = performance.now();
    this.paintHeat(s, coarse);
    // bench.sh and the notes read where the time goes: one entry per heatmap frame.
    performance.measure(`pe-render:precision-${coarse ? 'coarse' : 'fine'}`, { start: begin });
  }

  paintHeat(s, coarse) {
    const omega = this.omega(s.options);
    this.pairs = omega.length;
    const g = this.geometry();
    const { ctx, dpr } = fitCanvas(this.heat, g.width, g.height);
    const t = theme(this.heat);
    const w = this.visible(s);
    const cssWidth = g.plot.right - g.plot.left;
    const cssHeight = g.plot.bottom - g.plot.top;
    const px = Math.max(1, Math.round(cssWidth * (coarse ? 1 : dpr)));
    const py = Math.max(1, Math.round(cssHeight * (coarse ? 1 : dpr)));
    // Up to 8 samples a column, as many as the engine's work cap allows at this many device pixels.
    const fit = Math.floor(this.pe.limits.maxPrecisionRenderWork / (px * omega.length));
    const samples = coarse ? 1 : Math.max(1, Math.min(8, fit));
    const rgba = this.pe.renderPrecision({ ...s.options, start: w.start, positions: w.count }, s.how, {
      width: px,
      height: py,
      samples,
      low: LOW,
      high: HIGH,
    });
    this.helper.width = px;
    this.helper.height = py;
    this.helper.getContext('2d').putImageData(new ImageData(rgba, px, py), 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(this.helper, g.plot.left, g.plot.top, cssWidth, cssHeight);
    const x = (p) => g.plot.left + ((p - w.start) / w.count) * cssWidth;
    drawAxis(ctx, t, {
      side: 'left',
      from: g.plot.top,
      to: g.plot.bottom,
      start: 0,
      end: omega.length,
      values: ticks(0, omega.length - 1, 4).filter(Number.isInteger),
      label: this.t('pairAxis'),
      grid: { left: g.plot.left },
    });
    drawAxis(ctx, t, {
      side: 'bottom',
      from: g.plot.left,
      to: g.plot.right,
      start: w.start,
      end: w.start + w.count,
      values: ticks(w.start, w.start + w.count - 1, Math.max(3, Math.floor(cssWidth / 100))).filter(
        Number.isInteger,
      ),
      format: (v) => formatNumber(v, 7),
      label: this.t('positionAxis'),
      grid: { bottom: g.plot.bottom },
    });
    // The collapse groups of the last summary, where they fall in the window.
    ctx.fillStyle = t.error;
    for (const group of this.groups || []) {
      const p = group.positions[0];
      if (p < w.start || p >= w.start + w.count) continue;
      ctx.fillRect(Math.round(x(p)) - 1, g.plot.top - 9, 2, 7);
    }
    this.heat.dataset.start = String(w.start);
    this.heat.dataset.count = String(w.count);
    this.heat.dataset.samples = String(samples);
    const per = w.count / px;
    this.root.querySelector('.precision-window').textContent =
      per <= samples
        ? this.t('exact', { first: fmt(w.start), last: fmt(w.start + w.count - 1) })
        : this.t('sampled', {
            first: fmt(w.start),
            last: fmt(w.start + w.count - 1),
            per: formatNumber(per, 3),
            samples,
          });
    this.heat.setAttribute(
      'aria-label',
      `${this.t('heatTitle')}: ${s.how.format}, ${this.t(s.how.stage)}, ${fmt(w.start)} … ${fmt(w.start + w.count - 1)}`,
    );
    const colours = this.root.querySelector('.precision-colours');
    if (!colours.childElementCount) {
      const low = this.pe.renderMatrix([Math.log10(LOW)], 1, 1, {
        width: 1,
        height: 1,
        map: 'viridis',
        low: Math.log10(LOW),
        high: Math.log10(HIGH),
      });
      const high = this.pe.renderMatrix([Math.log10(HIGH)], 1, 1, {
        width: 1,
        height: 1,
        map: 'viridis',
        low: Math.log10(LOW),
        high: Math.log10(HIGH),
      });
      const css = (p) => `rgb(${p[0]}, ${p[1]}, ${p[2]})`;
      legend(colours, [
        { color: css(low), label: this.t('colourLow') },
        { color: css(high), label: this.t('colourHigh') },
      ]);
    }
  }

  /** The numbers and the collapse groups of the window (as many positions as the engine's cap allows). */
  describe(s) {
    const w = this.visible(s);
    const cap = this.pe.limits.maxPrecisionValues;
    const count = Math.min(w.count, Math.floor(cap / this.pairs));
    const report = this.pe.precisionError({ ...s.options, start: w.start, positions: count }, s.how);
    this.groups = report.groups;
    let text = this.t('summary', {
      first: fmt(w.start),
      last: fmt(w.start + count - 1),
      max: formatNumber(report.maxError, 3),
      bad: report.firstBadPosition < 0 ? this.t('none') : fmt(report.firstBadPosition),
      distinct: fmt(report.distinctVectors),
      count: fmt(count),
    });
    if (count < w.count) text += this.t('summaryCapped', { count: fmt(count), cap: fmt(cap) });
    const summary = this.root.querySelector('.precision-summary');
    summary.textContent = text;
    summary.dataset.distinct = String(report.distinctVectors);
    summary.dataset.firstBad = String(report.firstBadPosition);
    const box = this.root.querySelector('.precision-collapse');
    box.dataset.groups = String(report.collapsedGroups);
    if (!report.collapsedGroups) {
      box.textContent = this.t('collapseNone');
    } else {
      const doc = box.ownerDocument;
      const lead = doc.createElement('p');
      lead.textContent = this.t('collapseLead', { groups: fmt(report.collapsedGroups) });
      const list = doc.createElement('ul');
      for (const group of report.groups) {
        const item = doc.createElement('li');
        const more = group.size > group.positions.length ? ', …' : '';
        item.textContent = this.t('group', {
          list: group.positions.map(fmt).join(', ') + more,
          size: fmt(group.size),
        });
        list.append(item);
      }
      const marks = doc.createElement('p');
      marks.textContent = this.t('collapseMarks');
      box.replaceChildren(lead, list, marks);
    }
  }

  cellAt(e) {
    const s = this.settings();
    const g = this.geometry();
    const rect = this.heat.getBoundingClientRect();
    const cx = e.clientX - rect.left;
    const cy = e.clientY - rect.top;
    if (cx < g.plot.left || cx > g.plot.right || cy < g.plot.top || cy > g.plot.bottom) return;
    const w = this.visible(s);
    const position = Math.min(
      w.start + w.count - 1,
      w.start + Math.floor(((cx - g.plot.left) / (g.plot.right - g.plot.left)) * w.count),
    );
    const pair = Math.min(
      this.pairs - 1,
      Math.floor(((cy - g.plot.top) / (g.plot.bottom - g.plot.top)) * this.pairs),
    );
    const one = this.pe.precisionError({ ...s.options, start: position, positions: 1 }, s.how);
    const cell = this.root.querySelector('.precision-cell');
    cell.textContent = this.t('cell', {
      position: fmt(position),
      pair,
      omega: formatNumber(this.omega(s.options)[pair], 4),
      error: formatNumber(one.errors[pair], 3),
    });
    cell.dataset.position = String(position);
    cell.dataset.pair = String(pair);
  }

  // --- pan and zoom: pointer (mouse, pen, touch; two touches pinch), wheel and keys -----------------
  setWindow(next, coarse = false) {
    const s = this.settings();
    if (next) {
      const count = Math.max(16, Math.min(s.range, Math.round(next.count)));
      const start = Math.max(0, Math.min(s.range - count, Math.round(next.start)));
      this.window = count >= s.range ? null : { start, count };
    } else {
      this.window = null;
    }
    this.guard(() => {
      if (!coarse) this.describe(s);
      this.drawHeat(s, coarse);
    });
    clearTimeout(this.fineTimer);
    // After a coarse frame, the fine one once the gesture pauses.
    if (coarse) this.fineTimer = setTimeout(() => this.guard(() => this.refine()), 150);
  }

  refine() {
    const s = this.settings();
    this.describe(s); // the groups first: the heatmap marks them
    this.drawHeat(s, false);
  }

  guard(f) {
    try {
      f();
    } catch (error) {
      this.onError({ kind: 'view_failed', args: { reason: String(error.message) } });
    }
  }

  zoomAt(fraction, factor, coarse) {
    const w = this.visible(this.settings());
    const anchor = w.start + fraction * w.count;
    const count = w.count / factor;
    this.setWindow({ start: anchor - fraction * count, count }, coarse);
  }

  fractionOf(clientX) {
    const g = this.geometry();
    const rect = this.heat.getBoundingClientRect();
    return Math.max(0, Math.min(1, (clientX - rect.left - g.plot.left) / (g.plot.right - g.plot.left)));
  }

  pointerDown(e) {
    this.heat.setPointerCapture?.(e.pointerId);
    this.pointers.set(e.pointerId, { x: e.clientX, moved: false });
    this.guard(() => this.cellAt(e));
  }

  pointerMove(e) {
    const before = this.pointers.get(e.pointerId);
    if (!before) {
      if (e.pointerType === 'mouse') this.guard(() => this.cellAt(e));
      return;
    }
    const g = this.geometry();
    const width = g.plot.right - g.plot.left;
    if (this.pointers.size === 2) {
      // Pinch: the distance between the two touches scales the window around their midpoint.
      const [a, b] = [...this.pointers.entries()];
      const other = a[0] === e.pointerId ? b[1] : a[1];
      const was = Math.abs(before.x - other.x);
      const now = Math.abs(e.clientX - other.x);
      if (was > 8 && now > 8) this.zoomAt(this.fractionOf((e.clientX + other.x) / 2), now / was, true);
    } else {
      const w = this.visible(this.settings());
      const dx = e.clientX - before.x;
      if (Math.abs(dx) < 1) return;
      this.setWindow({ start: w.start - (dx / width) * w.count, count: w.count }, true);
    }
    this.pointers.set(e.pointerId, { x: e.clientX, moved: true });
  }

  pointerUp(e) {
    const was = this.pointers.get(e.pointerId);
    this.pointers.delete(e.pointerId);
    if (was?.moved && this.pointers.size === 0) {
      clearTimeout(this.fineTimer);
      this.guard(() => this.refine());
    }
  }

  wheel(e) {
    e.preventDefault();
    this.zoomAt(this.fractionOf(e.clientX), e.deltaY < 0 ? 1.25 : 0.8, true);
  }

  key(e) {
    const w = this.visible(this.settings());
    const moves = {
      '+': () => this.zoomAt(0.5, 2),
      '=': () => this.zoomAt(0.5, 2),
      '-': () => this.zoomAt(0.5, 0.5),
      ArrowLeft: () => this.setWindow({ start: w.start - w.count / 4, count: w.count }),
      ArrowRight: () => this.setWindow({ start: w.start + w.count / 4, count: w.count }),
      0: () => this.setWindow(null),
    };
    if (!moves[e.key]) return;
    e.preventDefault();
    moves[e.key]();
  }

  // --- one pair's angle against the formats' spacing -----------------------------------------------
  drawSteps(s) {
    const omega = this.omega(s.options);
    const slider = this.root.querySelector('[name="precision-pair"]');
    slider.max = String(omega.length - 1);
    const pair = Math.min(Number(slider.value), omega.length - 1);
    const w = omega[pair];
    const canvas = this.root.querySelector('.precision-steps');
    const t = theme(canvas);
    const width = Math.max(240, widthOf(canvas.parentElement));
    const height = 240;
    const { ctx } = fitCanvas(canvas, width, height);
    const g = { left: 52, right: width - 12, top: 10, bottom: height - 34 };
    // Positions 1 … range, log-spaced (integers); y: log10 of the error, 10^-10 … 10^3.
    const n = Math.min(600, Math.floor(width));
    const positions = [];
    for (let k = 0; k < n; k++) {
      const p = Math.round(10 ** ((k / (n - 1)) * Math.log10(s.range)));
      if (positions[positions.length - 1] !== p) positions.push(p);
    }
    const angles = positions.map((p) => p * w);
    const [y0, y1] = [-10, 3];
    const lx = (p) => g.left + (Math.log10(p) / Math.log10(s.range)) * (g.right - g.left);
    const ly = (e) => g.bottom - ((Math.log10(e) - y0) / (y1 - y0)) * (g.bottom - g.top);
    drawAxis(ctx, t, {
      side: 'left',
      from: g.bottom,
      to: g.top,
      start: y0,
      end: y1,
      values: [-9, -6, -3, 0, 3],
      format: (v) => `1e${v}`,
      grid: { left: g.left, right: g.right },
    });
    const decades = [];
    for (let d = 0; d <= Math.log10(s.range); d++) decades.push(d);
    drawAxis(ctx, t, {
      side: 'bottom',
      from: g.left,
      to: g.right,
      start: 0,
      end: Math.log10(s.range),
      values: decades,
      format: (v) => formatNumber(10 ** v, 7),
      grid: { bottom: g.bottom },
    });
    ctx.font = t.font;
    ctx.fillStyle = t.muted;
    ctx.textAlign = 'right';
    ctx.fillText(this.t('positionAxis'), g.right, height - 4);
    ctx.textAlign = 'left';
    ctx.fillText(this.t('angleError'), g.left + 4, g.top + 10);
    const facts = this.pe.numberFormats;
    const colours = { float32: t.series[2], float16: t.series[1], bfloat16: t.series[0] };
    const items = [];
    for (const format of FORMATS) {
      const rounded = this.pe.roundTo(angles, format);
      const f = facts[format];
      ctx.fillStyle = colours[format];
      ctx.strokeStyle = colours[format];
      ctx.lineWidth = 1.25;
      ctx.beginPath();
      let open = false;
      for (let k = 0; k < positions.length; k++) {
        const a = angles[k];
        const x = lx(positions[k]);
        if (a > f.largest) break; // float16: the angle overflows to Infinity
        const e = Math.abs(rounded[k] - a);
        if (e > 0) ctx.fillRect(x - 1, ly(Math.min(e, 10 ** y1)) - 1, 2, 2);
        // Half the spacing (ulp) at this angle: 2^(exponent - (precision - 1)) / 2.
        const exponent = Math.max(Math.floor(Math.log2(a)), f.minExponent);
        const half = 2 ** (exponent - (f.precision - 1)) / 2;
        const y = ly(Math.max(10 ** y0, Math.min(half, 10 ** y1)));
        if (open) ctx.lineTo(x, y);
        else ctx.moveTo(x, y);
        open = true;
      }
      ctx.stroke();
      items.push({ color: colours[format], label: format });
    }
    legend(this.root.querySelector('.precision-steps-legend'), items);
    this.root.querySelector('.precision-steps-note').textContent = this.t('stepsNote', {
      pair,
      omega: formatNumber(w, 4),
    });
    canvas.dataset.pair = String(pair);
  }

  // --- the frameworks' choices, each with its figure (fixed cases: drawn once per width and theme) ----
  drawFrameworks() {
    const box = this.root.querySelector('.precision-frameworks');
    const key = `${widthOf(box)}|${theme(box).fg}`;
    if (this.frameworksDrawn === key) return;
    this.frameworksDrawn = key;
    const t = theme(box);
    const note = (k, vars) => {
      box.querySelector(`.precision-${k} .note`).textContent = this.t(`${k}Note`, vars);
    };
    // Position ids: round(p) - p over 0 … 4095, and how many different ids (one pair, ω = 1) are left.
    const ids = Array.from({ length: 4096 }, (_, p) => p);
    const series = ['bfloat16', 'float16'].map((format, n) => {
      const r = this.pe.roundTo(ids, format);
      return { x: ids, y: ids.map((p, k) => r[k] - p), color: t.series[n], label: format };
    });
    lineChart(box.querySelector('.precision-ids-chart'), series, {
      height: 150,
      xLabel: this.t('positionAxis'),
      yLabel: this.t('idError'),
    });
    const distinct = (format) =>
      this.pe.precisionError({ dModel: 2, positions: 4096 }, { format, stage: 'positions' }).distinctVectors;
    note('ids', { bf16: fmt(distinct('bfloat16')), fp16: fmt(distinct('float16')) });
    // inv_freq in bfloat16 vs float32 (RoPE, head 128): the largest error over the pairs per position.
    const rowMax = (format) => {
      const r = this.pe.precisionError({ headDim: 128, positions: 4096 }, { format, stage: 'frequencies' });
      const out = new Float64Array(4096);
      for (let p = 0; p < 4096; p++) {
        for (let i = 0; i < r.pairs; i++) out[p] = Math.max(out[p], r.errors[p * r.pairs + i]);
      }
      return { out, max: r.maxError };
    };
    const bf = rowMax('bfloat16');
    const f32 = rowMax('float32');
    lineChart(
      box.querySelector('.precision-inv-chart'),
      [
        { x: ids, y: bf.out, color: t.series[0], label: 'bfloat16' },
        { x: ids, y: f32.out, color: t.series[2], label: 'float32' },
      ],
      { height: 150, xLabel: this.t('positionAxis'), yLabel: this.t('maxOverPairs') },
    );
    note('inv', { max: formatNumber(bf.max, 3), f32: formatNumber(f32.max, 2) });
    // float32 angles up to 10^6 (RoPE, head 128), sampled at 200 positions.
    const xs = [];
    const ys = [];
    let worst = 0;
    for (let k = 1; k <= 200; k++) {
      const p = Math.round((k / 200) * 1e6) - 1;
      const r = this.pe.precisionError(
        { headDim: 128, start: p, positions: 1 },
        { format: 'float32', stage: 'angles' },
      );
      xs.push(p);
      ys.push(r.maxError);
      worst = Math.max(worst, r.maxError);
    }
    lineChart(
      box.querySelector('.precision-big-chart'),
      [{ x: xs, y: ys, color: t.series[2], label: 'float32' }],
      {
        height: 150,
        xLabel: this.t('positionAxis'),
        yLabel: this.t('maxOverPairs'),
      },
    );
    note('big', { max: formatNumber(worst, 2) });
  }
}

const fmt = (n) => grouped(Number(n), 3); // as toLocaleString('en-US') writes it

export const precisionScheme = { name: 'precision', strings, markup, View: PrecisionView };
