// Binds RoPE: inverse frequencies, rotating vectors, scores by distance, Hugging Face's tables.
// Vectors arrive in the module's input buffer (_inputView), positions in its position buffer.
#include "bindings.hpp"

#include <emscripten/bind.h>

#include <vector>

#include "rope.hpp"
#include "rope_scaling.hpp"

namespace pe::bindings {

namespace {

// The flat scaling fields the JS API adds (ropeType, factor, ...; unset numbers NaN).
Result<ScaledRope> scaling_of(const RopeSpec& spec, const val& options) {
  PE_TRY_LET(type, parse_rope_scaling_type(options["ropeType"].as<std::string>()));
  RopeScaling s;
  s.type = type;
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
  PE_TRY_LET(spec, make_rope_spec(o));
  if (options["ropeType"].isUndefined()) return spec;
  PE_TRY_LET(scaled, scaling_of(spec, options));
  RopeSpec out = spec;
  out.scaled_inv_freq = scaled.inv_freq;
  out.attention_scaling = scaled.attention_scaling;
  return out;
}

namespace {

// {invFreq, attentionScaling, factor, ramp, wavelengths}: the options' scaling (flattened by the JS
// API; unset numbers NaN) applied as the reference library does (rope_scaling.hpp).
val rope_frequencies(const val& options) {
  RopeOptions o;
  o.head_dim = options["headDim"].as<double>();
  o.theta = options["theta"].as<double>();
  o.rotary_dim = options["rotaryDim"].as<double>();
  o.pairing = options["pairing"].as<std::string>();
  PE_TRY_LET(spec, make_rope_spec(o));
  PE_TRY_LET(scaled, scaling_of(spec, options));
  const ScaledRope& r = scaled;
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
  PE_TRY_LET(spec, rope_spec_from(options));
  const TrimInputs trim;
  const auto in = input_scratch().span();
  Scratch<float> rotated;
  PE_TRY(rotated.reserve(in.size()));
  PE_TRY(rope_apply(spec, in, position_scratch().span(), rotated.span()));
  return copy_out(std::span<const float>(rotated.span()));
}

// q then k, head_dim each, in the input buffer.
val rope_scores_input(const val& options, double max_distance) {
  PE_TRY_LET(spec, rope_spec_from(options));
  const TrimInputs trim;
  const auto both = input_scratch().span();
  const std::size_t d = spec.head_dim;
  if (both.size() != 2 * d) {
    return error_value(make_error(ErrorCode::invalid_argument, "q", "length_mismatch",
                                  {{"expected", double(d)}, {"got", double(both.size()) / 2}}));
  }
  PE_TRY_LET(result, rope_scores(spec, both.first(d), both.subspan(d), max_distance));
  val out = val::object();
  out.set("scores", copy_out(std::span<const double>(result.scores)));
  out.set("invarianceError", result.invariance_error);
  return out;
}

// {cos, sin}: rows x rotary_dim each.
val rope_tables_of(const val& options, double start, double rows) {
  PE_TRY_LET(spec, rope_spec_from(options));
  PE_TRY(check_integer("positions", rows, 1, kMaxPositions));
  PE_TRY(check_integer("start", start, 0, double(kMaxPosition) - rows + 1));
  const double values = rows * spec.rotary_dim;
  if (values > double(kMaxElements)) {
    return error_value(make_error(ErrorCode::size_limit, "positions", "elements_cap",
                                  {{"max", double(kMaxElements)},
                                   {"rows", rows},
                                   {"cols", double(spec.rotary_dim)},
                                   {"got", values}}));
  }
  std::vector<float> c(static_cast<std::size_t>(values)), s(c.size());
  PE_TRY(rope_tables(spec, std::int64_t(start), int(rows), c, s));
  val out = val::object();
  out.set("cos", copy_out(std::span<const float>(c)));
  out.set("sin", copy_out(std::span<const float>(s)));
  return out;
}

// Hugging Face's cos or sin table at canvas resolution (pe::render_rope_table), up to 10^9
// positions.
val render_rope_table_of(const val& options, double start, double count, const std::string& part,
                         double width, double height) {
  PE_TRY_LET(spec, rope_spec_from(options));
  if (part != "cos" && part != "sin") {
    return error_value(make_error(ErrorCode::invalid_argument, "part", "one_of",
                                  {{"allowed", std::string("cos, sin")}, {"got", part}}));
  }
  PE_TRY(check_integer("start", start, 0, double(kMaxPosition)));
  return pixels_of(width, height, [&](std::span<std::uint8_t> rgba) {
    return render_rope_table(spec, static_cast<std::int64_t>(start), count,
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
