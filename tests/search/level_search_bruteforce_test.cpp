// The level search against brute force: on random tiny layers, every
// combination of every level's tiles (1..D, larger than the enclosing tile
// included) x loop order x buffer span or bypass is costed by the level
// model, and optimize_levels must return exactly the least (bytes across
// boundary 1, boundary 2, ..., fills, buffer bytes) among the schedules where
// every level fits. The schedule it returns is replayed by the level
// SIMULATOR, which must count exactly the returned traffic.
//
// The only reduction the brute force makes is DESIGN.md's own statement that
// a loop whose dimension has extent 1 is a no-op: such loops are placed
// innermost and spans over them alone are written 0. (The model is the
// simulator's equal on every field: tests/model/level_model_vs_sim_test.)
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "model/level_evaluate.hpp"
#include "random_cases.hpp"
#include "search/level_search.hpp"
#include "sim/level_simulator.hpp"

namespace spad {
namespace {

using testing::Rng;
using testing::uniform;

// A random layer with every extent <= max_extent and exactly `live` loops of
// extent > 1.
Layer tiny_layer(Rng& rng, int live, Count max_extent) {
  for (;;) {
    LayerSpec s;
    s.name = "tiny";
    s.N = uniform(rng, 1, 2);
    s.groups = uniform(rng, 0, 3) == 0 ? 2 : 1;
    s.C = s.groups * uniform(rng, 1, 2);
    s.M = s.groups * uniform(rng, 1, 3);
    s.R = uniform(rng, 1, 3);
    s.S = uniform(rng, 1, 2);
    s.stride_h = uniform(rng, 1, 2);
    s.stride_w = uniform(rng, 1, 2);
    s.dilation_h = uniform(rng, 1, 2);
    s.H = uniform(rng, 1, 5);
    s.W = uniform(rng, 1, 4);
    s.pad_top = uniform(rng, 0, 1);
    s.pad_bottom = uniform(rng, 0, 1);
    s.pad_left = uniform(rng, 0, 1);
    if (s.dilation_h * (s.R - 1) + 1 > s.H + s.pad_top + s.pad_bottom) continue;
    if (s.S > s.W + s.pad_left) continue;
    const Layer layer(s);
    int n = 0;
    bool small = true;
    for (Dim d : kAllDims) {
      n += layer.bound(d) > 1;
      small = small && layer.bound(d) <= max_extent;
    }
    if (small && n == live) return layer;
  }
}

// A layer whose only loops of extent > 1 are `live` distinct ones of n m c p
// q r, each of extent 2..max_extent: pairs such as (m, p) or (m, c) make
// arrays compete for a small buffer, so capacities bind.
Layer reuse_layer(Rng& rng, int live, Count max_extent) {
  std::vector<Dim> dims = {Dim::n, Dim::m, Dim::c, Dim::p, Dim::q, Dim::r};
  std::shuffle(dims.begin(), dims.end(), rng);
  PerDim<Count> e;
  for (Dim d : kAllDims) e[d] = 1;
  for (int i = 0; i < live; ++i) e[dims[static_cast<std::size_t>(i)]] = uniform(rng, 2, max_extent);
  LayerSpec s;
  s.name = "reuse";
  s.N = e[Dim::n];
  s.M = e[Dim::m];
  s.C = e[Dim::c];
  s.R = e[Dim::r];
  s.S = 1;
  s.H = e[Dim::p] + e[Dim::r] - 1;
  s.W = e[Dim::q];
  return Layer(s);
}

struct Best {
  std::vector<Count> key;  // boundary bytes, fills, buffer bytes
};

std::vector<Count> key_of(const LevelTraffic& t) {
  std::vector<Count> key;
  for (const LevelCost& c : t.levels) key.push_back(c.traffic_bytes);
  key.push_back(t.total_fills());
  key.push_back(t.total_buffer_bytes());
  return key;
}

// Every choice of one level's loops: tiles 1..D, orders of the extent>1
// loops (extent-1 loops innermost), spans 0 or above the extent-1 loops, or
// a bypass when the level is not the innermost.
std::vector<LevelLoops> level_choices(const Layer& layer, bool innermost) {
  std::vector<Dim> idle, live;
  for (Dim d : kAllDims) (layer.bound(d) > 1 ? live : idle).push_back(d);
  std::vector<std::optional<int>> spans;
  if (!innermost) spans.push_back(std::nullopt);
  spans.push_back(0);
  for (std::size_t k = idle.size() + 1; k <= kNumDims; ++k) spans.push_back(static_cast<int>(k));
  std::vector<LevelLoops> out;
  LevelLoops g;
  for (Dim d : kAllDims) g.tiles[d] = 1;
  for (;;) {
    std::vector<Dim> order = live;
    do {
      std::size_t pos = 0;
      for (Dim d : idle) g.order[pos++] = d;
      for (Dim d : order) g.order[pos++] = d;
      for (const auto& si : spans)
        for (const auto& sw : spans)
          for (const auto& so : spans) {
            g.buffer_span = PerTensor<std::optional<int>>{{si, sw, so}};
            out.push_back(g);
          }
    } while (std::next_permutation(order.begin(), order.end()));
    std::size_t i = 0;
    for (; i < kNumDims; ++i) {
      const Dim d = kAllDims[i];
      if (++g.tiles[d] <= layer.bound(d)) break;
      g.tiles[d] = 1;
    }
    if (i == kNumDims) break;
  }
  return out;
}

std::optional<std::vector<Count>> brute_force(const Layer& layer, const MemoryLevels& machine) {
  const std::size_t L = machine.levels.size();
  std::vector<std::vector<LevelLoops>> choices;
  for (std::size_t l = 0; l < L; ++l) choices.push_back(level_choices(layer, l + 1 == L));
  std::optional<std::vector<Count>> best;
  LevelSchedule s;
  s.levels.resize(L);
  std::vector<std::size_t> at(L, 0);
  for (;;) {
    for (std::size_t l = 0; l < L; ++l) s.levels[l] = choices[l][at[l]];
    const LevelTraffic t = evaluate_levels(layer, s, machine);
    if (t.fits()) {
      const std::vector<Count> key = key_of(t);
      if (!best || key < *best) best = key;
    }
    std::size_t l = L;
    for (; l-- > 0;) {
      if (++at[l] < choices[l].size()) break;
      at[l] = 0;
    }
    if (l == static_cast<std::size_t>(-1)) break;
  }
  return best;
}

MemoryLevels tiny_machine(Rng& rng, const Layer& layer, std::size_t levels) {
  MemoryLevels m;
  m.precision = Precision{uniform(rng, 1, 2), uniform(rng, 1, 2), 1, uniform(rng, 1, 4)};
  m.precision.output = uniform(rng, 1, m.precision.psum);
  m.halo_reuse = uniform(rng, 0, 1) == 1;
  m.double_buffer = uniform(rng, 0, 3) == 0;
  // Capacities that bind: the innermost level a little above the least
  // buffers (one element of each array), outer levels below the whole layer.
  const Count copies = m.double_buffer ? 2 : 1;
  const Count least = copies * (m.precision.input + m.precision.weight + m.precision.psum);
  const Count whole = copies * (layer.size(Tensor::I) * m.precision.input +
                                layer.size(Tensor::W) * m.precision.weight +
                                layer.size(Tensor::O) * m.precision.psum);
  for (std::size_t l = 0; l < levels; ++l) {
    const Count cap = l + 1 == levels ? least + uniform(rng, 0, least / 2)
                                      : uniform(rng, 1, std::max(least, whole));
    MemoryLevel level;
    level.name = "L";
    level.name += std::to_string(levels - l);  // not "L" + ...: GCC 12 -Wrestrict
    level.capacity_bytes = cap;
    m.levels.push_back(level);
  }
  return m;
}

// What the cases cover: optima that bypass a level, and optima above the
// compulsory traffic (a capacity binds).
struct Coverage {
  int bypass = 0, held = 0, above_compulsory = 0, inner_above_outer = 0, none_fits = 0;
};

void check_case(const Layer& layer, const MemoryLevels& machine, Coverage& coverage) {
  SCOPED_TRACE(layer.spec().name);
  const std::optional<std::vector<Count>> expected = brute_force(layer, machine);
  const LevelSearchResult got = optimize_levels(layer, machine, {.threads = 2});
  ASSERT_EQ(expected.has_value(), got.best.has_value());
  if (!expected) {
    ++coverage.none_fits;
    return;
  }
  for (const LevelLoops& l : got.best->schedule.levels)
    for (Tensor a : kAllTensors) (l.buffer_span[a] ? coverage.held : coverage.bypass) += 1;
  const std::vector<LevelCost>& levels = got.best->traffic.levels;
  coverage.inner_above_outer +=
      levels.size() > 1 && levels[1].traffic_bytes > levels[0].traffic_bytes;
  coverage.above_compulsory +=
      got.best->traffic.levels[0].traffic_bytes > got.best->traffic.levels[0].compulsory_bytes;
  EXPECT_EQ(key_of(got.best->traffic), *expected);
  // The returned traffic is the model's, and the simulator replays the same.
  EXPECT_EQ(got.best->traffic, evaluate_levels(layer, got.best->schedule, machine));
  EXPECT_EQ(got.best->traffic, simulate_levels(layer, got.best->schedule, machine));
}

TEST(LevelSearchBruteForce, TwoLevelsOnTinyLayers) {
  Coverage coverage;
  Rng rng(1501);
  for (int i = 0; i < 6; ++i) {
    const Layer layer = i % 2 ? tiny_layer(rng, 2, 3) : reuse_layer(rng, 2, 3);
    const MemoryLevels machine = tiny_machine(rng, layer, 2);
    check_case(layer, machine, coverage);
  }
  EXPECT_GT(coverage.bypass, 0);
  EXPECT_GT(coverage.inner_above_outer, 0);
}

TEST(LevelSearchBruteForce, OneLevelOnTinyLayers) {
  Coverage coverage;
  Rng rng(1502);
  for (int i = 0; i < 10; ++i) {
    const Layer layer = tiny_layer(rng, 3, 3);
    check_case(layer, tiny_machine(rng, layer, 1), coverage);
  }
}

// Many more two-level layers, and three levels (ctest label slow).
TEST(LevelSearchSlow, TwoLevelsOnTinyLayersMany) {
  Coverage coverage;
  Rng rng(1503);
  for (int i = 0; i < 40; ++i) {
    const Layer layer = i % 2 ? tiny_layer(rng, 2, 3) : reuse_layer(rng, 2, 3);
    check_case(layer, tiny_machine(rng, layer, 2), coverage);
  }
  EXPECT_GT(coverage.bypass, 0);
  EXPECT_GT(coverage.inner_above_outer, 0);
  EXPECT_GT(coverage.above_compulsory, 0);
}

TEST(LevelSearchSlow, ThreeLevelsOnTinyLayers) {
  Coverage coverage;
  Rng rng(1504);
  for (int i = 0; i < 4; ++i) {
    const Layer layer = i % 2 ? tiny_layer(rng, 1, 3) : reuse_layer(rng, 1, 3);
    check_case(layer, tiny_machine(rng, layer, 3), coverage);
  }
  EXPECT_GT(coverage.bypass, 0);
}

}  // namespace
}  // namespace spad
