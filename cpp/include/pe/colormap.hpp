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

// The same for per-pixel loops: made once, then called per value. Its call and put_pixel are forced
// inline and call nothing (no std::clamp, no operator[]): the embed's engine is built -Oz with LTO,
// which leaves such calls as calls, and drawing took 2.5-2.8x as long as in the page's -O3 engine.
class ColorScale {
 public:
  ColorScale(ColorMap map, double low, double high);
  [[gnu::always_inline]] Rgba operator()(double value) const {
    if (value != value) return {0, 0, 0, 0};  // NaN
    double t = (value - low_) * factor_;
    t = t < 0.0 ? 0.0 : t > 255.0 ? 255.0 : t;
    const std::uint8_t* c = table_ + 3 * static_cast<int>(t + 0.5);
    return {c[0], c[1], c[2], 255};
  }

 private:
  const std::uint8_t* table_;  // 256 RGB triples
  double low_, factor_;
};

// Writes pixel (x, y) of a width-wide RGBA8 image.
[[gnu::always_inline]] inline void put_pixel(std::span<std::uint8_t> rgba, int width, int x, int y,
                                             Rgba c) {
  std::uint8_t* out = rgba.data() + (static_cast<std::size_t>(y) * width + x) * 4;
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
// The one check of every image size: width and height integers from 1 to kMaxImageSide, their
// product at most kMaxImagePixels.
Status check_pixels(double width, double height);
Status render_matrix(std::span<const float> matrix, int rows, int cols, Region region, int width,
                     int height, ColorMap map, double low, double high,
                     std::span<std::uint8_t> rgba);

}  // namespace pe
