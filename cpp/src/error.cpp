// The one table of message texts (English) and the formatting of Errors.
#include "pe/error.hpp"

#include <algorithm>
#include <cmath>

#include "number_text.hpp"

namespace pe {

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_argument: return "invalid_argument";
    case ErrorCode::size_limit: return "size_limit";
    case ErrorCode::out_of_memory: return "out_of_memory";
  }
  return "invalid_argument";
}

std::span<const MessageTemplate> message_templates() {
  return kMessageTemplates;
}

std::string format_number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (value == std::floor(value) && std::abs(value) < 1e16)
    return detail::whole_number(value);  // 1000000000
  // %.17g always reads back exactly; shorter precisions come first so 0.1 prints as "0.1".
  char text[40];
  const int precision = detail::shortest_exponential(value, 1, 17, text);
  return detail::g_style(text, precision);
}

std::string format_message(std::string_view text, std::string_view parameter,
                           std::span<const MessageArg> args) {
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t open = text.find('{', at);
    const std::size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) {
      out.append(text.substr(at));
      break;
    }
    out.append(text.substr(at, open - at));
    const std::string_view key = text.substr(open + 1, close - open - 1);
    const auto arg =
        std::find_if(args.begin(), args.end(), [&](const MessageArg& a) { return a.name == key; });
    if (arg != args.end()) {
      if (const double* number = std::get_if<double>(&arg->value)) {
        out += format_number(*number);
      } else {
        out += std::get<std::string>(arg->value);
      }
    } else if (key == "name") {
      out.append(parameter);
    } else {
      out.append(text.substr(open, close - open + 1));
    }
    at = close + 1;
  }
  return out;
}

Error make_error(ErrorCode code, std::string parameter, MessageKind kind,
                 std::vector<MessageArg> args) {
  Error error{code, std::move(parameter), std::string(kind.kind()), std::move(args),
              {},   kind.text()};
  error.message = format_message(kind.text(), error.parameter, error.args);
  return error;
}

}  // namespace pe
