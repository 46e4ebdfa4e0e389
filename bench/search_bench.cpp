// Search speed on whole networks: every conv layer of a zoo model optimized
// for a 64 KiB scratchpad (int8 data, int32 partial sums), one search per
// layer (no de-duplication of identical shapes; loop structures shared across
// layers, as `spad optimize --model` does), with 1 thread and with all
// hardware threads. One iteration = the whole network.
#include <benchmark/benchmark.h>

#include <string>
#include <thread>

#include "io/network_file.hpp"
#include "search/optimize.hpp"

namespace spad {
namespace {

void search_network(benchmark::State& state, const std::string& model) {
  std::vector<Layer> layers;
  for (const NetworkLayer& l : load_zoo_model(model).layers)
    if (l.kind == LayerKind::conv) layers.emplace_back(l.spec);
  Machine machine;
  machine.capacity_bytes = 64 * 1024;
  SearchOptions options;
  options.threads = static_cast<int>(state.range(0));
  Count evaluations = 0;
  for (auto _ : state) {
    // Structures are shared by the layers of the network, as optimize --model does.
    options.templates = std::make_shared<TemplateCache>();
    for (const Layer& layer : layers) {
      const SearchResult r = optimize(layer, machine, options);
      evaluations += r.stats.evaluations;
      benchmark::DoNotOptimize(r.best);
    }
  }
  state.counters["conv_layers"] = static_cast<double>(layers.size());
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
