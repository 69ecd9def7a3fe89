#include "pe/analysis.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "pe/sinusoidal.hpp"
#include "reference.hpp"

namespace {

pe::Spec make(int d_model, int positions = 1, const char* layout = "interleaved",
              const char* frequencies = "paper") {
  pe::SinusoidalOptions o;
  o.d_model = d_model;
  o.positions = positions;
  o.layout = layout;
  o.frequencies = frequencies;
  auto spec = pe::make_spec(o);
  REQUIRE(spec.ok());
  return spec.value();
}

double dot(const std::vector<double>& a, const std::vector<double>& b) {
  double sum = 0;
  for (std::size_t j = 0; j < a.size(); ++j) sum += a[j] * b[j];
  return sum;
}

}  // namespace

TEST_CASE("wavelengths run from 2*pi up to just under 2*pi*base") {
  const auto info = pe::dimensions(make(512));
  REQUIRE(info.size() == 512);
  CHECK(info[0].wavelength == doctest::Approx(2 * std::numbers::pi).epsilon(1e-15));
  CHECK(info[1].wavelength == info[0].wavelength);  // sin and cos of one pair share it
  // python3: 2*math.pi*10000**(510/512) = 60611.47716626105, just under 2*pi*10^4 = 62831.85
  CHECK(info[511].wavelength == doctest::Approx(60611.47716626105).epsilon(1e-12));
  CHECK(info[511].wavelength < 2 * std::numbers::pi * 10000);
  CHECK(info[511].pair == 255);
  CHECK(info[511].wave == pe::Wave::cos);
  for (std::size_t j = 2; j < info.size(); j += 2) CHECK(info[j].omega < info[j - 2].omega);
}

TEST_CASE("tensor2tensor's slowest wavelength is exactly 2*pi*base") {
  const auto info = pe::dimensions(make(512, 1, "split", "tensor2tensor"));
  CHECK(info[255].wavelength == doctest::Approx(2 * std::numbers::pi * 10000).epsilon(1e-12));
  CHECK(info[256].wave == pe::Wave::cos);
  CHECK(info[256].pair == 0);
}

TEST_CASE("the zero column of an odd d_model has no frequency, and a lone sine has the next one") {
  pe::SinusoidalOptions o;
  o.d_model = 5;
  o.odd = "zero_column";
  auto info = pe::dimensions(pe::make_spec(o).value());
  CHECK(info[4].wave == pe::Wave::zero);
  CHECK(info[4].omega == 0.0);
  CHECK(std::isinf(info[4].wavelength));
  o.odd = "extra_sine";  // the default for paper frequencies
  info = pe::dimensions(pe::make_spec(o).value());
  CHECK(info[4].wave == pe::Wave::sin);
  CHECK(info[4].pair == 2);
  CHECK(info[4].omega == doctest::Approx(std::pow(10000.0, -4.0 / 5)));
}

TEST_CASE("vector_at matches the reference and has norm sqrt(d/2)") {
  const auto spec = make(64, 1, "split");
  const auto v = pe::vector_at(spec, 12345);
  REQUIRE(v.ok());
  const auto expected = pe_test::reference_row({64, 10000, "split"}, 12345);
  for (int j = 0; j < 64; ++j) CHECK(v.value()[j] == doctest::Approx(expected[j]).epsilon(1e-12));
  CHECK(std::sqrt(dot(v.value(), v.value())) == doctest::Approx(std::sqrt(32.0)).epsilon(1e-12));
  CHECK(pe::vector_at(spec, -1).error().message ==
        "position must be an integer from 0 to 1000000000; got -1");
}

TEST_CASE("PE(p).PE(p+1) = 249.1021 at d_model = 512 for every p") {
  // python3 (float64, the paper's formula at p = 0, 7, 1000): 249.10209782736288
  const auto spec = make(512);
  const auto dots = pe::dot_by_offset(spec, 1, 1);
  REQUIRE(dots.ok());
  CHECK(dots.value()[0] == doctest::Approx(249.10209782736288).epsilon(1e-12));
  for (double p : {0.0, 7.0, 1000.0, 65535.0}) {
    const auto a = pe_test::reference_row({512}, p);
    const auto b = pe_test::reference_row({512}, p + 1);
    CHECK(dot(a, b) == doctest::Approx(249.1020978).epsilon(1e-9));
  }
}

TEST_CASE("dot_by_offset is the dot product of actual vectors, whatever p, and symmetric in k") {
  const auto spec = make(64);
  const auto dots = pe::dot_by_offset(spec, -20, 41);  // k = -20 .. 20
  REQUIRE(dots.ok());
  CHECK(dots.value()[20] == doctest::Approx(32.0));  // k = 0: |PE|^2 = d/2
  // python3: sum(cos(10 * 10000**(-2i/64)) for i in range(32)) = 21.05162882460777
  CHECK(dots.value()[30] == doctest::Approx(21.05162882460777).epsilon(1e-12));
  for (int k = 0; k <= 20; ++k)
    CHECK(dots.value()[20 + k] == doctest::Approx(dots.value()[20 - k]));
  for (double p : {3.0, 500.0}) {
    const auto a = pe_test::reference_row({64}, p);
    const auto b = pe_test::reference_row({64}, p + 10);
    CHECK(dot(a, b) == doctest::Approx(dots.value()[30]).epsilon(1e-10));
  }
  CHECK(pe::dot_by_offset(spec, 0, 0).error().message ==
        "count must be an integer from 1 to 1048576; got 0");
}

TEST_CASE("the Gram matrix is computed from the matrix and depends only on p - q") {
  const auto spec = make(32, 50);
  std::vector<float> m(spec.element_count()), g(50 * 50);
  REQUIRE(pe::sinusoidal_into(spec, m).ok());
  REQUIRE(pe::gram_into(spec, m, g).ok());
  const auto by_offset = pe::dot_by_offset(spec, -49, 99).value();
  for (int a = 0; a < 50; ++a) {
    for (int b = 0; b < 50; ++b) {
      CHECK(g[a * 50 + b] == doctest::Approx(by_offset[b - a + 49]).epsilon(1e-6));
    }
  }
}

TEST_CASE("the Gram matrix refuses sizes above its cap") {
  auto too_many = make(2, 2049);
  CHECK(pe::check_gram(too_many).error().message ==
        "the Gram matrix is limited to 2048 positions; got 2049");
  auto too_much = make(1024, 1024);
  CHECK(pe::check_gram(too_much).error().code == pe::ErrorCode::size_limit);
}

TEST_CASE("R_k maps PE(p) to PE(p+k) in every layout") {
  for (const char* layout : {"interleaved", "split", "split_cos_first"}) {
    CAPTURE(layout);
    const auto spec = make(128, 1, layout);
    for (double p : {0.0, 17.0, 60000.0}) {
      for (double k : {1.0, 5.0, -3.0, 1000.0}) {
        const auto residual = pe::rotation_residual(spec, p + (k < 0 ? 3 : 0), k);
        REQUIRE(residual.ok());
        CHECK(residual.value() < 1e-9);
      }
    }
  }
  const auto blocks = pe::rotation_blocks(make(4), 2).value();
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].cos_kw == doctest::Approx(std::cos(2.0)));
  CHECK(blocks[1].sin_kw == doctest::Approx(std::sin(0.02)));
  CHECK(pe::rotation_residual(make(4), 1, -2).error().message ==
        "position + offset must be from 0 to 1000000000; got -1");
}

TEST_CASE("columns_of returns chosen columns over all positions, column-major") {
  const auto spec = make(16, 30, "split");
  const std::vector<double> dims = {0, 8, 15};
  const auto cols = pe::columns_of(spec, dims);
  REQUIRE(cols.ok());
  REQUIRE(cols.value().size() == 90);
  for (int c = 0; c < 3; ++c) {
    for (int r = 0; r < 30; ++r) {
      const double expected = pe_test::reference_value({16, 10000, "split"}, r, int(dims[c]));
      CHECK(cols.value()[c * 30 + r] == doctest::Approx(expected).epsilon(1e-6));
    }
  }
  CHECK(pe::columns_of(spec, std::vector<double>{16}).error().message ==
        "dims must be an integer from 0 to 15; got 16");
  CHECK(pe::columns_of(spec, std::vector<double>{}).error().message ==
        "dims must list 1 to 64 entries; got 0");
}

TEST_CASE("dot_by_offset's rotation recurrence matches a cosine per term, near 0 and near 1e9") {
  // Reference: the definition, sum_i cos(k * omega_i), with k * omega_i and the cosine in long
  // double (64-bit mantissa natively; software 128-bit in wasm). Any float64 method, a cosine per
  // term included, carries the rounding of k * omega_i to float64: up to ulp(k * omega) / 2, about
  // 6e-8 radians near k = 1e9. The bound is that, per pair, plus 1e-12.
  for (const int d : {2, 64, 1024}) {
    pe::SinusoidalOptions o;
    o.d_model = d;
    const auto spec = pe::make_spec(o).value();
    for (const double first : {-300.0, 0.0, 999999000.0}) {
      const auto dots = pe::dot_by_offset(spec, first, 1000).value();
      double worst = 0;
      for (std::size_t n = 0; n < dots.size(); ++n) {
        long double exact = 0;
        for (int i = 0; i < spec.pairs(); ++i) {
          exact += std::cos(static_cast<long double>(first + double(n)) *
                            static_cast<long double>(pe::omega_of(spec, i)));
        }
        worst = std::max(worst, std::abs(dots[n] - static_cast<double>(exact)));
      }
      const double bound = spec.pairs() * (1e-12 + 2.3e-16 * std::abs(first + 1000));
      CAPTURE(d);
      CAPTURE(first);
      CHECK(worst <= bound);
    }
  }
}

TEST_CASE("columns are refused above their work cap") {
  pe::SinusoidalOptions o;
  o.d_model = 16;
  o.positions = 1 << 20;
  const auto spec = pe::make_spec(o).value();
  const std::vector<double> nine(9, 0.0);  // 9 x 2^20 > 2^23
  CHECK(pe::columns_of(spec, nine).error().kind == "work_cap");
  CHECK(pe::columns_of(spec, std::vector<double>(8, 0.0)).ok());
}
