// Native generation benchmarks (Google Benchmark). Baselines run in the same process: the naive path
// (one std::sin/std::cos per value) and std::fill into the same buffer (the memory floor). bench.sh prints
// the ratios; absolute times on a shared machine mean little.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <vector>

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
