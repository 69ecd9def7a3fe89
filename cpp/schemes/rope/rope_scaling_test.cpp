// RoPE context extension against Hugging Face transformers' modeling_rope_utils.py
// (ROPE_INIT_FUNCTIONS @ cyyever/transformers 89539b0672a0): the reference values come from
// cpp/schemes/rope/reference.py, a numpy transcription of those functions, in float32 as torch
// computes them and in float64. The engine computes the float64 formulas: it must equal the float64
// transcription to 1e-12, and the library's float32 result to 1e-6 relative, or, where float32
// rounding itself moves the result further from the formula (one case: YaRN x64 untruncated at
// theta 5e5, 2.7e-6), to that gap plus float32 rounding.
#include "rope_scaling.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace {

using pe::kUnset;

struct ScalingCase {
  const char* name;
  double theta;
  int head_dim, rotary_dim;
  double max_position_embeddings, config_original, sequence_length;
  const char* type;
  double factor, original, beta_fast, beta_slow, mscale, mscale_all_dim, attention_factor;
  bool truncate;
  double low_freq_factor, high_freq_factor;
  std::vector<double> short_factor, long_factor;
  double attention32, attention64;
  std::vector<double> inv32, inv64;
  double gap;  // largest relative difference float32 vs float64 in the reference itself
};

const std::vector<ScalingCase>& reference_cases() {
  static const std::vector<ScalingCase> cases = {
#include "rope_scaling_reference.inc"
  };
  return cases;
}

pe::RopeSpec spec_of(double theta, int head_dim, int rotary_dim) {
  pe::RopeOptions o;
  o.head_dim = head_dim;
  o.theta = theta;
  o.rotary_dim = rotary_dim;
  return pe::make_rope_spec(o).value();
}

pe::Result<pe::ScaledRope> run(const ScalingCase& c) {
  pe::RopeScaling s;
  s.type = pe::parse_rope_scaling_type(c.type).value();
  s.factor = c.factor;
  s.original_max_position_embeddings = c.original;
  s.beta_fast = c.beta_fast;
  s.beta_slow = c.beta_slow;
  s.mscale = c.mscale;
  s.mscale_all_dim = c.mscale_all_dim;
  s.attention_factor = c.attention_factor;
  s.truncate = c.truncate;
  s.low_freq_factor = c.low_freq_factor;
  s.high_freq_factor = c.high_freq_factor;
  s.short_factor = c.short_factor;
  s.long_factor = c.long_factor;
  pe::RopeContext context;
  context.max_position_embeddings = c.max_position_embeddings;
  context.original_max_position_embeddings = c.config_original;
  context.sequence_length = c.sequence_length;
  return pe::scaled_rope(spec_of(c.theta, c.head_dim, c.rotary_dim), s, context);
}

}  // namespace

TEST_CASE("every method matches the reference library, float64 exactly and float32 to 1e-6") {
  const auto& cases = reference_cases();
  REQUIRE(cases.size() == 116);
  double worst32 = 0;
  int methods_seen = 0;
  std::vector<std::string> types;
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const auto result = run(c);
    REQUIRE(result);
    const auto& inv = result.value().inv_freq;
    REQUIRE(inv.size() == c.inv64.size());
    for (std::size_t i = 0; i < inv.size(); ++i) {
      CHECK(std::abs(inv[i] - c.inv64[i]) <= 1e-12 * c.inv64[i]);
      const double rel32 = std::abs(inv[i] - c.inv32[i]) / c.inv32[i];
      worst32 = std::max(worst32, rel32);
      CHECK(rel32 <= std::max(1e-6, c.gap + 2e-7));
    }
    CHECK(result.value().attention_scaling == doctest::Approx(c.attention64).epsilon(1e-12));
    CHECK(result.value().attention_scaling == doctest::Approx(c.attention32).epsilon(1e-12));
    if (std::find(types.begin(), types.end(), c.type) == types.end()) {
      types.emplace_back(c.type);
      ++methods_seen;
    }
  }
  CHECK(methods_seen == 7);  // default, linear, ntk, dynamic, yarn, llama3, longrope
  MESSAGE("largest relative difference from the library's float32 result: " << worst32);
}

TEST_CASE("published numbers: Llama 3.1's scaling and YaRN's attention factor") {
  // Llama 3.1 8B (meta-llama/Llama-3.1-8B config.json): rope_theta 500000, head_dim 128,
  // rope_scaling {factor 8, low_freq_factor 1, high_freq_factor 4, original 8192}. Pair 0 keeps
  // inv_freq 1 (wavelength 2 pi < 2048); the slowest pair is divided by 8.
  pe::RopeScaling llama;
  llama.type = pe::RopeScalingType::llama3;
  llama.factor = 8;
  llama.low_freq_factor = 1;
  llama.high_freq_factor = 4;
  llama.original_max_position_embeddings = 8192;
  const auto spec = spec_of(500000, 128, 128);
  const auto l = pe::scaled_rope(spec, llama, {}).value();
  CHECK(l.inv_freq[0] == 1.0);
  CHECK(l.inv_freq[63] == doctest::Approx(std::pow(500000.0, -126.0 / 128) / 8).epsilon(1e-15));
  CHECK(l.wavelength_low == 2048);
  CHECK(l.wavelength_high == 8192);
  // YaRN's attention factor for factor 4 (the paper's 0.1 ln s + 1): 1.1386294361...
  pe::RopeScaling yarn;
  yarn.type = pe::RopeScalingType::yarn;
  yarn.factor = 4;
  pe::RopeContext context;
  context.max_position_embeddings = 32768;
  const auto y = pe::scaled_rope(spec_of(1000000, 128, 128), yarn, context).value();
  CHECK(y.attention_scaling == doctest::Approx(0.1 * std::log(4.0) + 1).epsilon(1e-15));
  // DeepSeek-V3's mscale = mscale_all_dim: the ratio is exactly 1.
  yarn.mscale = 1;
  yarn.mscale_all_dim = 1;
  CHECK(pe::scaled_rope(spec_of(10000, 64, 64), yarn, context).value().attention_scaling == 1.0);
}

TEST_CASE("bad scaling parameters are refused with the parameter named") {
  const auto spec = spec_of(10000, 128, 128);
  pe::RopeContext context;
  context.max_position_embeddings = 4096;
  const auto fails = [&](pe::RopeScaling s, pe::RopeContext c = {}) {
    const auto r = pe::scaled_rope(spec, s, c);
    REQUIRE_FALSE(r);
    return r.error();
  };
  pe::RopeScaling s;
  s.type = pe::RopeScalingType::linear;
  CHECK(fails(s).parameter == "factor");  // required
  CHECK(fails(s).kind == "required_for");
  s.factor = 0.5;
  CHECK(fails(s).kind == "at_least");
  s.factor = NAN;
  CHECK(fails(s).parameter == "factor");
  s.type = pe::RopeScalingType::yarn;
  s.factor = 4;
  CHECK(fails(s).parameter == "max_position_embeddings");
  s.beta_fast = 1;
  s.beta_slow = 32;  // swapped (one framework did)
  const auto swapped = fails(s, context);
  CHECK(swapped.parameter == "beta_fast");
  CHECK(swapped.kind == "greater_than_other");
  s = {};
  s.type = pe::RopeScalingType::llama3;
  s.factor = 8;
  s.low_freq_factor = 4;
  s.high_freq_factor = 1;
  s.original_max_position_embeddings = 8192;
  CHECK(fails(s).parameter == "high_freq_factor");
  s = {};
  s.type = pe::RopeScalingType::longrope;
  s.factor = 2;
  s.short_factor = std::vector<double>(64, 1.0);
  s.long_factor = std::vector<double>(63, 1.0);
  const auto length = fails(s, context);
  CHECK(length.parameter == "long_factor");
  CHECK(length.kind == "length_mismatch");
  s.long_factor = std::vector<double>(64, 0.0);
  CHECK(fails(s, context).parameter == "long_factor");
  s = {};
  s.type = pe::RopeScalingType::ntk;
  s.factor = 4;
  CHECK(pe::scaled_rope(spec_of(10000, 2, 2), s, {}).error().parameter == "rotary_dim");
  CHECK(pe::parse_rope_scaling_type("su").error().parameter == "rope_type");
  s.type = pe::RopeScalingType::dynamic;
  context.sequence_length = 2.5;
  CHECK(fails(s, context).parameter == "sequence_length");
}

TEST_CASE(
    "a scaled spec rotates with the scaled frequencies, cos and sin times the attention scaling") {
  pe::RopeScaling yarn;
  yarn.type = pe::RopeScalingType::yarn;
  yarn.factor = 8;
  pe::RopeContext context;
  context.max_position_embeddings = 4096;
  auto spec = spec_of(10000, 8, 8);
  const auto scaled = pe::scaled_rope(spec, yarn, context).value();
  spec.scaled_inv_freq = scaled.inv_freq;
  spec.attention_scaling = scaled.attention_scaling;
  CHECK(pe::rope_inv_freq(spec) == scaled.inv_freq);
  // Hugging Face: cos = cos(p w') * attention_scaling (LlamaRotaryEmbedding.forward).
  std::vector<float> cos(3 * 8), sin(3 * 8);
  REQUIRE(pe::rope_tables(spec, 5000, 3, cos, sin));
  for (int r = 0; r < 3; ++r) {
    for (int i = 0; i < 4; ++i) {
      const double angle = (5000.0 + r) * scaled.inv_freq[i];
      CHECK(cos[r * 8 + i] ==
            doctest::Approx(scaled.attention_scaling * std::cos(angle)).epsilon(1e-6));
      CHECK(sin[r * 8 + i + 4] ==
            doctest::Approx(scaled.attention_scaling * std::sin(angle)).epsilon(1e-6));
    }
  }
  // q.k then carries attention_scaling squared, and still depends only on the distance.
  const std::vector<float> q = {1, 0.5f, -1, 2, 0.25f, 1, 1, -0.5f};
  const auto scores = pe::rope_scores(spec, q, q, 100).value();
  double plain = 0;
  for (float v : q) plain += double(v) * v;
  CHECK(scores.scores[0] ==
        doctest::Approx(scaled.attention_scaling * scaled.attention_scaling * plain));
  CHECK(scores.invariance_error < 1e-9);
}

TEST_CASE("the rope table at canvas resolution is the exact box mean of the table's cells") {
  auto spec = spec_of(10000, 8, 8);
  // 40 positions over 8 pixel rows: 5 per row; 8 columns for 8 table columns.
  const int rows = 40, width = 8, height = 8;
  std::vector<float> cos(rows * 8), sin(rows * 8);
  REQUIRE(pe::rope_tables(spec, 1000, rows, cos, sin));
  std::vector<std::uint8_t> rgba(width * height * 4);
  REQUIRE(pe::render_rope_table(spec, 1000, rows, pe::TablePart::cos, width, height, rgba));
  for (int y = 0; y < height; ++y) {
    for (int j = 0; j < 8; ++j) {
      double mean = 0;  // brute force over the 5 positions, float64 from the float32 table
      for (int r = y * 5; r < y * 5 + 5; ++r) mean += cos[r * 8 + j];
      mean /= 5;
      const auto c = pe::color_of(pe::ColorMap::diverging, mean, -1, 1);
      const std::uint8_t* px = &rgba[(std::size_t(y) * width + j) * 4];
      // Colours agree up to one step of 8-bit rounding (float32 table vs float64 closed form).
      CHECK(std::abs(int(px[0]) - int(c.r)) <= 1);
      CHECK(std::abs(int(px[1]) - int(c.g)) <= 1);
      CHECK(std::abs(int(px[2]) - int(c.b)) <= 1);
    }
  }
  // A million positions draw without a positions x rotary_dim table; bad ranges are named.
  std::vector<std::uint8_t> big(64 * 256 * 4);
  CHECK(pe::render_rope_table(spec_of(10000, 128, 128), 0, 1e6, pe::TablePart::sin, 64, 256, big));
  CHECK(pe::render_rope_table(spec, 0, 0, pe::TablePart::cos, 8, 8, rgba).error().parameter ==
        "positions");
}
