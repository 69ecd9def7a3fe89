// The concepts the explanation views teach: a learned position table next to the formula, token
// embeddings plus position encodings, a 2-D projection of them, why sin/cos give distinct
// positions, and the most common mistake in articles (the doubled exponent).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pe/error.hpp"
#include "pe/spec.hpp"

namespace pe {

// splitmix64: a small, well-mixed, reproducible generator (the same numbers on every platform).
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  double uniform();  // [0, 1)
  double normal();   // standard normal (Box-Muller)

 private:
  std::uint64_t state_;
};

// --- A learned position embedding, stood in for by a seeded random table
// ------------------------------ A trained model learns these values; here they are N(0, 0.5^2)
// draws, seeded, so the picture is reproducible. What matters is the shape: one row per position 0
// .. max_len - 1, and nothing after.
inline constexpr int kMaxLearnedRows = 8192;
inline constexpr std::int64_t kMaxLearnedValues = std::int64_t{1} << 22;  // max_len x d_model
inline constexpr double kLearnedStd = 0.5;
struct LearnedSpec {
  int d_model = 0;
  int max_len = 0;
  std::uint32_t seed = 0;
  std::int64_t parameter_count() const { return std::int64_t{d_model} * max_len; }
};
Result<LearnedSpec> make_learned(double d_model, double max_len, double seed);
std::vector<float> learned_table(const LearnedSpec& spec);  // max_len x d_model, row-major
// The row for one position, or the error a real model's lookup gives past its last row.
Result<std::vector<float>> learned_row(const LearnedSpec& spec, double position);

// --- Tokens
// --------------------------------------------------------------------------------------------- A
// deliberately simple, documented tokenizer (not a subword tokenizer):
//  * whitespace separates tokens and is dropped;
//  * a run of letters, digits and apostrophes is one token, ASCII letters lower-cased ("Don't" ->
//  "don't");
//    letters beyond ASCII (é, ß, ж, …) join the run as they are;
//  * every CJK ideograph, kana or hangul syllable is a token of its own (Chinese has no spaces);
//  * every other character (punctuation, symbols) is a token of its own.
// At most kMaxTokens tokens are kept (the rest are reported as truncated); the text is at most
// kMaxTextBytes bytes of valid UTF-8.
inline constexpr int kMaxTokens = 64;
inline constexpr int kMaxTextBytes = 4096;
struct Tokens {
  std::vector<std::string> tokens;
  bool truncated = false;
};
Result<Tokens> tokenize(std::string_view utf8);

// A deterministic toy word embedding: scale * N(0, 1) draws seeded from the token's text (FNV-1a),
// so the same word always gets the same vector. tokens.size() x d_model, row-major.
inline constexpr double kMaxEmbeddingScale = 100;
Result<std::vector<float>> token_embeddings(const std::vector<std::string>& tokens, double d_model,
                                            double scale);

// The inputs a Transformer's first layer sees: token embedding + PE(position) for token n at
// position spec.start + n (or the embedding alone, with_pe false). tokens.size() must equal
// spec.positions.
Result<std::vector<float>> input_vectors(const std::vector<std::string>& tokens, const Spec& spec,
                                         double scale, bool with_pe);

// --- Projection to 2-D
// -----------------------------------------------------------------------------------
enum class Projection {
  pca,        // the two principal components (largest variance), via symmetric_eigen
  first_two,  // dimensions 0 and 1, as many articles plot them
};
// Caps (worst case well under a second in wasm; README, Reliability): at most kMaxProjectedRows
// rows, and rows^2 x cols <= kMaxProjectWork for the Gram matrix. Values must be finite.
inline constexpr int kMaxProjectedRows = 256;
inline constexpr std::int64_t kMaxProjectWork = std::int64_t{1} << 25;
struct Projected {
  std::vector<double> xy;        // rows x 2
  double explained[2] = {0, 0};  // share of the total variance along each axis
};
Result<Projection> parse_projection(std::string_view text);
Result<Projected> project(std::span<const float> values, double rows, double cols, Projection how);

// Eigen-decomposition of a symmetric n x n matrix (row-major) in float64: Householder reduction to
// tridiagonal form, then the QL algorithm with implicit shifts (EISPACK tred2/tql2). O(n^3) with a
// small constant (~0.1 s at n = 256 natively; Jacobi rotations took ten times as long). At most
// kMaxQlIterations per eigenvalue, and a NaN or Infinity in the input returns NaN at once, so no
// input can make it spin. Eigenvalues descending; eigenvectors as the columns of `vectors`.
inline constexpr int kMaxQlIterations = 60;
struct Eigen {
  std::vector<double> values;
  std::vector<double> vectors;
};
Eigen symmetric_eigen(std::vector<double> matrix, int n);

// --- Why sin and cos
// ---------------------------------------------------------------------------------- The two
// closest position vectors among positions start .. start + positions - 1: their distance and
// offset. ||PE(p) - PE(p+k)||^2 = 2 * sum_i (1 - cos(k w_i)) depends only on k, so the minimum over
// pairs is the minimum over k = 1 .. positions - 1.
struct Closest {
  double distance = 0;
  int offset = 0;
};
Result<Closest> closest_positions(const Spec& spec);

// The doubled-exponent mistake: base^(2j/d) with j running over every dimension (not over pairs),
// as in `10000 ** ((2 * i) / dim)` inside `for i in range(dim)`. Each column then has its own
// frequency base^(-2j/d): the slowest wavelength is ~2*pi*base^2 (2*pi*10^8 for base 10^4) instead
// of ~2*pi*base, and the sin and cos of a "pair" no longer share a frequency.
double wrong_exponent_omega(int dimension, int d_model, double base);
std::vector<double> wrong_exponent_wavelengths(const Spec& spec);
Result<std::vector<float>> wrong_exponent_columns(const Spec& spec, std::span<const double> dims);

}  // namespace pe
