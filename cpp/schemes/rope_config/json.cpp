// The strict JSON reader of json.hpp: recursive descent over bytes, with a depth cap.
#include "json.hpp"

#include <cmath>
#include <cstdint>

#include "../../src/number_text.hpp"  // the core's internal detail::read_decimal

namespace pe::json {

const Value* Value::get(std::string_view key) const {
  if (type != Type::object) return nullptr;
  for (std::size_t k = keys.size(); k-- > 0;) {
    if (keys[k] == key) return &items[k];
  }
  return nullptr;
}

const Value* Value::given(std::string_view key) const {
  const Value* v = get(key);
  return v && v->type != Type::null ? v : nullptr;
}

namespace {

class Parser {
 public:
  Parser(std::string_view text, const std::string& parameter, int max_depth)
      : text_(text), parameter_(parameter), max_depth_(max_depth) {}

  Result<Value> document() {
    Value root;
    skip_space();
    if (!value(root, 0)) return error_;
    skip_space();
    if (at_ < text_.size()) {
      fail("unexpected text after the JSON value");
      return error_;
    }
    return root;
  }

 private:
  bool fail(std::string_view what) {
    if (failed_) return false;
    failed_ = true;
    std::size_t line = 1, column = 1;
    for (std::size_t k = 0; k < at_ && k < text_.size(); ++k) {
      if (text_[k] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    std::string reason =
        "line " + format_number(double(line)) + ", column " + format_number(double(column));
    if (!path_.empty()) reason += " (in " + path_text() + ")";
    reason += ": ";
    reason += what;
    error_ = make_error(ErrorCode::invalid_argument, parameter_, "bad_json", {{"reason", reason}});
    return false;
  }

  // rope_scaling.factor, layer_types[3]
  std::string path_text() const {
    std::string out;
    for (const auto& step : path_) {
      if (step.index >= 0) {
        out += '[';
        out += format_number(double(step.index));
        out += ']';
      } else {
        if (!out.empty()) out += '.';
        out += step.key;
      }
    }
    return out;
  }

  bool done() const { return at_ >= text_.size(); }
  char peek() const { return done() ? '\0' : text_[at_]; }

  void skip_space() {
    while (!done() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) ++at_;
  }

  bool literal(std::string_view word) {
    if (text_.substr(at_, word.size()) != word) return fail("expected a value");
    at_ += word.size();
    return true;
  }

  bool value(Value& out, int depth) {
    if (done()) return fail("the text ends where a value should be");
    switch (peek()) {
      case '{': return object(out, depth + 1);
      case '[': return array(out, depth + 1);
      case '"': out.type = Type::string; return string(out.text);
      case 't':
        out.type = Type::boolean;
        out.boolean = true;
        return literal("true");
      case 'f': out.type = Type::boolean; return literal("false");
      case 'n': out.type = Type::null; return literal("null");
      default: out.type = Type::number; return number(out.number);
    }
  }

  bool too_deep(int depth) {
    if (depth <= max_depth_) return false;
    return !fail("nested deeper than " + format_number(double(max_depth_)) + " levels");
  }

  // An object or an array: its opening bracket, then members (`member` reads one, after its
  // separator) until the closing one.
  template <class Member>
  bool container(Value& out, Type type, int depth, Member member) {
    out.type = type;
    if (too_deep(depth)) return false;
    const char close = type == Type::object ? '}' : ']';
    ++at_;  // '{' or '['
    skip_space();
    if (peek() == close) {
      ++at_;
      return true;
    }
    for (int index = 0;; ++index) {
      skip_space();
      if (!member(index)) return false;
      path_.pop_back();
      skip_space();
      if (peek() == ',') {
        ++at_;
      } else if (peek() == close) {
        ++at_;
        return true;
      } else {
        return fail(type == Type::object ? "expected ',' or '}'" : "expected ',' or ']'");
      }
    }
  }

  bool object(Value& out, int depth) {
    return container(out, Type::object, depth, [&](int) {
      if (peek() != '"') return fail("expected a key in double quotes");
      std::string key;
      if (!string(key)) return false;
      skip_space();
      if (peek() != ':') return fail("expected ':' after the key");
      ++at_;
      skip_space();
      path_.push_back({key, -1});
      out.keys.push_back(std::move(key));
      out.items.emplace_back();
      return value(out.items.back(), depth);
    });
  }

  bool array(Value& out, int depth) {
    return container(out, Type::array, depth, [&](int index) {
      path_.push_back({{}, index});
      out.items.emplace_back();
      return value(out.items.back(), depth);
    });
  }

  bool digits() {
    const std::size_t from = at_;
    while (!done() && peek() >= '0' && peek() <= '9') ++at_;
    return at_ > from;
  }

  // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, read to the nearest double (overflow: ±inf, as
  // JSON.parse and Python's float give).
  bool number(double& out) {
    const std::size_t from = at_;
    if (peek() == '-') ++at_;
    if (peek() == '0') {
      ++at_;
      if (peek() >= '0' && peek() <= '9') return fail("a number must not start with 0");
    } else if (!digits()) {
      return fail("expected a value");
    }
    if (peek() == '.') {
      ++at_;
      if (!digits()) return fail("expected digits after '.'");
    }
    if (peek() == 'e' || peek() == 'E') {
      ++at_;
      if (peek() == '+' || peek() == '-') ++at_;
      if (!digits()) return fail("expected digits in the exponent");
    }
    out = detail::read_decimal(text_.data() + from, at_ - from);
    return true;
  }

  bool hex4(std::uint32_t& out) {
    out = 0;
    for (int k = 0; k < 4; ++k, ++at_) {
      const char c = peek();
      out <<= 4;
      if (c >= '0' && c <= '9') {
        out |= std::uint32_t(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        out |= std::uint32_t(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        out |= std::uint32_t(c - 'A' + 10);
      } else {
        return fail("expected four hex digits after \\u");
      }
    }
    return true;
  }

  static void append_utf8(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
      out += char(code);
    } else if (code < 0x800) {
      out += char(0xC0 | (code >> 6));
      out += char(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += char(0xE0 | (code >> 12));
      out += char(0x80 | ((code >> 6) & 0x3F));
      out += char(0x80 | (code & 0x3F));
    } else {
      out += char(0xF0 | (code >> 18));
      out += char(0x80 | ((code >> 12) & 0x3F));
      out += char(0x80 | ((code >> 6) & 0x3F));
      out += char(0x80 | (code & 0x3F));
    }
  }

  // One UTF-8 character of the raw text, checked (no overlong forms, no surrogates).
  bool utf8(std::string& out) {
    const auto byte = [&](std::size_t k) {
      return at_ + k < text_.size() ? static_cast<unsigned char>(text_[at_ + k]) : 0u;
    };
    const unsigned lead = byte(0);
    int extra = 0;
    std::uint32_t min = 0, code = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
      extra = 1, min = 0x80, code = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      extra = 2, min = 0x800, code = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      extra = 3, min = 0x10000, code = lead & 0x07;
    } else {
      return fail("the text is not valid UTF-8");
    }
    for (int k = 1; k <= extra; ++k) {
      if ((byte(k) & 0xC0) != 0x80) return fail("the text is not valid UTF-8");
      code = (code << 6) | (byte(k) & 0x3F);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      return fail("the text is not valid UTF-8");
    }
    out.append(text_.substr(at_, extra + 1));
    at_ += extra + 1;
    return true;
  }

  bool string(std::string& out) {
    ++at_;  // '"'
    for (;;) {
      if (done()) return fail("the text ends inside a string");
      const auto c = static_cast<unsigned char>(peek());
      if (c == '"') {
        ++at_;
        return true;
      }
      if (c < 0x20) return fail("a control character inside a string (escape it)");
      if (c >= 0x80) {
        if (!utf8(out)) return false;
        continue;
      }
      ++at_;
      if (c != '\\') {
        out += char(c);
        continue;
      }
      const char e = peek();
      ++at_;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          std::uint32_t code = 0;
          if (!hex4(code)) return false;
          // A surrogate pair is one character; a lone surrogate (JSON allows it, UTF-8 cannot
          // hold it) becomes U+FFFD, as a browser's TextEncoder writes it.
          if (code >= 0xD800 && code <= 0xDBFF && text_.substr(at_, 2) == "\\u") {
            const std::size_t back = at_;
            at_ += 2;
            std::uint32_t low = 0;
            if (!hex4(low)) return false;
            if (low >= 0xDC00 && low <= 0xDFFF) {
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            } else {
              at_ = back;
            }
          }
          if (code >= 0xD800 && code <= 0xDFFF) code = 0xFFFD;
          append_utf8(out, code);
          break;
        }
        default: --at_; return fail("an unknown escape in a string");
      }
    }
  }

  struct Step {
    std::string key;
    int index;
  };

  std::string_view text_;
  std::size_t at_ = 0;
  const std::string& parameter_;
  int max_depth_;
  std::vector<Step> path_;
  bool failed_ = false;
  Error error_;
};

}  // namespace

Result<Value> parse(std::string_view text, const std::string& parameter, int max_depth) {
  return Parser(text, parameter, max_depth).document();
}

std::string describe(const Value& value) {
  switch (value.type) {
    case Type::null: return "null";
    case Type::boolean: return value.boolean ? "true" : "false";
    case Type::number: return format_number(value.number);
    case Type::array: return "an array of " + format_number(double(value.items.size()));
    case Type::object: return "an object";
    case Type::string: break;
  }
  // JSON.stringify of the first 40 characters (code points here), "…" after them.
  std::string out = "\"";
  std::size_t characters = 0, k = 0;
  for (; k < value.text.size(); ++k) {
    const auto c = static_cast<unsigned char>(value.text[k]);
    if ((c & 0xC0) != 0x80 && characters++ == 40) break;
    if (c == '"' || c == '\\') out += '\\';
    if (c < 0x20) {
      const char* hex = "0123456789abcdef";
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
      continue;
    }
    out += char(c);
  }
  if (k < value.text.size()) out += "\u2026";
  return out + "\"";
}

std::string quote(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      const char* hex = "0123456789abcdef";
      out += "\\u00";
      out += hex[(c >> 4) & 15];
      out += hex[c & 15];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string number_text(double x) {
  return std::isfinite(x) ? format_number(x) : "null";
}

std::string write(const Value& v) {
  switch (v.type) {
    case Type::null: return "null";
    case Type::boolean: return v.boolean ? "true" : "false";
    case Type::number: return number_text(v.number);
    case Type::string: return quote(v.text);
    case Type::array:
    case Type::object: break;
  }
  const bool object = v.type == Type::object;
  std::string out = object ? "{" : "[";
  for (std::size_t k = 0; k < v.items.size(); ++k) {
    if (k) out += ", ";
    if (object) out += quote(v.keys[k]) + ": ";
    out += write(v.items[k]);
  }
  return out + (object ? "}" : "]");
}

}  // namespace pe::json
