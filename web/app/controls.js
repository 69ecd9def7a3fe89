// The settings form: shows the state, checks what the reader types, and applies only valid values.
// An invalid value gets an inline message (the engine's own for encoding parameters) and the views keep
// their last good state.
import { defaultDims, encodingOf } from './state.js';

const LAYOUT_NOTES = {
  interleaved: 'sin, cos, sin, cos, …: the paper (Vaswani et al. 2017).',
  split: 'All sines, then all cosines: tensor2tensor, fairseq, Marian, the TensorFlow tutorial.',
  split_cos_first: 'All cosines, then all sines: DiT (its timestep embedding).',
};
const FREQUENCY_NOTES = {
  paper: 'ω_i = base^(−2i/d): the paper. Slowest wavelength just under 2π·base.',
  tensor2tensor: 'ω_i = base^(−i/(d/2−1)): tensor2tensor, fairseq. Slowest wavelength exactly 2π·base.',
};

export class Controls {
  constructor(form, pe, store) {
    this.form = form;
    this.pe = pe;
    this.store = store;
    this.dimsInput = document.getElementById('c-dims');
    for (const input of [...form.querySelectorAll('input, select'), this.dimsInput]) {
      const commit = input.type === 'range' || input.tagName === 'SELECT' ? 'input' : 'change';
      input.addEventListener('input', () => this.apply(input, false));
      if (commit !== 'input') input.addEventListener('change', () => this.apply(input, true));
      else input.addEventListener('change', () => this.store.set({}, { commit: true }));
    }
    form.addEventListener('submit', (e) => e.preventDefault());
  }

  /** Checks an input's value; applies it if valid, else shows why. */
  apply(input, commit) {
    const key = input.name;
    const state = this.store.get();
    const result = this.check(key, input.value, state);
    const message = document.getElementById(`${input.id.replace('-range', '')}-error`);
    const visible = input.type === 'range' ? document.getElementById(input.id.replace('-range', '')) : input;
    if (result.error) {
      visible.setAttribute('aria-invalid', 'true');
      if (message) message.textContent = result.error;
      return;
    }
    visible.removeAttribute('aria-invalid');
    if (message) message.textContent = '';
    this.store.set(result.patch, { commit });
  }

  check(key, text, state) {
    const trimmed = text.trim();
    const number = trimmed === '' ? NaN : Number(trimmed);
    const integer = (name, lo, hi) =>
      Number.isInteger(number) && number >= lo && number <= hi
        ? null
        : `${name} must be an integer from ${lo} to ${hi}; got ${trimmed === '' ? 'nothing' : trimmed}`;
    switch (key) {
      case 'd':
      case 'n':
      case 'base': {
        if (trimmed === '' || Number.isNaN(number)) return { error: `enter a number; got "${trimmed}"` };
        const next = { ...state, [key]: number };
        try {
          this.pe.validate(encodingOf(next));
        } catch (error) {
          return { error: error.message };
        }
        const patch = { [key]: number };
        if (key !== 'base') {
          // A new size keeps the other settings inside it.
          patch.zoom = null;
          patch.pos = Math.min(state.pos, next.n - 1);
          patch.k = Math.max(-(next.n - 1), Math.min(state.k, next.n - 1));
          if (state.dims)
            patch.dims = state.dims.filter((j) => j < next.d).length
              ? state.dims.filter((j) => j < next.d)
              : null;
        }
        return { patch };
      }
      case 'layout':
      case 'freq':
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
      case 'dims': {
        if (trimmed === '') return { patch: { dims: null } };
        const items = trimmed
          .split(/[\s,]+/)
          .filter(Boolean)
          .map(Number);
        const bad = items.find((j) => !Number.isInteger(j) || j < 0 || j >= state.d);
        if (bad !== undefined)
          return { error: `dimensions must be integers from 0 to ${state.d - 1}; got ${bad}` };
        if (items.length > 8) return { error: `pick at most 8 dimensions; got ${items.length}` };
        return { patch: { dims: [...new Set(items)].sort((a, b) => a - b) } };
      }
      default:
        return { error: `unknown setting ${key}` };
    }
  }

  /** Shows the state in every control that is not being edited with an error in it. */
  update(state) {
    const set = (id, value) => {
      const el = document.getElementById(id);
      if (el.getAttribute('aria-invalid') === 'true' && document.activeElement === el) return;
      if (el.value !== String(value)) el.value = String(value);
    };
    set('c-d', state.d);
    set('c-n', state.n);
    set('c-base', state.base);
    set('c-layout', state.layout);
    set('c-freq', state.freq);
    set('c-map', state.map);
    set('c-pos', state.pos);
    set('c-k', state.k);
    set('c-dims', state.dims ? state.dims.join(', ') : '');
    this.dimsInput.placeholder = `default: ${defaultDims(state.d).join(', ')}`;
    const pos = document.getElementById('c-pos-range');
    pos.max = String(state.n - 1);
    pos.value = String(state.pos);
    const k = document.getElementById('c-k-range');
    k.min = String(-(state.n - 1));
    k.max = String(state.n - 1);
    k.value = String(state.k);
    document.getElementById('c-pos').max = String(state.n - 1);
    document.getElementById('c-layout-hint').textContent = LAYOUT_NOTES[state.layout];
    document.getElementById('c-freq-hint').textContent = FREQUENCY_NOTES[state.freq];
  }

  /** Clears every inline error (after the state was replaced from the URL). */
  clearErrors() {
    for (const el of document.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
    for (const el of document.querySelectorAll('.error')) el.textContent = '';
  }
}
