#include "pe/precision.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <unordered_set>

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

}  // namespace

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
  // bit patterns makes that negligible).
  std::unordered_set<std::uint64_t> seen;
  for (std::size_t r = 0; r < rows; ++r) {
    const double p = static_cast<double>(start) + static_cast<double>(r);
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    double worst_in_row = 0;
    for (std::size_t i = 0; i < pairs; ++i) {
      const double exact = p * omega[i];
      double angle = exact;
      switch (stage) {
        case PrecisionStage::positions: angle = round_to(p, format) * omega[i]; break;
        case PrecisionStage::frequencies: angle = p * rounded_omega[i]; break;
        case PrecisionStage::angles: angle = round_to(exact, format); break;
        case PrecisionStage::outputs: break;
      }
      double s = std::sin(angle), c = std::cos(angle);
      if (stage == PrecisionStage::outputs) {
        s = round_to(s, format);
        c = round_to(c, format);
      }
      const double error = std::max(std::abs(s - std::sin(exact)), std::abs(c - std::cos(exact)));
      report.errors[r * pairs + i] = static_cast<float>(error);
      worst_in_row = std::max(worst_in_row, error);
      for (const double v : {s, c}) {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &v, sizeof bits);
        hash = (hash ^ bits) * 0x100000001b3ULL;
      }
    }
    report.max_error = std::max(report.max_error, worst_in_row);
    if (report.first_bad_position < 0 && worst_in_row > 1e-3) {
      report.first_bad_position = static_cast<std::int64_t>(p);
    }
    seen.insert(hash);
  }
  report.distinct_vectors = static_cast<std::int64_t>(seen.size());
  return report;
}

}  // namespace pe
