#include "pe/analysis.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>

namespace pe {
namespace {

Status check_position(std::string_view name, double position) {
  return check_integer(name, position, 0, double(kMaxPosition));
}

Status check_offset(double offset) {
  return check_integer("offset", offset, -double(kMaxPosition), double(kMaxPosition));
}

}  // namespace

std::vector<DimensionInfo> dimensions(const Spec& spec) {
  std::vector<DimensionInfo> info(spec.d_model);
  for (int j = 0; j < spec.d_model; ++j) {
    const Column column = column_of(spec, j);
    info[j].pair = column.pair;
    info[j].wave = column.wave;
    if (column.pair >= 0) {
      info[j].omega = omega_of(spec, column.pair);
      info[j].wavelength = 2 * std::numbers::pi / info[j].omega;
    } else {
      info[j].wavelength = std::numeric_limits<double>::infinity();
    }
  }
  return info;
}

Result<std::vector<double>> vector_at(const Spec& spec, double position) {
  if (auto s = check_position("position", position); !s) return s.error();
  std::vector<double> v(spec.d_model, 0.0);
  for (int j = 0; j < spec.d_model; ++j) {
    const Column column = column_of(spec, j);
    if (column.wave == Wave::zero) continue;
    const double angle = position * omega_of(spec, column.pair);
    v[j] = column.wave == Wave::sin ? std::sin(angle) : std::cos(angle);
  }
  return v;
}

Status check_column_work(std::size_t columns, int positions) {
  if (const double work = double(columns) * positions; work > double(kMaxColumnValues)) {
    return make_error(ErrorCode::size_limit, "dims", "work_cap",
                      {{"max", double(kMaxColumnValues)}, {"got", work}});
  }
  return Ok{};
}

Result<std::vector<float>> columns_of(const Spec& spec, std::span<const double> dims) {
  if (dims.empty() || dims.size() > kMaxColumns) {
    return make_error(ErrorCode::invalid_argument, "dims", "list_length",
                      {{"max", double(kMaxColumns)}, {"got", double(dims.size())}});
  }
  if (auto s = check_column_work(dims.size(), spec.positions); !s) return s.error();
  for (double dim : dims) {
    if (auto s = check_integer("dims", dim, 0, spec.d_model - 1); !s) return s.error();
  }
  std::vector<float> out(dims.size() * static_cast<std::size_t>(spec.positions));
  for (std::size_t c = 0; c < dims.size(); ++c) {
    const Column column = column_of(spec, static_cast<int>(dims[c]));
    const double omega = column.pair >= 0 ? omega_of(spec, column.pair) : 0.0;
    float* values = out.data() + c * static_cast<std::size_t>(spec.positions);
    for (int r = 0; r < spec.positions; ++r) {
      const double angle = static_cast<double>(spec.start + r) * omega;
      values[r] = column.wave == Wave::sin   ? static_cast<float>(std::sin(angle))
                  : column.wave == Wave::cos ? static_cast<float>(std::cos(angle))
                                             : 0.0f;
    }
  }
  return out;
}

Result<std::vector<double>> dot_by_offset(const Spec& spec, double first_offset, double count) {
  if (auto s = check_offset(first_offset); !s) return s.error();
  if (auto s = check_integer("count", count, 1, kMaxOffsets); !s) return s.error();
  // Work cap: one cosine per pair and offset.
  if (const double work = count * spec.pairs(); work > double(kMaxDotWork)) {
    return make_error(ErrorCode::size_limit, "count", "work_cap",
                      {{"max", double(kMaxDotWork)}, {"got", work}});
  }
  // Per pair, cos(k w) for consecutive k by angle addition (a rotation by w), reseeded from an
  // exact std::cos/std::sin every kDotReseed offsets: about ten times faster than a cosine per
  // value, and as fast at k = 1e9 as at k = 0 (where each std::cos needs a long range reduction).
  // The error of kDotReseed rotations stays near 1e-14 (tested against a cosine per value).
  std::vector<double> dots(static_cast<std::size_t>(count), 0.0);
  for (int i = 0; i < spec.pairs(); ++i) {
    Rotor rotor(first_offset, omega_of(spec, i));
    for (std::size_t n = 0; n < dots.size(); ++n) {
      rotor.at(static_cast<std::int64_t>(n));
      dots[n] += rotor.cos();
    }
  }
  // A lone sine (extra_sine, odd d) adds sin(p w) sin((p + k) w), which depends on p: this is the
  // one case where the dot product is not a function of k alone. It is computed at p = start.
  if (spec.lone_sine()) {
    const double w = omega_of(spec, spec.pairs());
    const double p = static_cast<double>(spec.start);
    for (std::size_t n = 0; n < dots.size(); ++n) {
      dots[n] += std::sin(p * w) * std::sin((p + first_offset + static_cast<double>(n)) * w);
    }
  }
  return dots;
}

Status check_gram(const Spec& spec) {
  if (spec.positions > kMaxGramPositions) {
    return make_error(ErrorCode::size_limit, "positions", "gram_positions_cap",
                      {{"max", double(kMaxGramPositions)}, {"got", double(spec.positions)}});
  }
  const std::int64_t work = std::int64_t{spec.positions} * spec.positions * spec.d_model;
  if (work > kMaxGramWork) {
    return make_error(ErrorCode::size_limit, "positions", "gram_work_cap",
                      {{"max", double(kMaxGramWork)},
                       {"rows", double(spec.positions)},
                       {"cols", double(spec.d_model)},
                       {"got", double(work)}});
  }
  return Ok{};
}

Status gram_into(const Spec& spec, std::span<const float> matrix, std::span<float> out) {
  if (auto s = check_gram(spec); !s) return s;
  const std::size_t n = spec.positions;
  const std::size_t d = spec.d_model;
  if (matrix.size() != n * d || out.size() != n * n) {
    const bool input_ok = matrix.size() == n * d;
    return make_error(ErrorCode::invalid_argument, input_ok ? "out" : "matrix", "length_mismatch",
                      {{"expected", double(input_ok ? n * n : n * d)},
                       {"got", double(input_ok ? out.size() : matrix.size())}});
  }
  for (std::size_t a = 0; a < n; ++a) {
    const float* row_a = matrix.data() + a * d;
    for (std::size_t b = a; b < n; ++b) {  // symmetric: compute the upper triangle, mirror it
      const float* row_b = matrix.data() + b * d;
      double sum = 0;
      for (std::size_t j = 0; j < d; ++j) sum += double(row_a[j]) * double(row_b[j]);
      out[a * n + b] = out[b * n + a] = static_cast<float>(sum);
    }
  }
  return Ok{};
}

Result<std::vector<RotationBlock>> rotation_blocks(const Spec& spec, double offset) {
  if (auto s = check_offset(offset); !s) return s.error();
  std::vector<RotationBlock> blocks(spec.pairs());
  for (int i = 0; i < spec.pairs(); ++i) {
    const double angle = offset * omega_of(spec, i);
    blocks[i] = {std::cos(angle), std::sin(angle)};
  }
  return blocks;
}

Result<double> rotation_residual(const Spec& spec, double position, double offset) {
  if (auto s = check_position("position", position); !s) return s.error();
  if (auto s = check_offset(offset); !s) return s.error();
  if (const double sum = position + offset; sum < 0 || sum > double(kMaxPosition)) {
    return make_error(ErrorCode::invalid_argument, "offset", "position_plus_offset",
                      {{"max", double(kMaxPosition)}, {"got", sum}});
  }
  const auto blocks = rotation_blocks(spec, offset).value();
  const auto here = vector_at(spec, position).value();
  const auto there = vector_at(spec, position + offset).value();
  // Gather each pair's (sin, cos) wherever the layout put them, rotate, compare.
  std::vector<int> sin_column(spec.pairs()), cos_column(spec.pairs());
  for (int j = 0; j < spec.d_model; ++j) {
    const Column column = column_of(spec, j);
    if (column.wave == Wave::sin) sin_column[column.pair] = j;
    if (column.wave == Wave::cos) cos_column[column.pair] = j;
  }
  double worst = 0;
  for (int i = 0; i < spec.pairs(); ++i) {
    const double s = here[sin_column[i]];
    const double c = here[cos_column[i]];
    const double rotated_sin = blocks[i].cos_kw * s + blocks[i].sin_kw * c;
    const double rotated_cos = -blocks[i].sin_kw * s + blocks[i].cos_kw * c;
    worst = std::max({worst, std::abs(rotated_sin - there[sin_column[i]]),
                      std::abs(rotated_cos - there[cos_column[i]])});
  }
  return worst;
}

}  // namespace pe
