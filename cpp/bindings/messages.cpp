// Binds the message table and the documented limits: the JS API formats its own type errors from
// the same templates as the core's, and the page and the .d.ts never restate a cap by hand.
#include <emscripten/bind.h>

#include "common.hpp"
#include "pe/analysis.hpp"
#include "pe/colormap.hpp"
#include "pe/concepts.hpp"
#include "pe/export.hpp"
#include "pe/precision.hpp"
#include "pe/rope.hpp"

namespace pe::bindings {
namespace {

// {kind: English template} for every message the engine can give.
val message_templates_of() {
  val out = val::object();
  for (const auto& t : message_templates()) out.set(std::string(t.kind), std::string(t.text));
  return out;
}

// Every cap, by its public name (README, "Limits and work caps").
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
  out.set("maxRopeValues", double(kMaxRopeValues));
  out.set("maxHeadDim", kMaxHeadDim);
  out.set("maxPrecisionValues", double(kMaxPrecisionValues));
  out.set("maxPrecisionRenderWork", double(kMaxPrecisionRenderWork));
  out.set("maxPrecisionSamples", kMaxPrecisionSamples);
  out.set("maxRopeRenderWork", double(kMaxRopeRenderWork));
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

}  // namespace
}  // namespace pe::bindings

EMSCRIPTEN_BINDINGS(messages) {
  emscripten::function("_messageTemplates", &pe::bindings::message_templates_of);
  emscripten::function("_limits", &pe::bindings::limits_of);
}
