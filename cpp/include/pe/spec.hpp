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
// Odd d_model, as real code does it (OddRule; the README lists who does which):
//   zero_column  floor(d/2) pairs, exponent over 2*floor(d/2), a zero last column
//                (DiT, diffusers; fairseq and flax, whose tensor2tensor exponent has no d in it)
//   extra_sine   the formula applied to every column j < d: ceil(d/2) sines, floor(d/2) cosines,
//                exponent over the true d (DistilBERT, the 2022 TensorFlow tutorial, interleaved;
//                Marian, split with its ceil(d/2) sines first)
//   auto         extra_sine with paper frequencies (what the formula literally gives), zero_column
//                with tensor2tensor frequencies (tensor2tensor itself pads with a zero column)
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "pe/error.hpp"
#include "pe/parameters.hpp"

namespace pe {

enum class Layout { interleaved, split, split_cos_first };
enum class Frequencies { paper, tensor2tensor };
enum class OddRule { zero_column, extra_sine };

// Documented limits. A request above a cap is refused with ErrorCode::size_limit.
inline constexpr int kMaxDModel = 8192;
inline constexpr int kMaxPositions = 1 << 20;          // 1,048,576 rows
inline constexpr std::int64_t kMaxElements = 1 << 24;  // 16,777,216 floats = 64 MiB per matrix
inline constexpr std::int64_t kMaxPosition =
    1000000000;  // largest position index (start + positions - 1)

// Unchecked parameters, as they arrive from JavaScript, a URL or a command line. Numbers are
// doubles so that 3.5, NaN and Infinity reach the checks and get a proper message instead of being
// silently rounded.
// The sinusoidal scheme's parameters (pe/parameters.hpp): the one place its defaults, ranges and
// choices are written.
inline constexpr ParameterInfo kSinusoidalParameters[] = {
    {"dModel", "d_model", ParameterType::integer, kRequired, "", 1, kMaxDModel, "", "model width"},
    {"positions", "positions", ParameterType::integer, 1, "", 1, kMaxPositions, "",
     "number of rows"},
    {"start", "start", ParameterType::integer, 0, "", 0, double(kMaxPosition), "",
     "first position"},
    {"base", "base", ParameterType::number, 10000, "", 1, 1e12, "",
     "the base of the frequencies, > 1"},
    {"layout", "layout", ParameterType::choice, 0, "interleaved", 0, 0,
     "interleaved|split|split_cos_first", "column order"},
    {"frequencies", "frequencies", ParameterType::choice, 0, "paper", 0, 0, "paper|tensor2tensor",
     "exponent 2i/d (paper) or i/(d/2-1) (tensor2tensor)"},
    {"odd", "odd", ParameterType::choice, 0, "auto", 0, 0, "auto|zero_column|extra_sine",
     "odd d_model: a zero last column, or ceil(d/2) sines (auto: extra_sine for paper "
     "frequencies)"},
};

struct SinusoidalOptions {
  double d_model = 64;  // required in the API; a width to start from in C++
  double positions = default_number(kSinusoidalParameters, "positions");
  double start = default_number(kSinusoidalParameters, "start");
  double base = default_number(kSinusoidalParameters, "base");
  std::string layout{default_choice(kSinusoidalParameters, "layout")};
  std::string frequencies{default_choice(kSinusoidalParameters, "frequencies")};
  std::string odd{default_choice(kSinusoidalParameters, "odd")};
};

// Checked parameters. Only make_spec() creates one, so any function taking a Spec may trust it.
struct Spec {
  int d_model = 0;
  int positions = 0;
  std::int64_t start = 0;
  double base = 10000;
  Layout layout = Layout::interleaved;
  Frequencies frequencies = Frequencies::paper;
  OddRule odd = OddRule::extra_sine;  // only matters for an odd d_model

  // Complete (sin, cos) pairs.
  int pairs() const { return d_model / 2; }
  // Whether the last column is a lone sine (extra_sine with an odd d_model): frequency pairs().
  bool lone_sine() const { return d_model % 2 == 1 && odd == OddRule::extra_sine; }
  // Distinct frequencies: the pairs, plus the lone sine's.
  int frequency_count() const { return pairs() + (lone_sine() ? 1 : 0); }
  std::size_t element_count() const {
    return static_cast<std::size_t>(positions) * static_cast<std::size_t>(d_model);
  }
};

Result<Spec> make_spec(const SinusoidalOptions& options);

// The individual checks, shared by make_spec, the analysis functions and the bindings.
Status check_integer(std::string_view name, double value, double min, double max);
Result<Layout> parse_layout(std::string_view text);
Result<Frequencies> parse_frequencies(std::string_view text);
// "auto" needs the frequencies to decide (see above).
Result<OddRule> parse_odd(std::string_view text, Frequencies frequencies);

std::string_view to_string(Layout layout);
std::string_view to_string(Frequencies frequencies);
std::string_view to_string(OddRule odd);

// Which sinusoid a column holds.
enum class Wave { sin, cos, zero };
struct Column {
  int pair = -1;  // index i of omega_i (pairs() for a lone sine), or -1 for a zero column
  Wave wave = Wave::zero;
};
Column column_of(const Spec& spec, int dimension);

// omega_i = angular speed of pair i in radians per position (see the conventions above).
double omega_of(const Spec& spec, int pair);

}  // namespace pe
