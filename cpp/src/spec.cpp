#include "pe/spec.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

namespace pe {

Status check_integer(std::string_view name, double value, double min, double max) {
  if (!std::isfinite(value) || value != std::floor(value) || value < min || value > max) {
    return make_error(ErrorCode::invalid_argument, std::string(name), "integer_range",
                      {{"min", min}, {"max", max}, {"got", value}});
  }
  return Ok{};
}

// The enums list their values in the table's order (the tests check each name round-trips).
Result<Layout> parse_layout(std::string_view text) {
  auto index = check_choice(parameter(kSinusoidalParameters, "layout"), text);
  if (!index) return index.error();
  return static_cast<Layout>(index.value());
}

Result<Frequencies> parse_frequencies(std::string_view text) {
  auto index = check_choice(parameter(kSinusoidalParameters, "frequencies"), text);
  if (!index) return index.error();
  return static_cast<Frequencies>(index.value());
}

Result<OddRule> parse_odd(std::string_view text, Frequencies frequencies) {
  auto index = check_choice(parameter(kSinusoidalParameters, "odd"), text);
  if (!index) return index.error();
  if (index.value() == 0) {  // auto
    return frequencies == Frequencies::paper ? OddRule::extra_sine : OddRule::zero_column;
  }
  return index.value() == 1 ? OddRule::zero_column : OddRule::extra_sine;
}

std::string_view to_string(OddRule odd) {
  return odd == OddRule::zero_column ? "zero_column" : "extra_sine";
}

std::string_view to_string(Layout layout) {
  switch (layout) {
    case Layout::interleaved: return "interleaved";
    case Layout::split: return "split";
    case Layout::split_cos_first: return "split_cos_first";
  }
  return "?";
}

std::string_view to_string(Frequencies frequencies) {
  return frequencies == Frequencies::paper ? "paper" : "tensor2tensor";
}

Result<Spec> make_spec(const SinusoidalOptions& options) {
  const auto& table = kSinusoidalParameters;
  for (const auto& [p, value] : {std::pair{&parameter(table, "d_model"), options.d_model},
                                 std::pair{&parameter(table, "positions"), options.positions},
                                 std::pair{&parameter(table, "start"), options.start},
                                 std::pair{&parameter(table, "base"), options.base}}) {
    if (auto s = check_parameter(*p, value); !s) return s.error();
  }
  auto layout = parse_layout(options.layout);
  if (!layout) return layout.error();
  auto frequencies = parse_frequencies(options.frequencies);
  if (!frequencies) return frequencies.error();
  auto odd = parse_odd(options.odd, frequencies.value());
  if (!odd) return odd.error();

  Spec spec;
  spec.d_model = static_cast<int>(options.d_model);
  spec.positions = static_cast<int>(options.positions);
  spec.start = static_cast<std::int64_t>(options.start);
  spec.base = options.base;
  spec.layout = layout.value();
  spec.frequencies = frequencies.value();
  spec.odd = odd.value();

  if (spec.start + spec.positions - 1 > kMaxPosition) {
    return make_error(
        ErrorCode::invalid_argument, "start", "position_cap",
        {{"max", double(kMaxPosition)}, {"got", double(spec.start + spec.positions - 1)}});
  }
  // In 64 bits: size_t is 32 bits in wasm, where 2^20 x 8192 would wrap to 0 and pass the cap.
  const std::int64_t elements = std::int64_t{spec.positions} * spec.d_model;
  if (elements > kMaxElements) {
    return make_error(ErrorCode::size_limit, "positions", "elements_cap",
                      {{"max", double(kMaxElements)},
                       {"rows", double(spec.positions)},
                       {"cols", double(spec.d_model)},
                       {"got", double(elements)}});
  }
  return spec;
}

Column column_of(const Spec& spec, int dimension) {
  const int h = spec.pairs();
  // With a lone sine (extra_sine, odd d) there are h + 1 sines: interleaved puts it last; split
  // (Marian) has sines [0, h + 1) then cosines; split_cos_first has cosines [0, h) then h + 1
  // sines.
  const int sines = spec.lone_sine() ? h + 1 : h;
  switch (spec.layout) {
    case Layout::interleaved:
      if (dimension < 2 * h) return {dimension / 2, dimension % 2 == 0 ? Wave::sin : Wave::cos};
      if (spec.lone_sine() && dimension == 2 * h) return {h, Wave::sin};
      break;
    case Layout::split:
      if (dimension < sines) return {dimension, Wave::sin};
      if (dimension < sines + h) return {dimension - sines, Wave::cos};
      break;
    case Layout::split_cos_first:
      if (dimension < h) return {dimension, Wave::cos};
      if (dimension < h + sines) return {dimension - h, Wave::sin};
      break;
  }
  return {-1, Wave::zero};
}

double omega_of(const Spec& spec, int pair) {
  if (spec.frequencies == Frequencies::paper) {
    // extra_sine applies the formula over the true d; zero_column over the 2 * floor(d/2) columns
    // that hold pairs (the two agree for an even d).
    const int denominator = spec.odd == OddRule::extra_sine ? spec.d_model : 2 * spec.pairs();
    return std::pow(spec.base, -2.0 * pair / std::max(denominator, 1));
  }
  // tensor2tensor's get_timing_signal_1d: log_timescale_increment = log(base) / max(h - 1, 1).
  const int denominator = spec.pairs() > 1 ? spec.pairs() - 1 : 1;
  return std::pow(spec.base, -static_cast<double>(pair) / denominator);
}

}  // namespace pe
