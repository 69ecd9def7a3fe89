// A scheme's parameters, described once: each scheme's header holds its table
// (kSinusoidalParameters in spec.hpp, kRopeParameters in rope.hpp, ...; a folder scheme in its own
// header), and everything reads it: the checks (check_parameter, check_choice: the ranges and
// choices enforced are the table's), the unchecked option structs' defaults (default_number,
// default_choice), pe.schemes, the JS API's type checks, pe-export's flags and --help, and the
// page's settings. pe.d.ts is checked against it (tests/web/types.test.mjs).
#pragma once

#include <limits>
#include <span>
#include <string_view>

#include "pe/error.hpp"

namespace pe {

// list: numbers, an array in JS and comma-separated on the command line ("16,56,56"), its default
// the text in `choice` (whole numbers). text: free text (pe-export's spelling of a structured
// argument, such as mrope's segments), its default in `choice`; the JS API takes such an argument
// in its own form.
enum class ParameterType { integer, number, choice, boolean, list, text };

struct ParameterInfo {
  std::string_view name;  // the API's camelCase name; the CLI flag is its kebab-case form
  std::string_view core;  // the core's snake_case name (what error.parameter says in C++)
  ParameterType type = ParameterType::integer;
  double fallback = 0;           // default of a number or integer (kRequired: none)
  std::string_view choice = "";  // default of a choice, list or text; "true"/"false" for a boolean
  double min = 0, max = 0;  // integers: from min to max; numbers: greater than min, at most max
  std::string_view choices = "";  // "a|b|c" for a choice
  std::string_view help = "";     // one line, English (the CLI's --help, the README table)
};

inline constexpr double kRequired = std::numeric_limits<double>::quiet_NaN();

namespace detail {
// Not constexpr: reached only when a name is missing, which makes the consteval lookup ill-formed,
// so a typo in a parameter's name is a compile error.
const ParameterInfo& no_such_parameter();
}  // namespace detail

// The entry of `table` whose core name is `core`, found at compile time.
consteval const ParameterInfo& parameter(std::span<const ParameterInfo> table,
                                         std::string_view core) {
  for (const auto& p : table) {
    if (p.core == core) return p;
  }
  return detail::no_such_parameter();
}

// A default as the unchecked option structs start from it.
consteval double default_number(std::span<const ParameterInfo> table, std::string_view core) {
  return parameter(table, core).fallback;
}
consteval std::string_view default_choice(std::span<const ParameterInfo> table,
                                          std::string_view core) {
  return parameter(table, core).choice;
}

// `value` against an integer's or a number's range (integer_range; greater_than, at_most).
Status check_parameter(const ParameterInfo& parameter, double value);
// `got` against a choice's choices: its index in them, or one_of naming them.
Result<int> check_choice(const ParameterInfo& parameter, std::string_view got);

}  // namespace pe
