// Speed of the several-level model evaluate_levels (ns per call, what the
// level search will pay per schedule): a ResNet-50 layer (res2a_branch2b:
// 64 -> 64 channels, 56 x 56, 3 x 3, pad 1) under DESIGN.md's two-level
// example schedule, under random two-level schedules (inner tiles within the
// outer ones, spans and bypasses random), and over every ResNet-50 conv.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "io/zoo/network_file.hpp"
#include "model/level_evaluate.hpp"

namespace spad {
namespace {

Layer res2a_branch2b() {
  return Layer(LayerSpec{.name = "res2a_branch2b",
                         .N = 1,
                         .C = 64,
                         .M = 64,
                         .H = 56,
                         .W = 56,
                         .R = 3,
                         .S = 3,
                         .pad_top = 1,
                         .pad_left = 1,
                         .pad_bottom = 1,
                         .pad_right = 1});
}

MemoryLevels two_levels(bool halo) {
  MemoryLevels m;
  m.precision = Precision{1, 1, 1, 4};
  m.halo_reuse = halo;
  m.levels = {MemoryLevel{"L2", 512 * 1024}, MemoryLevel{"L1", 64 * 1024}};
  return m;
}

std::array<Dim, kNumDims> order_of(const char* letters) {
  std::array<Dim, kNumDims> o{};
  for (std::size_t i = 0; i < kNumDims; ++i) o[i] = *parse_dim(std::string_view(letters + i, 1));
  return o;
}

// DESIGN.md's two-level example.
LevelSchedule design_example() {
  LevelLoops l2;
  l2.name = "L2";
  l2.order = order_of("srqpcmgn");
  l2.tiles[Dim::n] = 1, l2.tiles[Dim::g] = 1, l2.tiles[Dim::m] = 64, l2.tiles[Dim::c] = 64;
  l2.tiles[Dim::p] = 28, l2.tiles[Dim::q] = 56, l2.tiles[Dim::r] = 3, l2.tiles[Dim::s] = 3;
  l2.buffer_span[Tensor::I] = 2, l2.buffer_span[Tensor::O] = 3;
  LevelLoops l1;
  l1.name = "L1";
  l1.order = order_of("srqcpmgn");
  l1.tiles[Dim::n] = 1, l1.tiles[Dim::g] = 1, l1.tiles[Dim::m] = 16, l1.tiles[Dim::c] = 8;
  l1.tiles[Dim::p] = 4, l1.tiles[Dim::q] = 56, l1.tiles[Dim::r] = 3, l1.tiles[Dim::s] = 3;
  l1.buffer_span[Tensor::I] = 0, l1.buffer_span[Tensor::W] = 4, l1.buffer_span[Tensor::O] = 2;
  return LevelSchedule{{l2, l1}};
}

// Random two-level schedules with each inner tile at most the outer one.
std::vector<LevelSchedule> random_schedules(const Layer& layer, int count, std::mt19937_64& rng) {
  std::vector<LevelSchedule> out;
  for (int i = 0; i < count; ++i) {
    LevelSchedule s;
    s.levels.resize(2);
    for (std::size_t l = 0; l < 2; ++l) {
      LevelLoops& g = s.levels[l];
      std::shuffle(g.order.begin(), g.order.end(), rng);
      for (Dim d : kAllDims) {
        const Count hi = l == 0 ? layer.bound(d) : s.levels[0].tiles[d];
        g.tiles[d] = std::uniform_int_distribution<Count>(1, hi)(rng);
      }
      for (Tensor t : kAllTensors) {
        const bool bypass = l == 0 && rng() % 4 == 0;
        if (!bypass) g.buffer_span[t] = static_cast<int>(rng() % 9);
      }
    }
    out.push_back(s);
  }
  return out;
}

void BM_LevelModelDesignExample(benchmark::State& state) {
  const Layer layer = res2a_branch2b();
  const LevelSchedule s = design_example();
  const MemoryLevels m = two_levels(state.range(0) != 0);
  for (auto _ : state) benchmark::DoNotOptimize(evaluate_levels(layer, s, m));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_LevelModelDesignExample)->Arg(0)->Arg(1)->ArgName("halo");

void BM_LevelModelRandomSchedules(benchmark::State& state) {
  const Layer layer = res2a_branch2b();
  std::mt19937_64 rng(7);
  const std::vector<LevelSchedule> schedules = random_schedules(layer, 256, rng);
  const MemoryLevels m = two_levels(state.range(0) != 0);
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(evaluate_levels(layer, schedules[i % schedules.size()], m));
    ++i;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_LevelModelRandomSchedules)->Arg(0)->Arg(1)->ArgName("halo");

void BM_LevelModelResNet50(benchmark::State& state) {
  std::vector<Layer> layers;
  std::vector<std::vector<LevelSchedule>> schedules;
  std::mt19937_64 rng(11);
  for (const NetworkLayer& l : load_zoo_model("resnet50").layers) {
    if (l.kind != LayerKind::conv) continue;
    layers.emplace_back(l.spec);
    schedules.push_back(random_schedules(layers.back(), 32, rng));
  }
  const MemoryLevels m = two_levels(state.range(0) != 0);
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i % layers.size();
    benchmark::DoNotOptimize(
        evaluate_levels(layers[k], schedules[k][(i / layers.size()) % 32], m));
    ++i;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_LevelModelResNet50)->Arg(0)->Arg(1)->ArgName("halo");

}  // namespace
}  // namespace spad
