// View 3: the position vector in motion. Bars for PE(pos); one clock per pair whose hand turns at that
// pair's true angular speed (angle = pos * omega_i); play, pause, step, scrub and speed.
import { fitCanvas, formatNumber, quietFar, setText, textUpdate, theme, widthOf } from '../../canvas.js';
import { ENCODING_KEYS, encodingOf, SPEEDS } from '../../state.js';

const MAX_CLOCKS = 32;
const MAX_CLOCKS_NARROW = 15; // below 500 px (a phone): five rows of three, not eleven
const CELL = { width: 86, height: 104, radius: 30 };

/** A CSS colour as one little-endian RGBA word (for a Uint32Array over ImageData). */
function rgba32(ctx, colour) {
  ctx.fillStyle = colour;
  const c = ctx.fillStyle; // normalised: #rrggbb, or rgba(r, g, b, a)
  const [r, g, b, a = 1] = c.startsWith('#')
    ? [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16))
    : c.match(/[\d.]+/g).map(Number);
  return ((Math.round(a * 255) << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

export class ClockView {
  constructor(root, pe, store, t) {
    this.t = t; // the translator
    this.pe = pe;
    this.store = store;
    this.root = root;
    this.bars = root.querySelector('canvas.bars');
    this.clocks = root.querySelector('canvas.clocks');
    this.angles = root.querySelector('.angles');
    this.clockNote = root.querySelector('.clock-note');
    this.playButton = root.querySelector('[data-action="play"]');
    this.speed = root.querySelector('select[name="speed"]');
    this.speed.replaceChildren(
      ...SPEEDS.map((s) => new Option(t(s === 1 ? 'clock.speedOne' : 'clock.speedMany', { s }), String(s))),
    );
    this.at = store.get().pos; // the animated (continuous) position
    this.playing = false;
    this.frame = 0;
    this.playButton.addEventListener('click', () => (this.playing ? this.pause() : this.play()));
    root.querySelector('[data-action="step-back"]').addEventListener('click', () => this.step(-1));
    root.querySelector('[data-action="step-forward"]').addEventListener('click', () => this.step(1));
    this.speed.addEventListener('change', () =>
      this.store.set({ speed: Number(this.speed.value) }, { commit: true }),
    );
    // The animation runs only while the clocks are on screen and the tab is visible.
    this.onScreen = false;
    this.onVisibility = () => this.syncLoop();
    document.addEventListener('visibilitychange', this.onVisibility);
    this.reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)');
    this.autoplayPending = !this.reducedMotion?.matches;
    this.observer = new IntersectionObserver((entries) => {
      this.onScreen = entries[entries.length - 1].isIntersecting;
      this.clocks.dataset.onScreen = String(this.onScreen); // for tests to wait on, not to poll time
      // Autoplay once, when the view first scrolls into sight, unless the reader prefers reduced motion.
      if (this.onScreen && this.autoplayPending && !this.reducedMotion?.matches && !this.userPaused) {
        this.autoplayPending = false;
        this.play();
      }
      this.syncLoop();
    });
    this.observer.observe(this.clocks);
  }

  syncLoop() {
    const run = this.playing && this.onScreen && !document.hidden;
    if (run && !this.frame) this.startLoop();
    else if (!run && this.frame) this.stopLoop();
  }

  destroy() {
    this.stopLoop();
    this.observer.disconnect();
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.textTimer);
  }

  update(state, changed, reason = {}) {
    this.speed.value = String(state.speed);
    // The animated position follows the state, except where the animation itself moved it (its
    // fraction is kept): a position from a link or a control while playing is taken as it is.
    if (!changed || !this.playing || (!reason.animate && Math.floor(this.at) !== state.pos)) {
      this.at = state.pos;
    }
    const keys = [...ENCODING_KEYS, 'theme', 'size'];
    if (!changed || keys.some((k) => changed.has(k))) {
      this.info = this.pe.dimensions(encodingOf(state));
      this.faces = null; // the clock faces are drawn again (drawClocks)
    }
    this.drawBars(state);
    this.drawClocks(state, this.at);
    textUpdate(this, reason.animate, () => this.describe(this.store.get()));
  }

  play() {
    const state = this.store.get();
    if (this.at >= state.n - 1) this.at = 0;
    this.playing = true;
    this.userPaused = false;
    this.playButton.textContent = this.t('clock.pause');
    this.playButton.setAttribute('aria-pressed', 'true');
    this.syncLoop();
  }

  pause() {
    this.playing = false;
    this.userPaused = true;
    this.playButton.textContent = this.t('clock.play');
    this.playButton.setAttribute('aria-pressed', 'false');
    this.stopLoop();
    this.at = this.store.get().pos;
    this.store.set({}, { commit: true });
    this.drawClocks(this.store.get(), this.at);
  }

  step(delta) {
    if (this.playing) this.pause();
    const state = this.store.get();
    const pos = (state.pos + delta + state.n) % state.n;
    this.store.set({ pos }, { commit: true });
  }

  startLoop() {
    this.stopLoop();
    // Time runs from the first frame's timestamp, never from performance.now(): a frame's timestamp
    // is when the frame began, often before the loop was asked for (by up to a frame, more after a
    // long task), and from performance.now() the first step went backwards: from position 0 (play at
    // the last position starts again at 0) to -1, which no view can draw.
    let last = null;
    const tick = (now) => {
      const state = this.store.get();
      this.at += (Math.max(0, now - (last ?? now)) / 1000) * state.speed;
      last = now;
      if (this.at >= state.n) this.at %= state.n;
      const pos = Math.floor(this.at);
      if (pos !== state.pos) this.store.set({ pos }, { animate: true });
      else if (this.faces)
        this.drawHands(this.at); // between positions only the hands move
      else this.drawClocks(state, this.at);
      this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
    this.endQuiet = quietFar(this.root);
    this.clocks.dataset.running = 'true';
  }

  stopLoop() {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.endQuiet?.();
    this.endQuiet = null;
    this.clocks.dataset.running = 'false';
  }

  pairsShown(state, width) {
    const h = Math.floor(state.d / 2);
    const most = width < 500 ? MAX_CLOCKS_NARROW : MAX_CLOCKS;
    if (h <= most) return Array.from({ length: h }, (_, i) => i);
    return [...new Set(Array.from({ length: most }, (_, k) => Math.round((k * (h - 1)) / (most - 1))))];
  }

  // The columns of pair i's sin and cos in the current layout.
  columnsOf(pair) {
    let sin = -1;
    let cos = -1;
    for (let j = 0; j < this.info.pair.length; j++) {
      if (this.info.pair[j] !== pair) continue;
      if (this.info.wave[j] === 'sin') sin = j;
      else cos = j;
    }
    return { sin, cos };
  }

  drawBars(state) {
    const t = theme(this.bars);
    const width = widthOf(this.bars.parentElement);
    const height = 170;
    const { ctx, dpr } = fitCanvas(this.bars, width, height);
    const v = this.pe.vectorAt(encodingOf(state), state.pos);
    const g = { left: 36, right: width - 8, top: 8, bottom: height - 22 };
    const yOf = (x) => g.top + ((1 - x) / 2) * (g.bottom - g.top);
    ctx.font = t.font;
    // The bars as pixels, one device-pixel column at a time (the bar under its centre), written into an
    // image: a thousand anti-aliased rectangles were the slowest part of a playing frame to rasterise
    // (47 of 132 frames late at d_model 1024; none without them). Which bar and colour each column
    // shows is worked out once per size and encoding; a redraw clears the spans it drew last time
    // (not the whole image) and writes the new ones.
    const W = this.bars.width;
    const key = `${W}x${this.bars.height} ${state.d} ${dpr} ${this.info.wave.join('')} ${t.sin} ${t.cos}`;
    if (this.barColumns?.key !== key) {
      const colours = { sin: rgba32(ctx, t.sin), cos: rgba32(ctx, t.cos) };
      const barWidth = (g.right - g.left) / state.d;
      const w = Math.max(barWidth - (barWidth > 3 ? 1 : 0), 0.6);
      const bar = new Int32Array(W).fill(-1);
      const colour = new Uint32Array(W);
      for (let x = Math.floor(g.left * dpr); x < Math.min(W, Math.ceil(g.right * dpr)); x++) {
        const at = (x + 0.5) / dpr - g.left; // the column's centre, in CSS pixels from the first bar
        const j = Math.floor(at / barWidth);
        if (j < 0 || j >= state.d || at - j * barWidth > w) continue; // a gap between wide bars
        bar[x] = j;
        colour[x] = colours[this.info.wave[j]];
      }
      const image = ctx.createImageData(W, this.bars.height);
      const drawn = new Int32Array(2 * W); // each column's last span [top, bottom)
      this.barColumns = { key, bar, colour, image, pixels: new Uint32Array(image.data.buffer), drawn };
    }
    const { bar, colour, image, pixels, drawn } = this.barColumns;
    const y0 = yOf(0);
    for (let x = 0; x < W; x++) {
      for (let y = drawn[2 * x]; y < drawn[2 * x + 1]; y++) pixels[y * W + x] = 0;
      const j = bar[x];
      if (j < 0) continue;
      const y1 = yOf(v[j]);
      const top = Math.round(Math.min(y0, y1) * dpr);
      const bottom = Math.max(top + 1, Math.round(Math.max(y0, y1) * dpr));
      const c = colour[x];
      for (let y = top; y < bottom; y++) pixels[y * W + x] = c;
      drawn[2 * x] = top;
      drawn[2 * x + 1] = bottom;
    }
    // Only the plot's rows (fitCanvas cleared the rest).
    const [top, bottom] = [Math.floor(g.top * dpr), Math.ceil(g.bottom * dpr) + 1];
    ctx.putImageData(image, 0, 0, 0, top, W, Math.min(this.bars.height, bottom) - top);
    ctx.fillStyle = t.muted;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const y of [-1, 0, 1]) ctx.fillText(y === -1 ? '−1' : String(y), g.left - 6, yOf(y));
    ctx.strokeStyle = t.grid;
    ctx.beginPath();
    ctx.moveTo(g.left, yOf(0));
    ctx.lineTo(g.right, yOf(0));
    ctx.stroke();
    ctx.fillStyle = t.muted;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'bottom';
    ctx.fillText(this.t('clock.barsCaption', { pos: state.pos, last: state.d - 1 }), g.left, height - 2);
    this.bars.setAttribute('aria-label', this.t('clock.ariaBars', { pos: state.pos, d: state.d }));
  }

  // The clocks in two layers: the faces, labels and wavelengths (drawn once per encoding, theme or
  // width, into an offscreen canvas) and the hands (every frame: the faces copied in, then every hand
  // in one stroke and every hub in one fill). A frame reads no layout and writes no style, so playing
  // costs little more than the copy, also on a phone-speed CPU at devicePixelRatio 2.
  drawClocks(state, position) {
    const width = widthOf(this.clocks.parentElement);
    const dpr = Math.min(window.devicePixelRatio || 1, 3);
    if (!this.faces || this.faces.width !== width || this.faces.dpr !== dpr) this.drawFaces(state, width);
    this.drawHands(position);
  }

  drawFaces(state, width) {
    const t = theme(this.bars);
    const pairs = this.pairsShown(state, width);
    const perRow = Math.max(1, Math.floor(width / CELL.width));
    const rows = Math.ceil(pairs.length / perRow);
    const { ctx, dpr } = fitCanvas(this.clocks, width, Math.max(1, rows) * CELL.height);
    const layer = document.createElement('canvas');
    layer.width = this.clocks.width;
    layer.height = this.clocks.height;
    const face = layer.getContext('2d');
    face.setTransform(dpr, 0, 0, dpr, 0, 0);
    face.font = t.font;
    face.textAlign = 'center';
    face.textBaseline = 'top';
    const rims = new Path2D();
    const hands = pairs.map((pair, n) => {
      const { sin } = this.columnsOf(pair);
      const cx = (n % perRow) * CELL.width + CELL.width / 2;
      const cy = Math.floor(n / perRow) * CELL.height + CELL.radius + 6;
      rims.moveTo(cx + CELL.radius, cy);
      rims.arc(cx, cy, CELL.radius, 0, 2 * Math.PI);
      face.fillStyle = t.fg;
      face.fillText(this.t('clock.pairLabel', { pair }), cx, cy + CELL.radius + 4);
      face.fillStyle = t.muted;
      face.fillText(`λ ${formatNumber(this.info.wavelength[sin], 3)}`, cx, cy + CELL.radius + 18);
      return { cx, cy, omega: this.info.omega[sin] };
    });
    face.strokeStyle = t.grid;
    face.lineWidth = 1;
    face.stroke(rims);
    this.faces = { layer, ctx, dpr, width, hands, accent: t.accent, hub: t.fg };
    this.clocks.dataset.pairs = pairs.join(',');
    this.clocks.dataset.perRow = String(perRow);
    const h = Math.floor(state.d / 2);
    this.clocks.hidden = !h; // d_model = 1: no pair, no clock (the note says so)
    this.clockNote.textContent = !h
      ? this.t('periodicity.noPair')
      : pairs.length < h
        ? this.t('clock.notePart', { shown: pairs.length, h })
        : this.t('clock.noteAll', { h });
  }

  drawHands(position) {
    const { layer, ctx, dpr, hands, accent, hub } = this.faces;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (this.faces.whole) {
      // Each clock's square copied back from the faces (a third of the canvas's pixels), not the whole.
      const side = Math.ceil(2 * CELL.radius * dpr) + 2;
      for (const { cx, cy } of hands) {
        const x = Math.floor((cx - CELL.radius) * dpr) - 1;
        const y = Math.floor((cy - CELL.radius) * dpr) - 1;
        ctx.clearRect(x, y, side, side); // the faces have transparent parts
        ctx.drawImage(layer, x, y, side, side, x, y, side, side);
      }
    } else {
      ctx.clearRect(0, 0, layer.width, layer.height);
      ctx.drawImage(layer, 0, 0);
      this.faces.whole = true;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    // angle = pos * omega, counter-clockwise from 3 o'clock: x = cos, y = sin (the pair's two values).
    const lines = new Path2D();
    const hubs = new Path2D();
    const r = CELL.radius - 3;
    for (const { cx, cy, omega } of hands) {
      const angle = position * omega;
      lines.moveTo(cx, cy);
      lines.lineTo(cx + r * Math.cos(angle), cy - r * Math.sin(angle));
      hubs.moveTo(cx + 2.5, cy);
      hubs.arc(cx, cy, 2.5, 0, 2 * Math.PI);
    }
    ctx.strokeStyle = accent;
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.stroke(lines);
    ctx.fillStyle = hub;
    ctx.fill(hubs);
    this.clocks.dataset.position = position.toFixed(3); // the (animated) position the hands show
  }

  // Angles in words for a few pairs, from the engine's values at the current position.
  describe(state) {
    const v = this.pe.vectorAt(encodingOf(state), state.pos);
    const h = Math.floor(state.d / 2);
    const featured = [...new Set([0, 1, Math.floor(h / 2), h - 1])].filter((i) => i >= 0 && i < h);
    // The list's items are kept and their text rewritten (new items each time were new boxes to lay out).
    const items = [...this.angles.children];
    while (items.length > featured.length) items.pop().remove();
    featured.forEach((pair, n) => {
      const { sin, cos } = this.columnsOf(pair);
      const degrees = ((Math.atan2(v[sin], v[cos]) * 180) / Math.PI + 360) % 360;
      const li = items[n] ?? this.angles.appendChild(document.createElement('li'));
      li.dataset.pair = String(pair);
      li.dataset.angle = degrees.toFixed(4);
      setText(
        li,
        this.t('clock.angle', {
          pair,
          deg: degrees.toFixed(1),
          sin: v[sin].toFixed(4),
          cos: v[cos].toFixed(4),
          lambda: formatNumber(this.info.wavelength[sin], 5),
        }),
      );
    });
    this.clocks.setAttribute(
      'aria-label',
      this.t('clock.aria', { pos: state.pos, text: this.angles.textContent }),
    );
  }
}
