// Rendering requests shared by the colour bindings and the encoding bindings (renderEncoding).
#pragma once

#include <span>

#include "common.hpp"
#include "pe/colormap.hpp"

namespace pe::bindings {

struct RenderRequest {
  ColorMap map = ColorMap::diverging;
  double low = -1, high = 1;
  int width = 1, height = 1;
  Region region;
};

// Reads {map, low, high, width, height, row0, rows, col0, cols} (defaults filled in by the
// wrapper).
Result<RenderRequest> render_request_from(const val& view);

// Renders into the module-owned pixel buffer and returns a Uint8Array view of it, or an error
// object.
val render_to_pixels(std::span<const float> matrix, int rows, int cols,
                     const RenderRequest& request);

}  // namespace pe::bindings
