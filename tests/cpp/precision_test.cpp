// Rounding to float32 / float16 / bfloat16, bit-exact on the edge cases, against independent
// conversions: the compiler's float cast (float32), the float32-bits trick (bits + 0x7fff + lsb) >>
// 16 that PyTorch and JAX use for bfloat16, and _Float16 where the compiler has it. The counts and
// positions below come from Python 3: numpy.float16 and that bfloat16 trick on struct-packed
// floats.
#include "pe/precision.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "pe/rope.hpp"

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
