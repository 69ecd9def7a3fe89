// Binds the 2-D sin-cos table of image patches and the similarity of one patch to all.
#include <emscripten/bind.h>

#include "common.hpp"
#include "grid2d.hpp"

namespace pe::bindings {
namespace {

Result<Grid2dSpec> grid_spec_from(const val& o) {
  return make_grid2d_spec(o["dModel"].as<double>(), o["gridHeight"].as<double>(),
                          o["gridWidth"].as<double>(), o["base"].as<double>(),
                          o["clsToken"].as<bool>());
}

val sincos2d_of(const val& options) {
  PE_TRY_LET(spec, grid_spec_from(options));
  const std::size_t n = spec.element_count();
  Scratch<float> table;
  PE_TRY(table.reserve(n));
  PE_TRY(sincos2d_into(spec, table.span()));
  return copy_out(std::span<const float>(table.span()));
}

val grid2d_similarity_of(const val& options, double row, double col, const std::string& part) {
  PE_TRY_LET(spec, grid_spec_from(options));
  PE_TRY_LET(which, parse_grid_part(part));
  PE_TRY_LET(result, grid2d_similarity(spec, row, col, which));
  return copy_out(std::span<const double>(result));
}

val grid2d_similarities_of(const val& options, double row, double col) {
  PE_TRY_LET(spec, grid_spec_from(options));
  PE_TRY_LET(result, grid2d_similarities(spec, row, col));
  val out = val::object();
  out.set("all", copy_out(std::span<const double>(result.all)));
  out.set("x", copy_out(std::span<const double>(result.x)));
  out.set("y", copy_out(std::span<const double>(result.y)));
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
