#include "rope_scaling.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "pe/spec.hpp"

namespace pe {
namespace {

constexpr std::string_view kTypeNames[] = {"default", "linear", "ntk",     "dynamic",
                                           "yarn",    "llama3", "longrope"};

bool is_set(double value) {
  return !std::isnan(value);
}

std::string type_name(RopeScalingType type) {
  return std::string(to_string(type));
}

Status require(const char* name, double value, RopeScalingType type) {
  if (!is_set(value)) {
    return make_error(ErrorCode::invalid_argument, name, "required_for",
                      {{"type", type_name(type)}});
  }
  return Ok{};
}

// A finite number >= min.
Status at_least(const char* name, double value, double min) {
  if (!std::isfinite(value) || value < min) {
    return make_error(ErrorCode::invalid_argument, name, "at_least",
                      {{"min", min}, {"got", value}});
  }
  return Ok{};
}

Status positive(const char* name, double value) {
  if (!std::isfinite(value) || !(value > 0)) {
    return make_error(ErrorCode::invalid_argument, name, "greater_than",
                      {{"min", 0.0}, {"got", value}});
  }
  return Ok{};
}

Status length_of(const char* name, const std::vector<double>& values, int expected) {
  if (static_cast<int>(values.size()) != expected) {
    return make_error(ErrorCode::invalid_argument, name, "length_mismatch",
                      {{"expected", double(expected)}, {"got", double(values.size())}});
  }
  for (std::size_t k = 0; k < values.size(); ++k) {
    if (!std::isfinite(values[k]) || !(values[k] > 0)) {
      return make_error(ErrorCode::invalid_argument, name, "greater_than",
                        {{"min", 0.0}, {"got", values[k]}});
    }
  }
  return Ok{};
}

// Checks what each method reads; the reference only warns about some of these (a factor below 1,
// beta_fast <= beta_slow, a LongRoPE list of the wrong length) and then computes nonsense.
Status check(const RopeSpec& spec, const RopeScaling& s, const RopeContext& c) {
  const auto type = s.type;
  using T = RopeScalingType;
  const bool needs_factor =
      type == T::linear || type == T::ntk || type == T::dynamic || type == T::llama3;
  if (needs_factor) {
    if (auto r = require("factor", s.factor, type); !r) return r;
  }
  if (is_set(s.factor)) {
    if (auto r = at_least("factor", s.factor, 1); !r) return r;
    if (s.factor > kMaxScalingFactor) {
      return make_error(ErrorCode::invalid_argument, "factor", "number_range",
                        {{"min", 1.0}, {"max", double(kMaxScalingFactor)}, {"got", s.factor}});
    }
  }
  // LongRoPE without a factor takes it from the lengths (max_position_embeddings / original).
  if ((type == T::ntk || type == T::dynamic) && spec.rotary_dim < 4) {
    // d / (d - 2) with d = 2 divides by zero (the reference raises ZeroDivisionError).
    return make_error(ErrorCode::invalid_argument, "rotary_dim", "at_least_for",
                      {{"min", 4.0}, {"type", type_name(type)}, {"got", double(spec.rotary_dim)}});
  }
  if (type == T::dynamic || type == T::yarn || type == T::longrope) {
    if (auto r = require("max_position_embeddings", c.max_position_embeddings, type); !r) return r;
  }
  if (is_set(c.max_position_embeddings)) {
    if (auto r = check_integer("max_position_embeddings", c.max_position_embeddings, 1,
                               double(kMaxPosition));
        !r) {
      return r;
    }
  }
  for (const auto& [name, value] :
       {std::pair{"original_max_position_embeddings", s.original_max_position_embeddings},
        std::pair{"config_original_max_position_embeddings", c.original_max_position_embeddings},
        std::pair{"sequence_length", c.sequence_length}}) {
    if (is_set(value)) {
      if (auto r = check_integer(name, value, 1, double(kMaxPosition)); !r) return r;
    }
  }
  if (type == T::yarn) {
    for (const auto& [name, value] :
         {std::pair{"beta_fast", s.beta_fast}, std::pair{"beta_slow", s.beta_slow},
          std::pair{"attention_factor", s.attention_factor}}) {
      if (is_set(value)) {
        if (auto r = positive(name, value); !r) return r;
      }
    }
    for (const auto& [name, value] :
         {std::pair{"mscale", s.mscale}, std::pair{"mscale_all_dim", s.mscale_all_dim}}) {
      if (is_set(value)) {
        if (auto r = at_least(name, value, 0); !r) return r;
      }
    }
    const double fast = is_set(s.beta_fast) ? s.beta_fast : 32;
    const double slow = is_set(s.beta_slow) ? s.beta_slow : 1;
    if (fast < slow) {
      return make_error(ErrorCode::invalid_argument, "beta_fast", "greater_than_other",
                        {{"other", std::string("beta_slow")}, {"limit", slow}, {"got", fast}});
    }
  }
  if (type == T::llama3) {
    if (auto r = require("low_freq_factor", s.low_freq_factor, type); !r) return r;
    if (auto r = require("high_freq_factor", s.high_freq_factor, type); !r) return r;
    if (auto r =
            require("original_max_position_embeddings", s.original_max_position_embeddings, type);
        !r) {
      return r;
    }
    if (auto r = positive("low_freq_factor", s.low_freq_factor); !r) return r;
    if (!std::isfinite(s.high_freq_factor) || s.high_freq_factor < s.low_freq_factor) {
      return make_error(ErrorCode::invalid_argument, "high_freq_factor", "greater_than_other",
                        {{"other", std::string("low_freq_factor")},
                         {"limit", s.low_freq_factor},
                         {"got", s.high_freq_factor}});
    }
  }
  if (type == T::longrope) {
    if (s.short_factor.empty()) {
      return make_error(ErrorCode::invalid_argument, "short_factor", "required_for",
                        {{"type", type_name(type)}});
    }
    if (s.long_factor.empty()) {
      return make_error(ErrorCode::invalid_argument, "long_factor", "required_for",
                        {{"type", type_name(type)}});
    }
    if (auto r = length_of("short_factor", s.short_factor, spec.pairs()); !r) return r;
    if (auto r = length_of("long_factor", s.long_factor, spec.pairs()); !r) return r;
    if (is_set(s.attention_factor)) {
      if (auto r = positive("attention_factor", s.attention_factor); !r) return r;
    }
  }
  return Ok{};
}

// inv_i = 1 / theta^(2i/d), as the reference writes it.
std::vector<double> base_inv_freq(double theta, int dim) {
  std::vector<double> inv(dim / 2);
  for (int i = 0; i < dim / 2; ++i) inv[i] = 1.0 / std::pow(theta, double(2 * i) / dim);
  return inv;
}

double yarn_mscale(double scale, double mscale) {
  if (scale <= 1) return 1.0;
  return 0.1 * mscale * std::log(scale) + 1.0;
}

}  // namespace

Result<RopeScalingType> parse_rope_scaling_type(std::string_view text) {
  for (std::size_t k = 0; k < std::size(kTypeNames); ++k) {
    if (text == kTypeNames[k]) return static_cast<RopeScalingType>(k);
  }
  return make_error(
      ErrorCode::invalid_argument, "rope_type", "one_of",
      {{"allowed", std::string("default, linear, ntk, dynamic, yarn, llama3, longrope")},
       {"got", std::string(text)}});
}

std::string_view to_string(RopeScalingType type) {
  return kTypeNames[static_cast<int>(type)];
}

Result<ScaledRope> scaled_rope(const RopeSpec& spec, const RopeScaling& s, const RopeContext& c) {
  if (auto r = check(spec, s, c); !r) return r.error();
  using T = RopeScalingType;
  const int dim = spec.rotary_dim;
  const double theta = spec.theta;
  ScaledRope out;
  switch (s.type) {
    case T::standard: out.inv_freq = base_inv_freq(theta, dim); break;
    case T::linear: {
      out.inv_freq = base_inv_freq(theta, dim);
      for (double& w : out.inv_freq) w /= s.factor;
      out.factor_used = s.factor;
      break;
    }
    case T::ntk: {
      out.inv_freq = base_inv_freq(theta * std::pow(s.factor, double(dim) / (dim - 2)), dim);
      out.factor_used = s.factor;
      break;
    }
    case T::dynamic: {
      const double m = c.max_position_embeddings;
      const double length = is_set(c.sequence_length) ? std::max(c.sequence_length, m) : m;
      const double base =
          theta * std::pow((s.factor * length / m) - (s.factor - 1), double(dim) / (dim - 2));
      out.inv_freq = base_inv_freq(base, dim);
      out.factor_used = s.factor;
      break;
    }
    case T::yarn: {
      double factor = s.factor;
      double original = c.max_position_embeddings;
      if (is_set(s.original_max_position_embeddings)) {
        original = s.original_max_position_embeddings;
        // DeepSeek-V3's convention, the ratio, only stands in for a missing factor
        if (!is_set(factor)) factor = c.max_position_embeddings / original;
      } else if (!is_set(factor)) {
        factor =
            1;  // the library's standardize_rope_params sets original = max_position_embeddings
      }
      if (is_set(s.attention_factor)) {
        out.attention_scaling = s.attention_factor;
      } else if (is_set(s.mscale) && s.mscale != 0 && is_set(s.mscale_all_dim) &&
                 s.mscale_all_dim != 0) {
        out.attention_scaling =
            yarn_mscale(factor, s.mscale) / yarn_mscale(factor, s.mscale_all_dim);
      } else {
        out.attention_scaling = yarn_mscale(factor, 1);
      }
      const double fast = is_set(s.beta_fast) ? s.beta_fast : 32;
      const double slow = is_set(s.beta_slow) ? s.beta_slow : 1;
      const auto correction_dim = [&](double rotations) {
        return (dim * std::log(original / (rotations * 2 * std::numbers::pi))) /
               (2 * std::log(theta));
      };
      double low = correction_dim(fast), high = correction_dim(slow);
      if (s.truncate) {
        low = std::floor(low);
        high = std::ceil(high);
      }
      low = std::max(low, 0.0);
      high = std::min(high, double(dim - 1));
      out.ramp_low = low;
      out.ramp_high = high;
      if (low == high) high += 0.001;  // the reference's guard against a zero-width ramp
      out.inv_freq.resize(dim / 2);
      for (int i = 0; i < dim / 2; ++i) {
        const double pos_freq = std::pow(theta, double(2 * i) / dim);
        const double extrapolation = 1.0 / pos_freq;
        const double interpolation = 1.0 / (factor * pos_freq);
        const double ramp = std::clamp((i - low) / (high - low), 0.0, 1.0);
        const double keep = 1 - ramp;  // inv_freq_extrapolation_factor
        out.inv_freq[i] = interpolation * (1 - keep) + extrapolation * keep;
      }
      out.factor_used = factor;
      break;
    }
    case T::llama3: {
      const auto inv = base_inv_freq(theta, dim);
      const double old = s.original_max_position_embeddings;
      const double low_wavelength = old / s.low_freq_factor;
      const double high_wavelength = old / s.high_freq_factor;
      out.inv_freq.resize(inv.size());
      for (std::size_t i = 0; i < inv.size(); ++i) {
        const double wavelength = 2 * std::numbers::pi / inv[i];
        double w = wavelength > low_wavelength ? inv[i] / s.factor : inv[i];
        // Equal factors: no band between the two wavelengths, a clean step (as the library).
        if (!(wavelength < high_wavelength) && !(wavelength > low_wavelength) &&
            s.high_freq_factor != s.low_freq_factor) {
          const double smooth =
              (old / wavelength - s.low_freq_factor) / (s.high_freq_factor - s.low_freq_factor);
          w = (1 - smooth) * w / s.factor + smooth * w;
        }
        out.inv_freq[i] = w;
      }
      out.factor_used = s.factor;
      out.wavelength_low = high_wavelength;  // below it: kept
      out.wavelength_high = low_wavelength;  // above it: divided by factor
      break;
    }
    case T::longrope: {
      double factor = s.factor;
      double original = c.max_position_embeddings;
      // standardize_rope_params: the config's top-level original first (Phi-3), then the one
      // inside rope_parameters, then max_position_embeddings; the factor, else the ratio.
      if (is_set(c.original_max_position_embeddings)) {
        original = c.original_max_position_embeddings;
      } else if (is_set(s.original_max_position_embeddings)) {
        original = s.original_max_position_embeddings;
      }
      if (!is_set(factor)) factor = c.max_position_embeddings / original;
      if (is_set(s.attention_factor)) {
        out.attention_scaling = s.attention_factor;
      } else if (factor <= 1.0) {
        out.attention_scaling = 1.0;
      } else {
        out.attention_scaling = std::sqrt(1 + std::log(factor) / std::log(original));
      }
      const bool long_context = is_set(c.sequence_length) && c.sequence_length > original;
      const auto& ext = long_context ? s.long_factor : s.short_factor;
      out.inv_freq.resize(dim / 2);
      for (int i = 0; i < dim / 2; ++i) {
        out.inv_freq[i] = 1.0 / (ext[i] * std::pow(theta, double(2 * i) / dim));
      }
      out.factor_used = factor;
      break;
    }
  }
  return out;
}

}  // namespace pe
