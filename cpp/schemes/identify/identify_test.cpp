// identifyTable's core: the readers (every .npy version, byte order, dtype and order; safetensors),
// every convention the engine computes recognised from its own tables, each named departure
// diagnosed on a seeded example, and the readers fuzzed with malformed files. Tables made by other
// people's code (tensor2tensor, fairseq, GPT-J, Hugging Face's Llama, Meta's llama) are checked by
// cli_test.py and api.test.mjs, which read tests/reference/tables/ (tests/reference/tables.py made
// them, running that code as written).
#include "identify.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "pe/sinusoidal.hpp"
#include "precision/precision.hpp"
#include "rope/rope_scaling.hpp"
#include "rope_config/json.hpp"
#include "tensor_file.hpp"

namespace {

using Bytes = std::vector<std::uint8_t>;

void put(Bytes& b, const std::string& s) {
  b.insert(b.end(), s.begin(), s.end());
}

std::uint16_t to_half(float f) {
  const double r = pe::round_to(f, pe::NumberFormat::float16);
  // exact float16 bits of r (normal numbers and zero only: tables are within [-2, 2])
  if (r == 0) return std::signbit(r) ? 0x8000 : 0;
  int e = 0;
  const double m = std::frexp(std::abs(r), &e);  // r = m 2^e, m in [0.5, 1)
  std::uint16_t bits = 0;
  if (e - 1 < -14) {
    bits = std::uint16_t(std::lround(std::abs(r) / std::ldexp(1.0, -24)));
  } else {
    bits = std::uint16_t(((e - 1 + 15) << 10) | (std::lround((m * 2 - 1) * 1024) & 0x3ff));
  }
  return std::uint16_t(bits | (r < 0 ? 0x8000 : 0));
}

std::uint16_t to_bf16(float f) {
  const double r = pe::round_to(f, pe::NumberFormat::bfloat16);
  const float g = float(r);
  std::uint32_t bits = 0;
  std::memcpy(&bits, &g, 4);
  return std::uint16_t(bits >> 16);
}

// An .npy file of a rows x cols C-order table, in any version, byte order, dtype and order.
Bytes npy(const std::vector<float>& v, std::vector<std::size_t> shape,
          const std::string& type = "f4", char order = '<', int version = 1, bool fortran = false) {
  std::string shape_text = "(";
  for (std::size_t i = 0; i < shape.size(); ++i) shape_text += std::to_string(shape[i]) + ", ";
  if (shape.size() > 1) shape_text.resize(shape_text.size() - 2);
  shape_text += ")";
  std::string header = "{'descr': '" + std::string(1, order) + type +
                       "', 'fortran_order': " + (fortran ? "True" : "False") +
                       ", 'shape': " + shape_text + ", }";
  const std::size_t prefix = version == 1 ? 10 : 12;
  while ((prefix + header.size() + 1) % 64) header += ' ';
  header += '\n';
  Bytes b = {0x93, 'N', 'U', 'M', 'P', 'Y', std::uint8_t(version), 0};
  const std::size_t n = header.size();
  b.push_back(std::uint8_t(n & 0xff));
  b.push_back(std::uint8_t(n >> 8));
  if (version > 1) {
    b.push_back(std::uint8_t(n >> 16));
    b.push_back(std::uint8_t(n >> 24));
  }
  put(b, header);
  // values in file order
  std::vector<float> file = v;
  if (fortran && shape.size() == 2) {
    for (std::size_t r = 0; r < shape[0]; ++r)
      for (std::size_t c = 0; c < shape[1]; ++c) file[c * shape[0] + r] = v[r * shape[1] + c];
  }
  for (const float f : file) {
    std::uint8_t bytes[8];
    int size = 4;
    if (type == "f4") {
      std::memcpy(bytes, &f, 4);
    } else if (type == "f8") {
      const double d = f;
      std::memcpy(bytes, &d, 8);
      size = 8;
    } else {
      const std::uint16_t h = type == "f2" ? to_half(f) : to_bf16(f);
      std::memcpy(bytes, &h, 2);
      size = 2;
    }
    if (order == '>')
      for (int k = 0; k < size / 2; ++k) std::swap(bytes[k], bytes[size - 1 - k]);
    b.insert(b.end(), bytes, bytes + size);
  }
  return b;
}

// A safetensors file of named float32 (or F16/BF16/F64) tensors.
struct Tensor {
  std::string name, dtype;
  std::vector<std::size_t> shape;
  std::vector<float> values;
};
Bytes safetensors(const std::vector<Tensor>& tensors, const std::string& extra = "") {
  std::string header = "{" + extra;
  Bytes data;
  for (const auto& t : tensors) {
    const std::size_t begin = data.size();
    for (const float f : t.values) {
      std::uint8_t bytes[8];
      int size = 4;
      if (t.dtype == "F32") {
        std::memcpy(bytes, &f, 4);
      } else if (t.dtype == "F64") {
        const double d = f;
        std::memcpy(bytes, &d, 8);
        size = 8;
      } else {
        const std::uint16_t h = t.dtype == "F16" ? to_half(f) : to_bf16(f);
        std::memcpy(bytes, &h, 2);
        size = 2;
      }
      data.insert(data.end(), bytes, bytes + size);
    }
    std::string shape;
    for (std::size_t i = 0; i < t.shape.size(); ++i) {
      if (i) shape += ",";
      shape += std::to_string(t.shape[i]);
    }
    if (header.size() > 1) header += ",";
    header += "\"" + t.name + "\":{\"dtype\":\"" + t.dtype + "\",\"shape\":[" + shape +
              "],\"data_offsets\":[" + std::to_string(begin) + "," + std::to_string(data.size()) +
              "]}";
  }
  header += "}";
  Bytes b(8, 0);
  for (int k = 0; k < 8; ++k) b[std::size_t(k)] = std::uint8_t((header.size() >> (8 * k)) & 0xff);
  put(b, header);
  b.insert(b.end(), data.begin(), data.end());
  return b;
}

std::vector<float> sinusoidal(const pe::SinusoidalOptions& o) {
  const auto spec = pe::make_spec(o);
  REQUIRE(spec.ok());
  std::vector<float> out(spec.value().element_count());
  REQUIRE(pe::sinusoidal_into(spec.value(), out).ok());
  return out;
}

// Hugging Face's cos (or sin) table of a RoPE spec, rows x rotary_dim.
std::vector<float> rope_table(const pe::RopeSpec& spec, int rows, bool sin = false,
                              std::int64_t start = 0) {
  const std::size_t n = std::size_t(rows) * std::size_t(spec.rotary_dim);
  std::vector<float> c(n), s(n);
  REQUIRE(pe::rope_tables(spec, start, rows, c, s).ok());
  return sin ? s : c;
}

pe::RopeSpec rope_spec(int rotary, double theta, const char* pairing = "half") {
  pe::RopeOptions o;
  o.head_dim = rotary;
  o.theta = theta;
  o.pairing = pairing;
  auto spec = pe::make_rope_spec(o);
  REQUIRE(spec.ok());
  return spec.value();
}

pe::IdentifyResult identify(const Bytes& file, const pe::IdentifyAgainst& against = {},
                            const std::string& tensor = "", bool bf16 = false) {
  const auto table = pe::read_table_file(file, tensor, bf16);
  REQUIRE_MESSAGE(table.ok(), (table.ok() ? "" : table.error().message));
  const auto r = pe::identify_table(table.value(), against);
  REQUIRE(r.ok());
  return r.value();
}

pe::json::Value options_of(const pe::IdentifyResult& r) {
  REQUIRE(r.best.has_value());
  auto v = pe::json::parse(r.best->options, "options");
  REQUIRE(v.ok());
  return v.value();
}

double number(const pe::json::Value& o, const char* key) {
  const auto* x = o.get(key);
  REQUIRE_MESSAGE(x, key);
  REQUIRE(x->is(pe::json::Type::number));
  return x->number;
}
std::string text(const pe::json::Value& o, const char* key) {
  const auto* x = o.get(key);
  REQUIRE_MESSAGE(x, key);
  return x->is(pe::json::Type::string) ? x->text : "null";
}

bool has_finding(const pe::IdentifyResult& r, const std::string& kind) {
  for (const auto& f : r.diagnosis)
    if (f.kind == kind) return true;
  return false;
}
double finding_arg(const pe::IdentifyResult& r, const std::string& kind, const std::string& arg) {
  for (const auto& f : r.diagnosis)
    if (f.kind == kind)
      for (const auto& a : f.args)
        if (a.name == arg && std::holds_alternative<double>(a.value))
          return std::get<double>(a.value);
  FAIL("no " << kind << "." << arg);
  return 0;
}

std::string finding_text(const pe::IdentifyResult& r, const std::string& kind,
                         const std::string& arg) {
  for (const auto& f : r.diagnosis)
    if (f.kind == kind)
      for (const auto& a : f.args)
        if (a.name == arg && std::holds_alternative<std::string>(a.value))
          return std::get<std::string>(a.value);
  return "";
}

// Resident memory in bytes (Linux; 0 elsewhere and under the sanitizers, whose shadow memory grows
// on its own).
double resident_bytes() {
#if defined(__linux__) && !defined(__SANITIZE_ADDRESS__) && !defined(__EMSCRIPTEN__)
  std::ifstream statm("/proc/self/statm");
  double pages = 0, resident = 0;
  if (statm >> pages >> resident) return resident * 4096;
#endif
  return 0;
}

pe::IdentifyAgainst against_config(const std::string& config) {
  const auto r = pe::read_rope_config(config, pe::kUnset);
  REQUIRE(r.ok());
  return pe::against_layer_type(r.value().main());
}

const char* kLlama31 =
    R"({"model_type":"llama","hidden_size":4096,"num_attention_heads":32,"num_hidden_layers":2,
    "max_position_embeddings":131072,"rope_theta":500000.0,"rope_scaling":{"factor":8.0,
    "low_freq_factor":1.0,"high_freq_factor":4.0,"original_max_position_embeddings":8192,
    "rope_type":"llama3"}})";
const char* kLlama2 =
    R"({"model_type":"llama","hidden_size":4096,"num_attention_heads":32,"num_hidden_layers":2,
    "max_position_embeddings":4096,"rope_theta":10000.0})";

}  // namespace

TEST_CASE(
    "identify: .npy versions 1 to 3, both byte orders, f2/f4/f8/bfloat16, C and Fortran order") {
  const std::vector<float> v = sinusoidal({16, 12, 0, 10000, "interleaved", "paper", "auto"});
  for (const int version : {1, 2, 3}) {
    for (const char order : {'<', '>'}) {
      for (const std::string type : {"f2", "f4", "f8", "u2"}) {
        for (const bool fortran : {false, true}) {
          CAPTURE(version);
          CAPTURE(order);
          CAPTURE(type);
          CAPTURE(fortran);
          const auto t =
              pe::read_npy(npy(v, {12, 16}, type, order, version, fortran), type == "u2");
          REQUIRE(t.ok());
          CHECK(t.value().rows == 12);
          CHECK(t.value().cols == 16);
          CHECK(t.value().dtype == (type == "f2"   ? "float16"
                                    : type == "f4" ? "float32"
                                    : type == "f8" ? "float64"
                                                   : "bfloat16"));
          const double tol = type == "f2" ? 1e-3 : type == "u2" ? 4e-3 : 0;
          for (std::size_t i = 0; i < v.size(); ++i)
            REQUIRE(std::abs(t.value().values[i] - v[i]) <= tol);
        }
      }
    }
  }
  // uint16 without the flag: refused, naming descr and saying how
  const auto no_flag = pe::read_npy(npy(v, {12, 16}, "u2"), false);
  REQUIRE_FALSE(no_flag.ok());
  CHECK(no_flag.error().parameter == "descr");
  CHECK(no_flag.error().kind == "bfloat16_flag");
  // size-1 dimensions are dropped; (2, positions, d) is cos and sin stacked
  const auto squeezed = pe::read_npy(npy(v, {1, 12, 1, 16}), false);
  REQUIRE(squeezed.ok());
  CHECK(squeezed.value().rows == 12);
  const auto three = pe::read_npy(npy(std::vector<float>(3 * 4 * 4, 0.5f), {3, 4, 4}), false);
  REQUIRE_FALSE(three.ok());
  CHECK(three.error().kind == "table_dims");
  const auto stacked = pe::read_npy(npy(std::vector<float>(2 * 4 * 4, 0.5f), {2, 4, 4}), false);
  REQUIRE(stacked.ok());
  CHECK(stacked.value().stacked);
}

TEST_CASE("identify: safetensors, one tensor by name, F16/BF16/F32/F64, every entry checked") {
  const std::vector<float> v = sinusoidal({8, 6, 0, 10000, "split", "paper", "auto"});
  for (const std::string dtype : {"F16", "BF16", "F32", "F64"}) {
    const auto file = safetensors({{"a", dtype, {6, 8}, v}, {"b", "F32", {6, 8}, v}},
                                  "\"__metadata__\":{\"format\":\"pt\"}");
    const auto t = pe::read_safetensors(file, "a");
    REQUIRE(t.ok());
    CHECK(t.value().name == "a");
    CHECK(t.value().rows == 6);
    const auto none = pe::read_safetensors(file, "");
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().kind == "tensor_choice");
    const auto missing = pe::read_safetensors(file, "c");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == "tensor_missing");
  }
  const auto only = pe::read_table_file(safetensors({{"cos", "F32", {6, 8}, v}}), "", false);
  REQUIRE(only.ok());
  CHECK(only.value().format == "safetensors");
}

TEST_CASE("identify: malformed headers are refused naming the field, before any data is read") {
  const std::vector<float> v(4 * 4, 0.25f);
  const Bytes good = npy(v, {4, 4});
  struct Case {
    Bytes file;
    const char* parameter;
    const char* kind;
  };
  std::vector<Case> cases;
  cases.push_back({Bytes(good.begin(), good.begin() + 9), "magic", "file_short"});
  cases.push_back({Bytes(good.begin(), good.end() - 1), "data", "file_short"});
  {
    Bytes b = good;
    b[6] = 4;  // version 4
    cases.push_back({b, "version", "file_field"});
  }
  {
    Bytes b = good;
    b[8] = 0xff;
    b[9] = 0xff;  // header_len past the end
    cases.push_back({b, "header", "file_short"});
  }
  {
    Bytes b = npy(v, {4, 4}, "f4", '<', 2);
    b[11] = 0x7f;  // header_len 2 GB: over the cap
    cases.push_back({b, "header_len", "header_cap"});
  }
  const auto with_header = [&](const std::string& h) {
    Bytes b = {0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, std::uint8_t(h.size()), 0};
    put(b, h);
    return b;
  };
  cases.push_back({with_header("{'descr': '<i4', 'fortran_order': False, 'shape': (4, 4), }"),
                   "descr", "one_of"});
  cases.push_back({with_header("{'descr': '<f4', 'fortran_order': Maybe, 'shape': (4, 4), }"),
                   "fortran_order", "file_field"});
  cases.push_back({with_header("{'descr': '<f4', 'fortran_order': False, 'shape': (4, -4), }"),
                   "shape", "file_field"});
  cases.push_back({with_header("{'descr': '<f4', 'fortran_order': False, 'shape': (4, 1e9), }"),
                   "shape", "file_field"});
  cases.push_back(
      {with_header("{'descr': '<f4', 'fortran_order': False, 'shape': (65536, 65536), }"), "shape",
       "count_cap"});
  cases.push_back({with_header("{'descr': '<f4', 'fortran_order': False, 'shape': (4, 0), }"),
                   "shape", "file_field"});
  cases.push_back(
      {with_header("{'descr': '<f4', 'fortran_order': False, }"), "shape", "file_field"});
  cases.push_back({with_header("{'descr': '<f4', 'fortran_order': False, 'shape': (4, 4), 'x': 1}"),
                   "header", "file_field"});
  // safetensors
  const std::vector<float> w(4, 0.5f);
  const auto st = [](const std::string& header, std::size_t data) {
    Bytes b(8, 0);
    for (int k = 0; k < 8; ++k) b[std::size_t(k)] = std::uint8_t((header.size() >> (8 * k)) & 0xff);
    put(b, header);
    b.resize(b.size() + data, 0);
    return b;
  };
  cases.push_back({st(R"({"a":{"dtype":"F32","shape":[2,2],"data_offsets":[0,32]}})", 16),
                   "data_offsets", "file_short"});
  cases.push_back({st(R"({"a":{"dtype":"F32","shape":[2,2],"data_offsets":[0,12]}})", 16),
                   "data_offsets", "file_field"});
  cases.push_back({st(R"({"a":{"dtype":"F32","shape":[2,2],"data_offsets":[8,4]}})", 16),
                   "data_offsets", "file_field"});
  cases.push_back(
      {st(R"({"a":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]},"b":{"dtype":"F32","shape":[2,2],"data_offsets":[8,24]}})",
          24),
       "data_offsets", "file_overlap"});
  cases.push_back({st(R"({"a":{"dtype":"F32","shape":[2,1e400],"data_offsets":[0,16]}})", 16),
                   "shape", "file_field"});
  cases.push_back({st(R"({"a":{"dtype":"F32","shape":[2,2.5],"data_offsets":[0,16]}})", 16),
                   "shape", "file_field"});
  cases.push_back(
      {st(R"({"a":{"dtype":"Q4","shape":[2,2],"data_offsets":[0,16]}})", 16), "dtype", "one_of"});
  cases.push_back(
      {st(R"({"a":{"dtype":"I32","shape":[2,2],"data_offsets":[0,16]}})", 16), "dtype", "one_of"});
  cases.push_back({st(R"({"a":{"dtype":"F32","shape":[2,2,2,2],"data_offsets":[0,64]}})", 64),
                   "shape", "table_dims"});
  cases.push_back({st(R"({"a":[1,2]})", 0), "header", "file_field"});
  cases.push_back({st(R"({"a":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]},})", 16),
                   "header", "bad_json"});
  {
    Bytes b = st(R"({"a":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]}})", 16);
    b[7] = 0x01;  // header length 2^56
    cases.push_back({b, "header_len", "header_cap"});
  }
  {
    Bytes b = npy(v, {4, 4});
    const float nan = std::nanf("");
    std::memcpy(b.data() + b.size() - 4, &nan, 4);
    cases.push_back({b, "data", "not_finite"});
  }
  cases.push_back({Bytes{'h', 'e', 'l', 'l', 'o'}, "bytes", "file_kind"});
  for (const auto& c : cases) {
    CAPTURE(c.parameter);
    const auto r = pe::read_table_file(c.file, "", false);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().parameter == c.parameter);
    CHECK(r.error().kind == c.kind);
    CHECK(!r.error().message.empty());
  }
}

TEST_CASE(
    "identify: every sinusoidal layout x exponent rule x odd-width rule x offset, from the "
    "engine's table") {
  int checked = 0;
  for (const int d : {64, 65}) {
    for (const char* layout : {"interleaved", "split", "split_cos_first"}) {
      for (const char* freqs : {"paper", "tensor2tensor"}) {
        for (const char* odd : {"zero_column", "extra_sine"}) {
          if (d % 2 == 0 && std::string(odd) == "extra_sine") continue;
          for (const double start : {0.0, 2.0, 1000.0}) {
            CAPTURE(d);
            const std::string layout_text = layout;
            CAPTURE(layout_text);
            const std::string freqs_text = freqs;
            CAPTURE(freqs_text);
            const std::string odd_text = odd;
            CAPTURE(odd_text);
            CAPTURE(start);
            const auto v = sinusoidal({double(d), 300, start, 10000, layout, freqs, odd});
            const auto r = identify(npy(v, {300, std::size_t(d)}));
            CHECK(r.kind == "sinusoidal");
            const auto o = options_of(r);
            CHECK(text(o, "layout") == layout);
            CHECK(text(o, "frequencies") == freqs);
            CHECK(number(o, "base") == 10000);
            CHECK(number(o, "start") == start);
            if (d % 2) CHECK(text(o, "odd") == odd);
            CHECK(r.best->max_error < 1e-5);
            CHECK_FALSE(r.has_difference);
            // the other exponent rule reads the same table with another base: named, second
            CHECK(has_finding(r, "id_same_table"));
            ++checked;
          }
        }
      }
    }
  }
  CHECK(checked == 54);
}

TEST_CASE(
    "identify: every RoPE pairing x partial rotary x scaling type at a few theta, from the "
    "engine's tables") {
  struct Scaling {
    const char* type;
    double factor;
  };
  int checked = 0;
  for (const char* pairing : {"half", "interleaved"}) {
    for (const int rotary : {128, 32}) {  // 32: a partial rotary table (rotary_dim columns)
      for (const double theta : {10000.0, 500000.0, 1000000.0}) {
        for (const Scaling sc : {Scaling{"default", 1}, Scaling{"linear", 4}, Scaling{"llama3", 8},
                                 Scaling{"yarn", 4}, Scaling{"ntk", 4}, Scaling{"dynamic", 2}}) {
          const std::string pairing_text = pairing;
          CAPTURE(pairing_text);
          CAPTURE(rotary);
          CAPTURE(theta);
          const std::string type_text = sc.type;
          CAPTURE(type_text);
          pe::RopeSpec spec = rope_spec(rotary, theta, pairing);
          pe::RopeScaling s;
          pe::RopeContext ctx;
          const auto type = pe::parse_rope_scaling_type(sc.type);
          REQUIRE(type.ok());
          s.type = type.value();
          s.factor = sc.factor;
          ctx.max_position_embeddings = 32768;
          ctx.sequence_length = 65536;  // dynamic: twice the length, a new theta
          if (s.type == pe::RopeScalingType::llama3) {
            s.low_freq_factor = 1;
            s.high_freq_factor = 4;
            s.original_max_position_embeddings = 8192;
          }
          if (s.type == pe::RopeScalingType::yarn) s.original_max_position_embeddings = 8192;
          const auto scaled = pe::scaled_rope(spec, s, ctx);
          REQUIRE(scaled.ok());
          spec.scaled_inv_freq = scaled.value().inv_freq;
          spec.attention_scaling = scaled.value().attention_scaling;
          const int rows = s.type == pe::RopeScalingType::standard ? 512 : 4096;
          const bool sin = checked % 3 == 1;
          const auto v = rope_table(spec, rows, sin, 0);
          const auto r = identify(npy(v, {std::size_t(rows), std::size_t(rotary)}));
          CHECK(r.kind == (sin ? "rope_sin" : "rope_cos"));
          const auto o = options_of(r);
          CHECK(text(o, "pairing") == pairing);
          CHECK(number(o, "rotaryDim") == rotary);
          CHECK(number(o, "start") == 0);
          // within the tolerance the API states (float32 angles: 2^-22 |angle|)
          CHECK(r.best->max_error <= pe::identify_tolerance(1e-7, 1, rows));
          const auto* scaling = o.get("scaling");
          const std::string named = scaling ? text(*scaling, "rope_type") : "default";
          if (s.type == pe::RopeScalingType::ntk || s.type == pe::RopeScalingType::dynamic) {
            // fixed or dynamic NTK: a plain RoPE of another theta (what the table holds)
            CHECK(named == "default");
            const double effective = std::pow(scaled.value().inv_freq[1], -double(rotary) / 2);
            CHECK(std::abs(number(o, "theta") / effective - 1) < 1e-4);
          } else {
            CHECK(named == sc.type);
            CHECK(number(o, "theta") == theta);
            if (scaling) CHECK(number(*scaling, "factor") == sc.factor);
          }
          ++checked;
        }
      }
    }
  }
  CHECK(checked == 72);
}

TEST_CASE(
    "identify: angles tables, stacked cos and sin, Meta-style one column per frequency, a start") {
  const auto spec = rope_spec(64, 10000);
  // angles: p * w for each of the 32 frequencies (HF's freqs before the cat)
  std::vector<float> angles(200 * 32);
  for (int r = 0; r < 200; ++r)
    for (int i = 0; i < 32; ++i)
      angles[std::size_t(r * 32 + i)] = float((r + 7) * std::pow(10000.0, -i / 32.0));
  auto r = identify(npy(angles, {200, 32}));
  CHECK(r.kind == "rope_angles");
  auto o = options_of(r);
  CHECK(number(o, "theta") == 10000);
  CHECK(number(o, "start") == 7);
  CHECK(number(o, "rotaryDim") == 64);
  // stacked (2, positions, d), as pe-export --config writes
  std::vector<float> both = rope_table(spec, 300, false, 5);
  const auto sin = rope_table(spec, 300, true, 5);
  both.insert(both.end(), sin.begin(), sin.end());
  r = identify(npy(both, {2, 300, 64}));
  CHECK(r.kind == "rope_cos");
  o = options_of(r);
  CHECK(number(o, "start") == 5);
  CHECK(text(o, "pairing") == "half");
}

TEST_CASE("identify: float16 and bfloat16 copies are recognised, the precision named") {
  const auto spec = rope_spec(64, 500000);
  const auto v = rope_table(spec, 1024);
  for (const std::string type : {"f2", "u2"}) {
    const auto r = identify(npy(v, {1024, 64}, type), {}, "", type == "u2");
    CHECK(r.kind == "rope_cos");
    CHECK(number(options_of(r), "theta") == 500000);
    REQUIRE(has_finding(r, "id_precision"));
    CHECK(finding_text(r, "id_precision", "format") == (type == "f2" ? "float16" : "bfloat16"));
  }
  // float32 values that are all bfloat16 numbers (a bf16 cache upcast): the precision is named too
  std::vector<float> rounded(v.size());
  for (std::size_t i = 0; i < v.size(); ++i)
    rounded[i] = float(pe::round_to(v[i], pe::NumberFormat::bfloat16));
  const auto r = identify(npy(rounded, {1024, 64}));
  CHECK(number(options_of(r), "theta") == 500000);
  CHECK(has_finding(r, "id_precision"));
  const auto sv = sinusoidal({64, 512, 0, 10000, "interleaved", "paper", "auto"});
  const auto s16 = identify(safetensors({{"pe", "BF16", {512, 64}, sv}}));
  CHECK(text(options_of(s16), "layout") == "interleaved");
  CHECK(has_finding(s16, "id_precision"));
}

TEST_CASE("identify: each named departure is diagnosed on a seeded example") {
  const auto llama2 = against_config(kLlama2);  // theta 10^4, half pairs, no scaling
  SUBCASE("swapped pairing: an interleaved cos table where half pairs are meant") {
    const auto r =
        identify(npy(rope_table(rope_spec(128, 10000, "interleaved"), 512), {512, 128}), llama2);
    REQUIRE(has_finding(r, "id_pairing"));
    CHECK_FALSE(has_finding(r, "id_theta"));
    REQUIRE(r.has_difference);
    CHECK(r.diff_row == 1);  // row 0 is cos(0) = 1 in either layout
  }
  SUBCASE("theta off by x10") {
    const auto r = identify(npy(rope_table(rope_spec(128, 100000), 512), {512, 128}), llama2);
    REQUIRE(has_finding(r, "id_theta"));
    CHECK(finding_arg(r, "id_theta", "got") == 100000);
    CHECK(finding_arg(r, "id_theta", "ratio") == doctest::Approx(0.1));
  }
  SUBCASE("llama3 scaling dropped (an old loader)") {
    const auto llama31 = against_config(kLlama31);
    const auto r = identify(npy(rope_table(rope_spec(128, 500000), 4096), {4096, 128}), llama31);
    REQUIRE(has_finding(r, "id_scaling_missing"));
    CHECK_FALSE(has_finding(r, "id_theta"));
    // and the table with the scaling matches the config
    auto spec = rope_spec(128, 500000);
    spec.scaled_inv_freq = llama31.inv_freq;
    const auto ok = identify(npy(rope_table(spec, 4096), {4096, 128}), llama31);
    CHECK(ok.diagnosis.empty());
    CHECK_FALSE(ok.has_difference);
  }
  SUBCASE("an offset of 2 (fairseq's positions from padding_idx + 1)") {
    const auto r =
        identify(npy(rope_table(rope_spec(128, 10000), 512, false, 2), {512, 128}), llama2);
    REQUIRE(has_finding(r, "id_offset"));
    CHECK(finding_arg(r, "id_offset", "got") == 2);
    CHECK(finding_arg(r, "id_offset", "want") == 0);
    pe::IdentifyAgainst sin;
    sin.kind = pe::IdentifyAgainst::Kind::sinusoidal;
    sin.layout = "split";
    sin.frequencies = "tensor2tensor";
    const auto s = identify(
        npy(sinusoidal({64, 128, 2, 10000, "split", "tensor2tensor", "auto"}), {128, 64}), sin);
    REQUIRE(has_finding(s, "id_offset"));
    CHECK_FALSE(has_finding(s, "id_frequencies"));
  }
  SUBCASE("inv_freq computed in bfloat16") {
    auto spec = rope_spec(128, 10000);
    spec.scaled_inv_freq = pe::rope_inv_freq(spec);
    for (double& w : spec.scaled_inv_freq) w = pe::round_to(w, pe::NumberFormat::bfloat16);
    const auto table = npy(rope_table(spec, 512), {512, 128});
    const auto r = identify(table, llama2);
    REQUIRE(has_finding(r, "id_inv_freq_rounded"));
    CHECK_FALSE(has_finding(r, "id_theta"));
    const auto alone = identify(table);  // without a reference: named too
    CHECK(has_finding(alone, "id_inv_freq_rounded"));
    CHECK(number(options_of(alone), "theta") == 10000);
  }
  SUBCASE("tensor2tensor's exponent where the paper's was meant, and another layout") {
    pe::IdentifyAgainst paper;
    paper.kind = pe::IdentifyAgainst::Kind::sinusoidal;
    const auto r = identify(
        npy(sinusoidal({64, 128, 0, 10000, "split", "tensor2tensor", "auto"}), {128, 64}), paper);
    CHECK(has_finding(r, "id_layout"));
    CHECK(has_finding(r, "id_frequencies"));
  }
  SUBCASE("rows that stop early, and a zero row inside") {
    auto v = rope_table(rope_spec(64, 10000), 300);
    std::fill(v.begin() + 200 * 64, v.end(), 0.0f);
    std::fill(v.begin() + 64, v.begin() + 128, 0.0f);  // row 1
    const auto r = identify(npy(v, {300, 64}));
    CHECK(number(options_of(r), "theta") == 10000);
    CHECK(finding_arg(r, "id_rows_stop", "row") == 200);
    CHECK(finding_arg(r, "id_zero_rows", "row") == 1);
  }
}

TEST_CASE("identify: a table that determines no frequency is unknown, not a guess") {
  const auto zeros = identify(npy(std::vector<float>(10 * 8, 0.0f), {10, 8}));
  CHECK(zeros.kind == "unknown");
  CHECK_FALSE(zeros.best.has_value());
  CHECK(has_finding(zeros, "id_undetermined"));
  const auto one_row = identify(npy(std::vector<float>(8, 1.0f), {1, 8}));
  CHECK(one_row.kind == "unknown");
  std::vector<float> noise(100 * 32);
  std::mt19937 rng(5);
  for (float& x : noise) x = float(std::uniform_real_distribution<double>(-1, 1)(rng));
  const auto random = identify(npy(noise, {100, 32}));
  CHECK(random.kind == "unknown");
  CHECK(has_finding(random, "id_no_match"));
}

TEST_CASE("identify: how many rows tell theta apart (the accuracy README states)") {
  // float32: 4 rows tell 10^4 from 1.001 x 10^4 already; bfloat16 needs ~100.
  for (const double theta : {10000.0, 500000.0}) {
    const auto exact = identify(npy(rope_table(rope_spec(128, theta), 4), {4, 128}));
    CHECK(number(options_of(exact), "theta") == theta);
    const auto coarse =
        identify(npy(rope_table(rope_spec(128, theta), 4), {4, 128}, "u2"), {}, "", true);
    CHECK(has_finding(coarse, "id_few_rows"));
    const auto enough =
        identify(npy(rope_table(rope_spec(128, theta), 256), {256, 128}, "u2"), {}, "", true);
    CHECK(number(options_of(enough), "theta") == theta);
    CHECK_FALSE(has_finding(enough, "id_few_rows"));
  }
}

TEST_CASE(
    "identify: fuzzing the readers with 10,000 malformed files gives only PEErrors, fast, in flat "
    "memory") {
  std::mt19937 rng(20261206);
  const auto v = sinusoidal({8, 24, 0, 10000, "interleaved", "paper", "auto"});
  const std::vector<Bytes> seeds = {
      npy(v, {24, 8}), npy(v, {24, 8}, "f2", '>', 2, true), npy(v, {24, 8}, "f8", '<', 3),
      safetensors({{"cos", "F32", {24, 8}, v}, {"sin", "BF16", {24, 8}, v}}),
      safetensors({{"t", "F16", {1, 24, 8}, v}})};
  double slowest = 0, resident_early = 0;
  int refused = 0, read = 0;
  for (int n = 0; n < 10000; ++n) {
    if (n == 1000) resident_early = resident_bytes();
    Bytes b = seeds[std::size_t(n) % seeds.size()];
    const int how = int(rng() % 6);
    const std::size_t at = rng() % b.size();
    if (how == 0) {
      b.resize(at);  // truncated
    } else if (how == 1) {
      for (int k = 0; k < 1 + int(rng() % 4); ++k) b[rng() % b.size()] = std::uint8_t(rng());
    } else if (how == 2) {  // a digit of the header changed (shapes, offsets, lengths)
      for (std::size_t i = at; i < std::min(b.size(), at + 200); ++i) {
        if (b[i] >= '0' && b[i] <= '9') {
          b[i] = std::uint8_t('0' + rng() % 10);
          if (rng() % 3 == 0) b.insert(b.begin() + long(i), std::uint8_t('0' + rng() % 10));
          break;
        }
      }
    } else if (how == 3) {  // the length prefix
      const std::size_t k = b[0] == 0x93 ? 8 + rng() % 2 : rng() % 8;
      b[k] = std::uint8_t(rng());
    } else if (how == 4) {  // bytes inserted or removed inside the header
      if (rng() % 2) {
        b.insert(b.begin() + long(std::min(at, std::size_t(60))), std::uint8_t(rng()));
      } else if (b.size() > 20) {
        b.erase(b.begin() + long(std::min(at, b.size() - 1)));
      }
    } else {  // a data value made NaN or huge
      const float bad = rng() % 2 ? std::nanf("") : 3e38f;
      if (b.size() >= 4)
        std::memcpy(b.data() + b.size() - 4 - (rng() % 8) * 4 % (b.size() - 3), &bad, 4);
    }
    const auto t0 = std::chrono::steady_clock::now();
    const auto table = pe::read_table_file(b, (n % 5 == 3) ? "cos" : "", n % 2 == 1);
    if (table.ok()) {
      const auto r = pe::identify_table(table.value(), {});
      REQUIRE(r.ok());
      ++read;
    } else {
      CHECK(!table.error().kind.empty());
      CHECK(!table.error().message.empty());
      ++refused;
    }
    slowest = std::max(
        slowest, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  MESSAGE("fuzz: " << refused << " refused, " << read << " read; slowest call " << slowest << " s");
  CHECK(refused > 5000);
  CHECK(slowest < 1.0);
  // flat memory: the last 9,000 calls add nothing that stays (0 where it cannot be measured)
  CHECK(resident_bytes() - resident_early < 16e6);
}

TEST_CASE("identify: every message kind of identify is produced (none is dead text)") {
  std::set<std::string> produced;
  const auto note = [&](const pe::IdentifyResult& r) {
    for (const auto& f : r.diagnosis) {
      CHECK(f.message.find('{') == std::string::npos);
      produced.insert(f.kind);
    }
  };
  const auto refuse = [&](const Bytes& b, const std::string& tensor = "", bool bf16 = false) {
    const auto t = pe::read_table_file(b, tensor, bf16);
    REQUIRE_FALSE(t.ok());
    produced.insert(t.error().kind);
  };
  const std::vector<float> v = sinusoidal({8, 6, 0, 10000, "split", "paper", "auto"});
  refuse(Bytes{'x', 'y'});
  const Bytes whole = npy(v, {6, 8});
  refuse(Bytes(whole.begin(), whole.end() - 3));
  refuse(npy(v, {6, 8}, "u2"));
  refuse(npy(std::vector<float>(27, 0.5f), {3, 3, 3}));
  refuse(safetensors({{"a", "F32", {6, 8}, v}, {"b", "F32", {6, 8}, v}}));
  refuse(safetensors({{"a", "F32", {6, 8}, v}}), "b");
  {
    Bytes b = npy(v, {6, 8});
    b[6] = 9;
    refuse(b);
    Bytes h = npy(v, {6, 8}, "f4", '<', 2);
    h[11] = 0x7f;
    refuse(h);
  }
  {
    const std::string header =
        R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})";
    Bytes b(8, 0);
    b[0] = std::uint8_t(header.size());
    put(b, header);
    b.resize(b.size() + 12, 0);
    refuse(b, "a");
  }
  const auto bad = pe::parse_against("{}");
  REQUIRE_FALSE(bad.ok());
  produced.insert(bad.error().kind);

  const auto llama2 = against_config(kLlama2);
  note(identify(npy(rope_table(rope_spec(128, 10000, "interleaved"), 512), {512, 128}), llama2));
  note(identify(npy(rope_table(rope_spec(128, 100000), 512, false, 2), {512, 128}), llama2));
  note(identify(npy(rope_table(rope_spec(128, 500000), 4096), {4096, 128}),
                against_config(kLlama31)));
  // llama3 where YaRN is meant; YaRN's attention scaling where none is
  auto l3 = rope_spec(128, 500000);
  l3.scaled_inv_freq = against_config(kLlama31).inv_freq;
  pe::IdentifyAgainst yarn = llama2;
  yarn.rope_type = "yarn";
  yarn.factor = 4;
  yarn.theta = 500000;
  note(identify(npy(rope_table(l3, 4096), {4096, 128}), yarn));
  note(identify(npy(rope_table(l3, 4096), {4096, 128}), llama2));
  {
    pe::RopeScaling s;
    s.type = pe::RopeScalingType::yarn;
    s.factor = 4;
    s.original_max_position_embeddings = 8192;
    auto spec = rope_spec(128, 10000);
    pe::RopeContext ctx;
    ctx.max_position_embeddings = 32768;
    const auto scaled = pe::scaled_rope(spec, s, ctx);
    REQUIRE(scaled.ok());
    spec.scaled_inv_freq = scaled.value().inv_freq;
    spec.attention_scaling = scaled.value().attention_scaling;
    note(identify(npy(rope_table(spec, 4096), {4096, 128}), llama2));
  }
  auto rounded = rope_spec(128, 10000);
  rounded.scaled_inv_freq = pe::rope_inv_freq(rounded);
  for (double& w : rounded.scaled_inv_freq) w = pe::round_to(w, pe::NumberFormat::bfloat16);
  note(identify(npy(rope_table(rounded, 512), {512, 128}), llama2));
  pe::IdentifyAgainst paper;
  paper.kind = pe::IdentifyAgainst::Kind::sinusoidal;
  paper.odd = "extra_sine";
  note(identify(npy(sinusoidal({65, 128, 0, 500, "split", "paper", "zero_column"}), {128, 65}),
                paper));
  note(identify(npy(sinusoidal({64, 128, 0, 10000, "split", "tensor2tensor", "auto"}), {128, 64}),
                paper));
  note(identify(npy(rope_table(rope_spec(64, 10000), 4), {4, 64}, "u2"), {}, "", true));
  {
    auto z = rope_table(rope_spec(64, 10000), 300);
    std::fill(z.begin() + 200 * 64, z.end(), 0.0f);
    std::fill(z.begin() + 64, z.begin() + 128, 0.0f);
    note(identify(npy(z, {300, 64})));
  }
  note(identify(npy(std::vector<float>(8, 1.0f), {1, 8})));
  std::vector<float> noise(100 * 32);
  std::mt19937 rng(5);
  for (float& x : noise) x = float(std::uniform_real_distribution<double>(-1, 1)(rng));
  note(identify(npy(noise, {100, 32})));
  std::set<std::string> all;
  for (const auto& t : pe::scheme_message_templates()) {
    const std::string kind(t.kind);
    if (kind.rfind("id_", 0) == 0 || kind.rfind("file_", 0) == 0 || kind == "header_cap" ||
        kind == "table_dims" || kind.rfind("tensor_", 0) == 0 || kind == "bfloat16_flag" ||
        kind == "against_kind")
      all.insert(kind);
  }
  CHECK(all.size() == 29);
  for (const auto& kind : all) CHECK_MESSAGE(produced.count(kind) == 1, kind);
}

TEST_CASE("identify: the figure's samples are the engine's exports of the options they name") {
  // Against the engine's writers (sinusoidal_into, rope_tables: pe.sinusoidal, pe.ropeTables),
  // whose float32 recurrences stay within 1e-5 of the exact cells the samples hold.
  pe::SinusoidalOptions paper;
  paper.d_model = 64;
  paper.positions = 256;
  pe::SinusoidalOptions fairseq = paper;
  fairseq.start = 2;
  fairseq.layout = "split";
  fairseq.frequencies = "tensor2tensor";
  const std::vector<std::pair<std::string, std::vector<float>>> cases = {
      {"sinusoidal", sinusoidal(paper)},
      {"fairseq", sinusoidal(fairseq)},
      {"rope", rope_table(rope_spec(128, 500000), 512)},
  };
  for (const auto& one : cases) {  // (clang 14: no structured binding inside CAPTURE's lambda)
    const std::string& name = one.first;
    const std::vector<float>& exported = one.second;
    CAPTURE(name);
    const auto sample = pe::identify_sample(name);
    REQUIRE(sample.ok());
    const auto& s = sample.value();
    REQUIRE(s.values.size() == exported.size());
    REQUIRE(s.values.size() == s.rows * s.cols);
    double worst = 0;
    for (std::size_t i = 0; i < exported.size(); ++i)
      worst = std::max(worst, std::abs(double(s.values[i]) - double(exported[i])));
    CHECK(worst < 1e-5);
    const auto r = identify(npy(s.values, {s.rows, s.cols}));
    const auto options = pe::json::parse(s.options, "options");
    REQUIRE(options.ok());
    for (std::size_t k = 0; k < options.value().keys.size(); ++k) {
      const auto& key = options.value().keys[k];
      const auto& want = options.value().items[k];
      CAPTURE(key);
      if (want.is(pe::json::Type::number))
        CHECK(number(options_of(r), key.c_str()) == want.number);
      else
        CHECK(text(options_of(r), key.c_str()) == want.text);
    }
  }
  const auto bad = pe::identify_sample("nope");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().parameter == "name");
  CHECK(bad.error().kind == "one_of");
}
