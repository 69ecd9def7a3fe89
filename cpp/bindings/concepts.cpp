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

val learned_table_of(double d_model, double max_len, double seed) {
  PE_TRY_LET(spec, make_learned(d_model, max_len, seed));
  const auto table = learned_table(spec);
  return copy_out(std::span<const float>(table));
}

val learned_row_of(double d_model, double max_len, double seed, double position) {
  PE_TRY_LET(spec, make_learned(d_model, max_len, seed));
  return copy_out(learned_row(spec, position));
}

// {tokens: string[], truncated: boolean}
val tokenize_text(const std::string& text) {
  PE_TRY_LET(result, tokenize(text));
  val tokens = val::array();
  for (const auto& token : result.tokens) tokens.call<void>("push", token);
  val out = val::object();
  out.set("tokens", tokens);
  out.set("truncated", result.truncated);
  return out;
}

// tokens: a JS array of strings (the wrapper checked it).
val embed_tokens(const val& tokens, double d_model, double scale) {
  const unsigned count = tokens["length"].as<unsigned>();
  if (count > kMaxTokens) return error_value(token_cap(count));
  std::vector<std::string> words(count);
  for (unsigned n = 0; n < count; ++n) words[n] = tokens[n].as<std::string>();
  return copy_out(token_embeddings(words, d_model, scale));
}

// Embedding + PE for tokens at positions start .. start + n - 1.
val inputs_of(const val& tokens, const val& options, double scale, bool with_pe) {
  const unsigned count = tokens["length"].as<unsigned>();
  if (count > kMaxTokens) return error_value(token_cap(count));
  PE_TRY_LET(spec, make_spec(options_from(options)));
  std::vector<std::string> words(count);
  for (unsigned n = 0; n < count; ++n) words[n] = tokens[n].as<std::string>();
  return copy_out(input_vectors(words, spec, scale, with_pe));
}

// Projects the values JS put in the input buffer: {xy: Float64Array, explained: [x, y]}.
val project_input(double rows, double cols, const std::string& method) {
  PE_TRY_LET(how, parse_projection(method));
  const TrimInputs trim;
  PE_TRY_LET(result, project(input_scratch().span(), rows, cols, how));
  val out = val::object();
  out.set("xy", copy_out(std::span<const double>(result.xy)));
  val explained = val::array();
  explained.call<void>("push", result.explained[0]);
  explained.call<void>("push", result.explained[1]);
  out.set("explained", explained);
  return out;
}

val closest_of(const val& options) {
  PE_TRY_LET(spec, make_spec(options_from(options)));
  PE_TRY_LET(closest, closest_positions(spec));
  val out = val::object();
  out.set("distance", closest.distance);
  out.set("offset", closest.offset);
  return out;
}

val wrong_wavelengths(const val& options) {
  PE_TRY_LET(spec, make_spec(options_from(options)));
  const auto lambda = wrong_exponent_wavelengths(spec);
  return copy_out(std::span<const double>(lambda));
}

val wrong_columns(const val& options, const val& dims) {
  PE_TRY_LET(spec, make_spec(options_from(options)));
  const unsigned count = dims["length"].as<unsigned>();
  std::vector<double> wanted(count, 0.0);  // too many: refused without reading them
  if (count <= 64) {
    for (unsigned c = 0; c < count; ++c) wanted[c] = dims[c].as<double>();
  }
  return copy_out(wrong_exponent_columns(spec, wanted));
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
