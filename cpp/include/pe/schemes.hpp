// The schemes and their parameters, described once. Every consumer reads this table: the JS API's
// type checks and defaults (api.post.js, through the bindings), pe-export's flags, the page's
// controls and URL keys, the element's attributes and the docs. Ranges here are for display and
// for the controls; the checks that enforce them live in each scheme's make_*_spec and say the
// same.
#pragma once

#include <span>
#include <string_view>

namespace pe {

enum class ParameterType { integer, number, choice, boolean };

struct ParameterInfo {
  std::string_view name;  // the API's camelCase name; the CLI flag is its kebab-case form
  std::string_view core;  // the core's snake_case name (what error.parameter says in C++)
  ParameterType type = ParameterType::integer;
  double fallback = 0;            // default of a number or integer (NaN: required)
  std::string_view choice = "";   // default of a choice; "true"/"false" for a boolean
  double min = 0, max = 0;        // the range (integers and numbers)
  std::string_view choices = "";  // "a|b|c" for a choice
  std::string_view help = "";     // one line, English (the CLI's --help, the README table)
};

struct SchemeInfo {
  std::string_view name;
  std::string_view summary;
  std::span<const ParameterInfo> parameters;
};

std::span<const SchemeInfo> schemes();
const SchemeInfo* find_scheme(std::string_view name);

}  // namespace pe
