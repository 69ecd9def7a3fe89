// Binds the message table, the core's caps (a folder's are in its limits.hpp) and the sinusoidal
// options' defaults: the JS API formats its own type errors from the same templates as the core's,
// and neither it, the page nor the .d.ts restates a cap or a default by hand. Every engine has
// these (the slim base of an engine of parts too).
#include <emscripten/bind.h>

#include <cmath>
#include <string>

#include "common.hpp"
#include "pe/analysis.hpp"
#include "pe/colormap.hpp"
#include "pe/concepts.hpp"
#include "pe/export.hpp"
#include "pe/spec.hpp"

namespace pe::bindings {
namespace {

// {kind: English template} for every message the engine can give.
val message_templates_of() {
  val out = val::object();
  for (const auto& t : message_templates()) out.set(std::string(t.kind), std::string(t.text));
  return out;
}

// The core's caps, by their public names (README, "Limits and work caps"); a scheme folder's are in
// its limits.hpp (schemes.cpp's _schemeLimits, merged into pe.limits).
val limits_of() {
  val out = val::object();
  out.set("maxDModel", kMaxDModel);
  out.set("maxPositions", kMaxPositions);
  out.set("maxElements", double(kMaxElements));
  out.set("maxPosition", double(kMaxPosition));
  out.set("maxGramPositions", kMaxGramPositions);
  out.set("maxGramWork", double(kMaxGramWork));
  out.set("maxColumns", kMaxColumns);
  out.set("maxOffsets", kMaxOffsets);
  out.set("maxDotWork", double(kMaxDotWork));
  out.set("maxImageSide", kMaxImageSide);
  out.set("maxImagePixels", double(kMaxImagePixels));
  out.set("maxLearnedRows", kMaxLearnedRows);
  out.set("maxLearnedValues", double(kMaxLearnedValues));
  out.set("maxColumnValues", double(kMaxColumnValues));
  out.set("maxTokens", kMaxTokens);
  out.set("maxEmbeddingScale", kMaxEmbeddingScale);
  out.set("maxTextBytes", kMaxTextBytes);
  out.set("maxProjectedRows", kMaxProjectedRows);
  out.set("maxProjectWork", double(kMaxProjectWork));
  out.set("maxTextExport", double(kMaxTextExportValues));
  return out;
}

// The sinusoidal table's defaults, { option: default } in the table's order (kSinusoidalParameters:
// dModel is required, undefined here), for api.post.js's checks of the sinusoidal options, which
// the engines without the scheme table (pe.schemes) check too.
val sinusoidal_defaults_of() {
  val out = val::object();
  for (const auto& p : kSinusoidalParameters) {
    if (p.type == ParameterType::choice)
      out.set(std::string(p.name), std::string(p.choice));
    else if (std::isnan(p.fallback))
      out.set(std::string(p.name), val::undefined());
    else
      out.set(std::string(p.name), p.fallback);
  }
  return out;
}

}  // namespace
}  // namespace pe::bindings

EMSCRIPTEN_BINDINGS(messages) {
  emscripten::function("_sinusoidalDefaults", &pe::bindings::sinusoidal_defaults_of);
  emscripten::function("_messageTemplates", &pe::bindings::message_templates_of);
  emscripten::function("_limits", &pe::bindings::limits_of);
}
