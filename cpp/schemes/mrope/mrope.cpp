#include "mrope.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

#include "pe/spec.hpp"

namespace pe {

Result<MropeModel> parse_mrope_model(const std::string& name) {
  const auto index = check_choice(parameter(kMropeParameters, "model"), name);
  if (!index) return index.error();
  return static_cast<MropeModel>(index.value());  // the table's order: qwen2-vl|qwen2.5-vl|qwen3-vl
}

namespace {

// "segments[3].image[1] (height)": where in the caller's list a bad value sits.
std::string where(std::size_t index, const char* field) {
  return "segments[" + std::to_string(index) + "]." + field;
}

Status segment_integer(std::size_t index, const char* field, double value, double min, double max) {
  if (std::isfinite(value) && value == std::floor(value) && value >= min && value <= max)
    return Ok{};
  return make_error(ErrorCode::invalid_argument, "segments", "integer_range",
                    {{"name", where(index, field)}, {"min", min}, {"max", max}, {"got", value}});
}

struct Checked {
  MropeModel model = MropeModel::qwen2_vl;
  MropeRevision revision = MropeRevision::served_2025;
  int merge = 2;
  std::int64_t tokens_per_second = 2;
};

Result<Checked> check_options(const MropeOptions& options) {
  Checked out;
  const auto model = parse_mrope_model(options.model);
  if (!model) return model.error();
  out.model = model.value();
  const auto revision = check_choice(parameter(kMropeParameters, "revision"), options.revision);
  if (!revision) return revision.error();
  out.revision = static_cast<MropeRevision>(revision.value());  // the table's order: 2025|2026
  if (auto s =
          check_integer("spatial_merge_size", options.spatial_merge_size, 1, kMaxMropeMergeSize);
      !s)
    return s.error();
  if (auto s = check_integer("tokens_per_second", options.tokens_per_second, 1,
                             kMaxMropeTokensPerSecond);
      !s)
    return s.error();
  out.merge = static_cast<int>(options.spatial_merge_size);
  out.tokens_per_second = static_cast<std::int64_t>(options.tokens_per_second);
  return out;
}

// Checks one segment and returns its token count.
Result<std::int64_t> check_segment(std::size_t index, const MropeSegment& s, const Checked& c) {
  if (s.kind == MropeSegmentKind::text) {
    if (auto st = segment_integer(index, "text", s.count, 0, double(kMaxMropeTokens)); !st)
      return st.error();
    return static_cast<std::int64_t>(s.count);
  }
  const bool image = s.kind == MropeSegmentKind::image;
  const char* fields[3] = {image ? "image[0] (t)" : "video[0] (t)",
                           image ? "image[1] (h)" : "video[1] (h)",
                           image ? "image[2] (w)" : "video[2] (w)"};
  for (int axis = 0; axis < 3; ++axis) {
    if (auto st = segment_integer(index, fields[axis], s.grid[axis], 1, kMaxMropeGridSide); !st)
      return st.error();
  }
  // The processor's grids are whole merge blocks; get_rope_index divides h and w by the merge
  // size (floor), and the vision tower's reshape fails otherwise.
  for (int axis = 1; axis < 3; ++axis) {
    if (std::fmod(s.grid[axis], c.merge) != 0) {
      return make_error(ErrorCode::invalid_argument, "segments", "multiple_of",
                        {{"name", where(index, fields[axis]) + " (spatialMergeSize " +
                                      std::to_string(c.merge) + ")"},
                         {"step", double(c.merge)},
                         {"got", s.grid[axis]}});
    }
  }
  if (!image) {
    const double spgt = s.second_per_grid_t;
    if (!std::isfinite(spgt) || spgt < 0 || spgt > kMaxMropeSecondsPerGrid) {
      return make_error(ErrorCode::invalid_argument, "segments", "number_range",
                        {{"name", where(index, "secondPerGridT")},
                         {"min", 0.0},
                         {"max", kMaxMropeSecondsPerGrid},
                         {"got", spgt}});
    }
    if (auto st = segment_integer(index, "timestampTokens", s.timestamp_tokens, 0,
                                  kMaxMropeTimestampTokens);
        !st)
      return st.error();
  }
  const std::int64_t t = std::int64_t(s.grid[0]);
  const std::int64_t per_frame =
      std::int64_t(s.grid[1] / c.merge) * std::int64_t(s.grid[2] / c.merge);
  if (!image && c.model == MropeModel::qwen3_vl) {
    // Per frame: timestamp text, <|vision_start|>, the frame, <|vision_end|>.
    return t * (std::int64_t(s.timestamp_tokens) + 2 + per_frame);
  }
  return 2 + t * per_frame;  // <|vision_start|>, the pads, <|vision_end|>
}

Result<std::int64_t> count_tokens(std::span<const MropeSegment> segments, const Checked& c) {
  if (segments.size() > std::size_t(kMaxMropeSegments)) {
    return make_error(ErrorCode::size_limit, "segments", "count_cap",
                      {{"max", double(kMaxMropeSegments)}, {"got", double(segments.size())}});
  }
  std::int64_t total = 0;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const auto n = check_segment(i, segments[i], c);
    if (!n) return n.error();
    total += n.value();  // each at most 8192^3 x 2 + ..., far inside int64
    if (total > kMaxMropeTokens) {
      return make_error(ErrorCode::size_limit, "segments", "tokens_cap",
                        {{"max", double(kMaxMropeTokens)}, {"got", double(total)}});
    }
  }
  return total;
}

// Appends text tokens at next, next + 1, ... on all three rows.
void add_text(std::array<std::vector<std::int32_t>, 3>& rows, std::int64_t& next,
              std::int64_t count) {
  for (std::int64_t k = 0; k < count; ++k)
    for (auto& row : rows) row.push_back(static_cast<std::int32_t>(next + k));
  next += count;
}

}  // namespace

Result<std::int64_t> mrope_token_count(std::span<const MropeSegment> segments,
                                       const MropeOptions& options) {
  const auto checked = check_options(options);
  if (!checked) return checked.error();
  return count_tokens(segments, checked.value());
}

Result<MropeIds> mrope_position_ids(std::span<const MropeSegment> segments,
                                    const MropeOptions& options) {
  const auto checked = check_options(options);
  if (!checked) return checked.error();
  const Checked& c = checked.value();
  const auto total = count_tokens(segments, c);
  if (!total) return total.error();

  // The largest id a segment can reach is bounded before anything is written: text and merged
  // sides add at most the token count, and Qwen2.5-VL's time ids at most (t - 1) x trunc(spgt) x
  // tokens_per_second on top.
  double bound = double(total.value());
  if (c.model == MropeModel::qwen2_5_vl) {
    for (const auto& s : segments) {
      if (s.kind == MropeSegmentKind::video)
        bound += (s.grid[0] - 1) * std::trunc(s.second_per_grid_t) * double(c.tokens_per_second);
    }
  }
  if (bound > double(kMaxMropePositionId)) {
    return make_error(ErrorCode::size_limit, "segments", "position_id_cap",
                      {{"max", double(kMaxMropePositionId)}, {"got", bound}});
  }

  std::array<std::vector<std::int32_t>, 3> rows;
  for (auto& row : rows) row.reserve(std::size_t(total.value()));
  std::int64_t next = 0;         // 2025: llm_pos_ids_list[-1].max() + 1; 2026: current_pos
  std::int64_t largest_id = -1;  // 2026: llm_positions.max(), for the delta
  const bool rewrite = c.revision == MropeRevision::rewrite_2026;
  const auto add_vision = [&](std::int64_t frames, std::int64_t grid_h, std::int64_t grid_w,
                              std::int64_t time_step) {
    const std::int64_t base = next;
    std::int64_t largest = 0;
    for (std::int64_t f = 0; f < frames; ++f) {
      const std::int64_t time = f * time_step;  // torch.long products: exact
      largest = std::max(largest, time);
      for (std::int64_t h = 0; h < grid_h; ++h) {
        for (std::int64_t w = 0; w < grid_w; ++w) {
          rows[0].push_back(static_cast<std::int32_t>(base + time));
          rows[1].push_back(static_cast<std::int32_t>(base + h));
          rows[2].push_back(static_cast<std::int32_t>(base + w));
        }
      }
    }
    largest = std::max({largest, grid_h - 1, grid_w - 1});
    largest_id = std::max(largest_id, base + largest);
    // 2026 (get_rope_index after "Unify 3D position ids"): current_pos += max(h, w) // merge.
    next = rewrite ? base + std::max(grid_h, grid_w) : base + largest + 1;
  };

  for (const auto& s : segments) {
    if (s.kind == MropeSegmentKind::text) {
      add_text(rows, next, std::int64_t(s.count));
      continue;
    }
    const std::int64_t t = std::int64_t(s.grid[0]);
    const std::int64_t grid_h = std::int64_t(s.grid[1]) / c.merge;
    const std::int64_t grid_w = std::int64_t(s.grid[2]) / c.merge;
    if (s.kind == MropeSegmentKind::video && c.model == MropeModel::qwen3_vl) {
      // get_rope_index splits video_grid_thw into t grids of one frame each.
      for (std::int64_t f = 0; f < t; ++f) {
        add_text(rows, next, std::int64_t(s.timestamp_tokens) + 1);  // timestamp, vision_start
        add_vision(1, grid_h, grid_w, 0);
        add_text(rows, next, 1);  // vision_end
      }
      continue;
    }
    std::int64_t time_step = 1;
    if (c.model == MropeModel::qwen2_5_vl) {
      // second_per_grid_t = 0 for an image (2026: time_interval 1); a video's goes through
      // torch.as_tensor(..., dtype=long) (2026: int()): truncated, so 0.5 s per grid step gives
      // every frame 0.
      const bool image = s.kind == MropeSegmentKind::image;
      const std::int64_t seconds = image ? 0 : static_cast<std::int64_t>(s.second_per_grid_t);
      time_step = image && rewrite ? 1 : seconds * c.tokens_per_second;
    }
    add_text(rows, next, 1);  // vision_start
    add_vision(t, grid_h, grid_w, time_step);
    add_text(rows, next, 1);  // vision_end
  }

  MropeIds out;
  out.tokens = total.value();
  out.ids.reserve(std::size_t(out.tokens) * 3);
  for (const auto& row : rows) out.ids.insert(out.ids.end(), row.begin(), row.end());
  // The largest id + 1 - the token count (0 for text only). 2025: `next` is that largest id + 1;
  // 2026: a video's later frames may lie past `next`.
  if (rewrite) {
    largest_id = std::max(largest_id, next - 1);  // the last text token's
    out.rope_delta = largest_id + 1 - out.tokens;
  } else {
    out.rope_delta = next - out.tokens;
  }
  return out;
}

Result<std::vector<std::uint8_t>> mrope_axes(double head_dim, std::span<const double> section,
                                             bool interleaved) {
  if (auto s = check_integer("head_dim", head_dim, 2, kMaxMropeHeadDim); !s) return s.error();
  if (std::fmod(head_dim, 2) != 0) {
    return make_error(ErrorCode::invalid_argument, "head_dim", "not_even", {{"got", head_dim}});
  }
  if (section.size() != 3) {
    return make_error(ErrorCode::invalid_argument, "mrope_section", "length_mismatch",
                      {{"expected", 3.0}, {"got", double(section.size())}});
  }
  const int pairs = static_cast<int>(head_dim) / 2;
  double sum = 0;
  for (std::size_t k = 0; k < 3; ++k) {
    const double v = section[k];
    if (!std::isfinite(v) || v != std::floor(v) || v < 0 || v > pairs) {
      return make_error(
          ErrorCode::invalid_argument, "mrope_section", "not_in_array",
          {{"index", double(k)},
           {"expected", "an integer from 0 to headDim / 2 (" + std::to_string(pairs) + ")"},
           {"got", format_number(v)}});
    }
    sum += v;
  }
  if (sum != pairs) {
    return make_error(ErrorCode::invalid_argument, "mrope_section", "sum_mismatch",
                      {{"expected", double(pairs)}, {"got", sum}});
  }
  const int t_pairs = int(section[0]), h_pairs = int(section[1]), w_pairs = int(section[2]);
  std::vector<std::uint8_t> axes(static_cast<std::size_t>(head_dim));
  for (int p = 0; p < pairs; ++p) {
    std::uint8_t axis = 0;
    if (interleaved) {
      if (p % 3 == 1 && p < 3 * h_pairs) axis = 1;
      if (p % 3 == 2 && p < 3 * w_pairs) axis = 2;
    } else {
      axis = p < t_pairs ? 0 : p < t_pairs + h_pairs ? 1 : 2;
    }
    axes[std::size_t(p)] = axes[std::size_t(p + pairs)] = axis;
  }
  return axes;
}

namespace {

// "text:5,image:1x4x6,video:4x4x4:0.5:3": pe-export's spelling of the segments (a video's
// seconds per grid step and timestamp tokens optional).
Result<std::vector<MropeSegment>> parse_segments(const std::string& text) {
  const auto bad = [&](const std::string& item) {
    return make_error(ErrorCode::invalid_argument, "segments", "not_array",
                      {{"expected", std::string("text:N, image:TxHxW or video:TxHxW[:seconds per "
                                                "grid step[:timestamp tokens]], comma-separated")},
                       {"got", "\"" + item + "\""}});
  };
  std::vector<MropeSegment> out;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t comma = std::min(text.find(',', at), text.size());
    const std::string item = text.substr(at, comma - at);
    at = comma + 1;
    std::vector<std::string> parts;
    for (std::size_t p = 0; p <= item.size();) {
      const std::size_t colon = std::min(item.find(':', p), item.size());
      parts.push_back(item.substr(p, colon - p));
      p = colon + 1;
    }
    const auto number = [](const std::string& s, double& v) {
      char* end = nullptr;
      v = s.empty() ? 0 : std::strtod(s.c_str(), &end);
      return !s.empty() && *end == '\0';
    };
    MropeSegment s;
    if (parts[0] == "text" && parts.size() == 2) {
      if (!number(parts[1], s.count)) return bad(item);
    } else if ((parts[0] == "image" && parts.size() == 2) ||
               (parts[0] == "video" && parts.size() >= 2 && parts.size() <= 4)) {
      s.kind = parts[0] == "image" ? MropeSegmentKind::image : MropeSegmentKind::video;
      std::size_t p = 0;
      for (int axis = 0; axis < 3; ++axis) {
        const std::size_t x = std::min(parts[1].find('x', p), parts[1].size());
        if ((axis < 2) == (x == parts[1].size())) return bad(item);
        if (!number(parts[1].substr(p, x - p), s.grid[axis])) return bad(item);
        p = x + 1;
      }
      if (parts.size() > 2 && !number(parts[2], s.second_per_grid_t)) return bad(item);
      if (parts.size() > 3 && !number(parts[3], s.timestamp_tokens)) return bad(item);
    } else {
      return bad(item);
    }
    out.push_back(s);
  }
  return out;
}

// pe-export --scheme mrope: the (3, tokens) position ids, int32 (rows t, h, w).
[[maybe_unused]] Result<Table> mrope_table(const ParameterValues& values) {
  const auto segments = parse_segments(values.texts.at("segments"));
  if (!segments) return segments.error();
  MropeOptions options;
  options.model = values.texts.at("model");
  options.spatial_merge_size = values.numbers.at("spatial_merge_size");
  options.tokens_per_second = values.numbers.at("tokens_per_second");
  options.revision = values.texts.at("revision");
  auto ids = mrope_position_ids(segments.value(), options);
  if (!ids) return ids.error();
  Table table;
  table.shape = {3, std::size_t(ids.value().tokens)};
  table.integers = std::move(ids.value().ids);
  return table;
}

}  // namespace

const SchemeInfo& mrope_scheme() {
  static const SchemeInfo info{
      "mrope", "multimodal RoPE position ids (Qwen2-VL, Qwen2.5-VL, Qwen3-VL)", kMropeParameters,
      "(3, tokens) int32: rows t, h, w, as get_rope_index", PE_EXPORT_TABLE(mrope_table)};
  return info;
}

}  // namespace pe
