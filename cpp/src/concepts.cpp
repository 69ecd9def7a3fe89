#include "pe/concepts.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>

#include "pe/analysis.hpp"
#include "pe/sinusoidal.hpp"

namespace pe {

std::uint64_t Random::next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

double Random::uniform() {
  return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

double Random::normal() {
  const double u1 = 1.0 - uniform();  // (0, 1]: log is finite
  const double u2 = uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2 * std::numbers::pi * u2);
}

// --- learned table
// ----------------------------------------------------------------------------------------

Result<LearnedSpec> make_learned(double d_model, double max_len, double seed) {
  if (auto s = check_integer("d_model", d_model, 1, kMaxDModel); !s) return s.error();
  if (auto s = check_integer("max_len", max_len, 1, kMaxLearnedRows); !s) return s.error();
  if (auto s = check_integer("seed", seed, 0, 4294967295.0); !s) return s.error();
  if (d_model * max_len > double(kMaxElements)) {
    return Error{ErrorCode::size_limit, "max_len",
                 "max_len x d_model must be at most " + std::to_string(kMaxElements) + "; got " +
                     format_number(max_len) + " x " + format_number(d_model)};
  }
  return LearnedSpec{static_cast<int>(d_model), static_cast<int>(max_len),
                     static_cast<std::uint32_t>(seed)};
}

std::vector<float> learned_table(const LearnedSpec& spec) {
  std::vector<float> table(static_cast<std::size_t>(spec.max_len) * spec.d_model);
  Random random(0x5eed0000ULL + spec.seed);
  for (float& v : table) v = static_cast<float>(kLearnedStd * random.normal());
  return table;
}

Result<std::vector<float>> learned_row(const LearnedSpec& spec, double position) {
  if (auto s = check_integer("position", position, 0, double(kMaxPosition)); !s) return s.error();
  if (position >= spec.max_len) {
    return Error{ErrorCode::invalid_argument, "position",
                 "position " + format_number(position) +
                     " has no row: a learned table with max_len = " + std::to_string(spec.max_len) +
                     " has rows 0 to " + std::to_string(spec.max_len - 1)};
  }
  const auto table = learned_table(spec);
  const auto row = static_cast<std::size_t>(position) * spec.d_model;
  return std::vector<float>(table.begin() + row, table.begin() + row + spec.d_model);
}

// --- tokenizer
// --------------------------------------------------------------------------------------------

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
    return Error{ErrorCode::size_limit, "text",
                 "text must be at most " + std::to_string(kMaxTextBytes) + " bytes; got " +
                     std::to_string(utf8.size())};
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
      return Error{ErrorCode::invalid_argument, "text",
                   "text is not valid UTF-8 at byte " + std::to_string(start)};
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
    return Error{ErrorCode::invalid_argument, "scale",
                 "scale must be a number from 0 to " + format_number(kMaxEmbeddingScale) +
                     "; got " + format_number(scale)};
  }
  if (tokens.size() > kMaxTokens) {
    return Error{
        ErrorCode::size_limit, "tokens",
        "at most " + std::to_string(kMaxTokens) + " tokens; got " + std::to_string(tokens.size())};
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
    return Error{ErrorCode::invalid_argument, "positions",
                 "positions must equal the number of tokens (" + std::to_string(tokens.size()) +
                     "); got " + std::to_string(spec.positions)};
  }
  auto embedded = token_embeddings(tokens, spec.d_model, scale);
  if (!embedded || !with_pe) return embedded;
  std::vector<float> position(spec.element_count());
  sinusoidal_into(spec, position);
  for (std::size_t k = 0; k < position.size(); ++k) embedded.value()[k] += position[k];
  return embedded;
}

// --- projection
// -------------------------------------------------------------------------------------------

Result<Projection> parse_projection(std::string_view text) {
  if (text == "pca") return Projection::pca;
  if (text == "first_two") return Projection::first_two;
  return Error{ErrorCode::invalid_argument, "method",
               "method must be one of pca, first_two; got \"" + std::string(text) + "\""};
}

Eigen symmetric_eigen(std::vector<double> a, int n) {
  std::vector<double> v(static_cast<std::size_t>(n) * n, 0.0);
  for (int i = 0; i < n; ++i) v[i * n + i] = 1.0;
  auto at = [&](std::vector<double>& m, int r, int c) -> double& {
    return m[std::size_t(r) * n + c];
  };
  for (int sweep = 0; sweep < 100; ++sweep) {
    double off = 0, total = 0;
    for (int r = 0; r < n; ++r) {
      for (int c = 0; c < n; ++c) {
        total += at(a, r, c) * at(a, r, c);
        if (r != c) off += at(a, r, c) * at(a, r, c);
      }
    }
    if (off <= 1e-30 * std::max(total, 1e-300)) break;
    for (int p = 0; p < n - 1; ++p) {
      for (int q = p + 1; q < n; ++q) {
        const double apq = at(a, p, q);
        if (std::abs(apq) < 1e-300) continue;
        // The rotation that zeroes a[p][q] (Golub & Van Loan, the symmetric Schur decomposition).
        const double theta = (at(a, q, q) - at(a, p, p)) / (2 * apq);
        const double t =
            (theta >= 0 ? 1.0 : -1.0) / (std::abs(theta) + std::sqrt(theta * theta + 1));
        const double c = 1 / std::sqrt(t * t + 1);
        const double s = t * c;
        for (int k = 0; k < n; ++k) {  // A <- A J (columns p and q)
          const double akp = at(a, k, p), akq = at(a, k, q);
          at(a, k, p) = c * akp - s * akq;
          at(a, k, q) = s * akp + c * akq;
        }
        for (int k = 0; k < n; ++k) {  // A <- J^T A (rows p and q)
          const double apk = at(a, p, k), aqk = at(a, q, k);
          at(a, p, k) = c * apk - s * aqk;
          at(a, q, k) = s * apk + c * aqk;
        }
        for (int k = 0; k < n; ++k) {  // V <- V J
          const double vkp = at(v, k, p), vkq = at(v, k, q);
          at(v, k, p) = c * vkp - s * vkq;
          at(v, k, q) = s * vkp + c * vkq;
        }
      }
    }
  }
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int x, int y) { return at(a, x, x) > at(a, y, y); });
  Eigen e;
  e.values.resize(n);
  e.vectors.resize(static_cast<std::size_t>(n) * n);
  for (int k = 0; k < n; ++k) {
    e.values[k] = at(a, order[k], order[k]);
    for (int r = 0; r < n; ++r) e.vectors[std::size_t(r) * n + k] = at(v, r, order[k]);
  }
  return e;
}

Result<Projected> project(std::span<const float> values, double rows, double cols, Projection how) {
  if (auto s = check_integer("rows", rows, 1, kMaxProjectedRows); !s) return s.error();
  if (auto s = check_integer("cols", cols, 2, kMaxDModel); !s) return s.error();
  const int n = static_cast<int>(rows);
  const int d = static_cast<int>(cols);
  if (values.size() != static_cast<std::size_t>(n) * d) {
    return Error{ErrorCode::invalid_argument, "values",
                 "values must hold rows x cols = " + std::to_string(n * d) + " numbers; got " +
                     std::to_string(values.size())};
  }
  // Centre the columns (PCA is about variance around the mean).
  std::vector<double> x(values.begin(), values.end());
  for (int j = 0; j < d; ++j) {
    double mean = 0;
    for (int r = 0; r < n; ++r) mean += x[std::size_t(r) * d + j];
    mean /= n;
    for (int r = 0; r < n; ++r) x[std::size_t(r) * d + j] -= mean;
  }
  double total = 0;
  for (double value : x) total += value * value;
  Projected out;
  out.xy.assign(static_cast<std::size_t>(n) * 2, 0.0);
  if (how == Projection::first_two) {
    double along[2] = {0, 0};
    for (int r = 0; r < n; ++r) {
      for (int k = 0; k < 2; ++k) {
        out.xy[std::size_t(r) * 2 + k] = values[std::size_t(r) * d + k];
        along[k] += x[std::size_t(r) * d + k] * x[std::size_t(r) * d + k];
      }
    }
    for (int k = 0; k < 2; ++k) out.explained[k] = total > 0 ? along[k] / total : 0;
    return out;
  }
  // PCA through the n x n Gram matrix of the centred rows (n <= 512 tokens, d up to 8192): its
  // eigenvectors u_k with eigenvalues l_k give the scores u_k * sqrt(l_k) directly.
  std::vector<double> gram(static_cast<std::size_t>(n) * n);
  for (int a = 0; a < n; ++a) {
    for (int b = a; b < n; ++b) {
      double sum = 0;
      for (int j = 0; j < d; ++j) sum += x[std::size_t(a) * d + j] * x[std::size_t(b) * d + j];
      gram[std::size_t(a) * n + b] = gram[std::size_t(b) * n + a] = sum;
    }
  }
  const Eigen e = symmetric_eigen(std::move(gram), n);
  for (int k = 0; k < 2 && k < n; ++k) {
    const double lambda = std::max(e.values[k], 0.0);
    // A fixed sign (largest entry positive), so the picture does not flip between runs.
    int biggest = 0;
    for (int r = 1; r < n; ++r) {
      if (std::abs(e.vectors[std::size_t(r) * n + k]) >
          std::abs(e.vectors[std::size_t(biggest) * n + k]))
        biggest = r;
    }
    const double sign = e.vectors[std::size_t(biggest) * n + k] < 0 ? -1.0 : 1.0;
    for (int r = 0; r < n; ++r)
      out.xy[std::size_t(r) * 2 + k] = sign * e.vectors[std::size_t(r) * n + k] * std::sqrt(lambda);
    out.explained[k] = total > 0 ? lambda / total : 0;
  }
  return out;
}

// --- why sin and cos
// --------------------------------------------------------------------------------------

Result<Closest> closest_positions(const Spec& spec) {
  if (spec.positions < 2) {
    return Error{
        ErrorCode::invalid_argument, "positions",
        "the closest pair needs at least 2 positions; got " + std::to_string(spec.positions)};
  }
  const auto dots = dot_by_offset(spec, 1, spec.positions - 1).value();
  const double self = spec.pairs();  // |PE|^2
  Closest best{std::numeric_limits<double>::infinity(), 0};
  for (std::size_t n = 0; n < dots.size(); ++n) {
    const double distance = std::sqrt(std::max(0.0, 2 * (self - dots[n])));
    if (distance < best.distance) best = {distance, static_cast<int>(n) + 1};
  }
  return best;
}

double wrong_exponent_omega(int dimension, int d_model, double base) {
  return std::pow(base, -2.0 * dimension / d_model);
}

std::vector<double> wrong_exponent_wavelengths(const Spec& spec) {
  std::vector<double> out(spec.d_model);
  for (int j = 0; j < spec.d_model; ++j) {
    out[j] = 2 * std::numbers::pi / wrong_exponent_omega(j, spec.d_model, spec.base);
  }
  return out;
}

Result<std::vector<float>> wrong_exponent_columns(const Spec& spec, std::span<const double> dims) {
  if (dims.empty() || dims.size() > kMaxColumns) {
    return Error{ErrorCode::invalid_argument, "dims",
                 "dims must list 1 to " + std::to_string(kMaxColumns) + " dimensions; got " +
                     std::to_string(dims.size())};
  }
  std::vector<float> out(dims.size() * static_cast<std::size_t>(spec.positions));
  for (std::size_t c = 0; c < dims.size(); ++c) {
    if (auto s = check_integer("dims", dims[c], 0, spec.d_model - 1); !s) return s.error();
    const int j = static_cast<int>(dims[c]);
    const double omega = wrong_exponent_omega(j, spec.d_model, spec.base);
    for (int r = 0; r < spec.positions; ++r) {
      const double angle = static_cast<double>(spec.start + r) * omega;
      out[c * spec.positions + r] =
          static_cast<float>(j % 2 == 0 ? std::sin(angle) : std::cos(angle));
    }
  }
  return out;
}

}  // namespace pe
