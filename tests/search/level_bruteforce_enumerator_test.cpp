// Self-tests of the several-level brute force (tests/support/level_brute_force),
// before it is used to check the several-level search:
//  - its schedule count on a layer counted by hand;
//  - with one level it finds exactly the optimum of the proven one-level
//    search (optimize(), itself checked against its own brute force in
//    search_bruteforce_test), on random tiny layers and capacities;
//  - a two-level golden case whose optima were derived by hand (below);
//  - its per-array combination equals a full simulate_levels of schedules it
//    enumerated (reduction 3 of the header).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

#include "level_brute_force.hpp"
#include "model/machine.hpp"
#include "search/optimize.hpp"
#include "sim/level_simulator.hpp"

namespace spad {
namespace {

using testing::LevelBruteForce;
using testing::LevelBruteRecord;
using testing::Rng;
using testing::uniform;

// The golden layer: a matrix-vector product, M = 2 outputs, C = 2 inputs,
// every other loop 1. I[c] has 2 elements, W[m][c] 4, O[m] 2.
Layer matvec_2x2() {
  LayerSpec s;
  s.name = "matvec";
  s.C = 2;
  s.M = 2;
  return Layer(s);
}

MemoryLevels two_levels(std::optional<Count> outer, std::optional<Count> inner) {
  MemoryLevels m;
  m.precision = Precision{1, 1, 1, 1};  // every element, partial sums too, one byte
  m.levels = {MemoryLevel{"L2", outer}, MemoryLevel{"L1", inner}};
  return m;
}

// Counted by hand. Per dim d in {m, c} (extent 2) the tile pair (t1, t2) with
// t2 <= t1 is (2,2): idle at both levels; (2,1): live at level 2 only; (1,1):
// live at level 1 only. With a1, a2 live loops at levels 1, 2 a structure has
// a1! a2! orders and (a1 + 2)(a2 + 1) span tuples per array (level 1: bypass
// or a1 + 1 spans; level 2: a2 + 1 spans), so a1! a2! (a1+2)(a2+1) runs and
// a1! a2! ((a1+2)(a2+1))^3 schedules. Over the 9 pairs of states:
//   (2,2)(2,2)          a1=0 a2=0   1 x 2 runs,        8 schedules
//   (2,2)(2,1) x2       a1=0 a2=1   2 x 4 = 8,         2 x 64 = 128
//   (2,2)(1,1) x2       a1=1 a2=0   2 x 3 = 6,         2 x 27 = 54
//   (2,1)(2,1)          a1=0 a2=2   2 x 6 = 12,        2 x 216 = 432
//   (1,1)(1,1)          a1=2 a2=0   2 x 4 = 8,         2 x 64 = 128
//   (2,1)(1,1) x2       a1=1 a2=1   2 x 6 = 12,        2 x 216 = 432
// Total: 48 runs, 1182 schedules.
TEST(LevelBruteForceEnumerator, CountsTheSchedulesOfAHandCountedLayer) {
  const Layer layer = matvec_2x2();
  const testing::LevelBruteSize size = testing::level_brute_force_size(layer, 2);
  EXPECT_EQ(size.simulations, 48);
  EXPECT_EQ(size.schedules, 1182);
  const LevelBruteForce all = testing::level_brute_force(layer, two_levels(std::nullopt, 64));
  EXPECT_EQ(all.simulations, 48);
  EXPECT_EQ(static_cast<Count>(all.records.size()), 1182);
  // One level: per dim t in {1, 2}; (a + 1)^3 a! schedules: 1 + 2 x 8 + 2 x 27 = 71.
  EXPECT_EQ(testing::level_brute_force_size(layer, 1).schedules, 71);
}

// The golden optima of matvec_2x2, every element one byte, no halo reuse, no
// double buffering, derived by hand (K = (boundary 1 bytes, boundary 2 bytes,
// fills, buffer bytes)).
//
// Unbounded: every array bypasses level 1 and its level-2 buffer spans every
// loop: each element crosses both boundaries once (8 = compulsory = 2+4+2 at
// each), one fill per array (3; every array needs a level-2 buffer, filled at
// least once), level-2 buffers hold whole arrays (8 bytes). K = (8, 8, 3, 8).
//
// Level 2 of 3 bytes: each of the three level-2 buffers holds >= 1 element,
// so each holds exactly one. The four MACs (m, c) then run in m-major or
// c-major order. m-major: I[c] changes every MAC (4 loads), W 4 loads, O[m]
// held while c runs (2 writes, no read-back): 10 across boundary 2. c-major:
// I 2, W 4, O[m] changes every MAC (4 writes + 2 read-backs): 12. So boundary
// 2 >= 10, and = 10 only m-major with those 10 single-element fills.
//  - Level 1 of 2 bytes (or more): boundary 1 reaches the compulsory 8 with
//    I held whole at level 1 (2 bytes, 1 fill; anything smaller in m-major
//    order reloads I from off-chip), W and O bypassing it (W has no reuse, O
//    is never read back; a level-1 buffer would only add fills). K = (8, 10,
//    10 + 1, 3 + 2) = (8, 10, 11, 5).
//  - Level 1 of 1 byte: no array's reuse fits at level 1 (I needs 2 elements
//    in m-major order, O 2 in c-major order), so boundary 1 >= 10 (m-major,
//    as above, everything from off-chip), reached with every array bypassing
//    level 1: K = (10, 10, 10, 3).
// Level 2 of 2 bytes: three buffers of >= 1 byte do not fit: nothing fits.
TEST(LevelBruteForceEnumerator, TwoLevelGoldenOptimaDerivedByHand) {
  const Layer layer = matvec_2x2();
  const LevelBruteForce all = testing::level_brute_force(layer, two_levels(std::nullopt, 1));
  struct Case {
    std::optional<Count> outer, inner;
    std::optional<std::vector<Count>> key;
  };
  const std::vector<Case> cases = {
      {std::nullopt, std::nullopt, std::vector<Count>{8, 8, 3, 8}},
      {100, 3, std::vector<Count>{8, 10, 11, 5}},
      {2, 3, std::vector<Count>{8, 10, 11, 5}},
      {1, 3, std::vector<Count>{10, 10, 10, 3}},
      {100, 2, std::nullopt},
  };
  for (const Case& c : cases) {
    const MemoryLevels machine = two_levels(c.outer, c.inner);
    SCOPED_TRACE(testing::describe_level_case(layer, machine));
    const std::optional<LevelBruteRecord> best = testing::level_brute_best(all, machine);
    ASSERT_EQ(best.has_value(), c.key.has_value());
    if (!best) continue;
    EXPECT_EQ(best->key(2), *c.key);
    // The winner, simulated whole, has the combined key and fits.
    const LevelTraffic t = simulate_levels(layer, all.schedule(layer, *best), machine);
    EXPECT_EQ(testing::level_key(t), *c.key);
    EXPECT_TRUE(t.fits());
  }
}

// Reduction 3 checked directly: on random tiny layers, random enumerated
// schedules (any span combination of the three arrays) simulated whole have
// the key and per-level buffer bytes the combination gave them.
TEST(LevelBruteForceEnumerator, PerArrayCombinationEqualsWholeSimulation) {
  Rng rng(20261201);
  int layers = 0;
  while (layers < 40) {
    const Layer layer = testing::tiny_level_layer(rng, 3, 3);
    if (testing::level_brute_force_size(layer, 2).simulations > 3000) continue;
    ++layers;
    MemoryLevels machine = two_levels(std::nullopt, std::nullopt);
    machine.halo_reuse = uniform(rng, 0, 1) == 1;
    machine.double_buffer = uniform(rng, 0, 3) == 0;
    machine.precision =
        Precision{uniform(rng, 1, 2), uniform(rng, 1, 2), uniform(rng, 1, 2), uniform(rng, 2, 4)};
    const LevelBruteForce all = testing::level_brute_force(layer, machine);
    SCOPED_TRACE(testing::describe_level_case(layer, machine));
    for (int k = 0; k < 25; ++k) {
      const LevelBruteRecord& r = all.records[static_cast<std::size_t>(
          uniform(rng, 0, static_cast<Count>(all.records.size()) - 1))];
      const LevelTraffic t = simulate_levels(layer, all.schedule(layer, r), machine);
      ASSERT_EQ(testing::level_key(t), r.key(2));
      for (std::size_t l = 0; l < 2; ++l)
        ASSERT_EQ(t.levels[l].buffer_bytes, r.level_buffer_bytes[l]);
    }
  }
}

// Reductions 1 and 2 are DESIGN.md's statements; the simulator agrees with
// them on random enumerated schedules: each level's idle loops moved to
// random places among its live loops (each span moved with the live loops it
// covers, taking any idle loops next outside it or not), and every deeper
// tile equal to its enclosing tile replaced by a random larger one, leave
// every count of every level unchanged.
TEST(LevelBruteForceEnumerator, IdleLoopsAnywhereAndLargerDeeperTilesChangeNothing) {
  Rng rng(20261203);
  int layers = 0;
  Count moved = 0;
  while (layers < 40) {
    const Layer layer = testing::tiny_level_layer(rng, 4, 3);
    if (testing::level_brute_force_size(layer, 2).simulations > 3000) continue;
    ++layers;
    MemoryLevels machine = two_levels(std::nullopt, std::nullopt);
    machine.halo_reuse = uniform(rng, 0, 1) == 1;
    machine.double_buffer = uniform(rng, 0, 3) == 0;
    const LevelBruteForce all = testing::level_brute_force(layer, machine);
    SCOPED_TRACE(testing::describe_level_case(layer, machine));
    for (int k = 0; k < 25; ++k) {
      const LevelBruteRecord& r = all.records[static_cast<std::size_t>(
          uniform(rng, 0, static_cast<Count>(all.records.size()) - 1))];
      const LevelSchedule s = all.schedule(layer, r);
      const std::array<int, kMaxLevels> first = testing::first_live_positions(layer, s);
      LevelSchedule t = s;
      PerDim<Count> enclosing = layer.bounds();
      for (std::size_t l = 0; l < 2; ++l) {
        const LevelLoops& from = s.levels[l];
        LevelLoops& to = t.levels[l];
        // Which loops are live, innermost first, and the idle ones.
        std::vector<Dim> live(from.order.begin() + first[l], from.order.end());
        std::vector<Dim> idle(from.order.begin(), from.order.begin() + first[l]);
        // Slot i holds the idle loops placed just inside live loop i (slot
        // live.size(): outermost).
        std::vector<std::vector<Dim>> slots(live.size() + 1);
        for (Dim d : idle)
          slots[static_cast<std::size_t>(uniform(rng, 0, static_cast<Count>(live.size())))]
              .push_back(d);
        // A span covering j live loops covers, after the move, the loops up
        // to live loop j, then any number of slot j's idle loops.
        PerTensor<std::optional<int>> live_spanned;
        for (Tensor a : kAllTensors)
          if (from.buffer_span[a]) live_spanned[a] = *from.buffer_span[a] - first[l];
        std::size_t pos = 0;
        std::vector<std::size_t> before_slot(live.size() + 1);
        for (std::size_t i = 0; i <= live.size(); ++i) {
          before_slot[i] = pos;
          for (Dim d : slots[i]) to.order[pos++] = d;
          if (i < live.size()) to.order[pos++] = live[i];
        }
        for (Tensor a : kAllTensors) {
          if (!live_spanned[a]) continue;
          const auto j = static_cast<std::size_t>(*live_spanned[a]);
          to.buffer_span[a] =
              static_cast<int>(before_slot[j]) +
              static_cast<int>(uniform(rng, 0, static_cast<Count>(slots[j].size())));
        }
        if (l > 0)
          for (Dim d : kAllDims)
            if (from.tiles[d] == enclosing[d])
              to.tiles[d] = uniform(rng, enclosing[d], layer.bound(d));
        enclosing = from.tiles;
      }
      moved += t != s;
      ASSERT_EQ(simulate_levels(layer, t, machine), simulate_levels(layer, s, machine));
    }
  }
  EXPECT_GE(moved, 500);  // most draws really changed the schedule
}

// With one level the brute force's optimum is exactly optimize()'s (traffic,
// fills, buffer bytes), at capacities from below the least buffer to above
// the largest.
TEST(LevelBruteForceEnumerator, OneLevelEqualsTheOneLevelSearch) {
  Rng rng(1201);
  int layers = 0;
  Count schedules = 0;
  while (layers < 120) {
    const Layer layer = testing::tiny_level_layer(rng, 4, 4);
    if (testing::level_brute_force_size(layer, 1).schedules > 6000) continue;
    ++layers;
    MemoryLevels machine;
    machine.halo_reuse = uniform(rng, 0, 1) == 1;
    machine.double_buffer = uniform(rng, 0, 3) == 0;
    machine.precision =
        Precision{uniform(rng, 1, 2), uniform(rng, 1, 2), uniform(rng, 1, 2), uniform(rng, 2, 4)};
    machine.levels = {MemoryLevel{"", std::nullopt}};
    const LevelBruteForce all = testing::level_brute_force(layer, machine);
    schedules += static_cast<Count>(all.records.size());
    Count least = all.records.front().buffer_bytes, most = least;
    for (const LevelBruteRecord& r : all.records) {
      least = std::min(least, r.buffer_bytes);
      most = std::max(most, r.buffer_bytes);
    }
    std::vector<Count> capacities = {least - 1, least, most};
    for (int i = 0; i < 3; ++i) capacities.push_back(uniform(rng, least, most));
    for (Count capacity : capacities) {
      if (capacity < 1) continue;
      machine.levels[0].capacity_bytes = capacity;
      SCOPED_TRACE(testing::describe_level_case(layer, machine));
      const std::optional<LevelBruteRecord> want = testing::level_brute_best(all, machine);
      Machine one;
      one.precision = machine.precision;
      one.halo_reuse = machine.halo_reuse;
      one.double_buffer = machine.double_buffer;
      one.capacity_bytes = capacity;
      SearchOptions options;
      options.threads = 1;
      const SearchResult got = optimize(layer, one, options);
      ASSERT_EQ(got.best.has_value(), want.has_value());
      if (!want) continue;
      const Traffic& t = got.best->traffic;
      EXPECT_EQ((std::vector<Count>{t.traffic_bytes, t.total_fills(), t.buffer_bytes}),
                want->key(1));
      const LevelTraffic whole = simulate_levels(layer, all.schedule(layer, *want), machine);
      EXPECT_EQ(testing::level_key(whole), want->key(1));
    }
  }
  std::printf("one-level brute force: %lld schedules over %d layers\n",
              static_cast<long long>(schedules), layers);
}

}  // namespace
}  // namespace spad
