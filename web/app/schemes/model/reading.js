// The model atlas's reading of a config (pe.ropeFromConfig's per-layer fields, the way transformers
// reads them) and what an engine must get right for it: the traps, each with the figure that shows it.
import { formatNumber } from '../../canvas.js';
import { fmt, lengthsOf } from '../rope-figures.js';

/** The engine's reading (for dynamic NTK and LongRoPE twice: once for the lengths, then at the length
 *  the scaling reaches), its layers and, per distinct layer type in layer order, its fields with its
 *  `index` (its colour, its figures' ids) and `count` (its layers). Throws the engine's PEError. */
export function readModel(pe, text) {
  const first = pe.ropeFromConfig(text);
  const { target } = lengthsOf(
    first.ropeType,
    first.scaling,
    first.factor,
    first.maxPositions,
    first.originalMaxPositions,
  );
  // Read again at that length only where it changes the frequencies (dynamic NTK, LongRoPE).
  const bySequence = (x) => x.ropeType === 'dynamic' || x.ropeType === 'longrope';
  const r = [first, ...Object.values(first.layerTypes)].some(bySequence)
    ? pe.ropeFromConfig(text, { sequenceLength: Math.min(target, pe.limits.maxPosition) })
    : first;
  const types = [...new Set(r.layers)].map((name, index) => ({
    name,
    index,
    ...r.layerTypes[name],
    count: r.layers.filter((l) => l === name).length,
  }));
  return { result: r, layers: r.layers, types, main: types.find((x) => x.rope) };
}

/** Pairs whose frequency is 0 (proportional: they never turn). */
export const zeroPairs = (type) => Array.from(type.invFreq).filter((w) => w === 0).length;

/** What an engine must get right for this reading: [{ key (its sentence: trap_<key>), vars, figure
 *  (the id of the title of the figure that shows it) }]. */
export function findTraps(model) {
  const traps = [];
  const add = (key, vars, figure) => traps.push({ key, vars, figure });
  const r = model.result;
  const total = model.layers.length;
  const rope = model.types.filter((x) => x.rope);
  const count = (f) => model.types.filter(f).reduce((n, x) => n + x.count, 0);
  const list = (types) => types.map((x) => `${x.name} ${fmt(x.theta)}`).join(', ');
  if (new Set(rope.map((x) => x.theta)).size > 1)
    add('theta', { list: list(rope), total }, 'model-strip-title');
  const types = new Set(rope.map((x) => x.ropeType));
  if (types.size > 1)
    for (const x of rope.filter((y) => y.ropeType !== 'default'))
      add(
        'scalingSome',
        { type: x.ropeType, name: x.name, n: x.count, total },
        `model-wavelength-${x.index}`,
      );
  const nope = count((x) => !x.rope && x.attention !== 'linear');
  if (nope) add('nope', { n: nope, total }, 'model-strip-title');
  const linear = count((x) => x.attention === 'linear');
  if (linear) add('linear', { n: linear, total }, 'model-strip-title');
  for (const x of model.types.filter((y) => y.window !== null))
    add(
      x.attention === 'chunked' ? 'chunked' : 'window',
      { name: x.name, window: fmt(x.window) },
      'model-strip-title',
    );
  const head = rope[0];
  if (head) {
    if (head.rotatedSlice === 'last')
      add(
        'slice',
        { r: head.rotaryDim, h: head.headDim, nope: head.headDim - head.rotaryDim },
        'model-head-title',
      );
    if (head.pairing === 'interleaved') add('pairing', {}, 'model-head-title');
    if (head.rotatedSlice !== 'last' && head.rotaryDim < head.headDim)
      add('partial', { r: head.rotaryDim, h: head.headDim }, 'model-head-title');
  }
  for (const x of rope) {
    const z = zeroPairs(x);
    if (z) add('zero', { name: x.name, z, pairs: x.invFreq.length, h: x.headDim }, 'model-head-title');
    if (x.attentionScaling !== 1)
      add(
        'attentionScaling',
        { name: x.name, s: formatNumber(x.attentionScaling, 6), type: x.ropeType },
        `model-scores-${x.index}`,
      );
    const s = x.scaling || {};
    const wave = `model-wavelength-${x.index}`;
    if (x.ropeType === 'yarn' && s.truncate === false) add('truncate', { name: x.name }, wave);
    if (x.ropeType === 'yarn' && s.beta_fast !== undefined && s.beta_fast === s.beta_slow)
      add('betas', { beta: s.beta_fast }, wave);
    if (x.ropeType === 'llama3' && s.low_freq_factor === s.high_freq_factor)
      add('llamaStep', { f: s.low_freq_factor }, wave);
    if (x.ropeType === 'longrope')
      add('longrope', { from: fmt(r.originalMaxPositions ?? r.maxPositions) }, wave);
    if (x.ropeType === 'yarn' && x.rotatedSlice === 'last')
      add('deepseekYarn', { from: fmt(s.original_max_position_embeddings ?? '—') }, wave);
  }
  if (r.queryScaling)
    add('temperature', { floor: fmt(r.queryScaling.floorScale) }, 'model-temperature-title');
  if (r.warnings.length) add('warnings', { n: r.warnings.length }, 'model-warnings-title');
  return traps;
}
