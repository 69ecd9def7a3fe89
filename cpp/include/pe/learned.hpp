// A learned position embedding, stood in for by a seeded random table. A trained model learns these
// values; here they are N(0, 0.5^2) draws, seeded, so the picture is reproducible. What matters is
// the shape: one row per position 0 .. max_len - 1, and nothing after.
#pragma once

#include <cstdint>
#include <vector>

#include "pe/error.hpp"

namespace pe {

inline constexpr int kMaxLearnedRows = 8192;
inline constexpr std::int64_t kMaxLearnedValues = std::int64_t{1} << 22;  // max_len x d_model
inline constexpr double kLearnedStd = 0.5;
struct LearnedSpec {
  int d_model = 0;
  int max_len = 0;
  std::uint32_t seed = 0;
  std::int64_t parameter_count() const { return std::int64_t{d_model} * max_len; }
};
Result<LearnedSpec> make_learned(double d_model, double max_len, double seed);
std::vector<float> learned_table(const LearnedSpec& spec);  // max_len x d_model, row-major
// The row for one position, or the error a real model's lookup gives past its last row.
Result<std::vector<float>> learned_row(const LearnedSpec& spec, double position);

}  // namespace pe
