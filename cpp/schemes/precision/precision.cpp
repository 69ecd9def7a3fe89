#include "precision.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

#include "pe/spec.hpp"

namespace pe {
namespace {

struct BitLayout {
  int precision;  // significant bits, the implicit one included
  int min_exponent;
  int max_exponent;
};

BitLayout layout_of(NumberFormat format) {
  switch (format) {
    case NumberFormat::float32: return {24, -126, 127};
    case NumberFormat::float16: return {11, -14, 15};
    case NumberFormat::bfloat16: return {8, -126, 127};
  }
  return {24, -126, 127};
}

// The computation with one quantity held in the low format (everything else float64): the sine and
// cosine it gives for position p and pair frequency w (w_low: w rounded to the format).
struct Evaluated {
  double s, c, error;  // error: the larger of |s - sin(p w)| and |c - cos(p w)|
};
Evaluated evaluate(double p, double w, double w_low, NumberFormat format, PrecisionStage stage) {
  const double exact = p * w;
  double angle = exact;
  switch (stage) {
    case PrecisionStage::positions: angle = round_to(p, format) * w; break;
    case PrecisionStage::frequencies: angle = p * w_low; break;
    case PrecisionStage::angles: angle = round_to(exact, format); break;
    case PrecisionStage::outputs: break;
  }
  const double exact_s = std::sin(exact), exact_c = std::cos(exact);
  double s = exact_s, c = exact_c;
  if (stage == PrecisionStage::outputs) {
    s = round_to(exact_s, format);
    c = round_to(exact_c, format);
  } else if (angle != exact) {
    s = std::sin(angle);
    c = std::cos(angle);
  }
  return {s, c, std::max(std::abs(s - exact_s), std::abs(c - exact_c))};
}

}  // namespace

FormatFacts facts_of(NumberFormat format) {
  const BitLayout f = layout_of(format);
  return {f.precision, f.min_exponent, f.max_exponent,
          std::ldexp(2.0 - std::ldexp(1.0, 1 - f.precision), f.max_exponent),
          std::ldexp(1.0, f.precision)};
}

double spacing_at(double value, NumberFormat format) {
  const BitLayout f = layout_of(format);
  const double magnitude = std::abs(value);
  if (!std::isfinite(magnitude)) return magnitude;  // NaN or Infinity: no neighbours
  int exponent = f.min_exponent + 1;                // zero: the subnormal spacing
  if (magnitude > 0) std::frexp(magnitude, &exponent);
  const int e = std::max(exponent - 1, f.min_exponent);
  return std::ldexp(1.0, e - (f.precision - 1));
}

Result<NumberFormat> parse_number_format(std::string_view text) {
  if (text == "float32") return NumberFormat::float32;
  if (text == "float16") return NumberFormat::float16;
  if (text == "bfloat16") return NumberFormat::bfloat16;
  return make_error(
      ErrorCode::invalid_argument, "format", "one_of",
      {{"allowed", std::string("float32, float16, bfloat16")}, {"got", std::string(text)}});
}

Result<PrecisionStage> parse_precision_stage(std::string_view text) {
  if (text == "positions") return PrecisionStage::positions;
  if (text == "frequencies") return PrecisionStage::frequencies;
  if (text == "angles") return PrecisionStage::angles;
  if (text == "outputs") return PrecisionStage::outputs;
  return make_error(ErrorCode::invalid_argument, "stage", "one_of",
                    {{"allowed", std::string("positions, frequencies, angles, outputs")},
                     {"got", std::string(text)}});
}

double round_to(double value, NumberFormat format) {
  if (!std::isfinite(value) || value == 0) return value;  // NaN, +-Infinity and +-0 as they are
  const BitLayout f = layout_of(format);
  const double magnitude = std::abs(value);
  int exponent = 0;
  std::frexp(magnitude, &exponent);  // magnitude in [2^(exponent-1), 2^exponent)
  const int e =
      std::max(exponent - 1, f.min_exponent);  // below the normal range: subnormal spacing
  const double quantum = std::ldexp(1.0, e - (f.precision - 1));
  // magnitude / quantum is exact (a power-of-two scaling); nearbyint rounds ties to even.
  double rounded = std::nearbyint(magnitude / quantum) * quantum;
  const double largest =
      std::ldexp(2.0 - std::ldexp(1.0, 1 - f.precision), f.max_exponent);  // largest finite
  if (rounded > largest) rounded = std::numeric_limits<double>::infinity();
  return std::copysign(rounded, value);
}

Result<PrecisionReport> precision_error(std::span<const double> omega, std::int64_t start,
                                        double count, NumberFormat format, PrecisionStage stage) {
  if (auto s = check_integer("positions", count, 1, kMaxPositions); !s) return s.error();
  if (auto s = check_integer("start", double(start), 0, double(kMaxPosition) - count + 1); !s) {
    return s.error();
  }
  const std::size_t pairs = omega.size();
  if (const double values = count * double(pairs); values > double(kMaxPrecisionValues)) {
    return make_error(ErrorCode::size_limit, "positions", "work_cap",
                      {{"max", double(kMaxPrecisionValues)}, {"got", values}});
  }
  const auto rows = static_cast<std::size_t>(count);
  PrecisionReport report;
  report.errors.assign(rows * pairs, 0.0f);
  std::vector<double> rounded_omega(pairs);
  for (std::size_t i = 0; i < pairs; ++i) rounded_omega[i] = round_to(omega[i], format);
  // Distinct vectors: rows hashed by their rounded (sin, cos) values (equal rows, equal hashes; a
  // collision of different rows could only make the count too small, and 64-bit FNV over the exact
  // bit patterns makes that negligible). Each hash keeps its group (first positions and size),
  // found by linear probing in a table of at least twice the rows; groups are made in order of
  // their first position, which is the order they are reported in.
  std::size_t capacity = 16;
  while (capacity < 2 * rows) capacity *= 2;
  std::vector<std::uint64_t> keys(capacity);
  std::vector<std::int32_t> group_at(capacity, -1);
  std::vector<CollapseGroup> groups;
  for (std::size_t r = 0; r < rows; ++r) {
    const double p = static_cast<double>(start) + static_cast<double>(r);
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    double worst_in_row = 0;
    for (std::size_t i = 0; i < pairs; ++i) {
      const Evaluated v = evaluate(p, omega[i], rounded_omega[i], format, stage);
      report.errors[r * pairs + i] = static_cast<float>(v.error);
      worst_in_row = std::max(worst_in_row, v.error);
      for (const double x : {v.s, v.c}) {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &x, sizeof bits);
        hash = (hash ^ bits) * 0x100000001b3ULL;
      }
    }
    report.max_error = std::max(report.max_error, worst_in_row);
    if (report.first_bad_position < 0 && worst_in_row > 1e-3) {
      report.first_bad_position = static_cast<std::int64_t>(p);
    }
    std::size_t at = static_cast<std::size_t>(hash) & (capacity - 1);
    while (group_at[at] >= 0 && keys[at] != hash) at = (at + 1) & (capacity - 1);
    if (group_at[at] < 0) {
      keys[at] = hash;
      group_at[at] = static_cast<std::int32_t>(groups.size());
      groups.emplace_back();
    }
    CollapseGroup& group = groups[static_cast<std::size_t>(group_at[at])];
    if (group.positions.size() < kCollapseShown) {
      group.positions.push_back(static_cast<std::int64_t>(p));
    }
    ++group.size;
  }
  report.distinct_vectors = static_cast<std::int64_t>(groups.size());
  for (auto& group : groups) {
    if (group.size < 2) continue;
    ++report.collapsed_groups;
    report.groups.push_back(std::move(group));
  }
  if (report.groups.size() > kCollapseGroups) report.groups.resize(kCollapseGroups);
  return report;
}

Status render_precision(std::span<const double> omega, const PrecisionRender& view,
                        NumberFormat format, PrecisionStage stage, std::span<std::uint8_t> rgba) {
  if (auto s = check_pixels(view.width, view.height); !s) return s;
  if (auto s = check_integer("positions", view.count, 1, double(kMaxPosition) + 1); !s) return s;
  if (auto s = check_integer("start", double(view.start), 0, double(kMaxPosition) - view.count + 1);
      !s) {
    return s;
  }
  const int total_pairs = static_cast<int>(omega.size());
  if (auto s = check_integer("pair0", view.pair0, 0, std::max(0, total_pairs - 1)); !s) return s;
  if (auto s = check_integer("pairs", view.pair_count, 1, total_pairs - view.pair0); !s) return s;
  if (auto s = check_integer("samples", view.samples, 1, kMaxPrecisionSamples); !s) return s;
  if (auto s = check_range(view.low, view.high); !s) return s;
  if (!(view.low > 0)) {
    return make_error(ErrorCode::invalid_argument, "low", "greater_than",
                      {{"min", 0.0}, {"got", view.low}});
  }
  const double per_column = std::min(view.count / view.width, double(view.samples));
  const double work = double(view.width) * std::max(1.0, std::ceil(per_column)) * view.pair_count;
  if (work > double(kMaxPrecisionRenderWork)) {
    return make_error(ErrorCode::size_limit, "samples", "work_cap",
                      {{"max", double(kMaxPrecisionRenderWork)}, {"got", work}});
  }
  if (rgba.size() != std::size_t(view.width) * std::size_t(view.height) * 4) {
    return make_error(
        ErrorCode::invalid_argument, "rgba", "length_mismatch",
        {{"expected", double(view.width) * view.height * 4}, {"got", double(rgba.size())}});
  }
  // worst[x * pair_count + i]: the largest error in pixel column x for pair pair0 + i.
  std::vector<double> rounded(view.pair_count);
  for (int i = 0; i < view.pair_count; ++i) rounded[i] = round_to(omega[view.pair0 + i], format);
  std::vector<double> worst(std::size_t(view.width) * view.pair_count, 0.0);
  const double start = static_cast<double>(view.start);
  for (int x = 0; x < view.width; ++x) {
    // Positions [first, last] of this pixel column (at least one: columns share a position when
    // the range is narrower than the image).
    const double first = start + std::floor(view.count * x / view.width);
    const double last = std::max(first, start + std::ceil(view.count * (x + 1) / view.width) - 1);
    const double span = last - first;
    const int n = span + 1 <= view.samples ? static_cast<int>(span) + 1 : view.samples;
    double* column = &worst[std::size_t(x) * view.pair_count];
    for (int k = 0; k < n; ++k) {
      const double p = n == 1 ? first : first + std::round(span * k / (n - 1));
      for (int i = 0; i < view.pair_count; ++i) {
        const double e = evaluate(p, omega[view.pair0 + i], rounded[i], format, stage).error;
        column[i] = std::max(column[i], e);
      }
    }
  }
  // Colour each (column, pair) once (log10 is monotone: the largest error has the largest log),
  // then each pixel row copies its pair's colours, or takes the worst of the pairs it covers.
  const double lo = std::log10(view.low), hi = std::log10(view.high);
  std::vector<Rgba> colour(worst.size());
  const ColorScale scale(ColorMap::viridis, lo, hi);
  for (std::size_t k = 0; k < worst.size(); ++k) {
    colour[k] = scale(worst[k] > 0 ? std::log10(worst[k]) : lo);
  }
  for (int y = 0; y < view.height; ++y) {
    const int i0 = static_cast<int>(std::floor(double(view.pair_count) * y / view.height));
    const int i1 = std::max(
        i0 + 1, static_cast<int>(std::ceil(double(view.pair_count) * (y + 1) / view.height)));
    const double* worst_at = worst.data();  // raw pointers: see ColorScale
    const Rgba* colour_at = colour.data();
    for (int x = 0; x < view.width; ++x) {
      std::size_t best = std::size_t(x) * view.pair_count + i0;
      for (int i = i0 + 1; i < i1; ++i) {
        const std::size_t k = std::size_t(x) * view.pair_count + i;
        if (worst_at[k] > worst_at[best]) best = k;
      }
      put_pixel(rgba, view.width, x, y, colour_at[best]);
    }
  }
  return Ok{};
}

}  // namespace pe
