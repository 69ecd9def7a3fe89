#include "pe/export.hpp"

#include <bit>
#include <cstdio>
#include <cstdlib>

namespace pe {

static_assert(std::endian::native == std::endian::little, "write_npy writes host order as '<f4'");

Result<Format> parse_format(std::string_view text) {
  if (text == "npy") return Format::npy;
  if (text == "csv") return Format::csv;
  if (text == "json") return Format::json;
  return make_error(ErrorCode::invalid_argument, "format", "one_of",
                    {{"allowed", std::string("npy, csv, json")}, {"got", std::string(text)}});
}

std::string format_float(float value) {
  // %g drops trailing zeros, so starting at 6 digits still gives "0.5"; 9 digits always round-trip.
  char text[32];
  for (int precision = 6; precision <= 9; ++precision) {
    std::snprintf(text, sizeof text, "%.*g", precision, static_cast<double>(value));
    if (std::strtof(text, nullptr) == value) break;
  }
  return text;
}

void write_npy(std::ostream& out, std::span<const float> values, int rows, int cols) {
  const std::size_t shape[] = {std::size_t(rows), std::size_t(cols)};
  write_npy(out, values, shape);
}

void write_npy(std::ostream& out, std::span<const float> values,
               std::span<const std::size_t> shape) {
  std::string dims;  // "3," for one dimension (Python's 1-tuple), else "2, 3, 4"
  for (std::size_t k = 0; k < shape.size(); ++k) dims += (k ? ", " : "") + std::to_string(shape[k]);
  if (shape.size() == 1) dims += ",";
  std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }";
  // Magic (6) + version (2) + length (2) + header must be a multiple of 64, the header ending in
  // '\n'.
  const std::size_t unpadded = 10 + header.size() + 1;
  header.append((64 - unpadded % 64) % 64, ' ');
  header.push_back('\n');
  const auto length = static_cast<std::uint16_t>(header.size());
  out.write("\x93NUMPY\x01\x00", 8);
  const char length_le[2] = {static_cast<char>(length & 0xff), static_cast<char>(length >> 8)};
  out.write(length_le, 2);
  out.write(header.data(), static_cast<std::streamsize>(header.size()));
  out.write(reinterpret_cast<const char*>(values.data()),
            static_cast<std::streamsize>(values.size_bytes()));
}

void write_csv(std::ostream& out, std::span<const float> values, int rows, int cols) {
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      if (c) out << ',';
      out << format_float(values[static_cast<std::size_t>(r) * cols + c]);
    }
    out << '\n';
  }
}

void write_json(std::ostream& out, const Spec& spec, std::span<const float> values) {
  out << "{\"d_model\":" << spec.d_model << ",\"positions\":" << spec.positions
      << ",\"start\":" << spec.start << ",\"base\":" << format_number(spec.base) << ",\"layout\":\""
      << to_string(spec.layout) << "\",\"frequencies\":\"" << to_string(spec.frequencies)
      << "\",\"odd\":\"" << to_string(spec.odd) << "\",\"data\":[";
  for (int r = 0; r < spec.positions; ++r) {
    out << (r ? ",[" : "[");
    for (int c = 0; c < spec.d_model; ++c) {
      if (c) out << ',';
      out << format_float(values[static_cast<std::size_t>(r) * spec.d_model + c]);
    }
    out << ']';
  }
  out << "]}\n";
}

}  // namespace pe
