// Speed of the level search optimize_levels (search/level_search) for two
// on-chip levels, int8 data and int32 partial sums.
//
//   BM_LevelSearchSmall/<structures>   one small layer, time against the
//       number of tile x order choices per level (level_structures): the
//       search visits every one at level 1 and, below the nodes its bounds
//       keep, every one at level 2.
//   BM_LevelSearchAccelSmall/<case>/<objective>   the same layers on an
//       accelerator of two levels, for latency (0), energy (1), traffic (2).
//   BM_LevelSearchResNet50 / MobileNetV2   the whole network at
//       512 KiB + 64 KiB (the targets of issue 15: <= 5 s and <= 2 s on two
//       cores). Its layers are far beyond the exhaustive level search
//       (level_search_size, every level's choices, of 10^10 and more against
//       the kMaxLevelSearchSize it takes), so these report the refusal and
//       how many distinct shapes the search would take, instead of a time.
#include <benchmark/benchmark.h>

#include <array>
#include <set>
#include <string>

#include "base/error.hpp"
#include "io/zoo/network_file.hpp"
#include "search/level_search.hpp"
#include "search/level_search_size.hpp"

namespace spad {
namespace {

MemoryLevels two_levels(Count outer, Count inner) {
  MemoryLevels m;
  m.precision = Precision{1, 1, 1, 4};
  m.levels = {MemoryLevel{"L2", outer}, MemoryLevel{"L1", inner}};
  return m;
}

// C, M, H = W, R = S and the capacities of each small case.
struct SmallCase {
  Count C, M, HW, RS, outer, inner;
};
constexpr SmallCase kSmall[] = {
    {2, 2, 4, 1, 40, 10},  // m c p q of extents 2 2 4 4: 413 structures
    {2, 2, 5, 1, 50, 10},  // 2 2 5 5: 701
    {2, 4, 4, 1, 40, 10},  // 4 2 4 4: 1055
    {4, 4, 4, 1, 60, 10},  // 4 4 4 4: 2713
};

void BM_LevelSearchSmall(benchmark::State& state) {
  const SmallCase& c = kSmall[state.range(0)];
  const Layer layer(
      LayerSpec{.name = "small", .C = c.C, .M = c.M, .H = c.HW, .W = c.HW, .R = c.RS, .S = c.RS});
  const MemoryLevels machine = two_levels(c.outer, c.inner);
  LevelSearchStats stats;
  for (auto _ : state) {
    const LevelSearchResult r = optimize_levels(layer, machine, {.threads = 1});
    stats = r.stats;
    benchmark::DoNotOptimize(r.best);
  }
  state.counters["structures"] = static_cast<double>(level_structures(layer, 2));
  state.counters["search_size"] = static_cast<double>(level_search_size(layer, 2));
  state.counters["model_calls"] = static_cast<double>(stats.evaluations);
  state.counters["leaves"] = static_cast<double>(stats.leaves);
  state.counters["cut"] = static_cast<double>(stats.nodes_cut);
  state.counters["joined"] = static_cast<double>(stats.orders_joined);
}
BENCHMARK(BM_LevelSearchSmall)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);

// The same layers on an accelerator of two levels (`spad accel --layer L
// --machine M.yaml`), for objective latency (0), energy (1), traffic (2):
// the key starts with the cost (search/level_objective), the bounds feed the
// cost's inputs, the span choice costs every feasible triple.
void BM_LevelSearchAccelSmall(benchmark::State& state) {
  const SmallCase& c = kSmall[state.range(0)];
  const Layer layer(
      LayerSpec{.name = "small", .C = c.C, .M = c.M, .H = c.HW, .W = c.HW, .R = c.RS, .S = c.RS});
  LevelAccelerator accel;
  accel.name = "bench";
  accel.memory = two_levels(c.outer, c.inner);
  accel.memory.double_buffer = true;
  accel.memory.levels[0].capacity_bytes = 2 * c.outer;
  accel.memory.levels[1].capacity_bytes = 2 * c.inner;
  // A slow off-chip port with a large setup, a fast inner one (gap-like).
  accel.ports = {LevelPort{16, 60, 10500, EnergySource::file},
                 LevelPort{64, 10, 4500, EnergySource::file}};
  accel.mac_array.unroll[Dim::m] = 2;
  accel.mac_array.unroll[Dim::c] = 2;
  accel.clock_mhz = 100;
  accel.mac_fj = 300;
  accel.offchip_fj_per_byte = 162500;
  const Objective objective =
      std::array{Objective::latency, Objective::energy, Objective::traffic}[state.range(1)];
  LevelSearchStats stats;
  for (auto _ : state) {
    LevelSearchOptions options;
    options.threads = 1;
    options.objective = LevelObjective{objective, &accel};
    const LevelSearchResult r = optimize_levels(layer, accel.memory, options);
    stats = r.stats;
    benchmark::DoNotOptimize(r.best);
  }
  state.SetLabel(std::string(objective_name(objective)));
  state.counters["structures"] = static_cast<double>(level_structures(layer, 2));
  state.counters["model_calls"] = static_cast<double>(stats.evaluations);
  state.counters["leaves"] = static_cast<double>(stats.leaves);
  state.counters["cut"] = static_cast<double>(stats.nodes_cut);
  state.counters["joined"] = static_cast<double>(stats.orders_joined);
}
BENCHMARK(BM_LevelSearchAccelSmall)
    ->ArgsProduct({{0, 1, 2, 3}, {0, 1, 2}})
    ->Unit(benchmark::kMillisecond);

void whole_network(benchmark::State& state, const char* model) {
  const Network net = load_zoo_model(model);
  std::set<LayerSpec, bool (*)(const LayerSpec&, const LayerSpec&)> shapes([](const LayerSpec& a,
                                                                              const LayerSpec& b) {
    auto key = [](const LayerSpec& s) {
      return std::tuple(s.N, s.C, s.M, s.H, s.W, s.R, s.S, s.stride_h, s.stride_w, s.dilation_h,
                        s.dilation_w, s.pad_top, s.pad_left, s.pad_bottom, s.pad_right, s.groups);
    };
    return key(a) < key(b);
  });
  Count beyond = 0, largest = 0;
  for (const NetworkLayer& l : net.layers) {
    shapes.insert(l.spec);
    const Count n = level_search_size(Layer(l.spec), 2);
    beyond += n > kMaxLevelSearchSize;
    largest = std::max(largest, n);
  }
  const MemoryLevels machine = two_levels(512 * 1024, 64 * 1024);
  for (auto _ : state) {
    try {
      for (const LayerSpec& s : shapes)
        benchmark::DoNotOptimize(optimize_levels(Layer(s), machine));
    } catch (const UserError& e) {
      const std::string message = std::to_string(net.layers.size()) + " layers, " +
                                  std::to_string(shapes.size()) + " distinct shapes, " +
                                  std::to_string(beyond) +
                                  " beyond the level search (largest: " + std::to_string(largest) +
                                  " choices over both levels); first refusal: " + e.what();
      state.SkipWithError(message.c_str());
      break;
    }
  }
}

void BM_LevelSearchResNet50(benchmark::State& state) { whole_network(state, "resnet50"); }
void BM_LevelSearchMobileNetV2(benchmark::State& state) { whole_network(state, "mobilenet_v2"); }
BENCHMARK(BM_LevelSearchResNet50)->Unit(benchmark::kSecond)->Iterations(1);
BENCHMARK(BM_LevelSearchMobileNetV2)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace
}  // namespace spad
