// Plots, once for every view: the sinusoidal figures (schemes/sinusoidal/) and the other schemes' draw their
// axes (plotAxes), their curves (tracePath: one path per series, no per-point drawing) and their line
// charts (lineChart) here, and pan and zoom a window onto their data with the same arithmetic
// (zoomSpan, panSpan) and the same keys and wheel steps (zoomKey, wheelFactor).
import { drawAxis, fitCanvas, formatNumber, theme, ticks, widthOf } from './canvas.js';

/**
 * The axes of a plot in the box g = { left, right, top, bottom }: y on the left, with horizontal grid
 * lines across the box (yGrid: false for ticks only), x at the bottom (xGrid: vertical lines too).
 * x and y: { start, end, values, format?, label?, down?, cells? }. down: y's start at the top (a
 * table's rows); cells: start … end are cells, each tick at the centre of its cell (a heatmap's).
 */
export function plotAxes(ctx, t, g, { x, y, xGrid = false, yGrid = true }) {
  // The ends of an axis along [lo, hi]: its edges, or its first and last cells' centres.
  const ends = (a, lo, hi) => {
    const inset = a.cells ? (hi - lo) / (2 * (a.end - a.start + 1)) : 0;
    return [lo + inset, hi - inset];
  };
  const [top, bottom] = ends(y, g.top, g.bottom);
  drawAxis(ctx, t, {
    side: 'left',
    from: y.down ? top : bottom,
    to: y.down ? bottom : top,
    start: y.start,
    end: y.end,
    values: y.values,
    format: y.format,
    label: y.label,
    grid: yGrid ? { left: g.left, right: g.right } : { left: g.left },
  });
  const [left, right] = ends(x, g.left, g.right);
  drawAxis(ctx, t, {
    side: 'bottom',
    from: left,
    to: right,
    start: x.start,
    end: x.end,
    values: x.values,
    format: x.format,
    label: x.label,
    grid: xGrid ? { top: g.top, bottom: g.bottom } : { bottom: g.bottom },
  });
}

/**
 * The axes of a wave plot, values in [−1, 1] (left) against positions first … last (bottom), in the
 * box g: the shape every wave plot here shares.
 */
export function waveAxes(
  ctx,
  t,
  g,
  { last, first = 0, values = [-1, 0, 1], valueLabel, positionLabel, format, count = 4 },
) {
  const positions = ticks(first, last, count);
  plotAxes(ctx, t, g, {
    y: { start: -1, end: 1, values, label: valueLabel },
    x: {
      start: first,
      end: last,
      values: format ? positions : positions.filter(Number.isInteger),
      format,
      label: positionLabel,
    },
  });
}

/** Adds one series to the current path: point i at (sx(x(i)), sy(y[i])), x(i) = i unless `xs` is
 *  given; a non-finite y breaks the line. The caller strokes it (its colour, width and dashes). */
export function tracePath(ctx, ys, sx, sy, xs = null) {
  let open = false;
  for (let i = 0; i < ys.length; i++) {
    if (!Number.isFinite(ys[i])) {
      open = false;
      continue;
    }
    const px = sx(xs ? xs[i] : i);
    const py = sy(ys[i]);
    if (open) ctx.lineTo(px, py);
    else ctx.moveTo(px, py);
    open = true;
  }
}

/**
 * A curve of values[0 … n−1] across the box g, stroked: through every point, or, with more than two to
 * a pixel column, through each column's lowest and highest value. A dashed path through 2^20 points
 * took Chromium minutes to stroke, and one sample per column turned fast waves into slow ones that are
 * not there.
 */
export function traceColumns(ctx, values, g, yOf) {
  const n = values.length;
  const columns = Math.floor(g.right - g.left);
  const perColumn = n / columns;
  ctx.beginPath();
  if (perColumn <= 2) {
    tracePath(ctx, values, (p) => g.left + (p / Math.max(1, n - 1)) * (g.right - g.left), yOf);
  } else {
    for (let x = 0; x < columns; x++) {
      let [lo, hi] = [Infinity, -Infinity];
      const end = Math.min(n, Math.floor((x + 1) * perColumn) + 1);
      for (let p = Math.floor(x * perColumn); p < end; p++) {
        lo = Math.min(lo, values[p]);
        hi = Math.max(hi, values[p]);
      }
      ctx.lineTo(g.left + x, yOf(hi));
      if (lo < hi) ctx.lineTo(g.left + x, yOf(lo));
    }
  }
  ctx.stroke();
}

/** A decade's label: 1, 10, 100, 1,000 plainly; beyond that 1e4, 1e-3. */
export const decadeLabel = (e) => (e >= 4 || e <= -3 ? `1e${e}` : formatNumber(10 ** e, 3));

/** At most about `most` integer decades from lo to hi. */
export function decades(lo, hi, most = 5) {
  const step = Math.max(1, Math.ceil((hi - lo) / most));
  const out = [];
  for (let e = Math.ceil(lo); e <= hi; e += step) out.push(e);
  return out;
}

/**
 * series: [{ x: ArrayLike<number>, y: ArrayLike<number>, color, dash?, width?, label }]
 * yLog: a log-10 y axis (values <= 0 leave a gap). xTicks: { values, format } of the x axis (a scale
 * of the caller's: the x values are already transformed). Returns the plot's geometry so callers can draw
 * on top (markers, bands): sx(x), yOf(value) in the data's units, sy in the axis's (log10 if yLog).
 */
export function lineChart(
  canvas,
  series,
  { height = 220, xLabel = '', yLabel = '', yRange = null, yLog = false, include = [], xTicks = null } = {},
) {
  const t = theme(canvas);
  if (yLog) series = series.map((s) => ({ ...s, y: Array.from(s.y, (v) => (v > 0 ? Math.log10(v) : NaN)) }));
  const width = Math.max(240, widthOf(canvas.parentElement));
  const { ctx } = fitCanvas(canvas, width, height);
  const plot = { left: 52, right: width - 12, top: 12, bottom: height - 34 };
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const s of series) {
    for (let i = 0; i < s.x.length; i++) {
      x0 = Math.min(x0, s.x[i]);
      x1 = Math.max(x1, s.x[i]);
      if (Number.isFinite(s.y[i])) {
        y0 = Math.min(y0, s.y[i]);
        y1 = Math.max(y1, s.y[i]);
      }
    }
  }
  // Values the axis must show besides the series (reference lines), in the data's units.
  for (const v of include) {
    const y = yLog ? Math.log10(v) : v;
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  if (yLog) [y0, y1] = [Math.floor(y0), Math.ceil(y1)];
  if (yRange) [y0, y1] = yRange;
  if (!(y1 > y0)) y1 = y0 + 1;
  if (!(x1 > x0)) x1 = x0 + 1;
  const sx = (x) => plot.left + ((x - x0) / (x1 - x0)) * (plot.right - plot.left);
  const sy = (y) => plot.bottom - ((y - y0) / (y1 - y0)) * (plot.bottom - plot.top);
  plotAxes(ctx, t, plot, {
    y: {
      start: y0,
      end: y1,
      values: yLog ? decades(y0, y1) : ticks(y0, y1, 4),
      format: yLog ? decadeLabel : (v) => formatNumber(v, 3),
    },
    x: {
      start: x0,
      end: x1,
      values: xTicks ? xTicks.values.filter((v) => v >= x0 && v <= x1) : ticks(x0, x1, 6),
      format: xTicks ? xTicks.format : (v) => formatNumber(v, 4),
    },
    xGrid: true,
  });
  ctx.font = t.font;
  ctx.fillStyle = t.muted;
  ctx.textAlign = 'right';
  ctx.fillText(xLabel, plot.right, height - 4);
  ctx.textAlign = 'left';
  ctx.fillText(yLabel, plot.left + 4, plot.top + 10);
  for (const s of series) {
    ctx.save();
    ctx.strokeStyle = s.color || t.accent;
    ctx.lineWidth = s.width || 1.5;
    if (s.dash) ctx.setLineDash(s.dash);
    ctx.beginPath();
    tracePath(ctx, s.y, sx, sy, s.x);
    ctx.stroke();
    ctx.restore();
  }
  const yOf = (v) => sy(yLog ? Math.log10(v) : v);
  return { ctx, t, sx, sy, yOf, plot, width, height };
}

// --- pan and zoom: a window { start, count } onto 0 … total - 1 (rows, columns or positions) ------------

/** The window inside 0 … total - 1, whole units, at least `least` long (or all of it). */
export function clampSpan({ start, count }, total, least = 1) {
  const n = Math.max(Math.min(least, total), Math.min(total, Math.round(count)));
  return { start: Math.max(0, Math.min(total - n, Math.round(start))), count: n };
}

/** Zoomed by `factor` (> 1: in) around the point `fraction` of the way across it, which stays put. */
export function zoomSpan(span, factor, fraction, total, least) {
  const count = Math.max(Math.min(least, total), Math.min(total, Math.round(span.count / factor)));
  return clampSpan({ start: span.start + fraction * span.count - fraction * count, count }, total, least);
}

/** Moved by `delta` units (a drag's distance in the window's units), its length kept. */
export function panSpan(span, delta, total) {
  return clampSpan({ start: span.start + delta, count: span.count }, total, span.count);
}

/** The zoom factor of a wheel step: in when the wheel turns away from the reader. */
export const wheelFactor = (e) => (e.deltaY < 0 ? 1.25 : 0.8);

/** The keys every zoomable figure takes: + (or =) zooms in, − out, 0 resets. Calls the matching
 *  handler, and returns whether the key was one of them (the caller then prevents its default). */
export function zoomKey(e, { zoomIn, zoomOut, reset }) {
  const action = { '+': zoomIn, '=': zoomIn, '-': zoomOut, 0: reset }[e.key];
  if (!action) return false;
  e.preventDefault();
  action();
  return true;
}
