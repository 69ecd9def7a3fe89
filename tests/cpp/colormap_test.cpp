#include "pe/colormap.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

TEST_CASE("viridis runs from matplotlib's first colour to its last") {
  // matplotlib's _viridis_data[0] = (0.267004, 0.004874, 0.329415), [255] = (0.993248, 0.906157,
  // 0.143936)
  const auto lo = pe::color_of(pe::ColorMap::viridis, 0, 0, 1);
  const auto hi = pe::color_of(pe::ColorMap::viridis, 1, 0, 1);
  CHECK(int(lo.r) == 68);
  CHECK(int(lo.g) == 1);
  CHECK(int(lo.b) == 84);
  CHECK(int(hi.r) == 253);
  CHECK(int(hi.g) == 231);
  CHECK(int(hi.b) == 37);
  CHECK(int(lo.a) == 255);
  // _viridis_data[128] = (0.127568, 0.566949, 0.550556) -> (33, 145, 140) in 8 bits
  const auto mid = pe::color_of(pe::ColorMap::viridis, 128.0 / 255, 0, 1);
  CHECK(std::abs(int(mid.r) - 33) <= 2);
  CHECK(std::abs(int(mid.g) - 145) <= 2);
  CHECK(std::abs(int(mid.b) - 140) <= 2);
}

TEST_CASE("viridis gets lighter monotonically (a sequential map)") {
  double previous = -1;
  for (int k = 0; k <= 255; ++k) {
    const auto c = pe::color_of(pe::ColorMap::viridis, k, 0, 255);
    const double luma = 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
    CHECK(luma >= previous - 0.5);
    previous = luma;
  }
}

TEST_CASE("the diverging map is blue below zero, near-white at zero, red above, and clamps") {
  const auto neg = pe::color_of(pe::ColorMap::diverging, -1, -1, 1);
  const auto zero = pe::color_of(pe::ColorMap::diverging, 0, -1, 1);
  const auto pos = pe::color_of(pe::ColorMap::diverging, 1, -1, 1);
  CHECK(neg.b > neg.r);
  CHECK(pos.r > pos.b);
  CHECK(zero.r > 240);
  CHECK(zero.g > 240);
  CHECK(zero.b > 240);
  const auto beyond = pe::color_of(pe::ColorMap::diverging, 7, -1, 1);
  CHECK(beyond.r == pos.r);
  CHECK(beyond.b == pos.b);
  CHECK(int(pe::color_of(pe::ColorMap::diverging, std::nan(""), -1, 1).a) == 0);
}

TEST_CASE("colorize writes one RGBA pixel per value and checks its arguments") {
  const std::vector<float> values = {-1, 0, 1};
  std::vector<std::uint8_t> rgba(12);
  REQUIRE(pe::colorize(values, pe::ColorMap::diverging, -1, 1, rgba).ok());
  const auto first = pe::color_of(pe::ColorMap::diverging, -1, -1, 1);
  CHECK(int(rgba[0]) == int(first.r));
  CHECK(int(rgba[3]) == 255);
  std::vector<std::uint8_t> small(11);
  CHECK_FALSE(pe::colorize(values, pe::ColorMap::viridis, -1, 1, small).ok());
  CHECK(pe::colorize(values, pe::ColorMap::viridis, 1, 1, rgba).error().message ==
        "the colour range needs finite low < high; got low = 1, high = 1");
  CHECK(pe::parse_color_map("jet").error().message ==
        "map must be one of viridis, diverging; got \"jet\"");
}

TEST_CASE("render_matrix averages the cells under each pixel and repeats cells when zoomed in") {
  // 4 x 4 matrix: rows 0-1 are -1, rows 2-3 are +1; columns alternate in the bottom half.
  const std::vector<float> m = {-1, -1, -1, -1, -1, -1, -1, -1, 1, 0, 1, 0, 1, 0, 1, 0};
  std::vector<std::uint8_t> px(2 * 2 * 4);
  REQUIRE(pe::render_matrix(m, 4, 4, {0, 4, 0, 4}, 2, 2, pe::ColorMap::diverging, -1, 1, px).ok());
  const auto blue = pe::color_of(pe::ColorMap::diverging, -1, -1, 1);
  const auto half = pe::color_of(pe::ColorMap::diverging, 0.5, -1, 1);  // mean of 1, 0, 1, 0
  CHECK(int(px[0]) == int(blue.r));
  CHECK(int(px[4 * 2 + 0]) == int(half.r));
  CHECK(int(px[4 * 2 + 2]) == int(half.b));

  // Zoom: the 1 x 2 region at row 2, columns 0-1, drawn 4 x 2 pixels: each cell covers 2 columns.
  std::vector<std::uint8_t> zoom(4 * 2 * 4);
  REQUIRE(
      pe::render_matrix(m, 4, 4, {2, 1, 0, 2}, 4, 2, pe::ColorMap::diverging, -1, 1, zoom).ok());
  const auto red = pe::color_of(pe::ColorMap::diverging, 1, -1, 1);
  const auto white = pe::color_of(pe::ColorMap::diverging, 0, -1, 1);
  CHECK(int(zoom[0]) == int(red.r));
  CHECK(int(zoom[4]) == int(red.r));
  CHECK(int(zoom[8]) == int(white.r));
  CHECK(int(zoom[12 + 4 * 4]) == int(white.r));  // second pixel row, last pixel
}

TEST_CASE("render_matrix refuses regions outside the matrix and mis-sized buffers") {
  const std::vector<float> m(16, 0.0f);
  std::vector<std::uint8_t> px(16);
  const auto outside =
      pe::render_matrix(m, 4, 4, {3, 2, 0, 4}, 2, 2, pe::ColorMap::viridis, -1, 1, px);
  CHECK(
      outside.error().message ==
      "the region rows [3, 5) x columns [0, 4) must be non-empty and lie inside the 4 x 4 matrix");
  CHECK_FALSE(
      pe::render_matrix(m, 4, 4, {0, 4, 0, 4}, 3, 2, pe::ColorMap::viridis, -1, 1, px).ok());
  CHECK_FALSE(
      pe::render_matrix(m, 4, 4, {0, 4, 0, 4}, 0, 2, pe::ColorMap::viridis, -1, 1, px).ok());
}
