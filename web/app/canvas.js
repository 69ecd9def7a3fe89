// Canvas helpers shared by the views: crisp sizing on high-DPI screens, theme colours from CSS, one
// axis (plots are plot.js's), number formatting, and PNG export.

/** Sizes a canvas's backing store for its CSS size and the device pixel ratio; returns a scaled ctx. */
export function fitCanvas(canvas, cssWidth, cssHeight) {
  const dpr = Math.min(window.devicePixelRatio || 1, 3);
  const width = Math.max(1, Math.round(cssWidth * dpr));
  const height = Math.max(1, Math.round(cssHeight * dpr));
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  canvas.style.width = `${cssWidth}px`;
  canvas.style.height = `${cssHeight}px`;
  const ctx = canvas.getContext('2d');
  // Each drawing starts from the default state, as the first one did: line width, dashes and the
  // rest, left by the last drawing while the size stayed the same, made a redraw differ from a load.
  ctx.reset?.();
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, cssWidth, cssHeight);
  return { ctx, dpr, width: cssWidth, height: cssHeight };
}

/** Colours from the stylesheet's custom properties where `element` lives (the page or a shadow root),
 *  so light and dark themes need no JS branches. */
export function theme(element = document.documentElement) {
  // Kept per element until its root's light/dark scheme changes: reading the computed style after a
  // redraw wrote text or attributes recalculates the page's styles first (a dragged control's step).
  const scheme = element.closest?.('.pe-root')?.dataset.scheme ?? '';
  const kept = themes.get(element);
  if (kept?.scheme === scheme) return kept.colours;
  const colours = readTheme(element);
  if (element.isConnected && colours.fg) themes.set(element, { scheme, colours }); // styled: kept
  return colours;
}
const themes = new WeakMap();

function readTheme(element) {
  const css = getComputedStyle(element);
  const get = (name) => css.getPropertyValue(name).trim();
  return {
    fg: get('--fg'),
    muted: get('--muted'),
    grid: get('--grid'),
    bg: get('--surface'),
    accent: get('--accent'),
    sin: get('--sin'),
    cos: get('--cos'),
    error: get('--error'),
    series: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => get(`--series-${n}`)),
    font: '12px system-ui, sans-serif',
  };
}

/**
 * About `count` round tick values covering [min, max], ascending, in a bounded number of steps whatever
 * the input: a reversed range is swapped; a range too narrow to split into round steps (one or two
 * float steps wide: a flat series) gives [min]; a range with one finite end gives that end, with none [].
 * Ticks are multiples of a 1-2-5 step rounded to 12 digits (so 0 is 0, not -6.9e-17); at least one.
 */
export function ticks(min, max, count = 5) {
  if (min > max) [min, max] = [max, min];
  const ends = [min, max].filter(Number.isFinite);
  if (ends.length < 2 || !(max > min)) return ends.slice(0, 1);
  const n = Math.min(Math.max(count, 1), 1000) || 5; // count NaN: the default
  const span = max - min; // Infinity from -1e308 to 1e308: then halves
  const raw = Number.isFinite(span) ? span / n : ((max / 2 - min / 2) / n) * 2;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) || raw;
  if (!(step > 0 && step < Infinity)) return [min, max]; // a subnormal span (raw 0), or count < 2 over 1e308
  // Each tick a multiple of step (a sum of steps stops growing where a step is below v's float spacing);
  // at most n + 1 of them fit, as step >= (max - min) / n; 12 digits make them round, and may merge them.
  const first = Math.ceil(min / step);
  const out = [];
  for (let i = 0; i <= n + 1; i++) {
    const v = (first + i) * step;
    if (!(v <= max + step * 1e-9 && Number.isFinite(v))) break;
    const tick = +v.toPrecision(12);
    if (tick !== out[out.length - 1]) out.push(tick);
  }
  // None (no round step of this size falls inside): finer steps, and at last the start.
  return out.length ? out : n < 1000 ? ticks(min, max, n * 2) : [min];
}

/**
 * x with en-US digit grouping and at most `fraction` decimals (trailing zeros dropped):
 * 1234567.5 -> "1,234,567.5". As Intl.NumberFormat('en-US') writes it, without Intl: a page's first
 * Intl number format builds ICU's formatter, ~17 ms (~70 ms on a phone-speed CPU) on the path to the
 * first drawn frame. Like Intl, it rounds the shortest decimal that reads back as x (String(x)), half
 * away from zero: 0.0059355 to 6 decimals is 0.005936, where toFixed, rounding the binary value just
 * below, writes 0.005935. Never writes "-0".
 */
export function grouped(x, fraction = 0) {
  const text = String(Math.abs(x));
  let [whole, part] = text.includes('e') ? Math.abs(x).toFixed(fraction).split('.') : text.split('.');
  part ??= '';
  if (part.length > fraction) {
    const digits = (whole + part.slice(0, fraction)).split('').map(Number);
    if (part.charCodeAt(fraction) >= 53 /* '5' */) {
      let k = digits.length - 1;
      while (k >= 0 && digits[k] === 9) digits[k--] = 0;
      if (k >= 0) digits[k]++;
      else digits.unshift(1);
    }
    whole = digits.slice(0, digits.length - fraction).join('') || '0';
    part = digits.slice(digits.length - fraction).join('');
  }
  part = part.replace(/0+$/, '');
  const sign = x < 0 && (/[1-9]/.test(whole) || part !== '') ? '-' : '';
  return sign + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (part ? `.${part}` : '');
}

/** Short, readable numbers: 6283.19, 0.000123, 1.2e+8. */
export function formatNumber(x, digits = 4) {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : x < 0 ? '−∞' : '—';
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e7 || a < 1e-4)) return x.toExponential(2).replace('-', '−');
  return grouped(+x.toPrecision(digits), 6).replace('-', '−');
}

/** Draws an axis's tick labels and optional grid lines. */
export function drawAxis(ctx, t, { side, from, to, start, end, values, label, format = String, grid = 0 }) {
  ctx.save();
  ctx.font = t.font;
  ctx.fillStyle = t.muted;
  ctx.strokeStyle = t.grid;
  const scale = (v) => from + ((v - start) / (end - start || 1)) * (to - from);
  for (const v of values) {
    const p = scale(v);
    if (side === 'left') {
      ctx.textAlign = 'right';
      ctx.textBaseline = 'middle';
      ctx.fillText(format(v), grid.left - 6, p);
      if (grid.right) {
        ctx.beginPath();
        ctx.moveTo(grid.left, p);
        ctx.lineTo(grid.right, p);
        ctx.stroke();
      }
    } else {
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      ctx.fillText(format(v), p, grid.bottom + 5);
      if (grid.top !== undefined) {
        ctx.beginPath();
        ctx.moveTo(p, grid.top);
        ctx.lineTo(p, grid.bottom);
        ctx.stroke();
      }
    }
  }
  if (label) {
    ctx.fillStyle = t.fg;
    if (side === 'left') {
      ctx.translate(12, (from + to) / 2);
      ctx.rotate(-Math.PI / 2);
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(label, 0, 0);
    } else {
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      ctx.fillText(label, (from + to) / 2, grid.bottom + 34);
    }
  }
  ctx.restore();
}

/** Saves a canvas as a PNG download. */
export function exportPng(canvas, filename) {
  canvas.toBlob((blob) => blob && download(blob, filename), 'image/png');
}

/** Offers a Blob as a download under `filename`. */
export function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Width available to a view's figure (its container's clientWidth), read once and kept until the
 * explorer's width changes (forgetWidths, from the mounts' ResizeObservers). Read at every redraw, it
 * laid the page out whenever the last redraw had written text: 10-30 ms of a dragged select's step
 * on a phone-speed CPU. A width of 0 (not laid out yet, or hidden) is not kept.
 */
let widths = new WeakMap();
export function widthOf(element, fallback = 600) {
  let width = widths.get(element);
  if (width === undefined) {
    width = element.clientWidth;
    if (width > 0) widths.set(element, width);
  }
  return Math.max(240, Math.floor(width || fallback));
}

/** Forgets every width widthOf kept (a container of views changed width). */
export function forgetWidths() {
  widths = new WeakMap();
}

/** Calls `redraw` 100 ms after `element`'s width changes (not on every height change a redraw
 *  causes), every kept width forgotten first (a mount's canvases are sized to it). Returns what stops
 *  it. */
export function onWidthChange(element, redraw) {
  let width = element.clientWidth;
  let timer = 0;
  const resize = new ResizeObserver(() => {
    if (element.clientWidth === width) return;
    width = element.clientWidth;
    forgetWidths();
    clearTimeout(timer);
    timer = setTimeout(redraw, 100);
  });
  resize.observe(element);
  return () => {
    resize.disconnect();
    clearTimeout(timer);
  };
}

/** Forgets the widths widthOf kept for `elements` (their layout changed: a grid's column count). */
export function forgetWidth(...elements) {
  for (const element of elements) widths.delete(element);
}

/** Sets an element's text, keeping its one text node: a new node is a new box for layout to build. */
export function setText(element, text) {
  const node = element.firstChild;
  if (node && node.nodeType === 3 && !node.nextSibling) {
    if (node.data !== text) node.data = text;
  } else {
    element.textContent = text;
  }
}

/**
 * Runs `update` now; or, while an animation drives the change, in a task of its own after this frame
 * and at most every 250 ms (with the latest call's `update`). Canvases redraw every frame; text that
 * makes the page lay out again waits for the next frame, so the two never share one (on a phone-speed
 * CPU, together they were two or three frames long).
 */
export function textUpdate(owner, animate, update) {
  clearTimeout(owner.textTimer);
  const now = performance.now();
  if (!animate) {
    owner.textAt = now;
    update();
    return;
  }
  owner.textTimer = setTimeout(
    () => {
      owner.textAt = performance.now();
      update();
    },
    Math.max(0, 250 - (now - (owner.textAt || 0))),
  );
}

/**
 * While an animation plays, takes the canvases of other views that are far from the screen out of the
 * picture (`data-far` on each; styles.css hides them, on screens only). Every frame's commit hands each
 * visible canvas to the compositor again, seen or not: with forty canvases on the explorer page that
 * was ~17 ms a frame on a phone-speed CPU at devicePixelRatio 2, more than the frame. A canvas comes
 * back a quarter of a screen before it scrolls into sight; layout does not change.
 * Returns the function that ends it.
 */
export function quietFar(node) {
  const root = node.getRootNode(); // the document, or a <pe-explorer>'s shadow root
  const canvases = [...root.querySelectorAll('section.view canvas')].filter(
    (canvas) => !node.contains(canvas),
  );
  if (!canvases.length || typeof IntersectionObserver !== 'function') return () => {};
  const far = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) entry.target.toggleAttribute('data-far', !entry.isIntersecting);
    },
    { rootMargin: '25% 0px' },
  );
  for (const canvas of canvases) far.observe(canvas);
  return () => {
    far.disconnect();
    for (const canvas of canvases) canvas.removeAttribute('data-far');
  };
}
