// ALiBi (Press et al. 2022, "Train Short, Test Long"): no position vectors at all; each head adds
// -slope * (i - j) to the attention score of query i and key j. Slopes are geometric per head, as
// get_slopes() in ofirpress/attention_with_linear_biases (fairseq/models/transformer.py) computes
// them, including its rule for head counts that are not powers of two: the slopes of the closest
// lower power of two, then every other slope of the next power of two.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "pe/colormap.hpp"
#include "pe/error.hpp"
#include "pe/parameters.hpp"
#include "pe/schemes.hpp"

namespace pe {

inline constexpr int kMaxHeads = 1024;

// ALiBi's parameters (pe/parameters.hpp). positions' 4096 is one head's whole tensor;
// alibiAttention (one query) takes up to kMaxPositions.
inline constexpr ParameterInfo kAlibiParameters[] = {
    {"heads", "heads", ParameterType::integer, kRequired, "", 1, kMaxHeads, "", "attention heads"},
    {"positions", "positions", ParameterType::integer, kRequired, "", 1, 4096, "",
     "sequence length (heads x positions^2 <= 16,777,216)"},
    {"causal", "causal", ParameterType::boolean, 0, "true", 0, 0, "",
     "-Infinity above the diagonal"},
    {"form", "form", ParameterType::choice, 0, "distance", 0, 0, "distance|key_position",
     "-slope*(i-j) (paper) or slope*j (BLOOM): the same softmax"},
};

// The reference code's slopes, in the same float64 operations (start * ratio ** i).
Result<std::vector<double>> alibi_slopes(double heads);

enum class AlibiForm {
  distance,      // -slope * (i - j) at or below the diagonal (the paper, fairseq)
  key_position,  // slope * j (BLOOM's build_alibi_tensor): differs from `distance` by -slope * i,
                 // the same for every key of a query, so the softmax is the same
};
Result<AlibiForm> parse_alibi_form(std::string_view text);

struct AlibiSpec {
  std::vector<double> slopes;
  int positions = 1;
  bool causal = true;
  AlibiForm form = AlibiForm::distance;
  std::size_t element_count() const { return slopes.size() * std::size_t(positions) * positions; }
};
// whole_tensor: the caller will make the heads x positions^2 tensor (alibi_bias), which is capped
// at kMaxElements; one query's attention needs no such cap.
Result<AlibiSpec> make_alibi_spec(double heads, double positions, bool causal,
                                  std::string_view form, bool whole_tensor = true);

// heads x positions x positions, row-major [h][i][j]: the bias of query i and key j in head h.
// Causal: -Infinity above the diagonal (j > i). Not causal: -slope * |i - j| (form distance).
Status alibi_bias(const AlibiSpec& spec, std::span<float> out);

// One query's softmax attention weights over the keys in one head, for content scores all equal
// (so what remains is the bias), in float64: weights[j] for j < positions.
Result<std::vector<double>> alibi_attention(const AlibiSpec& spec, double head, double query);

// One head's bias at canvas resolution, for sequences far beyond what alibi_bias may hold
// (positions up to kMaxPositions; nothing heads x positions^2 is made): queries down, keys across,
// each pixel the bias of the cell under its centre (the bias is linear in i and j, so a sample is
// its cell's value), viridis on [low, high]; masked cells (causal, j > i) transparent. `positions`
// is checked here, not against make_alibi_spec's product cap.
Status render_alibi(const std::vector<double>& slopes, int head, double positions, bool causal,
                    AlibiForm form, int width, int height, double low, double high,
                    std::span<std::uint8_t> rgba);

// The scheme's entry in pe::schemes(): parameters, pe-export's table, caps (maxHeads).
const SchemeInfo& alibi_scheme();

}  // namespace pe
