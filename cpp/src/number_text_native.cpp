// shortest_exponential with printf and strtod, for native builds (number_text.hpp).
#include <cstdio>
#include <cstdlib>
#include <string>

#include "number_text.hpp"

namespace pe::detail {

int shortest_exponential(double value, int min_precision, int max_precision, char (&text)[40]) {
  int p = min_precision;
  for (;; ++p) {
    std::snprintf(text, sizeof text, "%.*e", p - 1, value);
    if (std::strtod(text, nullptr) == value || p == max_precision) break;
  }
  return p;
}

double read_decimal(const char* text, std::size_t length) {
  const std::string copy(text, length);  // strtod needs the terminating zero
  return std::strtod(copy.c_str(), nullptr);
}

}  // namespace pe::detail
