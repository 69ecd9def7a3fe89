// format_number and format_float against printf/strtod (an exact tie: 1690544232663770.25; a float
// text on a midpoint that strtof rounds to even: 104238336), the way they were written before the
// wasm build stopped linking printf (cpp/src/number_text.hpp). Under wasm.core the engine's side
// asks JavaScript for the digits while this reference still uses musl's printf: the two must agree.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "pe/error.hpp"
#include "pe/export.hpp"

namespace {

std::string printf_number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  char text[32];
  if (value == std::floor(value) && std::abs(value) < 1e16) {
    std::snprintf(text, sizeof text, "%.0f", value);
    return text;
  }
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(text, sizeof text, "%.*g", precision, value);
    if (std::strtod(text, nullptr) == value) break;
  }
  return text;
}

std::string printf_float(float value) {
  char text[32];
  for (int precision = 6; precision <= 9; ++precision) {
    std::snprintf(text, sizeof text, "%.*g", precision, static_cast<double>(value));
    if (std::strtof(text, nullptr) == value) break;
  }
  return text;
}

double from_bits(std::uint64_t bits) {
  double value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

}  // namespace

TEST_CASE("format_number prints what the printf/strtod loop printed") {
  for (double v : {0.0,
                   -0.0,
                   1.0,
                   -2.5,
                   0.1,
                   1.0 / 3,
                   1e-5,
                   1.5e-5,
                   1e-4,
                   0.00012345,
                   123456.5,
                   1e15 + 0.5,
                   1e16,
                   1e17,
                   1.25e21,
                   1e300,
                   1690544232663770.25,
                   5e-324,
                   std::numeric_limits<double>::max(),
                   std::numeric_limits<double>::min(),
                   9.999999999999999e22,
                   0.1 + 0.2,
                   1e-7,
                   314.159}) {
    CHECK_MESSAGE(pe::format_number(v) == printf_number(v), v);
  }
  std::mt19937_64 random(20261122);
  int checked = 0;
  for (int k = 0; k < 20000; ++k) {
    const double v = from_bits(random());
    if (std::isnan(v)) continue;
    ++checked;
    REQUIRE_MESSAGE(pe::format_number(v) == printf_number(v), v);
  }
  CHECK(checked > 19000);
  // Decimal-looking values (few digits, every magnitude), where the shortest text matters most.
  std::uniform_int_distribution<int> digits(1, 99999);
  std::uniform_int_distribution<int> power(-30, 30);
  for (int k = 0; k < 20000; ++k) {
    const double v = digits(random) * std::pow(10.0, power(random)) * (k % 2 ? -1 : 1);
    REQUIRE_MESSAGE(pe::format_number(v) == printf_number(v), v);
  }
}

TEST_CASE("format_float prints what the printf/strtof loop printed") {
  for (float v :
       {0.0f, -0.0f, 0.5f, 1.0f, 0.1f, 1e7f, 1e-7f, 0.84147098f, -0.41614684f, 0.99999994f,
        104238336.0f, std::numeric_limits<float>::max(), std::numeric_limits<float>::denorm_min(),
        std::numeric_limits<float>::infinity()}) {
    CHECK_MESSAGE(pe::format_float(v) == printf_float(v), v);
  }
  std::mt19937 random(20261122);
  int checked = 0;
  for (int k = 0; k < 50000; ++k) {
    const auto bits = static_cast<std::uint32_t>(random());
    float v;
    std::memcpy(&v, &bits, sizeof v);
    if (std::isnan(v)) continue;
    ++checked;
    const std::string text = pe::format_float(v);
    REQUIRE_MESSAGE(std::strtof(text.c_str(), nullptr) == v, text);  // always reads back
    REQUIRE_MESSAGE(text == printf_float(v), v);
  }
  CHECK(checked > 49000);
  // Where the exact arithmetic of float_text.cpp takes over from doubles: floats next to powers of
  // ten (the exponent estimate, the carry 9.99995 -> 10.0000) and of two (the narrower lower
  // interval), both ends of the range, and the subnormals.
  for (int k = -46; k <= 39; ++k) {
    float v = static_cast<float>(std::pow(10.0, k));
    for (int step = 0; step < 8; ++step) v = std::nextafter(v, 0.0f);
    for (int step = 0; step < 16 && std::isfinite(v); ++step, v = std::nextafter(v, INFINITY)) {
      REQUIRE_MESSAGE(pe::format_float(v) == printf_float(v), v);
    }
  }
  for (int k = -149; k <= 127; ++k) {
    const float two = std::ldexp(1.0f, k);
    for (const float v : {std::nextafter(two, 0.0f), two, std::nextafter(two, INFINITY)}) {
      REQUIRE_MESSAGE(pe::format_float(v) == printf_float(v), v);
      REQUIRE_MESSAGE(pe::format_float(-v) == printf_float(-v), -v);
    }
  }
  // What the exports mostly hold: sines and cosines.
  for (int k = 0; k < 20000; ++k) {
    const auto v = static_cast<float>(std::sin(k * 0.37));
    REQUIRE_MESSAGE(pe::format_float(v) == printf_float(v), v);
  }
}
