// The baselines over several levels (search/level_baselines): their spaces,
// a two-level case worked by hand, and the HWCE's "not applicable".
#include "search/level_baselines.hpp"

#include <gtest/gtest.h>

#include "base/error.hpp"
#include "model/level_evaluate.hpp"

namespace spad {
namespace {

Count boundary(const LevelSearchResult& r, std::size_t b) {
  return r.best->traffic.levels[b].traffic_bytes;
}

// A fully-connected layer C = M = 2 (I: 2 elements, W: 4, O: 2), every
// element 1 byte (partial sums too), L2 = 64 B (holds everything), L1 = 3 B:
// one element of each array, so every L1 tile is 1. Boundary 1 can carry no
// less than the compulsory 2 + 4 + 2 = 8 B. Boundary 2, from the flat nest of
// the L2 and L1 loops over c and m:
//  - c inside m: I changes at each of the 4 steps (4 B), W at each (4 B), O
//    only with m and each output is written once, never read back (2 B):
//    10 B.
//  - m inside c: I changes only with c (2 B), W at each step (4 B), O at each
//    step: 4 writes and 2 reads back (the second visit of each output): 12 B.
// Weight- and output-stationary put c inside m at every level (orders
// q p n s r c m g, s r c q p n m g): 10 B with whole L2 tiles, L2 holding all
// 8 elements; the optimum and the working-set model reach 10 B too.
// Input-stationary (order m s r q p c n g, spans I=1 W=0 O=0) puts m inside c
// at each level: with whole L2 tiles 12 B; with the L2 tile m = 1, c = 2 the
// L2 loop over m runs outside the L1 loop over c, c inside m again: 10 B,
// boundary 1 still 8 B (I's span 1 covers the L2 m loop: I loaded once; W's
// two halves once each; O once), L2 holding I whole (2 B), one W half (2 B)
// and one output (1 B): 5 B.
TEST(LevelBaselines, TwoLevelCaseWorkedByHand) {
  const Layer layer(LayerSpec{.name = "fc", .C = 2, .M = 2});
  MemoryLevels machine;
  machine.precision = Precision{1, 1, 1, 1};
  machine.levels = {MemoryLevel{"L2", 64}, MemoryLevel{"L1", 3}};
  const LevelSearchOptions one_thread{.threads = 1};
  const LevelSearchResult best = optimize_levels(layer, machine, one_thread);
  ASSERT_TRUE(best.best);
  EXPECT_EQ(boundary(best, 0), 8);
  EXPECT_EQ(boundary(best, 1), 10);
  // (baseline, L2 buffer bytes)
  const std::array<std::pair<Baseline, Count>, 4> want = {{{Baseline::weight_stationary, 8},
                                                           {Baseline::output_stationary, 8},
                                                           {Baseline::input_stationary, 5},
                                                           {Baseline::working_set, 8}}};
  for (const auto& [b, outer_buffer] : want) {
    SCOPED_TRACE(std::string(baseline_name(b)));
    const LevelSearchResult r = level_baseline_optimum(layer, machine, b, one_thread);
    ASSERT_TRUE(r.best);
    EXPECT_EQ(boundary(r, 0), 8);
    EXPECT_EQ(boundary(r, 1), 10);
    EXPECT_EQ(r.best->traffic.levels[1].buffer_bytes, 3);
    EXPECT_EQ(r.best->traffic.levels[0].buffer_bytes, outer_buffer);
    for (const LevelLoops& level : r.best->schedule.levels)
      for (Tensor a : kAllTensors) EXPECT_TRUE(level.buffer_span[a].has_value());  // no bypass
  }
  // Input-stationary with whole L2 tiles: 12 B at boundary 2, as derived.
  LevelSchedule whole_l2;
  const SearchSpace is = dataflow_space(Baseline::input_stationary);
  for (Count t : {2, 1}) {
    LevelLoops level;
    level.order = *is.fixed_order;
    for (Dim d : kAllDims) level.tiles[d] = std::min(t, layer.bound(d));
    for (Tensor a : kAllTensors) level.buffer_span[a] = (*is.fixed_spans)[a];
    whole_l2.levels.push_back(level);
  }
  const LevelTraffic t = evaluate_levels(layer, whole_l2, machine);
  EXPECT_EQ(t.levels[0].traffic_bytes, 8);
  EXPECT_EQ(t.levels[1].traffic_bytes, 12);
}

// The dataflow's one-level order and spans at every level.
TEST(LevelBaselines, DataflowsKeepTheirOrderAndSpansAtEveryLevel) {
  for (Baseline b : kFixedDataflows) {
    const SearchSpace one = dataflow_space(b);
    const LevelSearchSpace space = level_baseline_space(b, 3);
    ASSERT_TRUE(space.fixed_orders && space.fixed_spans);
    EXPECT_FALSE(space.uniform_spans);
    ASSERT_EQ(space.fixed_orders->size(), 3U);
    for (std::size_t l = 0; l < 3; ++l) {
      EXPECT_EQ((*space.fixed_orders)[l], *one.fixed_order);
      for (Tensor a : kAllTensors)
        EXPECT_EQ((*space.fixed_spans)[l][a], std::optional<int>((*one.fixed_spans)[a]));
    }
  }
  const LevelSearchSpace uniform = level_baseline_space(Baseline::working_set, 2);
  EXPECT_TRUE(uniform.uniform_spans);
  EXPECT_FALSE(uniform.fixed_orders || uniform.fixed_spans);
}

TEST(LevelBaselines, HwceIsNotApplicableWithAReason) {
  for (Baseline b : kAllBaselines) {
    const std::optional<std::string> why = level_baseline_not_applicable(b);
    EXPECT_EQ(why.has_value(), hwce_maps_per_pass(b) > 0) << baseline_name(b);
    if (why) {
      EXPECT_NE(why->find("no several-level form"), std::string::npos);
      EXPECT_THROW(level_baseline_space(b, 2), InternalError);
    }
  }
}

TEST(LevelBaselines, ALayerBeyondTheSearchIsRefusedByName) {
  const Layer layer(LayerSpec{.name = "big", .C = 64, .M = 64, .H = 16, .W = 16, .R = 3, .S = 3});
  MemoryLevels machine;
  machine.levels = {MemoryLevel{"L2", 1 << 20}, MemoryLevel{"L1", 1 << 14}};
  try {
    level_baseline_optimum(layer, machine, Baseline::weight_stationary);
    FAIL() << "no error";
  } catch (const UserError& e) {
    EXPECT_NE(std::string(e.what()).find("layer big"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace spad
