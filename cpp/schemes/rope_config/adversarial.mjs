// @ts-check
// The config reader's part of the adversarial round (tests/reliability/adversarial.mjs globs every
// folder's file): ropeFromConfig's config.json, nearly right or cut short, and queryScale.
import { NUMBERS, ropeScaling } from '../rope/adversarial.mjs';

/** The names ropeFromConfig and queryScale may give in a PEError: the config's own key names. */
export const callerNames = [
  'position',
  'jsonText',
  'rope_scaling',
  'rope_parameters',
  'head_dim',
  'qk_rope_head_dim',
  'hidden_size',
  'num_attention_heads',
  'partial_rotary_factor',
  'rotary_pct',
  'max_position_embeddings',
  'head_dim (or hidden_size and num_attention_heads)',
  'part',
  // the per-layer reading: the config keys it names
  'num_hidden_layers',
  'layer_types',
  'no_rope_layers',
  'no_rope_layer_interval',
  'sliding_window',
  'sliding_window_pattern',
  'attention_chunk_size',
  'local_attention',
  'global_head_dim',
  'qk_nope_head_dim',
  'rope_local_base_freq',
  'local_rope_theta',
  'global_rope_theta',
  'floor_scale',
  'full_attention_interval',
  'global_attn_every_n_layers',
  'max_window_layers',
  ...['rope_parameters', 'rope_scaling'].flatMap((key) =>
    ['full_attention', 'sliding_attention', 'chunked_attention', 'linear_attention'].map(
      (kind) => key + '.' + kind,
    ),
  ),
  // queryScale (Llama 4's attention temperature)
  'result',
  'queryScaling',
  'floorScale',
  'attnScale',
];

/** @type {Record<string, (r: import('../../../tests/reliability/adversarial.mjs').Fuzz) => unknown>} */
export const nearly = {
  ropeFromConfig: (r) => {
    const { one, random } = r;
    const config = {
      model_type: one([
        'llama',
        'bert',
        'phi3',
        '',
        'gemma3_text',
        'llama4_text',
        'deepseek_v3',
        'cohere2',
        'modernbert',
      ]),
      rope_scaling: ropeScaling(r),
    };
    if (random() < 0.3) config.num_hidden_layers = one([1, 4, 26, 4096, 4097, 0, 2.5]);
    if (random() < 0.2) config.layer_types = one([['full_attention'], ['mamba'], 'x', []]);
    if (random() < 0.2) config.no_rope_layers = one([[1, 0, 1, 1], [], 'x']);
    for (const key of [
      'hidden_size',
      'num_attention_heads',
      'head_dim',
      'rope_theta',
      'max_position_embeddings',
      'partial_rotary_factor',
      'original_max_position_embeddings',
    ]) {
      if (random() < 0.5) config[key] = one(NUMBERS);
    }
    return random() < 0.9 ? JSON.stringify(config) : JSON.stringify(config).slice(0, 20);
  },
  queryScale: ({ one, random }) => ({
    queryScaling: random() < 0.2 ? null : { floorScale: one(NUMBERS), attnScale: one(NUMBERS) },
  }),
};

/** @param {import('../../../web/pe.js').PE} pe */
export const atCaps = (pe) => ({
  ropeFromConfig: () =>
    pe.ropeFromConfig(
      JSON.stringify({
        model_type: 'phi3',
        head_dim: 4096,
        max_position_embeddings: 131072,
        original_max_position_embeddings: 4096,
        rope_scaling: {
          type: 'longrope',
          short_factor: Array(2048).fill(1.5),
          long_factor: Array(2048).fill(2.5),
        },
        padding: 'x'.repeat(1000000),
      }),
      { sequenceLength: 100000 },
    ),
});
