// The level executor against the reference convolution (values) and the
// level simulator (every count of every level: fills, elements crossing each
// boundary, buffer sizes), on the simulator's hand-derived cases and on
// random two- and three-level cases covering bypass, partial inner tiles,
// halo reuse, double buffering, strides, dilation, padding and groups.
#include "sim/level_executor.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "base/error.hpp"
#include "level_expect.hpp"
#include "random_level_cases.hpp"
#include "sim/level_simulator.hpp"

namespace spad {
namespace {

using golden::make_level;

std::string describe(const Layer& layer, const LevelSchedule& s, const MemoryLevels& m) {
  const LayerSpec& x = layer.spec();
  std::ostringstream o;
  o << "layer N=" << x.N << " C=" << x.C << " M=" << x.M << " H=" << x.H << " W=" << x.W
    << " R=" << x.R << " S=" << x.S << " stride=" << x.stride_h << "," << x.stride_w
    << " dil=" << x.dilation_h << "," << x.dilation_w << " pad=" << x.pad_top << "," << x.pad_left
    << "," << x.pad_bottom << "," << x.pad_right << " G=" << x.groups << "\n";
  for (std::size_t l = 0; l < s.levels.size(); ++l) {
    const LevelLoops& level = s.levels[l];
    o << "level " << l + 1 << " order(inner first)=";
    for (Dim d : level.order) o << dim_name(d);
    o << " tiles=";
    for (Dim d : kAllDims) o << dim_name(d) << level.tiles[d] << " ";
    o << "span";
    for (Tensor t : kAllTensors)
      o << " " << tensor_name(t) << "="
        << (level.buffer_span[t] ? std::to_string(*level.buffer_span[t]) : "null");
    o << "\n";
  }
  o << "halo=" << m.halo_reuse << " double=" << m.double_buffer;
  return o.str();
}

// Runs the executor and checks it against the reference and the simulator.
void expect_agrees(const Layer& layer, const LevelSchedule& s, const MemoryLevels& m,
                   std::uint64_t seed) {
  SCOPED_TRACE(describe(layer, s, m));
  const LevelTraffic sim = simulate_levels(layer, s, m);
  const LevelExecution e = execute_levels(layer, s, m, seed);
  EXPECT_TRUE(e.output_matches());
  EXPECT_EQ(e.macs, layer.macs());
  ASSERT_EQ(e.levels.size(), sim.levels.size());
  const Count copies = m.double_buffer ? 2 : 1;
  for (std::size_t l = 0; l < e.levels.size(); ++l) {
    for (Tensor t : kAllTensors) {
      SCOPED_TRACE("level " + std::to_string(l + 1) + " array " + std::string(tensor_name(t)));
      const ArrayTraffic& want = sim.levels[l].arrays[t];
      const LevelExecArrayCounts& got = e.levels[l][t];
      EXPECT_EQ(got.fills, want.fills) << "fills";
      EXPECT_EQ(got.reads, want.reads) << "reads";
      EXPECT_EQ(got.writes, want.writes) << "writes";
      EXPECT_EQ(got.final_writes, want.final_writes) << "final_writes";
      // Its own replay sizes each buffer (one copy), and every tile the
      // buffer can hold is held once, so the peak reaches the size.
      EXPECT_EQ(got.capacity_elems * copies, want.buffer_elems) << "buffer size";
      EXPECT_EQ(got.peak_elems, got.capacity_elems) << "peak";
    }
    // Every output crosses every boundary at least once, finally once.
    EXPECT_EQ(e.levels[l][Tensor::O].final_writes, layer.size(Tensor::O));
  }
}

MemoryLevels unbounded(std::size_t levels, bool halo_reuse, bool double_buffer) {
  MemoryLevels m;
  m.halo_reuse = halo_reuse;
  m.double_buffer = double_buffer;
  m.levels.resize(levels);
  return m;
}

TEST(LevelExecutor, HandDerivedCasesOfTheSimulator) {
  // The schedules of level_simulator_test's golden cases.
  const Layer rows(LayerSpec{.name = "rows", .H = 12, .R = 3});
  for (Count inner : {1, 2, 3, 4, 10}) {
    const LevelSchedule s{{make_level(rows, "pnqgmcrs", {{Dim::p, 4}}, 0, std::nullopt, 0),
                           make_level(rows, "pnqgmcrs", {{Dim::p, inner}}, 0, 0, 0)}};
    for (bool halo : {false, true}) expect_agrees(rows, s, unbounded(2, halo, false), 1);
  }
  const Layer fc(LayerSpec{.name = "fc", .C = 6, .M = 2});
  expect_agrees(fc,
                LevelSchedule{{make_level(fc, "cmngpqrs", {{Dim::c, 4}}, 0, 0, std::nullopt),
                               make_level(fc, "cmngpqrs", {{Dim::c, 3}, {Dim::m, 1}}, 0, 0, 1)}},
                unbounded(2, false, false), 2);
  const Layer fc4(LayerSpec{.name = "fc", .C = 4, .M = 4});
  expect_agrees(fc4,
                LevelSchedule{{make_level(fc4, "cmngpqrs", {{Dim::m, 2}}, std::nullopt, 0, 0),
                               make_level(fc4, "cmngpqrs", {{Dim::m, 2}, {Dim::c, 2}}, 0,
                                          std::nullopt, std::nullopt),
                               make_level(fc4, "cmngpqrs", {{Dim::m, 1}, {Dim::c, 1}}, 0, 0, 1)}},
                unbounded(3, false, true), 3);
  const Layer pad(LayerSpec{.name = "pad", .pad_top = 2});
  expect_agrees(pad,
                LevelSchedule{{make_level(pad, "pnqgmcrs", {{Dim::p, 2}}, 0, 8, 0),
                               make_level(pad, "pnqgmcrs", {{Dim::p, 1}}, 0, 8, 0)}},
                unbounded(2, true, false), 4);
}

TEST(LevelExecutor, HaloAlongTwoLevelsOfAStridedDilatedConv) {
  // Stride 2, dilation 2, padding, 3x3 kernel; p and q tiled at both levels
  // with inner tiles that do not divide the outer ones, the spatial loops
  // innermost outside every I buffer, I bypassing nothing.
  const Layer layer(LayerSpec{.name = "halo",
                              .C = 2,
                              .M = 3,
                              .H = 13,
                              .W = 11,
                              .R = 3,
                              .S = 3,
                              .stride_h = 2,
                              .stride_w = 1,
                              .dilation_h = 1,
                              .dilation_w = 2,
                              .pad_top = 1,
                              .pad_left = 2,
                              .pad_bottom = 1,
                              .pad_right = 2});
  for (int span : {0, 1, 2}) {
    const LevelSchedule s{
        {make_level(layer, "srqpcmgn", {{Dim::p, 4}, {Dim::q, 5}}, span, std::nullopt, 4),
         make_level(layer, "srqpcmgn", {{Dim::p, 3}, {Dim::q, 2}, {Dim::r, 2}}, span, 2, 2)}};
    expect_agrees(layer, s, unbounded(2, true, false), 5);
    expect_agrees(layer, s, unbounded(2, false, true), 6);
  }
}

TEST(LevelExecutor, RandomTwoAndThreeLevelCases) {
  testing::Rng rng(15);
  constexpr int kCases = 1000;
  int bypass = 0, halo = 0, doubled = 0, partial = 0, strided = 0, dilated = 0, padded = 0,
      grouped = 0, three = 0;
  for (int i = 0; i < kCases; ++i) {
    const Layer layer = testing::random_layer(rng, 6);
    const auto levels = static_cast<std::size_t>(testing::uniform(rng, 2, 3));
    const LevelSchedule s = testing::random_level_schedule(rng, layer, levels);
    const MemoryLevels m = testing::random_memory_levels(rng, levels);
    SCOPED_TRACE("case " + std::to_string(i));
    expect_agrees(layer, s, m, static_cast<std::uint64_t>(i));
    if (::testing::Test::HasFailure()) return;
    const LayerSpec& x = layer.spec();
    three += levels == 3 ? 1 : 0;
    halo += m.halo_reuse ? 1 : 0;
    doubled += m.double_buffer ? 1 : 0;
    strided += x.stride_h > 1 || x.stride_w > 1 ? 1 : 0;
    dilated += x.dilation_h > 1 || x.dilation_w > 1 ? 1 : 0;
    padded += x.pad_top + x.pad_left + x.pad_bottom + x.pad_right > 0 ? 1 : 0;
    grouped += x.groups > 1 ? 1 : 0;
    bool has_bypass = false, has_partial = false;
    for (std::size_t l = 0; l < levels; ++l) {
      for (Tensor t : kAllTensors) has_bypass |= !s.levels[l].buffer_span[t].has_value();
      if (l > 0)
        for (Dim d : kAllDims)
          has_partial |= s.levels[l - 1].tiles[d] % s.levels[l].tiles[d] != 0 &&
                         s.levels[l].tiles[d] < s.levels[l - 1].tiles[d];
    }
    bypass += has_bypass ? 1 : 0;
    partial += has_partial ? 1 : 0;
  }
  // The sample covers every feature many times over.
  for (int covered : {bypass, halo, doubled, partial, strided, dilated, padded, grouped, three})
    EXPECT_GT(covered, kCases / 10);
}

TEST(LevelExecutor, RefusesWhatTheSimulatorRefuses) {
  const Layer layer(LayerSpec{.name = "t", .C = 2, .M = 2});
  LevelSchedule s{
      {make_level(layer, "cmngpqrs", {}, 8, 8, 8), make_level(layer, "cmngpqrs", {}, 0, 0, 0)}};
  EXPECT_THROW(execute_levels(layer, s, unbounded(3, false, false), 1), UserError);
  s.levels[1].buffer_span[Tensor::W] = std::nullopt;
  EXPECT_THROW(execute_levels(layer, s, unbounded(2, false, false), 1), UserError);
}

}  // namespace
}  // namespace spad
