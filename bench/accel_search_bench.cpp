// Search speed on an accelerator (search/objective: traffic with latency ties,
// latency, energy): every conv layer of a zoo model on an HWC-like engine
// (64 KiB, double-buffered, MAC array m=4 x q=8, 32 bits/cycle, 16-cycle DMA
// setup; the numbers of examples/machines/hwc-like.yaml, built here so the
// benchmark needs no file). One search per layer, structures shared; one
// iteration = the network.
#include <benchmark/benchmark.h>

#include <string>
#include <thread>

#include "io/zoo/network_file.hpp"
#include "search/optimize.hpp"

namespace spad {
namespace {

Accelerator hwc_like() {
  Accelerator a;
  a.name = "hwc-like";
  a.machine.capacity_bytes = 64 * 1024;
  a.machine.double_buffer = true;
  a.mac_array.unroll[Dim::m] = 4;
  a.mac_array.unroll[Dim::q] = 8;
  a.clock_mhz = 200;
  a.offchip_bits_per_cycle = 32;
  a.dma_setup_cycles = 16;
  a.energy.mac_fj = 300;
  a.energy.scratchpad_fj_per_byte = 4500;
  a.energy.offchip_fj_per_byte = 162500;
  return a;
}

void search_network(benchmark::State& state, const std::string& model, Objective objective) {
  std::vector<Layer> layers;
  for (const NetworkLayer& l : load_zoo_model(model).layers)
    if (l.kind == LayerKind::conv) layers.emplace_back(l.spec);
  const auto accel = std::make_shared<const Accelerator>(hwc_like());
  SearchOptions options;
  options.threads = static_cast<int>(state.range(0));
  options.objective = objective;
  options.accelerator = accel;
  Count evaluations = 0;
  for (auto _ : state) {
    options.templates = std::make_shared<TemplateCache>();
    for (const Layer& layer : layers) {
      const SearchResult r = optimize(layer, accel->machine, options);
      evaluations += r.stats.evaluations;
      benchmark::DoNotOptimize(r.best);
    }
  }
  state.counters["conv_layers"] = static_cast<double>(layers.size());
  state.counters["evals_per_run"] =
      static_cast<double>(evaluations) / static_cast<double>(state.iterations());
}

const int kAllThreads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));

#define SPAD_ACCEL_BENCH(name, model, objective)                         \
  BENCHMARK_CAPTURE(search_network, name, std::string(model), objective) \
      ->Arg(1)                                                           \
      ->Arg(kAllThreads)                                                 \
      ->ArgName("threads")                                               \
      ->Unit(benchmark::kMillisecond)                                    \
      ->UseRealTime()

SPAD_ACCEL_BENCH(resnet50_traffic, "resnet50", Objective::traffic);
SPAD_ACCEL_BENCH(resnet50_latency, "resnet50", Objective::latency);
SPAD_ACCEL_BENCH(resnet50_energy, "resnet50", Objective::energy);
SPAD_ACCEL_BENCH(mobilenet_v2_latency, "mobilenet_v2", Objective::latency);
SPAD_ACCEL_BENCH(vgg16_latency, "vgg16", Objective::latency);

}  // namespace
}  // namespace spad
