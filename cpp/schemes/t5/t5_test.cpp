// T5's buckets against the reference code run as written: T5Attention._relative_position_bucket of
// huggingface/transformers, src/transformers/models/t5/modeling_t5.py @
// 6b8b757dfcb582379a64f013cdce46c43629f2b0, under torch 1.13 (Debian's python3-torch). The values
// are in t5_reference.inc, written by cpp/schemes/t5/reference.py, which cuts the method out of
// that file and runs it (it says how).
#include "t5.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "t5_reference.inc"

namespace {

namespace ref = pe::t5_reference;

pe::T5Spec spec_of(bool bidirectional, double num_buckets, double max_distance) {
  const auto spec = pe::make_t5_spec({bidirectional, num_buckets, max_distance});
  REQUIRE(spec.ok());
  return spec.value();
}

// The relative positions a reference case covers, in its order: -window .. window, then the far
// ones beyond the window.
std::vector<std::int64_t> positions_of(const ref::Case& c) {
  std::vector<std::int64_t> out;
  for (std::int64_t d = -c.window; d <= c.window; ++d) out.push_back(d);
  for (const std::int64_t d : ref::kFarPositions)
    if (d > c.window || d < -c.window) out.push_back(d);
  return out;
}

std::vector<int> expand(std::span<const int> runs) {
  std::vector<int> out;
  for (std::size_t k = 0; k + 1 < runs.size(); k += 2) out.insert(out.end(), runs[k + 1], runs[k]);
  return out;
}

std::string setting(const ref::Case& c) {
  return std::string(c.bidirectional ? "bidirectional" : "causal") + " num_buckets " +
         std::to_string(c.num_buckets) + " max_distance " + pe::format_number(c.max_distance);
}

}  // namespace

TEST_CASE("every bucket of every reference setting is the reference's, at every boundary") {
  // 397 settings (T5's 32 / 128, others, odd counts, both directions): every relative position from
  // -max(5000, max_distance + 1) to the same, so every boundary, and 382 far ones up to +-10^9.
  REQUIRE(std::size(ref::kCases) > 300);
  std::size_t compared = 0;
  for (const auto& c : ref::kCases) {
    const auto spec = spec_of(c.bidirectional, c.num_buckets, c.max_distance);
    const auto positions = positions_of(c);
    const auto want = expand(c.runs);
    REQUIRE(want.size() == positions.size());
    std::size_t wrong = 0;
    for (std::size_t k = 0; k < positions.size(); ++k) {
      const std::int32_t got = pe::t5_bucket(spec, positions[k]);
      if (got != want[k] && wrong++ < 3) {
        INFO(setting(c) << ", relative position " << positions[k]);
        CHECK(got == want[k]);
      }
    }
    INFO(setting(c));
    CHECK(wrong == 0);
    compared += positions.size();
  }
  MESSAGE("compared " << compared << " buckets");
}

TEST_CASE("t5 defaults, by hand: exact near the query, logarithmic to 128, one bucket beyond") {
  const auto t5 = spec_of(true, 32, 128);  // T5, Flan-T5, mT5 encoders
  CHECK(pe::t5_bucket(t5, 0) == 0);
  CHECK(pe::t5_bucket(t5, -1) == 1);    // key before the query: buckets 0 .. 15
  CHECK(pe::t5_bucket(t5, 1) == 17);    // key after it: 16 + the same
  CHECK(pe::t5_bucket(t5, -7) == 7);    // the last exact distance
  CHECK(pe::t5_bucket(t5, -16) == 10);  // 8 + 8 log(2) / log(16): exactly 2 in float32 as well
  CHECK(pe::t5_bucket(t5, -127) == 15);
  CHECK(pe::t5_bucket(t5, -1000000000) == 15);
  CHECK(pe::t5_bucket(t5, 1000000000) == 31);
  const auto decoder = spec_of(false, 32, 128);
  CHECK(pe::t5_bucket(decoder, 5) == 0);  // keys after the query: bucket 0, as the query's own
  CHECK(pe::t5_bucket(decoder, -5) == 5);
  CHECK(pe::t5_bucket(decoder, -15) == 15);
  CHECK(pe::t5_bucket(decoder, -16) == 16);
  CHECK(pe::t5_bucket(decoder, -1000000000) == 31);
}

TEST_CASE("the bucket matrix is compute_bias's: [q][k] is the bucket of k - q") {
  for (const bool bidirectional : {true, false}) {
    const auto spec = spec_of(bidirectional, 32, 128);
    std::vector<std::int32_t> matrix(std::size_t(ref::kMatrixQueries) * ref::kMatrixKeys);
    REQUIRE(pe::t5_bucket_matrix(spec, ref::kMatrixQueries, ref::kMatrixKeys, matrix).ok());
    const auto want = expand(bidirectional ? std::span<const int>(ref::kMatrixBidirectional)
                                           : std::span<const int>(ref::kMatrixCausal));
    REQUIRE(want.size() == matrix.size());
    std::size_t wrong = 0;
    for (std::size_t k = 0; k < matrix.size(); ++k) wrong += matrix[k] != want[k];
    CHECK(wrong == 0);
  }
  // Shapes at the edges: one row, one column.
  const auto spec = spec_of(true, 32, 128);
  std::vector<std::int32_t> row(5), column(5);
  REQUIRE(pe::t5_bucket_matrix(spec, 1, 5, row).ok());
  CHECK(row == std::vector<std::int32_t>{0, 17, 18, 19, 20});
  REQUIRE(pe::t5_bucket_matrix(spec, 5, 1, column).ok());
  CHECK(column == std::vector<std::int32_t>{0, 1, 2, 3, 4});
}

TEST_CASE("the large-distance branch is float32 as the reference's, not float64") {
  // The same formula in float64 puts some distances in the neighbouring bucket: a test that passes
  // with either would not pin the arithmetic down. Here the reference (float32) and float64 differ.
  const auto float64_bucket = [](const pe::T5Spec& s, std::int64_t distance) {
    const double scaled = std::log(double(distance) / s.max_exact) /
                          std::log(double(s.max_distance) / s.max_exact) *
                          (s.direction_buckets - s.max_exact);
    return std::min<std::int64_t>(s.max_exact + std::int64_t(scaled), s.direction_buckets - 1);
  };
  std::size_t differ = 0, compared = 0;
  for (const auto& c : ref::kCases) {
    if (c.bidirectional) continue;
    const auto spec = spec_of(false, c.num_buckets, c.max_distance);
    const auto positions = positions_of(c);
    const auto want = expand(c.runs);
    for (std::size_t k = 0; k < positions.size(); ++k) {
      if (positions[k] > -spec.max_exact || positions[k] < -spec.max_distance) continue;
      ++compared;
      differ += float64_bucket(spec, -positions[k]) != want[k];
    }
  }
  MESSAGE(differ << " of " << compared
                 << " causal buckets in the logarithmic range differ in float64");
  CHECK(differ > 0);
}

TEST_CASE("settings the reference refuses, or answers outside 0 .. num_buckets - 1, are refused") {
  for (const auto& r : ref::kRefused) {
    INFO(r.reference);
    const auto spec = pe::make_t5_spec({r.bidirectional, double(r.num_buckets), r.max_distance});
    REQUIRE_FALSE(spec.ok());
    const bool too_few = r.bidirectional && r.num_buckets < 4;
    CHECK(spec.error().parameter == (too_few ? "num_buckets" : "max_distance"));
  }
  auto e = pe::make_t5_spec({true, 32, 8}).error();
  CHECK(e.kind == "greater_than_other");
  CHECK(e.message ==
        "max_distance must be greater than the exact buckets, a quarter of the buckets (8); got 8");
  e = pe::make_t5_spec({false, 32, 16}).error();
  CHECK(e.message ==
        "max_distance must be greater than the exact buckets, half the buckets (16); got 16");
  e = pe::make_t5_spec({true, 3, 128}).error();
  CHECK(e.message == "num_buckets must be an integer from 4 to 4096; got 3");
  CHECK(pe::make_t5_spec({false, 3, 128}).ok());  // causal: 3 buckets, 1 exact
  CHECK(pe::make_t5_spec({false, 1, 128}).error().parameter == "num_buckets");
  CHECK(pe::make_t5_spec({true, 32.5, 128}).error().kind == "integer_range");
  CHECK(pe::make_t5_spec({true, 32, NAN}).error().parameter == "max_distance");
  CHECK(pe::make_t5_spec({true, 32, 1e9 + 1}).error().parameter == "max_distance");
  CHECK(pe::make_t5_spec({true, 4097, 1e6}).error().parameter == "num_buckets");
}

TEST_CASE("relative positions must be integers up to 10^9, at most 2^22 of them") {
  const auto spec = spec_of(true, 32, 128);
  std::vector<std::int32_t> out(3);
  CHECK(pe::t5_buckets(spec, std::vector<double>{-1e9, 0, 1e9}, out).ok());
  CHECK(out == std::vector<std::int32_t>{15, 0, 31});
  for (const double bad : {1.5, double(NAN), double(INFINITY), 1e9 + 1, -1e9 - 1}) {
    const auto s = pe::t5_buckets(spec, std::vector<double>{0, 1, bad}, out);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().parameter == "relative_positions");
    CHECK(s.error().kind == "integer_range");
    CHECK(s.error().message.find("relative_positions must be an integer from -1000000000 to "
                                 "1000000000; got ") == 0);
    CHECK(s.error().args.back().name == "index");
    CHECK(std::get<double>(s.error().args.back().value) == 2);
  }
  std::vector<double> many(std::size_t(pe::kMaxT5RelativePositions) + 1);
  std::vector<std::int32_t> many_out(many.size());
  const auto s = pe::t5_buckets(spec, many, many_out);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code == pe::ErrorCode::size_limit);
  CHECK(s.error().kind == "count_cap");
}

TEST_CASE("the matrix is capped at 2^24 entries, queries and keys named") {
  CHECK(pe::check_t5_matrix(4096, 4096).ok());
  CHECK(pe::check_t5_matrix(1, double(pe::kMaxT5MatrixEntries)).ok());
  auto s = pe::check_t5_matrix(4096, 4097);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code == pe::ErrorCode::size_limit);
  CHECK(s.error().parameter == "keys");
  CHECK(s.error().message == "queries x keys must be at most 16777216; got 4096 x 4097 = 16781312");
  CHECK(pe::check_t5_matrix(0, 4).error().parameter == "queries");
  CHECK(pe::check_t5_matrix(4, 2.5).error().parameter == "keys");
  CHECK(pe::check_t5_matrix(1, double(pe::kMaxT5MatrixEntries) + 1).error().parameter == "keys");
}

TEST_CASE("t5 is in the scheme table, and makes pe-export's int32 matrix") {
  const pe::SchemeInfo* scheme = pe::find_scheme("t5");
  REQUIRE(scheme != nullptr);
  REQUIRE(bool(scheme->table));
  CHECK(scheme->parameters.size() == 5);
  CHECK(scheme->parameters[1].name == "numBuckets");
  CHECK(scheme->parameters[1].fallback == 32);
  // Its caps (limits.hpp) are among this build's (pe.limits), once each.
  const auto limits = pe::build_limits();
  CHECK(std::count_if(limits.begin(), limits.end(), [](const pe::SchemeLimit& l) {
          return l.name == "maxT5MatrixEntries" && l.value == double(pe::kMaxT5MatrixEntries);
        }) == 1);
  pe::ParameterValues values;
  values.numbers = {{"num_buckets", 32}, {"max_distance", 128}, {"queries", 3}, {"keys", 4}};
  values.texts = {{"bidirectional", "true"}};
  const auto table = scheme->table(values);
  REQUIRE(table.ok());
  CHECK(table.value().shape == std::vector<std::size_t>{3, 4});
  CHECK(table.value().integers ==
        std::vector<std::int32_t>{0, 17, 18, 19, 1, 0, 17, 18, 2, 1, 0, 17});
  values.numbers["keys"] = 1e9;
  CHECK(scheme->table(values).error().parameter == "keys");
}
