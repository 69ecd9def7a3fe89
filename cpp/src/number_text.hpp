// Decimal text of doubles and floats without printf in the wasm build (internal to the core).
//
// printf and strtod, with the long-double arithmetic musl formats doubles with, were ~22 KB of the
// engine's wasm, used only to print numbers in messages and text exports. The wasm build asks the
// host's JavaScript for the digits instead (Number.prototype.toExponential, which rounds correctly
// like printf, and Number(), which reads back correctly like strtod); the native build keeps
// snprintf/strtod. Both then lay the digits out the way %g does, here, so the texts are the same.
#pragma once

#include <cstddef>
#include <string>

namespace pe::detail {

// Writes value as "%.{p-1}e" prints it ("-1.2500e+03") for the smallest p from min_precision to
// max_precision whose text reads back as value, or for max_precision. Returns p.
int shortest_exponential(double value, int min_precision, int max_precision, char (&text)[40]);

// The same for a float32 (the text reads back as this float, strtof's way), in exact integer
// arithmetic in every build: no host call per value, so the text exports are fast (float_text.cpp).
int shortest_float32(float value, int min_precision, int max_precision, char (&text)[40]);

// What %.{precision}g prints for a number whose %.{precision-1}e text is `exponential`.
std::string g_style(const char* exponential, int precision);
// The same into a buffer; returns its length.
std::size_t g_style_into(const char* exponential, int precision, char (&out)[48]);

// A whole number below 2^63 in magnitude, as %.0f prints it ("-0" for negative zero).
std::string whole_number(double value);

// The double nearest to a decimal number's text (JSON's grammar, already checked by the caller),
// as strtod and JavaScript's Number() read it: the same seam, the other way (json.cpp).
double read_decimal(const char* text, std::size_t length);

}  // namespace pe::detail
