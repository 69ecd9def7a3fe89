#include "alibi.hpp"

#include <cmath>
#include <limits>

#include "pe/spec.hpp"

namespace pe {
namespace {

// get_slopes_power_of_2(n): start = 2 ** (-(2 ** -(log2(n) - 3))); [start * start ** i].
std::vector<double> slopes_power_of_2(int n) {
  const double start = std::pow(2.0, -std::pow(2.0, -(std::log2(double(n)) - 3)));
  std::vector<double> out(n);
  for (int i = 0; i < n; ++i) out[i] = start * std::pow(start, double(i));
  return out;
}

std::vector<double> slopes(int n) {
  const double exponent = std::log2(double(n));
  if (exponent == std::floor(exponent)) return slopes_power_of_2(n);
  const int closest = 1 << static_cast<int>(std::floor(exponent));
  std::vector<double> out = slopes_power_of_2(closest);
  const std::vector<double> doubled = slopes(2 * closest);  // [0::2][: n - closest]
  for (int i = 0; static_cast<int>(out.size()) < n; i += 2) out.push_back(doubled[i]);
  return out;
}

}  // namespace

Result<std::vector<double>> alibi_slopes(double heads) {
  if (auto s = check_integer("heads", heads, 1, kMaxHeads); !s) return s.error();
  return slopes(static_cast<int>(heads));
}

Result<AlibiForm> parse_alibi_form(std::string_view text) {
  auto index = check_choice(parameter(kAlibiParameters, "form"), text);
  if (!index) return index.error();
  return static_cast<AlibiForm>(index.value());  // AlibiForm lists the table's choices in order
}

Result<AlibiSpec> make_alibi_spec(double heads, double positions, bool causal,
                                  std::string_view form, bool whole_tensor) {
  auto s = alibi_slopes(heads);
  if (!s) return s.error();
  if (auto c = check_integer("positions", positions, 1, kMaxPositions); !c) return c.error();
  auto parsed = parse_alibi_form(form);
  if (!parsed) return parsed.error();
  if (const double values = heads * positions * positions;
      whole_tensor && values > double(kMaxElements)) {
    return make_error(ErrorCode::size_limit, "positions", "product_cap",
                      {{"name", std::string("heads x positions")},
                       {"other", std::string("positions")},
                       {"max", double(kMaxElements)},
                       {"rows", heads},
                       {"cols", positions * positions},
                       {"got", values}});
  }
  AlibiSpec spec;
  spec.slopes = std::move(s.value());
  spec.positions = static_cast<int>(positions);
  spec.causal = causal;
  spec.form = parsed.value();
  return spec;
}

Status alibi_bias(const AlibiSpec& spec, std::span<float> out) {
  if (out.size() != spec.element_count()) {
    return make_error(ErrorCode::invalid_argument, "out", "length_mismatch",
                      {{"expected", double(spec.element_count())}, {"got", double(out.size())}});
  }
  const int n = spec.positions;
  const float masked = -std::numeric_limits<float>::infinity();
  std::size_t at = 0;
  for (const double slope : spec.slopes) {
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < n; ++j, ++at) {
        if (spec.causal && j > i) {
          out[at] = masked;
        } else if (spec.form == AlibiForm::key_position) {
          out[at] = static_cast<float>(slope * j);
        } else {
          out[at] = static_cast<float>(-slope * std::abs(i - j));
        }
      }
    }
  }
  return Ok{};
}

Result<std::vector<double>> alibi_attention(const AlibiSpec& spec, double head, double query) {
  if (auto s = check_integer("head", head, 0, double(spec.slopes.size()) - 1); !s) return s.error();
  if (auto s = check_integer("query", query, 0, spec.positions - 1); !s) return s.error();
  const double slope = spec.slopes[static_cast<std::size_t>(head)];
  const int i = static_cast<int>(query);
  std::vector<double> weights(spec.positions, 0.0);
  double largest = -std::numeric_limits<double>::infinity();
  for (int j = 0; j < spec.positions; ++j) {
    if (spec.causal && j > i) continue;
    const double bias = spec.form == AlibiForm::key_position ? slope * j : -slope * std::abs(i - j);
    weights[j] = bias;
    largest = std::max(largest, bias);
  }
  double total = 0;
  for (int j = 0; j < spec.positions; ++j) {
    if (spec.causal && j > i) continue;
    weights[j] = std::exp(weights[j] - largest);
    total += weights[j];
  }
  for (double& w : weights) w /= total;
  return weights;
}

Status render_alibi(const std::vector<double>& slopes, int head, double positions, bool causal,
                    AlibiForm form, int width, int height, double low, double high,
                    std::span<std::uint8_t> rgba) {
  if (auto c = check_integer("head", head, 0, double(slopes.size()) - 1); !c) return c;
  if (auto c = check_integer("positions", positions, 1, kMaxPositions); !c) return c;
  if (auto c = check_pixels(width, height); !c) return c;
  if (auto c = check_range(low, high); !c) return c;
  if (rgba.size() != std::size_t(width) * std::size_t(height) * 4) {
    return make_error(ErrorCode::invalid_argument, "rgba", "length_mismatch",
                      {{"expected", double(width) * height * 4}, {"got", double(rgba.size())}});
  }
  const double slope = slopes[head];
  const ColorScale colour(ColorMap::viridis, low, high);
  for (int y = 0; y < height; ++y) {
    const double i = std::floor((y + 0.5) * positions / height);
    for (int x = 0; x < width; ++x) {
      const double j = std::floor((x + 0.5) * positions / width);
      double value = std::numeric_limits<double>::quiet_NaN();  // masked: transparent
      if (!causal || j <= i) {
        value = form == AlibiForm::key_position ? slope * j : -slope * std::abs(i - j);
      }
      put_pixel(rgba, width, x, y, colour(value));
    }
  }
  return Ok{};
}

namespace {

// pe-export --scheme alibi: the (heads, positions, positions) bias, -inf above the diagonal
// (causal).
[[maybe_unused]] Result<Table> alibi_table(const ParameterValues& values) {
  const auto spec = make_alibi_spec(values.numbers.at("heads"), values.numbers.at("positions"),
                                    values.texts.at("causal") == "true", values.texts.at("form"));
  if (!spec) return spec.error();
  Table table;
  table.floats.resize(spec.value().element_count());
  if (auto s = alibi_bias(spec.value(), table.floats); !s) return s.error();
  table.shape = {spec.value().slopes.size(), std::size_t(spec.value().positions),
                 std::size_t(spec.value().positions)};
  return table;
}

}  // namespace

const SchemeInfo& alibi_scheme() {
  static const SchemeInfo info{
      "alibi", "linear biases added to attention scores", kAlibiParameters,
      "(heads, positions, positions): the bias, -inf above the diagonal (causal)",
      PE_EXPORT_TABLE(alibi_table)};
  return info;
}

}  // namespace pe
