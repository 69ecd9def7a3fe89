// @ts-check
// multimodal's part of the browser suite (tests/web/schemes.test.mjs and concepts.test.mjs find every
// folder's test-checks.js). Not loaded by the page.

/** Words its sections print in Chinese too (tests/web/concepts.test.mjs): model and author names,
 *  code identifiers, formula symbols. */
export const sharedWords =
  'Qwen3 FLUX EmbedND get_rope_index apply rot_pos_emb image_grid_thw tokens_per_second second_per_grid_t ropeDelta delta text image video TxHxW Unify position ids mod f_k';

/** Its benchmark steps (tests/bench/scheme-controls.mjs collects every folder's): [view, control,
 *  the values a reader's input events set it to, in order]. */
export const benchSteps = [
  ['multimodal', 'multimodal-token', Array.from({ length: 60 }, (_, k) => String(k * 2))],
  [
    'multimodal',
    'multimodal-model',
    ['qwen2-vl', 'qwen2.5-vl', 'qwen3-vl', 'qwen2-vl', 'qwen2.5-vl', 'qwen3-vl'],
  ],
  [
    'multimodal',
    'multimodal-segments',
    [
      'text:4,image:1x28x28,text:3',
      'text:2,video:8x28x28:0.5:3,text:4',
      'text:4,image:1x12x16,text:3,video:4x8x8:1:2,text:3',
    ],
  ],
];
