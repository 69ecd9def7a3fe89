// Binds the analysis functions: dimensions, single vectors, dot products, rotations, the Gram
// matrix.
#include "pe/analysis.hpp"

#include <emscripten/bind.h>

#include <vector>

#include "common.hpp"
#include "pe/sinusoidal.hpp"

namespace pe::bindings {
namespace {

// {pair: Int32Array, wave: Uint8Array (0 sin, 1 cos, 2 zero), omega, wavelength: Float64Array}
val dimensions_of(const val& options) {
  PE_TRY_LET(spec, make_spec(options_from(options)));
  const auto info = dimensions(spec);
  std::vector<int> pair(info.size());
  std::vector<std::uint8_t> wave(info.size());
  std::vector<double> omega(info.size()), wavelength(info.size());
  for (std::size_t j = 0; j < info.size(); ++j) {
    pair[j] = info[j].pair;
    wave[j] = static_cast<std::uint8_t>(info[j].wave);
    omega[j] = info[j].omega;
    wavelength[j] = info[j].wavelength;
  }
  val out = val::object();
  out.set("pair", copy_out(std::span<const int>(pair)));
  out.set("wave", copy_out(std::span<const std::uint8_t>(wave)));
  out.set("omega", copy_out(std::span<const double>(omega)));
  out.set("wavelength", copy_out(std::span<const double>(wavelength)));
  return out;
}

// dims: a JS array of numbers (the wrapper checked that it is one).
val columns_at(const val& options, const val& dims) {
  PE_TRY_LET(spec, make_spec(options_from(options)));
  const unsigned count = dims["length"].as<unsigned>();
  std::vector<double> wanted(count, 0.0);  // too many: columns_of refuses it without reading them
  if (count <= kMaxColumns) {
    for (unsigned c = 0; c < count; ++c) wanted[c] = dims[c].as<double>();
  }
  return copy_out(columns_of(spec, wanted));
}

val vector_at_position(const val& options, double position) {
  PE_TRY_LET(spec, make_spec(options_from(options)));
  return copy_out(vector_at(spec, position));
}

val dots_by_offset(const val& options, double first_offset, double count) {
  PE_TRY_LET(spec, make_spec(options_from(options)));
  return copy_out(dot_by_offset(spec, first_offset, count));
}

// [cos(k w_0), sin(k w_0), cos(k w_1), sin(k w_1), ...]
val rotation_blocks_at(const val& options, double offset) {
  PE_TRY_LET(spec, make_spec(options_from(options)));
  PE_TRY_LET(blocks, rotation_blocks(spec, offset));
  std::vector<double> flat;
  flat.reserve(2 * blocks.size());
  for (const auto& b : blocks) {
    flat.push_back(b.cos_kw);
    flat.push_back(b.sin_kw);
  }
  return copy_out(std::span<const double>(flat));
}

val rotation_residual_at(const val& options, double position, double offset) {
  PE_TRY_LET(spec, make_spec(options_from(options)));
  PE_TRY_LET(residual, rotation_residual(spec, position, offset));
  return val(residual);
}

val gram_of(const val& options) {
  PE_TRY_LET(spec, make_spec(options_from(options)));
  PE_TRY(check_gram(spec));
  const std::size_t n = spec.positions;
  std::vector<float> matrix(spec.element_count());
  std::vector<float> gram(n * n);
  PE_TRY(sinusoidal_into(spec, matrix));
  PE_TRY(gram_into(spec, matrix, gram));
  return copy_out(std::span<const float>(gram));
}

}  // namespace
}  // namespace pe::bindings

EMSCRIPTEN_BINDINGS(analysis) {
  using namespace pe::bindings;
  emscripten::function("_dimensions", &dimensions_of);
  emscripten::function("_vectorAt", &vector_at_position);
  emscripten::function("_columns", &columns_at);
  emscripten::function("_dotByOffset", &dots_by_offset);
  emscripten::function("_rotationBlocks", &rotation_blocks_at);
  emscripten::function("_rotationResidual", &rotation_residual_at);
  emscripten::function("_gram", &gram_of);
}
