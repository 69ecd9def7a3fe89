// Binds rounding to low-precision formats and the precision error of an encoding's computation.
#include "rope/bindings.hpp"

#include <emscripten/bind.h>

#include <vector>

#include "common.hpp"
#include "pe/analysis.hpp"
#include "precision.hpp"

namespace pe::bindings {
namespace {

// Rounds the float64 values JS put in the position buffer (float64, so nothing is rounded twice).
val round_buffer(const std::string& format_name) {
  const TrimInputs trim;
  PE_TRY_LET(format, parse_number_format(format_name));
  const auto values = position_scratch().span();
  std::vector<double> out(values.size());
  for (std::size_t k = 0; k < values.size(); ++k) out[k] = round_to(values[k], format);
  return copy_out(std::span<const double>(out));
}

// Checks a format name (roundTo of no values still names a bad format).
val check_format(const std::string& format_name) {
  PE_TRY(parse_number_format(format_name));
  return val(true);
}

// The frequencies of the encoding the options describe: the sinusoidal spec's or RoPE's inv_freq.
Result<std::vector<double>> omega_from(const val& options, bool rope) {
  std::vector<double> omega;
  if (rope) {
    PE_TRY_LET(spec, rope_spec_from(options));
    omega = rope_inv_freq(spec);
  } else {
    PE_TRY_LET(spec, make_spec(options_from(options)));
    for (int i = 0; i < spec.frequency_count(); ++i) omega.push_back(omega_of(spec, i));
  }
  return omega;
}

struct FormatAndStage {
  NumberFormat format;
  PrecisionStage stage;
};
Result<FormatAndStage> format_and_stage(const std::string& format_name,
                                        const std::string& stage_name) {
  PE_TRY_LET(format, parse_number_format(format_name));
  PE_TRY_LET(stage, parse_precision_stage(stage_name));
  return FormatAndStage{format, stage};
}

val precision_of(const val& options, bool rope, double start, double count,
                 const std::string& format_name, const std::string& stage_name) {
  PE_TRY_LET(omega, omega_from(options, rope));
  PE_TRY_LET(how, format_and_stage(format_name, stage_name));
  PE_TRY(check_integer("start", start, 0, double(kMaxPosition)));
  PE_TRY_LET(report, precision_error(omega, static_cast<std::int64_t>(start), count, how.format,
                                     how.stage));
  const PrecisionReport& r = report;
  val out = val::object();
  out.set("errors", copy_out(std::span<const float>(r.errors)));
  out.set("pairs", static_cast<double>(omega.size()));
  out.set("maxError", r.max_error);
  out.set("firstBadPosition", static_cast<double>(r.first_bad_position));
  out.set("distinctVectors", static_cast<double>(r.distinct_vectors));
  out.set("collapsedGroups", static_cast<double>(r.collapsed_groups));
  val groups = val::array();
  for (const CollapseGroup& g : r.groups) {
    val group = val::object();
    val positions = val::array();
    for (const std::int64_t p : g.positions) positions.call<void>("push", static_cast<double>(p));
    group.set("positions", positions);
    group.set("size", static_cast<double>(g.size));
    groups.call<void>("push", group);
  }
  out.set("groups", groups);
  return out;
}

// The error heatmap at canvas resolution (pe::render_precision). `view` holds numbers checked here.
val render_precision_of(const val& options, bool rope, const std::string& format_name,
                        const std::string& stage_name, const val& view) {
  PE_TRY_LET(omega, omega_from(options, rope));
  PE_TRY_LET(how, format_and_stage(format_name, stage_name));
  PrecisionRender r;
  const double pairs = static_cast<double>(omega.size());
  struct Field {
    const char* name;
    double min, max;
  };
  const Field fields[] = {{"width", 1, kMaxImageSide},
                          {"height", 1, kMaxImageSide},
                          {"start", 0, double(kMaxPosition)},
                          {"positions", 1, double(kMaxPosition) + 1},
                          {"pair0", 0, pairs - 1},
                          {"pairs", 1, pairs},
                          {"samples", 1, kMaxPrecisionSamples}};
  double v[7];
  for (int k = 0; k < 7; ++k) {
    v[k] = view[fields[k].name].as<double>();
    if (k == 5 && v[k] == -1) v[k] = pairs - v[4];  // not given: every pair from pair0 on
    PE_TRY(check_integer(fields[k].name, v[k], fields[k].min, fields[k].max));
  }
  r.width = static_cast<int>(v[0]);
  r.height = static_cast<int>(v[1]);
  r.start = static_cast<std::int64_t>(v[2]);
  r.count = v[3];
  r.pair0 = static_cast<int>(v[4]);
  r.pair_count = static_cast<int>(v[5]);
  r.samples = static_cast<int>(v[6]);
  r.low = view["low"].as<double>();
  r.high = view["high"].as<double>();
  return pixels_of(r.width, r.height, [&](std::span<std::uint8_t> rgba) {
    return render_precision(omega, r, how.format, how.stage, rgba);
  });
}

// What each format holds, from the same bit layouts round_to uses.
val number_formats() {
  val out = val::object();
  for (const auto& [name, format] :
       {std::pair{"float32", NumberFormat::float32}, std::pair{"float16", NumberFormat::float16},
        std::pair{"bfloat16", NumberFormat::bfloat16}}) {
    const FormatFacts f = facts_of(format);
    val facts = val::object();
    facts.set("precision", f.precision);
    facts.set("minExponent", f.min_exponent);
    facts.set("maxExponent", f.max_exponent);
    facts.set("largest", f.largest);
    facts.set("maxExactInteger", f.max_exact_integer);
    out.set(name, facts);
  }
  return out;
}

}  // namespace
}  // namespace pe::bindings

EMSCRIPTEN_BINDINGS(precision) {
  using namespace pe::bindings;
  emscripten::function("_roundBuffer", &round_buffer);
  emscripten::function("_checkFormat", &check_format);
  emscripten::function("_precisionError", &precision_of);
  emscripten::function("_renderPrecision", &render_precision_of);
  emscripten::function("_numberFormats", &number_formats);
}
