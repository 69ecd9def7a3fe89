// The strict JSON reader (json.hpp): RFC 8259's grammar, its caps, and errors that say where.
#include "json.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

namespace {

std::string reason_of(std::string_view text) {
  const auto r = pe::json::parse(text, "jsonText");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().kind == "bad_json");
  CHECK(r.error().parameter == "jsonText");
  return r.error().message;
}

}  // namespace

TEST_CASE(
    "the json reader reads every kind of value, keeps key order and the last of a twice-given "
    "key") {
  const auto r = pe::json::parse(
      R"( {"a": [1, -2.5e3, 0.125, true, false, null], "b": {"c": "x\"\\\/\b\f\n\r\tA\u00e9\ud83d\ude00"}, "a2": 1, "a2": 2} )",
      "t");
  REQUIRE(r.ok());
  const auto& v = r.value();
  CHECK(v.keys == std::vector<std::string>{"a", "b", "a2", "a2"});
  const auto* a = v.get("a");
  REQUIRE(a);
  REQUIRE(a->items.size() == 6);
  CHECK(a->items[0].number == 1);
  CHECK(a->items[1].number == -2500);
  CHECK(a->items[2].number == 0.125);
  CHECK(a->items[3].boolean);
  CHECK(a->items[4].is(pe::json::Type::boolean));
  CHECK(a->items[5].is(pe::json::Type::null));
  CHECK(v.get("b")->get("c")->text == "x\"\\/\b\f\n\r\tA\xc3\xa9\xf0\x9f\x98\x80");
  CHECK(v.get("a2")->number == 2);
  CHECK(v.given("missing") == nullptr);
}

TEST_CASE("numbers read to the nearest double, as JSON.parse and Python's float do") {
  const auto number = [](std::string_view text) {
    const auto r = pe::json::parse(text, "t");
    REQUIRE(r.ok());
    return r.value().number;
  };
  CHECK(number("0.1") == 0.1);
  CHECK(number("500000.0") == 500000);
  CHECK(number("1e-05") == 1e-05);
  CHECK(number("9007199254740993") == 9007199254740992.0);  // ties to even
  CHECK(number("-0") == 0);
  CHECK(std::signbit(number("-0")));
  CHECK(std::isinf(number("1e400")));
}

TEST_CASE("text that is not JSON is refused with its line, column and key path") {
  CHECK(reason_of("{\"rope_theta\": ") ==
        "jsonText is not valid JSON: line 1, column 16 (in rope_theta): the text ends where a "
        "value should be");
  CHECK(reason_of("{\n  \"rope_scaling\": {\"factor\": 08}\n}")
            .find("line 2, column 31 (in rope_scaling.factor): a number must not start with 0") !=
        std::string::npos);
  CHECK(reason_of("{\"layer_types\": [\"a\", b]}").find("(in layer_types[1]): expected a value") !=
        std::string::npos);
  for (const char* bad : {"",
                          "{",
                          "{}x",
                          "[1,]",
                          "{\"a\":1,}",
                          "{'a':1}",
                          "NaN",
                          "Infinity",
                          "+1",
                          ".5",
                          "1.",
                          "1e",
                          "\"\t\"",
                          "\"\\x\"",
                          "\"\\u12G4\"",
                          "tru",
                          "{\"a\" 1}",
                          "[1 2]",
                          "// c\n{}",
                          "\"\xff\"",
                          "\"\xc0\xaf\"",
                          "\"\xed\xa0\x80\""}) {
    CAPTURE(bad);
    CHECK_FALSE(pe::json::parse(bad, "t").ok());
  }
}

TEST_CASE("nesting deeper than the cap is refused, not recursed into") {
  const std::string deep = std::string(65, '[') + std::string(65, ']');
  CHECK(reason_of(deep).find("nested deeper than 64 levels") != std::string::npos);
  const std::string fine = std::string(64, '[') + std::string(64, ']');
  CHECK(pe::json::parse(fine, "t").ok());
  const std::string very_deep(1 << 20, '[');  // a megabyte of '[' stops at level 65
  CHECK_FALSE(pe::json::parse(very_deep, "t").ok());
}

TEST_CASE("a lone surrogate escape becomes U+FFFD; describe renders values as the JS API does") {
  const auto r = pe::json::parse(R"("\ud800x")", "t");
  REQUIRE(r.ok());
  CHECK(r.value().text == "\xef\xbf\xbdx");
  const auto v = pe::json::parse(R"([1.5, "a\"b", [1, 2], {}, null, true])", "t");
  REQUIRE(v.ok());
  CHECK(pe::json::describe(v.value().items[0]) == "1.5");
  CHECK(pe::json::describe(v.value().items[1]) == "\"a\\\"b\"");
  CHECK(pe::json::describe(v.value().items[2]) == "an array of 2");
  CHECK(pe::json::describe(v.value().items[3]) == "an object");
  CHECK(pe::json::describe(v.value().items[4]) == "null");
  CHECK(pe::json::describe(v.value().items[5]) == "true");
  const auto long_text = pe::json::parse("\"" + std::string(50, 'x') + "\"", "t");
  CHECK(pe::json::describe(long_text.value()) == "\"" + std::string(40, 'x') + "\u2026\"");
}
