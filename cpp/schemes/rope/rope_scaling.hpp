// Context extension for RoPE: the inverse frequencies (and the attention scaling applied to cos and
// sin) of every method in Hugging Face transformers' modeling_rope_utils.py (ROPE_INIT_FUNCTIONS),
// as of cyyever/transformers @ 89539b0672a0 (a fork holding the current file), plus the fixed
// NTK-aware rule. The reference computes in float32; this computes the same formulas in float64.
//
//   default   inv_i = 1 / theta^(2i/d)                      (d: the rotary dimension)
//   linear    inv_i / factor                                  position interpolation (PI)
//   ntk       theta' = theta * factor^(d/(d-2))               NTK-aware, fixed (not in the table)
//   dynamic   theta' = theta * (factor*L/M - (factor-1))^(d/(d-2)), L = max(sequence_length, M)
//   yarn      blend of inv_i/factor (slow pairs) and inv_i (fast pairs) by a linear ramp between
//             the pairs that turn beta_slow and beta_fast times in the original length; the
//             attention scaling 0.1*ln(factor)+1 (or the mscale / mscale_all_dim ratio)
//   llama3    wavelengths above original/low_freq_factor divided by factor, below
//             original/high_freq_factor kept, smoothly blended between
//   longrope  inv_i / ext_i with ext = long_factor past the original length, else short_factor;
//             attention scaling sqrt(1 + ln(factor)/ln(original))
// M is max_position_embeddings. As the newest reference (transformers c49429ed, 2026-08-16) reads
// them: an explicit factor wins; YaRN and LongRoPE without one take factor = M / original
// (v4.53.0 and cyyever @ 89539b0672a0 always used the ratio when original was set: the same
// numbers wherever the two agree, as in every published config we know but Qwen2.5's card).
// LongRoPE's original is the config's top-level one (Phi-3), else rope_scaling's, else M.
// llama3 with equal low and high factors and YaRN with equal betas compute a clean step, as the
// library does; swapped ones are refused.
#pragma once

#include <limits>
#include <string_view>
#include <vector>

#include "pe/error.hpp"
#include "rope.hpp"

namespace pe {

enum class RopeScalingType { standard, linear, ntk, dynamic, yarn, llama3, longrope };

Result<RopeScalingType> parse_rope_scaling_type(std::string_view text);
std::string_view to_string(RopeScalingType type);

inline constexpr double kUnset = std::numeric_limits<double>::quiet_NaN();
inline constexpr int kMaxScalingFactor = 1 << 20;

// The rope_scaling object, key for key (unset numbers NaN), as the reference reads it.
struct RopeScaling {
  RopeScalingType type = RopeScalingType::standard;
  double factor = kUnset;
  double original_max_position_embeddings = kUnset;  // yarn, llama3: inside rope_scaling
  double beta_fast = kUnset;                         // yarn (default 32)
  double beta_slow = kUnset;                         // yarn (default 1)
  double mscale = kUnset;                            // yarn
  double mscale_all_dim = kUnset;                    // yarn
  double attention_factor = kUnset;                  // yarn, longrope
  bool truncate = true;                              // yarn
  double low_freq_factor = kUnset;                   // llama3
  double high_freq_factor = kUnset;                  // llama3
  std::vector<double> short_factor, long_factor;     // longrope: rotary_dim / 2 each
};

// What the methods read outside rope_scaling.
struct RopeContext {
  double max_position_embeddings = kUnset;           // config.max_position_embeddings
  double original_max_position_embeddings = kUnset;  // the config's top level (LongRoPE, Phi-3)
  double sequence_length = kUnset;                   // dynamic and longrope
};

struct ScaledRope {
  std::vector<double> inv_freq;  // rotary_dim / 2
  double attention_scaling = 1;  // multiplies cos and sin
  // Diagnostics for the page: the factor the method used, and YaRN's ramp bounds (pair indices,
  // after truncation) or Llama 3's wavelength bounds; NaN where they do not apply.
  double factor_used = kUnset;
  double ramp_low = kUnset, ramp_high = kUnset;
  double wavelength_low = kUnset, wavelength_high = kUnset;
};

Result<ScaledRope> scaled_rope(const RopeSpec& spec, const RopeScaling& scaling,
                               const RopeContext& context);

}  // namespace pe
