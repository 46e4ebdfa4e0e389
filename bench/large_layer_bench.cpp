// Search speed on single large layers of realistic size (issue 13: no layer
// of a realistic network may be slow, since sweeps multiply every layer):
// `spad optimize --layer ...` with 1 and 2 threads, int8 data, int32
// partial sums, at the capacities where each was measured slowest. One
// iteration = one search; the counters are the model calls, the complete
// schedules (leaves) it evaluated and the candidate ranges it cut whole.
// Compare with --benchmark_filter; CPU time is summed over the threads.
#include <benchmark/benchmark.h>

#include "search/optimize.hpp"

namespace spad {
namespace {

void search_layer(benchmark::State& state, Count c, Count hw, Count kernel, Count capacity,
                  int threads) {
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
  options.threads = threads;
  SearchStats stats;
  for (auto _ : state) {
    const SearchResult r = optimize(layer, machine, options);
    stats = r.stats;
    benchmark::DoNotOptimize(r.best);
  }
  state.counters["evaluations"] = static_cast<double>(stats.evaluations);
  state.counters["leaves"] = static_cast<double>(stats.leaves);
  state.counters["ranges_cut"] = static_cast<double>(stats.ranges_cut);
}

BENCHMARK_CAPTURE(search_layer, c256_1024x1024_k11_64KiB_1thread, 256, 1024, 11, 64 * 1024, 1)
    ->Iterations(1)
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search_layer, c256_1024x1024_k11_64KiB_2threads, 256, 1024, 11, 64 * 1024, 2)
    ->Iterations(1)
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search_layer, c256_1024x1024_k7_64KiB_1thread, 256, 1024, 7, 64 * 1024, 1)
    ->Iterations(1)
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search_layer, c256_1024x1024_k7_64KiB_2threads, 256, 1024, 7, 64 * 1024, 2)
    ->Iterations(1)
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search_layer, c1021_509x509_k7_256KiB_1thread, 1021, 509, 7, 256 * 1024, 1)
    ->Iterations(1)
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search_layer, c1021_509x509_k7_256KiB_2threads, 1021, 509, 7, 256 * 1024, 2)
    ->Iterations(1)
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search_layer, c1021_509x509_k7_1MiB_1thread, 1021, 509, 7, 1024 * 1024, 1)
    ->Iterations(1)
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search_layer, c1021_509x509_k7_1MiB_2threads, 1021, 509, 7, 1024 * 1024, 2)
    ->Iterations(1)
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace spad
