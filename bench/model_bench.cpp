// Model speed: evaluations per second on ResNet-50-sized layers, through the
// plain pure function evaluate() and through the table-backed Evaluator the
// search calls. Schedules are random but valid.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "io/zoo/network_file.hpp"
#include "model/evaluate.hpp"
#include "model/evaluator.hpp"

namespace spad {
namespace {

struct Workload {
  std::vector<Layer> layers;
  std::vector<std::vector<Schedule>> schedules;  // per layer
};

const Workload& resnet50_workload() {
  static const Workload w = [] {
    Workload out;
    std::mt19937_64 rng(1);
    for (const NetworkLayer& l : load_zoo_model("resnet50").layers) {
      if (l.kind != LayerKind::conv) continue;
      const Layer layer(l.spec);
      std::vector<Schedule> schedules;
      for (int i = 0; i < 64; ++i) {
        Schedule s;
        std::shuffle(s.order.begin(), s.order.end(), rng);
        for (Dim d : kAllDims)
          s.tiles[d] = std::uniform_int_distribution<Count>(1, layer.bound(d))(rng);
        for (Tensor t : kAllTensors) s.buffer_span[t] = static_cast<int>(rng() % 9);
        schedules.push_back(s);
      }
      out.layers.push_back(layer);
      out.schedules.push_back(std::move(schedules));
    }
    return out;
  }();
  return w;
}

void BM_EvaluatePure(benchmark::State& state) {
  const Workload& w = resnet50_workload();
  Machine m;
  m.halo_reuse = state.range(0) != 0;
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t layer = i % w.layers.size();
    const auto& s = w.schedules[layer][(i / w.layers.size()) % 64];
    benchmark::DoNotOptimize(evaluate(w.layers[layer], s, m));
    ++i;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_EvaluatePure)->Arg(0)->Arg(1)->ArgName("halo");

void BM_EvaluatorTables(benchmark::State& state) {
  const Workload& w = resnet50_workload();
  Machine m;
  m.halo_reuse = state.range(0) != 0;
  std::vector<Evaluator> evaluators;
  for (const Layer& l : w.layers) evaluators.emplace_back(l, m);
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t layer = i % w.layers.size();
    benchmark::DoNotOptimize(
        evaluators[layer].evaluate(w.schedules[layer][(i / w.layers.size()) % 64]));
    ++i;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_EvaluatorTables)->Arg(0)->Arg(1)->ArgName("halo");

}  // namespace
}  // namespace spad
