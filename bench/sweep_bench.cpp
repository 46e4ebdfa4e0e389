// Sweep speed: the exact optimum of every layer at 16 capacities (1 KiB to
// 32 MiB, x2) with the compulsory traffic and the lower bound (study/sweep),
// int8 data and int32 partial sums, on all hardware threads. Targets on the
// 2-core development machine: ResNet-50 <= 2 s; all eight zoo networks in
// one sweep <= 10 s. One iteration = the whole sweep.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "io/zoo/network_file.hpp"
#include "study/sweep.hpp"

namespace spad {
namespace {

std::vector<Count> sixteen_capacities() {
  std::vector<Count> caps;
  for (Count c = 1024; c <= Count{32} << 20; c *= 2) caps.push_back(c);
  return caps;
}

void sweep_networks(benchmark::State& state, const std::vector<std::string>& models) {
  std::vector<Network> nets;
  for (const std::string& m : models) nets.push_back(load_zoo_model(m));
  SweepOptions options;
  options.capacities = sixteen_capacities();
  options.threads = 0;
  SweepStats stats;
  for (auto _ : state) {
    const SweepResult r = sweep(nets, options);
    stats = r.stats;
    benchmark::DoNotOptimize(r.rows);
  }
  state.counters["capacities"] = static_cast<double>(options.capacities.size());
  state.counters["unique_shapes"] = static_cast<double>(stats.unique_shapes);
  state.counters["searches"] = static_cast<double>(stats.searches);
  state.counters["answers"] = static_cast<double>(stats.answers);
}

BENCHMARK_CAPTURE(sweep_networks, resnet50, std::vector<std::string>{"resnet50"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime()
    ->Iterations(1)
    ->Repetitions(3);
BENCHMARK_CAPTURE(sweep_networks, zoo8,
                  std::vector<std::string>{"alexnet", "googlenet", "mobilenet_v1", "mobilenet_v2",
                                           "resnet18", "resnet50", "squeezenet1_1", "vgg16"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime()
    ->Iterations(1)
    ->Repetitions(3);

}  // namespace
}  // namespace spad
