// The several-level analytical model (model/level_evaluate): golden cases
// derived by hand from DESIGN.md's flat-nest rules (each comment replays the
// loops), the one-level case equal to evaluate() on every field, a two-level
// schedule whose outer level holds the whole layer equal to the one-level
// model of its inner group, and the per-boundary lower bounds.
#include "model/level_evaluate.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "model/evaluate.hpp"
#include "random_cases.hpp"

namespace spad {
namespace {

constexpr std::optional<int> kBypass = std::nullopt;

Layer layer_of(const LayerSpec& s) { return Layer(s); }

// A level group: `order` innermost first as letters, tiles 1 unless given.
LevelLoops group(const std::string& order, std::initializer_list<std::pair<Dim, Count>> tiles,
                 std::optional<int> span_i, std::optional<int> span_w, std::optional<int> span_o) {
  LevelLoops l;
  for (std::size_t i = 0; i < kNumDims; ++i) l.order[i] = *parse_dim(order.substr(i, 1));
  for (Dim d : kAllDims) l.tiles[d] = 1;
  for (auto [d, t] : tiles) l.tiles[d] = t;
  l.buffer_span[Tensor::I] = span_i;
  l.buffer_span[Tensor::W] = span_w;
  l.buffer_span[Tensor::O] = span_o;
  return l;
}

// int8 inputs, weights and outputs, int32 partial sums; unbounded levels.
MemoryLevels machine_of(std::size_t levels, bool halo_reuse = false) {
  MemoryLevels m;
  m.precision = Precision{1, 1, 1, 4};
  m.halo_reuse = halo_reuse;
  m.levels.assign(levels, MemoryLevel{});
  return m;
}

// A loop that does not index W steps while the W-indexing loop inside it has
// two trips in one outer tile and one in the partial tile: W is refilled in
// the first case only.
TEST(LevelEvaluate, NonIndexingStepRefillsOnlyIfAnInnerIndexingLoopHadSeveralTrips) {
  // Fully connected N=2, C=1, M=3: |I| = 2, |W| = 3, |O| = 6.
  const Layer layer = layer_of({.name = "golden", .N = 2, .C = 1, .M = 3});
  // Level 1 (every buffer spans its whole group): m tiles of 2 -> m1 nodes
  // [0,2), [2,3); n one tile. Level 2: n and m tiles of 1, order m2 inside n2,
  // every buffer at span 0 (all level-2 loops outside).
  const LevelSchedule s{{group("ngcpqrsm", {{Dim::n, 2}, {Dim::m, 2}}, 8, 8, 8),
                         group("mncgpqrs", {{Dim::n, 1}, {Dim::m, 1}}, 0, 0, 0)}};
  const LevelTraffic t = evaluate_levels(layer, s, machine_of(2));
  ASSERT_EQ(t.levels.size(), 2u);
  // Replay (m1, n2, m2): m1=0: n2=0: m2=0,1; n2=1: m2=0,1; m1=1: n2=0: m2=0; n2=1: m2=0.
  // W's held tile is (m1, m2): (0,0) (0,1) (0,0) (0,1) (1,0) (1,0): the last step
  // of n2 finds m2 at its only trip, so 5 fills of one weight each.
  const LevelCost& inner = t.levels[1];
  EXPECT_EQ(inner.arrays[Tensor::W].fills, 5);
  EXPECT_EQ(inner.arrays[Tensor::W].reads, 5);
  // I's tile is n2 alone (m does not index I): 0 0 1 1 0 0 -> 4 fills of one input.
  EXPECT_EQ(inner.arrays[Tensor::I].fills, 4);
  EXPECT_EQ(inner.arrays[Tensor::I].reads, 4);
  // O's tile (n2, m2, m1) changes at every iteration: 6 visits of one element,
  // each element visited once: writes 6, all final, no read-back.
  EXPECT_EQ(inner.arrays[Tensor::O].fills, 6);
  EXPECT_EQ(inner.arrays[Tensor::O].writes, 6);
  EXPECT_EQ(inner.arrays[Tensor::O].final_writes, 6);
  EXPECT_EQ(inner.arrays[Tensor::O].reads, 0);
  // Buffers of one element: 1 + 1 + 4 (O at int32) bytes.
  EXPECT_EQ(inner.buffer_bytes, 6);
  // Boundary 2 bytes: 4 inputs + 5 weights + 6 final outputs.
  EXPECT_EQ(inner.traffic_bytes, 15);
  // Level 1 holds the whole layer once: 2 + 3 + 6 elements cross boundary 1,
  // buffers 2 + 3 + 6 * 4 bytes.
  const LevelCost& outer = t.levels[0];
  EXPECT_EQ(outer.arrays[Tensor::I].reads, 2);
  EXPECT_EQ(outer.arrays[Tensor::W].reads, 3);
  EXPECT_EQ(outer.arrays[Tensor::O].writes, 6);
  EXPECT_EQ(outer.traffic_bytes, 11);
  EXPECT_EQ(outer.buffer_bytes, 29);
  EXPECT_EQ(outer.compulsory_bytes, 11);
  EXPECT_EQ(inner.compulsory_bytes, 11);
}

// Halo reuse at both levels of a 1-D convolution with a partial outer tile
// and an inner tile that does not divide the outer one.
TEST(LevelEvaluate, HaloAtEachLevelWithNonDividingTiles) {
  // H = 7, R = 3, no padding: P = 5; output row p reads input rows p..p+2.
  const Layer layer = layer_of({.name = "golden", .H = 7, .R = 3});
  const auto schedule = [](Count inner_p) {
    // p outermost-but-innermost: only p has more than one trip. I's buffers at
    // span 0 at both levels; W and O span their whole groups.
    return LevelSchedule{{group("pngmcqrs", {{Dim::p, 3}, {Dim::r, 3}}, 0, 8, 8),
                          group("pngmcqrs", {{Dim::p, inner_p}, {Dim::r, 3}}, 0, 8, 8)}};
  };
  {
    // p1 nodes [0,3) [3,5); p2 (tile 2) nodes [0,2) [2,3) | [3,5).
    const LevelTraffic halo = evaluate_levels(layer, schedule(2), machine_of(2, true));
    // Level 1: rows [0,5) then [3,7): p1 stepped by one, so only rows 5, 6 load: 5 + 2.
    EXPECT_EQ(halo.levels[0].arrays[Tensor::I].fills, 2);
    EXPECT_EQ(halo.levels[0].arrays[Tensor::I].reads, 7);
    EXPECT_EQ(halo.levels[0].arrays[Tensor::I].buffer_elems, 5);
    // Level 2: rows [0,4) (4); p2 steps by one: [2,5) adds row 4 (1); p1 steps
    // while p2 wraps from 1 to 0 (not a single change): [3,7) whole (4). 9 rows.
    EXPECT_EQ(halo.levels[1].arrays[Tensor::I].fills, 3);
    EXPECT_EQ(halo.levels[1].arrays[Tensor::I].reads, 9);
    EXPECT_EQ(halo.levels[1].arrays[Tensor::I].buffer_elems, 4);
    // Without halo reuse every fill is whole: 5 + 4 and 4 + 3 + 4.
    const LevelTraffic plain = evaluate_levels(layer, schedule(2), machine_of(2, false));
    EXPECT_EQ(plain.levels[0].arrays[Tensor::I].reads, 9);
    EXPECT_EQ(plain.levels[1].arrays[Tensor::I].reads, 11);
  }
  {
    // Inner tile 3 = outer tile: p2 makes one trip in each p1 tile, so the p1
    // step is the only change and is a halo fill at level 2 too: 5 + 2.
    const LevelTraffic halo = evaluate_levels(layer, schedule(3), machine_of(2, true));
    EXPECT_EQ(halo.levels[1].arrays[Tensor::I].fills, 2);
    EXPECT_EQ(halo.levels[1].arrays[Tensor::I].reads, 7);
  }
}

// Partial sums of a reduction split over two levels go back to the nearest
// outer level holding O, or off-chip when O bypasses level 1.
TEST(LevelEvaluate, PartialSumsGoToTheNearestOuterLevelHoldingO) {
  // Fully connected C = 4, M = 2: |O| = 2, |W| = 8, |I| = 4.
  const Layer layer = layer_of({.name = "golden", .C = 4, .M = 2});
  const auto schedule = [](std::optional<int> outer_o) {
    // Level 1: c tiles of 3 -> c1 nodes [0,3) [3,4), m whole. Level 2: c tiles
    // of 2, m tiles of 1, m2 inside c2; every level-2 buffer at span 0.
    return LevelSchedule{{group("ngcmpqrs", {{Dim::c, 3}, {Dim::m, 2}}, 8, 8, outer_o),
                          group("mcngpqrs", {{Dim::c, 2}, {Dim::m, 1}}, 0, 0, 0)}};
  };
  // Replay (c1, c2, m2): c1=0: c2=0: m2=0,1; c2=1: m2=0,1; c1=1: c2=0: m2=0,1.
  // O's level-2 tile (m2) changes at every iteration: 6 visits of one element,
  // each element held 3 times: 6 writes (2 final), 6 - 2 = 4 read back.
  {
    const LevelTraffic t = evaluate_levels(layer, schedule(8), machine_of(2));
    const ArrayTraffic& o2 = t.levels[1].arrays[Tensor::O];
    EXPECT_EQ(o2.fills, 6);
    EXPECT_EQ(o2.writes, 6);
    EXPECT_EQ(o2.final_writes, 2);
    EXPECT_EQ(o2.reads, 4);
    EXPECT_EQ(o2.read_bytes, 16);   // partial sums at 4 bytes
    EXPECT_EQ(o2.write_bytes, 18);  // 2 final at 1 byte + 4 partial at 4
    // Level 1 holds all of O for the whole run: one visit, 2 final writes off-chip.
    const ArrayTraffic& o1 = t.levels[0].arrays[Tensor::O];
    EXPECT_EQ(o1.fills, 1);
    EXPECT_EQ(o1.writes, 2);
    EXPECT_EQ(o1.reads, 0);
    EXPECT_EQ(o1.buffer_bytes, 8);
    // Boundary 2 also moves I (its tile is the c node: 2 + 1 + 1 = 4 inputs in 3
    // fills) and W (m x c node at every iteration: 2+2+1+1+1+1 = 8 weights).
    EXPECT_EQ(t.levels[1].arrays[Tensor::I].reads, 4);
    EXPECT_EQ(t.levels[1].arrays[Tensor::I].fills, 3);
    EXPECT_EQ(t.levels[1].arrays[Tensor::W].reads, 8);
    EXPECT_EQ(t.levels[1].traffic_bytes, 4 + 8 + 16 + 18);
    EXPECT_EQ(t.levels[0].traffic_bytes, 4 + 8 + 2);
  }
  {
    // O bypasses level 1: the level-2 buffer's transfers cross both
    // boundaries; level 1 has no O buffer (all its O fields 0 but the crossing).
    const LevelTraffic t = evaluate_levels(layer, schedule(kBypass), machine_of(2));
    const ArrayTraffic& o1 = t.levels[0].arrays[Tensor::O];
    EXPECT_EQ(o1.fills, 0);
    EXPECT_EQ(o1.buffer_elems, 0);
    EXPECT_EQ(o1.writes, 6);
    EXPECT_EQ(o1.final_writes, 2);
    EXPECT_EQ(o1.reads, 4);
    EXPECT_EQ(t.levels[0].traffic_bytes, 4 + 8 + 16 + 18);
    EXPECT_EQ(t.levels[0].buffer_bytes, 4 + 8);
  }
}

// A one-level LevelSchedule is exactly the one-level model, on every field.
TEST(LevelEvaluate, OneLevelEqualsEvaluate) {
  testing::Rng rng(4242);
  for (int i = 0; i < 5000; ++i) {
    const Layer layer = testing::random_layer(rng, i % 50 == 0 ? 120 : i % 4 == 0 ? 30 : 9);
    const Machine machine = testing::random_machine(rng);
    const Schedule s = testing::random_schedule(rng, layer);
    const Traffic want = evaluate(layer, s, machine);
    const LevelTraffic got = evaluate_levels(layer, as_levels(s), as_memory_levels(machine));
    ASSERT_EQ(got.levels.size(), 1u);
    const LevelCost& c = got.levels[0];
    ASSERT_EQ(c.arrays, want.arrays) << "case " << i;
    ASSERT_EQ(c.traffic_bytes, want.traffic_bytes) << "case " << i;
    ASSERT_EQ(c.buffer_bytes, want.buffer_bytes) << "case " << i;
    ASSERT_EQ(c.compulsory_bytes, want.compulsory_bytes) << "case " << i;
    ASSERT_EQ(c.fits, want.fits) << "case " << i;
  }
}

// An outer level whose tiles are the whole layer makes one trip in every
// loop, so the flat nest is the inner group alone: level 2 costs what the
// one-level model gives for it, and boundary 1 moves every element once
// (the compulsory traffic: used inputs, all weights, outputs written once).
TEST(LevelEvaluate, WholeLayerOuterLevelLeavesTheInnerGroupAsOneLevel) {
  testing::Rng rng(777);
  for (int i = 0; i < 2000; ++i) {
    const Layer layer = testing::random_layer(rng, 12);
    const Machine machine = testing::random_machine(rng);
    const Schedule inner = testing::random_schedule(rng, layer);
    LevelLoops whole;
    std::shuffle(whole.order.begin(), whole.order.end(), rng);
    for (Dim d : kAllDims) whole.tiles[d] = layer.bound(d);
    for (Tensor a : kAllTensors)
      whole.buffer_span[a] = static_cast<int>(testing::uniform(rng, 0, 8));
    LevelSchedule two = as_levels(inner);
    two.levels.insert(two.levels.begin(), whole);
    MemoryLevels m = as_memory_levels(machine);
    m.levels.insert(m.levels.begin(), MemoryLevel{"L2", std::nullopt});
    const LevelTraffic got = evaluate_levels(layer, two, m);
    const Traffic want = evaluate(layer, inner, machine);
    ASSERT_EQ(got.levels[1].arrays, want.arrays) << "case " << i;
    ASSERT_EQ(got.levels[1].traffic_bytes, want.traffic_bytes) << "case " << i;
    const PerTensor<Count> once = compulsory_elems(layer);
    const LevelCost& outer = got.levels[0];
    ASSERT_EQ(outer.arrays[Tensor::I].reads, once[Tensor::I]) << "case " << i;
    ASSERT_EQ(outer.arrays[Tensor::W].reads, once[Tensor::W]) << "case " << i;
    ASSERT_EQ(outer.arrays[Tensor::O].writes, once[Tensor::O]) << "case " << i;
    ASSERT_EQ(outer.arrays[Tensor::O].reads, 0) << "case " << i;
    ASSERT_EQ(outer.traffic_bytes, outer.compulsory_bytes) << "case " << i;
  }
}

TEST(LevelEvaluate, LevelCountsMustMatch) {
  const Layer layer = layer_of({.name = "golden", .C = 4, .M = 2});
  const LevelSchedule s{{group("ngcmpqrs", {}, 8, 8, 8), group("ngcmpqrs", {}, 0, 0, 0)}};
  try {
    evaluate_levels(layer, s, machine_of(1));
    FAIL() << "no error";
  } catch (const UserError& e) {
    EXPECT_EQ(std::string(e.what()),
              "the schedule has 2 level(s) but the machine has 1 on-chip level(s): give one "
              "buffer capacity per schedule level, outermost first");
  }
}

TEST(LevelEvaluate, LowerBoundAtBoundaryLTakesTheCapacityOfLevelsLToL) {
  const Layer layer = layer_of({.name = "golden",
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
  MemoryLevels m = machine_of(2);
  m.levels[0].capacity_bytes = 512 * 1024;
  m.levels[1].capacity_bytes = 64 * 1024;
  const std::vector<LowerBound> b = level_lower_bounds(layer, m);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0], lower_bound(layer, m.precision, 576 * 1024));
  EXPECT_EQ(b[1], lower_bound(layer, m.precision, 64 * 1024));
  // A smaller fast memory can only raise the pebble bound.
  EXPECT_GE(b[1].pebble_bytes, b[0].pebble_bytes);
  // An unbounded level inside boundary 1: only the compulsory traffic remains there.
  m.levels[1].capacity_bytes = std::nullopt;
  const std::vector<LowerBound> u = level_lower_bounds(layer, m);
  EXPECT_EQ(u[0].pebble_bytes, 0);
  EXPECT_EQ(u[0].bound_bytes, compulsory_bytes(layer, m.precision));
  EXPECT_EQ(u[1].bound_bytes, u[0].bound_bytes);
}

TEST(LevelEvaluate, LowerBoundOfCapacitiesWhoseSumPassesTheCountRange) {
  // Capacities a user may give (--buffer 9223372036854775807,16): the levels
  // inside boundary 1 hold more than 2^63 - 1 bytes together, more than any
  // layer's data, so boundary 1's floor is the compulsory traffic. It threw
  // InternalError ("64-bit overflow in 9223372036854775807 + 16") from every
  // command that reports the bounds (optimize, compare, sweep).
  const Layer layer = layer_of({.name = "huge", .C = 2, .M = 2, .H = 3, .W = 3, .R = 2, .S = 2});
  const Count max = std::numeric_limits<Count>::max();
  for (const auto& [outer, inner] :
       {std::pair<Count, Count>{max, 16}, {16, max}, {max, max}, {max / 2 + 1, max / 2 + 1}}) {
    MemoryLevels m = machine_of(2);
    m.levels[0].capacity_bytes = outer;
    m.levels[1].capacity_bytes = inner;
    std::vector<LowerBound> b;
    ASSERT_NO_THROW(b = level_lower_bounds(layer, m)) << outer << "," << inner;
    ASSERT_EQ(b.size(), 2u);
    EXPECT_EQ(b[0].bound_bytes, compulsory_bytes(layer, m.precision)) << outer << "," << inner;
    EXPECT_EQ(b[1], lower_bound(layer, m.precision, inner));
  }
}

}  // namespace
}  // namespace spad
