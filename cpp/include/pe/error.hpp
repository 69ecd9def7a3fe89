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

#include "pe/folder_messages.inc"  // generated: every cpp/schemes/<name>/messages.hpp
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
  std::string_view text;         // its English template (static text: a MessageKind's)
};

// Every message kind and its English text: the shared table (messages.hpp) and, from
// scheme_message_templates() (schemes.cpp), the tables of the scheme folders this build has
// (cpp/schemes/<name>/messages.hpp).
std::span<const MessageTemplate> message_templates();
std::span<const MessageTemplate> scheme_message_templates();

// A message kind checked at compile time: make_error(..., "typo", ...) does not compile. It holds
// its kind and text by value, not a pointer into a table, so a build carries the text of the kinds
// its code gives and no other (the tables themselves are linked only where a binding lists them).
class MessageKind {
 public:
  consteval MessageKind(const char* kind)  // NOLINT(google-explicit-constructor)
      : kind_(find(kind).kind), text_(find(kind).text) {}
  std::string_view kind() const { return kind_; }
  std::string_view text() const { return text_; }

 private:
  static consteval MessageTemplate find(std::string_view kind) {
    for (const auto& t : kMessageTemplates) {
      if (t.kind == kind) return t;
    }
    for (const auto table : kFolderMessageTables) {
      for (const auto& t : table) {
        if (t.kind == kind) return t;
      }
    }
    // a compile error in consteval
    throw "unknown message kind: add it to pe/messages.hpp or to its folder's messages.hpp";
  }
  std::string_view kind_;
  std::string_view text_;
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
