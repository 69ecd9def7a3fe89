// The model atlas's layer strip (one cell per layer: its type's colour, NoPE hatched) with its legend,
// and the head-dimension bar (which dimensions rotate, which slice, which pairs). `view` is the
// ModelView: its translator `t`, `describe(type)` and `colorOf(type)`.
import { fmt } from '../rope-figures.js';
import { zeroPairs } from './reading.js';

export function drawStrip(view, model) {
  const strip = view.root.querySelector('.model-strip');
  const doc = strip.ownerDocument;
  const byName = Object.fromEntries(model.types.map((x) => [x.name, x]));
  const cellOf = (type) => {
    const cell = doc.createElement('span');
    cell.className = type.rope ? 'layer' : 'layer nope';
    cell.style.setProperty('--layer-color', view.colorOf(type));
    return cell;
  };
  strip.replaceChildren(
    ...model.layers.map((name, i) => {
      const cell = cellOf(byName[name]);
      cell.dataset.type = name;
      cell.title = `${view.t('layer', { index: i })}: ${name}`;
      return cell;
    }),
  );
  strip.setAttribute('aria-label', model.types.map((x) => `${x.count} × ${x.name}`).join(', '));
  view.root.querySelector('.model-strip-legend').replaceChildren(
    ...model.types.map((type) => {
      const item = doc.createElement('li');
      const name = doc.createElement('code');
      name.textContent = type.name;
      item.dataset.type = type.name;
      item.append(cellOf(type), name, ` × ${type.count}: ${view.describe(type)}`);
      return item;
    }),
  );
}

/** One bar per distinct head geometry among the rotating layer types. */
export function drawHeads(view, model) {
  const box = view.root.querySelector('.model-heads');
  const doc = box.ownerDocument;
  const t = view.t;
  const seen = new Map();
  for (const type of model.types.filter((x) => x.rope)) {
    const key = [type.headDim, type.rotaryDim, type.rotatedSlice, type.pairing, zeroPairs(type)].join();
    if (!seen.has(key)) seen.set(key, []);
    seen.get(key).push(type);
  }
  const segment = (kind, dims, label) => {
    if (dims <= 0) return null;
    const s = doc.createElement('span');
    s.className = `segment ${kind}`;
    s.style.flexGrow = String(dims);
    s.dataset.dims = String(dims);
    s.textContent = label;
    s.title = label;
    return s;
  };
  const bars = [...seen.values()].map((group) => {
    const type = group[0];
    const h = type.headDim;
    const r = type.rotaryDim;
    const z = zeroPairs(type);
    const figure = doc.createElement('div');
    figure.className = 'model-head';
    figure.dataset.slice = type.rotatedSlice;
    figure.dataset.pairing = type.pairing;
    const title = doc.createElement('p');
    title.textContent = t('headOf', { types: group.map((x) => x.name).join(', '), head: h });
    const bar = doc.createElement('div');
    bar.className = 'model-head-bar';
    const last = type.rotatedSlice === 'last';
    const pass = segment('pass', h - r, t(last ? 'qNope' : 'passThrough', { dims: h - r }));
    if (z && type.pairing === 'half') {
      // Pairs (i, i + r/2) with the last z still: each half of the rotated slice turns its first
      // r/2 − z dimensions and leaves the rest (Gemma 4's proportional RoPE).
      const turning = r / 2 - z;
      const halfOf = () => [
        segment('rotated', turning, t('rotated', { dims: turning })),
        segment('zero', z, t('zeroPairs', { dims: z, pairs: z })),
      ];
      bar.append(...[...halfOf(), ...halfOf(), pass].filter(Boolean));
    } else {
      const rotated = segment('rotated', r - 2 * z, t(last ? 'qRope' : 'rotated', { dims: r - 2 * z }));
      const still = segment('zero', 2 * z, t('zeroPairs', { dims: 2 * z, pairs: z }));
      bar.append(...(last ? [pass, rotated, still] : [rotated, still, pass]).filter(Boolean));
    }
    const pairs = doc.createElement('p');
    pairs.className = 'note';
    pairs.textContent =
      type.pairing === 'half'
        ? t('pairsHalf', { half: fmt(r / 2), next: fmt(r / 2 + 1) })
        : t('pairsInterleaved');
    figure.append(title, bar, pairs, pairDiagram(doc, type.pairing));
    return figure;
  });
  if (!bars.length) {
    const p = doc.createElement('p');
    p.className = 'note';
    p.textContent = t('noRope');
    bars.push(p);
  }
  box.replaceChildren(...bars);
}

/** Eight dimensions of a head and which turn together: (i, i + 4) in halves, (2i, 2i + 1) interleaved. */
function pairDiagram(doc, pairing) {
  const row = doc.createElement('div');
  row.className = 'model-pairs';
  row.setAttribute('aria-hidden', 'true');
  for (let d = 0; d < 8; d++) {
    const cell = doc.createElement('span');
    const pair = pairing === 'half' ? d % 4 : Math.floor(d / 2);
    cell.className = `pair pair-${pair}`;
    cell.textContent = String(d);
    row.append(cell);
  }
  return row;
}
