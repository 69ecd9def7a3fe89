// Errors of the position-encoding core.
//
// The core never throws: every fallible call returns a Result<T> (a value or an Error). That keeps
// the WebAssembly build free of C++ exception support and lets the bindings turn an Error into a
// JavaScript Error subclass without any abort reaching the page.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace pe {

enum class ErrorCode {
  invalid_argument,  // a parameter is outside its documented range or of the wrong kind
  size_limit,        // the request is valid in shape but above a documented size cap
  out_of_memory,     // an allocation failed (only the bindings can hit this: the core allocates
                     // little)
};

struct Error {
  ErrorCode code = ErrorCode::invalid_argument;
  std::string parameter;  // the parameter's name as the core spells it (snake_case), or "" if none
  std::string
      message;  // a whole sentence: names the parameter, the value received and what is allowed
};

// A value or an Error. Small on purpose: std::expected is C++23, and the wasm toolchain's library
// (clang 14) does not have it.
template <class T>
class Result {
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

// Formats a double the shortest way that reads back the same ("64", "0.5", "1e+300", "nan", "inf").
std::string format_number(double value);

}  // namespace pe
