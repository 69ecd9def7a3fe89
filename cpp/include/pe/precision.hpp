// What float16 and bfloat16 do to position encodings, computed exactly.
//
// round_to() rounds a float64 to float32, float16 or bfloat16 as the hardware does: round to
// nearest, ties to even, overflow to +-Infinity, subnormals, NaN and the sign of zero kept. It
// rounds from float64 directly (never through float32, which would round twice).
//   bfloat16: 8 significant bits, exponent as float32: integers exact up to 256, spacing 16 from
//   2048 float16: 11 significant bits, largest finite 65504: integers exact up to 2048, spacing 4
//   from 4096
//
// precision_error() holds one quantity of the computation in the low format and everything else in
// float64, and measures what that does to every (position, pair):
//   positions    the position ids          angle = round(p) * w
//   frequencies  w (inv_freq)              angle = p * round(w)
//   angles       the product p * w         angle = round(p * w)
//   outputs      the final sin and cos     round(sin(angle)), round(cos(angle))
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "pe/error.hpp"

namespace pe {

enum class NumberFormat { float32, float16, bfloat16 };
enum class PrecisionStage { positions, frequencies, angles, outputs };

Result<NumberFormat> parse_number_format(std::string_view text);
Result<PrecisionStage> parse_precision_stage(std::string_view text);

double round_to(double value, NumberFormat format);

inline constexpr std::int64_t kMaxPrecisionValues = std::int64_t{1} << 21;  // positions x pairs

struct PrecisionReport {
  std::vector<float> errors;  // positions x pairs: per pair, the larger of its sin and cos errors
  double max_error = 0;
  std::int64_t first_bad_position = -1;  // the first position with an error above 1e-3, or -1
  std::int64_t distinct_vectors = 0;     // different vectors left among the positions
};

// omega: the frequencies (sinusoidal omega_i or RoPE inv_freq), positions start .. start + count
// - 1.
Result<PrecisionReport> precision_error(std::span<const double> omega, std::int64_t start,
                                        double count, NumberFormat format, PrecisionStage stage);

}  // namespace pe
