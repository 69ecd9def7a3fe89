// T5's bucketed relative position bias (Raffel et al. 2020): no position vectors; each attention
// layer adds a learned scalar per head for the *bucket* of the relative position key - query. Half
// of a direction's buckets are exact (distances 0 .. max_exact - 1), the other half cover distances
// up to max_distance logarithmically; anything farther shares the last bucket. Bidirectional
// (the encoder) gives each direction half of the buckets; the decoder (bidirectional = false) puts
// every key after the query into bucket 0, as the query itself.
//
// The buckets are exactly those of T5Attention._relative_position_bucket in Hugging Face
// transformers (src/transformers/models/t5/modeling_t5.py, adapted from Mesh TensorFlow), including
// its float32 arithmetic for large distances: float32(|d|) / max_exact, logf, divided by
// float32(log(max_distance / max_exact)) (a float64 log rounded once), times (buckets - max_exact),
// truncated toward zero. That arithmetic decides the boundaries (d = 16, 32, 64 with the T5
// defaults sit exactly on them), so it is reproduced operation for operation; t5_test.cpp checks
// every bucket of 397 settings against the reference run under torch.
#pragma once

#include <cstdint>
#include <span>

#include "pe/error.hpp"
#include "pe/schemes.hpp"

namespace pe {

// Caps (README, Reliability).
inline constexpr int kMaxT5Buckets = 4096;                          // num_buckets
inline constexpr std::int64_t kMaxT5Distance = 1000000000;          // max_distance
inline constexpr std::int64_t kMaxT5RelativePosition = 1000000000;  // |key - query|
inline constexpr std::int64_t kMaxT5RelativePositions = std::int64_t{1}
                                                        << 22;              // one t5_buckets call
inline constexpr std::int64_t kMaxT5MatrixEntries = std::int64_t{1} << 24;  // queries x keys

// Unchecked, as they arrive from JavaScript or a command line (doubles, so 3.5 and NaN reach the
// checks).
struct T5Options {
  bool bidirectional = true;
  double num_buckets = 32;
  double max_distance = 128;
};

// Checked: only make_t5_spec makes one.
struct T5Spec {
  bool bidirectional = true;
  int num_buckets = 32;
  std::int64_t max_distance = 128;
  int direction_buckets = 16;  // num_buckets, halved (floor) when bidirectional
  int max_exact = 8;           // direction_buckets / 2: distances below it have a bucket each
  float log_ratio = 0;         // float32(log(max_distance / max_exact)), the reference's divisor
};

// num_buckets from 2 (4 when bidirectional: each direction needs an exact bucket) to kMaxT5Buckets;
// max_distance an integer greater than max_exact, where the reference divides by log(1) = 0 or by a
// negative log (it returns buckets outside [0, num_buckets) then, or raises for too few buckets).
Result<T5Spec> make_t5_spec(const T5Options& options);

// The bucket of one relative position (key - query), |relative_position| <= kMaxT5RelativePosition.
std::int32_t t5_bucket(const T5Spec& spec, std::int64_t relative_position);

// The buckets of relative positions given as doubles (each an integer within
// +-kMaxT5RelativePosition, at most kMaxT5RelativePositions of them); out holds one per position.
Status t5_buckets(const T5Spec& spec, std::span<const double> relative_positions,
                  std::span<std::int32_t> out);

// Checks queries and keys (integers from 1, queries x keys <= kMaxT5MatrixEntries).
Status check_t5_matrix(double queries, double keys);

// queries x keys, row-major: [q][k] = t5_bucket(k - q), as compute_bias lays out
// memory_position - context_position.
Status t5_bucket_matrix(const T5Spec& spec, int queries, int keys, std::span<std::int32_t> out);

// The scheme's entry in pe::schemes(): parameters, pe-export's table, caps.
const SchemeInfo& t5_scheme();

}  // namespace pe
