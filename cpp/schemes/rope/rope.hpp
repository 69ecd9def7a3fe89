// Rotary position embedding (RoPE, Su et al. 2021): q and k are rotated inside attention, pair by
// pair, by an angle proportional to their position; nothing is added to the input. Then
// q(m) . k(n) depends only on m - n.
//
// Pairing, the detail ports get wrong:
//   Pairing::half         dimensions (i, i + r/2) rotate together: GPT-NeoX, Llama, Hugging Face
//                         (`rotate_half` in models/llama/modeling_llama.py)
//   Pairing::interleaved  dimensions (2i, 2i + 1): GPT-J (`rotate_every_two` in
//                         models/gptj/modeling_gptj.py), RoFormer, Meta's complex-number code
// r = rotary_dim <= head_dim: partial rotary (GPT-NeoX rotary_pct, Phi partial_rotary_factor)
// rotates the first r dimensions and leaves the rest unchanged.
// inv_freq_i = 1 / theta^(2i / r), i < r/2 (Hugging Face's default rope; it computes this in
// float32, we in float64: the two differ by float32 rounding, < 1e-7 relative).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "pe/colormap.hpp"
#include "pe/error.hpp"
#include "pe/parameters.hpp"
#include "pe/spec.hpp"

namespace pe {

enum class Pairing { half, interleaved };

inline constexpr int kMaxHeadDim = 4096;
inline constexpr int kMaxRopeDistance = 1 << 20;
inline constexpr std::int64_t kMaxRopeValues = std::int64_t{1}
                                               << 21;  // rope_apply: rows x head_dim
inline constexpr int kScoreProbes = 4;  // absolute positions at which invariance is checked

// RoPE's parameters (pe/parameters.hpp). rotary_dim's default -1 means head_dim; its upper bound
// is head_dim (checked in make_rope_spec).
inline constexpr ParameterInfo kRopeParameters[] = {
    {"headDim", "head_dim", ParameterType::integer, kRequired, "", 2, kMaxHeadDim, "",
     "width of one head, even"},
    {"theta", "theta", ParameterType::number, 10000, "", 1, 1e12, "", "rope_theta, > 1"},
    {"rotaryDim", "rotary_dim", ParameterType::integer, -1, "", 2, kMaxHeadDim, "",
     "rotated dimensions, even, <= headDim (default: headDim)"},
    {"pairing", "pairing", ParameterType::choice, 0, "half", 0, 0, "half|interleaved",
     "(i, i+d/2): NeoX, Llama, HF; (2i, 2i+1): GPT-J, RoFormer, Meta"},
    {"positions", "positions", ParameterType::integer, 1, "", 1, kMaxPositions, "",
     "number of rows"},
    {"start", "start", ParameterType::integer, 0, "", 0, double(kMaxPosition), "",
     "first position"},
};

// Unchecked, as they arrive (doubles so that 3.5 and NaN reach the checks).
struct RopeOptions {
  double head_dim = 64;  // required in the API; a width to start from in C++
  double theta = default_number(kRopeParameters, "theta");
  double rotary_dim = default_number(kRopeParameters, "rotary_dim");  // -1: head_dim
  std::string pairing{default_choice(kRopeParameters, "pairing")};
};

struct RopeSpec {
  int head_dim = 64;
  double theta = 10000;
  int rotary_dim = 64;
  Pairing pairing = Pairing::half;
  // Context extension (rope_scaling.hpp): frequencies that replace theta's, and the factor that
  // multiplies cos and sin (Hugging Face's attention_scaling). Empty / 1: plain RoPE.
  std::vector<double> scaled_inv_freq;
  double attention_scaling = 1;
  int pairs() const { return rotary_dim / 2; }
};

Result<RopeSpec> make_rope_spec(const RopeOptions& options);
Result<Pairing> parse_pairing(std::string_view text);
std::string_view to_string(Pairing pairing);

// The rotary_dim / 2 inverse frequencies, radians per position (the scaled ones if set).
std::vector<double> rope_inv_freq(const RopeSpec& spec);

// The two dimensions pair i rotates: (first, second), rotated as (x_first, x_second) -> R(angle).
struct PairDims {
  int first = 0;
  int second = 0;
};
PairDims rope_pair_dims(const RopeSpec& spec, int pair);

// Rotates every row (rows x head_dim, row-major) for its position: out may alias in. Angles,
// sines and cosines in float64; positions are integers from 0 to kMaxPosition.
Status rope_apply(const RopeSpec& spec, std::span<const float> in,
                  std::span<const double> positions, std::span<float> out);

// q(m) . k(m - d) for d = 0 .. max_distance, in float64, from the closed form per pair
//   cos(d w)(q_a k_a + q_b k_b) + sin(d w)(q_a k_b - q_b k_a)  (+ the unrotated dimensions);
// and the largest difference between that and rotating q and k at kScoreProbes absolute positions
// (0 up to 10^6) and taking the dot product directly: the check that only m - n matters.
struct RopeScores {
  std::vector<double> scores;
  double invariance_error = 0;
};
Result<RopeScores> rope_scores(const RopeSpec& spec, std::span<const float> q,
                               std::span<const float> k, double max_distance);

// Hugging Face's cos and sin tables for positions start .. start + rows - 1, rows x rotary_dim
// each: half: [w_0 .. w_{h-1}, w_0 .. w_{h-1}] (emb = cat(freqs, freqs)); interleaved: [w_0, w_0,
// w_1, w_1, ...] (GPT-J's repeat_interleave).
Status rope_tables(const RopeSpec& spec, std::int64_t start, int rows, std::span<float> cos_out,
                   std::span<float> sin_out);

// Hugging Face's cos (or sin) table at canvas resolution, for positions start .. start + count - 1
// up to 10^9 (nothing positions x rotary_dim is made): positions down, the rotary_dim table columns
// across. A pixel shows the exact mean of the cells it covers: over n consecutive positions from a,
// the mean of cos(p w) is sin(n w / 2) / (n sin(w / 2)) * cos((2a + n - 1) w / 2) (and sin alike),
// so fast pairs average out as a box filter would, in O(1) per pixel. Diverging map on
// [-attention_scaling, attention_scaling].
// Work cap: pixel rows x the pairs the columns show (one closed form each).
inline constexpr std::int64_t kMaxRopeRenderWork = std::int64_t{1} << 21;
enum class TablePart { cos, sin };
Status render_rope_table(const RopeSpec& spec, std::int64_t start, double count, TablePart part,
                         int width, int height, std::span<std::uint8_t> rgba);

// The scheme's entry in pe::schemes(): parameters and pe-export's table.
struct SchemeInfo;
const SchemeInfo& rope_scheme();

}  // namespace pe
