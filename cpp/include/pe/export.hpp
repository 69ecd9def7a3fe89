// Writing a matrix as .npy, .csv or .json, so a notebook gets exactly the page's numbers.
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "pe/error.hpp"
#include "pe/spec.hpp"

namespace pe {

enum class Format { npy, csv, json };
Result<Format> parse_format(std::string_view text);

// The shortest decimal text that reads back as exactly this float32 ("0.5", "0.84147096").
std::string format_float(float value);

// NumPy .npy version 1.0: little-endian float32 ('<f4'), C order, the given shape.
void write_npy(std::ostream& out, std::span<const float> values,
               std::span<const std::size_t> shape);
// The same, shape (rows, cols).
void write_npy(std::ostream& out, std::span<const float> values, int rows, int cols);
// One line per row, values separated by commas, no header: numpy.loadtxt(f, delimiter=",").
void write_csv(std::ostream& out, std::span<const float> values, int rows, int cols);
// {"d_model":..,"positions":..,"start":..,"base":..,"layout":..,"frequencies":..,"data":[[..],..]}
void write_json(std::ostream& out, const Spec& spec, std::span<const float> values);

}  // namespace pe
