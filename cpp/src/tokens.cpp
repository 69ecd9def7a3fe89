#include "pe/tokens.hpp"

#include <cmath>

#include "pe/random.hpp"
#include "pe/sinusoidal.hpp"

namespace pe {

namespace {

// Decodes one UTF-8 code point at `at`; returns false if the bytes there are not valid UTF-8.
bool decode(std::string_view text, std::size_t& at, char32_t& code) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  int length = lead < 0x80         ? 1
               : (lead >> 5) == 6  ? 2
               : (lead >> 4) == 14 ? 3
               : (lead >> 3) == 30 ? 4
                                   : 0;
  if (length == 0 || at + length > text.size()) return false;
  code = length == 1 ? lead : lead & (0x7f >> length);
  for (int k = 1; k < length; ++k) {
    if ((byte(at + k) >> 6) != 2) return false;
    code = (code << 6) | (byte(at + k) & 0x3f);
  }
  const char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code < smallest[length] || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
    return false;
  at += length;
  return true;
}

bool is_space(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0d) || c == 0x85 || c == 0xa0 || c == 0x3000 ||
         (c >= 0x2000 && c <= 0x200b) || c == 0x2028 || c == 0x2029 || c == 0xfeff;
}

// CJK ideographs, kana, hangul syllables: a token each.
bool is_cjk(char32_t c) {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) ||
         (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) ||
         (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x2fa1f);
}

// Letters and digits that build words: ASCII alphanumerics, the apostrophe, and (roughly) any
// letter beyond ASCII that is not CJK, punctuation or a symbol.
bool is_word(char32_t c) {
  if (c < 0x80)
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'';
  if (c == 0x2019) return true;  // right single quotation mark, as in don’t
  if (is_cjk(c)) return false;
  const bool punctuation = (c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f) ||
                           (c >= 0xff00 && c <= 0xff65) || (c >= 0xa0 && c <= 0xbf) || c == 0xd7 ||
                           c == 0xf7 || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0x1f000);
  return !punctuation;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xc0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xe0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
  } else {
    out.push_back(static_cast<char>(0xf0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
  }
}

}  // namespace

Result<Tokens> tokenize(std::string_view utf8) {
  if (utf8.size() > kMaxTextBytes) {
    return make_error(ErrorCode::size_limit, "text", "text_cap",
                      {{"max", double(kMaxTextBytes)}, {"got", double(utf8.size())}});
  }
  Tokens result;
  std::string word;
  auto finish_word = [&] {
    if (!word.empty()) result.tokens.push_back(std::move(word));
    word.clear();
  };
  for (std::size_t at = 0; at < utf8.size();) {
    const std::size_t start = at;
    char32_t c = 0;
    if (!decode(utf8, at, c)) {
      return make_error(ErrorCode::invalid_argument, "text", "bad_utf8", {{"at", double(start)}});
    }
    if (is_space(c)) {
      finish_word();
    } else if (is_word(c)) {
      append_utf8(word, (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c);
    } else {
      finish_word();
      std::string single;
      append_utf8(single, c);
      result.tokens.push_back(std::move(single));
    }
  }
  finish_word();
  if (result.tokens.size() > kMaxTokens) {
    result.tokens.resize(kMaxTokens);
    result.truncated = true;
  }
  return result;
}

Result<std::vector<float>> token_embeddings(const std::vector<std::string>& tokens, double d_model,
                                            double scale) {
  if (auto s = check_integer("d_model", d_model, 1, kMaxDModel); !s) return s.error();
  if (!std::isfinite(scale) || scale < 0 || scale > kMaxEmbeddingScale) {
    return make_error(ErrorCode::invalid_argument, "scale", "number_range",
                      {{"min", 0.0}, {"max", kMaxEmbeddingScale}, {"got", scale}});
  }
  if (tokens.size() > kMaxTokens) {
    return make_error(ErrorCode::size_limit, "tokens", "count_cap",
                      {{"max", double(kMaxTokens)}, {"got", double(tokens.size())}});
  }
  const auto d = static_cast<std::size_t>(d_model);
  std::vector<float> out(tokens.size() * d);
  for (std::size_t n = 0; n < tokens.size(); ++n) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a, 64-bit
    for (unsigned char byte : tokens[n]) hash = (hash ^ byte) * 0x100000001b3ULL;
    Random random(hash);
    for (std::size_t j = 0; j < d; ++j)
      out[n * d + j] = static_cast<float>(scale * random.normal());
  }
  return out;
}

Result<std::vector<float>> input_vectors(const std::vector<std::string>& tokens, const Spec& spec,
                                         double scale, bool with_pe) {
  if (tokens.size() != static_cast<std::size_t>(spec.positions)) {
    return make_error(ErrorCode::invalid_argument, "positions", "integer_range",
                      {{"min", double(tokens.size())},
                       {"max", double(tokens.size())},
                       {"got", double(spec.positions)}});
  }
  auto embedded = token_embeddings(tokens, spec.d_model, scale);
  if (!embedded || !with_pe) return embedded;
  std::vector<float> position(spec.element_count());
  if (auto s = sinusoidal_into(spec, position); !s) return s.error();
  for (std::size_t k = 0; k < position.size(); ++k) embedded.value()[k] += position[k];
  return embedded;
}

}  // namespace pe
