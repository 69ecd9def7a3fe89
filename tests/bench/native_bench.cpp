// Native generation benchmarks (Google Benchmark). Baselines run in the same process: the naive path
// (one std::sin/std::cos per value) and std::fill into the same buffer (the memory floor). bench.sh prints
// the ratios; absolute times on a shared machine mean little.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "rope/rope.hpp"
#include "pe/sinusoidal.hpp"

namespace {

pe::Spec spec_of(benchmark::State& state) {
  pe::SinusoidalOptions o;
  o.positions = static_cast<double>(state.range(0));
  o.d_model = static_cast<double>(state.range(1));
  return pe::make_spec(o).value();
}

void report(benchmark::State& state, std::size_t values) {
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * values));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * values * sizeof(float)));
}

void BM_Fast(benchmark::State& state) {
  const auto spec = spec_of(state);
  std::vector<float> out(spec.element_count());
  for (auto _ : state) {
    if (!pe::sinusoidal_into(spec, out)) state.SkipWithError("sinusoidal_into refused the spec");
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  report(state, out.size());
}

void BM_Naive(benchmark::State& state) {
  const auto spec = spec_of(state);
  std::vector<float> out(spec.element_count());
  for (auto _ : state) {
    if (!pe::sinusoidal_naive_into(spec, out)) state.SkipWithError("refused the spec");
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  report(state, out.size());
}

void BM_FillFloor(benchmark::State& state) {
  const auto spec = spec_of(state);
  std::vector<float> out(spec.element_count());
  float value = 0.5f;
  for (auto _ : state) {
    std::fill(out.begin(), out.end(), value);
    value += 1.0f;  // a new value each time, so the fill cannot be skipped
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  report(state, out.size());
}

// RoPE q.k at every distance up to 131,071 for a 128-dimensional head (the long-context view draws six
// of these per model): the engine's reseeded recurrence, four pairs at a time, against its baseline in
// the same process, std::cos and std::sin for every (distance, pair).
struct ScoresCase {
  pe::RopeSpec spec;
  std::vector<float> q, k;
};

ScoresCase scores_case() {
  pe::RopeOptions o;
  o.head_dim = 128;
  o.theta = 500000;
  ScoresCase c{pe::make_rope_spec(o).value(), std::vector<float>(128), std::vector<float>(128)};
  for (int j = 0; j < 128; ++j) {
    c.q[j] = static_cast<float>(std::cos(0.29 * j));
    c.k[j] = static_cast<float>(std::sin(0.13 * j));
  }
  return c;
}

void BM_RopeScores(benchmark::State& state) {
  const auto c = scores_case();
  for (auto _ : state) {
    auto result = pe::rope_scores(c.spec, c.q, c.k, 131071);
    benchmark::DoNotOptimize(result.value().scores.data());
  }
}

void BM_RopeScoresPerValue(benchmark::State& state) {
  const auto c = scores_case();
  const auto inv = pe::rope_inv_freq(c.spec);
  std::vector<double> same(64), cross(64), scores(131072);
  for (int i = 0; i < 64; ++i) {
    const auto [a, b] = pe::rope_pair_dims(c.spec, i);
    same[i] = double(c.q[a]) * c.k[a] + double(c.q[b]) * c.k[b];
    cross[i] = double(c.q[a]) * c.k[b] - double(c.q[b]) * c.k[a];
  }
  for (auto _ : state) {
    for (int n = 0; n < 131072; ++n) {
      double sum = 0;
      for (int i = 0; i < 64; ++i) sum += same[i] * std::cos(n * inv[i]) + cross[i] * std::sin(n * inv[i]);
      scores[n] = sum;
    }
    benchmark::DoNotOptimize(scores.data());
  }
}

BENCHMARK(BM_RopeScores)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RopeScoresPerValue)->Unit(benchmark::kMillisecond);

// The headline size, with every baseline.
BENCHMARK(BM_Fast)->Args({4096, 1024})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Naive)->Args({4096, 1024})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FillFloor)->Args({4096, 1024})->Unit(benchmark::kMillisecond);

// Scaling: time against positions x d_model (expected linear; per-value cost is what to compare).
void scaling(benchmark::internal::Benchmark* b) {
  for (int positions : {256, 1024, 4096, 16384}) {
    for (int d : {64, 256, 1024}) b->Args({positions, d});
  }
  b->Args({8192, 2048});
}
BENCHMARK(BM_Fast)->Apply(scaling)->Name("Scaling/Fast")->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FillFloor)->Apply(scaling)->Name("Scaling/FillFloor")->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
