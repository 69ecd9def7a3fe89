// Binds ALiBi: slopes, the bias tensor, one head's attention weights.
#include "pe/alibi.hpp"

#include <emscripten/bind.h>

#include "common.hpp"

namespace pe::bindings {
namespace {

Result<AlibiSpec> alibi_spec_from(const val& o, bool whole_tensor = true) {
  return make_alibi_spec(o["heads"].as<double>(), o["positions"].as<double>(),
                         o["causal"].as<bool>(), o["form"].as<std::string>(), whole_tensor);
}

val alibi_slopes_of(double heads) {
  const auto slopes = alibi_slopes(heads);
  if (!slopes) return error_value(slopes.error());
  return copy_out(std::span<const double>(slopes.value()));
}

val alibi_bias_of(const val& options) {
  const auto spec = alibi_spec_from(options);
  if (!spec) return error_value(spec.error());
  const std::size_t n = spec.value().element_count();
  Scratch<float> bias;
  if (!bias.reserve(n)) return error_value(out_of_memory(n * 4));
  if (auto s = alibi_bias(spec.value(), bias.span()); !s) return error_value(s.error());
  return copy_out(std::span<const float>(bias.span()));
}

val alibi_attention_of(const val& options, double head, double query) {
  const auto spec = alibi_spec_from(options, false);  // one query: no tensor, no tensor cap
  if (!spec) return error_value(spec.error());
  const auto weights = alibi_attention(spec.value(), head, query);
  if (!weights) return error_value(weights.error());
  return copy_out(std::span<const double>(weights.value()));
}

// One head's bias at canvas resolution (pe::render_alibi): long sequences without the tensor.
val render_alibi_of(const val& options, double head, const val& view) {
  const auto slopes = alibi_slopes(options["heads"].as<double>());
  if (!slopes) return error_value(slopes.error());
  const auto form = parse_alibi_form(options["form"].as<std::string>());
  if (!form) return error_value(form.error());
  const double width = view["width"].as<double>(), height = view["height"].as<double>();
  if (auto c = check_integer("head", head, 0, double(slopes.value().size()) - 1); !c)
    return error_value(c.error());
  return pixels_of(width, height, [&](std::span<std::uint8_t> rgba) {
    return render_alibi(slopes.value(), static_cast<int>(head), options["positions"].as<double>(),
                        options["causal"].as<bool>(), form.value(), static_cast<int>(width),
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
