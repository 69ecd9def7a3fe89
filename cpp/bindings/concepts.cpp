// Binds the concepts: learned-table stand-in, tokens and their toy embeddings, the 2-D projection,
// the closest pair of positions and the doubled-exponent mistake.
#include "pe/concepts.hpp"

#include <emscripten/bind.h>

#include <string>
#include <vector>

#include "common.hpp"

namespace pe::bindings {
namespace {

// The wrapper has checked that tokens is an array of at most kMaxTokens strings; this is the
// second line of defence, before any element is read.
Error token_cap(unsigned count) {
  return make_error(ErrorCode::size_limit, "tokens", "count_cap",
                    {{"max", double(kMaxTokens)}, {"got", double(count)}});
}

template <class T>
val copy_or_error(const Result<std::vector<T>>& result) {
  if (!result) return error_value(result.error());
  return copy_out(std::span<const T>(result.value()));
}

val learned_table_of(double d_model, double max_len, double seed) {
  const auto spec = make_learned(d_model, max_len, seed);
  if (!spec) return error_value(spec.error());
  const auto table = learned_table(spec.value());
  return copy_out(std::span<const float>(table));
}

val learned_row_of(double d_model, double max_len, double seed, double position) {
  const auto spec = make_learned(d_model, max_len, seed);
  if (!spec) return error_value(spec.error());
  return copy_or_error(learned_row(spec.value(), position));
}

// {tokens: string[], truncated: boolean}
val tokenize_text(const std::string& text) {
  const auto result = tokenize(text);
  if (!result) return error_value(result.error());
  val tokens = val::array();
  for (const auto& token : result.value().tokens) tokens.call<void>("push", token);
  val out = val::object();
  out.set("tokens", tokens);
  out.set("truncated", result.value().truncated);
  return out;
}

// tokens: a JS array of strings (the wrapper checked it).
val embed_tokens(const val& tokens, double d_model, double scale) {
  const unsigned count = tokens["length"].as<unsigned>();
  if (count > kMaxTokens) return error_value(token_cap(count));
  std::vector<std::string> words(count);
  for (unsigned n = 0; n < count; ++n) words[n] = tokens[n].as<std::string>();
  return copy_or_error(token_embeddings(words, d_model, scale));
}

// Embedding + PE for tokens at positions start .. start + n - 1.
val inputs_of(const val& tokens, const val& options, double scale, bool with_pe) {
  const unsigned count = tokens["length"].as<unsigned>();
  if (count > kMaxTokens) return error_value(token_cap(count));
  const auto spec = make_spec(options_from(options));
  if (!spec) return error_value(spec.error());
  std::vector<std::string> words(count);
  for (unsigned n = 0; n < count; ++n) words[n] = tokens[n].as<std::string>();
  return copy_or_error(input_vectors(words, spec.value(), scale, with_pe));
}

// Projects the values JS put in the input buffer: {xy: Float64Array, explained: [x, y]}.
val project_input(double rows, double cols, const std::string& method) {
  const auto how = parse_projection(method);
  if (!how) return error_value(how.error());
  const TrimInputs trim;
  const auto result = project(input_scratch().span(), rows, cols, how.value());
  if (!result) return error_value(result.error());
  val out = val::object();
  out.set("xy", copy_out(std::span<const double>(result.value().xy)));
  val explained = val::array();
  explained.call<void>("push", result.value().explained[0]);
  explained.call<void>("push", result.value().explained[1]);
  out.set("explained", explained);
  return out;
}

val closest_of(const val& options) {
  const auto spec = make_spec(options_from(options));
  if (!spec) return error_value(spec.error());
  const auto closest = closest_positions(spec.value());
  if (!closest) return error_value(closest.error());
  val out = val::object();
  out.set("distance", closest.value().distance);
  out.set("offset", closest.value().offset);
  return out;
}

val wrong_wavelengths(const val& options) {
  const auto spec = make_spec(options_from(options));
  if (!spec) return error_value(spec.error());
  const auto lambda = wrong_exponent_wavelengths(spec.value());
  return copy_out(std::span<const double>(lambda));
}

val wrong_columns(const val& options, const val& dims) {
  const auto spec = make_spec(options_from(options));
  if (!spec) return error_value(spec.error());
  const unsigned count = dims["length"].as<unsigned>();
  std::vector<double> wanted(count, 0.0);  // too many: refused without reading them
  if (count <= 64) {
    for (unsigned c = 0; c < count; ++c) wanted[c] = dims[c].as<double>();
  }
  return copy_or_error(wrong_exponent_columns(spec.value(), wanted));
}

}  // namespace
}  // namespace pe::bindings

EMSCRIPTEN_BINDINGS(concepts) {
  using namespace pe::bindings;
  emscripten::function("_learnedTable", &learned_table_of);
  emscripten::function("_learnedRow", &learned_row_of);
  emscripten::function("_tokenize", &tokenize_text);
  emscripten::function("_embedTokens", &embed_tokens);
  emscripten::function("_projectInput", &project_input);
  emscripten::function("_inputVectors", &inputs_of);
  emscripten::function("_closestPositions", &closest_of);
  emscripten::function("_wrongExponentWavelengths", &wrong_wavelengths);
  emscripten::function("_wrongExponentColumns", &wrong_columns);
}
