// Axial RoPE angles against the reference code run as written (cpp/schemes/mrope/reference.py
// writes axial_reference.inc; it says how):
// - FLUX: black-forest-labs/flux src/flux/math.py `rope` and src/flux/modules/layers.py `EmbedND`,
//   @ 1f71c43 (rope in float64: compared to 1e-13 relative) and @ 802fb47 (rope in the ids'
//   dtype, float32 as FLUX's sampling makes them: compared to float32 rounding, 4e-7 relative);
// - the vision tower: huggingface/transformers models/qwen2_vl/modeling_qwen2_vl.py
//   (VisionRotaryEmbedding, rot_pos_emb) and models/qwen3_vl/modeling_qwen3_vl.py
//   (Qwen3VLVisionRotaryEmbedding, rot_pos_emb) @ a7f29523361b2cc12e51c1f5133d95f122f6f45c, which
//   compute in float32: compared to 1e-6 relative (the engine is float64).
#include "axial.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "axial_reference.inc"

namespace {

namespace ref = pe::axial_reference;

// The largest |ours - theirs| / max(|theirs|, floor) over a table.
double worst_relative(const std::vector<double>& ours, const std::vector<double>& theirs,
                      double floor) {
  REQUIRE(ours.size() == theirs.size());
  double worst = 0;
  for (std::size_t i = 0; i < ours.size(); ++i)
    worst = std::max(worst, std::fabs(ours[i] - theirs[i]) / std::max(std::fabs(theirs[i]), floor));
  return worst;
}

}  // namespace

TEST_CASE("flux axial angles are EmbedND's, in float64 and against its float32 ids") {
  REQUIRE(ref::kFlux.size() >= 8);
  for (const auto& f : ref::kFlux) {
    INFO("flux @ " << f.commit << ", " << f.axes_dim.size() << " axes, theta " << f.theta);
    const std::vector<double> axes(f.axes_dim.begin(), f.axes_dim.end());
    const auto spec = pe::make_axial_spec(axes, f.theta);
    REQUIRE(spec.ok());
    const auto angles = pe::axial_rope_angles(spec.value(), f.ids);
    REQUIRE(angles.ok());
    // float64: pow and the product may round differently from torch's by an ulp or two.
    CHECK(worst_relative(angles.value(), f.angles, 1e-300) < (f.float64 ? 1e-13 : 4e-7));
  }
}

TEST_CASE("the vision tower's angles are rot_pos_emb's table, shape and patch order") {
  REQUIRE(ref::kVision.size() >= 12);
  for (const auto& v : ref::kVision) {
    INFO(v.model << " head_dim " << v.head_dim << " grid " << v.grid[0] << "x" << v.grid[1] << "x"
                 << v.grid[2] << " merge " << v.merge);
    pe::VisionOptions o;
    o.head_dim = v.head_dim;
    o.theta = v.theta;
    o.grid = {double(v.grid[0]), double(v.grid[1]), double(v.grid[2])};
    o.spatial_merge_size = v.merge;
    const auto angles = pe::vision_rope_angles(o);
    REQUIRE(angles.ok());
    CHECK(angles.value().patches == v.rows);
    CHECK(angles.value().columns == v.cols);
    // float32 inv_freq and products in the reference: a few float32 roundings, relative.
    CHECK(worst_relative(angles.value().angles, v.angles, 1.0) < 1e-6);
  }
}

TEST_CASE("merge-block order: a merged token's patches are consecutive") {
  pe::VisionOptions o;
  o.head_dim = 8;  // one frequency per axis: 1, so the angles are the row and the column
  o.grid = {1, 4, 4};
  const auto angles = pe::vision_rope_angles(o);
  REQUIRE(angles.ok());
  const auto& a = angles.value().angles;  // 16 patches x 4 columns: [r f0, r f1, c f0, c f1]
  const int rows[16] = {0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 3, 3, 2, 2, 3, 3};
  const int cols[16] = {0, 1, 0, 1, 2, 3, 2, 3, 0, 1, 0, 1, 2, 3, 2, 3};
  for (std::size_t p = 0; p < 16; ++p) {
    CHECK(a[p * 4] == rows[p]);
    CHECK(a[p * 4 + 2] == cols[p]);
  }
}

TEST_CASE("bad axial and vision options are refused, naming the parameter") {
  const double flux[3] = {16, 56, 56};
  const double odd[3] = {16, 55, 57};
  CHECK(pe::make_axial_spec(flux, 10000).ok());
  CHECK(pe::make_axial_spec(odd, 10000).error().parameter == "axes_dim");
  CHECK(pe::make_axial_spec(std::span<const double>(), 10000).error().parameter == "axes_dim");
  CHECK(pe::make_axial_spec(flux, 0).error().parameter == "theta");
  CHECK(pe::make_axial_spec(flux, NAN).error().parameter == "theta");
  const auto spec = pe::make_axial_spec(flux, 10000).value();
  const std::vector<double> four = {0, 1, 2, 3};
  CHECK(pe::axial_rope_angles(spec, four).error().parameter == "ids");
  const std::vector<double> infinite = {0, INFINITY, 2};
  CHECK(pe::axial_rope_angles(spec, infinite).error().parameter == "ids");
  pe::VisionOptions o;
  o.head_dim = 78;  // not a multiple of 4
  CHECK(pe::vision_rope_angles(o).error().parameter == "head_dim");
  o.head_dim = 80;
  o.grid = {1, 5, 4};
  const auto not_merged = pe::vision_rope_angles(o);
  REQUIRE_FALSE(not_merged.ok());
  CHECK(not_merged.error().parameter == "grid");
  CHECK(not_merged.error().message.find(
            "grid[1] (h) (spatialMergeSize 2) must be a multiple of 2") != std::string::npos);
  o.grid = {1, 8192, 8192};
  CHECK(pe::vision_rope_angles(o).error().code == pe::ErrorCode::size_limit);
}
