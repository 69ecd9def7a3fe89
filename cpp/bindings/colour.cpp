// Binds the colour maps: values in (copied by JS into a module-owned input buffer), RGBA8 pixels
// out.
#include "colour.hpp"

#include <emscripten/bind.h>

#include "common.hpp"

namespace pe::bindings {

Result<RenderRequest> render_request_from(const val& view) {
  PE_TRY_LET(map, parse_color_map(view["map"].as<std::string>()));
  RenderRequest request;
  request.map = map;
  request.low = view["low"].as<double>();
  request.high = view["high"].as<double>();
  PE_TRY(check_range(request.low, request.high));
  // Integers arrive as doubles so that 3.5 or NaN get a message rather than a silent conversion.
  struct Field {
    const char* name;
    double min, max;
    int* target;
  };
  const Field fields[] = {{"width", 1, kMaxImageSide, &request.width},
                          {"height", 1, kMaxImageSide, &request.height},
                          {"row0", 0, kMaxPositions, &request.region.row0},
                          {"rows", 1, kMaxPositions, &request.region.rows},
                          {"col0", 0, kMaxDModel, &request.region.col0},
                          {"cols", 1, kMaxDModel, &request.region.cols}};
  for (const Field& field : fields) {
    const double value = view[field.name].as<double>();
    PE_TRY(check_integer(field.name, value, field.min, field.max));
    *field.target = static_cast<int>(value);
  }
  PE_TRY(check_pixels(request.width, request.height));
  return request;
}

val render_to_pixels(std::span<const float> matrix, int rows, int cols, const RenderRequest& r) {
  return pixels_of(r.width, r.height, [&](std::span<std::uint8_t> rgba) {
    return render_matrix(matrix, rows, cols, r.region, r.width, r.height, r.map, r.low, r.high,
                         rgba);
  });
}

namespace {

// A view of n floats for JS to fill before calling _colorizeInput or _renderInput.
val input_view(double n) {
  // Every API function that takes numbers calls them `values`.
  if (n > double(kMaxElements)) {
    return error_value(make_error(ErrorCode::size_limit, "values", "count_cap",
                                  {{"max", double(kMaxElements)}, {"got", n}}));
  }
  PE_TRY(check_integer("values", n, 1, double(kMaxElements)));
  PE_TRY(input_scratch().reserve(static_cast<std::size_t>(n)));
  return input_scratch().view();
}

// A view of n float64 positions for JS to fill before _ropeApplyInput.
val positions_view(double n) {
  PE_TRY(check_integer("positions", n, 1, double(kMaxPositions)));
  PE_TRY(position_scratch().reserve(static_cast<std::size_t>(n)));
  return position_scratch().view();
}

val colorize_input(const std::string& map_name, double low, double high) {
  PE_TRY_LET(map, parse_color_map(map_name));
  const TrimInputs trim;
  const auto values = input_scratch().span();
  Scratch<std::uint8_t> pixels;
  PE_TRY(pixels.reserve(values.size() * 4));
  PE_TRY(colorize(values, map, low, high, pixels.span()));
  return copy_out(std::span<const std::uint8_t>(pixels.span()));
}

val render_input(double rows, double cols, const val& view) {
  PE_TRY(check_integer("rows", rows, 1, kMaxPositions));
  PE_TRY(check_integer("cols", cols, 1, kMaxElements));
  PE_TRY_LET(request, render_request_from(view));
  const TrimInputs trim;
  return render_to_pixels(input_scratch().span(), int(rows), int(cols), request);
}

}  // namespace
}  // namespace pe::bindings

EMSCRIPTEN_BINDINGS(colour) {
  using namespace pe::bindings;
  emscripten::function("_inputView", &input_view);
  emscripten::function("_positionsView", &positions_view);
  emscripten::function("_colorizeInput", &colorize_input);
  emscripten::function("_renderInput", &render_input);
}
