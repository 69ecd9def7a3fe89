#include "axial.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "pe/spec.hpp"

namespace pe {

namespace {

Status check_theta(double theta) {
  return check_parameter(parameter(kAxialParameters, "theta"), theta);  // > 0, at most 1e12
}

}  // namespace

Result<AxialSpec> make_axial_spec(std::span<const double> axes_dim, double theta) {
  if (axes_dim.empty() || axes_dim.size() > std::size_t(kMaxAxialAxes)) {
    return make_error(ErrorCode::invalid_argument, "axes_dim", "list_length",
                      {{"max", double(kMaxAxialAxes)}, {"got", double(axes_dim.size())}});
  }
  AxialSpec spec;
  int sum = 0;
  for (std::size_t i = 0; i < axes_dim.size(); ++i) {
    const double d = axes_dim[i];
    // rope() asserts dim % 2 == 0; an empty axis would add nothing.
    if (!std::isfinite(d) || d != std::floor(d) || d < 2 || d > kMaxAxialDim ||
        std::fmod(d, 2) != 0) {
      return make_error(ErrorCode::invalid_argument, "axes_dim", "not_in_array",
                        {{"index", double(i)},
                         {"expected", "an even integer from 2 to " + std::to_string(kMaxAxialDim)},
                         {"got", format_number(d)}});
    }
    sum += int(d);
    spec.axes_dim.push_back(int(d));
  }
  if (sum > kMaxAxialDim) {
    return make_error(ErrorCode::size_limit, "axes_dim", "work_cap",
                      {{"max", double(kMaxAxialDim)}, {"got", double(sum)}});
  }
  if (auto s = check_theta(theta); !s) return s.error();
  spec.theta = theta;
  spec.pairs = sum / 2;
  return spec;
}

Result<std::vector<double>> axial_rope_angles(const AxialSpec& spec, std::span<const double> ids) {
  const std::size_t axes = spec.axes_dim.size();
  if (ids.size() % axes != 0) {
    return make_error(ErrorCode::invalid_argument, "ids", "multiple_of",
                      {{"name", std::string("ids.length (tokens x axes, row-major)")},
                       {"step", double(axes)},
                       {"got", double(ids.size())}});
  }
  const std::size_t tokens = ids.size() / axes;
  if (double(tokens) * spec.pairs > double(kMaxAxialAngles)) {
    return make_error(ErrorCode::size_limit, "ids", "work_cap",
                      {{"max", double(kMaxAxialAngles)}, {"got", double(tokens) * spec.pairs}});
  }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (!std::isfinite(ids[i]) || std::fabs(ids[i]) > kMaxAxialId) {
      return make_error(ErrorCode::invalid_argument, "ids", "not_in_array",
                        {{"index", double(i)},
                         {"expected", std::string("a finite number, |id| <= 1e9")},
                         {"got", format_number(ids[i])}});
    }
  }
  // rope(): scale = arange(0, dim, 2) / dim, omega = 1 / theta**scale, angle = pos * omega
  // (float64).
  std::vector<double> omega;
  for (const int dim : spec.axes_dim)
    for (int k = 0; k < dim; k += 2) omega.push_back(1.0 / std::pow(spec.theta, double(k) / dim));
  std::vector<double> out(tokens * std::size_t(spec.pairs));
  for (std::size_t n = 0; n < tokens; ++n) {
    std::size_t column = 0;
    for (std::size_t a = 0; a < axes; ++a) {
      const double id = ids[n * axes + a];
      for (int k = 0; k < spec.axes_dim[a] / 2; ++k, ++column)
        out[n * std::size_t(spec.pairs) + column] = id * omega[column];
    }
  }
  return out;
}

Result<VisionAngles> vision_rope_angles(const VisionOptions& o) {
  if (auto s = check_integer("head_dim", o.head_dim, 4, kMaxAxialDim); !s) return s.error();
  if (std::fmod(o.head_dim, 4) != 0) {
    // VisionRotaryEmbedding(head_dim // 2) has head_dim / 4 frequencies, one block for h, one for
    // w.
    return make_error(ErrorCode::invalid_argument, "head_dim", "multiple_of",
                      {{"step", 4.0}, {"got", o.head_dim}});
  }
  if (auto s = check_theta(o.theta); !s) return s.error();
  if (auto s = check_integer("spatial_merge_size", o.spatial_merge_size, 1, 16); !s)
    return s.error();
  const char* names[3] = {"grid[0] (t)", "grid[1] (h)", "grid[2] (w)"};
  for (int axis = 0; axis < 3; ++axis) {
    const double v = o.grid[std::size_t(axis)];
    if (!std::isfinite(v) || v != std::floor(v) || v < 1 || v > kMaxVisionGridSide) {
      return make_error(ErrorCode::invalid_argument, "grid", "integer_range",
                        {{"name", std::string(names[axis])},
                         {"min", 1.0},
                         {"max", double(kMaxVisionGridSide)},
                         {"got", v}});
    }
    if (axis > 0 && std::fmod(v, o.spatial_merge_size) != 0) {
      return make_error(ErrorCode::invalid_argument, "grid", "multiple_of",
                        {{"name", std::string(names[axis]) + " (spatialMergeSize " +
                                      format_number(o.spatial_merge_size) + ")"},
                         {"step", o.spatial_merge_size},
                         {"got", v}});
    }
  }
  const int merge = int(o.spatial_merge_size), quarter = int(o.head_dim) / 4;
  const std::int64_t t = std::int64_t(o.grid[0]), h = std::int64_t(o.grid[1]),
                     w = std::int64_t(o.grid[2]);
  const double values = double(t) * double(h) * double(w) * 2 * quarter;
  if (values > double(kMaxAxialAngles)) {
    return make_error(ErrorCode::size_limit, "grid", "work_cap",
                      {{"name", std::string("t x h x w x headDim / 2")},
                       {"max", double(kMaxAxialAngles)},
                       {"got", values}});
  }
  // inv_freq = 1 / theta^(arange(0, dim, 2) / dim), dim = head_dim / 2.
  const double dim = o.head_dim / 2;
  std::vector<double> inv_freq(static_cast<std::size_t>(quarter));
  for (int k = 0; k < quarter; ++k)
    inv_freq[std::size_t(k)] = 1.0 / std::pow(o.theta, 2.0 * k / dim);
  VisionAngles out;
  out.patches = t * h * w;
  out.columns = 2 * quarter;
  out.angles.resize(std::size_t(out.patches) * std::size_t(out.columns));
  double* row = out.angles.data();
  for (std::int64_t f = 0; f < t; ++f)
    for (std::int64_t br = 0; br < h / merge; ++br)
      for (std::int64_t bc = 0; bc < w / merge; ++bc)
        for (int r = 0; r < merge; ++r)
          for (int c = 0; c < merge; ++c, row += out.columns) {
            const double y = double(br * merge + r), x = double(bc * merge + c);
            for (int k = 0; k < quarter; ++k) {
              row[k] = y * inv_freq[std::size_t(k)];
              row[quarter + k] = x * inv_freq[std::size_t(k)];
            }
          }
  return out;
}

namespace {

// pe-export's "16,56,56" -> {16, 56, 56}; an error naming `name` for text that is not such a list.
Result<std::vector<double>> parse_number_list(const std::string& name, const std::string& text) {
  std::vector<double> out;
  std::size_t at = 0;
  while (at <= text.size()) {
    const std::size_t comma = std::min(text.find(',', at), text.size());
    const std::string item = text.substr(at, comma - at);
    char* end = nullptr;
    const double value = item.empty() ? 0 : std::strtod(item.c_str(), &end);
    if (item.empty() || *end != '\0') {
      return make_error(ErrorCode::invalid_argument, name, "not_array",
                        {{"expected", std::string("numbers separated by commas, like 16,56,56")},
                         {"got", "\"" + text + "\""}});
    }
    out.push_back(value);
    at = comma + 1;
  }
  return out;
}

// pe-export --scheme axial: FLUX's angles for its text and image ids, (tokens, sum(axes_dim) / 2).
[[maybe_unused]] Result<Table> axial_table(const ParameterValues& values) {
  const auto axes = parse_number_list("axes_dim", values.texts.at("axes_dim"));
  if (!axes) return axes.error();
  const auto spec = make_axial_spec(axes.value(), values.numbers.at("theta"));
  if (!spec) return spec.error();
  const double rows = values.numbers.at("grid_height"), cols = values.numbers.at("grid_width"),
               text = values.numbers.at("text_tokens");
  if (auto s = check_parameter(parameter(kAxialParameters, "grid_height"), rows); !s)
    return s.error();
  if (auto s = check_parameter(parameter(kAxialParameters, "grid_width"), cols); !s)
    return s.error();
  if (auto s = check_parameter(parameter(kAxialParameters, "text_tokens"), text); !s)
    return s.error();
  const std::size_t n_axes = spec.value().axes_dim.size();
  const double tokens = text + rows * cols;
  if (tokens * spec.value().pairs > double(kMaxAxialAngles)) {
    return make_error(ErrorCode::size_limit, "grid_width", "work_cap",
                      {{"max", double(kMaxAxialAngles)}, {"got", tokens * spec.value().pairs}});
  }
  std::vector<double> ids(std::size_t(tokens) * n_axes, 0.0);
  for (std::size_t r = 0; r < std::size_t(rows); ++r)
    for (std::size_t c = 0; c < std::size_t(cols); ++c) {
      double* id = ids.data() + (std::size_t(text) + r * std::size_t(cols) + c) * n_axes;
      // FLUX's img_ids (0, row, column): the last two axes are the row and the column, the others
      // 0; a single axis gets the index in the image.
      if (n_axes == 1) {
        id[0] = double(r * std::size_t(cols) + c);
      } else {
        id[n_axes - 2] = double(r);
        id[n_axes - 1] = double(c);
      }
    }
  const auto angles = axial_rope_angles(spec.value(), ids);
  if (!angles) return angles.error();
  Table table;
  table.floats.assign(angles.value().begin(), angles.value().end());
  table.shape = {std::size_t(tokens), std::size_t(spec.value().pairs)};
  return table;
}

}  // namespace

const SchemeInfo& axial_scheme() {
  static const SchemeInfo info{
      "axial", "axial RoPE angles (FLUX's EmbedND) and the Qwen-VL vision tower's 2-D RoPE",
      kAxialParameters, "(tokens, sum(axes_dim) / 2) float32: FLUX's angles, text then image",
      PE_EXPORT_TABLE(axial_table)};
  return info;
}

}  // namespace pe
