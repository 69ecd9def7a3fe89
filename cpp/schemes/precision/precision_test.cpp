// Rounding to float32 / float16 / bfloat16, bit-exact on the edge cases, against independent
// conversions: the compiler's float cast (float32), the float32-bits trick (bits + 0x7fff + lsb) >>
// 16 that PyTorch and JAX use for bfloat16, and _Float16 where the compiler has it. The counts and
// positions below come from Python 3: numpy.float16 and that bfloat16 trick on struct-packed
// floats.
#include "precision.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "rope/rope.hpp"

namespace {

double bf16_by_bits(float x) {  // exact for any float32 input: RNE on the upper 16 bits
  std::uint32_t bits = 0;
  std::memcpy(&bits, &x, 4);
  bits = ((bits + 0x7fffu + ((bits >> 16) & 1u)) >> 16) << 16;
  float out = 0;
  std::memcpy(&out, &bits, 4);
  return out;
}

using pe::NumberFormat;

}  // namespace

TEST_CASE("bfloat16 and float16 round to nearest, ties to even, on the documented edge cases") {
  CHECK(pe::round_to(1 + std::ldexp(1.0, -8), NumberFormat::bfloat16) == 1.0);  // tie: to even
  CHECK(pe::round_to(1 + 3 * std::ldexp(1.0, -8), NumberFormat::bfloat16) ==
        1 + std::ldexp(1.0, -6));
  CHECK(pe::round_to(256, NumberFormat::bfloat16) == 256);
  CHECK(pe::round_to(257, NumberFormat::bfloat16) == 256);  // integers exact only up to 256
  CHECK(pe::round_to(4095, NumberFormat::bfloat16) == 4096);
  CHECK(pe::round_to(2048, NumberFormat::float16) == 2048);
  CHECK(pe::round_to(2049, NumberFormat::float16) == 2048);  // tie: to even
  CHECK(pe::round_to(2051, NumberFormat::float16) == 2052);
  CHECK(pe::round_to(65504, NumberFormat::float16) == 65504);
  CHECK(pe::round_to(65519, NumberFormat::float16) == 65504);
  CHECK(std::isinf(pe::round_to(65520, NumberFormat::float16)));  // overflows, as hardware does
  CHECK(pe::round_to(-65520, NumberFormat::float16) == -std::numeric_limits<double>::infinity());
  // Subnormals: float16's smallest is 2^-24; half of it ties to 0 (even), 1.5 of it to 2^-23.
  CHECK(pe::round_to(std::ldexp(1.0, -24), NumberFormat::float16) == std::ldexp(1.0, -24));
  CHECK(pe::round_to(std::ldexp(1.0, -25), NumberFormat::float16) == 0.0);
  CHECK(pe::round_to(3 * std::ldexp(1.0, -25), NumberFormat::float16) == std::ldexp(1.0, -23));
  CHECK(pe::round_to(std::ldexp(1.0, -133), NumberFormat::bfloat16) == std::ldexp(1.0, -133));
  // NaN stays NaN, and the sign of zero is kept.
  CHECK(std::isnan(pe::round_to(std::nan(""), NumberFormat::bfloat16)));
  CHECK(std::signbit(pe::round_to(-0.0, NumberFormat::float16)));
  CHECK(std::signbit(pe::round_to(-std::ldexp(1.0, -30), NumberFormat::float16)));  // -0
}

TEST_CASE("round_to agrees with independent conversions on a million values") {
  std::uint64_t state = 0x9e3779b97f4a7c15ULL;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  int checked = 0;
  for (int n = 0; n < 1000000; ++n) {
    // float32 inputs of every exponent (so the float32-bits bfloat16 reference is exact).
    std::uint32_t bits = static_cast<std::uint32_t>(next());
    float x = 0;
    std::memcpy(&x, &bits, 4);
    if (!std::isfinite(x)) continue;
    CHECK(pe::round_to(x, NumberFormat::float32) == double(x));
    const double b = pe::round_to(x, NumberFormat::bfloat16);
    const double ref = bf16_by_bits(x);
    if (!(b == ref || (std::isinf(b) && std::isinf(ref)))) {
      CAPTURE(x);
      CHECK(b == ref);
    }
#if defined(__FLT16_MAX__) && !defined(__EMSCRIPTEN__)
    const double h = pe::round_to(x, NumberFormat::float16);
    CHECK(h == double(static_cast<_Float16>(x)));
#endif
    // float64 inputs: float32 rounding equals the compiler's double -> float conversion.
    const double y =
        std::ldexp(double(next() >> 11) / 9007199254740992.0 + 0.5, int(next() % 300) - 150);
    CHECK(pe::round_to(y, NumberFormat::float32) == double(static_cast<float>(y)));
    ++checked;
  }
  CHECK(checked > 900000);
}

TEST_CASE("position ids in a low format collapse neighbouring positions (counts from numpy)") {
  const std::vector<double> omega = {1.0};  // one pair: a vector per distinct position id
  const auto bf16 =
      pe::precision_error(omega, 0, 4096, NumberFormat::bfloat16, pe::PrecisionStage::positions)
          .value();
  CHECK(bf16.distinct_vectors == 769);
  const auto fp16 =
      pe::precision_error(omega, 0, 65536, NumberFormat::float16, pe::PrecisionStage::positions)
          .value();
  CHECK(fp16.distinct_vectors == 7169);
  // Sinusoidal d = 128 (paper frequencies): positions in bfloat16 go wrong first at 257.
  std::vector<double> w(64);
  for (int i = 0; i < 64; ++i) w[i] = std::pow(10000.0, -2.0 * i / 128);
  const auto first =
      pe::precision_error(w, 0, 4096, NumberFormat::bfloat16, pe::PrecisionStage::positions)
          .value();
  CHECK(first.first_bad_position == 257);
  CHECK(first.errors[256 * 64 + 0] == 0.0f);  // 256 is exact
}

TEST_CASE("the collapse groups are the positions that round to one id (groups from numpy)") {
  const std::vector<double> omega = {1.0, 0.01};
  const auto bf16 =
      pe::precision_error(omega, 0, 4096, NumberFormat::bfloat16, pe::PrecisionStage::positions)
          .value();
  // Python: group 0..4095 by bfloat16(p) (the bits trick above): 769 ids, 449 shared by 2 or more;
  // the first groups [256, 257], [259, 260, 261], [263, 264, 265], ... (ties to even: 257 -> 256).
  CHECK(bf16.collapsed_groups == 449);
  REQUIRE(bf16.groups.size() == pe::kCollapseGroups);
  CHECK(bf16.groups[0].positions == std::vector<std::int64_t>{256, 257});
  CHECK(bf16.groups[0].size == 2);
  CHECK(bf16.groups[1].positions == std::vector<std::int64_t>{259, 260, 261});
  CHECK(bf16.groups[1].size == 3);
  CHECK(bf16.groups[7].positions.front() == 283);
  // numpy.float16: 3073 ids, 512 shared; the first [2048, 2049].
  const auto fp16 =
      pe::precision_error(omega, 0, 4096, NumberFormat::float16, pe::PrecisionStage::positions)
          .value();
  CHECK(fp16.distinct_vectors == 3073);
  CHECK(fp16.collapsed_groups == 512);
  CHECK(fp16.groups[0].positions == std::vector<std::int64_t>{2048, 2049});
  // Exact frequencies and positions: nothing collapses.
  const auto f32 =
      pe::precision_error(omega, 0, 4096, NumberFormat::float32, pe::PrecisionStage::positions)
          .value();
  CHECK(f32.collapsed_groups == 0);
  CHECK(f32.groups.empty());
}

TEST_CASE("format facts and spacing (IEEE 754 binary32 / binary16; bfloat16: 8 significant bits)") {
  const auto bf = pe::facts_of(NumberFormat::bfloat16);
  CHECK(bf.max_exact_integer == 256);
  CHECK(bf.largest == doctest::Approx(3.3895313892515355e38));
  const auto half = pe::facts_of(NumberFormat::float16);
  CHECK(half.max_exact_integer == 2048);
  CHECK(half.largest == 65504);
  CHECK(pe::facts_of(NumberFormat::float32).max_exact_integer == 16777216);
  // The spacings the issue quotes: bf16 16 between 2048 and 4096, 512 from 65,536; fp16 4 from
  // 4096.
  CHECK(pe::spacing_at(3000, NumberFormat::bfloat16) == 16);
  CHECK(pe::spacing_at(65536, NumberFormat::bfloat16) == 512);
  CHECK(pe::spacing_at(5000, NumberFormat::float16) == 4);
  CHECK(pe::spacing_at(1e6, NumberFormat::float32) == 0.0625);
  CHECK(pe::spacing_at(0, NumberFormat::float16) == std::ldexp(1.0, -24));  // subnormal spacing
  // round_to moves a value by at most half the spacing.
  for (double v = 1; v < 1e6; v *= 1.37) {
    for (const auto f : {NumberFormat::float32, NumberFormat::float16, NumberFormat::bfloat16}) {
      if (v > pe::facts_of(f).largest) continue;
      CHECK(std::abs(pe::round_to(v, f) - v) <= pe::spacing_at(v, f) / 2);
    }
  }
}

TEST_CASE("the heatmap at canvas resolution is the largest error of the cells under each pixel") {
  std::vector<double> w(8);
  for (int i = 0; i < 8; ++i) w[i] = std::pow(10000.0, -2.0 * i / 16);
  // 1000 positions across 100 pixels: 10 per column, and samples = 10 evaluates all of them, so
  // each pixel must be the largest error of its 10 cells in precision_error's table (tested above).
  const auto table =
      pe::precision_error(w, 3000, 1000, NumberFormat::bfloat16, pe::PrecisionStage::angles)
          .value();
  pe::PrecisionRender view;
  view.start = 3000;
  view.count = 1000;
  view.pair_count = 8;
  view.width = 100;
  view.height = 8;
  view.samples = 10;
  std::vector<std::uint8_t> rgba(100 * 8 * 4);
  REQUIRE(pe::render_precision(w, view, NumberFormat::bfloat16, pe::PrecisionStage::angles, rgba));
  int checked = 0;
  for (int x = 0; x < 100; ++x) {
    for (int i = 0; i < 8; ++i) {
      double worst = 0;
      for (int r = x * 10; r < x * 10 + 10; ++r)
        worst = std::max(worst, double(table.errors[r * 8 + i]));
      const double lo = std::log10(view.low), hi = std::log10(view.high);
      const auto c =
          pe::color_of(pe::ColorMap::viridis, worst > 0 ? std::log10(worst) : lo, lo, hi);
      const std::uint8_t* px = &rgba[(std::size_t(i) * 100 + x) * 4];
      CHECK(px[0] == c.r);
      CHECK(px[1] == c.g);
      CHECK(px[2] == c.b);
      ++checked;
    }
  }
  CHECK(checked == 800);
  // A million positions at canvas width: within the work cap, and bad parameters are named.
  view.start = 0;
  view.count = 1e6;
  view.width = 800;
  view.samples = 8;
  std::vector<std::uint8_t> big(800 * 8 * 4);
  CHECK(pe::render_precision(w, view, NumberFormat::bfloat16, pe::PrecisionStage::positions,
                             big));  // 800 x 8 x 8
  view.samples = 65;
  CHECK(pe::render_precision(w, view, NumberFormat::bfloat16, pe::PrecisionStage::positions, big)
            .error()
            .parameter == "samples");
  view.samples = 8;
  view.low = 0;
  CHECK(pe::render_precision(w, view, NumberFormat::bfloat16, pe::PrecisionStage::positions, big)
            .error()
            .parameter == "low");
  view.low = 1e-8;
  view.pair_count = 9;
  CHECK(pe::render_precision(w, view, NumberFormat::bfloat16, pe::PrecisionStage::positions, big)
            .error()
            .parameter == "pairs");
}

TEST_CASE("inv_freq in bfloat16 ruins RoPE at position 4095 (value from Python, float64)") {
  pe::RopeOptions o;
  o.head_dim = 128;
  const auto inv = pe::rope_inv_freq(pe::make_rope_spec(o).value());
  const auto report =
      pe::precision_error(inv, 4095, 1, NumberFormat::bfloat16, pe::PrecisionStage::frequencies)
          .value();
  CHECK(report.max_error == doctest::Approx(1.678784684705742).epsilon(1e-9));
  // In float32 the same stage stays small, and in every stage float32 is below 1e-3 here.
  for (const auto stage : {pe::PrecisionStage::positions, pe::PrecisionStage::frequencies,
                           pe::PrecisionStage::angles, pe::PrecisionStage::outputs}) {
    CHECK(pe::precision_error(inv, 4095, 1, NumberFormat::float32, stage).value().max_error < 1e-3);
  }
}

TEST_CASE("bad precision parameters are refused with the parameter named") {
  CHECK(pe::parse_number_format("fp8").error().parameter == "format");
  CHECK(pe::parse_precision_stage("weights").error().parameter == "stage");
  const std::vector<double> omega(64, 1.0);
  CHECK(pe::precision_error(omega, 0, 1 << 20, NumberFormat::float16, pe::PrecisionStage::outputs)
            .error()
            .code == pe::ErrorCode::size_limit);
}
