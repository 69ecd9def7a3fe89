// Colour maps that write RGBA8 pixels straight into a buffer the page hands to ImageData.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "pe/error.hpp"

namespace pe {

enum class ColorMap {
  viridis,    // perceptually uniform sequential map (van der Walt & Smith, CC0), colour-blind safe
  diverging,  // ColorBrewer RdBu (colour-blind safe): blue for negative, near-white at the
              // midpoint, red
};

Result<ColorMap> parse_color_map(std::string_view text);

struct Rgba {
  std::uint8_t r, g, b, a;
};

// Colour of `value` on [low, high] (clamped). NaN maps to fully transparent.
Rgba color_of(ColorMap map, double value, double low, double high);

// Writes pixel (x, y) of a width-wide RGBA8 image.
inline void put_pixel(std::span<std::uint8_t> rgba, int width, int x, int y, Rgba c) {
  std::uint8_t* out = &rgba[(static_cast<std::size_t>(y) * width + x) * 4];
  out[0] = c.r;
  out[1] = c.g;
  out[2] = c.b;
  out[3] = c.a;
}

// The range check shared by colorize and render_matrix: both finite, low < high.
Status check_range(double low, double high);

// Colours every value; rgba must hold 4 * values.size() bytes.
Status colorize(std::span<const float> values, ColorMap map, double low, double high,
                std::span<std::uint8_t> rgba);

// The part of a row-major (rows x cols) matrix to draw.
struct Region {
  int row0 = 0, rows = 0, col0 = 0, cols = 0;
};

// Draws `region` of the matrix into a width x height RGBA8 image (rows of the region run down the
// image, columns across). Where a pixel covers several cells it shows their mean (a box filter:
// fine stripes average out instead of aliasing); where a cell covers several pixels they repeat it.
// Caps: each side <= kMaxImageSide, width x height <= kMaxImagePixels (64 MiB of RGBA8; a 4096 x
// 4096 canvas, beyond any screen).
inline constexpr int kMaxImageSide = 16384;
inline constexpr std::int64_t kMaxImagePixels = std::int64_t{1} << 24;
Status check_pixels(double width, double height);
Status render_matrix(std::span<const float> matrix, int rows, int cols, Region region, int width,
                     int height, ColorMap map, double low, double high,
                     std::span<std::uint8_t> rgba);

}  // namespace pe
