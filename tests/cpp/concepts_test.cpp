#include "pe/concepts.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "pe/analysis.hpp"
#include "reference.hpp"

namespace {

std::vector<std::string> tokens_of(std::string_view text) {
  auto r = pe::tokenize(text);
  REQUIRE(r.ok());
  return r.value().tokens;
}

pe::Spec make(int d_model, int positions) {
  pe::SinusoidalOptions o;
  o.d_model = d_model;
  o.positions = positions;
  return pe::make_spec(o).value();
}

}  // namespace

TEST_CASE("the generator is splitmix64 (values from an independent Python implementation)") {
  pe::Random random(0);
  CHECK(random.next() == 0xe220a8397b1dcdafULL);
  CHECK(random.next() == 0x6e789e6aa1b965f4ULL);
  CHECK(random.next() == 0x06c45d188009454fULL);
}

TEST_CASE("normal draws have mean 0 and standard deviation 1") {
  pe::Random random(42);
  double sum = 0, squares = 0;
  const int n = 200000;
  for (int k = 0; k < n; ++k) {
    const double x = random.normal();
    sum += x;
    squares += x * x;
  }
  CHECK(std::abs(sum / n) < 0.01);  // 4.5 standard errors
  CHECK(std::sqrt(squares / n) == doctest::Approx(1.0).epsilon(0.01));
}

TEST_CASE("a learned table has one row per position up to max_len and none after") {
  const auto spec = pe::make_learned(64, 512, 7).value();
  CHECK(spec.parameter_count() == 512 * 64);
  const auto table = pe::learned_table(spec);
  REQUIRE(table.size() == 512 * 64);
  CHECK(table == pe::learned_table(spec));  // seeded: the same every time
  CHECK(table != pe::learned_table(pe::make_learned(64, 512, 8).value()));
  double squares = 0;
  for (float v : table) squares += double(v) * v;
  CHECK(std::sqrt(squares / double(table.size())) ==
        doctest::Approx(pe::kLearnedStd).epsilon(0.02));
  const auto row = pe::learned_row(spec, 511);
  REQUIRE(row.ok());
  CHECK(row.value() == std::vector<float>(table.end() - 64, table.end()));
  CHECK(pe::learned_row(spec, 512).error().message ==
        "position 512 has no row: a learned table with max_len = 512 has rows 0 to 511");
  CHECK(pe::make_learned(64, 0, 1).error().message ==
        "max_len must be an integer from 1 to 8192; got 0");
}

TEST_CASE("the tokenizer follows its documented rules") {
  CHECK(tokens_of("The cat sat on the mat.") ==
        std::vector<std::string>{"the", "cat", "sat", "on", "the", "mat", "."});
  CHECK(tokens_of("  Don't   STOP!  ") == std::vector<std::string>{"don't", "stop", "!"});
  CHECK(tokens_of("café Über") ==
        std::vector<std::string>{"café", "Über"});  // beyond ASCII: kept as is
  CHECK(tokens_of("猫坐在垫子上。") ==
        std::vector<std::string>{"猫", "坐", "在", "垫", "子", "上", "。"});
  CHECK(tokens_of("GPT-2 是模型") == std::vector<std::string>{"gpt", "-", "2", "是", "模", "型"});
  CHECK(tokens_of("").empty());
  CHECK(pe::tokenize("ok \xff bad").error().message == "text is not valid UTF-8 at byte 3");
  CHECK(pe::tokenize("\xe4\xbd").error().message == "text is not valid UTF-8 at byte 0");
  std::string many;
  for (int k = 0; k < 70; ++k) many.append("w").append(std::to_string(k)).append(" ");
  const auto r = pe::tokenize(many).value();
  CHECK(r.tokens.size() == 64);
  CHECK(r.truncated);
  CHECK(r.tokens.back() == "w63");
}

TEST_CASE("token embeddings are deterministic per word and scale linearly") {
  const std::vector<std::string> words = {"the", "cat", "the"};
  const auto e = pe::token_embeddings(words, 8, 1.0).value();
  REQUIRE(e.size() == 24);
  CHECK(std::vector<float>(e.begin(), e.begin() + 8) ==
        std::vector<float>(e.begin() + 16, e.end()));
  CHECK(std::vector<float>(e.begin(), e.begin() + 8) !=
        std::vector<float>(e.begin() + 8, e.begin() + 16));
  const auto doubled = pe::token_embeddings(words, 8, 2.0).value();
  for (std::size_t k = 0; k < e.size(); ++k) CHECK(doubled[k] == doctest::Approx(2 * e[k]));
  CHECK(pe::token_embeddings(words, 8, -1).error().message ==
        "scale must be a number from 0 to 100; got -1");
}

TEST_CASE(
    "input vectors are embedding + PE, so one word at two positions differs by PE(p) - PE(q)") {
  const std::vector<std::string> words = {"the", "cat", "saw", "the", "dog"};
  const auto spec = make(16, 5);
  const auto x = pe::input_vectors(words, spec, 1.0, true).value();
  const auto plain = pe::input_vectors(words, spec, 1.0, false).value();
  const auto e = pe::token_embeddings(words, 16, 1.0).value();
  CHECK(plain == e);
  for (int j = 0; j < 16; ++j) {
    // float64 reference for PE(0) - PE(3) (the paper's formula, written out in reference.hpp)
    const double expected =
        pe_test::reference_value({16}, 0, j) - pe_test::reference_value({16}, 3, j);
    CHECK(double(x[j]) - double(x[3 * 16 + j]) == doctest::Approx(expected).epsilon(1e-6).scale(1));
    CHECK(plain[j] == plain[3 * 16 + j]);  // without PE the two "the" are the same vector
  }
  CHECK(pe::input_vectors(words, make(16, 4), 1.0, true).error().message ==
        "positions must be an integer from 5 to 5; got 4");
}

TEST_CASE("the eigensolver satisfies A v = lambda v with orthonormal vectors") {
  // A random symmetric 7 x 7 matrix; the check multiplies back in float64, independently of the
  // solver.
  const int n = 7;
  pe::Random random(3);
  std::vector<double> a(n * n);
  for (int r = 0; r < n; ++r) {
    for (int c = r; c < n; ++c) a[r * n + c] = a[c * n + r] = random.normal();
  }
  const auto e = pe::symmetric_eigen(a, n);
  for (int k = 0; k + 1 < n; ++k) CHECK(e.values[k] >= e.values[k + 1]);
  for (int k = 0; k < n; ++k) {
    for (int r = 0; r < n; ++r) {
      double av = 0;
      for (int c = 0; c < n; ++c) av += a[r * n + c] * e.vectors[c * n + k];
      CHECK(av == doctest::Approx(e.values[k] * e.vectors[r * n + k]).epsilon(1e-10).scale(1));
    }
    for (int m = 0; m < n; ++m) {
      double dot = 0;
      for (int r = 0; r < n; ++r) dot += e.vectors[r * n + k] * e.vectors[r * n + m];
      CHECK(dot == doctest::Approx(k == m ? 1.0 : 0.0).scale(1).epsilon(1e-12));
    }
  }
}

TEST_CASE("PCA finds the direction of largest variance") {
  // Points t * (3, 4, 0, 0) / 5 + small noise in dimension 2: the first component is that line.
  const int n = 20, d = 4;
  std::vector<float> values(n * d);
  pe::Random random(9);
  for (int r = 0; r < n; ++r) {
    const double t = r - 9.5;
    values[r * d + 0] = float(3 * t / 5);
    values[r * d + 1] = float(4 * t / 5);
    values[r * d + 2] = float(0.01 * random.normal());
    values[r * d + 3] = 7.0f;  // constant: no variance
  }
  const auto p = pe::project(values, n, d, pe::Projection::pca).value();
  CHECK(p.explained[0] > 0.9999);
  CHECK(p.explained[1] < 1e-4);
  // The scores along the line are t (up to one overall sign, fixed by the solver).
  const double sign = p.xy[0] < 0 ? 1 : -1;  // row 0 has t = -9.5
  for (int r = 0; r < n; ++r) CHECK(sign * p.xy[r * 2] == doctest::Approx(r - 9.5).epsilon(1e-4));
  const auto plain = pe::project(values, n, d, pe::Projection::first_two).value();
  CHECK(plain.xy[2] == doctest::Approx(values[d]));
  CHECK(plain.xy[3] == doctest::Approx(values[d + 1]));
  CHECK(pe::project(values, n, d + 1, pe::Projection::pca).error().message ==
        "values must hold 100 numbers; got 80");
}

TEST_CASE("the closest pair of position vectors matches a brute-force search") {
  for (int d_model : {4, 16, 64}) {
    const auto spec = make(d_model, 60);
    double best = 1e300;
    int best_offset = 0;
    for (int p = 0; p < 60; ++p) {
      const auto a = pe_test::reference_row({d_model}, p);
      for (int q = p + 1; q < 60; ++q) {
        const auto b = pe_test::reference_row({d_model}, q);
        double sum = 0;
        for (int j = 0; j < d_model; ++j) sum += (a[j] - b[j]) * (a[j] - b[j]);
        if (std::sqrt(sum) < best - 1e-12) {
          best = std::sqrt(sum);
          best_offset = q - p;
        }
      }
    }
    const auto closest = pe::closest_positions(spec).value();
    CAPTURE(d_model);
    CHECK(closest.distance == doctest::Approx(best).epsilon(1e-9));
    CHECK(closest.offset == best_offset);
    CHECK(closest.distance > 0);  // every position in range gets its own vector
  }
}

TEST_CASE("the doubled exponent stretches the slowest wavelength from ~2*pi*1e4 to ~2*pi*1e8") {
  const auto spec = make(512, 10);
  const auto wrong = pe::wrong_exponent_wavelengths(spec);
  // python3: 2*math.pi*10000**(2*511/512) = 606114771.6626105 (correct: 60611.47716626105)
  CHECK(wrong[511] == doctest::Approx(606114771.6626105).epsilon(1e-12));
  CHECK(wrong[0] == doctest::Approx(2 * std::numbers::pi));
  const auto right = pe::dimensions(spec);
  CHECK(wrong[511] / right[511].wavelength > 9000);
  const std::vector<double> dims = {300, 301};
  const auto columns = pe::wrong_exponent_columns(spec, dims).value();
  // Each column its own frequency: dimension 301 uses exponent 2*301/512, not the pair's 2*300/512.
  CHECK(columns[10 + 7] ==
        doctest::Approx(std::cos(7 / std::pow(10000.0, 602.0 / 512))).epsilon(1e-6));
  CHECK(columns[7] == doctest::Approx(std::sin(7 / std::pow(10000.0, 600.0 / 512))).epsilon(1e-6));
}
