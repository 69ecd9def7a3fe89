#include "pe/export.hpp"

#include <doctest/doctest.h>

#include <cstring>
#include <sstream>
#include <vector>

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
  std::ostringstream out;
  pe::write_npy(out, values, 2, 3);
  const std::string bytes = out.str();
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

TEST_CASE("csv is one line per row, no header") {
  std::ostringstream out;
  pe::write_csv(out, std::vector<float>{0, 1, 0.5f, -0.25f}, 2, 2);
  CHECK(out.str() == "0,1\n0.5,-0.25\n");
}

TEST_CASE("json carries the parameters and the rows") {
  pe::SinusoidalOptions o;
  o.d_model = 2;
  o.positions = 2;
  o.layout = "split";
  const auto spec = pe::make_spec(o).value();
  std::ostringstream out;
  pe::write_json(out, spec, std::vector<float>{0, 1, 0.5f, 0.25f});
  CHECK(out.str() ==
        "{\"d_model\":2,\"positions\":2,\"start\":0,\"base\":10000,\"layout\":\"split\","
        "\"frequencies\":\"paper\",\"odd\":\"extra_sine\",\"data\":[[0,1],[0.5,0.25]]}\n");
  CHECK(pe::parse_format("xlsx").error().message ==
        "format must be one of npy, csv, json; got \"xlsx\"");
}
