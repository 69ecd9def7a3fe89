// What a sinusoidal encoding is: its parameters, their checks, and the size caps.
//
// Conventions that real code disagrees on are first-class parameters:
//   Layout::interleaved      column 2i = sin, 2i+1 = cos                 (Vaswani et al. 2017)
//   Layout::split            columns [0, h) sin, [h, 2h) cos             (tensor2tensor, fairseq,
//   Marian,
//                                                                          the TensorFlow tutorial)
//   Layout::split_cos_first  columns [0, h) cos, [h, 2h) sin             (DiT's timestep embedding)
//   Frequencies::paper          omega_i = base^(-2i / d_model)
//   Frequencies::tensor2tensor  omega_i = base^(-i / max(h - 1, 1))      (tensor2tensor, fairseq)
// with h = floor(d_model / 2) sin/cos pairs.
//
// Odd d_model: there are floor(d_model / 2) pairs, and the last column is all zeros, as
// tensor2tensor and fairseq pad it. The paper exponent keeps the true d_model in its denominator.
// So ||PE(p)|| = sqrt(h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "pe/error.hpp"

namespace pe {

enum class Layout { interleaved, split, split_cos_first };
enum class Frequencies { paper, tensor2tensor };

// Documented limits. A request above a cap is refused with ErrorCode::size_limit.
inline constexpr int kMaxDModel = 8192;
inline constexpr int kMaxPositions = 1 << 20;          // 1,048,576 rows
inline constexpr std::int64_t kMaxElements = 1 << 24;  // 16,777,216 floats = 64 MiB per matrix
inline constexpr std::int64_t kMaxPosition =
    1000000000;  // largest position index (start + positions - 1)

// Unchecked parameters, as they arrive from JavaScript, a URL or a command line. Numbers are
// doubles so that 3.5, NaN and Infinity reach the checks and get a proper message instead of being
// silently rounded.
struct SinusoidalOptions {
  double d_model = 64;
  double positions = 1;
  double start = 0;
  double base = 10000;
  std::string layout = "interleaved";
  std::string frequencies = "paper";
};

// Checked parameters. Only make_spec() creates one, so any function taking a Spec may trust it.
struct Spec {
  int d_model = 0;
  int positions = 0;
  std::int64_t start = 0;
  double base = 10000;
  Layout layout = Layout::interleaved;
  Frequencies frequencies = Frequencies::paper;

  int pairs() const { return d_model / 2; }
  std::size_t element_count() const {
    return static_cast<std::size_t>(positions) * static_cast<std::size_t>(d_model);
  }
};

Result<Spec> make_spec(const SinusoidalOptions& options);

// The individual checks, shared by make_spec, the analysis functions and the bindings.
Status check_integer(std::string_view name, double value, double min, double max);
Result<Layout> parse_layout(std::string_view text);
Result<Frequencies> parse_frequencies(std::string_view text);
Status check_base(double base);

std::string_view to_string(Layout layout);
std::string_view to_string(Frequencies frequencies);

// Which sinusoid a column holds.
enum class Wave { sin, cos, zero };
struct Column {
  int pair = -1;  // index i of omega_i, or -1 for the zero column of an odd d_model
  Wave wave = Wave::zero;
};
Column column_of(const Spec& spec, int dimension);

// omega_i = angular speed of pair i in radians per position (see the conventions above).
double omega_of(const Spec& spec, int pair);

}  // namespace pe
