// Multimodal RoPE's position ids and axes against the reference code run as written: get_rope_index
// of huggingface/transformers src/transformers/models/qwen2_vl/modeling_qwen2_vl.py,
// models/qwen2_5_vl/modeling_qwen2_5_vl.py and models/qwen3_vl/modeling_qwen3_vl.py, and
// apply_multimodal_rotary_pos_emb (qwen2_vl) / apply_interleaved_mrope (qwen3_vl), all @
// a7f29523361b2cc12e51c1f5133d95f122f6f45c (2025-12-24), under torch 1.13 (Debian's python3-torch).
// The values are in mrope_reference.inc, written by cpp/schemes/mrope/reference.py, which cuts the
// functions out of those files and runs them on the prompts the processor lays out (it says how).
#include "mrope.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "mrope_reference.inc"

namespace {

namespace ref = pe::mrope_reference;

std::vector<pe::MropeSegment> segments_of(const ref::Case& c) {
  std::vector<pe::MropeSegment> out;
  for (const auto& s : c.segments) {
    pe::MropeSegment segment;
    segment.kind = s.kind == 0   ? pe::MropeSegmentKind::text
                   : s.kind == 1 ? pe::MropeSegmentKind::image
                                 : pe::MropeSegmentKind::video;
    segment.count = s.t;
    segment.grid = {double(s.t), double(s.h), double(s.w)};
    segment.second_per_grid_t = s.second_per_grid_t;
    segment.timestamp_tokens = s.timestamp_tokens;
    out.push_back(segment);
  }
  return out;
}

pe::MropeOptions options_of(const char* model, int merge = 2, int tokens_per_second = 2) {
  pe::MropeOptions o;
  o.model = model;
  o.spatial_merge_size = merge;
  o.tokens_per_second = tokens_per_second;
  return o;
}

pe::MropeSegment text(double n) {
  pe::MropeSegment s;
  s.count = n;
  return s;
}

pe::MropeSegment image(double t, double h, double w) {
  pe::MropeSegment s;
  s.kind = pe::MropeSegmentKind::image;
  s.grid = {t, h, w};
  return s;
}

pe::MropeSegment video(double t, double h, double w, double seconds, double timestamps = 0) {
  pe::MropeSegment s = image(t, h, w);
  s.kind = pe::MropeSegmentKind::video;
  s.second_per_grid_t = seconds;
  s.timestamp_tokens = timestamps;
  return s;
}

}  // namespace

TEST_CASE("every position id and delta of every reference prompt is get_rope_index's") {
  // 45 prompts x model: text only, one image, two images of different shapes, an image first, an
  // odd merged grid (3 x 5), videos at 0.5, 1, 1.5 and 2 s per grid step (Qwen2.5-VL at
  // tokens_per_second 2 and 25), image-video-image, merge size 1.
  REQUIRE(ref::kCases.size() >= 40);
  for (const auto& c : ref::kCases) {
    INFO(c.model << ": " << c.name << " (tokens_per_second " << c.tokens_per_second << ")");
    const auto ids =
        pe::mrope_position_ids(segments_of(c), options_of(c.model, c.merge, c.tokens_per_second));
    REQUIRE(ids.ok());
    CHECK(ids.value().ids == std::vector<std::int32_t>(c.ids.begin(), c.ids.end()));
    CHECK(ids.value().tokens * 3 == std::int64_t(c.ids.size()));
    CHECK(ids.value().rope_delta == c.delta);
  }
}

TEST_CASE("revision 2026 gives the ids of the rewritten get_rope_index, where it ran") {
  // The same prompts through get_rope_index and get_vision_position_ids @ c9de1097 (2026-05-08,
  // after "Unify 3D position ids" c281a2de and "Fix Qwen2.5VL temporal grid positions"), run
  // by cpp/schemes/mrope/reference.py as written. Images of one frame and text agree with 2025;
  // videos not.
  int compared = 0, differ = 0;
  for (const auto& c : ref::kCases) {
    if (c.latest_ids.empty()) continue;  // that code raised (none at c9de1097)
    INFO(c.model << ": " << c.name << " (tokens_per_second " << c.tokens_per_second << ")");
    auto options = options_of(c.model, c.merge, c.tokens_per_second);
    options.revision = "2026";
    const auto ids = pe::mrope_position_ids(segments_of(c), options);
    REQUIRE(ids.ok());
    CHECK(ids.value().ids == std::vector<std::int32_t>(c.latest_ids.begin(), c.latest_ids.end()));
    CHECK(ids.value().rope_delta == c.latest_delta);
    ++compared;
    differ += c.latest_ids != c.ids ? 1 : 0;
  }
  CHECK(compared == int(ref::kCases.size()));
  CHECK(differ >= 10);  // the videos (Qwen2-VL, Qwen2.5-VL) and Qwen2.5-VL's image of two frames
  auto bad = options_of("qwen2-vl");
  bad.revision = "2024";
  const auto refused = pe::mrope_position_ids(std::vector<pe::MropeSegment>{text(1)}, bad);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().parameter == "revision");
}

TEST_CASE("text after an image resumes at the image start plus its largest merged side") {
  // 2 text tokens, <vision_start> at 2, a 1 x 14 x 2 grid (7 x 1 merged) from 3: the text after
  // <vision_end> resumes at 3 + 7 + 1 = 11 (<vision_end>), not at 3 + 7 tokens.
  const std::vector<pe::MropeSegment> prompt = {text(2), image(1, 14, 2), text(1)};
  const auto ids = pe::mrope_position_ids(prompt, options_of("qwen2-vl"));
  REQUIRE(ids.ok());
  const auto& v = ids.value();
  REQUIRE(v.tokens == 2 + 1 + 7 + 1 + 1);
  CHECK(v.ids[std::size_t(v.tokens) - 2] == 10);  // <vision_end>: 3 + max(0, 6, 0) + 1
  CHECK(v.rope_delta == 12 - v.tokens);
}

TEST_CASE("qwen2.5-vl truncates second_per_grid_t: half a second per step puts every frame at 0") {
  for (const double seconds : {0.5, 0.99}) {
    const std::vector<pe::MropeSegment> prompt = {video(4, 2, 2, seconds)};
    const auto ids = pe::mrope_position_ids(prompt, options_of("qwen2.5-vl"));
    REQUIRE(ids.ok());
    for (int frame = 0; frame < 4; ++frame) CHECK(ids.value().ids[std::size_t(1 + frame)] == 1);
  }
  const std::vector<pe::MropeSegment> one_second = {video(4, 2, 2, 1.0)};
  const auto ids = pe::mrope_position_ids(one_second, options_of("qwen2.5-vl", 2, 2));
  REQUIRE(ids.ok());
  CHECK(ids.value().ids[4] == 1 + 3 * 2);  // frame 3: 3 x trunc(1.0) x tokens_per_second 2
}

TEST_CASE("bad segments and options are refused, naming the parameter") {
  const auto refused = [](std::vector<pe::MropeSegment> prompt, pe::MropeOptions o,
                          const char* parameter, const char* words) {
    const auto ids = pe::mrope_position_ids(prompt, o);
    REQUIRE_FALSE(ids.ok());
    CHECK(ids.error().parameter == parameter);
    CHECK_MESSAGE(ids.error().message.find(words) != std::string::npos, ids.error().message);
  };
  const auto q2 = options_of("qwen2-vl");
  refused({image(1, 5, 4)}, q2, "segments", "segments[0].image[1] (h) (spatialMergeSize 2)");
  refused({text(3), video(2, 4, 6, 1)}, options_of("qwen2-vl", 4), "segments",
          "segments[1].video[2] (w)");
  refused({text(-1)}, q2, "segments", "segments[0].text must be an integer from 0");
  refused({text(2.5)}, q2, "segments", "segments[0].text");
  refused({image(0, 2, 2)}, q2, "segments", "image[0] (t)");
  refused({video(2, 2, 2, -0.5)}, q2, "segments", "secondPerGridT");
  refused({video(2, 2, 2, 1, -1)}, q2, "segments", "timestampTokens");
  refused({text(double(pe::kMaxMropeTokens) - 1), text(2)}, q2, "segments",
          "lay out 1048577 tokens; the cap is 1048576");
  refused({image(8192, 8192, 8192)}, q2, "segments", "the cap is 1048576");
  refused({video(4096, 2, 2, 3600)}, options_of("qwen2.5-vl", 2, 1000), "segments",
          "position ids up to");
  refused({text(1)}, options_of("qwen2-vl-7b"), "model", "must be one of qwen2-vl");
  refused({text(1)}, options_of("qwen2-vl", 0), "spatial_merge_size", "");
  refused({text(1)}, options_of("qwen2.5-vl", 2, 0), "tokens_per_second", "");
  // The kinds of the caps (pe.messageTemplates has them; error_test.cpp counts on these).
  const std::vector<pe::MropeSegment> too_many = {text(double(pe::kMaxMropeTokens)), text(1)};
  CHECK(pe::mrope_position_ids(too_many, q2).error().kind == "tokens_cap");
  CHECK(pe::mrope_position_ids(too_many, q2).error().code == pe::ErrorCode::size_limit);
  const std::vector<pe::MropeSegment> far = {video(4096, 2, 2, 3600)};
  CHECK(pe::mrope_position_ids(far, options_of("qwen2.5-vl", 2, 1000)).error().kind ==
        "position_id_cap");
  // At the cap exactly is fine.
  const std::vector<pe::MropeSegment> at_cap = {text(double(pe::kMaxMropeTokens))};
  const auto ids = pe::mrope_position_ids(at_cap, q2);
  REQUIRE(ids.ok());
  CHECK(ids.value().ids.back() == pe::kMaxMropeTokens - 1);
}

TEST_CASE("which axis each rotary dimension reads is the apply functions' choice") {
  // apply_multimodal_rotary_pos_emb (chunked) and apply_interleaved_mrope + cat(freqs, freqs),
  // run on tables whose values are their axis: 8 layouts, incl. [16, 24, 24] chunked (Qwen2/2.5-VL)
  // and [24, 20, 20] interleaved (Qwen3-VL).
  REQUIRE(ref::kAxes.size() >= 8);
  for (const auto& a : ref::kAxes) {
    INFO("head_dim " << a.head_dim << " section " << a.section[0] << "," << a.section[1] << ","
                     << a.section[2] << (a.interleaved ? " interleaved" : " chunked"));
    const double section[3] = {double(a.section[0]), double(a.section[1]), double(a.section[2])};
    const auto axes = pe::mrope_axes(a.head_dim, section, a.interleaved);
    REQUIRE(axes.ok());
    CHECK(std::vector<int>(axes.value().begin(), axes.value().end()) == a.axes);
  }
}

TEST_CASE("mrope axes refuse sections that do not fit the head") {
  const double good[3] = {16, 24, 24};
  const double short_sum[3] = {16, 24, 23};
  const double negative[3] = {-1, 33, 32};
  const double two[2] = {32, 32};
  CHECK(pe::mrope_axes(128, good, false).ok());
  const auto sum = pe::mrope_axes(128, short_sum, false);
  REQUIRE_FALSE(sum.ok());
  CHECK(sum.error().parameter == "mrope_section");
  CHECK(sum.error().kind == "sum_mismatch");
  CHECK(sum.error().message == "mrope_section must sum to 64 (headDim / 2); got 63");
  CHECK(pe::mrope_axes(128, negative, true).error().parameter == "mrope_section");
  CHECK(pe::mrope_axes(128, two, true).error().parameter == "mrope_section");
  CHECK(pe::mrope_axes(127, good, false).error().parameter == "head_dim");
  CHECK(pe::mrope_axes(0, good, false).error().parameter == "head_dim");
}
