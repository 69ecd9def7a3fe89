// A small, strict JSON reader (RFC 8259) for model configs: the core reads config.json itself, so
// the page, the JS API and pe-export read a config the same way (rope_config.hpp).
//
// Strict: one value with optional whitespace around it, no comments, no trailing commas, no NaN,
// no leading zeros or '+', strings of valid UTF-8 without raw control characters. Bounded: the
// caller caps the text's size, and nesting deeper than max_depth is refused (no deep recursion).
// A key given twice keeps its last value, as Python's json (which transformers uses) and
// JavaScript's JSON.parse do. Errors are a bad_json Error naming the caller's parameter, with the
// line, the column (in bytes, from 1) and the key path where the text stops being JSON.
// Small on purpose: a template-heavy library would not fit the embed's size budget.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pe/error.hpp"

namespace pe::json {

enum class Type { null, boolean, number, string, array, object };

struct Value {
  Type type = Type::null;
  bool boolean = false;
  double number = 0;
  std::string text;               // a string's text (UTF-8)
  std::vector<std::string> keys;  // an object's keys, in order; keys[i] names items[i]
  std::vector<Value> items;       // an array's elements, or an object's values

  bool is(Type t) const { return type == t; }
  // An object's member (its last value if the key is given twice), or nullptr.
  const Value* get(std::string_view key) const;
  // A member that is there and not null (the library's `config.get(key) is not None`).
  const Value* given(std::string_view key) const;
};

inline constexpr int kMaxDepth = 64;

Result<Value> parse(std::string_view text, const std::string& parameter, int max_depth = kMaxDepth);

// A short rendering of a value for "got ...", as the JS API's peDescribe writes it: a string
// quoted (its first 40 characters), a number, true, false, null, "an array of N", "an object".
std::string describe(const Value& value);

// JSON text: a string quoted and escaped; a number the shortest way that reads back the same
// (NaN and infinities, which JSON cannot hold, as null); any value.
std::string quote(std::string_view text);
std::string number_text(double x);
std::string write(const Value& value);

}  // namespace pe::json
