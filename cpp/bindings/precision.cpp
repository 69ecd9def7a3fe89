// Binds rounding to low-precision formats and the precision error of an encoding's computation.
#include "pe/precision.hpp"

#include <emscripten/bind.h>

#include <vector>

#include "common.hpp"
#include "pe/analysis.hpp"
#include "rope.hpp"

namespace pe::bindings {
namespace {

// Rounds the float64 values JS put in the position buffer (float64, so nothing is rounded twice).
val round_buffer(const std::string& format_name) {
  const TrimInputs trim;
  const auto format = parse_number_format(format_name);
  if (!format) return error_value(format.error());
  const auto values = position_scratch().span();
  std::vector<double> out(values.size());
  for (std::size_t k = 0; k < values.size(); ++k) out[k] = round_to(values[k], format.value());
  return copy_out(std::span<const double>(out));
}

// Checks a format name (roundTo of no values still names a bad format).
val check_format(const std::string& format_name) {
  const auto format = parse_number_format(format_name);
  if (!format) return error_value(format.error());
  return val(true);
}

// omega comes from the sinusoidal spec or the RoPE spec, whichever the options describe.
val precision_of(const val& options, bool rope, double start, double count,
                 const std::string& format_name, const std::string& stage_name) {
  std::vector<double> omega;
  if (rope) {
    const auto spec = rope_spec_from(options);
    if (!spec) return error_value(spec.error());
    omega = rope_inv_freq(spec.value());
  } else {
    const auto spec = make_spec(options_from(options));
    if (!spec) return error_value(spec.error());
    for (int i = 0; i < spec.value().frequency_count(); ++i)
      omega.push_back(omega_of(spec.value(), i));
  }
  const auto format = parse_number_format(format_name);
  if (!format) return error_value(format.error());
  const auto stage = parse_precision_stage(stage_name);
  if (!stage) return error_value(stage.error());
  if (auto s = check_integer("start", start, 0, double(kMaxPosition)); !s)
    return error_value(s.error());
  const auto report = precision_error(omega, static_cast<std::int64_t>(start), count,
                                      format.value(), stage.value());
  if (!report) return error_value(report.error());
  val out = val::object();
  out.set("errors", copy_out(std::span<const float>(report.value().errors)));
  out.set("pairs", static_cast<double>(omega.size()));
  out.set("maxError", report.value().max_error);
  out.set("firstBadPosition", static_cast<double>(report.value().first_bad_position));
  out.set("distinctVectors", static_cast<double>(report.value().distinct_vectors));
  return out;
}

}  // namespace
}  // namespace pe::bindings

EMSCRIPTEN_BINDINGS(precision) {
  using namespace pe::bindings;
  emscripten::function("_roundBuffer", &round_buffer);
  emscripten::function("_checkFormat", &check_format);
  emscripten::function("_precisionError", &precision_of);
}
