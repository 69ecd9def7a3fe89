#include "pe/spec.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace pe {

std::string format_number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  char text[32];
  if (value == std::floor(value) && std::abs(value) < 1e16) {  // whole numbers in full: 1000000000
    std::snprintf(text, sizeof text, "%.0f", value);
    return text;
  }
  // %.17g always reads back exactly; try shorter precisions first so 0.1 prints as "0.1".
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(text, sizeof text, "%.*g", precision, value);
    if (std::strtod(text, nullptr) == value) break;
  }
  return text;
}

namespace {

Error invalid(std::string_view name, std::string message) {
  return Error{ErrorCode::invalid_argument, std::string(name), std::move(message)};
}

}  // namespace

Status check_integer(std::string_view name, double value, double min, double max) {
  const std::string range = "an integer from " + format_number(min) + " to " + format_number(max);
  if (!std::isfinite(value) || value != std::floor(value) || value < min || value > max) {
    return invalid(name, std::string(name) + " must be " + range + "; got " + format_number(value));
  }
  return Ok{};
}

Status check_base(double base) {
  if (!std::isfinite(base) || !(base > 1)) {
    return invalid("base",
                   "base must be a finite number greater than 1; got " + format_number(base));
  }
  return Ok{};
}

Result<Layout> parse_layout(std::string_view text) {
  if (text == "interleaved") return Layout::interleaved;
  if (text == "split") return Layout::split;
  if (text == "split_cos_first") return Layout::split_cos_first;
  return invalid("layout", "layout must be one of interleaved, split, split_cos_first; got \"" +
                               std::string(text) + "\"");
}

Result<Frequencies> parse_frequencies(std::string_view text) {
  if (text == "paper") return Frequencies::paper;
  if (text == "tensor2tensor") return Frequencies::tensor2tensor;
  return invalid("frequencies", "frequencies must be one of paper, tensor2tensor; got \"" +
                                    std::string(text) + "\"");
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
  if (auto s = check_integer("d_model", options.d_model, 1, kMaxDModel); !s) return s.error();
  if (auto s = check_integer("positions", options.positions, 1, kMaxPositions); !s)
    return s.error();
  if (auto s = check_integer("start", options.start, 0, double(kMaxPosition)); !s) return s.error();
  if (auto s = check_base(options.base); !s) return s.error();
  auto layout = parse_layout(options.layout);
  if (!layout) return layout.error();
  auto frequencies = parse_frequencies(options.frequencies);
  if (!frequencies) return frequencies.error();

  Spec spec;
  spec.d_model = static_cast<int>(options.d_model);
  spec.positions = static_cast<int>(options.positions);
  spec.start = static_cast<std::int64_t>(options.start);
  spec.base = options.base;
  spec.layout = layout.value();
  spec.frequencies = frequencies.value();

  if (spec.start + spec.positions - 1 > kMaxPosition) {
    return invalid("start", "start + positions - 1 must be at most " + format_number(kMaxPosition) +
                                "; got " + format_number(double(spec.start + spec.positions - 1)));
  }
  const auto elements = static_cast<std::int64_t>(spec.element_count());
  if (elements > kMaxElements) {
    return Error{ErrorCode::size_limit, "positions",
                 "positions x d_model must be at most " + format_number(double(kMaxElements)) +
                     " values (64 MiB of float32); got " + std::to_string(spec.positions) + " x " +
                     std::to_string(spec.d_model) + " = " + std::to_string(elements)};
  }
  return spec;
}

Column column_of(const Spec& spec, int dimension) {
  const int h = spec.pairs();
  switch (spec.layout) {
    case Layout::interleaved:
      if (dimension < 2 * h) return {dimension / 2, dimension % 2 == 0 ? Wave::sin : Wave::cos};
      break;
    case Layout::split:
      if (dimension < h) return {dimension, Wave::sin};
      if (dimension < 2 * h) return {dimension - h, Wave::cos};
      break;
    case Layout::split_cos_first:
      if (dimension < h) return {dimension, Wave::cos};
      if (dimension < 2 * h) return {dimension - h, Wave::sin};
      break;
  }
  return {-1, Wave::zero};
}

double omega_of(const Spec& spec, int pair) {
  if (spec.frequencies == Frequencies::paper) {
    return std::pow(spec.base, -2.0 * pair / spec.d_model);
  }
  // tensor2tensor's get_timing_signal_1d: log_timescale_increment = log(base) / max(h - 1, 1).
  const int denominator = spec.pairs() > 1 ? spec.pairs() - 1 : 1;
  return std::pow(spec.base, -static_cast<double>(pair) / denominator);
}

}  // namespace pe
