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
  if (d_model * max_len > double(kMaxLearnedValues)) {
    return make_error(ErrorCode::size_limit, "max_len", "product_cap",
                      {{"other", std::string("d_model")},
                       {"max", double(kMaxLearnedValues)},
                       {"rows", max_len},
                       {"cols", d_model},
                       {"got", max_len * d_model}});
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
    return make_error(
        ErrorCode::invalid_argument, "position", "no_learned_row",
        {{"got", position}, {"rows", double(spec.max_len)}, {"last", double(spec.max_len - 1)}});
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

// --- projection
// -------------------------------------------------------------------------------------------

Result<Projection> parse_projection(std::string_view text) {
  if (text == "pca") return Projection::pca;
  if (text == "first_two") return Projection::first_two;
  return make_error(ErrorCode::invalid_argument, "method", "one_of",
                    {{"allowed", std::string("pca, first_two")}, {"got", std::string(text)}});
}

namespace {

// Householder reduction of the symmetric matrix in v (row-major n x n) to tridiagonal form:
// diagonal d, sub-diagonal e; v becomes the orthogonal transformation. EISPACK's tred2, in the
// formulation of JAMA (public domain).
void tridiagonalize(std::vector<double>& v, std::vector<double>& d, std::vector<double>& e, int n) {
  auto V = [&](int r, int c) -> double& { return v[std::size_t(r) * n + c]; };
  for (int j = 0; j < n; ++j) d[j] = V(n - 1, j);
  for (int i = n - 1; i > 0; --i) {
    double scale = 0, h = 0;
    for (int k = 0; k < i; ++k) scale += std::abs(d[k]);
    if (scale == 0) {
      e[i] = d[i - 1];
      for (int j = 0; j < i; ++j) {
        d[j] = V(i - 1, j);
        V(i, j) = 0;
        V(j, i) = 0;
      }
    } else {
      for (int k = 0; k < i; ++k) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      double f = d[i - 1];
      double g = f > 0 ? -std::sqrt(h) : std::sqrt(h);
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (int j = 0; j < i; ++j) e[j] = 0;
      for (int j = 0; j < i; ++j) {
        f = d[j];
        V(j, i) = f;
        g = e[j] + V(j, j) * f;
        for (int k = j + 1; k <= i - 1; ++k) {
          g += V(k, j) * d[k];
          e[k] += V(k, j) * f;
        }
        e[j] = g;
      }
      f = 0;
      for (int j = 0; j < i; ++j) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const double hh = f / (h + h);
      for (int j = 0; j < i; ++j) e[j] -= hh * d[j];
      for (int j = 0; j < i; ++j) {
        f = d[j];
        g = e[j];
        for (int k = j; k <= i - 1; ++k) V(k, j) -= (f * e[k] + g * d[k]);
        d[j] = V(i - 1, j);
        V(i, j) = 0;
      }
    }
    d[i] = h;
  }
  for (int i = 0; i < n - 1; ++i) {  // accumulate the transformations
    V(n - 1, i) = V(i, i);
    V(i, i) = 1;
    const double h = d[i + 1];
    if (h != 0) {
      for (int k = 0; k <= i; ++k) d[k] = V(k, i + 1) / h;
      for (int j = 0; j <= i; ++j) {
        double g = 0;
        for (int k = 0; k <= i; ++k) g += V(k, i + 1) * V(k, j);
        for (int k = 0; k <= i; ++k) V(k, j) -= g * d[k];
      }
    }
    for (int k = 0; k <= i; ++k) V(k, i + 1) = 0;
  }
  for (int j = 0; j < n; ++j) {
    d[j] = V(n - 1, j);
    V(n - 1, j) = 0;
  }
  V(n - 1, n - 1) = 1;
  e[0] = 0;
}

// The QL algorithm with implicit shifts on the tridiagonal (d, e), applied to v as well (EISPACK's
// tql2, as in JAMA). At most kMaxQlIterations per eigenvalue, and every loop test is false for NaN.
void diagonalize(std::vector<double>& v, std::vector<double>& d, std::vector<double>& e, int n) {
  auto V = [&](int r, int c) -> double& { return v[std::size_t(r) * n + c]; };
  for (int i = 1; i < n; ++i) e[i - 1] = e[i];
  e[n - 1] = 0;
  double f = 0, tst1 = 0;
  const double eps = std::numeric_limits<double>::epsilon();
  for (int l = 0; l < n; ++l) {
    tst1 = std::max(tst1, std::abs(d[l]) + std::abs(e[l]));
    int m = l;
    while (m < n - 1 && !(std::abs(e[m]) <= eps * tst1)) ++m;  // e[n - 1] = 0 ends it
    if (m > l) {
      for (int iteration = 0; iteration < kMaxQlIterations; ++iteration) {
        double g = d[l];
        double p = (d[l + 1] - g) / (2 * e[l]);
        double r = std::hypot(p, 1.0);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const double dl1 = d[l + 1];
        double h = g - d[l];
        for (int i = l + 2; i < n; ++i) d[i] -= h;
        f += h;
        p = d[m];
        double c = 1, c2 = 1, c3 = 1, s = 0, s2 = 0;
        const double el1 = e[l + 1];
        for (int i = m - 1; i >= l; --i) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = std::hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          for (int k = 0; k < n; ++k) {
            h = V(k, i + 1);
            V(k, i + 1) = s * V(k, i) + c * h;
            V(k, i) = c * V(k, i) - s * h;
          }
        }
        p = -s * s2 * c3 * el1 * e[l] / dl1;
        e[l] = s * p;
        d[l] = c * p;
        if (!(std::abs(e[l]) > eps * tst1)) break;
      }
    }
    d[l] += f;
    e[l] = 0;
  }
}

}  // namespace

Eigen symmetric_eigen(std::vector<double> a, int n) {
  Eigen out;
  out.values.assign(n, std::numeric_limits<double>::quiet_NaN());
  out.vectors.assign(static_cast<std::size_t>(n) * n, std::numeric_limits<double>::quiet_NaN());
  if (n < 1) return out;
  // Non-finite input has no decomposition: NaN out, at once (project() refuses it before this).
  for (double x : a) {
    if (!std::isfinite(x)) return out;
  }
  std::vector<double> d(n), e(n);
  tridiagonalize(a, d, e, n);
  diagonalize(a, d, e, n);
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int x, int y) { return d[x] > d[y]; });
  for (int k = 0; k < n; ++k) {
    out.values[k] = d[order[k]];
    for (int r = 0; r < n; ++r)
      out.vectors[std::size_t(r) * n + k] = a[std::size_t(r) * n + order[k]];
  }
  return out;
}

Result<Projected> project(std::span<const float> values, double rows, double cols, Projection how) {
  if (auto s = check_integer("rows", rows, 1, kMaxProjectedRows); !s) return s.error();
  if (auto s = check_integer("cols", cols, 2, kMaxDModel); !s) return s.error();
  const int n = static_cast<int>(rows);
  const int d = static_cast<int>(cols);
  if (values.size() != static_cast<std::size_t>(n) * d) {
    return make_error(ErrorCode::invalid_argument, "values", "length_mismatch",
                      {{"expected", double(n) * d}, {"got", double(values.size())}});
  }
  if (const double work = double(n) * n * d; work > double(kMaxProjectWork)) {
    return make_error(ErrorCode::size_limit, "rows", "work_cap",
                      {{"max", double(kMaxProjectWork)}, {"got", work}});
  }
  for (std::size_t k = 0; k < values.size(); ++k) {
    if (!std::isfinite(values[k])) {
      return make_error(ErrorCode::invalid_argument, "values", "not_finite",
                        {{"got", double(values[k])}, {"index", double(k)}});
    }
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
    return make_error(ErrorCode::invalid_argument, "positions", "needs_two_positions",
                      {{"got", double(spec.positions)}});
  }
  // positions x d_model <= kMaxElements keeps this within dot_by_offset's work cap.
  const auto found = dot_by_offset(spec, 1, spec.positions - 1);
  if (!found) return found.error();
  const auto& dots = found.value();
  // |PE(p) - PE(p + k)|^2 = |PE(p)|^2 + |PE(p + k)|^2 - 2 PE(p).PE(p + k); each pair adds 1 to a
  // squared norm, a lone sine (odd d, extra_sine) sin^2 of its angle, taken with p = start.
  const double lone_w = spec.lone_sine() ? omega_of(spec, spec.pairs()) : 0.0;
  const auto norm2 = [&](double position) {
    const double s = spec.lone_sine() ? std::sin(position * lone_w) : 0.0;
    return spec.pairs() + s * s;
  };
  const double p0 = static_cast<double>(spec.start);
  Closest best{std::numeric_limits<double>::infinity(), 0};
  for (std::size_t n = 0; n < dots.size(); ++n) {
    const double k = static_cast<double>(n) + 1;
    const double distance = std::sqrt(std::max(0.0, norm2(p0) + norm2(p0 + k) - 2 * dots[n]));
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
    return make_error(ErrorCode::invalid_argument, "dims", "list_length",
                      {{"max", double(kMaxColumns)}, {"got", double(dims.size())}});
  }
  if (auto s = check_column_work(dims.size(), spec.positions); !s) return s.error();
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
