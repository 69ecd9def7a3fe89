#include "pe/sinusoidal.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace pe {
namespace {

Status check_output_size(const Spec& spec, std::size_t size) {
  if (size != spec.element_count()) {
    return Error{ErrorCode::invalid_argument, "out",
                 "the output buffer must hold positions x d_model = " +
                     std::to_string(spec.element_count()) + " floats; got " + std::to_string(size)};
  }
  return Ok{};
}

// One row: write the current (sin, cos) of every pair in the layout's column order, then advance
// every pair by one position. Templated on the layout so each inner loop is branch-free and
// vectorisable.
template <Layout L>
void emit_row_and_advance(float* row, int h, double* s, double* c, const double* step_cos,
                          const double* step_sin) {
  for (int i = 0; i < h; ++i) {
    const double si = s[i];
    const double ci = c[i];
    if constexpr (L == Layout::interleaved) {
      row[2 * i] = static_cast<float>(si);
      row[2 * i + 1] = static_cast<float>(ci);
    } else if constexpr (L == Layout::split) {
      row[i] = static_cast<float>(si);
      row[h + i] = static_cast<float>(ci);
    } else {
      row[i] = static_cast<float>(ci);
      row[h + i] = static_cast<float>(si);
    }
    s[i] = si * step_cos[i] + ci * step_sin[i];
    c[i] = ci * step_cos[i] - si * step_sin[i];
  }
}

template <Layout L>
void generate(const Spec& spec, float* out) {
  const int d = spec.d_model;
  const int h = spec.pairs();
  std::vector<double> omega(h), step_cos(h), step_sin(h), s(h), c(h);
  for (int i = 0; i < h; ++i) {
    omega[i] = omega_of(spec, i);
    step_cos[i] = std::cos(omega[i]);
    step_sin[i] = std::sin(omega[i]);
  }
  for (int r0 = 0; r0 < spec.positions; r0 += kReseedInterval) {
    const double p0 = static_cast<double>(spec.start + r0);  // exact: positions stay below 2^53
    for (int i = 0; i < h; ++i) {
      s[i] = std::sin(p0 * omega[i]);
      c[i] = std::cos(p0 * omega[i]);
    }
    const int r1 = std::min(spec.positions, r0 + kReseedInterval);
    for (int r = r0; r < r1; ++r) {
      float* row = out + static_cast<std::size_t>(r) * d;
      emit_row_and_advance<L>(row, h, s.data(), c.data(), step_cos.data(), step_sin.data());
      if (d % 2 == 1) row[d - 1] = 0.0f;  // odd d_model: zero column (see spec.hpp)
    }
  }
}

}  // namespace

Status sinusoidal_into(const Spec& spec, std::span<float> out) {
  if (auto s = check_output_size(spec, out.size()); !s) return s;
  switch (spec.layout) {
    case Layout::interleaved: generate<Layout::interleaved>(spec, out.data()); break;
    case Layout::split: generate<Layout::split>(spec, out.data()); break;
    case Layout::split_cos_first: generate<Layout::split_cos_first>(spec, out.data()); break;
  }
  return Ok{};
}

Status sinusoidal_naive_into(const Spec& spec, std::span<float> out) {
  if (auto s = check_output_size(spec, out.size()); !s) return s;
  std::vector<Column> columns(spec.d_model);
  std::vector<double> omega(spec.d_model, 0.0);
  for (int j = 0; j < spec.d_model; ++j) {
    columns[j] = column_of(spec, j);
    if (columns[j].pair >= 0) omega[j] = omega_of(spec, columns[j].pair);
  }
  float* value = out.data();
  for (int r = 0; r < spec.positions; ++r) {
    const double position = static_cast<double>(spec.start + r);
    for (int j = 0; j < spec.d_model; ++j) {
      const double angle = position * omega[j];
      switch (columns[j].wave) {
        case Wave::sin: *value++ = static_cast<float>(std::sin(angle)); break;
        case Wave::cos: *value++ = static_cast<float>(std::cos(angle)); break;
        case Wave::zero: *value++ = 0.0f; break;
      }
    }
  }
  return Ok{};
}

}  // namespace pe
