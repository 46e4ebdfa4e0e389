// Search speed on single large layers of realistic size (issue 13: no layer
// of a realistic network may be slow, since sweeps multiply every layer):
// `spad optimize --layer ...` with 1 thread, int8 data, int32 partial sums,
// at the capacities where each was measured slowest. One iteration = one
// search; the counters are the model calls and the complete schedules
// (leaves) it evaluated.
#include <benchmark/benchmark.h>

#include "search/optimize.hpp"

namespace spad {
namespace {

void search_layer(benchmark::State& state, Count c, Count hw, Count kernel, Count capacity) {
  LayerSpec s;
  s.name = "large";
  s.C = s.M = c;
  s.H = s.W = hw;
  s.R = s.S = kernel;
  s.pad_top = s.pad_bottom = s.pad_left = s.pad_right = kernel / 2;
  const Layer layer(s);
  Machine machine;
  machine.capacity_bytes = capacity;
  SearchOptions options;
  options.threads = 1;
  SearchStats stats;
  for (auto _ : state) {
    const SearchResult r = optimize(layer, machine, options);
    stats = r.stats;
    benchmark::DoNotOptimize(r.best);
  }
  state.counters["evaluations"] = static_cast<double>(stats.evaluations);
  state.counters["leaves"] = static_cast<double>(stats.leaves);
}

BENCHMARK_CAPTURE(search_layer, c256_1024x1024_k11_64KiB, 256, 1024, 11, 64 * 1024)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search_layer, c256_1024x1024_k7_64KiB, 256, 1024, 7, 64 * 1024)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search_layer, c1021_509x509_k7_256KiB, 1021, 509, 7, 256 * 1024)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search_layer, c1021_509x509_k7_1MiB, 1021, 509, 7, 1024 * 1024)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace spad
