// View 6: word embedding + position encoding. A sentence is tokenized (documented toy tokenizer), each
// token gets a deterministic toy embedding, and the input vector is embedding + PE. A 2-D projection
// (PCA, or the first two dimensions as articles show) colours the inputs by position; the same word at
// two positions gets two inputs whose difference is exactly PE(p) − PE(q).
// Tokens are shown as text (textContent, fillText), never as HTML.
import { fitCanvas, formatNumber, textUpdate, theme, widthOf } from '../../canvas.js';
import { ENCODING_KEYS, encodingOf } from '../../state.js';

export class TokensView {
  constructor(root, pe, store, t) {
    this.t = t;
    this.pe = pe;
    this.store = store;
    this.chips = root.querySelector('.chips');
    this.tokenNote = root.querySelector('.token-note');
    this.scatter = root.querySelector('canvas.scatter');
    this.projectionNote = root.querySelector('.projection-note');
    this.sameWord = root.querySelector('.same-word');
  }

  destroy() {
    clearTimeout(this.textTimer);
  }

  update(state, changed) {
    const keys = [...ENCODING_KEYS, 'text', 'scale', 'withpe', 'proj', 'theme', 'size', 'lang'];
    if (changed && !keys.some((k) => changed.has(k))) return;
    textUpdate(this, false, () => this.draw(this.store.get()));
  }

  draw(state) {
    const t = this.t;
    const text = state.text ?? t('tokens.defaultText');
    let tokens;
    let truncated;
    try {
      ({ tokens, truncated } = this.pe.tokenize(text));
    } catch (error) {
      this.tokenNote.textContent = t.error(error);
      return;
    }
    const counts = new Map();
    for (const token of tokens) counts.set(token, (counts.get(token) || 0) + 1);
    this.chips.replaceChildren(
      ...tokens.map((token, position) => {
        const li = document.createElement('li');
        li.append(document.createTextNode(token));
        const small = document.createElement('small');
        small.textContent = String(position);
        li.append(small);
        if (counts.get(token) > 1) li.className = 'repeat';
        return li;
      }),
    );
    this.tokenNote.textContent = tokens.length
      ? t('tokens.count', { n: tokens.length }) + (truncated ? ' ' + t('tokens.truncated') : '')
      : t('tokens.empty');
    // Nothing to plot (fewer than two tokens, or d_model = 1): no canvas, and the note says why.
    this.scatter.hidden = tokens.length < 2 || state.d < 2;
    const { ctx } = fitCanvas(this.scatter, widthOf(this.scatter.parentElement), 360);
    if (tokens.length < 2) {
      this.projectionNote.textContent = t('tokens.needTwo');
      this.sameWord.textContent = '';
      return;
    }
    const options = { ...encodingOf(state), positions: tokens.length, start: 0 };
    const inputs = this.pe.inputVectors(tokens, options, state.scale, state.withpe === 1);
    const method = state.d < 2 ? 'first_two' : state.proj;
    const projected = state.d < 2 ? null : this.pe.project(inputs, tokens.length, state.d, method);
    this.drawScatter(ctx, state, tokens, projected);
    this.describeSame(state, tokens, inputs, options);
  }

  drawScatter(ctx, state, tokens, projected) {
    const t = this.t;
    const colours = theme(this.scatter);
    const width = this.scatter.clientWidth || widthOf(this.scatter.parentElement);
    const height = 360;
    if (!projected) {
      this.projectionNote.textContent = t('tokens.needD2');
      return;
    }
    const xy = projected.xy;
    const n = tokens.length;
    let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
    for (let r = 0; r < n; r++) {
      x0 = Math.min(x0, xy[2 * r]);
      x1 = Math.max(x1, xy[2 * r]);
      y0 = Math.min(y0, xy[2 * r + 1]);
      y1 = Math.max(y1, xy[2 * r + 1]);
    }
    const pad = (a, b) => (b - a || 1) * 0.08;
    [x0, x1] = [x0 - pad(x0, x1), x1 + pad(x0, x1)];
    [y0, y1] = [y0 - pad(y0, y1), y1 + pad(y0, y1)];
    const g = { left: 40, right: width - 16, top: 12, bottom: height - 40 };
    const X = (v) => g.left + ((v - x0) / (x1 - x0 || 1)) * (g.right - g.left);
    const Y = (v) => g.bottom - ((v - y0) / (y1 - y0 || 1)) * (g.bottom - g.top);
    ctx.strokeStyle = colours.grid;
    ctx.strokeRect(g.left, g.top, g.right - g.left, g.bottom - g.top);
    // Colour by position: viridis from the engine, first token dark, last yellow.
    const order = new Float32Array(n).map((_, r) => (n > 1 ? r / (n - 1) : 0));
    const rgba = this.pe.colorize(order, { map: 'viridis', low: 0, high: 1 });
    ctx.font = colours.font;
    ctx.textBaseline = 'bottom';
    ctx.lineWidth = 1;
    for (let r = 0; r < n; r++) {
      const [px, py] = [X(xy[2 * r]), Y(xy[2 * r + 1])];
      ctx.fillStyle = `rgb(${rgba[4 * r]} ${rgba[4 * r + 1]} ${rgba[4 * r + 2]})`;
      ctx.beginPath();
      ctx.arc(px, py, 6, 0, 2 * Math.PI);
      ctx.fill();
      ctx.strokeStyle = colours.fg;
      ctx.stroke();
      ctx.fillStyle = colours.fg;
      ctx.textAlign = px > g.right - 60 ? 'right' : 'left';
      ctx.fillText(`${tokens[r]}·${r}`, px + (px > g.right - 60 ? -8 : 8), py - 4);
    }
    const label = (k) =>
      state.proj === 'pca'
        ? t('tokens.pcAxis', { k: k + 1, share: Math.round(projected.explained[k] * 100) })
        : t('tokens.dimAxis', { k });
    ctx.fillStyle = colours.muted;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.fillText(label(0), (g.left + g.right) / 2, g.bottom + 8);
    ctx.save();
    ctx.translate(14, (g.top + g.bottom) / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText(label(1), 0, -8);
    ctx.restore();
    this.projectionNote.textContent =
      (state.proj === 'pca' ? t('tokens.pcaNote') : t('tokens.firstTwoNote')) +
      ' ' +
      (state.withpe === 1 ? t('tokens.withPe') : t('tokens.withoutPe'));
    this.scatter.setAttribute(
      'aria-label',
      t('tokens.aria', { n, method: state.proj === 'pca' ? 'PCA' : t('c.proj.first_two') }),
    );
  }

  // The first word that occurs twice: its two inputs differ by exactly PE(p) − PE(q).
  describeSame(state, tokens, inputs, options) {
    const t = this.t;
    const first = new Map();
    let pair = null;
    for (let r = 0; r < tokens.length && !pair; r++) {
      if (first.has(tokens[r])) pair = [first.get(tokens[r]), r];
      else first.set(tokens[r], r);
    }
    if (!pair) {
      this.sameWord.textContent = t('tokens.noRepeat');
      delete this.sameWord.dataset.difference;
      return;
    }
    const [p, q] = pair;
    const pe = this.pe.sinusoidal(options);
    const d = state.d;
    let inputDistance = 0;
    let peDistance = 0;
    let mismatch = 0;
    for (let j = 0; j < d; j++) {
      const inputDiff = inputs[p * d + j] - inputs[q * d + j];
      const peDiff = state.withpe === 1 ? pe[p * d + j] - pe[q * d + j] : 0;
      inputDistance += inputDiff * inputDiff;
      peDistance += (pe[p * d + j] - pe[q * d + j]) ** 2;
      mismatch = Math.max(mismatch, Math.abs(inputDiff - peDiff));
    }
    inputDistance = Math.sqrt(inputDistance);
    peDistance = Math.sqrt(peDistance);
    this.sameWord.dataset.difference = String(inputDistance);
    this.sameWord.dataset.peDifference = String(peDistance);
    this.sameWord.dataset.mismatch = String(mismatch);
    this.sameWord.textContent =
      state.withpe === 1
        ? t('tokens.same', {
            word: tokens[p],
            p,
            q,
            input: formatNumber(inputDistance, 5),
            pe: formatNumber(peDistance, 5),
            mismatch: mismatch.toExponential(1),
          })
        : t('tokens.sameWithoutPe', { word: tokens[p], p, q });
  }
}
