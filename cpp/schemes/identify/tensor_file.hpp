// Readers for the two formats engineers dump tables in: NumPy's .npy (format versions 1 to 3) and
// .safetensors (an 8-byte little-endian header length, a JSON header, then the tensors' bytes).
//
// Both check every header field against the file's length before reading a byte of data, and
// refuse anything malformed with a PEError naming the field (magic, version, header_len, header,
// descr, fortran_order, shape, dtype, data_offsets, tensor, data): a truncated file, lying or
// overlapping offsets, a header over its cap, a shape that is not a list of non-negative integers,
// more than 2 dimensions after dropping those of size 1, more than kMaxTableValues values, values
// that are not finite. Caps (pe.limits): kMaxTableValues, kMaxTableHeaderBytes, kMaxTableDims.
//
// dtypes: float16, float32, float64 (either byte order in .npy), and bfloat16: a safetensors BF16
// tensor, or an .npy of uint16 ('<u2' / '>u2') read as bfloat16 bits when the caller says so (NumPy
// has no bfloat16; torch's tensor.view(torch.int16) or ml_dtypes' bits are stored that way).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pe/error.hpp"

namespace pe {

inline constexpr std::int64_t kMaxTableValues = std::int64_t{1} << 26;       // values of a tensor
inline constexpr std::int64_t kMaxTableHeaderBytes = std::int64_t{1} << 22;  // 4 MiB of header
inline constexpr int kMaxTableDims = 8;                                      // before squeezing
// The largest file: the largest header, the most values in float64, the fixed prefixes.
inline constexpr std::int64_t kMaxTableFileBytes = kMaxTableHeaderBytes + 8 * kMaxTableValues + 16;

struct TensorTable {
  std::string format;              // "npy" | "safetensors"
  std::string dtype;               // "float16" | "bfloat16" | "float32" | "float64"
  std::string name;                // the safetensors tensor's name ("" for .npy)
  std::vector<std::size_t> shape;  // as stored
  // The table: rows x cols, row-major, after dropping dimensions of size 1. A 1-D tensor is one
  // column; stacked (2, positions, d) cos and sin (pe-export --config) has stacked = true and rows
  // = 2 x positions (the cos rows, then the sin rows).
  std::size_t rows = 0, cols = 0;
  bool stacked = false;
  std::vector<float> values;  // every format widened or narrowed to float32 (float64: rounded)
};

// Reads a whole .npy file. bfloat16: read '<u2' / '>u2' data as bfloat16 bits.
Result<TensorTable> read_npy(std::span<const std::uint8_t> bytes, bool bfloat16);

// Reads one tensor of a whole .safetensors file: `tensor` names it ("" : the file's only tensor).
// Every tensor's entry is checked (dtype known, offsets inside the data, sizes matching, no two
// overlapping), not only the one read.
Result<TensorTable> read_safetensors(std::span<const std::uint8_t> bytes, std::string_view tensor);

// Either, told apart by the first bytes (.npy starts with \x93NUMPY).
Result<TensorTable> read_table_file(std::span<const std::uint8_t> bytes, std::string_view tensor,
                                    bool bfloat16);

// float16 / bfloat16 bits to float (exact).
float half_to_float(std::uint16_t bits);
float bfloat16_to_float(std::uint16_t bits);

}  // namespace pe
