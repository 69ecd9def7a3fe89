// ALiBi against the reference code: slopes from get_slopes() of
// ofirpress/attention_with_linear_biases (fairseq/models/transformer.py @3b7c2eca), run in Python 3
// (float64) for the values below.
#include "pe/alibi.hpp"

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
  const auto spec = pe::make_alibi_spec(2, 4, true, "distance").value();
  CHECK(pe::alibi_attention(spec, 2, 0).error().parameter == "head");
  CHECK(pe::alibi_attention(spec, 0, 4).error().parameter == "query");
}
