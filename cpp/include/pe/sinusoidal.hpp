// Generating the sinusoidal position-encoding matrix.
#pragma once

#include <span>

#include "pe/error.hpp"
#include "pe/spec.hpp"

namespace pe {

// Writes the (spec.positions x spec.d_model) matrix, row-major, row r = position spec.start + r,
// into `out`, which the caller owns and which must hold exactly spec.element_count() floats.
//
// Fast path: per frequency, an angle-addition (rotation) recurrence in float64,
//   sin((p+1)w) = sin(pw)cos(w) + cos(pw)sin(w),  cos((p+1)w) = cos(pw)cos(w) - sin(pw)sin(w),
// reseeded from exact sin/cos every kReseedInterval rows. The float64 state drifts by ~1e-16 per
// step, so the only visible error is the final rounding to float32 (<= 6e-8). Cost: two
// multiply-adds a value.
Status sinusoidal_into(const Spec& spec, std::span<float> out);

// The same matrix, one std::sin/std::cos in float64 per value. Slow; the baseline the benchmarks
// compare against and a second path for the tests.
Status sinusoidal_naive_into(const Spec& spec, std::span<float> out);

inline constexpr int kReseedInterval = 128;

}  // namespace pe
