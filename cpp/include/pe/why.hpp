// Why sin and cos: the closest pair of position vectors, and the most common mistake in articles
// (the doubled exponent).
#pragma once

#include <span>
#include <vector>

#include "pe/error.hpp"
#include "pe/spec.hpp"

namespace pe {

// The two closest position vectors among positions start .. start + positions - 1: their distance
// and offset. ||PE(p) - PE(p+k)||^2 = 2 * sum_i (1 - cos(k w_i)) depends only on k, so the minimum
// over pairs is the minimum over k = 1 .. positions - 1.
struct Closest {
  double distance = 0;
  int offset = 0;
};
Result<Closest> closest_positions(const Spec& spec);

// The doubled-exponent mistake: base^(2j/d) with j running over every dimension (not over pairs),
// as in `10000 ** ((2 * i) / dim)` inside `for i in range(dim)`. Each column then has its own
// frequency base^(-2j/d): the slowest wavelength is ~2*pi*base^2 (2*pi*10^8 for base 10^4) instead
// of ~2*pi*base, and the sin and cos of a "pair" no longer share a frequency.
double wrong_exponent_omega(int dimension, int d_model, double base);
std::vector<double> wrong_exponent_wavelengths(const Spec& spec);
Result<std::vector<float>> wrong_exponent_columns(const Spec& spec, std::span<const double> dims);

}  // namespace pe
