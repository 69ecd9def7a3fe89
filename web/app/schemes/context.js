// Long context: how RoPE is stretched past the training length, per method, with the numbers of
// transformers' modeling_rope_utils.py (pe.ropeFrequencies / pe.ropeFromConfig). A model's config
// (a preset, or pasted) is read as the library reads it; the figures show per pair the wavelength
// against the training length with each method's bands, the new inverse frequency against the
// default, the largest angle seen in training against the angle at the new length (pairs that would
// see angles never seen in training are marked), q·k against distance for every method side by
// side, and what YaRN's attention temperature does to the softmax.
import { formatNumber, theme } from '../canvas.js';
import { legend, lineChart, SchemeView } from './common.js';
import { PRESETS } from './context-presets.js';
import {
  drawAngles,
  drawWavelengths,
  fmt,
  lengthsOf,
  markDistance,
  meanScores,
  scoreColumns,
} from './rope-figures.js';

const strings = {
  en: {
    title: 'Long context: stretching RoPE past the training length',
    bodyHtml:
      '<p>A model trained on L positions has seen every pair’s angle only up to L·ω<sub>i</sub>. Fast pairs turn many times within L, so any angle is familiar; slow pairs never complete a turn, and past L they reach angles the model has never seen. That is why plain extrapolation fails, and why every method <strong>interpolates the slow pairs</strong> (divides their frequency) while keeping the fast ones: position interpolation divides all of them, NTK-aware scaling raises θ, YaRN and Llama 3 blend per pair between the two, LongRoPE uses a searched factor per pair.</p><p>Numbers below are those of Hugging Face transformers’ <code>modeling_rope_utils.py</code>, read from a model’s config as the library reads it.</p>',
    preset: 'model',
    custom: 'pasted config',
    pasteLabel: 'Or paste a model’s config.json',
    read: 'Read this config',
    summary:
      '{type}: head {head} ({rotary} rotated, {pairs} pairs), θ = {theta}; trained on {train} positions, extended to {target} (×{factor}); attention scaling {scale}.',
    noWarnings: 'No known trap in this config.',
    warningsTitle: 'Warnings',
    wavelengthTitle: 'Wavelength per pair against the training length',
    wavelengthNote:
      'Wavelength 2π/ω of each pair, default and scaled. Pairs whose wavelength is longer than the training length ({train}) never turned once in training. {bands}',
    bandsYarn:
      'YaRN: pairs below {low} keep their frequency (extrapolated), pairs above {high} are divided by the factor (interpolated), and the ramp blends those between.',
    bandsLlama:
      'Llama 3: wavelengths below {low} keep their frequency, above {high} are divided by the factor, blended between.',
    bandsNone: '',
    ratioTitle: 'New inverse frequency against the default, every method',
    ratioNote:
      'ω′/ω per pair at factor {factor}: 1 keeps a pair, 1/{factor} interpolates it fully. Position interpolation divides every pair (the fast ones too, which blurs nearby positions); NTK and dynamic NTK raise θ (a smooth curve); YaRN and Llama 3 keep the fast pairs exactly.',
    angleTitle: 'Largest angle in training against the angle at the new length',
    angleNote:
      'Marked: pairs that would reach angles never seen in training (less than a full turn within {train} positions, and a larger angle at {target}). No scaling: {plain} pairs. {type}: {scaled} pairs.',
    scoresTitle: 'q·k against distance, every method',
    scoresNote:
      'q = k = (1, …, 1), q·k after rotation divided by its value at distance 0, out to {distance}{capped}; each pixel shows the mean over the distances it covers. The dashed line is the training length.',
    scoresCapped: ' (the engine’s cap for this head size; the new length is {target})',
    targetCapped: '{target} (the engine’s last position; this model’s own length, {wanted}, lies beyond it)',
    temperatureTitle: 'Attention temperature',
    temperatureYarn:
      'This config multiplies cos and sin by {scale}, so every q·k logit by {scale2}: the softmax over 256 keys sharpens from an entropy of {before} to {after} nats. YaRN does this because attention over many more keys gets flatter.',
    temperatureNone: 'This method leaves the temperature alone (attention scaling 1).',
    defaultFreq: 'default',
    scaled: 'this config',
    none: 'no scaling',
    pair: 'pair i',
    wavelength: 'wavelength (positions)',
    ratio: 'ω′ / ω',
    angle: 'angle (radians)',
    trainAngle: 'largest angle in training',
    plainAngle: 'at the new length, no scaling',
    scaledAngle: 'at the new length, this config',
    distance: 'distance m − n',
    score: 'q·k / q·k(0)',
    weight: 'softmax weight',
    key: 'key (distance)',
    withTemperature: 'with the attention scaling',
    withoutTemperature: 'without',
    unseen: 'angles never seen in training',
    trainLine: 'training length',
    targetLine: 'new length',
  },
  zh: {
    title: '长上下文：把 RoPE 拉伸到训练长度之外',
    bodyHtml:
      '<p>在 L 个位置上训练的模型，每一对只见过 L·ω<sub>i</sub> 以内的角度。快的对在 L 之内转了很多圈，任何角度都见过；慢的对连一圈都没转完，超过 L 之后会出现从未见过的角度。这就是直接外推失败的原因，也是所有方法都<strong>对慢的对做插值</strong>（把频率除以某个因子）、而保留快的对的原因：位置插值把所有对都除；NTK-aware 缩放增大 θ；YaRN 和 Llama 3 按对在两者之间过渡；LongRoPE 为每一对使用搜索出来的因子。</p><p>下面的数字与 Hugging Face transformers 的 <code>modeling_rope_utils.py</code> 一致，并按该库的方式读取模型配置。</p>',
    preset: '模型',
    custom: '粘贴的配置',
    pasteLabel: '或者粘贴一个模型的 config.json',
    read: '读取这个配置',
    summary:
      '{type}：头维度 {head}（旋转 {rotary} 维，{pairs} 对），θ = {theta}；训练长度 {train}，扩展到 {target}（×{factor}）；注意力缩放 {scale}。',
    noWarnings: '这个配置里没有已知的陷阱。',
    warningsTitle: '警告',
    wavelengthTitle: '每一对的波长与训练长度',
    wavelengthNote:
      '每一对的波长 2π/ω，默认的和缩放后的。波长超过训练长度（{train}）的对在训练中一圈都没转完。{bands}',
    bandsYarn:
      'YaRN：第 {low} 对之前保持原频率（外推），第 {high} 对之后除以因子（插值），两者之间按斜坡过渡。',
    bandsLlama: 'Llama 3：波长小于 {low} 的保持原频率，大于 {high} 的除以因子，两者之间平滑过渡。',
    bandsNone: '',
    ratioTitle: '各方法的新逆频率与默认值之比',
    ratioNote:
      '因子 {factor} 时每一对的 ω′/ω：1 表示不变，1/{factor} 表示完全插值。位置插值把每一对都除（包括快的对，使相邻位置变模糊）；NTK 与动态 NTK 增大 θ（一条平滑曲线）；YaRN 和 Llama 3 让快的对完全不变。',
    angleTitle: '训练中见过的最大角度与新长度处的角度',
    angleNote:
      '标记的是会出现训练中从未见过的角度的对（在 {train} 个位置内没转满一圈，而在 {target} 处角度更大）。不缩放：{plain} 对。{type}：{scaled} 对。',
    scoresTitle: '各方法的 q·k 随距离的变化',
    scoresNote:
      'q = k = (1, …, 1)，旋转后的 q·k 除以距离 0 处的值，画到距离 {distance}{capped}；每个像素显示它覆盖的距离上的平均值。虚线是训练长度。',
    scoresCapped: '（这是引擎对该头维度的上限；新长度是 {target}）',
    targetCapped: '{target}（引擎的最大位置；模型本身的长度 {wanted} 超出了它）',
    temperatureTitle: '注意力温度',
    temperatureYarn:
      '这个配置把 cos 和 sin 乘以 {scale}，所以每个 q·k logit 乘以 {scale2}：256 个键上的 softmax 变得更尖锐，熵从 {before} 降到 {after} 奈特。YaRN 这样做，是因为在多得多的键上做注意力会变得更平。',
    temperatureNone: '这种方法不改变温度（注意力缩放为 1）。',
    defaultFreq: '默认',
    scaled: '这个配置',
    none: '不缩放',
    pair: '第 i 对',
    wavelength: '波长（位置数）',
    ratio: 'ω′ / ω',
    angle: '角度（弧度）',
    trainAngle: '训练中的最大角度',
    plainAngle: '新长度处，不缩放',
    scaledAngle: '新长度处，这个配置',
    distance: '距离 m − n',
    score: 'q·k / q·k(0)',
    weight: 'softmax 权重',
    key: '键（距离）',
    withTemperature: '带注意力缩放',
    withoutTemperature: '不带',
    unseen: '训练中从未见过的角度',
    trainLine: '训练长度',
    targetLine: '新长度',
  },
};

const METHODS = ['none', 'linear', 'ntk', 'dynamic', 'yarn', 'llama3'];

function markup(t) {
  const options = Object.entries(PRESETS)
    .map(
      ([key, p]) =>
        `<option value="${p.model}"${key === 'llama31' ? ' selected' : ''}>${p.label[t.lang] || p.label.en}</option>`,
    )
    .join('');
  return `
    <div class="text">
      <h2 id="context-title">${t('title')}</h2>
      ${t('bodyHtml')}
      <div class="scheme-controls">
        <label class="inline-label">${t('preset')}
          <select name="context-preset">${options}<option value="custom">${t('custom')}</option></select></label>
      </div>
      <details class="context-paste">
        <summary>${t('pasteLabel')}</summary>
        <textarea name="context-config" rows="8" spellcheck="false" aria-label="config.json"></textarea>
        <button type="button" data-action="context-read">${t('read')}</button>
      </details>
      <p class="context-summary note" aria-live="polite"></p>
      <div class="context-warnings"></div>
    </div>
    <div class="figure">
      ${['wavelength', 'ratio', 'angle', 'scores', 'temperature']
        .map(
          (k) => `<h3>${t(`${k}Title`)}</h3>
      <canvas class="context-${k}" role="img" aria-label="${t(`${k}Title`)}"></canvas>
      <p class="legend context-${k}-legend"></p>
      <p class="context-${k}-note note"></p>`,
        )
        .join('')}
    </div>`;
}

class ContextView extends SchemeView {
  // The figure's settings (SchemeView): the model (a preset's Hub id, or custom) and, for custom, the
  // config itself (the engine reads it as transformers does).
  static settings = [
    { name: 'model', control: 'context-preset' },
    { name: 'config', control: 'context-config', check: (pe, text) => pe.ropeFromConfig(text) },
  ];

  constructor(root, pe, t, onError) {
    super(root, pe, t, onError);
    this.text = root.querySelector('[name="context-config"]');
    this.onRead = () => {
      root.querySelector('[name="context-preset"]').value = 'custom';
      this.onChange({ type: 'change' });
    };
    this.readButton = root.querySelector('[data-action="context-read"]');
    this.readButton.addEventListener('click', this.onRead);
    // Typing in the box redraws only when asked (the button): not on every keystroke.
    this.text.removeEventListener('input', this.onChange);
    this.text.removeEventListener('change', this.onChange);
    this.draw();
  }

  destroy() {
    super.destroy();
    this.readButton.removeEventListener('click', this.onRead);
  }

  /** The config text: the preset's (shown in the box), or what the reader pasted. */
  configText() {
    const model = this.root.querySelector('[name="context-preset"]').value;
    const preset = Object.values(PRESETS).find((p) => p.model === model);
    if (preset) this.text.value = JSON.stringify(preset.config, null, 2);
    return this.text.value;
  }

  /** The config is a setting only when it is the reader's (custom), not a preset's. */
  values(changed) {
    const values = super.values(changed);
    if (this.root.querySelector('[name="context-preset"]').value !== 'custom') delete values.config;
    else values.config = this.text.value;
    return values;
  }

  render(event) {
    if (event?.type === 'change' && event.target?.tagName === 'SELECT') return; // input came first
    const box = this.root.querySelector('.context-warnings');
    const summary = this.root.querySelector('.context-summary');
    let model;
    try {
      model = this.read(this.configText());
    } catch (error) {
      // A bad config is a message in the box's place; the figures keep the last good model.
      summary.textContent = this.t.error(error);
      summary.dataset.error = error.kind || 'error';
      box.replaceChildren();
      return;
    }
    delete summary.dataset.error;
    this.model = model;
    const r = model.result;
    summary.textContent = this.t('summary', {
      type: r.ropeType,
      head: r.headDim,
      rotary: r.rotaryDim,
      pairs: r.invFreq.length,
      theta: fmt(r.theta),
      train: fmt(model.train),
      target:
        model.wanted > model.target
          ? this.t('targetCapped', { target: fmt(model.target), wanted: fmt(model.wanted) })
          : fmt(model.target),
      factor: formatNumber(model.target / model.train, 4),
      scale: formatNumber(r.attentionScaling, 6),
    });
    summary.dataset.type = r.ropeType;
    this.showWarnings(box, r.warnings);
    this.drawWavelengths(model);
    this.drawRatios(model);
    this.drawAngles(model);
    this.drawScores(model);
    this.drawTemperature(model);
  }

  /** ropeFromConfig twice: once to learn the lengths, then with the sequence at the new length. */
  read(text) {
    const first = this.pe.ropeFromConfig(text);
    const { train, target: wanted } = lengthsOf(
      first.ropeType,
      first.scaling,
      first.factor,
      first.maxPositions,
      first.originalMaxPositions,
    );
    // A config may extend past the engine's last position (10^9): the figures stop there and say so.
    const target = Math.min(wanted, this.pe.limits.maxPosition);
    const result = this.pe.ropeFromConfig(text, { sequenceLength: target });
    const geometry = { headDim: result.headDim, theta: result.theta, rotaryDim: result.rotaryDim };
    const base = this.pe.ropeFrequencies(geometry).invFreq;
    // Every method at this model's factor, for the side-by-side figures.
    const factor = Math.max(1, target / train);
    const scalingOf = {
      none: null,
      linear: { rope_type: 'linear', factor },
      ntk: { rope_type: 'ntk', factor },
      dynamic: { rope_type: 'dynamic', factor },
      yarn: { rope_type: 'yarn', factor },
      llama3: {
        rope_type: 'llama3',
        factor,
        low_freq_factor: 1,
        high_freq_factor: 4,
        original_max_position_embeddings: train,
      },
    };
    const methods = {};
    for (const name of METHODS) {
      const options = { ...geometry, scaling: scalingOf[name], maxPositions: train, sequenceLength: target };
      methods[name] = { options, ...this.pe.ropeFrequencies(options) };
    }
    return { result, base, train, target, wanted, factor, methods, geometry };
  }

  showWarnings(box, warnings) {
    const doc = box.ownerDocument;
    box.dataset.warnings = warnings.map((w) => w.kind).join(' ');
    if (!warnings.length) {
      const p = doc.createElement('p');
      p.className = 'note';
      p.textContent = this.t('noWarnings');
      box.replaceChildren(p);
      return;
    }
    const title = doc.createElement('h3');
    title.textContent = this.t('warningsTitle');
    const list = doc.createElement('ul');
    list.className = 'context-warning-list';
    for (const w of warnings) {
      const item = doc.createElement('li');
      item.textContent = this.t.error(w);
      item.dataset.kind = w.kind;
      list.append(item);
    }
    box.replaceChildren(title, list);
  }

  drawWavelengths(model) {
    const bands = drawWavelengths(
      this.root.querySelector('.context-wavelength'),
      this.root.querySelector('.context-wavelength-legend'),
      model.result,
      model.base,
      model,
      this.t,
    );
    this.root.querySelector('.context-wavelength-note').textContent = this.t('wavelengthNote', {
      train: fmt(model.train),
      bands,
    });
  }

  drawRatios(model) {
    const c = theme(this.root);
    const pairs = model.base.length;
    const x = Array.from({ length: pairs }, (_, i) => i);
    const series = METHODS.map((name, n) => ({
      x,
      y: Array.from(model.methods[name].invFreq, (w, i) => w / model.base[i]),
      color: c.series[n % c.series.length],
      label: name === 'none' ? this.t('none') : name,
      dash: name === 'none' ? [5, 4] : undefined,
    }));
    lineChart(this.root.querySelector('.context-ratio'), series, {
      height: 200,
      xLabel: this.t('pair'),
      yLabel: this.t('ratio'),
      yRange: [0, 1.05],
    });
    legend(
      this.root.querySelector('.context-ratio-legend'),
      series.map((s) => ({ color: s.color, label: s.label, dash: Boolean(s.dash) })),
    );
    this.root.querySelector('.context-ratio-note').textContent = this.t('ratioNote', {
      factor: formatNumber(model.factor, 4),
    });
  }

  drawAngles(model) {
    const r = model.result;
    const marks = drawAngles(
      this.root.querySelector('.context-angle'),
      this.root.querySelector('.context-angle-legend'),
      r.invFreq,
      model.base,
      model,
      this.t,
    );
    const note = this.root.querySelector('.context-angle-note');
    note.textContent = this.t('angleNote', {
      train: fmt(model.train),
      target: fmt(model.target),
      plain: marks.plain,
      scaled: marks.scaled,
      type: r.ropeType,
    });
    note.dataset.plain = String(marks.plain);
    note.dataset.scaled = String(marks.scaled);
  }

  drawScores(model) {
    const c = theme(this.root);
    const d = model.geometry.headDim;
    const pairs = model.base.length;
    const cap = Math.floor(this.pe.limits.maxDotWork / pairs) - 1;
    const distance = Math.min(model.target - 1, cap); // a context of L tokens has distances 0 … L − 1
    const canvas = this.root.querySelector('.context-scores');
    const x = scoreColumns(canvas, distance);
    const series = METHODS.map((name, n) => ({
      x,
      y: meanScores(this.pe, model.methods[name].options, d, x),
      color: c.series[n % c.series.length],
      label: name === 'none' ? this.t('none') : name,
      dash: name === 'none' ? [5, 4] : undefined,
    }));
    const chart = lineChart(canvas, series, {
      height: 220,
      xLabel: this.t('distance'),
      yLabel: this.t('score'),
    });
    if (model.train <= distance) markDistance(chart, model.train, c.fg);
    legend(
      this.root.querySelector('.context-scores-legend'),
      series.map((s) => ({ color: s.color, label: s.label, dash: Boolean(s.dash) })),
    );
    this.root.querySelector('.context-scores-note').textContent = this.t('scoresNote', {
      distance: fmt(distance),
      capped: distance < model.target - 1 ? this.t('scoresCapped', { target: fmt(model.target) }) : '',
    });
    canvas.dataset.distance = String(distance);
  }

  drawTemperature(model) {
    const c = theme(this.root);
    const r = model.result;
    const scale = r.attentionScaling;
    const note = this.root.querySelector('.context-temperature-note');
    const canvas = this.root.querySelector('.context-temperature');
    // Logits: q·k / sqrt(d) for q = k = ones rotated with this config, keys at distances 0 … 255.
    const d = model.geometry.headDim;
    const ones = new Float32Array(d).fill(1);
    const freqScores = this.pe.ropeScores(ones, ones, {
      ...this.methodOptionsOf(model),
      maxDistance: 255,
    }).scores;
    // Without the temperature: the config's frequencies with cos and sin not scaled (divide it out).
    const logitsWith = Array.from(freqScores, (v) => v / Math.sqrt(d));
    const logitsWithout = logitsWith.map((v) => v / (scale * scale));
    const softmax = (z) => {
      const top = Math.max(...z);
      const e = z.map((v) => Math.exp(v - top));
      const sum = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / sum);
    };
    const entropy = (p) => -p.reduce((a, v) => (v > 0 ? a + v * Math.log(v) : a), 0);
    const pWith = softmax(logitsWith);
    const pWithout = softmax(logitsWithout);
    const x = Array.from({ length: 256 }, (_, j) => j);
    lineChart(
      canvas,
      [
        { x, y: pWithout, color: c.muted, dash: [5, 4], label: this.t('withoutTemperature') },
        { x, y: pWith, color: c.accent, label: this.t('withTemperature') },
      ],
      { height: 180, xLabel: this.t('key'), yLabel: this.t('weight') },
    );
    legend(this.root.querySelector('.context-temperature-legend'), [
      { color: c.muted, label: this.t('withoutTemperature'), dash: true },
      { color: c.accent, label: this.t('withTemperature') },
    ]);
    note.textContent =
      scale === 1
        ? this.t('temperatureNone')
        : this.t('temperatureYarn', {
            scale: formatNumber(scale, 6),
            scale2: formatNumber(scale * scale, 6),
            before: formatNumber(entropy(pWithout), 4),
            after: formatNumber(entropy(pWith), 4),
          });
    note.dataset.scale = String(scale);
  }

  /** ropeScores options for this config's own scaling (as ropeFromConfig read it). */
  methodOptionsOf(model) {
    const r = model.result;
    const options = { ...model.geometry, scaling: r.scaling, sequenceLength: model.target };
    if (r.maxPositions !== null) options.maxPositions = r.maxPositions;
    if (r.ropeType === 'longrope' && r.originalMaxPositions !== null)
      options.originalMaxPositions = r.originalMaxPositions;
    return options;
  }
}

export const contextScheme = { name: 'context', strings, markup, View: ContextView };
