// Rotary embeddings over more than one axis: each axis of a position gets its own block of rotary
// pairs, with its own geometric spectrum.
//
// - FLUX's axial RoPE (black-forest-labs/flux, src/flux/math.py `rope`, src/flux/modules/layers.py
//   `EmbedND`): a token's ids (one number per axis; FLUX.1 uses three, axes_dim [16, 56, 56]) give
//   axis i the angles id_i · theta^(−2k / axes_dim[i]), k < axes_dim[i] / 2, and the blocks are
//   concatenated in axis order: sum(axes_dim) / 2 angles per token.
// - The Qwen-VL vision tower's 2-D RoPE (transformers, models/qwen2_vl/modeling_qwen2_vl.py
//   `VisionRotaryEmbedding`, `rot_pos_emb`; Qwen2.5-VL and Qwen3-VL build the same table): a patch
//   at row r and column c of its frame gets [r · f_k | c · f_k], f_k = theta^(−2k / (head_dim /
//   2)), k < head_dim / 4, and the patches come in merge-block order: the spatial_merge_size²
//   patches of one merged token are consecutive (block rows, block columns, then rows and columns
//   inside the block), frame after frame.
// Both in float64: FLUX's rope computed in float64 until 2025-01 (since then in the ids' dtype,
// float32 in its sampling code), the vision tower in float32; axial_test.cpp states the tolerance
// against each.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "pe/error.hpp"
#include "pe/parameters.hpp"
#include "pe/schemes.hpp"

namespace pe {

// Caps (README, Reliability).
inline constexpr int kMaxAxialAxes = 8;
inline constexpr int kMaxAxialDim = 4096;                               // sum(axes_dim), head_dim
inline constexpr double kMaxAxialId = 1e9;                              // |id|
inline constexpr std::int64_t kMaxAxialAngles = std::int64_t{1} << 23;  // tokens x pairs (64 MiB)
inline constexpr int kMaxVisionGridSide = 8192;
inline constexpr double kMaxAxialTheta = 1e12;

// The scheme's parameters (pe/parameters.hpp): pe.schemes.axial, pe-export's flags and the checks
// read them. gridHeight, gridWidth and textTokens are pe-export's (the ids FLUX makes for an
// image); axialRopeAngles takes its ids as an argument. visionRopeAngles checks its theta against
// this theta.
inline constexpr ParameterInfo kAxialParameters[] = {
    {"axesDim", "axes_dim", ParameterType::list, 0, "16,56,56", 0, 0, "",
     "rotary dimensions per axis (FLUX.1: 16,56,56), each even"},
    {"theta", "theta", ParameterType::number, 10000, "", 0, kMaxAxialTheta, "",
     "the base of every axis"},
    {"gridHeight", "grid_height", ParameterType::integer, 2, "", 1, 65536, "",
     "pe-export: latent rows of the image (FLUX's img_ids (0, row, column): the last two axes)"},
    {"gridWidth", "grid_width", ParameterType::integer, 2, "", 1, 65536, "",
     "pe-export: latent columns"},
    {"textTokens", "text_tokens", ParameterType::integer, 0, "", 0, 65536, "",
     "pe-export: text tokens first, ids all 0 (FLUX's txt_ids)"},
};

struct AxialSpec {
  std::vector<int> axes_dim;
  double theta = 10000;
  int pairs = 0;  // sum(axes_dim) / 2
};

// axes_dim: 1 to kMaxAxialAxes even integers from 2, summing to at most kMaxAxialDim; theta a
// finite number > 0 (at most kMaxAxialTheta).
Result<AxialSpec> make_axial_spec(std::span<const double> axes_dim, double theta);

// tokens x spec.pairs angles for ids given as tokens x axes (row-major; finite, |id| <= 1e9).
Result<std::vector<double>> axial_rope_angles(const AxialSpec& spec, std::span<const double> ids);

struct VisionOptions {
  double head_dim = 80;  // the vision tower's per-head size (Qwen2-VL: 1280 / 16)
  double theta = default_number(kAxialParameters, "theta");
  std::array<double, 3> grid = {1, 2, 2};  // t, h, w in patches (image_grid_thw)
  double spatial_merge_size = 2;
};

struct VisionAngles {
  std::vector<double> angles;  // patches x head_dim / 2
  std::int64_t patches = 0;
  int columns = 0;
};

// rot_pos_emb's table for one grid: head_dim a multiple of 4, h and w multiples of the merge size.
Result<VisionAngles> vision_rope_angles(const VisionOptions& options);

// The scheme's entry in pe::schemes(): parameters, pe-export's table, caps.
const SchemeInfo& axial_scheme();

}  // namespace pe
