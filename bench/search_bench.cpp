// Search speed on whole networks: exactly what `spad optimize --model NAME
// --buffer 64KiB` runs (study/optimize_network over every layer: each
// distinct shape searched once, loop structures shared, the threads split
// between shapes by the job runner), int8 data and int32 partial sums, with 1
// thread and with all hardware threads. One iteration = the whole network;
// loading the model is outside the timed loop.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <string>
#include <thread>

#include "io/zoo/network_file.hpp"
#include "study/optimize_network.hpp"

namespace spad {
namespace {

void search_network(benchmark::State& state, const std::string& model) {
  const Network net = load_zoo_model(model);
  Machine machine;
  machine.capacity_bytes = 64 * 1024;
  SearchOptions options;
  options.threads = static_cast<int>(state.range(0));
  Count evaluations = 0;
  std::size_t shapes = 0;
  for (auto _ : state) {
    const NetworkResult r = optimize_network(net, all_layers(net), machine, options);
    evaluations += searched_stats(r).evaluations;
    shapes = r.unique_shapes;
    benchmark::DoNotOptimize(r.layers.data());
  }
  state.counters["layers"] = static_cast<double>(net.layers.size());
  state.counters["shapes_searched"] = static_cast<double>(shapes);
  state.counters["evals_per_run"] =
      static_cast<double>(evaluations) / static_cast<double>(state.iterations());
}

const int kAllThreads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));

BENCHMARK_CAPTURE(search_network, resnet50, std::string("resnet50"))
    ->Arg(1)
    ->Arg(kAllThreads)
    ->ArgName("threads")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(search_network, vgg16, std::string("vgg16"))
    ->Arg(1)
    ->Arg(kAllThreads)
    ->ArgName("threads")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(search_network, mobilenet_v2, std::string("mobilenet_v2"))
    ->Arg(1)
    ->Arg(kAllThreads)
    ->ArgName("threads")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace spad
