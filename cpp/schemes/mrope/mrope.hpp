// Multimodal RoPE (M-RoPE) of Qwen2-VL, Qwen2.5-VL and Qwen3-VL: every token of a prompt gets three
// position ids (time, height, width), and the rotary pairs are divided among the three axes.
//
// The ids are those of `get_rope_index` in Hugging Face transformers (models/qwen2_vl,
// qwen2_5_vl, qwen3_vl, modeling_*.py) as the released checkpoints were served through 2025
// (transformers @ a7f29523, before the February 2026 rewrite "Unify 3D position ids", c281a2de),
// for the prompt as the processor lays it out:
// - text: ordinary tokens; each takes the next position on all three rows;
// - an image, or a Qwen2/2.5-VL video: <|vision_start|>, t·h·w / merge² pad tokens (the merged
//   grid in t, h, w order), <|vision_end|>; the start and end tokens are text. The pads get
//   (start + t', start + h', start + w'), and the text after resumes at start + the block's
//   largest id + 1 (so the largest merged side, not the token count, moves the position on);
// - Qwen2.5-VL scales t' by trunc(second_per_grid_t) × tokens_per_second: the code converts
//   second_per_grid_t to the long dtype first, so 0.5 s per grid step gives every frame t' = 0;
//   its images use 0 (every frame of an image at t' = 0);
// - a Qwen3-VL video is, per temporal step, its timestamp text, <|vision_start|>, that frame's
//   h·w / merge² tokens (t' = 0), <|vision_end|>: time lives in the timestamp text.
// rope_delta = the largest id + 1 − the number of tokens: what a decoder adds to each new token's
// index after the prompt. mrope_test.cpp checks every id against the reference run under torch.
//
// revision "2026" gives the ids of the rewrite instead ("Unify 3D position ids", c281a2de, as of
// c9de1097, 2026-05-08: get_rope_index with get_vision_position_ids): the same layout, but the
// position after a vision block moves on by its largest merged side only (h or w: the time ids
// no longer count), so text after a video reuses positions that later frames hold; and Qwen2.5-VL's
// images step their frames' time ids by 1 instead of 0. Text-only prompts, and images of one frame,
// get the same ids either way.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "pe/error.hpp"
#include "pe/parameters.hpp"
#include "pe/schemes.hpp"

namespace pe {

// Caps (README, Reliability).
inline constexpr std::int64_t kMaxMropeTokens = std::int64_t{1} << 20;  // tokens in one prompt
inline constexpr int kMaxMropeSegments = 65536;
inline constexpr int kMaxMropeGridSide = 8192;           // t, h and w of one grid, in patches
inline constexpr int kMaxMropeMergeSize = 16;            // spatial_merge_size
inline constexpr int kMaxMropeTokensPerSecond = 1000;    // tokens_per_second (Qwen2.5-VL)
inline constexpr double kMaxMropeSecondsPerGrid = 3600;  // second_per_grid_t
inline constexpr int kMaxMropeTimestampTokens = 1024;    // a Qwen3-VL frame's timestamp text
inline constexpr std::int64_t kMaxMropePositionId = 2147483647;  // int32
inline constexpr int kMaxMropeHeadDim = 4096;

// The scheme's parameters (pe/parameters.hpp): pe.schemes.mrope, pe-export's flags, the checks and
// MropeOptions' defaults read them. `segments` is pe-export's spelling of the prompt; the JS API
// takes it as an array (mropePositionIds' first argument).
inline constexpr ParameterInfo kMropeParameters[] = {
    {"segments", "segments", ParameterType::text, 0, "text:4", 0, 0, "",
     "the prompt: text:N, image:TxHxW, video:TxHxW[:seconds per grid step[:timestamp tokens]]"},
    {"model", "model", ParameterType::choice, 0, "qwen2-vl", 0, 0, "qwen2-vl|qwen2.5-vl|qwen3-vl",
     "whose get_rope_index (transformers, as served through 2025)"},
    {"spatialMergeSize", "spatial_merge_size", ParameterType::integer, 2, "", 1, kMaxMropeMergeSize,
     "", "vision_config.spatial_merge_size: patches per merged token along h and w"},
    {"tokensPerSecond", "tokens_per_second", ParameterType::integer, 2, "", 1,
     kMaxMropeTokensPerSecond, "", "vision_config.tokens_per_second (Qwen2.5-VL's time ids)"},
    {"revision", "revision", ParameterType::choice, 0, "2025", 0, 0, "2025|2026",
     "get_rope_index as served through 2025 (a7f29523), or as rewritten in 2026 (c9de1097)"},
};

// In the order of the model choice above.
enum class MropeModel { qwen2_vl, qwen2_5_vl, qwen3_vl };
enum class MropeSegmentKind { text, image, video };
// In the order of the revision choice above.
enum class MropeRevision { served_2025, rewrite_2026 };

// One piece of a prompt, unchecked (doubles as they arrive from JavaScript or a command line).
struct MropeSegment {
  MropeSegmentKind kind = MropeSegmentKind::text;
  double count = 0;                        // text: the number of tokens
  std::array<double, 3> grid = {0, 0, 0};  // image / video: t, h, w in patches before merging
  double second_per_grid_t = 1;            // video: seconds per temporal grid step (2.5-VL)
  double timestamp_tokens = 0;             // video: each frame's timestamp text (Qwen3-VL)
};

struct MropeOptions {
  std::string model{default_choice(kMropeParameters, "model")};
  double spatial_merge_size = default_number(kMropeParameters, "spatial_merge_size");
  // vision_config.tokens_per_second of the released 2.5-VL configs (the config class says 4)
  double tokens_per_second = default_number(kMropeParameters, "tokens_per_second");
  std::string revision{default_choice(kMropeParameters, "revision")};
};

struct MropeIds {
  std::vector<std::int32_t> ids;  // 3 x tokens, row-major: rows t, h, w
  std::int64_t tokens = 0;
  std::int64_t rope_delta = 0;
};

// "qwen2-vl" | "qwen2.5-vl" | "qwen3-vl", or an error naming `model`.
Result<MropeModel> parse_mrope_model(const std::string& name);

// The number of tokens the segments lay out (checks every segment; the cap is kMaxMropeTokens).
Result<std::int64_t> mrope_token_count(std::span<const MropeSegment> segments,
                                       const MropeOptions& options);

// The position ids and rope delta of get_rope_index for the prompt the segments lay out.
Result<MropeIds> mrope_position_ids(std::span<const MropeSegment> segments,
                                    const MropeOptions& options);

// The axis (0 t, 1 h, 2 w) each of head_dim rotary dimensions reads: contiguous chunks of pairs
// (apply_multimodal_rotary_pos_emb: mrope_section × 2 split over the dimensions) or interleaved
// (Qwen3-VL's apply_interleaved_mrope: pair i reads h when i % 3 == 1 and i < 3·section[1], w when
// i % 3 == 2 and i < 3·section[2], else t), then doubled as cat(freqs, freqs): dimension d reads
// the axis of pair d mod head_dim/2. The sections must sum to head_dim / 2.
Result<std::vector<std::uint8_t>> mrope_axes(double head_dim, std::span<const double> section,
                                             bool interleaved);

// The scheme's entry in pe::schemes(): parameters, pe-export's table, caps.
const SchemeInfo& mrope_scheme();

}  // namespace pe
