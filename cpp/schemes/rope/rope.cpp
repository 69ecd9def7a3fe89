#include "rope.hpp"

#include <algorithm>
#include <cmath>

#include "pe/analysis.hpp"
#include "pe/schemes.hpp"
#include "pe/spec.hpp"

namespace pe {

Result<Pairing> parse_pairing(std::string_view text) {
  auto index = check_choice(parameter(kRopeParameters, "pairing"), text);
  if (!index) return index.error();
  return static_cast<Pairing>(index.value());  // Pairing lists the table's choices in order
}

std::string_view to_string(Pairing pairing) {
  return pairing == Pairing::half ? "half" : "interleaved";
}

Result<RopeSpec> make_rope_spec(const RopeOptions& options) {
  if (auto s = check_parameter(parameter(kRopeParameters, "head_dim"), options.head_dim); !s) {
    return s.error();
  }
  if (static_cast<int>(options.head_dim) % 2 != 0) {
    return make_error(ErrorCode::invalid_argument, "head_dim", "not_even",
                      {{"got", options.head_dim}});
  }
  const double rotary = options.rotary_dim == -1 ? options.head_dim : options.rotary_dim;
  if (auto s = check_integer("rotary_dim", rotary, 2, options.head_dim); !s) return s.error();
  if (static_cast<int>(rotary) % 2 != 0) {
    return make_error(ErrorCode::invalid_argument, "rotary_dim", "not_even", {{"got", rotary}});
  }
  if (auto s = check_parameter(parameter(kRopeParameters, "theta"), options.theta); !s) {
    return s.error();
  }
  auto pairing = parse_pairing(options.pairing);
  if (!pairing) return pairing.error();
  RopeSpec spec;
  spec.head_dim = static_cast<int>(options.head_dim);
  spec.rotary_dim = static_cast<int>(rotary);
  spec.theta = options.theta;
  spec.pairing = pairing.value();
  return spec;
}

std::vector<double> rope_inv_freq(const RopeSpec& spec) {
  if (!spec.scaled_inv_freq.empty()) return spec.scaled_inv_freq;
  std::vector<double> inv(spec.pairs());
  for (int i = 0; i < spec.pairs(); ++i) {
    inv[i] = 1.0 / std::pow(spec.theta, 2.0 * i / spec.rotary_dim);
  }
  return inv;
}

PairDims rope_pair_dims(const RopeSpec& spec, int pair) {
  if (spec.pairing == Pairing::half) return {pair, pair + spec.pairs()};
  return {2 * pair, 2 * pair + 1};
}

namespace {

// One pair's part of q.k at distance n: same cos(n w) + cross sin(n w).
struct PairTerm {
  double w = 0, same = 0, cross = 0;
};

// scores[n] += the sum over pairs of their parts, n = 0 ... scores.size() - 1. cos and sin of n w
// by the angle-addition recurrence, reseeded from std::cos / std::sin every kDotReseed steps (as
// Rotor does), eight pairs at a time in vectors of two doubles (clang's generic vectors: SSE2
// natively, simd128 in the wasm): independent recurrences, so that one's multiply-add latency is
// not what every step waits for. One pair at a time with a modulo per step, it was 2x (native) to
// 4x (wasm) slower.
using Double2 = double __attribute__((vector_size(16)));
void add_pair_terms(const std::vector<PairTerm>& terms, std::vector<double>& scores) {
  constexpr int kVectors = 4, kLanes = 2 * kVectors;
  const int count = static_cast<int>(scores.size());
  for (std::size_t i0 = 0; i0 < terms.size(); i0 += kLanes) {
    double w[kLanes], a[kLanes], b[kLanes], cw1[kLanes], sw1[kLanes];
    for (int j = 0; j < kLanes; ++j) {
      const bool real = i0 + j < terms.size();  // past the last pair: a lane that adds zero
      const PairTerm t = real ? terms[i0 + j] : PairTerm{};
      w[j] = t.w;
      a[j] = t.same;
      b[j] = t.cross;
      cw1[j] = std::cos(t.w);
      sw1[j] = std::sin(t.w);
    }
    const auto pack = [](const double* x, int v) { return Double2{x[2 * v], x[2 * v + 1]}; };
    Double2 same[kVectors], cross[kVectors], cw[kVectors], sw[kVectors];
    for (int v = 0; v < kVectors; ++v) {
      same[v] = pack(a, v);
      cross[v] = pack(b, v);
      cw[v] = pack(cw1, v);
      sw[v] = pack(sw1, v);
    }
    for (int n0 = 0; n0 < count; n0 += kDotReseed) {
      double c0[kLanes], s0[kLanes];
      for (int j = 0; j < kLanes; ++j) {
        c0[j] = std::cos(static_cast<double>(n0) * w[j]);
        s0[j] = std::sin(static_cast<double>(n0) * w[j]);
      }
      Double2 c[kVectors], s[kVectors];
      for (int v = 0; v < kVectors; ++v) {
        c[v] = pack(c0, v);
        s[v] = pack(s0, v);
      }
      const int n1 = std::min(count, n0 + kDotReseed);
      for (int n = n0; n < n1; ++n) {
        Double2 sum = c[0] * same[0] + s[0] * cross[0];
        for (int v = 1; v < kVectors; ++v) sum += c[v] * same[v] + s[v] * cross[v];
        scores[n] += sum[0] + sum[1];
        for (int v = 0; v < kVectors; ++v) {
          const Double2 next = c[v] * cw[v] - s[v] * sw[v];
          s[v] = s[v] * cw[v] + c[v] * sw[v];
          c[v] = next;
        }
      }
    }
  }
}

Status check_positions(std::span<const double> positions) {
  for (std::size_t r = 0; r < positions.size(); ++r) {
    if (auto s = check_integer("positions", positions[r], 0, double(kMaxPosition)); !s) {
      auto error = s.error();
      error.args.push_back({"index", double(r)});
      return error;
    }
  }
  return Ok{};
}

// Rotates one row in float64 (a and b may be the same buffer).
void rotate_row(const RopeSpec& spec, const std::vector<double>& inv, double position,
                const float* in, double* out) {
  for (int j = 0; j < spec.head_dim; ++j) out[j] = in[j];
  for (int i = 0; i < spec.pairs(); ++i) {
    const auto [a, b] = rope_pair_dims(spec, i);
    const double angle = position * inv[i];
    const double c = spec.attention_scaling * std::cos(angle);
    const double s = spec.attention_scaling * std::sin(angle);
    const double xa = in[a], xb = in[b];
    out[a] = xa * c - xb * s;
    out[b] = xb * c + xa * s;
  }
}

}  // namespace

Status rope_apply(const RopeSpec& spec, std::span<const float> in,
                  std::span<const double> positions, std::span<float> out) {
  const std::size_t d = spec.head_dim;
  if (in.size() != positions.size() * d) {
    return make_error(
        ErrorCode::invalid_argument, "vectors", "length_mismatch",
        {{"expected", double(positions.size()) * double(d)}, {"got", double(in.size())}});
  }
  if (out.size() != in.size()) {
    return make_error(ErrorCode::invalid_argument, "out", "length_mismatch",
                      {{"expected", double(in.size())}, {"got", double(out.size())}});
  }
  if (auto s = check_positions(positions); !s) return s;
  if (const double values = double(in.size()); values > double(kMaxRopeValues)) {
    return make_error(ErrorCode::size_limit, "vectors", "count_cap",
                      {{"max", double(kMaxRopeValues)}, {"got", values}});
  }
  const auto inv = rope_inv_freq(spec);
  std::vector<double> row(d);
  for (std::size_t r = 0; r < positions.size(); ++r) {
    rotate_row(spec, inv, positions[r], in.data() + r * d, row.data());
    for (std::size_t j = 0; j < d; ++j) out[r * d + j] = static_cast<float>(row[j]);
  }
  return Ok{};
}

Result<RopeScores> rope_scores(const RopeSpec& spec, std::span<const float> q,
                               std::span<const float> k, double max_distance) {
  const std::size_t d = spec.head_dim;
  if (q.size() != d) {
    return make_error(ErrorCode::invalid_argument, "q", "length_mismatch",
                      {{"expected", double(d)}, {"got", double(q.size())}});
  }
  if (k.size() != d) {
    return make_error(ErrorCode::invalid_argument, "k", "length_mismatch",
                      {{"expected", double(d)}, {"got", double(k.size())}});
  }
  if (auto s = check_integer("max_distance", max_distance, 0, kMaxRopeDistance); !s) {
    return s.error();
  }
  if (const double work = (max_distance + 1) * spec.pairs(); work > double(kMaxDotWork)) {
    return make_error(ErrorCode::size_limit, "max_distance", "work_cap",
                      {{"max", double(kMaxDotWork)}, {"got", work}});
  }
  const auto inv = rope_inv_freq(spec);
  const int count = static_cast<int>(max_distance) + 1;
  RopeScores result;
  double unrotated = 0;  // dimensions past rotary_dim contribute q_j k_j at every distance
  std::vector<char> rotated(d, 0);  // not vector<bool>: smaller code in the wasm
  for (int i = 0; i < spec.pairs(); ++i) {
    const auto [a, b] = rope_pair_dims(spec, i);
    rotated[a] = rotated[b] = 1;
  }
  for (std::size_t j = 0; j < d; ++j) {
    if (!rotated[j]) unrotated += double(q[j]) * k[j];
  }
  result.scores.assign(count, unrotated);
  // Both q and k are rotated with cos and sin times attention_scaling.
  const double scale2 = spec.attention_scaling * spec.attention_scaling;
  std::vector<PairTerm> terms(spec.pairs());
  for (int i = 0; i < spec.pairs(); ++i) {
    const auto [a, b] = rope_pair_dims(spec, i);
    terms[i] = {inv[i], scale2 * (double(q[a]) * k[a] + double(q[b]) * k[b]),
                scale2 * (double(q[a]) * k[b] - double(q[b]) * k[a])};
  }
  add_pair_terms(terms, result.scores);
  // The direct check: rotate q at p + n and k at p, then dot, at a few absolute positions p up to
  // 10^6, for up to 64 distances spread over the range.
  const double probes[kScoreProbes] = {0, 1, 4093, std::max(0.0, 1e6 - static_cast<double>(count))};
  std::vector<double> qr(d), kr(d);
  const int step = std::max(1, count / 64);
  for (const double p : probes) {
    rotate_row(spec, inv, p, k.data(), kr.data());
    for (int n = 0; n < count; n += step) {
      rotate_row(spec, inv, p + n, q.data(), qr.data());
      double dot = 0;
      for (std::size_t j = 0; j < d; ++j) dot += qr[j] * kr[j];
      result.invariance_error = std::max(result.invariance_error, std::abs(dot - result.scores[n]));
    }
  }
  return result;
}

Status rope_tables(const RopeSpec& spec, std::int64_t start, int rows, std::span<float> cos_out,
                   std::span<float> sin_out) {
  const std::size_t r = spec.rotary_dim;
  const std::size_t need = static_cast<std::size_t>(rows) * r;
  if (cos_out.size() != need || sin_out.size() != need) {
    return make_error(ErrorCode::invalid_argument, "out", "length_mismatch",
                      {{"expected", double(need)}, {"got", double(cos_out.size())}});
  }
  const auto inv = rope_inv_freq(spec);
  const int h = spec.pairs();
  for (int i = 0; i < h; ++i) {
    Rotor rotor(static_cast<double>(start), inv[i]);
    for (int row = 0; row < rows; ++row) {
      rotor.at(row);
      const float c = static_cast<float>(spec.attention_scaling * rotor.cos());
      const float s = static_cast<float>(spec.attention_scaling * rotor.sin());
      const std::size_t at = static_cast<std::size_t>(row) * r;
      const std::size_t j0 = spec.pairing == Pairing::half ? std::size_t(i) : 2 * std::size_t(i);
      const std::size_t j1 = spec.pairing == Pairing::half ? std::size_t(i + h) : j0 + 1;
      cos_out[at + j0] = cos_out[at + j1] = c;
      sin_out[at + j0] = sin_out[at + j1] = s;
    }
  }
  return Ok{};
}

Status render_rope_table(const RopeSpec& spec, std::int64_t start, double count, TablePart part,
                         int width, int height, std::span<std::uint8_t> rgba) {
  if (auto c = check_integer("positions", count, 1, double(kMaxPosition) + 1); !c) return c;
  if (auto c = check_integer("start", double(start), 0, double(kMaxPosition) - count + 1); !c) {
    return c;
  }
  if (auto c = check_pixels(width, height); !c) return c;
  if (rgba.size() != std::size_t(width) * std::size_t(height) * 4) {
    return make_error(ErrorCode::invalid_argument, "rgba", "length_mismatch",
                      {{"expected", double(width) * height * 4}, {"got", double(rgba.size())}});
  }
  const auto inv = rope_inv_freq(spec);
  const int r = spec.rotary_dim, h = spec.pairs();
  // Column j of the table holds pair i: half: j = i and i + h; interleaved: j = 2i and 2i + 1. Each
  // pixel column shows the table column under its centre, so a row needs one value per pair.
  std::vector<int> pair_of_x(static_cast<std::size_t>(width));
  for (int x = 0; x < width; ++x) {
    const int j = std::min(r - 1, static_cast<int>(std::floor((x + 0.5) * r / width)));
    pair_of_x[x] = spec.pairing == Pairing::half ? j % h : j / 2;
  }
  if (const double work = double(height) * std::min(width, h); work > double(kMaxRopeRenderWork)) {
    return make_error(ErrorCode::size_limit, "height", "work_cap",
                      {{"max", double(kMaxRopeRenderWork)}, {"got", work}});
  }
  const double scale = std::max(spec.attention_scaling, 1e-300);
  std::vector<Rgba> colour(static_cast<std::size_t>(h));
  std::vector<char> used(static_cast<std::size_t>(h), 0);
  for (int x = 0; x < width; ++x) used[pair_of_x[x]] = 1;
  const ColorScale diverging(ColorMap::diverging, -scale, scale);
  const int* pair_at = pair_of_x.data();  // raw pointers: see ColorScale
  const Rgba* colour_at = colour.data();
  for (int y = 0; y < height; ++y) {
    const double a = static_cast<double>(start) + std::floor(count * y / height);
    const double b =
        std::max(a, static_cast<double>(start) + std::ceil(count * (y + 1) / height) - 1);
    const double n = b - a + 1;
    for (int i = 0; i < h; ++i) {
      if (!used[i]) continue;
      const double w = inv[i];
      const double half = std::sin(w / 2);
      const double dirichlet = n == 1 || half == 0 ? 1.0 : std::sin(n * w / 2) / (n * half);
      const double middle = (a + b) * w / 2;
      const double value = spec.attention_scaling * dirichlet *
                           (part == TablePart::cos ? std::cos(middle) : std::sin(middle));
      colour[i] = diverging(value);
    }
    for (int x = 0; x < width; ++x) put_pixel(rgba, width, x, y, colour_at[pair_at[x]]);
  }
  return Ok{};
}

namespace {

// pe-export --scheme rope: Hugging Face's cos and sin tables, (2, positions, rotary_dim) float32.
[[maybe_unused]] Result<Table> rope_table(const ParameterValues& values) {
  const auto number = [&](const char* core) { return values.numbers.at(core); };
  RopeOptions o;
  o.head_dim = number("head_dim");
  o.theta = number("theta");
  o.rotary_dim = number("rotary_dim");
  o.pairing = values.texts.at("pairing");
  const auto spec = make_rope_spec(o);
  if (!spec) return spec.error();
  const double rows = number("positions"), start = number("start");
  if (auto s = check_integer("positions", rows, 1, kMaxPositions); !s) return s.error();
  if (auto s = check_integer("start", start, 0, double(kMaxPosition) - rows + 1); !s)
    return s.error();
  const std::size_t each = std::size_t(rows) * spec.value().rotary_dim;
  if (2.0 * double(each) > double(kMaxElements)) {
    return make_error(ErrorCode::size_limit, "positions", "elements_cap",
                      {{"max", double(kMaxElements)},
                       {"rows", 2 * rows},
                       {"cols", double(spec.value().rotary_dim)},
                       {"got", 2.0 * double(each)}});
  }
  Table table;
  table.floats.resize(2 * each);
  const std::span<float> both(table.floats);
  if (auto s = rope_tables(spec.value(), std::int64_t(start), int(rows), both.first(each),
                           both.subspan(each));
      !s) {
    return s.error();
  }
  table.shape = {2, std::size_t(rows), std::size_t(spec.value().rotary_dim)};
  return table;
}

}  // namespace

const SchemeInfo& rope_scheme() {
  static const SchemeInfo info{
      "rope", "rotary: q and k rotated inside attention", kRopeParameters,
      "(2, positions, rotary_dim): [0] cos, [1] sin, as Hugging Face builds them\n"
      "              (cat(freqs, freqs) for --pairing half, repeat_interleave for interleaved)",
      PE_EXPORT_TABLE(rope_table)};
  return info;
}

}  // namespace pe
