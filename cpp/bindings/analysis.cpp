// Binds the analysis functions: dimensions, single vectors, dot products, rotations, the Gram
// matrix.
#include "pe/analysis.hpp"

#include <emscripten/bind.h>

#include <vector>

#include "common.hpp"
#include "pe/sinusoidal.hpp"

namespace pe::bindings {
namespace {

template <class T>
val result_or_error(const Result<std::vector<T>>& result) {
  if (!result) return error_value(result.error());
  return copy_out(std::span<const T>(result.value()));
}

// {pair: Int32Array, wave: Uint8Array (0 sin, 1 cos, 2 zero), omega, wavelength: Float64Array}
val dimensions_of(const val& options) {
  const auto spec = make_spec(options_from(options));
  if (!spec) return error_value(spec.error());
  const auto info = dimensions(spec.value());
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
  const auto spec = make_spec(options_from(options));
  if (!spec) return error_value(spec.error());
  const unsigned count = dims["length"].as<unsigned>();
  std::vector<double> wanted(count, 0.0);  // too many: columns_of refuses it without reading them
  if (count <= kMaxColumns) {
    for (unsigned c = 0; c < count; ++c) wanted[c] = dims[c].as<double>();
  }
  return result_or_error(columns_of(spec.value(), wanted));
}

val vector_at_position(const val& options, double position) {
  const auto spec = make_spec(options_from(options));
  if (!spec) return error_value(spec.error());
  return result_or_error(vector_at(spec.value(), position));
}

val dots_by_offset(const val& options, double first_offset, double count) {
  const auto spec = make_spec(options_from(options));
  if (!spec) return error_value(spec.error());
  return result_or_error(dot_by_offset(spec.value(), first_offset, count));
}

// [cos(k w_0), sin(k w_0), cos(k w_1), sin(k w_1), ...]
val rotation_blocks_at(const val& options, double offset) {
  const auto spec = make_spec(options_from(options));
  if (!spec) return error_value(spec.error());
  const auto blocks = rotation_blocks(spec.value(), offset);
  if (!blocks) return error_value(blocks.error());
  std::vector<double> flat;
  flat.reserve(2 * blocks.value().size());
  for (const auto& b : blocks.value()) {
    flat.push_back(b.cos_kw);
    flat.push_back(b.sin_kw);
  }
  return copy_out(std::span<const double>(flat));
}

val rotation_residual_at(const val& options, double position, double offset) {
  const auto spec = make_spec(options_from(options));
  if (!spec) return error_value(spec.error());
  const auto residual = rotation_residual(spec.value(), position, offset);
  if (!residual) return error_value(residual.error());
  return val(residual.value());
}

val gram_of(const val& options) {
  const auto spec = make_spec(options_from(options));
  if (!spec) return error_value(spec.error());
  if (auto s = check_gram(spec.value()); !s) return error_value(s.error());
  const std::size_t n = spec.value().positions;
  std::vector<float> matrix(spec.value().element_count());
  std::vector<float> gram(n * n);
  if (auto s = sinusoidal_into(spec.value(), matrix); !s) return error_value(s.error());
  if (auto s = gram_into(spec.value(), matrix, gram); !s) return error_value(s.error());
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
