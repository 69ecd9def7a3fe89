// RoPE against the reference code's formulas. Reference values: numpy float64 transcriptions of
// Hugging Face transformers' rotate_half / apply_rotary_pos_emb (models/llama/modeling_llama.py
// @5dd4a635) and GPT-J's rotate_every_two / apply_rotary_pos_emb (models/gptj/modeling_gptj.py
// @00b676f8), with inv_freq = 1 / theta^(arange(0, r, 2) / r) as both build it, evaluated in
// float64.
#include "rope.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <complex>
#include <vector>

#include "pe/spec.hpp"

namespace {

pe::RopeSpec make(int head_dim, double theta, int rotary_dim, const char* pairing) {
  pe::RopeOptions o;
  o.head_dim = head_dim;
  o.theta = theta;
  o.rotary_dim = rotary_dim;
  o.pairing = pairing;
  return pe::make_rope_spec(o).value();
}

std::vector<float> rotate(const pe::RopeSpec& spec, std::vector<float> x, double position) {
  std::vector<float> out(x.size());
  const std::vector<double> positions = {position};
  REQUIRE(pe::rope_apply(spec, x, positions, out).ok());
  return out;
}

const std::vector<float> kOneToEight = {1, 2, 3, 4, 5, 6, 7, 8};

}  // namespace

TEST_CASE("half pairing matches rotate_half (Llama, GPT-NeoX, Hugging Face)") {
  const double expected[] = {-1.6955925368997815, 0.13755173828317413, 2.7886815998294936,
                             3.975982036013484,   -4.8088424749423595, 6.323059348076316,
                             7.086836736850401,   8.011963982027009};
  const auto out = rotate(make(8, 10000, 8, "half"), kOneToEight, 3);
  for (int j = 0; j < 8; ++j) CHECK(out[j] == doctest::Approx(expected[j]).epsilon(1e-7));
}

TEST_CASE("interleaved pairing matches GPT-J's rotate_every_two") {
  const double expected[] = {-1.27223251272018, -1.8388649851410237, 1.6839286407314595,
                             4.707906576486444, 4.8177771675299645,  6.147277703506405,
                             6.975968536023609, 8.020963968527013};
  const auto out = rotate(make(8, 10000, 8, "interleaved"), kOneToEight, 3);
  for (int j = 0; j < 8; ++j) CHECK(out[j] == doctest::Approx(expected[j]).epsilon(1e-7));
}

TEST_CASE("partial rotary rotates the first rotary_dim dimensions and leaves the rest") {
  SUBCASE("half (GPT-NeoX rotary_pct)") {
    const double expected[] = {
        3.160435009452642, 1.9716659646625427, -0.10793771827345966, 4.014042018189563, 5, 6, 7, 8};
    const auto out = rotate(make(8, 500000, 4, "half"), kOneToEight, 5);
    for (int j = 0; j < 8; ++j) CHECK(out[j] == doctest::Approx(expected[j]).epsilon(1e-7));
  }
  SUBCASE("interleaved (GPT-J rotary_dim)") {
    const double expected[] = {
        2.2015107347895033, -0.39159990373668596, 2.9716409647667095, 4.02111302707601, 5, 6, 7, 8};
    const auto out = rotate(make(8, 500000, 4, "interleaved"), kOneToEight, 5);
    for (int j = 0; j < 8; ++j) CHECK(out[j] == doctest::Approx(expected[j]).epsilon(1e-7));
  }
}

TEST_CASE("interleaved RoPE is Meta's complex multiplication, to 1e-6 up to position 10^6") {
  // Independent formula: (x_2i + i x_2i+1) * exp(i * m * inv_freq_i) in std::complex<long double>.
  const auto spec = make(128, 10000, 128, "interleaved");
  std::vector<float> x(128);
  for (int j = 0; j < 128; ++j) x[j] = float(std::sin(0.7 * j + 0.3));
  for (const double m : {0.0, 1.0, 4095.0, 65535.0, 999999.0, 1000000.0}) {
    const auto out = rotate(spec, x, m);
    double worst = 0;
    for (int i = 0; i < 64; ++i) {
      const long double w = 1.0L / std::pow(10000.0L, 2.0L * i / 128.0L);
      const std::complex<long double> z(x[2 * i], x[2 * i + 1]);
      const auto r = z * std::polar(1.0L, static_cast<long double>(m) * w);
      worst = std::max({worst, double(std::abs(r.real() - out[2 * i])),
                        double(std::abs(r.imag() - out[2 * i + 1]))});
    }
    CAPTURE(m);
    CHECK(worst <= 1e-6);
  }
}

TEST_CASE("the two pairings rotate the same pairs once the weights are permuted") {
  // What a port from GPT-J weights to a Llama-style model must do: dimension 2i -> i, 2i+1 ->
  // i+d/2.
  const auto half = make(16, 10000, 16, "half");
  const auto inter = make(16, 10000, 16, "interleaved");
  std::vector<float> x(16), permuted(16);
  for (int j = 0; j < 16; ++j) x[j] = float(j * 0.25 - 1.7);
  for (int i = 0; i < 8; ++i) {
    permuted[i] = x[2 * i];
    permuted[i + 8] = x[2 * i + 1];
  }
  const auto a = rotate(inter, x, 37);
  const auto b = rotate(half, permuted, 37);
  for (int i = 0; i < 8; ++i) {
    CHECK(b[i] == doctest::Approx(a[2 * i]).epsilon(1e-6));
    CHECK(b[i + 8] == doctest::Approx(a[2 * i + 1]).epsilon(1e-6));
  }
}

TEST_CASE("q.k after rotation depends only on the distance, and the closed form agrees") {
  for (const char* pairing : {"half", "interleaved"}) {
    const auto spec = make(64, 10000, 48, pairing);  // partial: 16 dimensions pass through
    std::vector<float> q(64), k(64);
    for (int j = 0; j < 64; ++j) {
      q[j] = float(std::cos(0.37 * j));
      k[j] = float(std::sin(0.11 * j + 1));
    }
    const auto result = pe::rope_scores(spec, q, k, 300).value();
    REQUIRE(result.scores.size() == 301);
    CHECK(result.invariance_error <= 1e-9);
    // Distance 0 is the plain dot product.
    double plain = 0;
    for (int j = 0; j < 64; ++j) plain += double(q[j]) * k[j];
    CHECK(result.scores[0] == doctest::Approx(plain).epsilon(1e-12));
    // Distance 17, directly: q rotated at 117 dotted with k rotated at 100.
    const auto qr = rotate(spec, q, 117), kr = rotate(spec, k, 100);
    double direct = 0;
    for (int j = 0; j < 64; ++j) direct += double(qr[j]) * kr[j];
    CHECK(result.scores[17] == doctest::Approx(direct).epsilon(1e-5));
  }
}

TEST_CASE(
    "Hugging Face's cos/sin tables: cat(freqs, freqs) for half, repeat_interleave for GPT-J") {
  const auto half = make(8, 10000, 8, "half");
  const auto inter = make(8, 10000, 8, "interleaved");
  std::vector<float> c(16), s(16);
  REQUIRE(pe::rope_tables(half, 1, 2, c, s).ok());
  const auto inv = pe::rope_inv_freq(half);
  CHECK(inv[1] == doctest::Approx(0.1).epsilon(1e-15));   // 10000^(-2/8)
  CHECK(c[8 + 1] == doctest::Approx(std::cos(2 * 0.1)));  // row 1 = position 2, column 1
  CHECK(c[8 + 5] == c[8 + 1]);                            // column 1 + 4 repeats it
  REQUIRE(pe::rope_tables(inter, 1, 2, c, s).ok());
  CHECK(s[8 + 2] == doctest::Approx(std::sin(2 * 0.1)));  // columns 2, 3: pair 1
  CHECK(s[8 + 3] == s[8 + 2]);
}

TEST_CASE("bad RoPE parameters are refused with the parameter named") {
  pe::RopeOptions o;
  o.head_dim = 7;
  CHECK(pe::make_rope_spec(o).error().kind == "not_even");
  o = {};
  o.rotary_dim = 80;
  CHECK(pe::make_rope_spec(o).error().parameter == "rotary_dim");
  o = {};
  o.theta = 1;
  CHECK(pe::make_rope_spec(o).error().parameter == "theta");
  o = {};
  o.pairing = "neox";
  CHECK(pe::make_rope_spec(o).error().message ==
        "pairing must be one of half, interleaved; got \"neox\"");
  const auto spec = make(4, 10000, 4, "half");
  std::vector<float> x(4), out(4);
  const std::vector<double> bad = {-1};
  CHECK(pe::rope_apply(spec, x, bad, out).error().parameter == "positions");
  const std::vector<float> q(4), k(3);
  CHECK(pe::rope_scores(spec, q, k, 10).error().parameter == "k");
}

TEST_CASE("q.k over 100,000 distances: the recurrence stays on the closed form") {
  // Independent reference: sum over pairs of same * cos(n w) + cross * sin(n w), with std::cos and
  // std::sin at every n (float64), against rope_scores' reseeded angle-addition recurrence. Odd
  // pair counts leave the last group of four partly empty.
  for (const int rotary : {128, 40}) {
    const auto spec = make(128, 500000, rotary, "half");
    std::vector<float> q(128), k(128);
    for (int j = 0; j < 128; ++j) {
      q[j] = float(std::cos(0.29 * j + 0.5));
      k[j] = float(std::sin(0.13 * j));
    }
    const auto result = pe::rope_scores(spec, q, k, 99999).value();
    const auto inv = pe::rope_inv_freq(spec);
    double bound = 0;
    for (int j = 0; j < 128; ++j) bound += std::abs(double(q[j]) * k[j]);
    for (const int n : {0, 1, 63, 64, 65, 4097, 31337, 65536, 99999}) {
      double expected = 0;
      for (int j = rotary; j < 128; ++j) expected += double(q[j]) * k[j];
      for (int i = 0; i < rotary / 2; ++i) {
        const auto [a, b] = pe::rope_pair_dims(spec, i);
        const double same = double(q[a]) * k[a] + double(q[b]) * k[b];
        const double cross = double(q[a]) * k[b] - double(q[b]) * k[a];
        expected += same * std::cos(n * inv[i]) + cross * std::sin(n * inv[i]);
      }
      CHECK(std::abs(result.scores[n] - expected) <= 1e-12 * bound);
    }
  }
}
