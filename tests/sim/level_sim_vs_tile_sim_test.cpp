// The level simulator with one level against the one-level tile simulator:
// DESIGN.md says a one-level `levels` list is exactly the one-level page, so
// on thousands of random (layer, schedule, machine) triples the level
// simulator's only level must equal simulate()'s Traffic on every field.
// The two replays are separate code (sim/level_* vs sim/sim_buffers,
// sim_odometer): the flat nest with variable trip counts, per-element halo
// decisions by loop indices and O first holds by tile number.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "random_level_cases.hpp"
#include "sim/level_simulator.hpp"
#include "sim/tile_simulator.hpp"

namespace spad {
namespace {

std::string describe(const Layer& layer, const Schedule& s, const Machine& m) {
  const LayerSpec& x = layer.spec();
  std::ostringstream o;
  o << "layer N=" << x.N << " C=" << x.C << " M=" << x.M << " H=" << x.H << " W=" << x.W
    << " R=" << x.R << " S=" << x.S << " stride=" << x.stride_h << "," << x.stride_w
    << " dil=" << x.dilation_h << "," << x.dilation_w << " pad=" << x.pad_top << "," << x.pad_left
    << "," << x.pad_bottom << "," << x.pad_right << " G=" << x.groups << "\norder(inner first)=";
  for (Dim d : s.order) o << dim_name(d);
  o << " tiles=";
  for (Dim d : kAllDims) o << dim_name(d) << s.tiles[d] << " ";
  o << "span I=" << s.buffer_span[Tensor::I] << " W=" << s.buffer_span[Tensor::W]
    << " O=" << s.buffer_span[Tensor::O] << " halo=" << m.halo_reuse
    << " double=" << m.double_buffer;
  return o.str();
}

void expect_same(const Traffic& one, const LevelCost& level) {
  for (Tensor t : kAllTensors) {
    SCOPED_TRACE(std::string("array ") + std::string(tensor_name(t)));
    EXPECT_EQ(level.arrays[t], one.arrays[t]);
  }
  EXPECT_EQ(level.traffic_bytes, one.traffic_bytes);
  EXPECT_EQ(level.buffer_bytes, one.buffer_bytes);
  EXPECT_EQ(level.compulsory_bytes, one.compulsory_bytes);
  EXPECT_EQ(level.fits, one.fits);
}

TEST(LevelSimVsTileSim, OneLevelEqualsSimulateOnRandomCases) {
  testing::Rng rng(20261130);
  constexpr int kCases = 4000;
  for (int i = 0; i < kCases; ++i) {
    const Layer layer = testing::random_layer(rng);
    const Schedule s = testing::random_schedule(rng, layer);
    const Machine m = testing::random_machine(rng);
    SCOPED_TRACE("case " + std::to_string(i) + "\n" + describe(layer, s, m));
    const Traffic one = simulate(layer, s, m);
    const LevelTraffic levels = simulate_levels(layer, as_levels(s), as_memory_levels(m));
    ASSERT_EQ(levels.levels.size(), 1u);
    expect_same(one, levels.levels[0]);
    EXPECT_EQ(levels.total_fills(), one.total_fills());
    if (::testing::Test::HasFailure()) return;
  }
}

// Generated several-level schedules whose outer levels hold every array
// whole and make one trip (tiles = the layer) reduce to their innermost
// level: the outer buffers are filled once with everything.
TEST(LevelSimVsTileSim, WholeOuterLevelsReduceToTheInnermostLevel) {
  testing::Rng rng(7);
  for (int i = 0; i < 500; ++i) {
    const Layer layer = testing::random_layer(rng);
    const Schedule s = testing::random_schedule(rng, layer);
    Machine m = testing::random_machine(rng);
    m.capacity_bytes.reset();
    SCOPED_TRACE("case " + std::to_string(i) + "\n" + describe(layer, s, m));
    LevelSchedule two = as_levels(s);
    LevelLoops outer;
    for (Dim d : kAllDims) outer.tiles[d] = layer.bound(d);
    for (Tensor t : kAllTensors) outer.buffer_span[t] = static_cast<int>(i % 9);
    two.levels.insert(two.levels.begin(), outer);
    MemoryLevels machine = as_memory_levels(m);
    machine.levels.insert(machine.levels.begin(), MemoryLevel{});
    const LevelTraffic got = simulate_levels(layer, two, machine);
    const Traffic one = simulate(layer, s, m);
    ASSERT_EQ(got.levels.size(), 2u);
    // The inner boundary sees the one-level traffic...
    expect_same(one, got.levels[1]);
    // ... the outer one compulsory traffic: every used input, weight and
    // output once, no partial sums.
    EXPECT_EQ(got.levels[0].traffic_bytes, one.compulsory_bytes);
    EXPECT_EQ(got.levels[0].arrays[Tensor::O].reads, 0);
    for (Tensor t : kAllTensors) EXPECT_EQ(got.levels[0].arrays[t].fills, 1);
    if (::testing::Test::HasFailure()) return;
  }
}

}  // namespace
}  // namespace spad
