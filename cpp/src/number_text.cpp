// The layout of the digits, shared by every build. Where the digits come from is the one platform
// seam of the core: number_text_native.cpp (printf and strtod) in native builds,
// cpp/platform/number_text_wasm.cpp (JavaScript) in the wasm build; CMakeLists.txt picks one.
#include "number_text.hpp"

#include <cmath>
#include <cstdint>

namespace pe::detail {

std::size_t g_style_into(const char* exponential, int precision, char (&out)[48]) {
  // exponential: [-]d[.ddd]e(+|-)XX. Written into a buffer, not strings: the text exports call this
  // once a value.
  std::size_t n = 0;
  const char* at = exponential;
  if (*at == '-') out[n++] = *at++;
  char digits[40];
  int count = 0;
  for (; *at != 'e' && *at != '\0'; ++at) {
    if (*at != '.' && count < 39) digits[count++] = *at;
  }
  int exponent = 0;
  if (*at == 'e') {
    ++at;
    const bool negative = *at == '-';
    if (*at == '-' || *at == '+') ++at;
    for (; *at >= '0' && *at <= '9'; ++at) exponent = exponent * 10 + (*at - '0');
    if (negative) exponent = -exponent;
  }
  // %g drops trailing zeros, then a bare point.
  while (count > 1 && digits[count - 1] == '0') --count;
  if (exponent < -4 || exponent >= precision) {
    out[n++] = digits[0];
    if (count > 1) {
      out[n++] = '.';
      for (int k = 1; k < count; ++k) out[n++] = digits[k];
    }
    out[n++] = 'e';
    out[n++] = exponent < 0 ? '-' : '+';
    const int magnitude = exponent < 0 ? -exponent : exponent;
    if (magnitude >= 100) out[n++] = static_cast<char>('0' + magnitude / 100);
    out[n++] = static_cast<char>('0' + magnitude / 10 % 10);
    out[n++] = static_cast<char>('0' + magnitude % 10);
  } else if (exponent >= 0) {
    for (int k = 0; k <= exponent; ++k) out[n++] = k < count ? digits[k] : '0';
    if (count > exponent + 1) {
      out[n++] = '.';
      for (int k = exponent + 1; k < count; ++k) out[n++] = digits[k];
    }
  } else {
    out[n++] = '0';
    if (count > 1 || digits[0] != '0') {
      out[n++] = '.';
      for (int k = 0; k < -exponent - 1; ++k) out[n++] = '0';
      for (int k = 0; k < count; ++k) out[n++] = digits[k];
    }
  }
  out[n] = '\0';
  return n;
}

std::string g_style(const char* exponential, int precision) {
  char out[48];
  const std::size_t n = g_style_into(exponential, precision, out);
  return std::string(out, n);
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
