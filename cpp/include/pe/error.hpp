// Errors of the position-encoding core, as data.
//
// The core never throws: every fallible call returns a Result<T> (a value or an Error). That keeps
// the WebAssembly build free of C++ exception support and lets the bindings turn an Error into a
// JavaScript Error subclass without any abort reaching the page.
//
// An Error is data: a code, the parameter it is about, a message kind and the named values the
// message needs (min, max, got, ...). The English text of every kind lives in one table
// (message_templates(), error.cpp); Error::message is that template filled in. Other languages
// format the same kind and args from their own tables, so rewording English never breaks them.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "pe/messages.hpp"

namespace pe {

enum class ErrorCode {
  invalid_argument,  // a parameter is outside its documented range or of the wrong kind
  size_limit,        // the request is valid in shape but above a documented size or work cap
  out_of_memory,     // an allocation failed (only the bindings can hit this)
};

std::string_view to_string(ErrorCode code);

// One named value of a message: a number (min, max, got, ...) or a text (an allowed list, a word).
struct MessageArg {
  std::string name;
  std::variant<double, std::string> value;
};

struct Error {
  ErrorCode code = ErrorCode::invalid_argument;
  std::string parameter;  // the parameter's name as the core spells it (snake_case), or "" if none
  std::string kind;       // which message: a key of message_templates()
  std::vector<MessageArg> args;  // the values its template names; {name} is the parameter
  std::string message;           // the English sentence: the template filled in
};

// Every message kind and its English text (messages.hpp holds the table); the schemes' own kinds
// come from scheme_message_templates() (schemes.cpp, linked only with the schemes).
std::span<const MessageTemplate> message_templates();
std::span<const MessageTemplate> scheme_message_templates();

// A message kind checked at compile time: make_error(..., "typo", ...) does not compile. It holds
// its template (in kMessageTemplates or kSchemeMessageTemplates), so only the tables of kinds a
// build actually gives end up in it.
class MessageKind {
 public:
  consteval MessageKind(const char* kind)  // NOLINT(google-explicit-constructor)
      : template_(find(kind)) {}
  std::string_view kind() const { return template_->kind; }
  std::string_view text() const { return template_->text; }

 private:
  static consteval const MessageTemplate* find(std::string_view kind) {
    for (const auto& t : kMessageTemplates) {
      if (t.kind == kind) return &t;
    }
    for (const auto& t : kSchemeMessageTemplates) {
      if (t.kind == kind) return &t;
    }
    throw "unknown message kind: add it to pe/messages.hpp";  // a compile error in consteval
  }
  const MessageTemplate* template_;
};

// Fills a template's {placeholders} from args ({name} from `parameter`); unknown ones stay as is.
std::string format_message(std::string_view text, std::string_view parameter,
                           std::span<const MessageArg> args);

// Builds an Error and its English message from the template of `kind`.
Error make_error(ErrorCode code, std::string parameter, MessageKind kind,
                 std::vector<MessageArg> args = {});

// A value or an Error. Small on purpose: std::expected is C++23, and the wasm toolchain's library
// (clang 14) does not have it.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const T& value() const { return std::get<0>(state_); }
  T& value() { return std::get<0>(state_); }
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// Result<void>: no value, only success or an Error.
struct Ok {};
using Status = Result<Ok>;

// Formats a double the shortest way that reads back the same ("64", "0.5", "1e+300", "NaN",
// "Infinity").
std::string format_number(double value);

}  // namespace pe
