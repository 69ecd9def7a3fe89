// shortest_exponential for the wasm build: the digits from JavaScript (number_text.hpp). The core's
// only code that knows it runs in a browser; CMakeLists.txt compiles it instead of
// cpp/src/number_text_native.cpp when building with emscripten.
#include <emscripten.h>

#include <cmath>

#include "../src/number_text.hpp"

namespace pe::detail {

// For value >= 0. toExponential rounds an exact tie away from zero where printf rounds it to even
// (1690544232663770.25 to 17 digits: ...770.3 against ...770.2), so a tie (one digit more ends in 5
// and equals the double, compared exactly in BigInt arithmetic) is rounded to even here. (Float32
// texts do not come here: float_text.cpp makes them in integer arithmetic.)
// (clang-format would split the JavaScript's === into "== =".)
// clang-format off
EM_JS(int, pe_shortest_exponential, (double value, int min_precision, int max_precision, char* out), {
  var big = BigInt;
  var tens = function(n) { var r = big(1); while (n-- > 0) r *= big(10); return r; };
  var compare = function(text, x) {  // the sign of text - x, exactly (x > 0)
    var parts = text.split("e");
    var digits = parts[0].replace(".", "");
    var k = Number(parts[1]) - (digits.length - 1);
    var view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    var bits = view.getBigUint64(0);
    var biased = Number(bits >> big(52));
    var m = bits & ((big(1) << big(52)) - big(1));
    if (biased) m += big(1) << big(52);
    var e = (biased || 1) - 1075;
    var left = big(digits);
    if (k >= 0) left *= tens(k); else m *= tens(-k);
    if (e >= 0) m <<= big(e); else left <<= big(-e);
    return left < m ? -1 : left > m ? 1 : 0;
  };
  var text = "";
  // No text of fewer digits than the shortest that reads back (toExponential() with no argument:
  // "f as small as possible", ECMA-262 Number.prototype.toExponential) can read back, so the search
  // starts there: the same text, without the BigInt checks of every shorter precision (a config
  // reading's hundreds of frequencies were ~0.1 ms each).
  var shortest = value.toExponential().split("e")[0].replace(".", "").length;
  var p = Math.max(min_precision, Math.min(max_precision, shortest));
  for (;; ++p) {
    text = value.toExponential(p - 1);
    var longer = value.toExponential(p).split("e");
    if (longer[0].slice(-1) === "5" && compare(longer.join("e"), value) === 0) {
      var kept = longer[0].slice(0, -1);
      if (Number(kept.slice(-1)) % 2 === 0) {  // to even: drop the 5 (toExponential rounded up)
        if (kept.slice(-1) === ".") kept = kept.slice(0, -1);
        text = kept + "e" + longer[1];
      }
    }
    if (Number(text) === value || p === max_precision) break;
  }
  stringToUTF8(text, out, 40);
  return p;
});
// clang-format on

// The digits, signs and exponent of a JSON number are ASCII: one character a byte.
// clang-format off
EM_JS(double, pe_read_decimal, (const char* text, int length), {
  var s = "";
  for (var i = 0; i < length; ++i) s += String.fromCharCode(HEAPU8[text + i]);
  return Number(s);
});
// clang-format on

double read_decimal(const char* text, std::size_t length) {
  return pe_read_decimal(text, static_cast<int>(length));
}

int shortest_exponential(double value, int min_precision, int max_precision, char (&text)[40]) {
  char* at = text;
  if (std::signbit(value)) *at++ = '-';  // toExponential drops the sign of -0
  return pe_shortest_exponential(std::fabs(value), min_precision, max_precision, at);
}

}  // namespace pe::detail
