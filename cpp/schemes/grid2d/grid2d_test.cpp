// 2-D sin-cos against MAE's get_2d_sincos_pos_embed (facebookresearch/mae, util/pos_embed.py
// @a9f5c701), transcribed to numpy in float64 for the values below (MAE itself computes omega in
// float32 at that commit; the float32 table differs from these by less than 1e-6 at 14 x 14).
#include "grid2d.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

TEST_CASE("the table is MAE's: row-major patches, x (the column) in the first half") {
  const auto spec = pe::make_grid2d_spec(8, 2, 3, 10000, false).value();
  std::vector<float> t(spec.element_count());
  REQUIRE(pe::sincos2d_into(spec, t).ok());
  REQUIRE(t.size() == 6 * 8);
  // Row 2 is patch (row 0, column 2): x = 2 in the first half, y = 0 in the second.
  const double row2[] = {
      0.9092974268256816, 0.01999866669333308, -0.4161468365471424, 0.999800006666578, 0, 0, 1, 1};
  for (int j = 0; j < 8; ++j) CHECK(t[2 * 8 + j] == doctest::Approx(row2[j]).epsilon(1e-7));
  const double row4[] = {0.8414709848078965, 0.009999833334166664, 0.5403023058681397,
                         0.9999500004166654, 0.8414709848078965,   0.009999833334166664,
                         0.5403023058681397, 0.9999500004166654};
  for (int j = 0; j < 8; ++j) CHECK(t[4 * 8 + j] == doctest::Approx(row4[j]).epsilon(1e-7));
}

TEST_CASE("the class token adds a zero row first") {
  const auto spec = pe::make_grid2d_spec(16, 14, 14, 10000, true).value();
  std::vector<float> t(spec.element_count());
  REQUIRE(pe::sincos2d_into(spec, t).ok());
  REQUIRE(spec.rows() == 197);  // ViT-B/16 at 224 px: 196 patches + [CLS]
  for (int j = 0; j < 16; ++j) CHECK(t[j] == 0.0f);
  // Row 16 = patch 15 = (row 1, column 1).
  const double row16[] = {0.8414709848078965,    0.09983341664682817, 0.009999833334166664,
                          0.0009999998333333417, 0.5403023058681397,  0.9950041652780256,
                          0.9999500004166654,    0.9999995000000417};
  for (int j = 0; j < 8; ++j) {
    CHECK(t[16 * 16 + j] == doctest::Approx(row16[j]).epsilon(1e-7));
    CHECK(t[16 * 16 + 8 + j] == doctest::Approx(row16[j]).epsilon(1e-7));  // y = x = 1
  }
}

TEST_CASE("similarity over the x half ignores rows, over the y half ignores columns") {
  const auto spec = pe::make_grid2d_spec(64, 5, 7, 10000, false).value();
  const auto x = pe::grid2d_similarity(spec, 2, 3, pe::GridPart::x).value();
  const auto y = pe::grid2d_similarity(spec, 2, 3, pe::GridPart::y).value();
  const auto all = pe::grid2d_similarity(spec, 2, 3, pe::GridPart::all).value();
  for (int r = 0; r < 5; ++r) {
    CHECK(x[r * 7 + 3] == doctest::Approx(1.0));   // same column
    CHECK(x[r * 7 + 5] == doctest::Approx(x[5]));  // the row does not matter
  }
  for (int c = 0; c < 7; ++c) CHECK(y[2 * 7 + c] == doctest::Approx(1.0));
  CHECK(all[2 * 7 + 3] == doctest::Approx(1.0));
  CHECK(all[0] < all[2 * 7 + 2]);  // a far patch is less similar than a neighbour
}

TEST_CASE("bad 2-D parameters are refused with the parameter named") {
  CHECK(pe::make_grid2d_spec(6, 14, 14, 10000, false).error().kind == "multiple_of");
  CHECK(pe::make_grid2d_spec(8, 0, 14, 10000, false).error().parameter == "grid_height");
  CHECK(pe::make_grid2d_spec(8192, 1024, 1024, 10000, false).error().code ==
        pe::ErrorCode::size_limit);
  const auto spec = pe::make_grid2d_spec(8, 2, 2, 10000, false).value();
  CHECK(pe::grid2d_similarity(spec, 2, 0, pe::GridPart::x).error().parameter == "row");
  CHECK(pe::parse_grid_part("z").error().parameter == "part");
}

TEST_CASE("the three similarities at once are the single ones, and cosines of the table's rows") {
  // Independent of the half-dot shortcut: cosines computed here from sincos2d's rows (float32
  // values, so to 1e-6), over all columns, the x half [0, d/2) and the y half [d/2, d).
  const auto spec = pe::make_grid2d_spec(32, 6, 9, 10000, false).value();
  const auto each = pe::grid2d_similarities(spec, 4, 2).value();
  const pe::GridPart parts[] = {pe::GridPart::all, pe::GridPart::x, pe::GridPart::y};
  const std::vector<double>* got[] = {&each.all, &each.x, &each.y};
  std::vector<float> table(spec.element_count());
  REQUIRE(pe::sincos2d_into(spec, table));
  const int d = 32, picked = 4 * 9 + 2;
  const int from[] = {0, 0, d / 2}, to[] = {d, d / 2, d};
  for (int k = 0; k < 3; ++k) {
    CHECK(*got[k] == pe::grid2d_similarity(spec, 4, 2, parts[k]).value());  // exactly
    for (int patch = 0; patch < 6 * 9; ++patch) {
      double dot = 0, a = 0, b = 0;
      for (int j = from[k]; j < to[k]; ++j) {
        dot += double(table[picked * d + j]) * table[patch * d + j];
        a += double(table[picked * d + j]) * table[picked * d + j];
        b += double(table[patch * d + j]) * table[patch * d + j];
      }
      CHECK((*got[k])[patch] == doctest::Approx(dot / std::sqrt(a * b)).epsilon(1e-6));
    }
  }
  CHECK(pe::grid2d_similarities(spec, 0, 9).error().parameter == "col");
}
