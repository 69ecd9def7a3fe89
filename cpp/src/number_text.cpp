// The layout of the digits, shared by every build. Where the digits come from is the one platform
// seam of the core: number_text_native.cpp (printf and strtod) in native builds,
// cpp/platform/number_text_wasm.cpp (JavaScript) in the wasm build; CMakeLists.txt picks one.
#include "number_text.hpp"

#include <cmath>
#include <cstdint>

namespace pe::detail {

std::string g_style(const char* exponential, int precision) {
  // exponential: [-]d[.ddd]e(+|-)XX
  std::string out;
  const char* at = exponential;
  if (*at == '-') out += *at++;
  std::string digits;
  for (; *at != 'e' && *at != '\0'; ++at) {
    if (*at != '.') digits += *at;
  }
  int exponent = 0;
  if (*at == 'e') {
    ++at;
    const bool negative = *at == '-';
    if (*at == '-' || *at == '+') ++at;
    for (; *at >= '0' && *at <= '9'; ++at) exponent = exponent * 10 + (*at - '0');
    if (negative) exponent = -exponent;
  }
  const auto strip = [](std::string& text) {  // %g drops trailing zeros, then a bare point
    while (!text.empty() && text.back() == '0') text.pop_back();
    if (!text.empty() && text.back() == '.') text.pop_back();
  };
  if (exponent < -4 || exponent >= precision) {
    std::string mantissa = digits.substr(0, 1) + "." + digits.substr(1);
    strip(mantissa);
    const int magnitude = exponent < 0 ? -exponent : exponent;
    out += mantissa + (exponent < 0 ? "e-" : "e+") + (magnitude < 10 ? "0" : "") +
           std::to_string(magnitude);
    return out;
  }
  std::string fixed;
  if (exponent >= 0) {
    fixed = digits.substr(0, static_cast<std::size_t>(exponent) + 1) + "." +
            digits.substr(static_cast<std::size_t>(exponent) + 1);
  } else {
    fixed = "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
  }
  strip(fixed);
  return out + fixed;
}

std::string whole_number(double value) {
  std::string out = std::signbit(value) ? "-" : "";
  auto magnitude = static_cast<std::uint64_t>(std::fabs(value));
  char reversed[24];
  int n = 0;
  do {
    reversed[n++] = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  while (n > 0) out += reversed[--n];
  return out;
}

}  // namespace pe::detail
