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

#include "pe/colormap.hpp"
#include "pe/error.hpp"

namespace pe {

enum class NumberFormat { float32, float16, bfloat16 };
enum class PrecisionStage { positions, frequencies, angles, outputs };

Result<NumberFormat> parse_number_format(std::string_view text);
Result<PrecisionStage> parse_precision_stage(std::string_view text);

double round_to(double value, NumberFormat format);

// What a format holds, from its bit layout (the one source for the page's spacing steps).
struct FormatFacts {
  int precision;             // significant bits, the implicit one included
  int min_exponent;          // of the smallest normal number
  int max_exponent;          // of the largest finite number
  double largest;            // largest finite value
  double max_exact_integer;  // 2^precision: every integer up to it is exact, the next is not
};
FormatFacts facts_of(NumberFormat format);
// The distance between neighbouring values of the format around |value| (its ulp).
double spacing_at(double value, NumberFormat format);

inline constexpr std::int64_t kMaxPrecisionValues = std::int64_t{1} << 21;  // positions x pairs

// Positions that share one vector after rounding: the first few of them, and how many there are.
struct CollapseGroup {
  std::vector<std::int64_t> positions;  // the first kCollapseShown, ascending
  std::int64_t size = 0;
};
inline constexpr std::size_t kCollapseGroups = 8;  // groups reported (the first, by position)
inline constexpr std::size_t kCollapseShown = 4;   // positions listed per group

struct PrecisionReport {
  std::vector<float> errors;  // positions x pairs: per pair, the larger of its sin and cos errors
  double max_error = 0;
  std::int64_t first_bad_position = -1;  // the first position with an error above 1e-3, or -1
  std::int64_t distinct_vectors = 0;     // different vectors left among the positions
  std::int64_t collapsed_groups = 0;     // vectors that two or more positions share
  std::vector<CollapseGroup> groups;     // the first kCollapseGroups of them
};

// omega: the frequencies (sinusoidal omega_i or RoPE inv_freq), positions start .. start + count
// - 1.
Result<PrecisionReport> precision_error(std::span<const double> omega, std::int64_t start,
                                        double count, NumberFormat format, PrecisionStage stage);

// The error heatmap at canvas resolution, for ranges far beyond kMaxPrecisionValues (10^6
// positions): positions start .. start + count - 1 run across the image, pairs pair0 .. pair0 +
// pair_count - 1 down it. A pixel shows the largest error among the (position, pair) cells it
// covers, evaluating every position where a pixel column covers at most `samples` of them, else
// `samples` evenly spaced ones (first and last included), on a log colour scale: log10(error) from
// log10(low) to log10(high) on viridis; an error of exactly 0 gets the lowest colour. Work (pixel
// columns x samples x pairs) is capped by kMaxPrecisionRenderWork.
inline constexpr std::int64_t kMaxPrecisionRenderWork = std::int64_t{1} << 20;
inline constexpr int kMaxPrecisionSamples = 64;
struct PrecisionRender {
  std::int64_t start = 0;
  double count = 0;
  int pair0 = 0, pair_count = 0;
  int width = 0, height = 0;
  int samples = 8;
  double low = 1e-8, high = 2;
};
Status render_precision(std::span<const double> omega, const PrecisionRender& view,
                        NumberFormat format, PrecisionStage stage, std::span<std::uint8_t> rgba);

}  // namespace pe
