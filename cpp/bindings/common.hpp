// Shared helpers of the embind layer: turning core Errors into plain JS objects, reading options,
// and the module-owned scratch buffers that results are copied out of.
#pragma once

#include <emscripten/val.h>

#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>

#include "pe/colormap.hpp"
#include "pe/error.hpp"
#include "pe/spec.hpp"

namespace pe::bindings {

using emscripten::val;

// {error, parameter, code}: the JS wrapper (api.post.js) turns this into a thrown PEError.
val error_value(const Error& error);

// Reads {dModel, positions, start, base, layout, frequencies}. The JS wrapper has already checked
// the types and filled in defaults, so every field is present and of the right type here.
SinusoidalOptions options_from(const val& options);

// A growable buffer (malloc, so a failed allocation is reported, never an abort). Results are
// built in a call-local Scratch and copied out (copy_out), so their memory is free again as soon
// as the call returns; only the input buffers and the render cache live between calls.
inline constexpr std::size_t kKeepBytes = std::size_t{16} << 20;

template <class T>
class Scratch {
 public:
  Scratch() = default;
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  ~Scratch() { std::free(data_); }

  // Makes room for n elements; false if memory could not be had. Contents are not kept.
  // A buffer far larger than the request (over kKeepBytes and 4x the need) is given back to malloc
  // first, so one large call does not pin its memory for every small call after it: the space is
  // reused by the next allocation (wasm memory itself never shrinks; README, Reliability).
  bool reserve(std::size_t n) {
    if (capacity_ * sizeof(T) > kKeepBytes && capacity_ > 4 * n) release();
    if (n <= capacity_) {
      size_ = n;
      return true;
    }
    std::free(data_);
    data_ = static_cast<T*>(std::malloc(n * sizeof(T)));
    capacity_ = data_ ? n : 0;
    size_ = data_ ? n : 0;
    return data_ != nullptr;
  }
  void release() {
    std::free(data_);
    data_ = nullptr;
    size_ = capacity_ = 0;
  }
  // Gives the memory back to the allocator if it is large (after the call that used it).
  void trim() {
    if (capacity_ * sizeof(T) > kKeepBytes) release();
  }
  std::span<T> span() { return {data_, size_}; }
  // A typed-array view on wasm memory; the caller must copy it before the next call that may grow
  // memory.
  val view() { return val(emscripten::typed_memory_view(size_, data_)); }

 private:
  T* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

Error out_of_memory(std::size_t bytes);

// The module-owned input buffer: JS copies numbers in (see _inputView), then calls a function that
// reads them (colours, rendering, projection).
Scratch<float>& input_scratch();
// The module-owned position buffer (float64: positions up to 1e9 are exact), filled by JS through
// _positionsView before a call that reads per-row positions (ropeApply).
Scratch<double>& position_scratch();

// A view of n float64 numbers of the position buffer for JS to fill before the call that reads
// them (a scheme folder's list input: T5's relative positions, FLUX's ids); n an integer from 1 to
// `most`, else an error naming `name` (size_limit above the cap).
val position_input_view(const char* name, double n, double most);

// Trims the input buffers when the call that read them returns (whatever it returns).
struct TrimInputs {
  TrimInputs() = default;
  TrimInputs(const TrimInputs&) = delete;
  TrimInputs& operator=(const TrimInputs&) = delete;
  ~TrimInputs() {
    input_scratch().trim();
    position_scratch().trim();
  }
};

// A fresh JS-owned typed array holding a copy of `values`.
template <class T>
val copy_out(std::span<const T> values) {
  return val(emscripten::typed_memory_view(values.size(), values.data())).call<val>("slice");
}

// An RGBA8 image of width x height drawn by `draw(std::span<std::uint8_t>) -> Status` into a
// call-local buffer, returned as a fresh JS Uint8Array (or the error that stopped it).
template <class Draw>
val pixels_of(double width, double height, Draw draw) {
  if (auto c = check_pixels(width, height); !c) return error_value(c.error());
  const std::size_t bytes = std::size_t(width) * std::size_t(height) * 4;  // checked: <= 64 MiB
  Scratch<std::uint8_t> pixels;
  if (!pixels.reserve(bytes)) return error_value(out_of_memory(bytes));
  if (auto s = draw(pixels.span()); !s) return error_value(s.error());
  return copy_out(std::span<const std::uint8_t>(pixels.span()));
}

}  // namespace pe::bindings
