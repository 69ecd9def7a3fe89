#include "pe/spec.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "pe/schemes.hpp"
#include "precision/precision.hpp"
#include "rope/rope.hpp"
#include "rope_config/rope_config.hpp"

namespace {

pe::SinusoidalOptions options(double d_model, double positions) {
  pe::SinusoidalOptions o;
  o.d_model = d_model;
  o.positions = positions;
  return o;
}

std::string message_of(const pe::SinusoidalOptions& o) {
  const auto spec = pe::make_spec(o);
  REQUIRE_FALSE(spec.ok());
  return spec.error().message;
}

}  // namespace

TEST_CASE("valid options make a spec with the defaults of the paper") {
  const auto spec = pe::make_spec(options(512, 100));
  REQUIRE(spec.ok());
  CHECK(spec.value().d_model == 512);
  CHECK(spec.value().positions == 100);
  CHECK(spec.value().start == 0);
  CHECK(spec.value().base == 10000);
  CHECK(spec.value().layout == pe::Layout::interleaved);
  CHECK(spec.value().frequencies == pe::Frequencies::paper);
  CHECK(spec.value().pairs() == 256);
  CHECK(spec.value().element_count() == 51200);
}

TEST_CASE("every bad parameter is refused with its name, the value received and the range") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  SUBCASE("d_model") {
    CHECK(message_of(options(0, 1)) == "d_model must be an integer from 1 to 8192; got 0");
    CHECK(message_of(options(8193, 1)) == "d_model must be an integer from 1 to 8192; got 8193");
    CHECK(message_of(options(64.5, 1)) == "d_model must be an integer from 1 to 8192; got 64.5");
    CHECK(message_of(options(nan, 1)) == "d_model must be an integer from 1 to 8192; got NaN");
    CHECK(message_of(options(-inf, 1)) ==
          "d_model must be an integer from 1 to 8192; got -Infinity");
  }
  SUBCASE("positions") {
    CHECK(message_of(options(8, 0)) == "positions must be an integer from 1 to 1048576; got 0");
    CHECK(message_of(options(8, 2.5)) == "positions must be an integer from 1 to 1048576; got 2.5");
  }
  SUBCASE("start") {
    auto o = options(8, 1);
    o.start = -1;
    CHECK(message_of(o) == "start must be an integer from 0 to 1000000000; got -1");
    o.start = 1e9;
    o.positions = 2;
    CHECK(message_of(o) == "start + positions - 1 must be at most 1000000000; got 1000000001");
  }
  SUBCASE("base") {
    auto o = options(8, 1);
    for (double bad : {1.0, 0.5, -3.0, nan, inf}) {
      o.base = bad;
      CHECK(message_of(o).rfind("base must be a finite number greater than 1; got ", 0) == 0);
    }
    o.base = 1.0;
    CHECK(message_of(o) == "base must be a finite number greater than 1; got 1");
    o.base = 1e12;  // the table's range (kSinusoidalParameters) is what is enforced
    CHECK(pe::make_spec(o));
    o.base = 1.5e12;
    CHECK(message_of(o) == "base must be at most 1000000000000; got 1500000000000");
  }
  SUBCASE("layout and frequencies") {
    auto o = options(8, 1);
    o.layout = "Interleaved";
    CHECK(message_of(o) ==
          "layout must be one of interleaved, split, split_cos_first; got \"Interleaved\"");
    o.layout = "split";
    o.frequencies = "fairseq";
    CHECK(message_of(o) == "frequencies must be one of paper, tensor2tensor; got \"fairseq\"");
  }
}

TEST_CASE("the error names the parameter and says whether it is a size cap") {
  const auto bad = pe::make_spec(options(0, 1));
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().parameter == "d_model");
  CHECK(bad.error().code == pe::ErrorCode::invalid_argument);

  const auto big = pe::make_spec(options(8192, 4096));  // 33,554,432 values > 16,777,216
  REQUIRE_FALSE(big.ok());
  CHECK(big.error().code == pe::ErrorCode::size_limit);
  CHECK(big.error().message ==
        "positions x d_model must be at most 16777216 values (64 MiB of float32); got 4096 x 8192 "
        "= 33554432");
  CHECK(pe::make_spec(options(8192, 2048)).ok());  // exactly at the cap
}

TEST_CASE("columns map to pairs and waves in each layout") {
  auto spec = pe::make_spec(options(6, 1)).value();
  SUBCASE("interleaved: sin, cos, sin, cos, ...") {
    CHECK(pe::column_of(spec, 0).pair == 0);
    CHECK(pe::column_of(spec, 0).wave == pe::Wave::sin);
    CHECK(pe::column_of(spec, 5).pair == 2);
    CHECK(pe::column_of(spec, 5).wave == pe::Wave::cos);
  }
  SUBCASE("split: the sin half, then the cos half") {
    spec.layout = pe::Layout::split;
    CHECK(pe::column_of(spec, 2).pair == 2);
    CHECK(pe::column_of(spec, 2).wave == pe::Wave::sin);
    CHECK(pe::column_of(spec, 3).pair == 0);
    CHECK(pe::column_of(spec, 3).wave == pe::Wave::cos);
  }
  SUBCASE("split_cos_first: the cos half, then the sin half") {
    spec.layout = pe::Layout::split_cos_first;
    CHECK(pe::column_of(spec, 0).wave == pe::Wave::cos);
    CHECK(pe::column_of(spec, 4).wave == pe::Wave::sin);
    CHECK(pe::column_of(spec, 4).pair == 1);
  }
  SUBCASE("odd d_model, zero_column: the last column is the zero column in every layout") {
    auto odd = pe::make_spec(options(7, 1)).value();
    odd.odd = pe::OddRule::zero_column;
    for (auto layout : {pe::Layout::interleaved, pe::Layout::split, pe::Layout::split_cos_first}) {
      odd.layout = layout;
      CHECK(pe::column_of(odd, 6).wave == pe::Wave::zero);
      CHECK(pe::column_of(odd, 6).pair == -1);
    }
  }
  SUBCASE("odd d_model, extra_sine: four sines and three cosines, placed as each layout does") {
    auto odd = pe::make_spec(options(7, 1)).value();
    REQUIRE(odd.odd == pe::OddRule::extra_sine);  // the default for paper frequencies
    CHECK(odd.frequency_count() == 4);
    odd.layout = pe::Layout::interleaved;  // DistilBERT: the lone sine last
    CHECK(pe::column_of(odd, 6).wave == pe::Wave::sin);
    CHECK(pe::column_of(odd, 6).pair == 3);
    odd.layout = pe::Layout::split;  // Marian: sines 0..3, then cosines 0..2
    CHECK(pe::column_of(odd, 3).wave == pe::Wave::sin);
    CHECK(pe::column_of(odd, 3).pair == 3);
    CHECK(pe::column_of(odd, 4).wave == pe::Wave::cos);
    CHECK(pe::column_of(odd, 4).pair == 0);
    odd.layout = pe::Layout::split_cos_first;  // cosines 0..2, then sines 0..3
    CHECK(pe::column_of(odd, 6).wave == pe::Wave::sin);
    CHECK(pe::column_of(odd, 6).pair == 3);
  }
}

TEST_CASE("omega follows the paper and the tensor2tensor conventions") {
  auto spec = pe::make_spec(options(512, 1)).value();
  // Reference: 10000^(-2i/512) and 10000^(-i/255), written here as exp/log, not pow.
  CHECK(pe::omega_of(spec, 0) == 1.0);
  CHECK(pe::omega_of(spec, 255) ==
        doctest::Approx(std::exp(-510.0 / 512 * std::log(10000.0))).epsilon(1e-14));
  spec.frequencies = pe::Frequencies::tensor2tensor;
  CHECK(pe::omega_of(spec, 255) == doctest::Approx(1e-4).epsilon(1e-14));  // the slowest is 1/base
  auto tiny = pe::make_spec(options(2, 1)).value();
  tiny.frequencies = pe::Frequencies::tensor2tensor;
  CHECK(pe::omega_of(tiny, 0) == 1.0);  // max(h - 1, 1): no division by zero at d_model = 2
}

TEST_CASE("numbers are formatted the shortest way that reads back the same") {
  CHECK(pe::format_number(64) == "64");
  CHECK(pe::format_number(0.1) == "0.1");
  CHECK(pe::format_number(1e9) == "1000000000");
  CHECK(pe::format_number(-2.5) == "-2.5");
  CHECK(pe::format_number(1e300) == "1e+300");
  CHECK(pe::format_number(1.0 / 3) == "0.3333333333333333");
}

TEST_CASE("a matrix of 2^33 values is refused, not wrapped (size_t is 32 bits in wasm)") {
  // Found by tests/reliability/adversarial.mjs: positions x d_model = 2^20 x 8192 wrapped to 0 in
  // a 32-bit size_t, passed the cap, and the kernel wrote out of bounds.
  pe::SinusoidalOptions o;
  o.d_model = 8192;
  o.positions = 1 << 20;
  const auto spec = pe::make_spec(o);
  REQUIRE_FALSE(spec.ok());
  CHECK(spec.error().kind == "elements_cap");
  CHECK(spec.error().code == pe::ErrorCode::size_limit);
  o.d_model = 4096;
  o.positions = 1 << 20;  // 2^32: wraps to exactly 0 in 32 bits
  CHECK(pe::make_spec(o).error().kind == "elements_cap");
}

TEST_CASE("the folders' caps (each folder's limits.hpp) are named once each and positive") {
  // This native build has every folder, so every table: the caps RoPE, precision and the config
  // reader give pe.limits are among them, with the values their headers use.
  const auto limits = pe::build_limits();
  CHECK(limits.size() >= 20);
  for (std::size_t i = 0; i < limits.size(); ++i) {
    CAPTURE(limits[i].name);
    CHECK(limits[i].name.substr(0, 3) == "max");
    CHECK(limits[i].value >= 1);
    for (std::size_t j = 0; j < i; ++j) CHECK(limits[j].name != limits[i].name);
  }
  const auto value_of = [&](std::string_view name) {
    for (const auto& limit : limits)
      if (limit.name == name) return limit.value;
    return 0.0;
  };
  CHECK(value_of("maxHeadDim") == pe::kMaxHeadDim);
  CHECK(value_of("maxRopeValues") == double(pe::kMaxRopeValues));
  CHECK(value_of("maxPrecisionSamples") == pe::kMaxPrecisionSamples);
  CHECK(value_of("maxConfigBytes") == pe::kMaxConfigBytes);
}

TEST_CASE("the checks enforce each scheme's parameter table: every range and choice it lists") {
  // The tables are the one place ranges and choices are written (pe/parameters.hpp); each
  // integer's bounds pass and one past them fails, each number's max passes and above fails, and
  // each choice is accepted while any other word is refused with the table's list.
  for (const auto& scheme : pe::schemes()) {
    for (const auto& p : scheme.parameters) {
      CAPTURE(scheme.name);
      CAPTURE(p.core);
      if (p.type == pe::ParameterType::integer) {
        CHECK(pe::check_parameter(p, p.min));
        CHECK(pe::check_parameter(p, p.max));
        CHECK_FALSE(pe::check_parameter(p, p.min - 1));
        CHECK_FALSE(pe::check_parameter(p, p.max + 1));
        CHECK_FALSE(pe::check_parameter(p, p.min + 0.5));
      } else if (p.type == pe::ParameterType::number) {
        CHECK(pe::check_parameter(p, p.max));
        CHECK_FALSE(pe::check_parameter(p, p.min));
        CHECK(pe::check_parameter(p, p.max * 1.5).error().kind == "at_most");
        CHECK_FALSE(pe::check_parameter(p, std::numeric_limits<double>::quiet_NaN()));
      } else if (p.type == pe::ParameterType::choice) {
        int index = 0;
        for (std::string_view rest = p.choices;; ++index) {
          const auto bar = rest.find('|');
          CHECK(pe::check_choice(p, rest.substr(0, bar)).value() == index);
          if (bar == std::string_view::npos) break;
          rest.remove_prefix(bar + 1);
        }
        const auto refused = pe::check_choice(p, "no such choice");
        REQUIRE_FALSE(refused);
        CHECK(refused.error().parameter == p.core);
        CHECK(refused.error().kind == "one_of");
      }
    }
  }
  // The enums follow their tables' order.
  CHECK(pe::parse_layout("split_cos_first").value() == pe::Layout::split_cos_first);
  CHECK(pe::parse_frequencies("tensor2tensor").value() == pe::Frequencies::tensor2tensor);
  CHECK(pe::parse_odd("zero_column", pe::Frequencies::paper).value() == pe::OddRule::zero_column);
  CHECK(pe::parse_odd("extra_sine", pe::Frequencies::tensor2tensor).value() ==
        pe::OddRule::extra_sine);
  CHECK(pe::parse_odd("auto", pe::Frequencies::tensor2tensor).value() == pe::OddRule::zero_column);
  CHECK(pe::parse_pairing("interleaved").value() == pe::Pairing::interleaved);
}
