#include "pe/sinusoidal.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "reference.hpp"

namespace {

pe::Spec make(int d_model, int positions, std::int64_t start = 0,
              const char* layout = "interleaved", const char* frequencies = "paper",
              double base = 10000, const char* odd = "auto") {
  pe::SinusoidalOptions o;
  o.d_model = d_model;
  o.positions = positions;
  o.start = static_cast<double>(start);
  o.base = base;
  o.layout = layout;
  o.frequencies = frequencies;
  o.odd = odd;
  auto spec = pe::make_spec(o);
  REQUIRE(spec.ok());
  return spec.value();
}

std::vector<float> generate(const pe::Spec& spec) {
  std::vector<float> out(spec.element_count());
  REQUIRE(pe::sinusoidal_into(spec, out).ok());
  return out;
}

// Largest |engine - float64 reference| over the whole matrix.
double max_error(const pe::Spec& spec, const std::vector<float>& m) {
  const pe_test::RefSpec ref{spec.d_model, spec.base, std::string(pe::to_string(spec.layout)),
                             std::string(pe::to_string(spec.frequencies)),
                             std::string(pe::to_string(spec.odd))};
  double worst = 0;
  for (int r = 0; r < spec.positions; ++r) {
    const double position = static_cast<double>(spec.start + r);
    for (int j = 0; j < spec.d_model; ++j) {
      const double expected = pe_test::reference_value(ref, position, j);
      worst = std::max(worst, std::abs(double(m[std::size_t(r) * spec.d_model + j]) - expected));
    }
  }
  return worst;
}

}  // namespace

TEST_CASE("d_model = 4 at position 1 matches the values computed in float64 by Python's math") {
  // python3: [sin(1), cos(1), sin(1/100), cos(1/100)]
  const auto m = generate(make(4, 2));
  const double expected[4] = {0.8414709848078965, 0.5403023058681398, 0.009999833334166664,
                              0.9999500004166653};
  for (int j = 0; j < 4; ++j) CHECK(m[4 + j] == doctest::Approx(expected[j]).epsilon(1e-7));
  // Position 0 is (sin 0, cos 0) = (0, 1) in every pair.
  CHECK(m[0] == 0.0f);
  CHECK(m[1] == 1.0f);
}

TEST_CASE("each layout and frequency convention matches Python's float64 values") {
  SUBCASE("tensor2tensor frequencies, split layout (d = 6, position 3)") {
    // python3: w_i = 10000**(-i/2); [sin(3 w_i) for i in 0..2] + [cos(3 w_i) for i in 0..2]
    const double expected[6] = {0.1411200080598672,  0.02999550020249566, 0.00029999999550000005,
                                -0.9899924966004454, 0.9995500337489875,  0.9999999550000004};
    const auto m = generate(make(6, 1, 3, "split", "tensor2tensor"));
    for (int j = 0; j < 6; ++j) CHECK(m[j] == doctest::Approx(expected[j]).epsilon(1e-6));
  }
  SUBCASE("paper frequencies, split_cos_first layout (DiT, d = 8, position 5)") {
    const double expected[8] = {0.28366218546322625, 0.8775825618903728,  0.9987502603949663,
                                0.9999875000260416,  -0.9589242746631385, 0.479425538604203,
                                0.04997916927067833, 0.004999979166692708};
    const auto m = generate(make(8, 1, 5, "split_cos_first"));
    for (int j = 0; j < 8; ++j) CHECK(m[j] == doctest::Approx(expected[j]).epsilon(1e-6));
  }
  SUBCASE("d_model = 1: a single sine (extra_sine, the default) or a zero column") {
    const auto sine = generate(make(1, 3));
    CHECK(sine[2] == doctest::Approx(std::sin(2.0)).epsilon(1e-7));
    const auto zero = generate(make(1, 3, 0, "interleaved", "paper", 10000, "zero_column"));
    CHECK(zero == std::vector<float>{0.0f, 0.0f, 0.0f});
  }
}

TEST_CASE("the fast path is within 1e-6 of float64 for every position below 65,536") {
  // d_model = 128 over all 65,536 positions (8.4 M values), every layout and convention.
  for (const char* layout : {"interleaved", "split", "split_cos_first"}) {
    for (const char* frequencies : {"paper", "tensor2tensor"}) {
      CAPTURE(layout);
      CAPTURE(frequencies);
      const auto spec = make(128, 65536, 0, layout, frequencies);
      const double error = max_error(spec, generate(spec));
      CHECK(error <= 1e-6);
      CHECK(error <= 2e-7);  // the design expectation: a few float32 roundings (see sinusoidal.cpp)
    }
  }
}

TEST_CASE("the fast path is within 1e-6 of float64 at d_model up to 4096 and large positions") {
  // Windows of 600 rows (more than 4 reseed intervals, and not a multiple of one).
  for (int d_model : {2, 3, 7, 512, 1023, 4096}) {
    for (std::int64_t start : {0, 32000, 64936, 999999000}) {
      CAPTURE(d_model);
      CAPTURE(start);
      for (const char* odd : {"zero_column", "extra_sine"}) {
        for (const char* layout : {"interleaved", "split", "split_cos_first"}) {
          CAPTURE(odd);
          CAPTURE(layout);
          const auto spec = make(d_model, 600, start, layout, "paper", 10000, odd);
          CHECK(max_error(spec, generate(spec)) <= 1e-6);
        }
      }
    }
  }
}

TEST_CASE("a float32 angle is off by ~1e-3 at large positions, which these tests would catch") {
  // What a naive float32 implementation does: angle = float(pos) * float(omega), sin in float32.
  // At position 65,535 the angle is ~6.5e4 rad with a float32 ulp of ~4e-3, so the value is off by
  // up to ~2e-3. The check below proves the reference and the tolerance can tell that apart from
  // our output.
  const auto spec = make(64, 1, 65535);
  const auto ours = generate(spec);
  const pe_test::RefSpec ref{64};
  double float32_error = 0, our_error = 0;
  for (int j = 0; j < 64; ++j) {
    const float omega = static_cast<float>(1.0 / std::pow(10000.0, (2.0 * (j / 2)) / 64));
    const float angle = 65535.0f * omega;
    const float naive = j % 2 == 0 ? std::sin(angle) : std::cos(angle);
    const double expected = pe_test::reference_value(ref, 65535, j);
    float32_error = std::max(float32_error, std::abs(double(naive) - expected));
    our_error = std::max(our_error, std::abs(double(ours[j]) - expected));
  }
  CHECK(float32_error > 1e-4);
  CHECK(our_error <= 1e-6);
}

TEST_CASE("the naive path and the fast path agree") {
  const auto spec = make(96, 300, 17, "split", "tensor2tensor", 500);
  std::vector<float> naive(spec.element_count());
  REQUIRE(pe::sinusoidal_naive_into(spec, naive).ok());
  const auto fast = generate(spec);
  double worst = 0;
  for (std::size_t n = 0; n < fast.size(); ++n) {
    worst = std::max(worst, std::abs(double(fast[n]) - double(naive[n])));
  }
  CHECK(worst <= 2e-7);
}

TEST_CASE("every row has norm sqrt(d_model / 2), and rows do not depend on the window") {
  const auto spec = make(512, 40, 1000);
  const auto m = generate(spec);
  for (int r = 0; r < spec.positions; ++r) {
    double sum = 0;
    for (int j = 0; j < 512; ++j) sum += double(m[r * 512 + j]) * m[r * 512 + j];
    CHECK(std::sqrt(sum) == doctest::Approx(16.0).epsilon(1e-6));
  }
  // Position 1005 is row 5 here and row 0 of a window that starts at 1005.
  const auto later = generate(make(512, 1, 1005));
  for (int j = 0; j < 512; ++j) CHECK(later[j] == doctest::Approx(m[5 * 512 + j]).epsilon(1e-6));
}

TEST_CASE("a wrong output size is refused, not written") {
  const auto spec = make(8, 4);
  std::vector<float> small(31, 42.0f);
  const auto status = pe::sinusoidal_into(spec, small);
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().message == "out must hold 32 numbers; got 31");
  CHECK(small[0] == 42.0f);
}

TEST_CASE("odd d_model matches the code of the projects that use each rule (d = 5, position 2)") {
  // Reference values: each project's own formula run in numpy (float64), d = 5, row 2:
  //   DistilBERT create_sinusoidal_embeddings (huggingface/transformers,
  //     models/distilbert/modeling_distilbert.py): the formula on every column j < d, interleaved.
  //   Marian (models/marian/modeling_marian.py): the same angles, ceil(d/2) sines then cosines.
  //   DiT TimestepEmbedder.timestep_embedding (facebookresearch/DiT @ed81ce22, models.py): cos half
  //     first, exponent i/h, a zero column appended.
  //   fairseq SinusoidalPositionalEmbedding.get_embedding (facebookresearch/fairseq @3d262bb2):
  //     sin half, exponent i/(h-1), a zero column appended.
  struct Case {
    const char* who;
    const char* layout;
    const char* frequencies;
    const char* odd;
    double expected[5];
  };
  const Case cases[] = {
      {"DistilBERT",
       "interleaved",
       "paper",
       "extra_sine",
       {0.9092974268256816, -0.4161468365471424, 0.050216599387465206, 0.9987383506934931,
        0.0012619143540422218}},
      {"Marian",
       "split",
       "paper",
       "extra_sine",
       {0.9092974268256816, 0.050216599387465206, 0.0012619143540422218, -0.4161468365471424,
        0.9987383506934931}},
      {"DiT",
       "split_cos_first",
       "paper",
       "zero_column",
       {-0.4161468365471424, 0.999800006666578, 0.9092974268256816, 0.01999866669333307, 0.0}},
      {"fairseq",
       "split",
       "tensor2tensor",
       "zero_column",
       {0.9092974268256816, 0.0001999999986666665, -0.4161468365471424, 0.9999999800000001, 0.0}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.who);
    const auto m = generate(make(5, 3, 0, c.layout, c.frequencies, 10000, c.odd));
    for (int j = 0; j < 5; ++j) CHECK(m[2 * 5 + j] == doctest::Approx(c.expected[j]).epsilon(1e-6));
  }
  // The defaults: paper frequencies give DistilBERT's extra sine, tensor2tensor fairseq's zero
  // column.
  CHECK(make(5, 1).odd == pe::OddRule::extra_sine);
  CHECK(make(5, 1, 0, "split", "tensor2tensor").odd == pe::OddRule::zero_column);
  pe::SinusoidalOptions o;
  o.odd = "pad";
  CHECK(pe::make_spec(o).error().message ==
        "odd must be one of auto, zero_column, extra_sine; got \"pad\"");
}
