// A model's config.json, read as Hugging Face transformers reads it for RoPE: the keys, the
// defaults, the derived values and the warnings, in the core, so that the JS API
// (pe.ropeFromConfig), the page and pe-export --config give the same reading.
//
// What it reads: rope_parameters (with rope_theta inside) or rope_scaling, rope_theta (default
// 10000), head_dim or hidden_size // num_attention_heads (qk_rope_head_dim for DeepSeek's MLA),
// partial_rotary_factor (or GPT-NeoX's rotary_pct), max_position_embeddings, the top-level
// original_max_position_embeddings (LongRoPE), and text_config for multimodal configs. The
// scaling itself is rope/rope_scaling.hpp. Warnings are data (a kind of pe/messages.hpp, its
// values, the English text), so each language formats them.
//
// Errors name the config's own keys; where a value is derived, the parameter's display name is
// the formula with the config's numbers: "head_dim × partial_rotary_factor (128 × 0.01 → 1)".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "json.hpp"
#include "pe/error.hpp"
#include "rope/rope.hpp"
#include "rope/rope_scaling.hpp"

namespace pe {

inline constexpr int kMaxConfigBytes = 1 << 20;  // UTF-8 bytes of a config.json
inline constexpr int kMaxLayers = 4096;          // num_hidden_layers
inline constexpr int kMaxWarnings = 64;          // warnings of one reading (the first ones)
inline constexpr int kMaxMropeSections = 64;     // entries of mrope_section

struct ConfigWarning {
  std::string kind;  // a kind of kSchemeMessageTemplates (warn_*)
  std::vector<MessageArg> args;
  std::string message;  // the English text
};

// The RoPE of one kind of layer.
struct LayerTypeReading {
  std::string name;  // full_attention, sliding_attention, full_attention_nope, ...
  bool rope = true;  // false: NoPE (no rotation on these layers)
  std::string rope_type = "default";
  double theta = 10000;
  int head_dim = 0, rotary_dim = 0;
  bool rotate_last = false;  // the rotated slice is the last rotary_dim dimensions (DeepSeek MLA)
  Pairing pairing = Pairing::half;
  std::string attention = "full";  // full | sliding | chunked | linear
  double window = kUnset;          // sliding or chunk size, NaN: none
  ScaledRope scaled;               // inv_freq (empty on NoPE layers), attention_scaling, ...
  json::Value scaling;             // the scaling keys as the reader passed them (null: none)
  // Multimodal RoPE (Qwen2-VL to Qwen3-VL): the scaling block's mrope_section (pairs for t, h, w;
  // empty: none) and mrope_interleaved, which the multimodal code reads (pe.mropeAxes).
  std::vector<double> mrope_section;
  bool mrope_interleaved = false;
};

struct RopeConfigReading {
  std::vector<std::string> layers;  // one layer-type name per hidden layer
  std::vector<LayerTypeReading> layer_types;
  std::size_t first_rope = 0;  // the first layer type that rotates: the reading's main fields
  double max_positions = kUnset;
  double original_max_positions = kUnset;
  // Llama 4's attention temperature on its NoPE layers (NaN: none).
  double floor_scale = kUnset, attn_scale = kUnset;
  // Multimodal RoPE (Qwen2-VL to Qwen3-VL): rope_scaling's mrope_section and mrope_interleaved,
  // for mropeAxes (empty and false without them).
  std::vector<double> mrope_section;
  bool mrope_interleaved = false;
  std::vector<ConfigWarning> warnings;

  const LayerTypeReading& main() const { return layer_types[first_rope]; }
};

// Reads config.json text (at most kMaxConfigBytes). sequence_length: the length the model runs at
// (dynamic NTK, LongRoPE), NaN if not given. Errors name `json_text` (parameter "jsonText") for
// the text itself, else the config key.
Result<RopeConfigReading> read_rope_config(std::string_view json_text, double sequence_length);

// The reading as JSON, with the JS API's field names (typed arrays as arrays; NaN as null): what
// pe.ropeFromConfig returns and pe-export --config --json prints.
std::string rope_config_json(const RopeConfigReading& reading);

// Llama 4's query scale at a position: log(floor((position + 1) / floor_scale) + 1) * attn_scale
// + 1 (models/llama4/modeling_llama4.py, Llama4TextAttention.forward); 1 without a temperature
// (floor_scale NaN). position: an integer from 0 to kMaxPosition.
Result<double> query_scale(double floor_scale, double attn_scale, double position);

}  // namespace pe
