// Precision's heatmap window: pan and zoom by pointer (mouse, pen, touch; two touches pinch), wheel
// and keys, with the arithmetic, keys and wheel steps every zoomable figure shares (plot.js). Methods
// of PrecisionView (index.js), which mixes them in.
import { clampSpan, panSpan, wheelFactor, zoomKey, zoomSpan } from '../../plot.js';

// The shortest window: 16 positions.
const LEAST = 16;

export const panZoom = {
  setWindow(next, coarse = false) {
    const s = this.settings();
    if (next) {
      const span = clampSpan(next, s.range, LEAST);
      this.window = span.count >= s.range ? null : span;
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
  },

  refine() {
    const s = this.settings();
    this.describe(s); // the groups first: the heatmap marks them
    this.drawHeat(s, false);
  },

  guard(f) {
    try {
      f();
    } catch (error) {
      this.onError({ kind: 'view_failed', args: { reason: String(error.message) } });
    }
  },

  zoomAt(fraction, factor, coarse) {
    const s = this.settings();
    this.setWindow(zoomSpan(this.visible(s), factor, fraction, s.range, LEAST), coarse);
  },

  fractionOf(clientX) {
    const g = this.geometry();
    const rect = this.heat.getBoundingClientRect();
    return Math.max(0, Math.min(1, (clientX - rect.left - g.plot.left) / (g.plot.right - g.plot.left)));
  },

  pointerDown(e) {
    this.heat.setPointerCapture?.(e.pointerId);
    this.pointers.set(e.pointerId, { x: e.clientX, moved: false });
    this.guard(() => this.cellAt(e));
  },

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
      const s = this.settings();
      const w = this.visible(s);
      const dx = e.clientX - before.x;
      if (Math.abs(dx) < 1) return;
      this.setWindow(panSpan(w, -(dx / width) * w.count, s.range), true);
    }
    this.pointers.set(e.pointerId, { x: e.clientX, moved: true });
  },

  pointerUp(e) {
    const was = this.pointers.get(e.pointerId);
    this.pointers.delete(e.pointerId);
    if (was?.moved && this.pointers.size === 0) {
      clearTimeout(this.fineTimer);
      this.guard(() => this.refine());
    }
  },

  wheel(e) {
    e.preventDefault();
    this.zoomAt(this.fractionOf(e.clientX), wheelFactor(e), true);
  },

  key(e) {
    const zoom = {
      zoomIn: () => this.zoomAt(0.5, 2),
      zoomOut: () => this.zoomAt(0.5, 0.5),
      reset: () => this.setWindow(null),
    };
    if (zoomKey(e, zoom)) return;
    // ← and → move the window by a quarter of its length.
    const step = { ArrowLeft: -0.25, ArrowRight: 0.25 }[e.key];
    if (!step) return;
    e.preventDefault();
    const s = this.settings();
    const w = this.visible(s);
    this.setWindow(panSpan(w, step * w.count, s.range));
  },
};
