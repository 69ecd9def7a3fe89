// Binds the table identification (identify.hpp). Thin: JS copies the file's bytes into a buffer of
// the module, the core reads and identifies them, the result comes back as JSON text.
#include <emscripten/bind.h>

#include <cstdint>
#include <string>

#include "common.hpp"
#include "identify.hpp"

namespace pe::bindings {
namespace {

// The file's bytes: filled by JS through _identifyInput, read by _identifyTable, given back after.
Scratch<std::uint8_t>& file_scratch() {
  static Scratch<std::uint8_t> scratch;
  return scratch;
}

// A view of n bytes for JS to fill (n from 1 to the file cap).
val identify_input(double n) {
  const double most = double(kMaxTableFileBytes);
  if (!(n >= 1 && n <= most && n == double(std::size_t(n)))) {
    return error_value(make_error(n > most ? ErrorCode::size_limit : ErrorCode::invalid_argument,
                                  "bytes", "integer_range",
                                  {{"min", 1.0}, {"max", most}, {"got", n}}));
  }
  PE_TRY(file_scratch().reserve(std::size_t(n)));
  return file_scratch().view();
}

// {tensor, bfloat16} checked by api.post.js; against: JSON text ("" for none).
val identify_table_of(const std::string& tensor, bool bfloat16, const std::string& against_json,
                      double size) {
  struct Release {
    ~Release() { file_scratch().release(); }
  } release;
  IdentifyAgainst against;
  if (!against_json.empty()) {
    PE_TRY_LET(parsed, parse_against(against_json));
    against = parsed;
  }
  const auto bytes =
      file_scratch().span().first(std::min(file_scratch().span().size(), std::size_t(size)));
  PE_TRY_LET(table, read_table_file(bytes, tensor, bfloat16));
  PE_TRY_LET(result, identify_table(table, against));
  return val(identify_json(result, true));  // with the figure's grid
}

// One of the figure's samples (identify_sample): { options (JSON text), rows, cols, values }.
val identify_sample_of(const std::string& name) {
  PE_TRY_LET(sample, identify_sample(name));
  val out = val::object();
  out.set("options", sample.options);
  out.set("rows", double(sample.rows));
  out.set("cols", double(sample.cols));
  out.set("values", copy_out(std::span<const float>(sample.values)));
  return out;
}

}  // namespace
}  // namespace pe::bindings

EMSCRIPTEN_BINDINGS(identify) {
  using namespace pe::bindings;
  emscripten::function("_identifyInput", &identify_input);
  emscripten::function("_identifyTable", &identify_table_of);
  emscripten::function("_identifySample", &identify_sample_of);
}
