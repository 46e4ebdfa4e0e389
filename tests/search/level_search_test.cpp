// The facts the level search relies on (search/level_searcher.cpp), each
// checked against the level model on random several-level schedules, and the
// search's own properties: one level equals optimize(), the answer is the
// same for any thread count, the returned schedule is canonical, and bad
// machines are refused.
#include "search/level_search.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "base/error.hpp"
#include "model/evaluate.hpp"
#include "model/level_evaluate.hpp"
#include "random_level_cases.hpp"
#include "search/level_search_size.hpp"
#include "search/optimize.hpp"

namespace spad {
namespace {

using testing::random_layer;
using testing::random_level_schedule;
using testing::random_memory_levels;
using testing::Rng;
using testing::uniform;

MemoryLevels unbounded(MemoryLevels m, std::size_t levels) {
  m.levels.resize(levels);
  for (MemoryLevel& l : m.levels) l.capacity_bytes.reset();
  return m;
}

// Levels 1..l of `s`, with A's level-l buffer at `span` where it bypasses
// (the innermost level must hold every array).
LevelSchedule truncated(const LevelSchedule& s, std::size_t l, int span = 0) {
  LevelSchedule t;
  t.levels.assign(s.levels.begin(), s.levels.begin() + static_cast<std::ptrdiff_t>(l));
  for (Tensor a : kAllTensors)
    if (!t.levels.back().buffer_span[a]) t.levels.back().buffer_span[a] = span;
  return t;
}

Count crossing(const LevelCost& c, Tensor a) {
  return c.arrays[a].read_bytes + c.arrays[a].write_bytes;
}

// A level-h buffer depends on levels 1..h alone: the model on levels 1..l
// gives every buffer of levels 1..l the counts it has in the whole schedule.
TEST(LevelSearchFacts, OuterBuffersIgnoreDeeperLevels) {
  Rng rng(1511);
  for (int i = 0; i < 3000; ++i) {
    const Layer layer = random_layer(rng, 6);
    const std::size_t L = static_cast<std::size_t>(uniform(rng, 2, 4));
    const MemoryLevels machine = unbounded(random_memory_levels(rng, L), L);
    const LevelSchedule s = random_level_schedule(rng, layer, L);
    const LevelTraffic full = evaluate_levels(layer, s, machine);
    for (std::size_t l = 1; l < L; ++l) {
      const LevelTraffic part = evaluate_levels(layer, truncated(s, l), unbounded(machine, l));
      for (std::size_t h = 0; h < l; ++h)
        for (Tensor a : kAllTensors) {
          if (!s.levels[h].buffer_span[a]) continue;
          const ArrayTraffic& x = full.levels[h].arrays[a];
          const ArrayTraffic& y = part.levels[h].arrays[a];
          ASSERT_EQ(x.buffer_bytes, y.buffer_bytes) << i;
          ASSERT_EQ(x.fills, y.fills) << i;
          // Held at h: what crosses boundary h is this buffer's own transfers.
          ASSERT_EQ(crossing(full.levels[h], a), crossing(part.levels[h], a)) << i;
        }
    }
  }
}

// Bounds (B), (F), (S) of level_searcher.cpp and the compulsory floor.
TEST(LevelSearchFacts, NodeBoundsHoldForEveryCompletion) {
  Rng rng(1512);
  int strict_b = 0, strict_f = 0;
  for (int i = 0; i < 3000; ++i) {
    const Layer layer = random_layer(rng, 6);
    const std::size_t L = static_cast<std::size_t>(uniform(rng, 2, 4));
    const MemoryLevels machine = unbounded(random_memory_levels(rng, L), L);
    const LevelSchedule s = random_level_schedule(rng, layer, L);
    const LevelTraffic full = evaluate_levels(layer, s, machine);
    const Count compulsory = compulsory_bytes(layer, machine.precision);
    for (const LevelCost& c : full.levels) ASSERT_GE(c.traffic_bytes, compulsory) << i;
    // (S): the all-ones one-level buffers.
    LevelSchedule ones;
    ones.levels.resize(1);
    for (Dim d : kAllDims) ones.levels[0].tiles[d] = 1;
    for (Tensor a : kAllTensors) ones.levels[0].buffer_span[a] = 0;
    const LevelTraffic least = evaluate_levels(layer, ones, unbounded(machine, 1));
    for (Tensor a : kAllTensors)
      ASSERT_GE(full.levels[L - 1].arrays[a].buffer_bytes, least.levels[0].arrays[a].buffer_bytes);
    for (std::size_t l = 1; l < L; ++l) {
      // The span-0 "pseudo" buffer of every array at level l.
      LevelSchedule zero = truncated(s, l);
      for (Tensor a : kAllTensors) zero.levels.back().buffer_span[a] = 0;
      const LevelTraffic pseudo = evaluate_levels(layer, zero, unbounded(machine, l));
      for (Tensor a : kAllTensors) {
        const Count p = crossing(pseudo.levels[l - 1], a);
        // (F): the innermost buffer is filled at least as often.
        ASSERT_GE(full.levels[L - 1].arrays[a].fills, pseudo.levels[l - 1].arrays[a].fills) << i;
        strict_f += full.levels[L - 1].arrays[a].fills > pseudo.levels[l - 1].arrays[a].fills;
        for (std::size_t b = 0; b < L; ++b) {
          // (B): boundary b's bytes of A come from a buffer deeper than l
          // when A has no buffer at levels b+1..l (0-based b..l-1).
          bool held = false;
          for (std::size_t h = b; h < l; ++h) held = held || s.levels[h].buffer_span[a].has_value();
          if (held) continue;
          ASSERT_GE(crossing(full.levels[b], a), p) << i << " boundary " << b + 1;
          strict_b += crossing(full.levels[b], a) > p;
        }
      }
    }
  }
  EXPECT_GT(strict_b, 0);
  EXPECT_GT(strict_f, 0);
}

// A random layer small enough for the exhaustive level search.
Layer small_layer(Rng& rng, int max_live, Count max_extent) {
  for (;;) {
    const Layer layer = random_layer(rng, max_extent);
    int live = 0;
    bool small = true;
    for (Dim d : kAllDims) {
      live += layer.bound(d) > 1;
      small = small && layer.bound(d) <= max_extent;
    }
    if (small && live <= max_live && live >= 1) return layer;
  }
}

// One level: exactly optimize()'s answer, for layers of any size.
TEST(LevelSearch, OneLevelEqualsOptimize) {
  Rng rng(1513);
  for (int i = 0; i < 60; ++i) {
    const Layer layer = i % 2 ? small_layer(rng, 4, 4) : random_layer(rng, 9);
    Machine machine = testing::random_machine(rng);
    const Count least = smallest_capacity_bytes(layer, machine);
    machine.capacity_bytes = least + uniform(rng, 0, 4 * least);
    const SearchResult one = optimize(layer, machine, SearchOptions{});
    const LevelSearchResult levels = optimize_levels(layer, as_memory_levels(machine), {});
    ASSERT_EQ(one.best.has_value(), levels.best.has_value()) << i;
    if (!one.best) continue;
    const Traffic& t = one.best->traffic;
    const LevelCost& c = levels.best->traffic.levels.at(0);
    EXPECT_EQ(c.traffic_bytes, t.traffic_bytes) << i;
    EXPECT_EQ(levels.best->traffic.total_fills(), t.total_fills()) << i;
    EXPECT_EQ(c.buffer_bytes, t.buffer_bytes) << i;
    EXPECT_EQ(levels.best->schedule, as_levels(one.best->schedule)) << i;
  }
}

MemoryLevels two_levels(Count outer, Count inner, bool halo) {
  MemoryLevels m;
  m.precision = Precision{1, 1, 1, 4};
  m.halo_reuse = halo;
  m.levels = {MemoryLevel{"L2", outer}, MemoryLevel{"L1", inner}};
  return m;
}

// The same schedule for any thread count, and a canonical one: tiles at most
// the enclosing tile, loops making one trip innermost in dim order.
TEST(LevelSearch, SameAnswerForAnyThreadCountAndCanonical) {
  Rng rng(1514);
  for (int i = 0; i < 8; ++i) {
    const Layer layer = small_layer(rng, 3, 4);
    const MemoryLevels machine =
        two_levels(uniform(rng, 8, 200), uniform(rng, 6, 24), uniform(rng, 0, 1) == 1);
    const LevelSearchResult a = optimize_levels(layer, machine, {.threads = 1});
    for (int threads : {2, 3}) {
      const LevelSearchResult b = optimize_levels(layer, machine, {.threads = threads});
      ASSERT_EQ(a.best.has_value(), b.best.has_value());
      if (a.best) {
        EXPECT_EQ(a.best->schedule, b.best->schedule) << i << " threads " << threads;
        EXPECT_EQ(a.best->traffic, b.best->traffic);
      }
    }
    if (!a.best) continue;
    EXPECT_EQ(a.best->traffic, evaluate_levels(layer, a.best->schedule, machine));
    PerDim<Count> enclosing = layer.bounds();
    for (const LevelLoops& l : a.best->schedule.levels) {
      std::size_t pos = 0;
      for (Dim d : kAllDims) {
        EXPECT_LE(l.tiles[d], enclosing[d]);
        if (l.tiles[d] == enclosing[d]) {
          EXPECT_EQ(l.order[pos++], d) << "one-trip loops innermost";
        }
      }
      enclosing = l.tiles;
    }
  }
}

TEST(LevelSearch, EveryLevelNeedsACapacity) {
  const Layer layer(LayerSpec{.name = "x", .C = 2, .M = 2, .H = 3, .W = 3, .R = 1, .S = 1});
  MemoryLevels m = two_levels(100, 20, false);
  m.levels[1].capacity_bytes.reset();
  try {
    optimize_levels(layer, m);
    FAIL() << "no error";
  } catch (const UserError& e) {
    EXPECT_NE(std::string(e.what()).find("level 2 (L1)"), std::string::npos) << e.what();
  }
}

// Counted by hand: m = 4, c = 2, p = 4, q = 4 (C = 2, M = 4, H = W = 4, R = 1).
// Tile vectors by loops below their extent: (1 + x)(1 + 3x)^3 =
// 1 + 10x + 36x^2 + 54x^3 + 27x^4, each with k! orders:
// 1 + 10 + 72 + 324 + 648 = 1055.
TEST(LevelSearch, CountsItsStructuresAndRefusesLargeLayers) {
  const Layer small(LayerSpec{.name = "small", .C = 2, .M = 4, .H = 4, .W = 4, .R = 1, .S = 1});
  EXPECT_EQ(level_structures(small, 2), 1055);
  const Layer big(LayerSpec{.name = "res2a", .C = 64, .M = 64, .H = 56, .W = 56, .R = 3, .S = 3});
  try {
    optimize_levels(big, two_levels(512 * 1024, 64 * 1024, false));
    FAIL() << "no error";
  } catch (const UserError& e) {
    EXPECT_NE(std::string(e.what()).find("layer res2a"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(std::to_string(kMaxLevelSearchSize)), std::string::npos)
        << e.what();
  }
}

TEST(LevelSearch, NothingFitsBelowTheLeastInnerBuffers) {
  const Layer layer(LayerSpec{.name = "x", .C = 2, .M = 2, .H = 3, .W = 3, .R = 1, .S = 1});
  // The least innermost buffers: one element each of I, W and O (1 + 1 + 4 bytes).
  EXPECT_FALSE(optimize_levels(layer, two_levels(100, 5, false)).best);
  EXPECT_TRUE(optimize_levels(layer, two_levels(100, 6, false)).best);
  // The outer level may hold nothing at all.
  EXPECT_TRUE(optimize_levels(layer, two_levels(1, 6, false)).best);
}

}  // namespace
}  // namespace spad
