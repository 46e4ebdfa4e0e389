// LevelBufferCounter (model/level_evaluate): the level search costs every span
// and order of one set of tiles from one counter, changing the order in place.
// Each buffer it counts must be what evaluate_levels reports of that buffer in
// a schedule that has it (evaluate_levels is checked against the level
// simulator in level_model_vs_sim_test), and a counter whose order was changed
// must count exactly as one built with that order.
#include <gtest/gtest.h>

#include <algorithm>

#include "base/error.hpp"
#include "model/level_accel_cost.hpp"
#include "model/level_evaluate.hpp"
#include "random_level_cases.hpp"

namespace spad {
namespace {

// Every field the counter sets (level_evaluate.hpp).
void expect_same(const ArrayTraffic& x, const ArrayTraffic& y, const std::string& where) {
  EXPECT_EQ(x.buffer_elems, y.buffer_elems) << where;
  EXPECT_EQ(x.buffer_bytes, y.buffer_bytes) << where;
  EXPECT_EQ(x.fills, y.fills) << where;
  EXPECT_EQ(x.reads, y.reads) << where;
  EXPECT_EQ(x.writes, y.writes) << where;
  EXPECT_EQ(x.final_writes, y.final_writes) << where;
  EXPECT_EQ(x.read_bytes, y.read_bytes) << where;
  EXPECT_EQ(x.write_bytes, y.write_bytes) << where;
}

TEST(LevelBufferCounter, ReorderedCounterCountsAsEvaluateLevelsOnRandomSchedules) {
  testing::Rng rng(20261201);
  int buffers_checked = 0;
  for (int c = 0; c < 1500; ++c) {
    const Layer layer = testing::random_layer(rng, 6);
    const std::size_t L = static_cast<std::size_t>(testing::uniform(rng, 1, 3));
    const LevelSchedule before = testing::random_level_schedule(rng, layer, L);
    const MemoryLevels m = testing::random_memory_levels(rng, L);
    LevelBufferCounter counter(layer, before, m);
    // A new order at one level, set in place.
    const std::size_t level = static_cast<std::size_t>(testing::uniform(rng, 0, Count(L) - 1));
    LevelSchedule after = before;
    std::shuffle(after.levels[level].order.begin(), after.levels[level].order.end(), rng);
    counter.set_order(level, after.levels[level].order);
    const LevelBufferCounter fresh(layer, after, m);
    const LevelTraffic t = evaluate_levels(layer, after, m);
    const std::string where = "case " + std::to_string(c);
    for (std::size_t l = 0; l < L; ++l) {
      for (Tensor a : kAllTensors) {
        for (int span = 0; span <= static_cast<int>(kNumDims); ++span) {
          const std::string at = where + " level " + std::to_string(l) + " span " +
                                 std::to_string(span) + " array " + std::string(tensor_name(a));
          const ArrayTraffic x = counter.buffer(l, span, a);
          expect_same(x, fresh.buffer(l, span, a), at + " (fresh counter)");
          EXPECT_EQ(counter.tile_positions(l, span, a), fresh.tile_positions(l, span, a)) << at;
        }
        const std::optional<int>& span = after.levels[l].buffer_span[a];
        if (!span) continue;
        // A's buffer at level l moves what crosses boundary l + 1.
        const ArrayTraffic x = counter.buffer(l, *span, a);
        const ArrayTraffic& reported = t.levels[l].arrays[a];
        expect_same(x, reported, where + " schedule buffer at level " + std::to_string(l));
        // O's transfers from its tile positions, as the accelerator model
        // counts them from the schedule.
        EXPECT_EQ(level_buffer_transfers(a, x.fills, counter.tile_positions(l, *span, a)),
                  level_buffer_transfers(layer, after, l, a, x.fills))
            << where;
        ++buffers_checked;
      }
    }
  }
  EXPECT_GT(buffers_checked, 3000);  // the random cases hold buffers at every level
}

TEST(LevelBufferCounter, RefusesWhatEvaluateLevelsRefuses) {
  LayerSpec spec;
  spec.C = 2;
  spec.M = 2;
  spec.H = 3;
  spec.W = 3;
  const Layer layer(spec);
  LevelSchedule s;
  s.levels.resize(1);
  for (Dim d : kAllDims) s.levels[0].tiles[d] = 1;
  for (Tensor a : kAllTensors) s.levels[0].buffer_span[a] = 0;
  MemoryLevels two;
  two.levels.resize(2);
  EXPECT_THROW(LevelBufferCounter(layer, s, two), UserError);  // one schedule level, two levels
  MemoryLevels one;
  one.levels.resize(1);
  LevelBufferCounter counter(layer, s, one);
  EXPECT_THROW(counter.buffer(1, 0, Tensor::I), InternalError);  // no level 2
  EXPECT_THROW(counter.buffer(0, 9, Tensor::I), InternalError);  // spans are 0..8
  std::array<Dim, kNumDims> repeated{};
  repeated.fill(Dim::n);
  EXPECT_THROW(counter.set_order(0, repeated), InternalError);
}

}  // namespace
}  // namespace spad
