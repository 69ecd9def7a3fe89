// This folder's message kinds: a model's config.json (ropeFromConfig, json.cpp): errors, then the
// warnings it returns. English, with {placeholders} as in pe/messages.hpp; the Chinese is in
// web/app/i18n/messages-zh-schemes.js. CMake finds this file (the generated
// pe/folder_messages.inc), so MessageKind knows these kinds in every build; an engine with this
// folder lists them in pe.messageTemplates, an engine without it carries none of their text.
#pragma once

#include "pe/messages.hpp"

namespace pe::rope_config_messages {

inline constexpr MessageTemplate kTable[] = {
    {"bad_json", "{name} is not valid JSON: {reason}"},
    {"required_or", "{name} is required (or {alternative})"},
    {"no_rope",
     "this config has no RoPE: no rope_theta, rope_scaling or rope_parameters, and model_type "
     "{got} is not a RoPE family"},
    {"warn_text_config", "read text_config: this config keeps its language model's settings there"},
    {"warn_default_theta", "no rope_theta: the library's default {theta} is used"},
    {"warn_theta_inside",
     "rope_theta ({theta}) is only inside rope_parameters: loaders that read only the top-level "
     "rope_theta use 10000 instead"},
    {"warn_theta_twice",
     "rope_theta differs: {inner} inside rope_parameters, {top} at the top level; the library uses "
     "{inner}"},
    {"warn_unknown_key", "rope_scaling key \"{key}\" is not read for RoPE: ignored"},
    {"warn_legacy_type",
     "rope_scaling says \"type\": \"{type}\" (the legacy key): transformers reads it as rope_type, "
     "but loaders that look only for rope_type apply no scaling at all"},
    {"warn_llama3_dropped",
     "rope_type llama3: loaders older than transformers 4.43 drop this scaling without a word, and "
     "output degrades past the original context (reported as gibberish past ~29K tokens)"},
    {"warn_dynamic_cache",
     "rope_type dynamic: the frequencies change with the sequence length, so keys already in a KV "
     "cache were rotated with other frequencies than the new queries"},
    {"warn_yarn_original",
     "YaRN without original_max_position_embeddings: the library assumes max_position_embeddings "
     "is the pre-YaRN length"},
    {"warn_yarn_ratio",
     "YaRN: factor = {factor} but max_position_embeddings / original_max_position_embeddings = "
     "{ratio}; the current library (transformers c49429ed) computes with factor, v4.53.0 computed "
     "with the ratio"},
    {"warn_mscale_all_dim",
     "mscale_all_dim is set: the rotary attention factor is the ratio of the two mscales "
     "({ratio}); "
     "DeepSeek's attention code also multiplies the softmax scale by (0.1 * mscale_all_dim * "
     "ln(factor) + 1)^2 = {extra}, which ports either miss or apply twice"},
    {"warn_su", "rope_scaling type \"su\" is Phi-3's first name for LongRoPE: read as longrope"},
    {"warn_class_default",
     "{key} is not in this config: {class}'s default {value} is used, as the library does"},
    {"warn_ignored_key",
     "{key} is not read by {class} (the model's own remote code may read it): ignored"},
    {"warn_llama3_step",
     "llama3 with low_freq_factor = high_freq_factor = {factor}: no band between the two "
     "wavelengths; the library divides those above {wavelength} by factor and keeps the rest, a "
     "clean step"},
    {"warn_yarn_equal_betas",
     "YaRN with beta_fast = beta_slow = {beta}: the ramp has no width; the library widens it by "
     "0.001, a step between the pairs kept and the pairs divided by factor"},
    {"layer_types_entry", "{name}[{index}] must be one of {allowed}; got {got}"},
    {"warn_ntk",
     "rope_type \"ntk\" is this engine's name for the fixed NTK-aware rule; transformers has no "
     "such "
     "rope_type (configs bake it into rope_theta)"},
};

}  // namespace pe::rope_config_messages
