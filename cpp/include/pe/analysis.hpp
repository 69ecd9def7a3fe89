// What the encoding means: frequencies, single vectors, dot products and the rotation structure.
// Everything here is float64; the Gram matrix is computed from the float32 matrix the page shows.
#pragma once

#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "pe/error.hpp"
#include "pe/spec.hpp"

namespace pe {

struct DimensionInfo {
  int pair = -1;  // i, or -1 for the zero column of an odd d_model
  Wave wave = Wave::zero;
  double omega = 0;       // radians per position
  double wavelength = 0;  // 2*pi / omega positions; +infinity for the zero column
};

// One entry per column of the matrix, in the spec's layout order.
std::vector<DimensionInfo> dimensions(const Spec& spec);

// PE(position) in float64 (spec.positions and spec.start are ignored). position in [0,
// kMaxPosition].
Result<std::vector<double>> vector_at(const Spec& spec, double position);

// Selected columns over all the spec's positions, column-major: out[c * positions + r] is column
// dims[c] at position start + r, in float64 (std::sin/cos per value; the curves view needs few
// columns).
// Caps: at most kMaxColumns columns, and columns x positions <= kMaxColumnValues values.
inline constexpr int kMaxColumns = 64;
inline constexpr std::int64_t kMaxColumnValues = std::int64_t{1} << 23;
Status check_column_work(std::size_t columns, int positions);
Result<std::vector<float>> columns_of(const Spec& spec, std::span<const double> dims);

// PE(p) . PE(p + k) for k = first_offset, first_offset + 1, ..., first_offset + count - 1.
// Every pair contributes sin(pw)sin((p+k)w) + cos(pw)cos((p+k)w) = cos(kw), so the sum
// sum_i cos(k * omega_i) does not depend on p: that is what this computes (in float64). A lone sine
// column (odd d_model, extra_sine) adds a term that does depend on p: it is taken at p = start.
// Caps: count <= kMaxOffsets, and count x pairs <= kMaxDotWork terms (README, Reliability).
inline constexpr int kMaxOffsets = 1 << 20;
inline constexpr std::int64_t kMaxDotWork = std::int64_t{1} << 23;
inline constexpr int kDotReseed = 64;

// cos and sin of (first + n) * w for n = 0, 1, 2, ... in order: angle addition (a rotation by w),
// reseeded from std::cos/std::sin every kDotReseed steps, about ten times faster than a cosine per
// value and as fast at n near 1e9 as near 0. Error near 1e-14 (tests/cpp/analysis_test.cpp).
class Rotor {
 public:
  Rotor(double first, double w) : first_(first), w_(w), cw_(std::cos(w)), sw_(std::sin(w)) {}
  // Moves to step n; call with n = 0, 1, 2, ... in order.
  void at(std::int64_t n) {
    if (n % kDotReseed == 0) {
      const double angle = (first_ + static_cast<double>(n)) * w_;
      c_ = std::cos(angle);
      s_ = std::sin(angle);
    } else {
      const double next = c_ * cw_ - s_ * sw_;
      s_ = s_ * cw_ + c_ * sw_;
      c_ = next;
    }
  }
  double cos() const { return c_; }
  double sin() const { return s_; }

 private:
  double first_, w_, cw_, sw_, c_ = 1, s_ = 0;
};
Result<std::vector<double>> dot_by_offset(const Spec& spec, double first_offset, double count);

// The Gram matrix G[a][b] = PE(start + a) . PE(start + b) over spec.positions rows, computed
// directly from the float32 matrix (float64 accumulation), so it shows what the numbers actually
// do. Cap: positions <= kMaxGramPositions and positions^2 * d_model <= kMaxGramWork.
inline constexpr int kMaxGramPositions = 2048;
inline constexpr std::int64_t kMaxGramWork = std::int64_t{1} << 28;
Status check_gram(const Spec& spec);
Status gram_into(const Spec& spec, std::span<const float> matrix, std::span<float> out);

// PE(p + k) = R_k PE(p): R_k is block-diagonal with one 2x2 block per pair, acting on (sin, cos):
//   [sin((p+k)w)]   [ cos(kw)  sin(kw)] [sin(pw)]
//   [cos((p+k)w)] = [-sin(kw)  cos(kw)] [cos(pw)]
struct RotationBlock {
  double cos_kw = 1;
  double sin_kw = 0;
};
Result<std::vector<RotationBlock>> rotation_blocks(const Spec& spec, double offset);

// max_j |(R_k PE(p))_j - PE(p + k)_j| in float64: the live check that the rotation holds.
Result<double> rotation_residual(const Spec& spec, double position, double offset);

}  // namespace pe
