// T5's bucketed relative position bias (cpp/schemes/t5/, pe.t5Buckets and pe.t5BucketMatrix): the
// bucket of every relative position (the exact half, the log half, the clamp), the buckets of a short
// sentence, one head's bias per bucket (a seeded stand-in) and what that bias can no longer tell apart
// past max_distance. Its text is en.js / zh.js beside it, its styles styles.css (README, "Adding a
// scheme"); it runs on the engine of its own folder (pe-explorer-engine-t5.js).
import { fitCanvas, formatNumber, grouped, theme, widthOf } from '../../canvas.js';
import { lineChart, oneFigure, SchemeView } from '../common.js';

// A sign-preserving log scale for relative positions: 0 in the middle, 1, 10, 100, … each way.
const symlog = (d) => Math.sign(d) * Math.log10(1 + Math.abs(d));
const unsymlog = (x) => Math.sign(x) * (10 ** Math.abs(x) - 1);

function markup(t) {
  const select = (name, values, selected, label = (v) => v) =>
    `<select name="t5-${name}">${values
      .map((v) => `<option value="${v}"${v === selected ? ' selected' : ''}>${label(v)}</option>`)
      .join('')}</select>`;
  return `
    <div class="text">
      <h2 id="t5-title">${t('title')}</h2>
      ${t('bodyHtml')}
      <div class="scheme-controls">
        <label class="inline-label">${t('direction')}
          ${select('bidirectional', ['true', 'false'], 'true', (v) => t(v === 'true' ? 'encoder' : 'decoder'))}</label>
        <label class="inline-label">${t('buckets')}
          ${select('num-buckets', ['8', '16', '32', '64', '128'], '32')}</label>
        <label class="inline-label">${t('maxDistance')}
          ${select('max-distance', ['16', '32', '64', '128', '256', '1024'], '128')}</label>
        <label class="inline-label">${t('distance')}
          <input type="range" name="t5-distance" min="0" max="512" value="100" /></label>
      </div>
    </div>
    <div class="figure">
      <h3>${t('bucketsTitle')}</h3>
      <canvas class="t5-buckets" role="img" aria-label="${t('bucketsTitle')}"></canvas>
      <p class="t5-buckets-note note"></p>
      <h3>${t('gridTitle')}</h3>
      <div class="t5-grid-box"><canvas class="t5-grid" role="img" aria-label="${t('gridTitle')}"></canvas></div>
      <p class="note">${t('gridNote')}</p>
      <h3>${t('biasTitle')}</h3>
      <canvas class="t5-bias" role="img" aria-label="${t('biasTitle')}"></canvas>
      <p class="t5-bias-note note"></p>
      <h3>${t('apartTitle')}</h3>
      <canvas class="t5-apart" role="img" aria-label="${t('apartTitle')}"></canvas>
      <p class="t5-apart-note note" aria-live="polite"></p>
    </div>`;
}

/** mulberry32: the stand-in bias's seeded generator (the same numbers on every load). */
function seeded(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

class T5View extends SchemeView {
  // The figure's settings (SchemeView): the engine's pe.schemes.t5 options, and the distance the
  // last two charts follow (a key that many tokens before the query).
  static table = 't5';
  static settings = [
    { option: 'bidirectional', control: 't5-bidirectional' },
    { option: 'numBuckets', control: 't5-num-buckets' },
    { option: 'maxDistance', control: 't5-max-distance' },
    { name: 'distance', control: 't5-distance', upTo: '4 × max-distance' },
  ];

  constructor(root, pe, t, onError) {
    super(root, pe, t, onError);
    this.draw();
  }

  options() {
    const value = (name) => this.root.querySelector(`[name="t5-${name}"]`).value;
    return {
      bidirectional: value('bidirectional') === 'true',
      numBuckets: Number(value('num-buckets')),
      maxDistance: Number(value('max-distance')),
    };
  }

  /** The distance slider reaches four times max_distance (within the engine's cap); settings the
   *  engine refuses (a max_distance inside the exact buckets) leave it as it was. */
  limits() {
    const slider = this.root.querySelector('[name="t5-distance"]');
    const options = this.options();
    try {
      this.pe.t5Buckets(options, []); // the engine's verdict on the options alone
    } catch {
      return Number(slider.max);
    }
    const most = Math.min(4 * options.maxDistance, this.pe.limits.maxT5RelativePosition);
    slider.max = String(most);
    return most;
  }

  /** The past direction's buckets as distance ranges: first[b] the smallest distance back in bucket b
   *  or beyond (the buckets grow with the distance), found for every bucket at once by bisection,
   *  one engine call a step. Buckets no distance falls in have first[b] === first[b + 1]. */
  ranges(options, count, top) {
    const lo = new Float64Array(count);
    const hi = new Float64Array(count).fill(top);
    for (let step = 0; step < 64 && lo.some((l, b) => l < hi[b]); step++) {
      const mid = Array.from(lo, (l, b) => Math.floor((l + hi[b]) / 2));
      const buckets = this.pe.t5Buckets(
        options,
        mid.map((d) => -d),
      );
      for (let b = 0; b < count; b++) {
        if (lo[b] >= hi[b]) continue;
        if (buckets[b] >= b) hi[b] = mid[b];
        else lo[b] = mid[b] + 1;
      }
    }
    return Array.from(hi);
  }

  render() {
    const options = this.options();
    const most = this.limits();
    const distance = Math.min(Number(this.root.querySelector('[name="t5-distance"]').value), most);
    // The engine checks the options first (a bad one names itself: SchemeView falls back).
    const direction = options.bidirectional ? Math.floor(options.numBuckets / 2) : options.numBuckets;
    const exact = Math.floor(direction / 2);
    const top = Math.min(2 * options.maxDistance, this.pe.limits.maxT5RelativePosition);
    const first = this.ranges(options, direction, top);
    // Relative positions to draw: every integer near 0, log-spaced farther out, to 4 × max_distance.
    const reach = most;
    const steps = 700;
    const back = [
      ...new Set(
        Array.from({ length: steps + 1 }, (_, i) => Math.round(Math.expm1((i / steps) * Math.log1p(reach)))),
      ),
    ];
    const positions = [
      ...back
        .slice(1)
        .map((d) => -d)
        .reverse(),
      ...back,
    ];
    const buckets = this.pe.t5Buckets(options, positions);
    const bias = this.standIn(options.numBuckets, first, direction);
    const bucketOf = this.pe.t5Buckets(options, [-distance])[0];
    const c = theme(this.root.querySelector('canvas.t5-buckets'));
    const geometry = { options, direction, exact, first, positions, buckets, distance, reach };
    this.drawBuckets(geometry, c);
    this.drawGrid(options, c);
    this.drawBias(bias, bucketOf, distance, direction, c);
    this.drawApart(geometry, bias, bucketOf, c);
  }

  /** One head's stand-in bias per bucket: seeded, falling with the distance a bucket starts at (near
   *  keys preferred, as trained heads often do), the future side a little lower. Not trained weights. */
  standIn(count, first, direction) {
    const random = seeded(20);
    return Float64Array.from({ length: count }, (_, b) => {
      const own = b % direction;
      const d = own < first.length ? first[own] : 0;
      const side = b >= direction ? -0.4 : 0;
      return 1.5 - 0.45 * Math.log1p(d) + side + 0.5 * (random() - 0.5);
    });
  }

  /** A step chart of value(i) against the relative positions, on the symlog scale (ticks at 0 and
   *  the powers of ten each way), each value held until the next position. */
  stepChart(canvas, { positions, reach }, value, colour, options) {
    const x = [];
    const y = [];
    for (let i = 0; i < positions.length; i++) {
      if (i) {
        x.push(symlog(positions[i]));
        y.push(value(i - 1));
      }
      x.push(symlog(positions[i]));
      y.push(value(i));
    }
    // Ticks at least ~32 px apart (a narrow screen drops ±1 first).
    const perUnit = (Math.max(240, widthOf(canvas.parentElement)) - 64) / (2 * symlog(reach));
    const ticks = [0];
    for (let p = 1; p <= reach; p *= 10) {
      if ((symlog(p) - ticks.at(-1)) * perUnit >= 32) ticks.push(symlog(p));
    }
    return lineChart(canvas, [{ x, y, color: colour, width: 2 }], {
      xLabel: this.t('relative'),
      xTicks: {
        values: [...ticks.slice(1).map((v) => -v), ...ticks].sort((a, b) => a - b),
        format: (v) => grouped(Math.round(unsymlog(v))),
      },
      ...options,
    });
  }

  drawBuckets(geometry, c) {
    const { options, direction, exact, first, buckets, reach } = geometry;
    const canvas = this.root.querySelector('canvas.t5-buckets');
    const { ctx, sx, plot } = this.stepChart(canvas, geometry, (i) => buckets[i], c.accent, {
      height: 240,
      yLabel: this.t('bucket'),
      include: [0, options.numBuckets - 1],
    });
    const clampFrom = first[direction - 1];
    const band = (from, to, colour, label) => {
      const a = Math.max(plot.left, Math.min(sx(from), sx(to)));
      const b = Math.min(plot.right, Math.max(sx(from), sx(to)));
      if (b <= a) return;
      ctx.save();
      ctx.globalAlpha = 0.12;
      ctx.fillStyle = colour;
      ctx.fillRect(a, plot.top, b - a, plot.bottom - plot.top);
      ctx.globalAlpha = 1;
      ctx.fillStyle = c.muted;
      ctx.font = c.font;
      ctx.textAlign = 'center';
      if (b - a > 24) ctx.fillText(label, (a + b) / 2, plot.top + 28);
      ctx.restore();
    };
    const sides = options.bidirectional ? [-1, 1] : [-1];
    for (const s of sides) {
      band(0, symlog(s * (exact - 0.5)), c.series[2], this.t('exactBand'));
      band(symlog(s * (exact - 0.5)), symlog(s * (clampFrom - 0.5)), c.series[5], this.t('logBand'));
      band(symlog(s * (clampFrom - 0.5)), symlog(s * reach), c.muted, this.t('clampBand'));
    }
    const logCount = direction - exact;
    let note = this.t('bucketsNote', {
      exactLast: exact - 1,
      exact,
      logLast: grouped(clampFrom - 1),
      logCount,
      clampFrom: grouped(clampFrom),
      last: options.bidirectional ? `${direction - 1} / ${2 * direction - 1}` : direction - 1,
    });
    if (!options.bidirectional) note += this.t('bucketsNoteUni');
    const p = this.root.querySelector('.t5-buckets-note');
    p.textContent = note;
    p.dataset.clampFrom = String(clampFrom);
    p.dataset.exact = String(exact);
  }

  drawGrid(options, c) {
    const canvas = this.root.querySelector('canvas.t5-grid');
    const tokens = this.t('sentence').split(/\s+/).filter(Boolean);
    const n = tokens.length;
    const matrix = this.pe.t5BucketMatrix({ ...options, queries: n, keys: n });
    const width = Math.max(240, widthOf(canvas.parentElement));
    const label = 64;
    const cell = Math.max(22, Math.min(40, Math.floor((width - label - 4) / n)));
    const w = label + n * cell + 4;
    const h = label + n * cell + 4;
    const { ctx } = fitCanvas(canvas, w, h);
    ctx.font = c.font;
    const half = options.bidirectional ? Math.floor(options.numBuckets / 2) : options.numBuckets;
    for (let q = 0; q < n; q++) {
      for (let k = 0; k < n; k++) {
        const b = matrix[q * n + k];
        const future = options.bidirectional && b >= half;
        const strength = 1 - (b % half) / half;
        ctx.globalAlpha = 0.15 + 0.7 * strength;
        ctx.fillStyle = future ? c.cos : c.sin;
        ctx.fillRect(label + k * cell, label + q * cell, cell - 1, cell - 1);
        ctx.globalAlpha = 1;
        ctx.fillStyle = strength > 0.55 ? c.bg : c.fg;
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        ctx.fillText(String(b), label + k * cell + cell / 2, label + q * cell + cell / 2);
      }
    }
    ctx.fillStyle = c.muted;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'right';
    const clip = (s) => (s.length > 8 ? `${s.slice(0, 7)}…` : s);
    tokens.forEach((tok, q) => ctx.fillText(clip(tok), label - 4, label + q * cell + cell / 2));
    for (let k = 0; k < n; k++) {
      ctx.save();
      ctx.translate(label + k * cell + cell / 2, label - 4);
      ctx.rotate(-Math.PI / 3);
      ctx.textAlign = 'left';
      ctx.fillText(clip(tokens[k]), 0, 0);
      ctx.restore();
    }
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillText(`${this.t('query')} ↓  ${this.t('key')} →`, 2, 2);
    canvas.dataset.buckets = Array.from(matrix).join(',');
  }

  drawBias(bias, bucketOf, distance, direction, c) {
    const canvas = this.root.querySelector('canvas.t5-bias');
    const width = Math.max(240, widthOf(canvas.parentElement));
    const height = 170;
    const { ctx } = fitCanvas(canvas, width, height);
    const count = bias.length;
    const low = Math.min(0, ...bias);
    const high = Math.max(0, ...bias);
    const left = 40;
    const bar = (width - left - 8) / count;
    const zero = 12 + (high / (high - low || 1)) * (height - 40);
    const scale = (height - 40) / (high - low || 1);
    ctx.font = c.font;
    ctx.fillStyle = c.muted;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.fillText(formatNumber(high, 2), left - 4, 12);
    ctx.fillText('0', left - 4, zero);
    ctx.fillText(formatNumber(low, 2), left - 4, height - 28);
    ctx.strokeStyle = c.grid;
    ctx.beginPath();
    ctx.moveTo(left, zero);
    ctx.lineTo(width - 8, zero);
    ctx.stroke();
    for (let b = 0; b < count; b++) {
      ctx.fillStyle = b === bucketOf ? c.fg : b >= direction ? c.cos : c.sin;
      const v = bias[b] * scale;
      ctx.fillRect(left + b * bar, v > 0 ? zero - v : zero, Math.max(1, bar - 1), Math.abs(v));
      if (b % Math.ceil(22 / bar) === 0) {
        ctx.fillStyle = c.muted;
        ctx.textAlign = 'center';
        ctx.textBaseline = 'top';
        ctx.fillText(String(b), left + b * bar + bar / 2, height - 16);
      }
    }
    const note = this.root.querySelector('.t5-bias-note');
    note.textContent = this.t('biasNote', { bucket: bucketOf, distance: grouped(distance) });
    note.dataset.bucket = String(bucketOf);
  }

  drawApart(geometry, bias, bucketOf, c) {
    const { options, direction, first, buckets, distance, reach } = geometry;
    const canvas = this.root.querySelector('canvas.t5-apart');
    const { ctx, sx, plot } = this.stepChart(canvas, geometry, (i) => bias[buckets[i]], c.accent, {
      height: 220,
      yLabel: this.t('biasAxis'),
    });
    // The distances that share the marked key's bucket, shaded; the key itself, a line.
    const own = bucketOf % direction;
    const from = first[own];
    const last = own === direction - 1;
    const to = last ? reach : first[own + 1] - 1;
    ctx.save();
    ctx.globalAlpha = 0.2;
    ctx.fillStyle = c.sin;
    const a = sx(symlog(-to - 0.5));
    const b = sx(symlog(-from + 0.5));
    ctx.fillRect(a, plot.top, Math.max(2, b - a), plot.bottom - plot.top);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = c.fg;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(sx(symlog(-distance)), plot.top);
    ctx.lineTo(sx(symlog(-distance)), plot.bottom);
    ctx.stroke();
    ctx.restore();
    const note = this.root.querySelector('.t5-apart-note');
    const values = {
      distance: grouped(distance),
      bucket: bucketOf,
      from: grouped(from),
      to: grouped(to),
      bias: formatNumber(bias[bucketOf], 3),
      far: grouped(Math.max(distance, options.maxDistance) * 100),
    };
    note.textContent = this.t(last ? 'apartFar' : 'apartNote', values);
    Object.assign(note.dataset, {
      from: String(from),
      to: last ? 'inf' : String(to),
      bucket: String(bucketOf),
    });
  }
}

export default oneFigure({ name: 't5', order: 25, engine: 't5', markup, View: T5View });
