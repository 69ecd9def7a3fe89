#include "pe/why.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "pe/analysis.hpp"
#include "pe/sinusoidal.hpp"

namespace pe {

Result<Closest> closest_positions(const Spec& spec) {
  if (spec.positions < 2) {
    return make_error(ErrorCode::invalid_argument, "positions", "needs_two_positions",
                      {{"got", double(spec.positions)}});
  }
  // positions x d_model <= kMaxElements keeps this within dot_by_offset's work cap.
  const auto found = dot_by_offset(spec, 1, spec.positions - 1);
  if (!found) return found.error();
  const auto& dots = found.value();
  // |PE(p) - PE(p + k)|^2 = |PE(p)|^2 + |PE(p + k)|^2 - 2 PE(p).PE(p + k); each pair adds 1 to a
  // squared norm, a lone sine (odd d, extra_sine) sin^2 of its angle, taken with p = start.
  const double lone_w = spec.lone_sine() ? omega_of(spec, spec.pairs()) : 0.0;
  const auto norm2 = [&](double position) {
    const double s = spec.lone_sine() ? std::sin(position * lone_w) : 0.0;
    return spec.pairs() + s * s;
  };
  const double p0 = static_cast<double>(spec.start);
  Closest best{std::numeric_limits<double>::infinity(), 0};
  for (std::size_t n = 0; n < dots.size(); ++n) {
    const double k = static_cast<double>(n) + 1;
    const double distance = std::sqrt(std::max(0.0, norm2(p0) + norm2(p0 + k) - 2 * dots[n]));
    if (distance < best.distance) best = {distance, static_cast<int>(n) + 1};
  }
  return best;
}

double wrong_exponent_omega(int dimension, int d_model, double base) {
  return std::pow(base, -2.0 * dimension / d_model);
}

std::vector<double> wrong_exponent_wavelengths(const Spec& spec) {
  std::vector<double> out(spec.d_model);
  for (int j = 0; j < spec.d_model; ++j) {
    out[j] = 2 * std::numbers::pi / wrong_exponent_omega(j, spec.d_model, spec.base);
  }
  return out;
}

Result<std::vector<float>> wrong_exponent_columns(const Spec& spec, std::span<const double> dims) {
  if (dims.empty() || dims.size() > kMaxColumns) {
    return make_error(ErrorCode::invalid_argument, "dims", "list_length",
                      {{"max", double(kMaxColumns)}, {"got", double(dims.size())}});
  }
  if (auto s = check_column_work(dims.size(), spec.positions); !s) return s.error();
  std::vector<float> out(dims.size() * static_cast<std::size_t>(spec.positions));
  for (std::size_t c = 0; c < dims.size(); ++c) {
    if (auto s = check_integer("dims", dims[c], 0, spec.d_model - 1); !s) return s.error();
    const int j = static_cast<int>(dims[c]);
    const double omega = wrong_exponent_omega(j, spec.d_model, spec.base);
    for (int r = 0; r < spec.positions; ++r) {
      const double angle = static_cast<double>(spec.start + r) * omega;
      out[c * spec.positions + r] =
          static_cast<float>(j % 2 == 0 ? std::sin(angle) : std::cos(angle));
    }
  }
  return out;
}

}  // namespace pe
