#include "identify.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <type_traits>
#include <utility>

#include "pe/export.hpp"
#include "pe/spec.hpp"
#include "precision/precision.hpp"
#include "rope/rope_scaling.hpp"
#include "rope_config/json.hpp"

namespace pe {

// A text built with <<, as std::ostringstream builds it here (strings, characters, integers),
// without iostreams: their locale machinery would add ~100 KB to the identify figure's engine.
class Text {
 public:
  Text& operator<<(std::string_view s) {
    text_ += s;
    return *this;
  }
  Text& operator<<(char c) {
    text_ += c;
    return *this;
  }
  template <class T>
  requires(std::is_integral_v<T> && !std::is_same_v<T, char> && !std::is_same_v<T, bool>) Text&
  operator<<(T n) {
    text_ += std::to_string(n);
    return *this;
  }
  std::string str() const { return text_; }

 private:
  std::string text_;
};

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kTwoPi = 2 * kPi;
constexpr std::size_t kSampleRows = 512;  // rows a candidate is ranked on
constexpr double kBad = std::numeric_limits<double>::infinity();

double wrap_pm(double a) {  // to (-pi, pi]
  a = std::fmod(a, kTwoPi);
  if (a > kPi) a -= kTwoPi;
  if (a <= -kPi) a += kTwoPi;
  return a;
}

// What a column holds in a model of the table.
enum class Cell { sin, cos, zero, angle };

// A table rebuilt from a reading: per column its frequency and what it holds, the amplitude and
// the first position. Stacked tables hold the cos rows then the sin rows (cells say cos).
struct Model {
  std::vector<double> w;
  std::vector<Cell> cell;
  double amplitude = 1;
  double start = 0;
};

// The table as positions x columns; a stacked table's second half is the sin of the same cells.
struct View {
  const float* data = nullptr;
  std::size_t rows = 0, cols = 0;  // positions, columns
  bool stacked = false;
  float at(std::size_t r, std::size_t j) const { return data[r * cols + j]; }
  float sin_at(std::size_t r, std::size_t j) const { return data[(rows + r) * cols + j]; }
};

double model_value(const Model& m, std::size_t j, double p, bool sin_part) {
  const double a = p * m.w[j];
  switch (sin_part ? Cell::sin : m.cell[j]) {
    case Cell::sin: return m.amplitude * std::sin(a);
    case Cell::cos: return m.amplitude * std::cos(a);
    case Cell::angle: return a;
    case Cell::zero: break;
  }
  return 0;
}

// Rows a reading is ranked on: the first and last ones and an even spread between, from [0, used).
std::vector<std::size_t> sample_rows(std::size_t used, std::size_t count = kSampleRows) {
  std::vector<std::size_t> out;
  if (used <= count) {
    for (std::size_t r = 0; r < used; ++r) out.push_back(r);
    return out;
  }
  // In ascending order as written (no sort): the first rows, rows between, the last rows.
  const std::size_t ends = count / 8;
  for (std::size_t r = 0; r < ends; ++r) out.push_back(r);
  const std::size_t between = count - 2 * ends;
  for (std::size_t k = 1; k <= between; ++k)
    out.push_back(ends + (used - 2 * ends) * k / (between + 1));
  for (std::size_t r = used - ends; r < used; ++r) out.push_back(r);
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double sampled_error(const View& v, const Model& m, std::span<const std::size_t> rows,
                     std::span<const char> skip) {
  double worst = 0;
  for (const std::size_t r : rows) {
    if (skip[r]) continue;
    const double p = m.start + double(r);
    for (std::size_t j = 0; j < v.cols; ++j) {
      worst = std::max(worst, std::abs(double(v.at(r, j)) - model_value(m, j, p, false)));
      if (v.stacked)
        worst = std::max(worst, std::abs(double(v.sin_at(r, j)) - model_value(m, j, p, true)));
    }
    if (!(worst < kBad)) return kBad;
  }
  return worst;
}

// Every cell of [0, used) against the model (the angle-addition recurrence per column, reseeded
// every 64 rows): the largest difference and the first cell beyond the tolerance.
struct FullPass {
  double max_error = 0;
  bool found = false;
  std::size_t row = 0, col = 0;
  double got = 0, want = 0;
};

FullPass full_pass(const View& v, const Model& m, std::size_t used, std::span<const char> skip,
                   double unit) {
  FullPass out;
  const std::size_t n = v.cols;
  // One rotation per distinct frequency (RoPE tables hold each twice).
  std::vector<double> distinct;
  std::vector<std::size_t> of(n);
  for (std::size_t j = 0; j < n; ++j) {
    const auto at = std::find(distinct.begin(), distinct.end(), m.w[j]);
    of[j] = std::size_t(at - distinct.begin());
    if (at == distinct.end()) distinct.push_back(m.w[j]);
  }
  const std::size_t k = distinct.size();
  std::vector<double> c(k), s(k), cw(k), sw(k);
  for (std::size_t i = 0; i < k; ++i) {
    cw[i] = std::cos(distinct[i]);
    sw[i] = std::sin(distinct[i]);
  }
  const double amp = std::abs(m.amplitude);
  const double floor = 2 * std::max(unit, 1e-7);
  const double trig_base = floor * std::max(amp, 1e-3);
  const double slope = std::ldexp(1.0, -22);
  bool same_cell = !m.cell.empty() && (m.cell[0] == Cell::cos || m.cell[0] == Cell::sin);
  for (const Cell cell : m.cell) same_cell = same_cell && cell == m.cell[0];
  std::vector<double> want_of(k), tol_of(k);
  const auto note = [&](std::size_t r, std::size_t j, double got, double want, double tol) {
    const double d = std::abs(got - want);
    if (d > out.max_error) out.max_error = d;
    if (!out.found && !(d <= tol)) {
      out.found = true;
      out.row = r;
      out.col = j;
      out.got = got;
      out.want = want;
    }
  };
  for (std::size_t r = 0; r < used; ++r) {
    const double p = m.start + double(r);
    if (r % 64 == 0) {
      for (std::size_t i = 0; i < k; ++i) {
        c[i] = std::cos(p * distinct[i]);
        s[i] = std::sin(p * distinct[i]);
      }
    } else {
      for (std::size_t i = 0; i < k; ++i) {
        const double c2 = c[i] * cw[i] - s[i] * sw[i];
        s[i] = s[i] * cw[i] + c[i] * sw[i];
        c[i] = c2;
      }
    }
    if (skip[r]) continue;
    const float* row = v.data + r * n;
    if (same_cell && !v.stacked) {
      // The common case (every column cos, or every one sin): the wanted value and the tolerance
      // once per distinct frequency, then a plain loop over the columns.
      const bool is_cos = m.cell[0] == Cell::cos;
      for (std::size_t i = 0; i < k; ++i) {
        want_of[i] = m.amplitude * (is_cos ? c[i] : s[i]);
        tol_of[i] = trig_base + slope * amp * std::abs(p * distinct[i]);
      }
      for (std::size_t j = 0; j < n; ++j) {
        const double d = std::abs(double(row[j]) - want_of[of[j]]);
        if (d > out.max_error) out.max_error = d;
        if (!(d <= tol_of[of[j]]) && !out.found) note(r, j, row[j], want_of[of[j]], tol_of[of[j]]);
      }
      continue;
    }
    const float* sin_row = v.stacked ? v.data + (v.rows + r) * n : nullptr;
    for (std::size_t j = 0; j < n; ++j) {
      const std::size_t i = of[j];
      const double angle = std::abs(p * distinct[i]);
      double want = 0, tol = trig_base + slope * amp * angle;
      switch (m.cell[j]) {
        case Cell::sin: want = m.amplitude * s[i]; break;
        case Cell::cos: want = m.amplitude * c[i]; break;
        case Cell::angle:
          want = p * distinct[i];
          tol = floor * std::max(angle, 1e-3) + slope * angle;
          break;
        case Cell::zero: break;
      }
      note(r, j, row[j], want, tol);
      if (sin_row)
        note(v.rows + r, j, sin_row[j], m.amplitude * s[i], trig_base + slope * amp * angle);
    }
  }
  return out;
}

// --- fitting ------------------------------------------------------------------------------------

// A line y = a + b x by least squares (weights w).
struct Line {
  double a = 0, b = 0;
  bool ok = false;
};
Line fit_line(std::span<const double> x, std::span<const double> y, std::span<const double> w) {
  double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sw += w[i];
    sx += w[i] * x[i];
    sy += w[i] * y[i];
    sxx += w[i] * x[i] * x[i];
    sxy += w[i] * x[i] * y[i];
  }
  const double det = sw * sxx - sx * sx;
  if (!(sw > 0) || !(std::abs(det) > 1e-300)) return {};
  Line l;
  l.b = (sw * sxy - sx * sy) / det;
  l.a = (sy - l.b * sx) / sw;
  l.ok = std::isfinite(l.a) && std::isfinite(l.b);
  return l;
}

// A fitted frequency: radians per row, the phase at row 0 (of x = A cos(w r + phase), or for a
// sin/cos pair the angle's), the amplitude, and whether the data determine it.
struct Fit {
  double w = 0, phase = 0, amplitude = 0;
  bool good = false;
  double sigma = 1;  // how well ln w is known (its standard error, roughly)
};

// A sin/cos pair: the unwrapped atan2(sin, cos) against the row: a dense block of the first rows,
// then rows further out each unwrapped against the line so far (the line's error at twice the
// distance stays below pi), refitted after each octave.
// The sines are column `sin_col` from row `sin_row0` of the view's data, the cosines `cos_col` (a
// stacked table's sines are its second half). One function, not a template per caller: the figure's
// wasm carried it twice.
Fit fit_pair(const View& v, std::size_t sin_row0, std::size_t sin_col, std::size_t cos_col,
             std::size_t n, std::span<const char> skip, double unit) {
  const auto sines = [&](std::size_t r) {
    return double(v.data[(sin_row0 + r) * v.cols + sin_col]);
  };
  const auto cosines = [&](std::size_t r) { return double(v.at(r, cos_col)); };
  std::vector<double> x, y, wt;
  double last = 0, angle = 0, amp_sum = 0;
  bool have = false;
  std::size_t dense = std::min<std::size_t>(n, 512);
  for (std::size_t r = 0; r < dense; ++r) {
    if (skip[r]) continue;
    const double amp = std::hypot(sines(r), cosines(r));
    if (!(amp > 0.5)) continue;
    const double a = std::atan2(sines(r), cosines(r));
    angle = have ? angle + wrap_pm(a - last) : a;
    last = a;
    have = true;
    x.push_back(double(r));
    y.push_back(angle);
    wt.push_back(1);
    amp_sum += amp;
  }
  Fit f;
  if (x.size() < 2) return f;
  Line line = fit_line(x, y, wt);
  for (std::size_t from = dense; line.ok && from < n; from *= 2) {
    const std::size_t to = std::min(n, from * 2);
    for (std::size_t k = 0; k < 64; ++k) {
      const std::size_t r = from + (to - from) * k / 64;
      if (r >= n || skip[r]) continue;
      const double amp = std::hypot(sines(r), cosines(r));
      if (!(amp > 0.5)) continue;
      const double predicted = line.a + line.b * double(r);
      const double a = std::atan2(sines(r), cosines(r));
      x.push_back(double(r));
      y.push_back(predicted + wrap_pm(a - predicted));
      wt.push_back(1);
      amp_sum += amp;
    }
    line = fit_line(x, y, wt);
  }
  if (!line.ok) return f;
  f.w = line.b;
  f.phase = line.a;
  f.amplitude = amp_sum / double(x.size());
  // Determined when the angle moves by more than the values' precision over the rows.
  const double turn = std::abs(f.w) * double(x.back() - x.front());
  f.good = turn > 30 * unit;
  f.sigma = unit / std::max(turn, 1e-300);
  return f;
}

// sum x[r] (x[r-k] + x[r+k]) / (2 sum x[r]^2): cos(k w) for any A cos(w r + phase), over at most
// 16384 terms.
double cos_step(std::span<const float> x, std::size_t k, std::span<const char> skip) {
  const std::size_t n = x.size();
  if (n < 2 * k + 1) return std::numeric_limits<double>::quiet_NaN();
  const std::size_t terms = n - 2 * k;
  const std::size_t step = std::max<std::size_t>(1, terms / 16384);
  double num = 0, den = 0;
  for (std::size_t r = k; r + k < n; r += step) {
    if (skip[r] || skip[r - k] || skip[r + k]) continue;
    const double xr = x[r];
    num += xr * (double(x[r - k]) + double(x[r + k]));
    den += 2 * xr * xr;
  }
  return den > 0 ? num / den : std::numeric_limits<double>::quiet_NaN();
}

// A lone cos or sin column: its frequency from cos_step at growing strides, then its amplitude and
// phase by least squares on sampled rows.
Fit fit_column(std::span<const float> x, std::span<const char> skip, double unit) {
  Fit f;
  const std::size_t n = x.size();
  double lo = kBad, hi = -kBad;
  for (std::size_t r = 0; r < n; ++r) {
    if (skip[r]) continue;
    lo = std::min(lo, double(x[r]));
    hi = std::max(hi, double(x[r]));
  }
  if (n < 3 || !(hi - lo > 30 * unit)) return f;  // constant within its precision
  double c = cos_step(x, 1, skip);
  if (!std::isfinite(c)) return f;
  double w = std::acos(std::clamp(c, -1.0, 1.0));
  std::size_t k = 1;
  const std::size_t most = (n - 1) / 2;
  while (w > 0) {
    std::size_t kk = std::min(most, k * 8);
    if (kk <= k) break;
    if (double(kk) * w > kPi / 2) {  // land near pi/2 mod pi, where acos is best conditioned
      const double m = std::floor(double(kk) * w / kPi - 0.5);
      kk = std::min(kk, std::size_t(std::max(1.0, std::round((m + 0.5) * kPi / w))));
      if (kk <= k) break;
    }
    const double ck = cos_step(x, kk, skip);
    if (!std::isfinite(ck)) break;
    const double a = std::acos(std::clamp(ck, -1.0, 1.0));
    const double target = double(kk) * w;
    const double m1 = std::round((target - a) / kTwoPi), m2 = std::round((target + a) / kTwoPi);
    const double c1 = kTwoPi * m1 + a, c2 = kTwoPi * m2 - a;
    w = (std::abs(c1 - target) <= std::abs(c2 - target) ? c1 : c2) / double(kk);
    k = kk;
  }
  // Amplitude and phase: x ~ p cos(w r) + q sin(w r) on up to 1024 rows.
  double scc = 0, sss = 0, scs = 0, sxc = 0, sxs = 0;
  const std::size_t step = std::max<std::size_t>(1, n / 1024);
  for (std::size_t r = 0; r < n; r += step) {
    if (skip[r]) continue;
    const double cr = std::cos(w * double(r)), sr = std::sin(w * double(r));
    scc += cr * cr;
    sss += sr * sr;
    scs += cr * sr;
    sxc += x[r] * cr;
    sxs += x[r] * sr;
  }
  const double det = scc * sss - scs * scs;
  double p = 0, q = 0;
  if (std::abs(det) > 1e-12 * (scc * sss + 1e-300)) {
    p = (sxc * sss - sxs * scs) / det;
    q = (sxs * scc - sxc * scs) / det;
  } else if (scc > 0) {
    p = sxc / scc;  // w r ~ 0 everywhere: a constant
  }
  f.w = w;
  f.amplitude = std::hypot(p, q);
  f.phase = std::atan2(-q, p);  // x = A cos(w r + phase)
  f.good = w > 0 && std::isfinite(w);
  const double turn = w * double(n - 1);
  f.sigma = unit / std::max(turn * std::min(turn, 1.0), 1e-300);
  return f;
}

// The integer start s with psi_j = w_j s (mod 2 pi) for every column: the slowest column gives it
// within its period, each faster one refines it.
double solve_start(std::vector<std::pair<double, double>> wpsi) {
  std::sort(wpsi.begin(), wpsi.end());
  double s = 0;
  bool have = false;
  for (const auto& [w, psi] : wpsi) {
    if (!(w > 1e-9)) continue;
    if (!have) {
      s = wrap_pm(psi) / w;
      have = true;
      continue;
    }
    const double period = kTwoPi / w;
    const double base = psi / w;
    s = base + period * std::round((s - base) / period);
  }
  return std::max(0.0, std::round(s));
}

// x (> 0) to `digits` significant digits: the double nearest n × 10^k for the integer n nearest x /
// 10^k, as strtod reads "%.{digits}g"'s text back (10^k is exact up to 10^22 and one division or
// product rounds once). No printf or strtod: in the wasm build they are ~22 KB
// (cpp/src/number_text.hpp).
double round_significant(double x, int digits) {
  if (!(x > 0) || !std::isfinite(x)) return x;
  const int k = int(std::floor(std::log10(x))) - digits + 1;
  if (k > 22 || k < -22) return x;
  double scale = 1;
  for (int i = 0; i < std::abs(k); ++i) scale *= 10;
  return k >= 0 ? std::round(x / scale) * scale : std::round(x * scale) / scale;
}

// The fewest significant digits of x that keep error(rounded) within the error at x.
template <class Error>
double nice_number(double x, Error error, double slack = 4e-7) {
  const double at_x = error(x);
  for (int digits = 1; digits <= 7; ++digits) {
    const double y = round_significant(x, digits);
    if (y > 0 && error(y) <= at_x * 1.02 + slack) return y;
  }
  return x;
}

std::string num(double x) {
  return json::number_text(x);
}
std::string quoted(std::string_view s) {
  return json::quote(s);
}

// --- precision
// ------------------------------------------------------------------------------------

struct PrecisionFacts {
  double unit = 1e-7;        // the table's precision (relative to 1)
  std::string format;        // "bfloat16" | "float16" | "" (full precision)
  bool from_values = false;  // float32 / float64 values that are all such numbers
};

PrecisionFacts precision_of(const TensorTable& t) {
  PrecisionFacts p;
  if (t.dtype == "bfloat16") {
    p.unit = std::ldexp(1.0, -8);
    p.format = "bfloat16";
    return p;
  }
  if (t.dtype == "float16") {
    p.unit = std::ldexp(1.0, -11);
    p.format = "float16";
    return p;
  }
  bool bf16 = true, f16 = true, nontrivial = false;
  for (const float v : t.values) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &v, 4);
    if (bits & 0xffffu) bf16 = false;
    if (f16 && round_to(v, NumberFormat::float16) != double(v)) f16 = false;
    if (v != 0 && std::abs(v) != 1) nontrivial = true;
    if (!bf16 && !f16) break;
  }
  if (nontrivial && bf16) {
    p.unit = std::ldexp(1.0, -8);
    p.format = "bfloat16";
    p.from_values = true;
  } else if (nontrivial && f16) {
    p.unit = std::ldexp(1.0, -11);
    p.format = "float16";
    p.from_values = true;
  } else {
    p.unit = t.dtype == "float32" || t.dtype == "float64" ? 1e-7 : 1e-7;
  }
  return p;
}

// --- readings
// -------------------------------------------------------------------------------------

struct Candidate {
  IdentifyReading reading;
  Model model;
  double sampled = kBad;
  // the named parts, for the diagnosis
  std::string layout, frequencies, odd, pairing, rope_type = "default";
  double base = 0, theta = 0, factor = kUnset;
  std::vector<double> inv_freq;
  std::string scaling_json;  // "" or the scaling object's text
  std::string inv_format;    // "" or the format inv_freq was rounded to
};

void finish(Candidate& c, const View& v, std::span<const std::size_t> rows,
            std::span<const char> skip) {
  c.sampled = sampled_error(v, c.model, rows, skip);
  c.reading.max_error = c.sampled;
}

Error finding_error(MessageKind kind, std::vector<MessageArg> args) {
  return make_error(ErrorCode::invalid_argument, "", kind, std::move(args));
}

void add_finding(IdentifyResult& out, MessageKind kind, std::vector<MessageArg> args) {
  const Error e = finding_error(kind, std::move(args));
  out.diagnosis.push_back({e.kind, e.args, e.message});
}

// --- sinusoidal
// -----------------------------------------------------------------------------------

Model sinusoidal_model(const Spec& spec) {
  Model m;
  m.start = double(spec.start);
  m.w.resize(std::size_t(spec.d_model));
  m.cell.resize(std::size_t(spec.d_model));
  for (int j = 0; j < spec.d_model; ++j) {
    const Column col = column_of(spec, j);
    m.w[std::size_t(j)] = col.pair < 0 ? 0 : omega_of(spec, col.pair);
    m.cell[std::size_t(j)] = col.wave == Wave::sin   ? Cell::sin
                             : col.wave == Wave::cos ? Cell::cos
                                                     : Cell::zero;
  }
  return m;
}

Candidate sinusoidal_candidate(int d, const std::string& layout, const std::string& freqs,
                               const std::string& odd, double base, double start,
                               std::size_t /*rows*/) {
  SinusoidalOptions o;
  o.d_model = d;
  o.positions = 1;
  o.start = 0;
  o.base = std::clamp(base, 1.000001, 1e12);
  o.layout = layout;
  o.frequencies = freqs;
  o.odd = odd;
  Candidate c;
  const auto spec = make_spec(o);
  if (!spec) return c;
  c.model = sinusoidal_model(spec.value());
  c.model.start = start;
  c.layout = layout;
  c.frequencies = freqs;
  c.odd = d % 2 ? odd : "auto";
  c.base = o.base;
  c.reading.scheme = "sinusoidal";
  return c;
}

void name_sinusoidal(Candidate& c, int d, std::size_t rows) {
  Text o;
  o << "{\"dModel\":" << d << ",\"positions\":" << rows << ",\"start\":" << num(c.model.start)
    << ",\"base\":" << num(c.base) << ",\"layout\":" << quoted(c.layout)
    << ",\"frequencies\":" << quoted(c.frequencies) << ",\"odd\":" << quoted(c.odd) << "}";
  c.reading.options = o.str();
  c.reading.label = "sinusoidal " + c.layout + " " + c.frequencies + " base " +
                    format_number(c.base) + " start " + format_number(c.model.start);
}

// The layout whose sin/cos pairs have amplitude 1 on every sampled row.
struct SinLayout {
  std::string layout, odd;
  double deviation = kBad;
};

SinLayout best_sin_layout(const View& v, std::span<const std::size_t> rows,
                          std::span<const char> skip) {
  SinLayout best;
  const int d = int(v.cols);
  for (const char* layout : {"interleaved", "split", "split_cos_first"}) {
    for (const char* odd : {"zero_column", "extra_sine"}) {
      if (d % 2 == 0 && std::string(odd) == "extra_sine") continue;
      double worst = 0;
      // pairs by the layout: sin column and cos column of each pair
      SinusoidalOptions o{double(d), 1, 0, 10000, layout, "paper", odd};
      const Spec spec = make_spec(o).value();
      std::vector<int> sin_col(std::size_t(spec.frequency_count()), -1),
          cos_col(std::size_t(spec.frequency_count()), -1);
      bool zero_ok = true;
      for (int j = 0; j < d; ++j) {
        const Column col = column_of(spec, j);
        if (col.wave == Wave::sin) sin_col[std::size_t(col.pair)] = j;
        if (col.wave == Wave::cos) cos_col[std::size_t(col.pair)] = j;
        if (col.wave == Wave::zero) {
          for (const std::size_t r : rows)
            if (!skip[r] && v.at(r, std::size_t(j)) != 0) zero_ok = false;
        }
      }
      if (!zero_ok) continue;
      for (const std::size_t r : rows) {
        if (skip[r]) continue;
        for (int i = 0; i < spec.pairs(); ++i) {
          const double s = v.at(r, std::size_t(sin_col[std::size_t(i)]));
          const double cc = v.at(r, std::size_t(cos_col[std::size_t(i)]));
          worst = std::max(worst, std::abs(s * s + cc * cc - 1));
        }
      }
      if (worst < best.deviation) best = {layout, odd, worst};
    }
  }
  return best;
}

}  // namespace

double identify_tolerance(double unit, double amplitude, double angle) {
  return std::max(unit, 1e-7) * std::max(amplitude, 1e-3) * 2 +
         std::ldexp(1.0, -22) * std::abs(angle);
}

IdentifyAgainst against_layer_type(const LayerTypeReading& layer) {
  IdentifyAgainst a;
  a.kind = IdentifyAgainst::Kind::rope;
  a.theta = layer.theta;
  a.inv_freq = layer.scaled.inv_freq;
  a.attention_scaling = layer.scaled.attention_scaling;
  a.rotary_dim = layer.rotary_dim;
  a.pairing = layer.pairing;
  a.rope_type = layer.rope_type;
  a.factor = layer.scaled.factor_used;
  return a;
}

Result<IdentifyAgainst> parse_against(std::string_view json_text) {
  auto parsed = json::parse(json_text, "against");
  if (!parsed) return parsed.error();
  const json::Value& v = parsed.value();
  const auto bad = [&](std::string got) {
    return make_error(ErrorCode::invalid_argument, "against", "against_kind",
                      {{"got", std::move(got)}});
  };
  if (!v.is(json::Type::object)) return bad(json::describe(v));
  IdentifyAgainst a;
  const auto number = [&](const char* key, double& out, double lo, double hi) -> Status {
    const auto* x = v.given(key);
    if (!x) return Ok{};
    if (!x->is(json::Type::number) || !(x->number >= lo && x->number <= hi)) {
      return make_error(ErrorCode::invalid_argument, key, "number_range",
                        {{"min", lo}, {"max", hi}, {"got", json::describe(*x)}});
    }
    out = x->number;
    return Ok{};
  };
  const auto text = [&](const char* key, std::string& out,
                        std::initializer_list<const char*> allowed) -> Status {
    const auto* x = v.given(key);
    if (!x) return Ok{};
    std::string list;
    for (const char* s : allowed) {
      if (x->is(json::Type::string) && x->text == s) {
        out = s;
        return Ok{};
      }
      list += (list.empty() ? "" : ", ") + std::string(s);
    }
    return make_error(ErrorCode::invalid_argument, key, "one_of",
                      {{"allowed", list}, {"got", json::describe(*x)}});
  };
  if (v.given("invFreq") || v.given("theta")) {
    a.kind = IdentifyAgainst::Kind::rope;
    if (const auto* rope = v.given("rope"); rope && rope->is(json::Type::boolean) && !rope->boolean)
      return bad("a NoPE layer type (rope: false)");
    if (auto s = number("theta", a.theta, 1, 1e12); !s) return s.error();
    if (auto s = number("attentionScaling", a.attention_scaling, 1e-3, 1e3); !s) return s.error();
    double rotary = 0, start = 0;
    if (auto s = number("rotaryDim", rotary, 0, kMaxHeadDim); !s) return s.error();
    if (auto s = number("start", start, 0, double(kMaxPosition)); !s) return s.error();
    a.start = std::floor(start);
    std::string pairing = "half";
    if (auto s = text("pairing", pairing, {"half", "interleaved"}); !s) return s.error();
    a.pairing = pairing == "half" ? Pairing::half : Pairing::interleaved;
    if (const auto* t = v.given("ropeType"); t && t->is(json::Type::string))
      a.rope_type = t->text.substr(0, 40);
    if (const auto* inv = v.given("invFreq")) {
      if (!inv->is(json::Type::array) || inv->items.empty() ||
          inv->items.size() > std::size_t(kMaxHeadDim / 2)) {
        return make_error(ErrorCode::invalid_argument, "invFreq", "list_length",
                          {{"max", double(kMaxHeadDim / 2)}, {"got", json::describe(*inv)}});
      }
      for (std::size_t i = 0; i < inv->items.size(); ++i) {
        const auto& x = inv->items[i];
        if (!x.is(json::Type::number) || !(x.number >= 0 && x.number <= 1e3)) {
          return make_error(ErrorCode::invalid_argument, "invFreq", "not_finite",
                            {{"got", json::describe(x)}, {"index", double(i)}});
        }
        a.inv_freq.push_back(x.number);
      }
    } else {
      const int r = rotary > 0 ? int(rotary) / 2 * 2 : 0;
      for (int i = 0; i < r / 2; ++i) a.inv_freq.push_back(std::pow(a.theta, -2.0 * i / r));
    }
    a.rotary_dim = rotary > 0 ? int(rotary) : int(2 * a.inv_freq.size());
    if (const auto* sc = v.given("scaling"); sc && sc->is(json::Type::object)) {
      if (const auto* f = sc->given("factor"); f && f->is(json::Type::number)) a.factor = f->number;
      if (const auto* t = sc->given("rope_type"); t && t->is(json::Type::string))
        a.rope_type = t->text.substr(0, 40);
    }
    return a;
  }
  if (v.given("layout") || v.given("frequencies") || v.given("base") || v.given("odd")) {
    a.kind = IdentifyAgainst::Kind::sinusoidal;
    if (auto s = text("layout", a.layout, {"interleaved", "split", "split_cos_first"}); !s)
      return s.error();
    if (auto s = text("frequencies", a.frequencies, {"paper", "tensor2tensor"}); !s)
      return s.error();
    if (auto s = text("odd", a.odd, {"auto", "zero_column", "extra_sine"}); !s) return s.error();
    if (auto s = number("base", a.base, 1.000001, 1e12); !s) return s.error();
    if (auto s = number("start", a.start, 0, double(kMaxPosition)); !s) return s.error();
    a.start = std::floor(a.start);
    return a;
  }
  return bad(v.keys.empty() ? std::string("an empty object")
                            : "an object with \"" + v.keys[0].substr(0, 40) + "\"");
}

namespace {

// --- RoPE
// -----------------------------------------------------------------------------------------

// Which columns carry which frequency: half (cat(freqs, freqs)), interleaved (repeat_interleave),
// or one column per frequency (Meta's freqs_cis, HF's freqs before the cat).
struct RopeColumns {
  std::string pairing;             // "half" | "interleaved" | "" (one column per frequency)
  std::vector<std::size_t> first;  // per frequency, a column that holds it
  std::vector<std::size_t> of;     // per column, its frequency
};

RopeColumns rope_columns(const View& v, std::span<const std::size_t> rows,
                         std::span<const char> skip, double tol) {
  const std::size_t c = v.cols;
  const auto same = [&](auto pair_of) {
    for (const std::size_t r : rows) {
      if (skip[r]) continue;
      for (std::size_t j = 0; j < c / 2; ++j) {
        const auto [a, b] = pair_of(j);
        if (std::abs(double(v.at(r, a)) - double(v.at(r, b))) > tol) return false;
        if (v.stacked && std::abs(double(v.sin_at(r, a)) - double(v.sin_at(r, b))) > tol)
          return false;
      }
    }
    return true;
  };
  RopeColumns out;
  out.of.resize(c);
  if (c >= 2 && c % 2 == 0 && same([&](std::size_t j) {
        return std::pair<std::size_t, std::size_t>{j, j + c / 2};
      })) {
    out.pairing = "half";
    for (std::size_t j = 0; j < c / 2; ++j) out.first.push_back(j);
    for (std::size_t j = 0; j < c; ++j) out.of[j] = j % (c / 2);
  } else if (c >= 2 && c % 2 == 0 && same([&](std::size_t j) {
               return std::pair<std::size_t, std::size_t>{2 * j, 2 * j + 1};
             })) {
    out.pairing = "interleaved";
    for (std::size_t j = 0; j < c / 2; ++j) out.first.push_back(2 * j);
    for (std::size_t j = 0; j < c; ++j) out.of[j] = j / 2;
  } else {
    for (std::size_t j = 0; j < c; ++j) {
      out.first.push_back(j);
      out.of[j] = j;
    }
  }
  return out;
}

Model rope_model(const RopeColumns& cols, std::span<const double> inv, Cell cell, double amplitude,
                 double start) {
  Model m;
  m.w.resize(cols.of.size());
  m.cell.assign(cols.of.size(), cell);
  for (std::size_t j = 0; j < cols.of.size(); ++j)
    m.w[j] = cols.of[j] < inv.size() ? inv[cols.of[j]] : 0;
  m.amplitude = amplitude;
  m.start = start;
  return m;
}

std::vector<double> default_inv(double theta, std::size_t n) {
  std::vector<double> inv(n);
  for (std::size_t i = 0; i < n; ++i) inv[i] = std::pow(theta, -double(i) / double(n));
  return inv;
}

void name_rope(Candidate& c, const RopeColumns& cols, std::size_t rows) {
  Text o;
  const std::size_t rotary = 2 * cols.first.size();
  o << "{\"theta\":" << num(c.theta)
    << ",\"pairing\":" << (cols.pairing.empty() ? std::string("null") : quoted(cols.pairing))
    << ",\"rotaryDim\":" << rotary << ",\"headDim\":" << rotary << ",\"positions\":" << rows
    << ",\"start\":" << num(c.model.start);
  if (!c.scaling_json.empty()) o << ",\"scaling\":" << c.scaling_json;
  o << "}";
  c.reading.options = o.str();
  c.reading.scheme = "rope";
  c.pairing = cols.pairing;
  c.reading.label =
      "rope theta " + format_number(c.theta) +
      (c.inv_format.empty() ? "" : " inv_freq " + c.inv_format) +
      (c.rope_type == "default" ? std::string()
                                : " " + c.rope_type + " x" + format_number(c.factor)) +
      (cols.pairing.empty() ? "" : " " + cols.pairing) + " start " + format_number(c.model.start);
}

// The scaled frequencies of a method (the engine's own function).
std::optional<ScaledRope> scaled(double theta, std::size_t n, const RopeScaling& s,
                                 double max_positions) {
  RopeSpec spec;
  spec.head_dim = spec.rotary_dim = int(2 * n);
  spec.theta = theta;
  RopeContext ctx;
  ctx.max_position_embeddings = max_positions;
  auto r = scaled_rope(spec, s, ctx);
  if (!r) return std::nullopt;
  return r.value();
}

}  // namespace

// Up to `most` indices spread evenly over [0, n), `keep` (if below n) among them.
std::vector<std::size_t> spread(std::size_t n, std::size_t most, std::size_t keep) {
  std::vector<std::size_t> out;
  for (std::size_t k = 0; k < std::min(n, most); ++k)
    out.push_back(n <= most ? k : k * (n - 1) / (most - 1));
  // ascending as written; `keep` goes in its place (no sort: each std::sort of another type is
  // ~1.2 KB of the identify figure's wasm, its budget)
  if (keep < n) out.insert(std::upper_bound(out.begin(), out.end(), keep), keep);
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// The figure's grid (IdentifyResult::preview_*): the table and, if given, the model's cells.
void fill_preview(IdentifyResult& out, const View& v, const Model* model) {
  out.preview_rows = spread(v.rows, kPreviewRows, out.has_difference ? out.diff_row : v.rows);
  out.preview_cols = spread(v.cols, kPreviewCols, out.has_difference ? out.diff_col : v.cols);
  for (const std::size_t r : out.preview_rows) {
    for (const std::size_t j : out.preview_cols) {
      out.preview_table.push_back(double(v.at(r, j)));
      if (model)
        out.preview_reference.push_back(model_value(*model, j, model->start + double(r), false));
    }
  }
}

Result<IdentifyResult> identify_table(const TensorTable& table, const IdentifyAgainst& against) {
  IdentifyResult out;
  out.format = table.format;
  out.dtype = table.dtype;
  out.shape = table.shape;
  if (table.values.size() != table.rows * table.cols || table.rows == 0 || table.cols == 0) {
    return make_error(
        ErrorCode::invalid_argument, "shape", "length_mismatch",
        {{"expected", double(table.rows * table.cols)}, {"got", double(table.values.size())}});
  }
  View v;
  v.data = table.values.data();
  v.stacked = table.stacked;
  v.rows = table.stacked ? table.rows / 2 : table.rows;
  v.cols = table.cols;
  const PrecisionFacts precision = precision_of(table);
  const double unit = precision.unit;

  // Rows: all-zero ones are left out of the fits (fairseq's padding row); a block of them at the
  // end is a table that stops early.
  std::vector<char> skip(v.rows, 0);
  std::size_t used = v.rows, zero_inside = 0, first_zero = 0;
  for (std::size_t r = 0; r < v.rows; ++r) {
    bool zero = true;
    for (std::size_t j = 0; j < v.cols && zero; ++j) zero = v.at(r, j) == 0;
    skip[r] = zero && r > 0;
  }
  while (used > 1 && skip[used - 1]) --used;
  for (std::size_t r = 1; r < used; ++r) {
    if (skip[r] && zero_inside++ == 0) first_zero = r;
  }
  if (used < v.rows) {
    add_finding(
        out, "id_rows_stop",
        {{"row", double(used)}, {"zeros", double(v.rows - used)}, {"rows", double(v.rows)}});
  }
  if (zero_inside > 0) {
    add_finding(out, "id_zero_rows", {{"count", double(zero_inside)}, {"row", double(first_zero)}});
  }
  const auto rows = sample_rows(used);
  const auto quick = sample_rows(used, 128);  // the rows numbers are rounded on
  double max_abs = 0;
  for (const std::size_t r : rows)
    for (std::size_t j = 0; j < v.cols; ++j)
      max_abs = std::max(max_abs, std::abs(double(v.at(r, j))));

  std::vector<Candidate> cands;
  // Differences below this are the table's own noise (its precision, float32 angles): numbers are
  // rounded as long as the reading stays within it.
  const double noise = identify_tolerance(unit, 1, double(used));

  RopeColumns rc;
  std::vector<Fit> fits;  // per frequency (RoPE) or pair (sinusoidal)
  double amplitude = 1;
  Cell rope_cell = Cell::cos;
  SinLayout sl;
  if (!table.stacked && max_abs <= 1.5) sl = best_sin_layout(v, rows, skip);
  const double pair_tol = 0.02 + 4 * unit;

  if (sl.deviation <= pair_tol) {
    // --- sinusoidal: the pairs' angles -----------------------------------------------------------
    out.kind = "sinusoidal";
    const int d = int(v.cols);
    // split and split_cos_first pair the same columns: the angle runs backwards in the wrong one.
    int h = 0;
    for (int attempt = 0; attempt < 2; ++attempt) {
      const Spec spec = make_spec({double(d), 1, 0, 10000, sl.layout, "paper", sl.odd}).value();
      std::vector<int> sin_col(std::size_t(spec.pairs()), -1),
          cos_col(std::size_t(spec.pairs()), -1);
      for (int j = 0; j < d; ++j) {
        const Column col = column_of(spec, j);
        if (col.pair >= spec.pairs()) continue;
        if (col.wave == Wave::sin) sin_col[std::size_t(col.pair)] = j;
        if (col.wave == Wave::cos) cos_col[std::size_t(col.pair)] = j;
      }
      h = spec.pairs();
      fits.assign(std::size_t(h), Fit{});
      int backwards = 0;
      for (int i = 0; i < h; ++i) {
        fits[std::size_t(i)] = fit_pair(v, 0, std::size_t(sin_col[std::size_t(i)]),
                                        std::size_t(cos_col[std::size_t(i)]), used, skip, unit);
        if (fits[std::size_t(i)].w < 0) ++backwards;
      }
      if (2 * backwards <= h || sl.layout == "interleaved") break;
      sl.layout = sl.layout == "split" ? "split_cos_first" : "split";
    }
    // ln w_i = -k i through w_0 = 1 (every sinusoidal rule), weighted by how well w_i is known.
    double sxy = 0, sxx = 0;
    std::vector<std::pair<double, double>> wpsi;
    for (int i = 1; i < h; ++i) {
      const Fit& f = fits[std::size_t(i)];
      if (!f.good || !(f.w > 0)) continue;
      const double weight = std::min(1.0, f.w * double(used));
      sxy += weight * weight * double(i) * -std::log(f.w);
      sxx += weight * weight * double(i) * double(i);
    }
    for (const Fit& f : fits)
      if (f.good && f.w > 0) wpsi.push_back({f.w, f.phase});
    const double k = sxx > 0 ? sxy / sxx : std::log(10000.0) * 2 / std::max(d, 2);
    const double start = solve_start(wpsi);
    const double base_t2t = std::exp(k * std::max(h - 1, 1));
    for (const char* layout : {"interleaved", "split", "split_cos_first"}) {
      for (const char* freqs : {"paper", "tensor2tensor"}) {
        for (const char* odd : {"zero_column", "extra_sine"}) {
          if (d % 2 == 0 && std::string(odd) == "extra_sine") continue;
          const bool same_layout = layout == sl.layout && odd == sl.odd;
          if (!same_layout && std::string(freqs) == "tensor2tensor") continue;  // one per layout
          double base = std::string(freqs) == "paper"
                            ? (std::string(odd) == "extra_sine" && d % 2 ? std::exp(k * d / 2)
                                                                         : std::exp(k * h))
                            : base_t2t;
          const auto err = [&](double b) {
            auto c = sinusoidal_candidate(d, layout, freqs, odd, b, start, used);
            return sampled_error(v, c.model, quick, skip);
          };
          if (std::isfinite(base) && base > 1) base = nice_number(base, err, noise);
          Candidate c = sinusoidal_candidate(d, layout, freqs, odd, base, start, used);
          if (c.reading.scheme.empty()) continue;
          name_sinusoidal(c, d, v.rows);
          finish(c, v, rows, skip);
          cands.push_back(std::move(c));
        }
      }
    }
  } else if (max_abs > 1.5) {
    // --- angles: each column a line through the start ------------------------------------------
    out.kind = "rope_angles";
    rope_cell = Cell::angle;
    const double tol = 1e-6 * max_abs + 1e-6;
    rc = rope_columns(v, rows, skip, tol);
    fits.resize(rc.first.size());
    for (std::size_t i = 0; i < rc.first.size(); ++i) {
      const std::size_t col = rc.first[i];
      std::vector<double> xs, ys, ws;
      const std::size_t step = std::max<std::size_t>(1, used / 4096);
      for (std::size_t r = 0; r < used; r += step) {
        if (skip[r]) continue;
        xs.push_back(double(r));
        ys.push_back(v.at(r, col));
        ws.push_back(1);
      }
      const Line l = fit_line(xs, ys, ws);
      fits[i].w = l.b;
      fits[i].phase = l.a;
      fits[i].amplitude = 1;
      fits[i].good = l.ok && l.b > 0 && l.b * double(used) > 30 * unit * max_abs;
      fits[i].sigma = unit * max_abs / std::max(l.b * double(used), 1e-300);
    }
  } else {
    // --- RoPE cos or sin tables ------------------------------------------------------------------
    rc = rope_columns(v, rows, skip, 4 * unit + 1e-7);
    fits.resize(rc.first.size());
    // The distinct columns, one after another (one pass over the rows: the recurrence reads each
    // column at many strides). The first 32,768 rows are plenty: strides up to 10,922 turn even
    // theta 10^6's slowest pair by a few hundredths of a radian.
    const std::size_t fit_rows = std::min<std::size_t>(used, 32768);
    std::vector<float> columns;
    if (!table.stacked) {
      columns.resize(rc.first.size() * fit_rows);
      for (std::size_t r0 = 0; r0 < fit_rows; r0 += 64) {  // blocks of rows
        const std::size_t r1 = std::min(fit_rows, r0 + 64);
        for (std::size_t i = 0; i < rc.first.size(); ++i)
          for (std::size_t r = r0; r < r1; ++r) columns[i * fit_rows + r] = v.at(r, rc.first[i]);
      }
    }
    for (std::size_t i = 0; i < rc.first.size(); ++i) {
      const std::size_t j = rc.first[i];
      if (table.stacked) {
        fits[i] = fit_pair(v, v.rows, j, j, used, skip, unit);
      } else {
        fits[i] =
            fit_column(std::span<const float>(columns).subspan(i * fit_rows, fit_rows), skip, unit);
      }
    }
    // The amplitude: the median of the determined columns'.
    std::vector<double> amps;
    for (const Fit& f : fits)
      if (f.good) amps.push_back(f.amplitude);
    if (!amps.empty()) {
      std::nth_element(amps.begin(), amps.begin() + long(amps.size() / 2), amps.end());
      amplitude = amps[amps.size() / 2];
    }
    out.kind = table.stacked ? "rope_cos" : "rope_cos";  // cos or sin: decided below
  }

  if (out.kind != "sinusoidal") {
    // --- the frequency family
    // ---------------------------------------------------------------------
    const std::size_t n = rc.first.size();
    std::vector<double> lw(n, 0), wt(n, 0), xi(n, 0), sig(n, 1);
    std::size_t good = 0;
    for (std::size_t i = 0; i < n; ++i) {
      xi[i] = double(i) / double(n);
      if (fits[i].good && fits[i].w > 0) {
        lw[i] = std::log(fits[i].w);
        const double sigma = std::max(fits[i].sigma, 1e-7);
        wt[i] = sigma < 0.05 ? 1 / std::pow(std::max(sigma, 1e-5), 2) : 0;
        sig[i] = sigma;
        ++good;
      }
    }
    const std::size_t fast = std::max<std::size_t>(2, n / 4);
    std::vector<double> fx, fy, fw;
    for (std::size_t i = 0; i < std::min(n, fast); ++i)
      if (wt[i] > 0) {
        fx.push_back(xi[i]);
        fy.push_back(lw[i]);
        fw.push_back(wt[i]);
      }
    Line line = fit_line(fx, fy, fw);
    // Through w_0 = 1: the default rule.
    double sxy = 0, sxx = 0;
    for (std::size_t i = 0; i < fx.size(); ++i) {
      sxy += fw[i] * fx[i] * -fy[i];
      sxx += fw[i] * fx[i] * fx[i];
    }
    const double theta0 = sxx > 0 ? std::exp(sxy / sxx) : 10000;
    const double fit_theta = line.ok ? std::exp(-line.b) : theta0;
    const double lin_factor = line.ok ? std::exp(-line.a) : 1;
    // The start from the fitted phases (cos: psi = phase; sin: psi = phase + pi/2; angles: the
    // intercept over the slope).
    std::vector<std::pair<double, double>> wpsi_cos, wpsi_sin;
    double angle_start = 0;
    if (rope_cell == Cell::angle) {
      double best_w = 0;
      for (const Fit& f : fits)
        if (f.good && f.w > best_w) {
          best_w = f.w;
          angle_start = std::max(0.0, std::round(f.phase / f.w));
        }
    }
    for (const Fit& f : fits) {
      if (!f.good || !(f.w > 0)) continue;
      wpsi_cos.push_back({f.w, f.phase});
      wpsi_sin.push_back({f.w, f.phase + kPi / 2});
    }
    const double start_cos = rope_cell == Cell::angle ? angle_start : solve_start(wpsi_cos);
    const double start_sin = solve_start(wpsi_sin);

    // cos or sin: the one the fitted frequencies themselves rebuild better
    Cell cell = rope_cell;
    double start = start_cos;
    if (rope_cell == Cell::cos && !table.stacked) {
      std::vector<double> free(n);
      for (std::size_t i = 0; i < n; ++i) free[i] = fits[i].good ? fits[i].w : 0;
      const Model mc = rope_model(rc, free, Cell::cos, amplitude, start_cos);
      const Model ms = rope_model(rc, free, Cell::sin, amplitude, start_sin);
      if (sampled_error(v, ms, rows, skip) < sampled_error(v, mc, rows, skip)) {
        cell = Cell::sin;
        start = start_sin;
      }
    }
    const auto make = [&](double theta, const std::vector<double>& inv, double amp,
                          std::string type, double factor, std::string scaling_json) {
      Candidate c;
      c.theta = theta;
      c.inv_freq = inv;
      c.rope_type = std::move(type);
      c.factor = factor;
      c.scaling_json = std::move(scaling_json);
      c.model = rope_model(rc, inv, cell, rope_cell == Cell::angle ? 1 : amp, start);
      name_rope(c, rc, v.rows);
      finish(c, v, rows, skip);
      return c;
    };
    const double amp = rope_cell == Cell::angle ? 1 : amplitude;
    // default, with theta rounded to the fewest digits that fit as well
    {
      const auto err = [&](double t) {
        return sampled_error(v, rope_model(rc, default_inv(t, n), cell, amp, start), quick, skip);
      };
      const double t = nice_number(std::clamp(theta0, 1.0001, 1e12), err, noise);
      cands.push_back(make(t, default_inv(t, n), amp, "default", kUnset, ""));
      // inv_freq rounded to bfloat16 or float16 before the angles (a model cast whole): theta at
      // 1 to 3 significant digits, the frequencies rounded.
      const double exact = cands.back().sampled;
      std::optional<Candidate> rounded;
      for (const NumberFormat f : {NumberFormat::bfloat16, NumberFormat::float16}) {
        for (int digits = 1; digits <= 3; ++digits) {
          const double scale = std::pow(10.0, std::floor(std::log10(theta0)) - digits + 1);
          const double tr = std::clamp(std::round(theta0 / scale) * scale, 1.0001, 1e12);
          auto inv = default_inv(tr, n);
          for (double& x : inv) x = round_to(x, f);
          if (!(sampled_error(v, rope_model(rc, inv, cell, amp, start), quick, skip) < exact / 4))
            continue;
          Candidate c = make(tr, inv, amp, "default", kUnset, "");
          c.inv_format = f == NumberFormat::bfloat16 ? "bfloat16" : "float16";
          name_rope(c, rc, v.rows);
          if (c.sampled < exact / 4 && (!rounded || c.sampled < rounded->sampled)) rounded = c;
        }
      }
      if (rounded) cands.push_back(*rounded);
    }
    // linear: every frequency divided by the factor
    if (line.ok && lin_factor > 1.01 && lin_factor < kMaxScalingFactor) {
      const auto inv_of = [&](double t, double f) {
        auto inv = default_inv(t, n);
        for (double& x : inv) x /= f;
        return inv;
      };
      const auto build = [&](double t, double f) {
        return make(t, inv_of(t, f), amp, "linear", f,
                    "{\"rope_type\":\"linear\",\"factor\":" + num(f) + "}");
      };
      const auto err = [&](double t, double f) {
        return sampled_error(v, rope_model(rc, inv_of(t, f), cell, amp, start), quick, skip);
      };
      double t = nice_number(
          std::clamp(fit_theta, 1.0001, 1e12), [&](double x) { return err(x, lin_factor); }, noise);
      const double f = nice_number(
          lin_factor, [&](double x) { return err(t, x); }, noise);
      cands.push_back(build(t, f));
    }
    // a tail divided by a factor: llama3 or YaRN, at the usual original lengths
    double tail = 0;
    for (std::size_t i = 0; i < n; ++i)
      if (sig[i] < 0.01) tail = std::min(tail, lw[i] + std::log(fit_theta) * xi[i]);
    if (tail < -0.05 && line.ok) {
      const double theta = nice_number(
          std::clamp(fit_theta, 1.0001, 1e12),
          [&](double t) {
            double e = 0;
            const auto inv = default_inv(t, n);
            for (std::size_t i = 0; i < std::min(n, fast); ++i)
              if (sig[i] < 0.01) e = std::max(e, std::abs(std::log(inv[i]) - lw[i]));
            return e;
          },
          1e-6);
      const double f = std::round(std::exp(-tail) * 4) / 4;
      struct Try {
        RopeScaling s;
        double max_positions;
        std::string json;
        double score = kBad;
      };
      std::vector<Try> tries;
      for (int e = 10; e <= 17; ++e) {
        const double orig = std::ldexp(1.0, e);
        for (const auto& [lo, hi] : {std::pair{1.0, 4.0}, {1.0, 2.0}, {1.0, 8.0}, {2.0, 4.0}}) {
          Try t;
          t.s.type = RopeScalingType::llama3;
          t.s.factor = f;
          t.s.low_freq_factor = lo;
          t.s.high_freq_factor = hi;
          t.s.original_max_position_embeddings = orig;
          t.max_positions = orig * f;
          t.json = "{\"rope_type\":\"llama3\",\"factor\":" + num(f) +
                   ",\"low_freq_factor\":" + num(lo) + ",\"high_freq_factor\":" + num(hi) +
                   ",\"original_max_position_embeddings\":" + num(orig) + "}";
          tries.push_back(t);
        }
        for (const bool truncate : {true, false}) {
          Try t;
          t.s.type = RopeScalingType::yarn;
          t.s.factor = f;
          t.s.original_max_position_embeddings = orig;
          t.s.truncate = truncate;
          t.max_positions = orig * f;
          t.json = "{\"rope_type\":\"yarn\",\"factor\":" + num(f) +
                   ",\"original_max_position_embeddings\":" + num(orig) +
                   (truncate ? "" : ",\"truncate\":false") + "}";
          tries.push_back(t);
        }
      }
      Try* best_llama = nullptr;
      Try* best_yarn = nullptr;
      for (Try& t : tries) {
        const auto r = scaled(theta, n, t.s, t.max_positions);
        if (!r) continue;
        double e = 0;
        for (std::size_t i = 0; i < n; ++i)
          if (sig[i] < 0.01) e = std::max(e, std::abs(std::log(r->inv_freq[i]) - lw[i]));
        t.score = e;
        Try*& slot = t.s.type == RopeScalingType::llama3 ? best_llama : best_yarn;
        if (!slot || e < slot->score) slot = &t;
      }
      for (Try* t : {best_llama, best_yarn}) {
        if (!t) continue;
        const auto r = scaled(theta, n, t->s, t->max_positions);
        const double a = rope_cell == Cell::angle ? 1 : r->attention_scaling;
        cands.push_back(make(theta, r->inv_freq, a,
                             t->s.type == RopeScalingType::llama3 ? "llama3" : "yarn", f, t->json));
      }
    }
    // The free fit itself is no reading; a swapped pairing is (the other duplication).
  }

  // Rank: the smallest sampled error first; equal tables (within the tolerance) keep the
  // conventional base (nearest 10^4 in log) first.
  const double same = identify_tolerance(unit, 1, 0) * 2;
  const auto base_of = [](const Candidate& c) {
    return c.reading.scheme == "sinusoidal" ? c.base : c.theta;
  };
  const auto rank = [&](const Candidate& c) {
    return std::pair{c.sampled <= noise ? 0.0 : c.sampled, std::abs(std::log(base_of(c) / 1e4))};
  };
  {
    // A stable insertion sort of a few dozen candidates: std::stable_sort's merge code was ~3.5 KB
    // of the identify figure's wasm (its budget).
    std::vector<std::pair<double, double>> ranks;
    std::vector<std::size_t> order(cands.size());
    for (std::size_t i = 0; i < cands.size(); ++i) {
      ranks.push_back(rank(cands[i]));
      order[i] = i;
    }
    for (std::size_t i = 1; i < order.size(); ++i)
      for (std::size_t j = i; j > 0 && ranks[order[j]] < ranks[order[j - 1]]; --j)
        std::swap(order[j], order[j - 1]);
    std::vector<Candidate> sorted;
    sorted.reserve(cands.size());
    for (const std::size_t i : order) sorted.push_back(std::move(cands[i]));
    cands = std::move(sorted);
  }
  // Nothing measured: constant columns, or too few rows to see any column turn.
  std::size_t determined = 0;
  for (const Fit& f : fits) determined += f.good ? 1 : 0;
  if (cands.empty() || determined == 0) {
    add_finding(out, "id_undetermined", {{"rows", double(used)}, {"cols", double(v.cols)}});
    out.kind = "unknown";
    for (std::size_t i = 0; i < cands.size() && i < 6; ++i)
      out.candidates.push_back(cands[i].reading);
    fill_preview(out, v, nullptr);
    return out;
  }
  Candidate& best = cands[0];
  const FullPass pass = full_pass(v, best.model, used, skip, unit);
  best.reading.max_error = pass.max_error;
  if (best.reading.scheme == "rope") {
    const Cell cell = best.model.cell.empty() ? Cell::cos : best.model.cell[0];
    out.kind = cell == Cell::sin ? "rope_sin" : cell == Cell::angle ? "rope_angles" : "rope_cos";
  }
  // The fastest angle the table reaches: the float32 angle error it allows.
  double w_max = 0;
  for (const double w : best.model.w) w_max = std::max(w_max, w);
  const double end_angle = (best.model.start + double(used)) * w_max;
  const bool angles = out.kind == "rope_angles";
  const double end_tol = angles
                             ? identify_tolerance(unit, end_angle, end_angle)
                             : identify_tolerance(unit, std::abs(best.model.amplitude), end_angle);
  if (!(pass.max_error <= 8 * end_tol + (angles ? 0 : 0.02))) {
    add_finding(out, "id_no_match",
                {{"tolerance", format_number(8 * end_tol + (angles ? 0 : 0.02))},
                 {"best", best.reading.label},
                 {"error", pass.max_error}});
    out.kind = "unknown";
  } else {
    out.best = best.reading;
  }
  for (std::size_t i = 1; i < cands.size() && out.candidates.size() < 6; ++i)
    out.candidates.push_back(cands[i].reading);

  // The reading that gives the same table with the other exponent rule (sinusoidal).
  if (out.best && best.reading.scheme == "sinusoidal") {
    for (std::size_t i = 1; i < cands.size(); ++i) {
      const Candidate& c = cands[i];
      if (c.layout == best.layout && c.frequencies != best.frequencies && c.sampled <= noise) {
        add_finding(out, "id_same_table",
                    {{"other", c.frequencies}, {"otherBase", c.base}, {"base", best.base}});
        break;
      }
    }
  }
  if (!precision.format.empty()) {
    add_finding(out, "id_precision", {{"format", precision.format}, {"error", pass.max_error}});
  }
  // How well theta (or base) is known from this many rows.
  {
    double m = 0;
    const std::size_t n = best.model.w.size();
    // the frequencies from the fastest down, without repeats (sorted as pairs of doubles, the one
    // std::sort the identify engine has: its budget)
    std::vector<std::pair<double, double>> sorted;
    for (const double w : best.model.w) sorted.push_back({-w, 0.0});
    std::sort(sorted.begin(), sorted.end());
    std::vector<double> distinct;
    for (const auto& [minus_w, unused] : sorted)
      if (distinct.empty() || distinct.back() != -minus_w) distinct.push_back(-minus_w);
    for (std::size_t i = 0; i < distinct.size(); ++i)
      m = std::max(m, double(i) / double(distinct.size()) * distinct[i]);
    (void)n;
    const double reach = best.model.start + double(used) - 1;
    if (m > 0 && reach > 0) {
      const double resolution = unit / (reach * m);
      if (resolution > 1e-3) {
        add_finding(out, "id_few_rows",
                    {{"rows", double(used)},
                     {"resolution", resolution},
                     {"need", std::ceil(unit / (1e-3 * m)) + 1}});
      }
    }
  }

  // --- against the reference --------------------------------------------------------------------
  std::optional<Model> reference;
  const double tol_sampled = 4 * end_tol + same;
  const auto close = [&](double e) { return e <= std::max(best.sampled * 1.5, tol_sampled); };
  if (against.kind == IdentifyAgainst::Kind::rope && best.reading.scheme == "rope") {
    const std::size_t n = rc.first.size();
    const Cell cell = best.model.cell.empty() ? Cell::cos : best.model.cell[0];
    RopeColumns ref_cols = rc;
    if (!rc.pairing.empty()) {
      ref_cols.pairing = against.pairing == Pairing::half ? "half" : "interleaved";
      for (std::size_t j = 0; j < v.cols; ++j)
        ref_cols.of[j] = ref_cols.pairing == "half" ? j % (v.cols / 2) : j / 2;
      if (ref_cols.pairing != rc.pairing) {
        add_finding(out, "id_pairing",
                    {{"got", rc.pairing},
                     {"want", ref_cols.pairing},
                     {"fix", std::string(ref_cols.pairing == "half" ? "with cat(freqs, freqs)"
                                                                    : "with repeat_interleave")}});
      }
    }
    const double ref_amp = cell == Cell::angle ? 1 : against.attention_scaling;
    reference = rope_model(ref_cols, against.inv_freq, cell, ref_amp, against.start);
    // The frequencies alone: the table's layout, amplitude and start with the reference's inv_freq.
    const double e_freq = sampled_error(
        v, rope_model(rc, against.inv_freq, cell, best.model.amplitude, best.model.start), rows,
        skip);
    if (!close(e_freq) || against.inv_freq.size() != n) {
      bool rounded = false;
      for (const NumberFormat f : {NumberFormat::bfloat16, NumberFormat::float16}) {
        std::vector<double> inv = against.inv_freq;
        double worst = 0;
        for (double& x : inv) {
          const double r = round_to(x, f);
          if (x > 0) worst = std::max(worst, std::abs(r - x) / x);
          x = r;
        }
        const double e = sampled_error(
            v, rope_model(rc, inv, cell, best.model.amplitude, best.model.start), rows, skip);
        if (!rounded && close(e) && e < e_freq / 4) {
          add_finding(
              out, "id_inv_freq_rounded",
              {{"format", std::string(f == NumberFormat::bfloat16 ? "bfloat16" : "float16")},
               {"error", worst}});
          rounded = true;
        }
      }
      if (!rounded) {
        if (std::abs(std::log(best.theta / against.theta)) > 1e-3) {
          add_finding(out, "id_theta",
                      {{"got", best.theta},
                       {"want", against.theta},
                       {"ratio", std::round(against.theta / best.theta * 1000) / 1000}});
        }
        const bool ref_scaled = against.rope_type != "default";
        const bool got_scaled = best.rope_type != "default";
        if (ref_scaled && !got_scaled) {
          add_finding(out, "id_scaling_missing",
                      {{"type", against.rope_type}, {"factor", against.factor}});
        } else if (!ref_scaled && got_scaled) {
          add_finding(out, "id_scaling_extra", {{"type", best.rope_type}, {"factor", best.factor}});
        } else if (ref_scaled && got_scaled &&
                   (against.rope_type != best.rope_type || against.factor != best.factor)) {
          add_finding(out, "id_scaling_differs",
                      {{"got", best.rope_type},
                       {"factor", best.factor},
                       {"want", against.rope_type},
                       {"wantFactor", against.factor}});
        }
      }
    }
    if (best.model.start != against.start) {
      add_finding(out, "id_offset", {{"got", best.model.start}, {"want", against.start}});
    }
    if (cell != Cell::angle &&
        std::abs(best.model.amplitude - against.attention_scaling) > 1e-3 + 2 * unit) {
      add_finding(out, "id_attention_scaling",
                  {{"got", std::round(best.model.amplitude * 1e4) / 1e4},
                   {"want", against.attention_scaling}});
    }
  } else if (against.kind == IdentifyAgainst::Kind::sinusoidal &&
             best.reading.scheme == "sinusoidal") {
    const int d = int(v.cols);
    const std::string ref_odd =
        against.odd != "auto" ? against.odd
                              : (against.frequencies == "paper" ? "extra_sine" : "zero_column");
    Candidate ref = sinusoidal_candidate(d, against.layout, against.frequencies, ref_odd,
                                         against.base, against.start, used);
    if (!ref.reading.scheme.empty()) reference = ref.model;
    if (best.layout != against.layout) {
      add_finding(out, "id_layout", {{"got", best.layout}, {"want", against.layout}});
    }
    Candidate rule = sinusoidal_candidate(d, best.layout, against.frequencies, best.odd,
                                          against.base, best.model.start, used);
    if (!rule.reading.scheme.empty() && !close(sampled_error(v, rule.model, rows, skip))) {
      if (best.frequencies != against.frequencies) {
        add_finding(out, "id_frequencies",
                    {{"got", best.frequencies},
                     {"gotBase", best.base},
                     {"want", against.frequencies},
                     {"wantBase", against.base}});
      } else {
        add_finding(out, "id_base", {{"got", best.base}, {"want", against.base}});
      }
    }
    if (d % 2 == 1 && best.odd != ref_odd) {
      add_finding(out, "id_odd", {{"got", best.odd}, {"want", ref_odd}});
    }
    if (best.model.start != against.start) {
      add_finding(out, "id_offset", {{"got", best.model.start}, {"want", against.start}});
    }
  } else if (against.kind != IdentifyAgainst::Kind::none) {
    add_finding(
        out, "id_layout",
        {{"got", out.kind},
         {"want",
          std::string(against.kind == IdentifyAgainst::Kind::rope ? "rope" : "sinusoidal")}});
  }
  // inv_freq rounded (a reading of its own, best without a reference to compare).
  if (against.kind == IdentifyAgainst::Kind::none && !best.inv_format.empty()) {
    double worst = 0;
    for (const double x : default_inv(best.theta, best.inv_freq.size())) {
      const double r = round_to(
          x, best.inv_format == "bfloat16" ? NumberFormat::bfloat16 : NumberFormat::float16);
      worst = std::max(worst, std::abs(r - x) / x);
    }
    add_finding(out, "id_inv_freq_rounded", {{"format", best.inv_format}, {"error", worst}});
  }
  // The first cell that differs: from the reference if there is one, else from the best reading.
  const FullPass diff = reference ? full_pass(v, *reference, used, skip, unit) : pass;
  if (diff.found) {
    out.has_difference = true;
    out.diff_row = diff.row;
    out.diff_col = diff.col;
    out.diff_got = diff.got;
    out.diff_want = diff.want;
  }
  fill_preview(out, v, reference ? &*reference : out.best ? &best.model : nullptr);
  return out;
}

std::string identify_json(const IdentifyResult& r, bool with_preview) {
  Text o;
  const auto reading = [&](const IdentifyReading& x) {
    o << "{\"scheme\":" << quoted(x.scheme) << ",\"options\":" << x.options
      << ",\"maxError\":" << num(x.max_error) << "}";
  };
  o << "{\"format\":" << quoted(r.format) << ",\"dtype\":" << quoted(r.dtype) << ",\"shape\":[";
  for (std::size_t i = 0; i < r.shape.size(); ++i) o << (i ? "," : "") << r.shape[i];
  o << "],\"kind\":" << quoted(r.kind) << ",\"best\":";
  if (r.best) {
    reading(*r.best);
  } else {
    o << "null";
  }
  o << ",\"candidates\":[";
  for (std::size_t i = 0; i < r.candidates.size(); ++i) {
    if (i) o << ",";
    reading(r.candidates[i]);
  }
  o << "],\"diagnosis\":[";
  for (std::size_t i = 0; i < r.diagnosis.size(); ++i) {
    const auto& f = r.diagnosis[i];
    o << (i ? "," : "") << "{\"kind\":" << quoted(f.kind) << ",\"args\":{";
    for (std::size_t k = 0; k < f.args.size(); ++k) {
      o << (k ? "," : "") << quoted(f.args[k].name) << ":";
      if (const auto* d = std::get_if<double>(&f.args[k].value)) {
        o << num(*d);
      } else {
        o << quoted(std::get<std::string>(f.args[k].value));
      }
    }
    o << "},\"message\":" << quoted(f.message) << "}";
  }
  o << "],\"firstDifference\":";
  if (r.has_difference) {
    o << "{\"row\":" << r.diff_row << ",\"col\":" << r.diff_col << ",\"got\":" << num(r.diff_got)
      << ",\"want\":" << num(r.diff_want) << "}";
  } else {
    o << "null";
  }
  if (with_preview) {
    // float32's digits: what a heatmap shows, in half the text.
    const auto list = [&](const auto& xs) {
      o << "[";
      for (std::size_t i = 0; i < xs.size(); ++i) {
        o << (i ? "," : "");
        if constexpr (std::is_same_v<std::decay_t<decltype(xs[i])>, double>) {
          o << format_float(float(xs[i]));
        } else {
          o << xs[i];
        }
      }
      o << "]";
    };
    o << ",\"preview\":{\"rows\":";
    list(r.preview_rows);
    o << ",\"cols\":";
    list(r.preview_cols);
    o << ",\"table\":";
    list(r.preview_table);
    o << ",\"reference\":";
    if (r.preview_reference.empty()) {
      o << "null";
    } else {
      list(r.preview_reference);
    }
    o << "}";
  }
  o << "}";
  return o.str();
}

std::string identify_text(const IdentifyResult& r) {
  Text o;
  o << "format: " << r.format << ", " << r.dtype << ", shape (";
  for (std::size_t i = 0; i < r.shape.size(); ++i) o << (i ? ", " : "") << r.shape[i];
  o << ")\nkind: " << r.kind << "\n";
  if (r.best) {
    o << "best: " << r.best->scheme << " " << r.best->options << "  max error "
      << format_number(r.best->max_error) << "\n";
  } else {
    o << "best: none\n";
  }
  for (const auto& c : r.candidates) {
    o << "  candidate: " << c.scheme << " " << c.options << "  max error "
      << format_number(c.max_error) << "\n";
  }
  o << "diagnosis: " << r.diagnosis.size() << "\n";
  for (const auto& f : r.diagnosis) o << "  [" << f.kind << "] " << f.message << "\n";
  if (r.has_difference) {
    o << "first difference: row " << r.diff_row << ", column " << r.diff_col << ": got "
      << format_number(r.diff_got) << ", want " << format_number(r.diff_want) << "\n";
  } else {
    o << "first difference: none\n";
  }
  return o.str();
}

namespace {

using T = ParameterType;

// pe.identifyTable's file options (its `against` is an object: identify.hpp, IdentifyAgainst).
constexpr ParameterInfo kIdentifyParameters[] = {
    {"tensor", "tensor", T::text, 0, "", 0, 0, "",
     "the safetensors tensor to read (default: the file's only one)"},
    {"bfloat16", "bfloat16", T::boolean, 0, "false", 0, 0, "",
     "read .npy uint16 data ('<u2') as bfloat16 bits"},
};

}  // namespace

Result<IdentifySample> identify_sample(std::string_view name) {
  IdentifySample out;
  Model m;
  if (name == "rope") {
    out.rows = 512;
    out.cols = 128;
    const std::vector<double> inv = default_inv(500000, out.cols / 2);
    for (std::size_t j = 0; j < out.cols; ++j) m.w.push_back(inv[j % (out.cols / 2)]);
    m.cell.assign(out.cols, Cell::cos);
    out.options = R"({"headDim":128,"theta":500000,"pairing":"half","positions":512})";
  } else if (name == "sinusoidal" || name == "fairseq") {
    const bool fairseq = name == "fairseq";
    SinusoidalOptions o;
    o.d_model = 64;
    o.positions = 256;
    o.start = fairseq ? 2 : 0;
    if (fairseq) {
      o.layout = "split";
      o.frequencies = "tensor2tensor";
    }
    const auto spec = make_spec(o);
    if (!spec) return spec.error();
    m = sinusoidal_model(spec.value());
    out.rows = 256;
    out.cols = 64;
    out.options =
        fairseq
            ? R"({"dModel":64,"positions":256,"start":2,"layout":"split","frequencies":"tensor2tensor"})"
            : R"({"dModel":64,"positions":256})";
  } else {
    return make_error(ErrorCode::invalid_argument, "name", "one_of",
                      {{"allowed", std::string("rope, sinusoidal, fairseq")},
                       {"got", std::string(name.substr(0, 40))}});
  }
  out.values.reserve(out.rows * out.cols);
  for (std::size_t r = 0; r < out.rows; ++r)
    for (std::size_t j = 0; j < out.cols; ++j)
      out.values.push_back(float(model_value(m, j, m.start + double(r), false)));
  return out;
}

const SchemeInfo& identify_scheme() {
  static const SchemeInfo info{"identify",
                               "which convention made a table (.npy, .safetensors): "
                               "pe-export --identify",
                               kIdentifyParameters, "", nullptr};
  return info;
}

}  // namespace pe
