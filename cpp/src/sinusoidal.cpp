#include "pe/sinusoidal.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

namespace pe {
namespace {

Status check_output_size(const Spec& spec, std::size_t size) {
  if (size != spec.element_count()) {
    return make_error(ErrorCode::invalid_argument, "out", "length_mismatch",
                      {{"expected", double(spec.element_count())}, {"got", double(size)}});
  }
  return Ok{};
}

// The kernel works in blocks of kBlockRows rows. For block start p0 and row p0 + m of it:
//   sin((p0 + m)w) = S cos(mw) + C sin(mw),   cos((p0 + m)w) = C cos(mw) - S sin(mw),
// with seeds S = sin(p0 w), C = cos(p0 w) per block and tables cos(mw), sin(mw) shared by all
// blocks. Seeds and tables are laid out in the output's column order, so that every column j of
// every layout is
//   row[j] = P[j] * A[m][j] + Q[j] * B[m][j]
// (sin column: P = S, Q = C, A = cos mw, B = sin mw; cos column: P = C, Q = S, A = cos mw, B = -sin
// mw; zero column: P = Q = 0). That is one contiguous loop the compiler turns into SIMD (f32x4 in
// wasm), with no layout branch and no shuffles. The float64 seeds advance by an exact rotation by
// kBlockRows*w and are recomputed with std::sin/std::cos every kReseedInterval rows, so nothing
// drifts. The multiply-adds are float32: worst case ~3e-7 from float64 (tests pin <= 1e-6).
constexpr int kBlockRows = 16;
static_assert(kReseedInterval % kBlockRows == 0);

// In wasm the f32x4 loop is written out: the embed's engine is built -Oz, where the compiler does
// not vectorise. The same multiplies and adds in the same order (no fused multiply-add), so every
// build writes the same bits.
[[gnu::always_inline]] inline void emit_row(float* __restrict row, int d, const float* __restrict p,
                                            const float* __restrict q, const float* __restrict a,
                                            const float* __restrict b) {
  int j = 0;
#ifdef __wasm_simd128__
  for (; j + 4 <= d; j += 4) {
    const v128_t pa = wasm_f32x4_mul(wasm_v128_load(p + j), wasm_v128_load(a + j));
    const v128_t qb = wasm_f32x4_mul(wasm_v128_load(q + j), wasm_v128_load(b + j));
    wasm_v128_store(row + j, wasm_f32x4_add(pa, qb));
  }
#endif
  for (; j < d; ++j) row[j] = p[j] * a[j] + q[j] * b[j];
}

void generate(const Spec& spec, float* out) {
  const int d = spec.d_model;
  const int h = spec.frequency_count();  // the pairs, and a lone sine's frequency
  std::vector<Column> columns(d);
  for (int j = 0; j < d; ++j) columns[j] = column_of(spec, j);

  std::vector<double> omega(h), seed_s(h), seed_c(h), jump_c(h), jump_s(h);
  for (int i = 0; i < h; ++i) {
    omega[i] = omega_of(spec, i);
    jump_c[i] = std::cos(kBlockRows * omega[i]);
    jump_s[i] = std::sin(kBlockRows * omega[i]);
  }
  // Tables A and B, kBlockRows rows of d columns each, in column order.
  std::vector<float> table_a(std::size_t(kBlockRows) * d, 0.0f), table_b(table_a.size(), 0.0f);
  for (int m = 0; m < kBlockRows; ++m) {
    for (int j = 0; j < d; ++j) {
      const Column column = columns[j];
      if (column.wave == Wave::zero) continue;
      const double angle = m * omega[column.pair];
      table_a[std::size_t(m) * d + j] = static_cast<float>(std::cos(angle));
      const double sin_mw = std::sin(angle);
      table_b[std::size_t(m) * d + j] =
          static_cast<float>(column.wave == Wave::sin ? sin_mw : -sin_mw);
    }
  }
  std::vector<float> p(d, 0.0f), q(d, 0.0f);
  for (int r0 = 0; r0 < spec.positions; r0 += kBlockRows) {
    if (r0 % kReseedInterval == 0) {
      const double p0 = static_cast<double>(spec.start + r0);  // exact: positions stay below 2^53
      for (int i = 0; i < h; ++i) {
        seed_s[i] = std::sin(p0 * omega[i]);
        seed_c[i] = std::cos(p0 * omega[i]);
      }
    }
    for (int j = 0; j < d; ++j) {
      const Column column = columns[j];
      if (column.wave == Wave::zero) continue;
      const auto s = static_cast<float>(seed_s[column.pair]);
      const auto c = static_cast<float>(seed_c[column.pair]);
      p[j] = column.wave == Wave::sin ? s : c;
      q[j] = column.wave == Wave::sin ? c : s;
    }
    const int rows = std::min(kBlockRows, spec.positions - r0);
    for (int m = 0; m < rows; ++m) {
      emit_row(out + static_cast<std::size_t>(r0 + m) * d, d, p.data(), q.data(),
               table_a.data() + std::size_t(m) * d, table_b.data() + std::size_t(m) * d);
    }
    for (int i = 0; i < h; ++i) {  // advance the seeds by one block: an exact float64 rotation
      const double s = seed_s[i];
      seed_s[i] = s * jump_c[i] + seed_c[i] * jump_s[i];
      seed_c[i] = seed_c[i] * jump_c[i] - s * jump_s[i];
    }
  }
}

}  // namespace

Status sinusoidal_into(const Spec& spec, std::span<float> out) {
  if (auto s = check_output_size(spec, out.size()); !s) return s;
  generate(spec, out.data());
  return Ok{};
}

Status sinusoidal_naive_into(const Spec& spec, std::span<float> out) {
  if (auto s = check_output_size(spec, out.size()); !s) return s;
  std::vector<Column> columns(spec.d_model);
  std::vector<double> omega(spec.d_model, 0.0);
  for (int j = 0; j < spec.d_model; ++j) {
    columns[j] = column_of(spec, j);
    if (columns[j].pair >= 0) omega[j] = omega_of(spec, columns[j].pair);
  }
  float* value = out.data();
  for (int r = 0; r < spec.positions; ++r) {
    const double position = static_cast<double>(spec.start + r);
    for (int j = 0; j < spec.d_model; ++j) {
      const double angle = position * omega[j];
      switch (columns[j].wave) {
        case Wave::sin: *value++ = static_cast<float>(std::sin(angle)); break;
        case Wave::cos: *value++ = static_cast<float>(std::cos(angle)); break;
        case Wave::zero: *value++ = 0.0f; break;
      }
    }
  }
  return Ok{};
}

}  // namespace pe
