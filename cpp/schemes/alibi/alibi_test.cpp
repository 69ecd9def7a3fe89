// ALiBi against the reference code: slopes from get_slopes() of
// ofirpress/attention_with_linear_biases (fairseq/models/transformer.py @3b7c2eca), run in Python 3
// (float64) for the values below.
#include "alibi.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <vector>

TEST_CASE("slopes match get_slopes for powers of two and for other head counts") {
  const std::vector<double> twelve = {0.5,
                                      0.25,
                                      0.125,
                                      0.0625,
                                      0.03125,
                                      0.015625,
                                      0.0078125,
                                      0.00390625,
                                      0.7071067811865476,
                                      0.35355339059327384,
                                      0.17677669529663692,
                                      0.08838834764831849};
  CHECK(pe::alibi_slopes(12).value() == twelve);  // bit-for-bit: the same float64 operations
  CHECK(pe::alibi_slopes(6).value() ==
        std::vector<double>{0.25, 0.0625, 0.015625, 0.00390625, 0.5, 0.125});
  CHECK(pe::alibi_slopes(3).value() == std::vector<double>{0.0625, 0.00390625, 0.25});
  CHECK(pe::alibi_slopes(1).value() == std::vector<double>{0.00390625});
  const auto eight = pe::alibi_slopes(8).value();
  for (int i = 0; i < 8; ++i) CHECK(eight[i] == std::ldexp(1.0, -(i + 1)));
}

TEST_CASE("the bias is -slope * distance, -Infinity above the diagonal when causal") {
  auto spec = pe::make_alibi_spec(2, 3, true, "distance").value();
  std::vector<float> bias(spec.element_count());
  REQUIRE(pe::alibi_bias(spec, bias).ok());
  const float inf = std::numeric_limits<float>::infinity();
  // Head 0 (slope 2^-4 for 2 heads), then head 1 (2^-8).
  const std::vector<float> head0 = {0, -inf, -inf, -0.0625f, 0, -inf, -0.125f, -0.0625f, 0};
  for (int k = 0; k < 9; ++k) CHECK(bias[k] == head0[k]);
  CHECK(bias[9 + 6] == -0.0078125f);
  spec = pe::make_alibi_spec(1, 3, false, "distance").value();
  bias.resize(spec.element_count());
  REQUIRE(pe::alibi_bias(spec, bias).ok());
  CHECK(bias[2] == -2 * 0.00390625f);  // |0 - 2| above the diagonal, not masked
}

TEST_CASE("BLOOM's slope * j gives the same softmax as -slope * (i - j)") {
  for (const int heads : {8, 12}) {
    const auto paper = pe::make_alibi_spec(heads, 40, true, "distance").value();
    const auto bloom = pe::make_alibi_spec(heads, 40, true, "key_position").value();
    for (int head = 0; head < heads; ++head) {
      const auto a = pe::alibi_attention(paper, head, 30).value();
      const auto b = pe::alibi_attention(bloom, head, 30).value();
      double total = 0;
      for (int j = 0; j < 40; ++j) {
        CHECK(a[j] == doctest::Approx(b[j]).epsilon(1e-12).scale(1e-12));
        total += a[j];
      }
      CHECK(total == doctest::Approx(1.0));
      CHECK(a[31] == 0.0);   // a future key gets nothing
      CHECK(a[30] > a[29]);  // nearer keys get more
    }
  }
}

TEST_CASE("bad ALiBi parameters are refused with the parameter named") {
  CHECK(pe::alibi_slopes(0).error().parameter == "heads");
  CHECK(pe::make_alibi_spec(8, 4, true, "linear").error().parameter == "form");
  CHECK(pe::make_alibi_spec(64, 1024, true, "distance").error().code == pe::ErrorCode::size_limit);
  // One query's attention makes no tensor: 64 heads x 4096 positions is fine there.
  const auto wide = pe::make_alibi_spec(64, 4096, true, "distance", false).value();
  CHECK(pe::alibi_attention(wide, 63, 4095).value().size() == 4096);
  const auto spec = pe::make_alibi_spec(2, 4, true, "distance").value();
  CHECK(pe::alibi_attention(spec, 2, 0).error().parameter == "head");
  CHECK(pe::alibi_attention(spec, 0, 4).error().parameter == "query");
}

TEST_CASE(
    "one head's bias at canvas resolution: each pixel the bias of the cell under its centre") {
  const auto slopes = pe::alibi_slopes(8).value();
  const auto spec = pe::make_alibi_spec(8, 16, true, "distance").value();
  std::vector<float> bias(spec.element_count());
  REQUIRE(pe::alibi_bias(spec, bias));
  std::vector<std::uint8_t> rgba(16 * 16 * 4);
  const double low = -slopes[2] * 15;
  REQUIRE(pe::render_alibi(slopes, 2, 16, true, pe::AlibiForm::distance, 16, 16, low, 0, rgba));
  for (int i = 0; i < 16; ++i) {
    for (int j = 0; j < 16; ++j) {
      const float v = bias[(2 * 16 + i) * 16 + j];
      const auto c = pe::color_of(pe::ColorMap::viridis, v == -INFINITY ? NAN : double(v), low, 0);
      const std::uint8_t* px = &rgba[(std::size_t(i) * 16 + j) * 4];
      CHECK(px[0] == c.r);
      CHECK(px[3] == c.a);  // transparent above the diagonal
    }
  }
  // 65,536 positions: far past alibi_bias's tensor cap, drawn; a bad head is named.
  std::vector<std::uint8_t> big(256 * 256 * 4);
  CHECK(pe::render_alibi(slopes, 0, 65536, true, pe::AlibiForm::distance, 256, 256, -1, 0, big));
  CHECK(pe::render_alibi(slopes, 8, 16, true, pe::AlibiForm::distance, 16, 16, low, 0, rgba)
            .error()
            .parameter == "head");
}

TEST_CASE("the form's enum follows the table's choices") {
  CHECK(pe::parse_alibi_form("distance").value() == pe::AlibiForm::distance);
  CHECK(pe::parse_alibi_form("key_position").value() == pe::AlibiForm::key_position);
  CHECK(pe::parse_alibi_form("bloom").error().kind == "one_of");
}
