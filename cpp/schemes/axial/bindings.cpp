// Binds axial RoPE (FLUX) and the vision tower's 2-D RoPE (axial.hpp). Thin: read the checked
// options, call the core, copy the result out.
#include <emscripten/bind.h>

#include <vector>

#include "axial.hpp"
#include "common.hpp"

namespace pe::bindings {
namespace {

// A view of n float64 ids for JS to fill before _axialRopeAngles (n <= kMaxAxialAngles: each
// axis has at least one pair, so tokens x axes <= tokens x pairs).
val axial_input_view(double n) {
  return position_input_view("ids", n, double(kMaxAxialAngles));
}

val axial_rope_angles_of(const val& o, double count) {
  const TrimInputs trim;
  const auto axes_dim = emscripten::vecFromJSArray<double>(o["axesDim"]);
  PE_TRY_LET(spec, make_axial_spec(axes_dim, o["theta"].as<double>()));
  const auto ids = count > 0 ? position_scratch().span().first(std::size_t(count))
                             : std::span<double>();  // _axialInputView sized it
  PE_TRY_LET(angles, axial_rope_angles(spec, ids));
  return copy_out(std::span<const double>(angles));
}

val vision_rope_angles_of(const val& o) {
  VisionOptions options;
  options.head_dim = o["headDim"].as<double>();
  options.theta = o["theta"].as<double>();
  const auto grid = emscripten::vecFromJSArray<double>(o["grid"]);
  if (grid.size() != 3) {
    return error_value(make_error(ErrorCode::invalid_argument, "grid", "length_mismatch",
                                  {{"expected", 3.0}, {"got", double(grid.size())}}));
  }
  options.grid = {grid[0], grid[1], grid[2]};
  options.spatial_merge_size = o["spatialMergeSize"].as<double>();
  PE_TRY_LET(angles, vision_rope_angles(options));
  return copy_out(std::span<const double>(angles.angles));
}

}  // namespace
}  // namespace pe::bindings

EMSCRIPTEN_BINDINGS(axial) {
  using namespace pe::bindings;
  emscripten::function("_axialInputView", &axial_input_view);
  emscripten::function("_axialRopeAngles", &axial_rope_angles_of);
  emscripten::function("_visionRopeAngles", &vision_rope_angles_of);
}
