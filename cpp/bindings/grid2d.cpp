// Binds the 2-D sin-cos table of image patches and the similarity of one patch to all.
#include "pe/grid2d.hpp"

#include <emscripten/bind.h>

#include "common.hpp"

namespace pe::bindings {
namespace {

Result<Grid2dSpec> grid_spec_from(const val& o) {
  return make_grid2d_spec(o["dModel"].as<double>(), o["gridHeight"].as<double>(),
                          o["gridWidth"].as<double>(), o["base"].as<double>(),
                          o["clsToken"].as<bool>());
}

val sincos2d_of(const val& options) {
  const auto spec = grid_spec_from(options);
  if (!spec) return error_value(spec.error());
  const std::size_t n = spec.value().element_count();
  Scratch<float> table;
  if (!table.reserve(n)) return error_value(out_of_memory(n * 4));
  if (auto s = sincos2d_into(spec.value(), table.span()); !s) return error_value(s.error());
  return copy_out(std::span<const float>(table.span()));
}

val grid2d_similarity_of(const val& options, double row, double col, const std::string& part) {
  const auto spec = grid_spec_from(options);
  if (!spec) return error_value(spec.error());
  const auto which = parse_grid_part(part);
  if (!which) return error_value(which.error());
  const auto result = grid2d_similarity(spec.value(), row, col, which.value());
  if (!result) return error_value(result.error());
  return copy_out(std::span<const double>(result.value()));
}

val grid2d_similarities_of(const val& options, double row, double col) {
  const auto spec = grid_spec_from(options);
  if (!spec) return error_value(spec.error());
  const auto result = grid2d_similarities(spec.value(), row, col);
  if (!result) return error_value(result.error());
  val out = val::object();
  out.set("all", copy_out(std::span<const double>(result.value().all)));
  out.set("x", copy_out(std::span<const double>(result.value().x)));
  out.set("y", copy_out(std::span<const double>(result.value().y)));
  return out;
}

}  // namespace
}  // namespace pe::bindings

EMSCRIPTEN_BINDINGS(grid2d) {
  using namespace pe::bindings;
  emscripten::function("_sincos2d", &sincos2d_of);
  emscripten::function("_grid2dSimilarity", &grid2d_similarity_of);
  emscripten::function("_grid2dSimilarities", &grid2d_similarities_of);
}
