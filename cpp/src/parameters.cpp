#include "pe/parameters.hpp"

#include <cmath>
#include <string>

#include "pe/spec.hpp"

namespace pe {

Status check_parameter(const ParameterInfo& parameter, double value) {
  if (parameter.type == ParameterType::integer) {
    return check_integer(parameter.core, value, parameter.min, parameter.max);
  }
  if (!std::isfinite(value) || !(value > parameter.min)) {
    return make_error(ErrorCode::invalid_argument, std::string(parameter.core), "greater_than",
                      {{"min", parameter.min}, {"got", value}});
  }
  if (value > parameter.max) {
    return make_error(ErrorCode::invalid_argument, std::string(parameter.core), "at_most",
                      {{"max", parameter.max}, {"got", value}});
  }
  return Ok{};
}

Result<int> check_choice(const ParameterInfo& parameter, std::string_view got) {
  std::string allowed;
  int index = 0;
  for (std::string_view rest = parameter.choices;; ++index) {
    const auto bar = rest.find('|');
    const std::string_view choice = rest.substr(0, bar);
    if (choice == got) return index;
    if (!allowed.empty()) allowed += ", ";
    allowed += choice;
    if (bar == std::string_view::npos) break;
    rest.remove_prefix(bar + 1);
  }
  return make_error(ErrorCode::invalid_argument, std::string(parameter.core), "one_of",
                    {{"allowed", std::move(allowed)}, {"got", std::string(got)}});
}

}  // namespace pe
