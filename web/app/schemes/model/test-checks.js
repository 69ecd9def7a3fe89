// @ts-check
// model's part of the browser suite (tests/web/schemes.test.mjs and concepts.test.mjs find every
// folder's test-checks.js). Not loaded by the page.

/** Words its sections print in Chinese too (tests/web/concepts.test.mjs): model and author names,
 *  code identifiers, formula symbols. */
export const sharedWords =
  'NoPE Command R7B SmolLM3 Qwen3 Scout OpenAI Falcon3 GLM Kimi OLMo ModernBERT vLLM args chunked_attention full_attention full_attention_nope sliding_attention linear_attention q_nope q_rope attn_temperature_tuning high_freq_factor low_freq_factor max_model_len max_position_embeddings max_seq_len mscale_all_dim rope_parameters rope_scaling rope_theta text_config proportional truncate type true false log logit factor';
