// Binds T5's relative position buckets (t5.hpp). Thin: read the checked options, call the core,
// copy the result out.
#include <emscripten/bind.h>

#include "common.hpp"
#include "t5.hpp"

namespace pe::bindings {
namespace {

// {bidirectional, numBuckets, maxDistance}: types checked and defaults filled by api.post.js.
Result<T5Spec> t5_spec_from(const val& o) {
  T5Options options;
  options.bidirectional = o["bidirectional"].as<bool>();
  options.num_buckets = o["numBuckets"].as<double>();
  options.max_distance = o["maxDistance"].as<double>();
  return make_t5_spec(options);
}

// A view of n float64 relative positions for JS to fill before _t5Buckets.
val t5_input_view(double n) {
  return position_input_view("relative_positions", n, double(kMaxT5RelativePositions));
}

// The buckets of the `count` relative positions JS put in the position buffer (none: count 0).
val t5_buckets_of(const val& options, double count) {
  const TrimInputs trim;
  PE_TRY_LET(spec, t5_spec_from(options));
  const auto positions =
      count > 0 ? position_scratch().span() : std::span<double>();  // _t5InputView sized it
  Scratch<std::int32_t> out;
  if (!positions.empty()) PE_TRY(out.reserve(positions.size()));
  PE_TRY(t5_buckets(spec, positions, out.span().first(positions.size())));
  return copy_out(std::span<const std::int32_t>(out.span().first(positions.size())));
}

val t5_bucket_matrix_of(const val& options) {
  PE_TRY_LET(spec, t5_spec_from(options));
  const double queries = options["queries"].as<double>(), keys = options["keys"].as<double>();
  PE_TRY(check_t5_matrix(queries, keys));
  const std::size_t n = std::size_t(queries) * std::size_t(keys);  // checked: <= 2^24
  Scratch<std::int32_t> out;
  PE_TRY(out.reserve(n));
  PE_TRY(t5_bucket_matrix(spec, int(queries), int(keys), out.span()));
  return copy_out(std::span<const std::int32_t>(out.span()));
}

}  // namespace
}  // namespace pe::bindings

EMSCRIPTEN_BINDINGS(t5) {
  using namespace pe::bindings;
  emscripten::function("_t5InputView", &t5_input_view);
  emscripten::function("_t5Buckets", &t5_buckets_of);
  emscripten::function("_t5BucketMatrix", &t5_bucket_matrix_of);
}
