// Long context: a model's config read as transformers reads it (pe.ropeFromConfig), at the length its
// scaling reaches, and every scaling method at that model's factor for the side-by-side figures.
import { lengthsOf } from '../rope-figures.js';

/** The methods drawn side by side (rope_type, or none). */
export const METHODS = ['none', 'linear', 'ntk', 'dynamic', 'yarn', 'llama3'];

/** ropeFromConfig twice: once to learn the lengths, then with the sequence at the new length; the
 *  default frequencies of its geometry, and each method's at its factor. Throws the engine's PEError
 *  for a config it refuses. */
export function readModel(pe, text) {
  const first = pe.ropeFromConfig(text);
  const { train, target: wanted } = lengthsOf(
    first.ropeType,
    first.scaling,
    first.factor,
    first.maxPositions,
    first.originalMaxPositions,
  );
  // A config may extend past the engine's last position (10^9): the figures stop there and say so.
  const target = Math.min(wanted, pe.limits.maxPosition);
  const result = pe.ropeFromConfig(text, { sequenceLength: target });
  const geometry = { headDim: result.headDim, theta: result.theta, rotaryDim: result.rotaryDim };
  const base = pe.ropeFrequencies(geometry).invFreq;
  const factor = Math.max(1, target / train);
  const scalingOf = {
    none: null,
    linear: { rope_type: 'linear', factor },
    ntk: { rope_type: 'ntk', factor },
    dynamic: { rope_type: 'dynamic', factor },
    yarn: { rope_type: 'yarn', factor },
    llama3: {
      rope_type: 'llama3',
      factor,
      low_freq_factor: 1,
      high_freq_factor: 4,
      original_max_position_embeddings: train,
    },
  };
  const methods = {};
  for (const name of METHODS) {
    const options = { ...geometry, scaling: scalingOf[name], maxPositions: train, sequenceLength: target };
    methods[name] = { options, ...pe.ropeFrequencies(options) };
  }
  return { result, base, train, target, wanted, factor, methods, geometry };
}

/** ropeScores options for the config's own scaling (as ropeFromConfig read it). */
export function ownOptions(model) {
  const r = model.result;
  const options = { ...model.geometry, scaling: r.scaling, sequenceLength: model.target };
  if (r.maxPositions !== null) options.maxPositions = r.maxPositions;
  if (r.ropeType === 'longrope' && r.originalMaxPositions !== null)
    options.originalMaxPositions = r.originalMaxPositions;
  return options;
}
