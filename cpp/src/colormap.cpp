#include "pe/colormap.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "pe/spec.hpp"

namespace pe {
namespace {

struct Rgb {
  std::uint8_t r, g, b;
};

// viridis, 33 evenly spaced entries of matplotlib's 256-entry table (CC0), in 8-bit sRGB. Linear
// interpolation between them stays within 1.7/255 of the full table.
constexpr std::array<Rgb, 33> kViridis = {{
    {68, 1, 84},    {71, 13, 96},   {72, 24, 106},  {72, 35, 116},  {71, 45, 123},  {69, 55, 129},
    {66, 64, 134},  {62, 73, 137},  {59, 82, 139},  {55, 91, 141},  {51, 99, 141},  {47, 107, 142},
    {44, 114, 142}, {41, 122, 142}, {38, 130, 142}, {35, 137, 142}, {33, 145, 140}, {31, 151, 139},
    {31, 159, 136}, {33, 166, 133}, {39, 173, 129}, {49, 181, 123}, {61, 188, 116}, {76, 194, 108},
    {92, 200, 99},  {110, 206, 88}, {129, 211, 77}, {149, 216, 64}, {170, 220, 50}, {192, 223, 37},
    {213, 226, 26}, {234, 229, 26}, {253, 231, 37},
}};

// ColorBrewer RdBu, 11 classes, ordered from -1 (dark blue) to +1 (dark red).
constexpr std::array<Rgb, 11> kDiverging = {{
    {5, 48, 97},
    {33, 102, 172},
    {67, 147, 195},
    {146, 197, 222},
    {209, 229, 240},
    {247, 247, 247},
    {253, 219, 199},
    {244, 165, 130},
    {214, 96, 77},
    {178, 24, 43},
    {103, 0, 31},
}};

// 256-entry lookup tables, interpolated once from the stops above.
template <std::size_t N>
std::array<Rgb, 256> make_table(const std::array<Rgb, N>& stops) {
  std::array<Rgb, 256> table{};
  for (int k = 0; k < 256; ++k) {
    const double t = k / 255.0 * (N - 1);
    const std::size_t lo = std::min<std::size_t>(static_cast<std::size_t>(t), N - 2);
    const double f = t - static_cast<double>(lo);
    auto mix = [&](std::uint8_t a, std::uint8_t b) {
      return static_cast<std::uint8_t>(std::lround(a + (b - a) * f));
    };
    table[k] = {mix(stops[lo].r, stops[lo + 1].r), mix(stops[lo].g, stops[lo + 1].g),
                mix(stops[lo].b, stops[lo + 1].b)};
  }
  return table;
}

const std::array<Rgb, 256>& table_of(ColorMap map) {
  static const std::array<Rgb, 256> viridis = make_table(kViridis);
  static const std::array<Rgb, 256> diverging = make_table(kDiverging);
  return map == ColorMap::viridis ? viridis : diverging;
}

}  // namespace

ColorScale::ColorScale(ColorMap map, double low, double high)
    : table_(&table_of(map)[0].r), low_(low), factor_(255.0 / (high - low)) {
  static_assert(sizeof(Rgb) == 3, "the tables are read as 256 RGB byte triples");
}

namespace {

// Writes one value's colour (see ColorScale).
[[gnu::always_inline]] inline void write(const ColorScale& scale, double value, std::uint8_t* px) {
  const Rgba c = scale(value);
  px[0] = c.r;
  px[1] = c.g;
  px[2] = c.b;
  px[3] = c.a;
}

Error length_mismatch(std::string parameter, std::size_t expected, std::size_t got) {
  return make_error(ErrorCode::invalid_argument, std::move(parameter), "length_mismatch",
                    {{"expected", double(expected)}, {"got", double(got)}});
}

}  // namespace

Result<ColorMap> parse_color_map(std::string_view text) {
  if (text == "viridis") return ColorMap::viridis;
  if (text == "diverging") return ColorMap::diverging;
  return make_error(ErrorCode::invalid_argument, "map", "one_of",
                    {{"allowed", std::string("viridis, diverging")}, {"got", std::string(text)}});
}

Status check_range(double low, double high) {
  if (!std::isfinite(low) || !std::isfinite(high) || !(low < high)) {
    // The parameter to blame: a non-finite one, else high (it must exceed low).
    return make_error(ErrorCode::invalid_argument, std::isfinite(low) ? "high" : "low",
                      "low_below_high", {{"low", low}, {"high", high}});
  }
  return Ok{};
}

Status check_pixels(double width, double height) {
  // Every render function's sizes arrive as doubles: NaN, 1.5 or -Infinity get a message here,
  // before anything converts them to an integer (a NaN cast to int is a huge size in wasm).
  if (auto s = check_integer("width", width, 1, kMaxImageSide); !s) return s;
  if (auto s = check_integer("height", height, 1, kMaxImageSide); !s) return s;
  if (width * height > double(kMaxImagePixels)) {
    return make_error(ErrorCode::size_limit, "width", "pixels_cap",
                      {{"max", double(kMaxImagePixels)},
                       {"width", width},
                       {"height", height},
                       {"got", width * height}});
  }
  return Ok{};
}

Rgba color_of(ColorMap map, double value, double low, double high) {
  return ColorScale(map, low, high)(value);
}

Status colorize(std::span<const float> values, ColorMap map, double low, double high,
                std::span<std::uint8_t> rgba) {
  if (auto s = check_range(low, high); !s) return s;
  if (rgba.size() != 4 * values.size()) {
    return length_mismatch("rgba", 4 * values.size(), rgba.size());
  }
  const ColorScale scale(map, low, high);
  for (std::size_t n = 0; n < values.size(); ++n) write(scale, values[n], rgba.data() + 4 * n);
  return Ok{};
}

Status render_matrix(std::span<const float> matrix, int rows, int cols, Region region, int width,
                     int height, ColorMap map, double low, double high,
                     std::span<std::uint8_t> rgba) {
  if (auto s = check_range(low, high); !s) return s;
  // In 64 bits: in wasm, size_t is 32 bits and rows x cols could wrap onto matrix.size().
  const std::int64_t cells = std::int64_t{std::max(rows, 0)} * std::max(cols, 0);
  if (rows < 1 || cols < 1 || std::int64_t(matrix.size()) != cells) {
    return make_error(ErrorCode::invalid_argument, "values", "length_mismatch",
                      {{"expected", double(cells)}, {"got", double(matrix.size())}});
  }
  if (region.row0 < 0 || region.rows < 1 || region.row0 + region.rows > rows || region.col0 < 0 ||
      region.cols < 1 || region.col0 + region.cols > cols) {
    return make_error(ErrorCode::invalid_argument, "region", "region_outside",
                      {{"row0", double(region.row0)},
                       {"row_end", double(region.row0) + region.rows},
                       {"col0", double(region.col0)},
                       {"col_end", double(region.col0) + region.cols},
                       {"rows", double(rows)},
                       {"cols", double(cols)}});
  }
  if (width < 1 || height < 1 || width > kMaxImageSide || height > kMaxImageSide) {
    const bool width_bad = width < 1 || width > kMaxImageSide;
    return make_error(ErrorCode::invalid_argument, width_bad ? "width" : "height", "integer_range",
                      {{"min", 1.0},
                       {"max", double(kMaxImageSide)},
                       {"got", double(width_bad ? width : height)}});
  }
  if (auto s = check_pixels(width, height); !s) return s;
  if (rgba.size() != static_cast<std::size_t>(width) * height * 4) {
    return length_mismatch("rgba", std::size_t(width) * height * 4, rgba.size());
  }
  const ColorScale scale(map, low, high);
  // Cell span of each output column, computed once: [first, last) with at least one cell.
  std::vector<int> col_first(width), col_last(width);
  for (int x = 0; x < width; ++x) {
    col_first[x] = region.col0 + static_cast<int>(std::int64_t{x} * region.cols / width);
    col_last[x] = std::max(col_first[x] + 1, region.col0 + static_cast<int>(std::int64_t{x + 1} *
                                                                            region.cols / width));
  }
  std::vector<double> column_sums(region.cols);
  // Raw pointers in the loops below: see ColorScale.
  double* sums = column_sums.data();
  const int* first = col_first.data();
  const int* last = col_last.data();
  for (int y = 0; y < height; ++y) {
    const int row_first = region.row0 + static_cast<int>(std::int64_t{y} * region.rows / height);
    const int row_last = std::max(
        row_first + 1, region.row0 + static_cast<int>(std::int64_t{y + 1} * region.rows / height));
    // Sum the pixel row's cells down each column, then across each pixel's columns.
    for (int c = 0; c < region.cols; ++c) sums[c] = 0.0;
    for (int r = row_first; r < row_last; ++r) {
      const float* row = matrix.data() + static_cast<std::size_t>(r) * cols + region.col0;
      for (int c = 0; c < region.cols; ++c) sums[c] += row[c];
    }
    const double row_count = row_last - row_first;
    std::uint8_t* out = rgba.data() + static_cast<std::size_t>(y) * width * 4;
    for (int x = 0; x < width; ++x) {
      double sum = 0;
      for (int c = first[x]; c < last[x]; ++c) sum += sums[c - region.col0];
      write(scale, sum / (row_count * (last[x] - first[x])), out + 4 * x);
    }
  }
  return Ok{};
}

}  // namespace pe
