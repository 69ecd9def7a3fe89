#include "t5.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

#include "pe/spec.hpp"

namespace pe {

Result<T5Spec> make_t5_spec(const T5Options& options) {
  // Bidirectional halves the buckets, and max_exact halves them again: below 4 the reference
  // divides by max_exact = 0 (ZeroDivisionError).
  const double fewest = options.bidirectional ? 4 : 2;
  if (auto s = check_integer("num_buckets", options.num_buckets, fewest, kMaxT5Buckets); !s)
    return s.error();
  if (auto s = check_integer("max_distance", options.max_distance, 2, double(kMaxT5Distance)); !s)
    return s.error();
  T5Spec spec;
  spec.bidirectional = options.bidirectional;
  spec.num_buckets = static_cast<int>(options.num_buckets);
  spec.max_distance = static_cast<std::int64_t>(options.max_distance);
  spec.direction_buckets = spec.bidirectional ? spec.num_buckets / 2 : spec.num_buckets;
  spec.max_exact = spec.direction_buckets / 2;
  if (spec.max_distance <= spec.max_exact) {
    return make_error(
        ErrorCode::invalid_argument, "max_distance", "greater_than_other",
        {{"other", std::string(spec.bidirectional ? "the exact buckets, a quarter of the buckets"
                                                  : "the exact buckets, half the buckets")},
         {"limit", double(spec.max_exact)},
         {"got", options.max_distance}});
  }
  // math.log(max_distance / max_exact): a float64 quotient and log, rounded to float32 where it
  // meets the float32 tensor.
  spec.log_ratio = static_cast<float>(std::log(double(spec.max_distance) / double(spec.max_exact)));
  return spec;
}

std::int32_t t5_bucket(const T5Spec& spec, std::int64_t relative_position) {
  std::int32_t bucket = 0;
  std::int64_t distance = 0;
  if (spec.bidirectional) {
    if (relative_position > 0) bucket = spec.direction_buckets;
    distance = relative_position < 0 ? -relative_position : relative_position;
  } else {
    distance = relative_position < 0 ? -relative_position : 0;  // -min(d, 0)
  }
  if (distance < spec.max_exact) return bucket + static_cast<std::int32_t>(distance);
  // From max_distance on, the reference's value is at least (buckets - max_exact) less a few
  // float32 roundings, so it truncates to the last bucket or above, and the min makes it the last:
  // no log.
  if (distance >= spec.max_distance) return bucket + spec.direction_buckets - 1;
  // The reference's large branch, one float32 operation at a time (no float64 in between):
  // log(d.float() / max_exact) / log_ratio * (buckets - max_exact), then .to(torch.long).
  const float ratio = static_cast<float>(distance) / static_cast<float>(spec.max_exact);
  const float scaled = std::log(ratio) / spec.log_ratio *
                       static_cast<float>(spec.direction_buckets - spec.max_exact);
  const std::int64_t large = spec.max_exact + static_cast<std::int64_t>(scaled);  // truncation
  return bucket + static_cast<std::int32_t>(
                      std::min<std::int64_t>(large, spec.direction_buckets - std::int64_t{1}));
}

Status t5_buckets(const T5Spec& spec, std::span<const double> relative_positions,
                  std::span<std::int32_t> out) {
  if (relative_positions.size() > std::size_t(kMaxT5RelativePositions)) {
    return make_error(
        ErrorCode::size_limit, "relative_positions", "count_cap",
        {{"max", double(kMaxT5RelativePositions)}, {"got", double(relative_positions.size())}});
  }
  if (out.size() != relative_positions.size()) {
    return make_error(
        ErrorCode::invalid_argument, "out", "length_mismatch",
        {{"expected", double(relative_positions.size())}, {"got", double(out.size())}});
  }
  const double most = double(kMaxT5RelativePosition);
  for (std::size_t i = 0; i < relative_positions.size(); ++i) {
    const double d = relative_positions[i];
    if (!std::isfinite(d) || d != std::floor(d) || d < -most || d > most) {
      return make_error(ErrorCode::invalid_argument, "relative_positions", "integer_range",
                        {{"min", -most}, {"max", most}, {"got", d}, {"index", double(i)}});
    }
    out[i] = t5_bucket(spec, static_cast<std::int64_t>(d));
  }
  return Ok{};
}

Status check_t5_matrix(double queries, double keys) {
  const double most = double(kMaxT5MatrixEntries);
  if (auto s = check_integer("queries", queries, 1, most); !s) return s;
  if (auto s = check_integer("keys", keys, 1, most); !s) return s;
  if (queries * keys > most) {
    return make_error(ErrorCode::size_limit, "keys", "product_cap",
                      {{"name", std::string("queries")},
                       {"other", std::string("keys")},
                       {"max", most},
                       {"rows", queries},
                       {"cols", keys},
                       {"got", queries * keys}});
  }
  return Ok{};
}

Status t5_bucket_matrix(const T5Spec& spec, int queries, int keys, std::span<std::int32_t> out) {
  if (auto s = check_t5_matrix(queries, keys); !s) return s;
  const std::size_t rows = std::size_t(queries), cols = std::size_t(keys);
  if (out.size() != rows * cols) {
    return make_error(ErrorCode::invalid_argument, "out", "length_mismatch",
                      {{"expected", double(rows * cols)}, {"got", double(out.size())}});
  }
  // The bucket depends on k - q only (a Toeplitz matrix): row 0 and column 0 are computed, every
  // other entry is its upper-left neighbour, so each row copies the one above, shifted by one.
  for (std::size_t k = 0; k < cols; ++k) out[k] = t5_bucket(spec, std::int64_t(k));
  for (std::size_t q = 1; q < rows; ++q) {
    std::int32_t* row = out.data() + q * cols;
    row[0] = t5_bucket(spec, -std::int64_t(q));
    std::memcpy(row + 1, row - cols, (cols - 1) * sizeof(std::int32_t));
  }
  return Ok{};
}

namespace {

using T = ParameterType;
constexpr double kRequired = std::numeric_limits<double>::quiet_NaN();

constexpr ParameterInfo kT5Parameters[] = {
    {"bidirectional", "bidirectional", T::boolean, 0, "true", 0, 0, "",
     "encoder (true); decoder (false): keys after the query share its bucket 0"},
    {"numBuckets", "num_buckets", T::integer, 32, "", 2, kMaxT5Buckets, "",
     "relative_attention_num_buckets (at least 4 when bidirectional)"},
    {"maxDistance", "max_distance", T::integer, 128, "", 2, double(kMaxT5Distance), "",
     "relative_attention_max_distance: farther shares the last bucket"},
    {"queries", "queries", T::integer, kRequired, "", 1, double(kMaxT5MatrixEntries), "",
     "query positions (rows)"},
    {"keys", "keys", T::integer, kRequired, "", 1, double(kMaxT5MatrixEntries), "",
     "key positions (columns); queries x keys <= 16,777,216"},
};

// pe-export --scheme t5: the (queries, keys) bucket matrix, int32.
[[maybe_unused]] Result<Table> t5_table(const ParameterValues& values) {
  const auto number = [&](const char* core) { return values.numbers.at(core); };
  T5Options options;
  options.bidirectional = values.texts.at("bidirectional") == "true";
  options.num_buckets = number("num_buckets");
  options.max_distance = number("max_distance");
  const auto spec = make_t5_spec(options);
  if (!spec) return spec.error();
  if (auto s = check_t5_matrix(number("queries"), number("keys")); !s) return s.error();
  const int queries = static_cast<int>(number("queries")), keys = static_cast<int>(number("keys"));
  Table table;
  table.integers.resize(std::size_t(queries) * std::size_t(keys));
  if (auto s = t5_bucket_matrix(spec.value(), queries, keys, table.integers); !s) return s.error();
  table.shape = {std::size_t(queries), std::size_t(keys)};
  return table;
}

}  // namespace

const SchemeInfo& t5_scheme() {
  static const SchemeInfo info{
      "t5", "T5 relative position buckets: a learned bias per head and bucket", kT5Parameters,
      "(queries, keys) int32: [q][k] = the bucket of k - q", PE_EXPORT_TABLE(t5_table)};
  return info;
}

}  // namespace pe
