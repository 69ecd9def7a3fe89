// Precision's heatmap window: pan and zoom by pointer (mouse, pen, touch; two touches pinch), wheel
// and keys. Methods of PrecisionView (index.js), which mixes them in.

export const panZoom = {
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
    const w = this.visible(this.settings());
    const anchor = w.start + fraction * w.count;
    const count = w.count / factor;
    this.setWindow({ start: anchor - fraction * count, count }, coarse);
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
      const w = this.visible(this.settings());
      const dx = e.clientX - before.x;
      if (Math.abs(dx) < 1) return;
      this.setWindow({ start: w.start - (dx / width) * w.count, count: w.count }, true);
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
    this.zoomAt(this.fractionOf(e.clientX), e.deltaY < 0 ? 1.25 : 0.8, true);
  },

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
  },
};
