// Shared helpers of the embind layer: turning core Errors into plain JS objects, reading options,
// and the module-owned scratch buffers that results are copied out of.
#pragma once

#include <emscripten/val.h>

#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "pe/colormap.hpp"
#include "pe/error.hpp"
#include "pe/spec.hpp"

namespace pe::bindings {

using emscripten::val;

// {error, parameter, code}: the JS wrapper (api.post.js) turns this into a thrown PEError.
val error_value(const Error& error);

// The error path of every binding, written once. The core never throws (pe/error.hpp), and C++
// has no `?` operator, so an early return needs a macro; these two are the only ones:
//   PE_TRY(check_gram(spec));                       // a failed Status or Result: return its Error
//   PE_TRY_LET(spec, make_spec(options_from(o)));   // `spec`: the Result's value (a const&)
// In a binding (returning val) the Error becomes the JS error object (error_value), in a helper
// returning Result<T> it stays an Error.
#define PE_TRY(expr)                                   \
  if (auto&& pe_try_result_ = (expr); !pe_try_result_) \
  return ::pe::bindings::ErrorReturn(pe_try_result_.error())
#define PE_TRY_LET(name, expr)                        \
  auto PE_TRY_JOIN(pe_try_value_, __LINE__) = (expr); \
  PE_TRY(PE_TRY_JOIN(pe_try_value_, __LINE__));       \
  const auto& name = PE_TRY_JOIN(pe_try_value_, __LINE__).value()
#define PE_TRY_JOIN(a, b) PE_TRY_JOIN_(a, b)
#define PE_TRY_JOIN_(a, b) a##b

// What PE_TRY returns: converts to whatever the enclosing function returns.
struct ErrorReturn {
  explicit ErrorReturn(const Error& e) : error(e) {}
  const Error& error;
  operator val() const { return error_value(error); }  // NOLINT(google-explicit-constructor)
  template <class T>
  operator Result<T>() const {  // NOLINT(google-explicit-constructor)
    return error;
  }
};

// Reads {dModel, positions, start, base, layout, frequencies}. The JS wrapper has already checked
// the types and filled in defaults, so every field is present and of the right type here.
SinusoidalOptions options_from(const val& options);

// A growable buffer (malloc, so a failed allocation is reported, never an abort). Results are
// built in a call-local Scratch and copied out (copy_out), so their memory is free again as soon
// as the call returns; only the input buffers and the render cache live between calls.
Error out_of_memory(std::size_t bytes);

inline constexpr std::size_t kKeepBytes = std::size_t{16} << 20;

template <class T>
class Scratch {
 public:
  Scratch() = default;
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  ~Scratch() { std::free(data_); }

  // Makes room for n elements, or the out_of_memory Error. Contents are not kept.
  // A buffer far larger than the request (over kKeepBytes and 4x the need) is given back to malloc
  // first, so one large call does not pin its memory for every small call after it: the space is
  // reused by the next allocation (wasm memory itself never shrinks; README, Reliability).
  Status reserve(std::size_t n) {
    if (capacity_ * sizeof(T) > kKeepBytes && capacity_ > 4 * n) release();
    if (n <= capacity_) {
      size_ = n;
      return Ok{};
    }
    std::free(data_);
    data_ = static_cast<T*>(std::malloc(n * sizeof(T)));
    capacity_ = data_ ? n : 0;
    size_ = data_ ? n : 0;
    if (!data_) return out_of_memory(n * sizeof(T));
    return Ok{};
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

// The same for a core result: its values copied out, or its error.
template <class T>
val copy_out(const Result<std::vector<T>>& result) {
  PE_TRY(result);
  return copy_out(std::span<const T>(result.value()));
}

// An RGBA8 image of width x height drawn by `draw(std::span<std::uint8_t>) -> Status` into a
// call-local buffer, returned as a fresh JS Uint8Array (or the error that stopped it).
template <class Draw>
val pixels_of(double width, double height, Draw draw) {
  PE_TRY(check_pixels(width, height));
  const std::size_t bytes = std::size_t(width) * std::size_t(height) * 4;  // checked: <= 64 MiB
  Scratch<std::uint8_t> pixels;
  PE_TRY(pixels.reserve(bytes));
  PE_TRY(draw(pixels.span()));
  return copy_out(std::span<const std::uint8_t>(pixels.span()));
}

}  // namespace pe::bindings
