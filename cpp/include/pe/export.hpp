// Writing a table as .npy, .csv or .json, so a notebook gets exactly the page's numbers. The
// writers put bytes into a caller's buffer (ByteSink) and never allocate it: no iostream in the
// core, so the wasm engine stays small, and the page's downloads and pe-export write the same
// bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "pe/error.hpp"
#include "pe/spec.hpp"

namespace pe {

enum class Format { npy, csv, json };
Result<Format> parse_format(std::string_view text);

// Text files (CSV, JSON) hold at most this many values: about 11 bytes each, 23 MB of text, written
// in well under a second by the wasm engine (README, Reliability). .npy goes to the matrix cap.
inline constexpr std::int64_t kMaxTextExportValues = std::int64_t{1} << 21;
// Ok, or the size_limit error naming `name` when a text format would hold more values than that.
Status check_export_size(Format format, double values, std::string_view name);

// The shortest decimal text that reads back as exactly this float32 ("0.5", "0.84147096").
std::string format_float(float value);

// A fixed buffer that writers append to; past its end it counts the overflow instead of writing.
class ByteSink {
 public:
  explicit ByteSink(std::span<char> buffer) : buffer_(buffer) {}
  void put(std::string_view bytes);
  std::size_t size() const { return size_; }
  bool overflowed() const { return overflowed_; }
  std::span<const char> bytes() const { return buffer_.first(size_); }

 private:
  std::span<char> buffer_;
  std::size_t size_ = 0;
  bool overflowed_ = false;
};

// The most bytes a file of `values` (in `rows` rows) can take: an .npy exactly, CSV and JSON at
// most 16 characters a value (format_float writes at most 15, plus a separator) and a header.
std::size_t export_size_bound(Format format, std::size_t values, std::size_t rows);

// NumPy .npy version 1.0: little-endian float32 ('<f4') or int32 ('<i4'), C order, the given shape.
void write_npy(ByteSink& out, std::span<const float> values, std::span<const std::size_t> shape);
void write_npy(ByteSink& out, std::span<const std::int32_t> values,
               std::span<const std::size_t> shape);
// One line per row, values separated by commas, no header: numpy.loadtxt(f, delimiter=",").
void write_csv(ByteSink& out, std::span<const float> values, std::size_t rows, std::size_t cols);
void write_csv(ByteSink& out, std::span<const std::int32_t> values, std::size_t rows,
               std::size_t cols);
// {"d_model":..,"positions":..,"start":..,"base":..,"layout":..,"frequencies":..,"odd":..,"data":[[..],..]}
void write_json(ByteSink& out, const Spec& spec, std::span<const float> values);

}  // namespace pe
