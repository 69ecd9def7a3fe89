// Binds RoPE: inverse frequencies, rotating vectors, scores by distance, Hugging Face's tables.
// Vectors arrive in the module's input buffer (_inputView), positions in its position buffer.
#include "pe/rope.hpp"

#include <emscripten/bind.h>

#include <vector>

#include "rope.hpp"

namespace pe::bindings {

Result<RopeSpec> rope_spec_from(const val& options) {
  RopeOptions o;
  o.head_dim = options["headDim"].as<double>();
  o.theta = options["theta"].as<double>();
  o.rotary_dim = options["rotaryDim"].as<double>();
  o.pairing = options["pairing"].as<std::string>();
  return make_rope_spec(o);
}

namespace {

// {invFreq: Float64Array, attentionScaling: 1}
val rope_frequencies(const val& options) {
  const auto spec = rope_spec_from(options);
  if (!spec) return error_value(spec.error());
  const auto inv = rope_inv_freq(spec.value());
  val out = val::object();
  out.set("invFreq", copy_out(std::span<const double>(inv)));
  out.set("attentionScaling", 1.0);
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

}  // namespace
}  // namespace pe::bindings

EMSCRIPTEN_BINDINGS(rope) {
  using namespace pe::bindings;
  emscripten::function("_ropeFrequencies", &rope_frequencies);
  emscripten::function("_ropeApplyInput", &rope_apply_input);
  emscripten::function("_ropeScoresInput", &rope_scores_input);
  emscripten::function("_ropeTables", &rope_tables_of);
}
