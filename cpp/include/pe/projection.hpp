// Projection of vectors to 2-D: the two principal components, or the first two dimensions.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "pe/error.hpp"

namespace pe {

enum class Projection {
  pca,        // the two principal components (largest variance), via symmetric_eigen
  first_two,  // dimensions 0 and 1, as many articles plot them
};
// Caps (worst case well under a second in wasm; README, Reliability): at most kMaxProjectedRows
// rows, and rows^2 x cols <= kMaxProjectWork for the Gram matrix. Values must be finite.
inline constexpr int kMaxProjectedRows = 256;
inline constexpr std::int64_t kMaxProjectWork = std::int64_t{1} << 25;
struct Projected {
  std::vector<double> xy;        // rows x 2
  double explained[2] = {0, 0};  // share of the total variance along each axis
};
Result<Projection> parse_projection(std::string_view text);
Result<Projected> project(std::span<const float> values, double rows, double cols, Projection how);

}  // namespace pe
