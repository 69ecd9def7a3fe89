// The shortest "%.{p-1}e" text of a float32, in exact integer arithmetic (number_text.hpp).
//
// The text exports print millions of float32s. Asking the host for the digits of each one (the wasm
// build's JavaScript, or snprintf natively) cost 1-10 µs a value, so a CSV at the table cap took
// seconds. A float32 is m·2^e with m < 2^24 and -149 <= e <= 104, so every quantity below is an
// integer of at most ~420 bits: the digits are correctly rounded (ties to even, as printf) and the
// read-back test is exact (the text must lie strictly inside the float's rounding interval, or on
// its edge when m is even, as strtof rounds ties). tests/cpp/number_text_test.cpp checks it
// against the printf/strtof loop.
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "number_text.hpp"

namespace pe::detail {
namespace {

// An unsigned integer of up to kLimbs 32-bit limbs, least significant first.
class Big {
 public:
  static constexpr int kLimbs = 16;  // 512 bits: the largest value here is below 2^440

  explicit Big(std::uint64_t value) {
    while (value != 0) {
      limb_[size_++] = static_cast<std::uint32_t>(value);
      value >>= 32;
    }
  }

  void multiply(std::uint32_t factor) {
    std::uint64_t carry = 0;
    for (int k = 0; k < size_; ++k) {
      const std::uint64_t x = std::uint64_t{limb_[k]} * factor + carry;
      limb_[k] = static_cast<std::uint32_t>(x);
      carry = x >> 32;
    }
    if (carry != 0) limb_[size_++] = static_cast<std::uint32_t>(carry);
  }

  void multiply_pow10(int n) {
    static constexpr std::uint32_t kSmall[] = {1,      10,      100,      1000,      10000,
                                               100000, 1000000, 10000000, 100000000, 1000000000};
    for (; n >= 9; n -= 9) multiply(1000000000);
    if (n > 0) multiply(kSmall[n]);
  }

  void shift_left(int bits) {
    if (size_ == 0 || bits == 0) return;
    const int words = bits / 32;
    const int rest = bits % 32;
    int top = size_ + words;
    limb_[top] = 0;
    for (int k = size_ - 1; k >= 0; --k) {
      const std::uint64_t x = std::uint64_t{limb_[k]} << rest;
      limb_[k + words + 1] |= static_cast<std::uint32_t>(x >> 32);
      limb_[k + words] = static_cast<std::uint32_t>(x);
    }
    for (int k = 0; k < words; ++k) limb_[k] = 0;
    size_ = top + 1;
    trim();
  }

  // this -= other (other <= this).
  void subtract(const Big& other) {
    std::int64_t borrow = 0;
    for (int k = 0; k < size_; ++k) {
      std::int64_t x = std::int64_t{limb_[k]} - (k < other.size_ ? other.limb_[k] : 0) - borrow;
      borrow = x < 0 ? 1 : 0;
      limb_[k] = static_cast<std::uint32_t>(x + (borrow << 32));
    }
    trim();
  }

  friend int compare(const Big& a, const Big& b) {
    if (a.size_ != b.size_) return a.size_ < b.size_ ? -1 : 1;
    for (int k = a.size_ - 1; k >= 0; --k) {
      if (a.limb_[k] != b.limb_[k]) return a.limb_[k] < b.limb_[k] ? -1 : 1;
    }
    return 0;
  }

 private:
  void trim() {
    while (size_ > 0 && limb_[size_ - 1] == 0) --size_;
  }

  std::uint32_t limb_[kLimbs + 1] = {};
  int size_ = 0;
};

// q * 10^j against mid * 2^shift, both exact: the sign of the difference.
int compare_scaled(std::uint64_t q, int j, std::uint64_t mid, int shift) {
  Big left(q);
  Big right(mid);
  if (j >= 0)
    left.multiply_pow10(j);
  else
    right.multiply_pow10(-j);
  if (shift >= 0)
    right.shift_left(shift);
  else
    left.shift_left(-shift);
  return compare(left, right);
}

// 10^n as a double: exact for |n| <= 22, within a few ulps beyond.
double power_of_ten(int n) {
  static constexpr double kExact[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                      1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                      1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  const int magnitude = n < 0 ? -n : n;
  double out = 1;
  int rest = magnitude;
  for (; rest > 22; rest -= 22) out *= 1e22;
  out *= kExact[rest];
  return n < 0 ? 1 / out : out;
}

// 2^n for -1022 <= n <= 1023, built from its bits (ldexp was a fifth of the time per value).
double power_of_two(int n) {
  const std::uint64_t bits = static_cast<std::uint64_t>(n + 1023) << 52;
  double out;
  std::memcpy(&out, &bits, sizeof out);
  return out;
}

struct Rounded {
  std::uint64_t digits;  // exactly p of them
  int exponent;          // of the first one
};

// value = m·2^e rounded to p significant digits, half to even: exactly, by long division.
Rounded exact_digits(std::uint64_t m, int e, int p, int estimate) {
  std::uint64_t limit = 1;
  for (int k = 0; k < p; ++k) limit *= 10;
  for (;;) {
    const int k = p - 1 - estimate;
    Big numerator(m);
    Big denominator(1);
    if (e >= 0)
      numerator.shift_left(e);
    else
      denominator.shift_left(-e);
    if (k >= 0)
      numerator.multiply_pow10(k);
    else
      denominator.multiply_pow10(-k);
    // The quotient is below 2^36 when the estimate is within one of E: binary long division.
    std::uint64_t quotient = 0;
    for (int bit = 35; bit >= 0; --bit) {
      Big shifted = denominator;
      shifted.shift_left(bit);
      if (compare(numerator, shifted) >= 0) {
        numerator.subtract(shifted);
        quotient |= std::uint64_t{1} << bit;
      }
    }
    if (quotient >= limit) {
      ++estimate;
      continue;
    }
    if (quotient < limit / 10) {
      --estimate;
      continue;
    }
    Big twice = numerator;  // the remainder, doubled, against the denominator: round half even
    twice.shift_left(1);
    const int side = compare(twice, denominator);
    if (side > 0 || (side == 0 && (quotient & 1) != 0)) ++quotient;
    if (quotient == limit) return {limit / 10, estimate + 1};  // 9.99995 -> 1.0000e+1
    return {quotient, estimate};
  }
}

// The same in double arithmetic, where the double's error (below 1e-12 of the result) cannot
// change the answer; false when it could (a near tie, a near power of ten): then exact_digits.
bool fast_digits(double magnitude, int p, int estimate, Rounded& out) {
  std::uint64_t limit = 1;
  for (int k = 0; k < p; ++k) limit *= 10;
  const double y = magnitude * power_of_ten(p - 1 - estimate);
  const double tolerance = y * 1e-12;
  if (!(y >= double(limit / 10) + tolerance && y < double(limit) - 1 - tolerance)) return false;
  const double whole = std::floor(y);
  const double fraction = y - whole;
  if (std::fabs(fraction - 0.5) <= tolerance || fraction <= tolerance ||
      1 - fraction <= tolerance) {
    return false;
  }
  out = {static_cast<std::uint64_t>(whole) + (fraction > 0.5 ? 1 : 0), estimate};
  return true;
}

// Whether digits·10^j lies inside m·2^e's rounding interval (on an edge only when m is even).
// Midpoints times 4: (4m ± 2)·2^(e-2); below a power of two the lower neighbour is half as far:
// (4m - 1)·2^(e-2).
bool reads_back(std::uint64_t m, int e, bool power_of_two_edge, const Rounded& r, int p) {
  const int j = r.exponent - (p - 1);
  const std::uint64_t low = power_of_two_edge ? 4 * m - 1 : 4 * m - 2;
  const std::uint64_t high = 4 * m + 2;
  // First in doubles (the text's value within ~1e-15, the midpoints exact), exactly only near an
  // edge.
  const double text = static_cast<double>(r.digits) * power_of_ten(j);
  const double scale = power_of_two(e - 2);
  const double low_edge = static_cast<double>(low) * scale;  // exact: 27 bits times a power of two
  const double high_edge = static_cast<double>(high) * scale;
  const double tolerance = text * 1e-12;
  if (text > low_edge + tolerance && text < high_edge - tolerance) return true;
  if (text < low_edge - tolerance || text > high_edge + tolerance) return false;
  const bool even = (m & 1) == 0;
  const int above_low = compare_scaled(r.digits, j, low, e - 2);
  const int below_high = -compare_scaled(r.digits, j, high, e - 2);
  return (above_low > 0 || (above_low == 0 && even)) &&
         (below_high > 0 || (below_high == 0 && even));
}

}  // namespace

int shortest_float32(float value, int min_precision, int max_precision, char (&text)[40]) {
  std::uint32_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  char* at = text;
  if (bits >> 31) *at++ = '-';
  const int biased = static_cast<int>((bits >> 23) & 0xff);
  const std::uint32_t fraction = bits & 0x7fffff;
  // value = m·2^e exactly (finite values only: the caller prints inf and nan itself).
  const std::uint64_t m = biased == 0 ? fraction : fraction | 0x800000u;
  const int e = (biased == 0 ? 1 : biased) - 150;
  int p = min_precision;
  Rounded r{0, 0};
  if (m != 0) {
    const double magnitude = static_cast<double>(m) * power_of_two(e);
    // floor(log10(value)) from the binary exponent (log10(2) ~ 78913 / 2^18), then corrected
    // against powers of ten (no log10 in the engine: its size budget); exact_digits fixes a rare
    // miss.
    const int bits_above = e + 64 - std::countl_zero(m);  // value < 2^bits_above
    int estimate = ((bits_above - 1) * 78913) >> 18;
    while (magnitude >= power_of_ten(estimate + 1)) ++estimate;
    while (magnitude < power_of_ten(estimate)) --estimate;
    const bool power_of_two_edge = fraction == 0 && biased > 1;
    for (;; ++p) {
      if (!fast_digits(magnitude, p, estimate, r)) r = exact_digits(m, e, p, estimate);
      if (reads_back(m, e, power_of_two_edge, r, p) || p == max_precision) break;
    }
  }
  const std::uint64_t digits = r.digits;
  const int exponent = r.exponent;
  // "%.{p-1}e": d.ddd…e±XX
  char reversed[24];
  int n = 0;
  std::uint64_t rest = digits;
  for (int k = 0; k < p; ++k) {
    reversed[n++] = static_cast<char>('0' + rest % 10);
    rest /= 10;
  }
  *at++ = reversed[--n];
  if (p > 1) *at++ = '.';
  while (n > 0) *at++ = reversed[--n];
  *at++ = 'e';
  *at++ = exponent < 0 ? '-' : '+';
  const int magnitude = exponent < 0 ? -exponent : exponent;
  if (magnitude >= 10)
    *at++ = static_cast<char>('0' + magnitude / 10);
  else
    *at++ = '0';
  *at++ = static_cast<char>('0' + magnitude % 10);
  *at = '\0';
  return p;
}

}  // namespace pe::detail
