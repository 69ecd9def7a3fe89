// The settings form (and the view-local dims field): shows the state, checks what the reader types, and
// applies only valid values. An invalid value gets an inline message (the engine's own for encoding
// parameters) and the views keep their last good state. Works on the page and in a shadow root; fields
// that are not there (controls="off") are simply skipped.
import { fromError, message } from '../../messages.js';
import { defaultDims, encodingOf, MAX_DIMS, MAX_TEXT, maxLearnedRows } from '../../state.js';

export class Controls {
  /** @param {Document | ShadowRoot} root */
  constructor(root, pe, store, t) {
    this.root = root;
    this.pe = pe;
    this.store = store;
    this.t = t;
    this.listeners = [];
    const inputs = root.querySelectorAll('.controls-form input, .controls-form select, .view-control');
    for (const input of inputs) {
      const immediate = input.type === 'range' || input.tagName === 'SELECT' || input.type === 'checkbox';
      // A slider's input events are a scrub: views off screen wait for its release (explorer.js).
      this.listen(input, 'input', () => this.apply(input, false, input.type === 'range'));
      this.listen(input, 'change', () =>
        immediate ? this.store.set({}, { commit: true }) : this.apply(input, true),
      );
    }
    const form = root.querySelector('.controls-form');
    if (form) this.listen(form, 'submit', (e) => e.preventDefault());
  }

  listen(target, type, handler) {
    target.addEventListener(type, handler);
    this.listeners.push(() => target.removeEventListener(type, handler));
  }

  destroy() {
    for (const undo of this.listeners) undo();
    clearTimeout(this.textTimer);
  }

  byId(id) {
    return this.root.getElementById ? this.root.getElementById(id) : this.root.querySelector(`#${id}`);
  }

  /** Checks an input's value; applies it if valid, else shows why. */
  apply(input, commit, scrub = false) {
    const key = input.name;
    const result = this.check(key, input.value, this.store.get());
    const baseId = input.id.replace('-range', '');
    const note = this.byId(`${baseId}-error`);
    const visible = this.byId(baseId) || input;
    if (result.error) {
      visible.setAttribute('aria-invalid', 'true');
      if (note) note.textContent = this.t.error(result.error);
      return;
    }
    visible.removeAttribute('aria-invalid');
    if (note) note.textContent = '';
    this.store.set(result.patch, scrub ? { commit, scrub } : { commit });
  }

  check(key, text, state) {
    const trimmed = text.trim();
    const number = trimmed === '' ? NaN : Number(trimmed);
    const got = trimmed === '' ? '""' : trimmed;
    const integer = (name, min, max) =>
      Number.isInteger(number) && number >= min && number <= max
        ? null
        : message('integer_range', { name, min, max, got });
    switch (key) {
      case 'd':
      case 'n':
      case 'base': {
        if (trimmed === '' || Number.isNaN(number))
          return { error: message('enter_number', { got: trimmed }) };
        const next = { ...state, [key]: number };
        try {
          this.pe.validate(encodingOf(next));
        } catch (error) {
          return { error: fromError(error) };
        }
        return { patch: resized(state, next, key) };
      }
      case 'layout':
      case 'freq':
      case 'odd':
      case 'map':
        return { patch: { [key]: text } };
      case 'pos': {
        const error = integer('position', 0, state.n - 1);
        return error ? { error } : { patch: { pos: number } };
      }
      case 'k': {
        const error = integer('offset k', -(state.n - 1), state.n - 1);
        return error ? { error } : { patch: { k: number } };
      }
      case 'maxlen': {
        const error = integer('max_len', 1, maxLearnedRows(state.d, this.pe.limits));
        return error ? { error } : { patch: { maxlen: number } };
      }
      case 'scale': {
        const max = this.pe.limits.maxEmbeddingScale;
        if (!(Number.isFinite(number) && number >= 0 && number <= max)) {
          return { error: message('number_range', { name: 'scale', min: 0, max, got }) };
        }
        return { patch: { scale: number } };
      }
      case 'withpe':
        return { patch: { withpe: this.byId('c-withpe').checked ? 1 : 0 } };
      case 'proj':
        return { patch: { proj: text } };
      case 'text': {
        if (text.length > MAX_TEXT)
          return { error: message('text_too_long', { max: MAX_TEXT, got: text.length }) };
        return { patch: { text } };
      }
      case 'dims': {
        if (trimmed === '') return { patch: { dims: null } };
        const items = trimmed
          .split(/[\s,]+/)
          .filter(Boolean)
          .map(Number);
        const bad = items.find((j) => !Number.isInteger(j) || j < 0 || j >= state.d);
        if (bad !== undefined) return { error: message('dims_range', { last: state.d - 1, got: bad }) };
        if (items.length > MAX_DIMS)
          return { error: message('dims_count', { max: MAX_DIMS, got: items.length }) };
        return { patch: { dims: [...new Set(items)].sort((a, b) => a - b) } };
      }
      default:
        return { error: message('unknown_setting', { got: key }) };
    }
  }

  /** Shows the state in every control that is there and not being edited with an error in it. */
  update(state) {
    const set = (id, value) => {
      const el = this.byId(id);
      if (!el) return;
      if (el.getAttribute('aria-invalid') === 'true' && this.root.activeElement === el) return;
      if (el.value !== String(value)) el.value = String(value);
    };
    set('c-d', state.d);
    set('c-n', state.n);
    set('c-base', state.base);
    set('c-layout', state.layout);
    set('c-freq', state.freq);
    set('c-odd', state.odd);
    set('c-map', state.map);
    set('c-pos', state.pos);
    set('c-k', state.k);
    set('c-dims', state.dims ? state.dims.join(', ') : '');
    set('c-maxlen', state.maxlen);
    set('c-scale', state.scale);
    set('c-scale-range', state.scale);
    set('c-proj', state.proj);
    set('c-text', state.text ?? this.t('tokens.defaultText'));
    const withPe = this.byId('c-withpe');
    if (withPe) withPe.checked = state.withpe === 1;
    const dims = this.byId('c-dims');
    if (dims) dims.placeholder = `${defaultDims(state.d).join(', ')}`;
    const pos = this.byId('c-pos-range');
    if (pos) {
      pos.max = String(state.n - 1);
      pos.value = String(state.pos);
      this.byId('c-pos').max = String(state.n - 1);
    }
    const scrub = this.byId('c-scrub');
    if (scrub) {
      scrub.max = String(state.n - 1);
      scrub.value = String(state.pos);
    }
    const k = this.byId('c-k-range');
    if (k) {
      k.min = String(-(state.n - 1));
      k.max = String(state.n - 1);
      k.value = String(state.k);
    }
    const layoutHint = this.byId('c-layout-hint');
    if (layoutHint) layoutHint.textContent = this.t(`c.layout.note.${state.layout}`);
    const freqHint = this.byId('c-freq-hint');
    if (freqHint) freqHint.textContent = this.t(`c.freq.note.${state.freq}`);
  }

  /** Clears every inline error (after the state was replaced from outside). */
  clearErrors() {
    for (const el of this.root.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
    for (const el of this.root.querySelectorAll('.error')) el.textContent = '';
  }
}

/** The patch for a new d, n or base: a new size keeps the other settings inside it. */
export function resized(state, next, key) {
  const patch = { [key]: next[key] };
  if (key === 'base') return patch;
  patch.zoom = null;
  patch.pos = Math.min(state.pos, next.n - 1);
  patch.k = Math.max(-(next.n - 1), Math.min(state.k, next.n - 1));
  if (state.dims) {
    const kept = state.dims.filter((j) => j < next.d);
    patch.dims = kept.length ? kept : null;
  }
  return patch;
}
