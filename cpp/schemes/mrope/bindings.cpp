// Binds multimodal RoPE's position ids and axes (mrope.hpp). Thin: read the checked options, call
// the core, copy the result out.
#include <emscripten/bind.h>

#include <vector>

#include "common.hpp"
#include "mrope.hpp"

namespace pe::bindings {
namespace {

// The segments api.post.js wrote into the position buffer (_positionsView), six numbers each:
// kind (0 text, 1 image, 2 video), then text: count; image / video: t, h, w, seconds per grid
// step, timestamp tokens.
std::vector<MropeSegment> segments_from(double count) {
  std::vector<MropeSegment> out;
  if (count <= 0) return out;
  const auto flat = position_scratch().span();
  for (std::size_t i = 0; i < std::size_t(count) && 6 * i + 5 < flat.size(); ++i) {
    const double* s = flat.data() + 6 * i;
    MropeSegment segment;
    segment.kind = s[0] == 0   ? MropeSegmentKind::text
                   : s[0] == 1 ? MropeSegmentKind::image
                               : MropeSegmentKind::video;
    segment.count = s[1];
    segment.grid = {s[1], s[2], s[3]};
    segment.second_per_grid_t = s[4];
    segment.timestamp_tokens = s[5];
    out.push_back(segment);
  }
  return out;
}

// { positionIds: Int32Array(3 x tokens), ropeDelta }
val mrope_position_ids_of(const val& o, double count) {
  const TrimInputs trim;
  MropeOptions options;
  options.model = o["model"].as<std::string>();
  options.spatial_merge_size = o["spatialMergeSize"].as<double>();
  options.tokens_per_second = o["tokensPerSecond"].as<double>();
  options.revision = o["revision"].as<std::string>();
  const auto segments = segments_from(count);
  PE_TRY_LET(ids, mrope_position_ids(segments, options));
  val out = val::object();
  out.set("positionIds", copy_out(std::span<const std::int32_t>(ids.ids)));
  out.set("ropeDelta", double(ids.rope_delta));
  return out;
}

val mrope_axes_of(const val& o) {
  const auto section = emscripten::vecFromJSArray<double>(o["mropeSection"]);
  PE_TRY_LET(axes, mrope_axes(o["headDim"].as<double>(), section, o["interleaved"].as<bool>()));
  return copy_out(std::span<const std::uint8_t>(axes));
}

}  // namespace
}  // namespace pe::bindings

EMSCRIPTEN_BINDINGS(mrope) {
  using namespace pe::bindings;
  emscripten::function("_mropePositionIds", &mrope_position_ids_of);
  emscripten::function("_mropeAxes", &mrope_axes_of);
}
