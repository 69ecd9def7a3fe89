// Binds ALiBi: slopes, the bias tensor, one head's attention weights.
#include <emscripten/bind.h>

#include "alibi.hpp"
#include "common.hpp"

namespace pe::bindings {
namespace {

Result<AlibiSpec> alibi_spec_from(const val& o, bool whole_tensor = true) {
  return make_alibi_spec(o["heads"].as<double>(), o["positions"].as<double>(),
                         o["causal"].as<bool>(), o["form"].as<std::string>(), whole_tensor);
}

val alibi_slopes_of(double heads) {
  PE_TRY_LET(slopes, alibi_slopes(heads));
  return copy_out(std::span<const double>(slopes));
}

val alibi_bias_of(const val& options) {
  PE_TRY_LET(spec, alibi_spec_from(options));
  const std::size_t n = spec.element_count();
  Scratch<float> bias;
  PE_TRY(bias.reserve(n));
  PE_TRY(alibi_bias(spec, bias.span()));
  return copy_out(std::span<const float>(bias.span()));
}

val alibi_attention_of(const val& options, double head, double query) {
  PE_TRY_LET(spec, alibi_spec_from(options, false));  // one query: no tensor, no tensor cap
  PE_TRY_LET(weights, alibi_attention(spec, head, query));
  return copy_out(std::span<const double>(weights));
}

// One head's bias at canvas resolution (pe::render_alibi): long sequences without the tensor.
val render_alibi_of(const val& options, double head, const val& view) {
  PE_TRY_LET(slopes, alibi_slopes(options["heads"].as<double>()));
  PE_TRY_LET(form, parse_alibi_form(options["form"].as<std::string>()));
  const double width = view["width"].as<double>(), height = view["height"].as<double>();
  PE_TRY(check_integer("head", head, 0, double(slopes.size()) - 1));
  return pixels_of(width, height, [&](std::span<std::uint8_t> rgba) {
    return render_alibi(slopes, static_cast<int>(head), options["positions"].as<double>(),
                        options["causal"].as<bool>(), form, static_cast<int>(width),
                        static_cast<int>(height), view["low"].as<double>(),
                        view["high"].as<double>(), rgba);
  });
}

}  // namespace
}  // namespace pe::bindings

EMSCRIPTEN_BINDINGS(alibi) {
  using namespace pe::bindings;
  emscripten::function("_alibiSlopes", &alibi_slopes_of);
  emscripten::function("_renderAlibi", &render_alibi_of);
  emscripten::function("_alibiBias", &alibi_bias_of);
  emscripten::function("_alibiAttention", &alibi_attention_of);
}
