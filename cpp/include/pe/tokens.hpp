// Tokens: a deliberately simple, documented tokenizer (not a subword tokenizer), toy word
// embeddings and the inputs a first layer sees (embedding + position encoding).
//  * whitespace separates tokens and is dropped;
//  * a run of letters, digits and apostrophes is one token, ASCII letters lower-cased ("Don't" ->
//    "don't"); letters beyond ASCII (é, ß, ж, …) join the run as they are;
//  * every CJK ideograph, kana or hangul syllable is a token of its own (Chinese has no spaces);
//  * every other character (punctuation, symbols) is a token of its own.
// At most kMaxTokens tokens are kept (the rest are reported as truncated); the text is at most
// kMaxTextBytes bytes of valid UTF-8.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pe/error.hpp"
#include "pe/spec.hpp"

namespace pe {

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

}  // namespace pe
