// @ts-check
// multimodal's part of the browser suite (tests/web/schemes.test.mjs and concepts.test.mjs find every
// folder's test-checks.js). Not loaded by the page.

/** Words its sections print in Chinese too (tests/web/concepts.test.mjs): model and author names,
 *  code identifiers, formula symbols. */
export const sharedWords =
  'Qwen3 FLUX EmbedND get_rope_index apply rot_pos_emb image_grid_thw tokens_per_second second_per_grid_t ropeDelta delta text image video TxHxW Unify position ids mod f_k';
