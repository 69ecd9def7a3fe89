#include "pe/export.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

namespace {

// What a writer puts into a sink large enough for it, as a string.
std::string write(const std::function<void(pe::ByteSink&)>& writer) {
  std::vector<char> buffer(1 << 16);
  pe::ByteSink sink(buffer);
  writer(sink);
  REQUIRE_FALSE(sink.overflowed());
  return std::string(sink.bytes().data(), sink.size());
}

}  // namespace

TEST_CASE("floats print the shortest way that reads back exactly") {
  CHECK(pe::format_float(0.5f) == "0.5");
  CHECK(pe::format_float(1.0f) == "1");
  CHECK(pe::format_float(0.0f) == "0");
  CHECK(pe::format_float(0.1f) == "0.1");
  for (float v : {0.84147098f, -0.41614684f, 1e-7f, 0.99999994f}) {
    CHECK(std::strtof(pe::format_float(v).c_str(), nullptr) == v);
  }
}

TEST_CASE("npy has the version 1.0 header, 64-byte alignment and the raw little-endian floats") {
  const std::vector<float> values = {1, 2, 3, 4, 5, 6};
  std::string out = write([&](pe::ByteSink& sink) {
    const std::size_t shape[] = {2, 3};
    pe::write_npy(sink, values, shape);
  });
  const std::string bytes = out;
  REQUIRE(bytes.size() > 10);
  CHECK(bytes.compare(0, 8, std::string("\x93NUMPY\x01\x00", 8)) == 0);
  const std::size_t header_length = std::uint8_t(bytes[8]) | (std::uint8_t(bytes[9]) << 8);
  CHECK((10 + header_length) % 64 == 0);
  const std::string header = bytes.substr(10, header_length);
  CHECK(header.find("'descr': '<f4'") != std::string::npos);
  CHECK(header.find("'shape': (2, 3)") != std::string::npos);
  CHECK(header.back() == '\n');
  REQUIRE(bytes.size() == 10 + header_length + 24);
  float back[6];
  std::memcpy(back, bytes.data() + 10 + header_length, 24);
  for (int n = 0; n < 6; ++n) CHECK(back[n] == values[n]);
}

TEST_CASE("an integer table is '<i4' in npy and plain integers in csv") {
  const std::vector<std::int32_t> values = {0, -1, 2147483647, -2147483647 - 1, 31, 7};
  const std::size_t shape[] = {3, 2};
  const std::string bytes = write([&](pe::ByteSink& sink) { pe::write_npy(sink, values, shape); });
  const std::size_t header_length = std::uint8_t(bytes[8]) | (std::uint8_t(bytes[9]) << 8);
  CHECK((10 + header_length) % 64 == 0);
  const std::string header = bytes.substr(10, header_length);
  CHECK(header.find("'descr': '<i4'") != std::string::npos);
  CHECK(header.find("'shape': (3, 2)") != std::string::npos);
  REQUIRE(bytes.size() == 10 + header_length + 24);
  std::int32_t back[6];
  std::memcpy(back, bytes.data() + 10 + header_length, 24);
  for (int n = 0; n < 6; ++n) CHECK(back[n] == values[n]);
  const std::string csv = write([&](pe::ByteSink& sink) { pe::write_csv(sink, values, 3, 2); });
  CHECK(csv == "0,-1\n2147483647,-2147483648\n31,7\n");
}

TEST_CASE("csv is one line per row, no header") {
  const std::string out = write([](pe::ByteSink& sink) {
    pe::write_csv(sink, std::vector<float>{0, 1, 0.5f, -0.25f}, 2, 2);
  });
  CHECK(out == "0,1\n0.5,-0.25\n");
}

TEST_CASE("json carries the parameters and the rows") {
  pe::SinusoidalOptions o;
  o.d_model = 2;
  o.positions = 2;
  o.layout = "split";
  const auto spec = pe::make_spec(o).value();
  const std::string out = write([&](pe::ByteSink& sink) {
    pe::write_json(sink, spec, std::vector<float>{0, 1, 0.5f, 0.25f});
  });
  CHECK(out ==
        "{\"d_model\":2,\"positions\":2,\"start\":0,\"base\":10000,\"layout\":\"split\","
        "\"frequencies\":\"paper\",\"odd\":\"extra_sine\",\"data\":[[0,1],[0.5,0.25]]}\n");
  CHECK(pe::parse_format("xlsx").error().message ==
        "format must be one of npy, csv, json; got \"xlsx\"");
}

TEST_CASE("a sink never writes past its buffer, and says it overflowed") {
  std::vector<char> small(12);
  pe::ByteSink sink(small);
  pe::write_csv(sink, std::vector<float>{0.5f, 0.25f, 0.125f, 1}, 2, 2);
  CHECK(sink.overflowed());
  CHECK(sink.size() <= small.size());
  // The bound export_size_bound gives is always enough (the worst float32 text is 15 characters).
  const std::vector<float> worst(64, -1.17549435e-38f);
  std::vector<char> buffer(pe::export_size_bound(pe::Format::csv, worst.size(), 8));
  pe::ByteSink enough(buffer);
  pe::write_csv(enough, worst, 8, 8);
  CHECK_FALSE(enough.overflowed());
}
