#include "grid2d.hpp"

#include <algorithm>
#include <cmath>

#include "pe/spec.hpp"

namespace pe {
namespace {

// sin(p w_i) and cos(p w_i) for every p < count and i < d/4: the blocks every patch vector is made
// of (x uses the column's block, y the row's), computed once instead of once per patch.
struct Blocks {
  int quarter = 0;
  std::vector<double> sin, cos;  // count x quarter
  const double* sin_of(int p) const { return sin.data() + std::size_t(p) * quarter; }
  const double* cos_of(int p) const { return cos.data() + std::size_t(p) * quarter; }
};

Blocks blocks(const Grid2dSpec& spec, int count) {
  Blocks b;
  b.quarter = spec.d_model / 4;
  b.sin.resize(std::size_t(count) * b.quarter);
  b.cos.resize(b.sin.size());
  for (int i = 0; i < b.quarter; ++i) {
    const double omega = 1.0 / std::pow(spec.base, double(i) / b.quarter);
    for (int p = 0; p < count; ++p) {
      b.sin[std::size_t(p) * b.quarter + i] = std::sin(p * omega);
      b.cos[std::size_t(p) * b.quarter + i] = std::cos(p * omega);
    }
  }
  return b;
}

// The dot product of two half-vectors [sin block, cos block] at p and q.
double half_dot(const Blocks& b, int p, int q) {
  double sum = 0;
  for (int i = 0; i < b.quarter; ++i) {
    sum += b.sin_of(p)[i] * b.sin_of(q)[i] + b.cos_of(p)[i] * b.cos_of(q)[i];
  }
  return sum;
}

}  // namespace

Result<Grid2dSpec> make_grid2d_spec(double d_model, double grid_height, double grid_width,
                                    double base, bool cls_token) {
  const auto& table = kSincos2dParameters;
  if (auto s = check_parameter(parameter(table, "d_model"), d_model); !s) return s.error();
  if (static_cast<int>(d_model) % 4 != 0) {
    return make_error(ErrorCode::invalid_argument, "d_model", "multiple_of",
                      {{"step", 4.0}, {"got", d_model}});
  }
  if (auto s = check_parameter(parameter(table, "grid_height"), grid_height); !s) return s.error();
  if (auto s = check_parameter(parameter(table, "grid_width"), grid_width); !s) return s.error();
  if (auto s = check_parameter(parameter(table, "base"), base); !s) return s.error();
  Grid2dSpec spec{static_cast<int>(d_model), static_cast<int>(grid_height),
                  static_cast<int>(grid_width), base, cls_token};
  if (const double values = double(spec.rows()) * spec.d_model; values > double(kMaxElements)) {
    return make_error(ErrorCode::size_limit, "grid_height", "elements_cap",
                      {{"max", double(kMaxElements)},
                       {"rows", double(spec.rows())},
                       {"cols", double(spec.d_model)},
                       {"got", values}});
  }
  return spec;
}

Status sincos2d_into(const Grid2dSpec& spec, std::span<float> out) {
  if (out.size() != spec.element_count()) {
    return make_error(ErrorCode::invalid_argument, "out", "length_mismatch",
                      {{"expected", double(spec.element_count())}, {"got", double(out.size())}});
  }
  const auto b = blocks(spec, std::max(spec.grid_height, spec.grid_width));
  const int q = b.quarter;
  std::size_t at = 0;
  if (spec.cls_token) {
    for (int j = 0; j < spec.d_model; ++j) out[at++] = 0.0f;  // the class token's row is zeros
  }
  for (int row = 0; row < spec.grid_height; ++row) {
    for (int col = 0; col < spec.grid_width; ++col) {
      // [sin(x w), cos(x w)] with x = col, then [sin(y w), cos(y w)] with y = row.
      for (int i = 0; i < q; ++i) out[at + i] = static_cast<float>(b.sin_of(col)[i]);
      for (int i = 0; i < q; ++i) out[at + q + i] = static_cast<float>(b.cos_of(col)[i]);
      for (int i = 0; i < q; ++i) out[at + 2 * q + i] = static_cast<float>(b.sin_of(row)[i]);
      for (int i = 0; i < q; ++i) out[at + 3 * q + i] = static_cast<float>(b.cos_of(row)[i]);
      at += spec.d_model;
    }
  }
  return Ok{};
}

Result<GridPart> parse_grid_part(std::string_view text) {
  if (text == "all") return GridPart::all;
  if (text == "x") return GridPart::x;
  if (text == "y") return GridPart::y;
  return make_error(ErrorCode::invalid_argument, "part", "one_of",
                    {{"allowed", std::string("all, x, y")}, {"got", std::string(text)}});
}

Result<GridSimilarities> grid2d_similarities(const Grid2dSpec& spec, double row, double col) {
  if (auto s = check_integer("row", row, 0, spec.grid_height - 1); !s) return s.error();
  if (auto s = check_integer("col", col, 0, spec.grid_width - 1); !s) return s.error();
  // A patch vector is [x half | y half]; dot products and norms split the same way, so the
  // similarity of (r0, c0) and (r, c) needs only the column pair's and the row pair's half-dots,
  // the same for all three parts.
  const auto b = blocks(spec, std::max(spec.grid_height, spec.grid_width));
  const int r0 = static_cast<int>(row), c0 = static_cast<int>(col);
  std::vector<double> dot_x(spec.grid_width), norm_x(spec.grid_width);
  std::vector<double> dot_y(spec.grid_height), norm_y(spec.grid_height);
  for (int c = 0; c < spec.grid_width; ++c) {
    dot_x[c] = half_dot(b, c0, c);
    norm_x[c] = half_dot(b, c, c);
  }
  for (int r = 0; r < spec.grid_height; ++r) {
    dot_y[r] = half_dot(b, r0, r);
    norm_y[r] = half_dot(b, r, r);
  }
  const std::size_t n = std::size_t(spec.grid_height) * spec.grid_width;
  GridSimilarities out{std::vector<double>(n), std::vector<double>(n), std::vector<double>(n)};
  for (int r = 0; r < spec.grid_height; ++r) {
    for (int c = 0; c < spec.grid_width; ++c) {
      const std::size_t at = std::size_t(r) * spec.grid_width + c;
      out.all[at] =
          (dot_x[c] + dot_y[r]) / std::sqrt((norm_x[c0] + norm_y[r0]) * (norm_x[c] + norm_y[r]));
      out.x[at] = dot_x[c] / std::sqrt(norm_x[c0] * norm_x[c]);
      out.y[at] = dot_y[r] / std::sqrt(norm_y[r0] * norm_y[r]);
    }
  }
  return out;
}

Result<std::vector<double>> grid2d_similarity(const Grid2dSpec& spec, double row, double col,
                                              GridPart part) {
  auto each = grid2d_similarities(spec, row, col);
  if (!each) return each.error();
  auto& s = each.value();
  return std::move(part == GridPart::x ? s.x : part == GridPart::y ? s.y : s.all);
}

namespace {

// pe-export --scheme sincos2d: (grid_height * grid_width [+ 1 with the class token], d_model).
[[maybe_unused]] Result<Table> grid2d_table(const ParameterValues& values) {
  const auto number = [&](const char* core) { return values.numbers.at(core); };
  const auto spec = make_grid2d_spec(number("d_model"), number("grid_height"), number("grid_width"),
                                     number("base"), values.texts.at("cls_token") == "true");
  if (!spec) return spec.error();
  Table table;
  table.floats.resize(spec.value().element_count());
  if (auto s = sincos2d_into(spec.value(), table.floats); !s) return s.error();
  table.shape = {std::size_t(spec.value().rows()), std::size_t(spec.value().d_model)};
  return table;
}

}  // namespace

const SchemeInfo& grid2d_scheme() {
  static const SchemeInfo info{
      "sincos2d", "MAE/ViT 2-D sin-cos: x in the first half, y in the second", kSincos2dParameters,
      "(grid_height * grid_width [+ 1 with --cls-token true], d_model)",
      PE_EXPORT_TABLE(grid2d_table)};
  return info;
}

}  // namespace pe
