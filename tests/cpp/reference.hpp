// An independent float64 reference for the tests: the formula as the papers and repositories write
// it, one value at a time, with none of the engine's code (no omega_of, no recurrence, no
// column_of).
#pragma once

#include <cmath>
#include <string>
#include <vector>

namespace pe_test {

struct RefSpec {
  int d_model;
  double base = 10000;
  std::string layout = "interleaved";  // interleaved | split | split_cos_first
  std::string frequencies = "paper";   // paper | tensor2tensor
};

// The angle of pair i at `position`:
//   paper (Vaswani et al. 2017, section 3.5): pos / base^(2i / d_model)
//   tensor2tensor (get_timing_signal_1d) and fairseq: pos * exp(-i * log(base) / max(h - 1, 1))
inline double reference_angle(const RefSpec& s, double position, int i) {
  if (s.frequencies == "paper") return position / std::pow(s.base, (2.0 * i) / s.d_model);
  const int h = s.d_model / 2;
  return position * std::exp(-i * std::log(s.base) / (h > 1 ? h - 1 : 1));
}

inline double reference_value(const RefSpec& s, double position, int dim) {
  const int h = s.d_model / 2;
  if (dim >= 2 * h) return 0.0;  // odd d_model: zero last column
  if (s.layout == "interleaved") {
    const double a = reference_angle(s, position, dim / 2);
    return dim % 2 == 0 ? std::sin(a) : std::cos(a);
  }
  const bool first_half = dim < h;
  const int i = first_half ? dim : dim - h;
  const double a = reference_angle(s, position, i);
  const bool is_sin = (s.layout == "split") == first_half;
  return is_sin ? std::sin(a) : std::cos(a);
}

inline std::vector<double> reference_row(const RefSpec& s, double position) {
  std::vector<double> row(s.d_model);
  for (int j = 0; j < s.d_model; ++j) row[j] = reference_value(s, position, j);
  return row;
}

}  // namespace pe_test
