// An independent float64 reference for the tests: the formula as the papers and repositories write
// it, one value at a time, with none of the engine's code (no omega_of, no recurrence, no
// column_of).
#pragma once

#include <cmath>
#include <string>
#include <vector>

namespace pe_test {

// An unfilled {placeholder} in a message (a config's example text may hold braces of its own).
inline bool has_placeholder(const std::string& message) {
  for (auto at = message.find('{'); at != std::string::npos; at = message.find('{', at + 1)) {
    auto end = at + 1;
    while (end < message.size() &&
           ((message[end] >= 'a' && message[end] <= 'z') || message[end] == '_')) {
      ++end;
    }
    if (end > at + 1 && end < message.size() && message[end] == '}') return true;
  }
  return false;
}

struct RefSpec {
  int d_model;
  double base = 10000;
  std::string layout = "interleaved";  // interleaved | split | split_cos_first
  std::string frequencies = "paper";   // paper | tensor2tensor
  // Odd d_model: "extra_sine" (the formula on every column, over the true d) or "zero_column"
  // (floor(d/2) pairs over 2 floor(d/2), then zeros); "auto": extra_sine for paper frequencies.
  std::string odd = "auto";
  bool extra_sine() const {
    return d_model % 2 == 1 && (odd == "extra_sine" || (odd == "auto" && frequencies == "paper"));
  }
};

// The angle of pair i at `position`:
//   paper (Vaswani et al. 2017, section 3.5): pos / base^(2i / d_model)
//   tensor2tensor (get_timing_signal_1d) and fairseq: pos * exp(-i * log(base) / max(h - 1, 1))
inline double reference_angle(const RefSpec& s, double position, int i) {
  if (s.frequencies == "paper") {
    const int over = s.extra_sine() ? s.d_model : 2 * (s.d_model / 2);
    return position / std::pow(s.base, (2.0 * i) / over);
  }
  const int h = s.d_model / 2;
  return position * std::exp(-i * std::log(s.base) / (h > 1 ? h - 1 : 1));
}

inline double reference_value(const RefSpec& s, double position, int dim) {
  const int h = s.d_model / 2;
  if (s.layout == "interleaved") {
    if (dim >= 2 * h && !s.extra_sine()) return 0.0;  // zero last column
    const double a = reference_angle(s, position, dim / 2);
    return dim % 2 == 0 ? std::sin(a) : std::cos(a);
  }
  // Split layouts: the first part has `first` columns (sines, or cosines for cos-first).
  const int sines = s.extra_sine() ? h + 1 : h;
  const bool sin_first = s.layout == "split";
  const int first = sin_first ? sines : h;
  const int second = sin_first ? h : sines;
  if (dim >= first + second) return 0.0;  // zero last column
  const bool in_first = dim < first;
  const int i = in_first ? dim : dim - first;
  const double a = reference_angle(s, position, i);
  return (in_first == sin_first) ? std::sin(a) : std::cos(a);
}

inline std::vector<double> reference_row(const RefSpec& s, double position) {
  std::vector<double> row(s.d_model);
  for (int j = 0; j < s.d_model; ++j) row[j] = reference_value(s, position, j);
  return row;
}

}  // namespace pe_test
