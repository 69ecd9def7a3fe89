#include "tensor_file.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string_view>
#include <utility>

#include "rope_config/json.hpp"

namespace pe {

float half_to_float(std::uint16_t bits) {
  const int sign = (bits >> 15) & 1, exponent = (bits >> 10) & 0x1f, mantissa = bits & 0x3ff;
  float magnitude = 0;
  if (exponent == 0) {
    magnitude = std::ldexp(float(mantissa), -24);  // subnormal (or zero)
  } else if (exponent == 31) {
    magnitude = mantissa ? std::nanf("") : INFINITY;
  } else {
    magnitude = std::ldexp(float(mantissa | 0x400), exponent - 25);
  }
  return sign ? -magnitude : magnitude;
}

float bfloat16_to_float(std::uint16_t bits) {
  const std::uint32_t wide = std::uint32_t(bits) << 16;
  float out = 0;
  std::memcpy(&out, &wide, sizeof out);
  return out;
}

namespace {

// The kinds and sizes of the element types a reader meets.
struct DType {
  const char* name;  // ours: float16 | bfloat16 | float32 | float64 (others: "" = not a table)
  int size;
  bool big_endian;
};

std::string shape_text(std::span<const std::size_t> shape) {
  std::string out = "(";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    out += (i ? ", " : "") + format_number(double(shape[i]));
  }
  return out + (shape.size() == 1 ? ",)" : ")");
}

Error short_file(const char* field, std::size_t size, double need) {
  return make_error(ErrorCode::invalid_argument, field, "file_short",
                    {{"size", double(size)}, {"need", need}});
}

Error bad_field(const char* field, const char* format, const char* expected, std::string got) {
  return make_error(ErrorCode::invalid_argument, field, "file_field",
                    {{"format", std::string(format)},
                     {"expected", std::string(expected)},
                     {"got", std::move(got)}});
}

// A shape entry as a count: an integer from 0 to the value cap.
bool valid_dim(double d) {
  return std::isfinite(d) && d >= 0 && d == std::floor(d) && d <= double(kMaxTableValues);
}

// Checks the value count and the dimensions, and lays out rows x cols (TensorTable's comment).
Status lay_out(TensorTable& t) {
  double count = 1;
  for (const std::size_t d : t.shape) count *= double(d);
  if (count > double(kMaxTableValues)) {
    return make_error(ErrorCode::size_limit, "shape", "count_cap",
                      {{"max", double(kMaxTableValues)}, {"got", count}});
  }
  if (count == 0) {
    return bad_field("shape", t.format.c_str(), "a shape with no zero dimension",
                     shape_text(t.shape));
  }
  std::vector<std::size_t> kept;
  for (const std::size_t d : t.shape)
    if (d != 1) kept.push_back(d);
  if (kept.size() == 3 && kept[0] == 2) {
    t.stacked = true;
    t.rows = 2 * kept[1];
    t.cols = kept[2];
  } else if (kept.size() <= 2) {
    t.rows = kept.empty() ? 1 : kept[0];
    t.cols = kept.size() == 2 ? kept[1] : 1;
  } else {
    return make_error(ErrorCode::invalid_argument, "shape", "table_dims",
                      {{"got", shape_text(t.shape)}});
  }
  return Ok{};
}

// Decodes count elements of `type` from `data` into t.values (C order), refusing non-finite ones.
Status decode(TensorTable& t, const DType& type, const std::uint8_t* data, std::size_t count,
              bool fortran) {
  t.values.resize(count);
  const bool bf16 = std::string_view(type.name) == "bfloat16";
  const std::size_t size = std::size_t(type.size);
  // Little-endian float32 (the usual file) is copied as it is; the rest element by element.
  if (size == 4 && !type.big_endian) {
    std::memcpy(t.values.data(), data, count * 4);
  } else {
    for (std::size_t i = 0; i < count; ++i) {
      const std::uint8_t* p = data + i * size;
      std::uint64_t bits = 0;
      for (std::size_t k = 0; k < size; ++k) {
        const std::uint8_t byte = type.big_endian ? p[k] : p[size - 1 - k];
        bits = (bits << 8) | byte;
      }
      double v = 0;
      if (size == 2) {
        v = bf16 ? bfloat16_to_float(std::uint16_t(bits)) : half_to_float(std::uint16_t(bits));
      } else if (size == 4) {
        const std::uint32_t b32 = std::uint32_t(bits);
        float f = 0;
        std::memcpy(&f, &b32, 4);
        v = f;
      } else {
        std::memcpy(&v, &bits, 8);
        if (std::isfinite(v) && std::abs(v) > 3.4e38) v = INFINITY;  // beyond float32: refused
      }
      t.values[i] = static_cast<float>(v);
    }
  }
  // NaN or infinity: every exponent bit set. A branch-free pass first (it vectorises), the index
  // only when there is one.
  std::uint32_t any = 0;
  for (std::size_t i = 0; i < count; ++i) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &t.values[i], 4);
    any |= std::uint32_t((bits & 0x7f800000u) == 0x7f800000u);
  }
  for (std::size_t i = 0; any && i < count; ++i) {
    if (!std::isfinite(t.values[i])) {
      return make_error(ErrorCode::invalid_argument, "data", "not_finite",
                        {{"got", format_number(t.values[i])}, {"index", double(i)}});
    }
  }
  if (fortran && t.shape.size() > 1) {
    // Fortran order: the first index varies fastest. Reorder to C order.
    std::vector<float> c_order(count);
    const std::size_t dims = t.shape.size();
    std::vector<std::size_t> index(dims, 0);
    for (std::size_t f = 0; f < count; ++f) {
      std::size_t c = 0;
      for (std::size_t k = 0; k < dims; ++k) c = c * t.shape[k] + index[k];
      c_order[c] = t.values[f];
      for (std::size_t k = 0; k < dims; ++k) {  // next Fortran index: the first varies fastest
        if (++index[k] < t.shape[k]) break;
        index[k] = 0;
      }
    }
    t.values = std::move(c_order);
  }
  return Ok{};
}

// --- .npy: the header is a Python dict literal
// ----------------------------------------------------

struct Literal {
  std::string_view text;
  std::size_t at = 0;
  void space() {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n')) ++at;
  }
  bool eat(char c) {
    space();
    if (at < text.size() && text[at] == c) {
      ++at;
      return true;
    }
    return false;
  }
  bool string(std::string& out) {
    space();
    if (at >= text.size() || (text[at] != '\'' && text[at] != '"')) return false;
    const char quote = text[at++];
    const std::size_t begin = at;
    while (at < text.size() && text[at] != quote) {
      if (text[at] == '\\' || std::uint8_t(text[at]) < 0x20) return false;
      ++at;
    }
    if (at >= text.size()) return false;
    out.assign(text.substr(begin, at - begin));
    ++at;
    return true;
  }
  bool word(std::string_view w) {
    space();
    if (text.substr(at, w.size()) != w) return false;
    at += w.size();
    return true;
  }
  bool integer(std::size_t& out) {
    space();
    const std::size_t begin = at;
    double v = 0;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9' && at - begin < 12) {
      v = v * 10 + (text[at] - '0');
      ++at;
    }
    if (at == begin || (at < text.size() && text[at] >= '0' && text[at] <= '9')) return false;
    if (text[at - 1] == 'L') return false;
    if (!valid_dim(v)) return false;
    out = std::size_t(v);
    return true;
  }
};

Result<DType> npy_dtype(const std::string& descr, bool bfloat16) {
  const char* allowed = "<f2, >f2, <f4, >f4, <f8, >f8, <u2 / >u2 with bfloat16";
  if (descr.size() != 3 || (descr[0] != '<' && descr[0] != '>' && descr[0] != '|')) {
    return make_error(ErrorCode::invalid_argument, "descr", "one_of",
                      {{"allowed", std::string(allowed)}, {"got", descr.substr(0, 40)}});
  }
  const bool big = descr[0] == '>';
  const std::string rest = descr.substr(1);
  if (rest == "f2") return DType{"float16", 2, big};
  if (rest == "f4") return DType{"float32", 4, big};
  if (rest == "f8") return DType{"float64", 8, big};
  if (rest == "u2" && descr[0] != '|') {
    if (bfloat16) return DType{"bfloat16", 2, big};
    return make_error(ErrorCode::invalid_argument, "descr", "bfloat16_flag", {{"got", descr}});
  }
  return make_error(ErrorCode::invalid_argument, "descr", "one_of",
                    {{"allowed", std::string(allowed)}, {"got", descr}});
}

}  // namespace

Result<TensorTable> read_npy(std::span<const std::uint8_t> bytes, bool bfloat16) {
  static constexpr std::uint8_t kMagic[] = {0x93, 'N', 'U', 'M', 'P', 'Y'};
  if (bytes.size() < 10) return short_file("magic", bytes.size(), 10);
  if (!std::equal(std::begin(kMagic), std::end(kMagic), bytes.begin())) {
    return bad_field("magic", "npy", "\\x93NUMPY", "other bytes");
  }
  const int major = bytes[6];
  if (major < 1 || major > 3) {
    return bad_field("version", "npy", "1, 2 or 3", format_number(major));
  }
  const std::size_t prefix = major == 1 ? 10 : 12;
  if (bytes.size() < prefix) return short_file("header_len", bytes.size(), double(prefix));
  std::size_t header_len = bytes[8] | (std::size_t(bytes[9]) << 8);
  if (major > 1) header_len |= (std::size_t(bytes[10]) << 16) | (std::size_t(bytes[11]) << 24);
  if (header_len > std::size_t(kMaxTableHeaderBytes)) {
    return make_error(ErrorCode::size_limit, "header_len", "header_cap",
                      {{"max", double(kMaxTableHeaderBytes)}, {"got", double(header_len)}});
  }
  if (bytes.size() - prefix < header_len) {
    return short_file("header", bytes.size(), double(prefix + header_len));
  }
  const std::string_view header(reinterpret_cast<const char*>(bytes.data() + prefix), header_len);
  for (const char c : header) {
    if (std::uint8_t(c) >= 0x80 || (std::uint8_t(c) < 0x20 && c != '\n' && c != '\t'))
      return bad_field("header", "npy", "ASCII text", "a byte " + format_number(std::uint8_t(c)));
  }
  // {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }  (keys in any order, each once)
  Literal lit{header};
  std::string descr;
  int fortran = -1;
  bool have_shape = false;
  TensorTable t;
  t.format = "npy";
  if (!lit.eat('{')) return bad_field("header", "npy", "a Python dict", "no '{'");
  for (;;) {
    if (lit.eat('}')) break;
    std::string key;
    if (!lit.string(key) || !lit.eat(':'))
      return bad_field("header", "npy", "'key': value pairs", "other text");
    if (key == "descr" && descr.empty()) {
      if (!lit.string(descr) || descr.empty())
        return bad_field("descr", "npy", "a quoted dtype such as '<f4'", "another value");
    } else if (key == "fortran_order" && fortran < 0) {
      if (lit.word("True")) {
        fortran = 1;
      } else if (lit.word("False")) {
        fortran = 0;
      } else {
        return bad_field("fortran_order", "npy", "True or False", "another value");
      }
    } else if (key == "shape" && !have_shape) {
      if (!lit.eat('(')) return bad_field("shape", "npy", "a tuple of integers", "no '('");
      for (;;) {
        if (lit.eat(')')) break;
        std::size_t d = 0;
        if (!lit.integer(d)) {
          return bad_field("shape", "npy", "a tuple of integers from 0 to 2^26", "another entry");
        }
        if (t.shape.size() >= std::size_t(kMaxTableDims)) {
          return make_error(ErrorCode::invalid_argument, "shape", "count_cap",
                            {{"max", double(kMaxTableDims)}, {"got", double(t.shape.size() + 1)}});
        }
        t.shape.push_back(d);
        if (lit.eat(')')) break;
        if (!lit.eat(',')) return bad_field("shape", "npy", "a tuple of integers", "no ','");
      }
      have_shape = true;
    } else {
      std::string got(1, '"');
      got.append(key, 0, 40);
      got += '"';
      return bad_field("header", "npy", "the keys descr, fortran_order and shape, once each", got);
    }
    if (lit.eat('}')) break;
    if (!lit.eat(',')) return bad_field("header", "npy", "',' between entries", "other text");
  }
  lit.space();
  if (lit.at != header.size()) return bad_field("header", "npy", "spaces after '}'", "other text");
  if (descr.empty()) return bad_field("descr", "npy", "present", "nothing");
  if (fortran < 0) return bad_field("fortran_order", "npy", "present", "nothing");
  if (!have_shape) return bad_field("shape", "npy", "present", "nothing");
  const auto type = npy_dtype(descr, bfloat16);
  if (!type) return type.error();
  t.dtype = type.value().name;
  if (auto s = lay_out(t); !s) return s.error();
  std::size_t count = 1;
  for (const std::size_t d : t.shape) count *= d;  // checked: at most 2^26
  const double need = double(prefix + header_len) + double(count) * type.value().size;
  if (double(bytes.size()) < need) return short_file("data", bytes.size(), need);
  if (double(bytes.size()) > need) {
    return bad_field("data", "npy", "exactly the bytes the shape needs",
                     format_number(double(bytes.size()) - need) + " bytes more");
  }
  if (auto s = decode(t, type.value(), bytes.data() + prefix + header_len, count, fortran == 1); !s)
    return s.error();
  return t;
}

namespace {

// safetensors' dtypes and their sizes; ours are the float tables.
struct SafeType {
  const char* name;
  int size;
  const char* ours;
};
constexpr SafeType kSafeTypes[] = {
    {"BOOL", 1, ""},         {"U8", 1, ""},  {"I8", 1, ""},         {"F8_E4M3", 1, ""},
    {"F8_E5M2", 1, ""},      {"I16", 2, ""}, {"U16", 2, ""},        {"F16", 2, "float16"},
    {"BF16", 2, "bfloat16"}, {"I32", 4, ""}, {"U32", 4, ""},        {"F32", 4, "float32"},
    {"I64", 8, ""},          {"U64", 8, ""}, {"F64", 8, "float64"},
};

struct Entry {
  std::string name;
  const SafeType* type = nullptr;
  std::vector<std::size_t> shape;
  double begin = 0, end = 0;
};

}  // namespace

Result<TensorTable> read_safetensors(std::span<const std::uint8_t> bytes, std::string_view tensor) {
  if (bytes.size() < 8) return short_file("header_len", bytes.size(), 8);
  std::uint64_t n = 0;
  for (int k = 7; k >= 0; --k) n = (n << 8) | bytes[std::size_t(k)];
  if (n > std::uint64_t(kMaxTableHeaderBytes)) {
    return make_error(ErrorCode::size_limit, "header_len", "header_cap",
                      {{"max", double(kMaxTableHeaderBytes)}, {"got", double(n)}});
  }
  if (bytes.size() - 8 < n) return short_file("header", bytes.size(), 8 + double(n));
  const std::string_view text(reinterpret_cast<const char*>(bytes.data() + 8), std::size_t(n));
  auto parsed = json::parse(text, "header", 8);
  if (!parsed) return parsed.error();
  const json::Value& root = parsed.value();
  if (!root.is(json::Type::object))
    return bad_field("header", "safetensors", "a JSON object", json::describe(root));
  const std::size_t data_size = bytes.size() - 8 - std::size_t(n);
  std::vector<Entry> entries;
  for (std::size_t i = 0; i < root.keys.size(); ++i) {
    const auto& key = root.keys[i];
    const auto& value = root.items[i];
    if (key == "__metadata__") {
      if (!value.is(json::Type::object))
        return bad_field("__metadata__", "safetensors", "an object", json::describe(value));
      continue;
    }
    if (!value.is(json::Type::object))
      return bad_field("header", "safetensors", "an object per tensor", json::describe(value));
    Entry e;
    e.name = key;
    const auto* dtype = value.get("dtype");
    if (!dtype || !dtype->is(json::Type::string))
      return bad_field("dtype", "safetensors", "a string such as \"F32\"",
                       dtype ? json::describe(*dtype) : "nothing");
    for (const auto& t : kSafeTypes)
      if (dtype->text == t.name) e.type = &t;
    if (!e.type) {
      return make_error(ErrorCode::invalid_argument, "dtype", "one_of",
                        {{"allowed", std::string("F16, BF16, F32, F64 (and safetensors' others)")},
                         {"got", dtype->text.substr(0, 40)}});
    }
    const auto* shape = value.get("shape");
    if (!shape || !shape->is(json::Type::array))
      return bad_field("shape", "safetensors", "an array of integers",
                       shape ? json::describe(*shape) : "nothing");
    if (shape->items.size() > std::size_t(kMaxTableDims)) {
      return make_error(ErrorCode::invalid_argument, "shape", "count_cap",
                        {{"max", double(kMaxTableDims)}, {"got", double(shape->items.size())}});
    }
    double count = 1;
    for (const auto& d : shape->items) {
      if (!d.is(json::Type::number) || !valid_dim(d.number))
        return bad_field("shape", "safetensors", "integers from 0 to 2^26", json::describe(d));
      e.shape.push_back(std::size_t(d.number));
      count *= d.number;
    }
    const auto* offsets = value.get("data_offsets");
    if (!offsets || !offsets->is(json::Type::array) || offsets->items.size() != 2 ||
        !offsets->items[0].is(json::Type::number) || !offsets->items[1].is(json::Type::number))
      return bad_field("data_offsets", "safetensors", "[begin, end]",
                       offsets ? json::describe(*offsets) : "nothing");
    e.begin = offsets->items[0].number;
    e.end = offsets->items[1].number;
    const auto whole = [](double x) { return std::isfinite(x) && x >= 0 && x == std::floor(x); };
    if (!whole(e.begin) || !whole(e.end) || e.begin > e.end)
      return bad_field("data_offsets", "safetensors", "integers with begin <= end",
                       "[" + format_number(e.begin) + ", " + format_number(e.end) + "]");
    if (e.end > double(data_size))
      return short_file("data_offsets", bytes.size(), 8 + double(n) + e.end);
    if (e.end - e.begin != count * e.type->size) {
      return bad_field(
          "data_offsets", "safetensors", "end - begin = the shape's bytes",
          format_number(e.end - e.begin) + " bytes for " + format_number(count * e.type->size));
    }
    entries.push_back(std::move(e));
  }
  // By begin offset: sorted as pairs of doubles (begin, index), the one std::sort instantiation of
  // the identify engine (each other one is ~1.2 KB of the figure's wasm, its budget); offsets are
  // whole numbers below 2^53, exact in a double.
  std::vector<std::pair<double, double>> by_begin;
  for (std::size_t i = 0; i < entries.size(); ++i)
    by_begin.push_back({entries[i].begin, double(i)});
  std::sort(by_begin.begin(), by_begin.end());
  std::vector<const Entry*> order;
  for (const auto& [begin, index] : by_begin) order.push_back(&entries[std::size_t(index)]);
  for (std::size_t i = 1; i < order.size(); ++i) {
    if (order[i]->begin < order[i - 1]->end) {
      return make_error(ErrorCode::invalid_argument, "data_offsets", "file_overlap",
                        {{"first", order[i - 1]->name.substr(0, 80)},
                         {"second", order[i]->name.substr(0, 80)},
                         {"begin", order[i]->begin},
                         {"end", order[i - 1]->end}});
    }
  }
  std::string names;
  for (std::size_t i = 0; i < entries.size() && i < 8; ++i)
    names += (i ? ", " : "") + entries[i].name.substr(0, 40);
  if (entries.size() > 8) names += ", ...";
  const Entry* chosen = nullptr;
  if (tensor.empty()) {
    if (entries.size() != 1) {
      return make_error(ErrorCode::invalid_argument, "tensor", "tensor_choice",
                        {{"count", double(entries.size())}, {"names", names}});
    }
    chosen = &entries[0];
  } else {
    for (const auto& e : entries)
      if (e.name == tensor) chosen = &e;
    if (!chosen) {
      return make_error(ErrorCode::invalid_argument, "tensor", "tensor_missing",
                        {{"got", std::string(tensor.substr(0, 80))}, {"names", names}});
    }
  }
  if (!*chosen->type->ours) {
    return make_error(ErrorCode::invalid_argument, "dtype", "one_of",
                      {{"allowed", std::string("F16, BF16, F32, F64")},
                       {"got", std::string(chosen->type->name)}});
  }
  TensorTable t;
  t.format = "safetensors";
  t.dtype = chosen->type->ours;
  t.name = chosen->name;
  t.shape = chosen->shape;
  if (auto s = lay_out(t); !s) return s.error();
  std::size_t count = 1;
  for (const std::size_t d : t.shape) count *= d;
  const DType type{chosen->type->ours, chosen->type->size, false};
  if (auto s = decode(t, type, bytes.data() + 8 + std::size_t(n) + std::size_t(chosen->begin),
                      count, false);
      !s)
    return s.error();
  return t;
}

Result<TensorTable> read_table_file(std::span<const std::uint8_t> bytes, std::string_view tensor,
                                    bool bfloat16) {
  if (bytes.size() > std::size_t(kMaxTableFileBytes)) {
    return make_error(ErrorCode::size_limit, "bytes", "count_cap",
                      {{"max", double(kMaxTableFileBytes)}, {"got", double(bytes.size())}});
  }
  if (bytes.size() >= 6 && bytes[0] == 0x93 && bytes[1] == 'N') {
    if (!tensor.empty()) {
      return make_error(ErrorCode::invalid_argument, "tensor", "tensor_missing",
                        {{"got", std::string(tensor.substr(0, 80))},
                         {"names", std::string("one unnamed array (.npy)")}});
    }
    return read_npy(bytes, bfloat16);
  }
  if (bytes.size() >= 9 && bytes[8] == '{') return read_safetensors(bytes, tensor);
  std::string start;
  for (std::size_t i = 0; i < bytes.size() && i < 8; ++i) {
    static constexpr char kHex[] = "0123456789abcdef";
    start += (i ? " " : "");
    start += kHex[bytes[i] >> 4];
    start += kHex[bytes[i] & 15];
  }
  return make_error(ErrorCode::invalid_argument, "bytes", "file_kind",
                    {{"got", start.empty() ? std::string("nothing") : start}});
}

}  // namespace pe
