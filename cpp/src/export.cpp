#include "pe/export.hpp"

#include <bit>
#include <cmath>

#include "number_text.hpp"

namespace pe {

static_assert(std::endian::native == std::endian::little,
              "write_npy writes host order as '<f4' and '<i4'");

Result<Format> parse_format(std::string_view text) {
  if (text == "npy") return Format::npy;
  if (text == "csv") return Format::csv;
  if (text == "json") return Format::json;
  return make_error(ErrorCode::invalid_argument, "format", "one_of",
                    {{"allowed", std::string("npy, csv, json")}, {"got", std::string(text)}});
}

Status check_export_size(Format format, double values, std::string_view name) {
  if (format != Format::npy && values > double(kMaxTextExportValues)) {
    return make_error(ErrorCode::size_limit, std::string(name), "text_export_cap",
                      {{"max", double(kMaxTextExportValues)}, {"got", values}});
  }
  return Ok{};
}

namespace {

// format_float into a buffer (the writers call it once a value).
[[gnu::noinline]] std::string_view float_text(float value, char (&out)[48]) {
  // %g drops trailing zeros, so starting at 6 digits still gives "0.5"; 9 digits always read back.
  if (std::isinf(value))
    return value > 0 ? "inf" : "-inf";  // as printf wrote them (no float is NaN here)
  if (std::isnan(value)) return "nan";
  char text[40];
  const int precision = detail::shortest_float32(value, 6, 9, text);
  return {out, detail::g_style_into(text, precision, out)};
}

}  // namespace

std::string format_float(float value) {
  char out[48];
  return std::string(float_text(value, out));
}

void ByteSink::put(std::string_view bytes) {
  if (overflowed_ || bytes.size() > buffer_.size() - size_) {
    overflowed_ = true;
    return;
  }
  bytes.copy(buffer_.data() + size_, bytes.size());
  size_ += bytes.size();
}

std::size_t export_size_bound(Format format, std::size_t values, std::size_t rows) {
  if (format == Format::npy) return 192 + 4 * values;  // header (at most 192 bytes) + 4-byte values
  return 256 + 16 * values + 4 * rows;
}

namespace {

// The .npy header of `descr` ('<f4', '<i4') and `shape`, then the values' bytes.
void write_npy_bytes(ByteSink& out, std::string_view descr, std::span<const char> bytes,
                     std::span<const std::size_t> shape) {
  std::string dims;  // "3," for one dimension (Python's 1-tuple), else "2, 3, 4"
  for (std::size_t k = 0; k < shape.size(); ++k) dims += (k ? ", " : "") + std::to_string(shape[k]);
  if (shape.size() == 1) dims += ",";
  std::string header =
      "{'descr': '" + std::string(descr) + "', 'fortran_order': False, 'shape': (" + dims + "), }";
  // Magic (6) + version (2) + length (2) + header must be a multiple of 64, the header ending in
  // '\n'.
  const std::size_t unpadded = 10 + header.size() + 1;
  header.append((64 - unpadded % 64) % 64, ' ');
  header.push_back('\n');
  const auto length = static_cast<std::uint16_t>(header.size());
  out.put(std::string_view("\x93NUMPY\x01\x00", 8));
  const char length_le[2] = {static_cast<char>(length & 0xff), static_cast<char>(length >> 8)};
  out.put(std::string_view(length_le, 2));
  out.put(header);
  out.put(std::string_view(bytes.data(), bytes.size()));
}

}  // namespace

void write_npy(ByteSink& out, std::span<const float> values, std::span<const std::size_t> shape) {
  write_npy_bytes(out, "<f4", {reinterpret_cast<const char*>(values.data()), values.size_bytes()},
                  shape);
}

void write_npy(ByteSink& out, std::span<const std::int32_t> values,
               std::span<const std::size_t> shape) {
  write_npy_bytes(out, "<i4", {reinterpret_cast<const char*>(values.data()), values.size_bytes()},
                  shape);
}

void write_csv(ByteSink& out, std::span<const float> values, std::size_t rows, std::size_t cols) {
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < cols; ++c) {
      if (c) out.put(",");
      char text[48];
      out.put(float_text(values[r * cols + c], text));
    }
    out.put("\n");
  }
}

void write_csv(ByteSink& out, std::span<const std::int32_t> values, std::size_t rows,
               std::size_t cols) {
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < cols; ++c) {
      if (c) out.put(",");
      out.put(std::to_string(values[r * cols + c]));
    }
    out.put("\n");
  }
}

void write_json(ByteSink& out, const Spec& spec, std::span<const float> values) {
  out.put("{\"d_model\":" + std::to_string(spec.d_model) +
          ",\"positions\":" + std::to_string(spec.positions) +
          ",\"start\":" + std::to_string(spec.start) + ",\"base\":" + format_number(spec.base) +
          ",\"layout\":\"" + std::string(to_string(spec.layout)) + "\",\"frequencies\":\"" +
          std::string(to_string(spec.frequencies)) + "\",\"odd\":\"" +
          std::string(to_string(spec.odd)) + "\",\"data\":[");
  const std::size_t d = spec.d_model;
  for (std::size_t r = 0; r < std::size_t(spec.positions); ++r) {
    out.put(r ? ",[" : "[");
    for (std::size_t c = 0; c < d; ++c) {
      if (c) out.put(",");
      char text[48];
      out.put(float_text(values[r * d + c], text));
    }
    out.put("]");
  }
  out.put("]}\n");
}

}  // namespace pe
