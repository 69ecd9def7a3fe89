// Binds RoPE: inverse frequencies, rotating vectors, scores by distance, Hugging Face's tables.
// Vectors arrive in the module's input buffer (_inputView), positions in its position buffer.
#include "pe/rope.hpp"

#include <emscripten/bind.h>

#include <vector>

#include "pe/rope_scaling.hpp"
#include "rope.hpp"

namespace pe::bindings {

namespace {

// The flat scaling fields the JS API adds (ropeType, factor, ...; unset numbers NaN).
Result<ScaledRope> scaling_of(const RopeSpec& spec, const val& options) {
  const auto type = parse_rope_scaling_type(options["ropeType"].as<std::string>());
  if (!type) return type.error();
  RopeScaling s;
  s.type = type.value();
  const auto number = [&](const char* key) { return options[key].as<double>(); };
  s.factor = number("factor");
  s.original_max_position_embeddings = number("original");
  s.beta_fast = number("betaFast");
  s.beta_slow = number("betaSlow");
  s.mscale = number("mscale");
  s.mscale_all_dim = number("mscaleAllDim");
  s.attention_factor = number("attentionFactor");
  s.truncate = options["truncate"].as<bool>();
  s.low_freq_factor = number("lowFreqFactor");
  s.high_freq_factor = number("highFreqFactor");
  s.short_factor = emscripten::vecFromJSArray<double>(options["shortFactor"]);
  s.long_factor = emscripten::vecFromJSArray<double>(options["longFactor"]);
  RopeContext context;
  context.max_position_embeddings = number("maxPositions");
  context.original_max_position_embeddings = number("originalMaxPositions");
  context.sequence_length = number("sequenceLength");
  return scaled_rope(spec, s, context);
}

}  // namespace

// Reads {headDim, theta, rotaryDim, pairing} (checked and filled in by the JS wrapper) into a spec,
// with its context extension applied when the options carry one (ropeType and the rest).
Result<RopeSpec> rope_spec_from(const val& options) {
  RopeOptions o;
  o.head_dim = options["headDim"].as<double>();
  o.theta = options["theta"].as<double>();
  o.rotary_dim = options["rotaryDim"].as<double>();
  o.pairing = options["pairing"].as<std::string>();
  auto spec = make_rope_spec(o);
  if (!spec || options["ropeType"].isUndefined()) return spec;
  const auto scaled = scaling_of(spec.value(), options);
  if (!scaled) return scaled.error();
  RopeSpec out = spec.value();
  out.scaled_inv_freq = scaled.value().inv_freq;
  out.attention_scaling = scaled.value().attention_scaling;
  return out;
}

namespace {

// {invFreq, attentionScaling, factor, ramp, wavelengths}: the options' scaling (flattened by the JS
// API; unset numbers NaN) applied as the reference library does (pe/rope_scaling.hpp).
val rope_frequencies(const val& options) {
  RopeOptions o;
  o.head_dim = options["headDim"].as<double>();
  o.theta = options["theta"].as<double>();
  o.rotary_dim = options["rotaryDim"].as<double>();
  o.pairing = options["pairing"].as<std::string>();
  const auto spec = make_rope_spec(o);
  if (!spec) return error_value(spec.error());
  const auto scaled = scaling_of(spec.value(), options);
  if (!scaled) return error_value(scaled.error());
  const ScaledRope& r = scaled.value();
  val out = val::object();
  out.set("invFreq", copy_out(std::span<const double>(r.inv_freq)));
  out.set("attentionScaling", r.attention_scaling);
  out.set("factor", r.factor_used);
  out.set("rampLow", r.ramp_low);
  out.set("rampHigh", r.ramp_high);
  out.set("wavelengthLow", r.wavelength_low);
  out.set("wavelengthHigh", r.wavelength_high);
  return out;
}

// Rotates the rows in the input buffer for the positions in the position buffer.
val rope_apply_input(const val& options) {
  const auto spec = rope_spec_from(options);
  if (!spec) return error_value(spec.error());
  const TrimInputs trim;
  const auto in = input_scratch().span();
  Scratch<float> rotated;
  if (!rotated.reserve(in.size())) return error_value(out_of_memory(in.size() * 4));
  if (auto s = rope_apply(spec.value(), in, position_scratch().span(), rotated.span()); !s) {
    return error_value(s.error());
  }
  return copy_out(std::span<const float>(rotated.span()));
}

// q then k, head_dim each, in the input buffer.
val rope_scores_input(const val& options, double max_distance) {
  const auto spec = rope_spec_from(options);
  if (!spec) return error_value(spec.error());
  const TrimInputs trim;
  const auto both = input_scratch().span();
  const std::size_t d = spec.value().head_dim;
  if (both.size() != 2 * d) {
    return error_value(make_error(ErrorCode::invalid_argument, "q", "length_mismatch",
                                  {{"expected", double(d)}, {"got", double(both.size()) / 2}}));
  }
  const auto result = rope_scores(spec.value(), both.first(d), both.subspan(d), max_distance);
  if (!result) return error_value(result.error());
  val out = val::object();
  out.set("scores", copy_out(std::span<const double>(result.value().scores)));
  out.set("invarianceError", result.value().invariance_error);
  return out;
}

// {cos, sin}: rows x rotary_dim each.
val rope_tables_of(const val& options, double start, double rows) {
  const auto spec = rope_spec_from(options);
  if (!spec) return error_value(spec.error());
  if (auto s = check_integer("positions", rows, 1, kMaxPositions); !s)
    return error_value(s.error());
  if (auto s = check_integer("start", start, 0, double(kMaxPosition) - rows + 1); !s) {
    return error_value(s.error());
  }
  const double values = rows * spec.value().rotary_dim;
  if (values > double(kMaxElements)) {
    return error_value(make_error(ErrorCode::size_limit, "positions", "elements_cap",
                                  {{"max", double(kMaxElements)},
                                   {"rows", rows},
                                   {"cols", double(spec.value().rotary_dim)},
                                   {"got", values}}));
  }
  std::vector<float> c(static_cast<std::size_t>(values)), s(c.size());
  if (auto status = rope_tables(spec.value(), std::int64_t(start), int(rows), c, s); !status) {
    return error_value(status.error());
  }
  val out = val::object();
  out.set("cos", copy_out(std::span<const float>(c)));
  out.set("sin", copy_out(std::span<const float>(s)));
  return out;
}

// Hugging Face's cos or sin table at canvas resolution (pe::render_rope_table), up to 10^9
// positions.
val render_rope_table_of(const val& options, double start, double count, const std::string& part,
                         double width, double height) {
  const auto spec = rope_spec_from(options);
  if (!spec) return error_value(spec.error());
  if (part != "cos" && part != "sin") {
    return error_value(make_error(ErrorCode::invalid_argument, "part", "one_of",
                                  {{"allowed", std::string("cos, sin")}, {"got", part}}));
  }
  if (auto c = check_integer("start", start, 0, double(kMaxPosition)); !c)
    return error_value(c.error());
  return pixels_of(width, height, [&](std::span<std::uint8_t> rgba) {
    return render_rope_table(spec.value(), static_cast<std::int64_t>(start), count,
                             part == "cos" ? TablePart::cos : TablePart::sin,
                             static_cast<int>(width), static_cast<int>(height), rgba);
  });
}

}  // namespace
}  // namespace pe::bindings

EMSCRIPTEN_BINDINGS(rope) {
  using namespace pe::bindings;
  emscripten::function("_ropeFrequencies", &rope_frequencies);
  emscripten::function("_ropeApplyInput", &rope_apply_input);
  emscripten::function("_ropeScoresInput", &rope_scores_input);
  emscripten::function("_ropeTables", &rope_tables_of);
  emscripten::function("_renderRopeTable", &render_rope_table_of);
}
