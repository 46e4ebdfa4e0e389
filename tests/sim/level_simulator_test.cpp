// The level simulator on hand-derived several-level cases (each number
// derived in the comment from DESIGN.md's rules, not from the code), on bad
// input, and the random level-case generator's validity. The one-level
// equality and the random cross-checks are in level_sim_vs_tile_sim_test and
// level_executor_test (oracle).
#include "sim/level_simulator.hpp"

#include <gtest/gtest.h>

#include <string>

#include "base/error.hpp"
#include "level_expect.hpp"
#include "random_level_cases.hpp"

namespace spad {
namespace {

using golden::expect_level_array;
using golden::expect_level_totals;
using golden::make_level;

MemoryLevels machine_of(std::initializer_list<std::optional<Count>> capacities,
                        bool halo_reuse = false, bool double_buffer = false) {
  MemoryLevels m;
  m.halo_reuse = halo_reuse;
  m.double_buffer = double_buffer;
  for (const std::optional<Count>& c : capacities) m.levels.push_back(MemoryLevel{"", c});
  return m;
}

std::string error_of(const Layer& layer, const LevelSchedule& s, const MemoryLevels& m) {
  try {
    simulate_levels(layer, s, m);
  } catch (const UserError& e) {
    return e.what();
  }
  return "";
}

// A 1-D convolution along p: H = 12, R = 3, so P = 10 and a p range [a, b)
// reads input rows a .. b+1 (b - a + 2 rows). W has 3 elements, O 10.
// Level 1: p tiles of 4: [0,4) [4,8) [8,10). Level 2: p tiles of 3 inside
// them: [0,3) [3,4) | [4,7) [7,8) | [8,10) (3 does not divide 4: partial
// inner tiles, and the last level-1 tile of 2 makes one trip). Only p has
// more than one trip; every buffer has span 0 (p outside), W bypasses level 1.
Layer row_conv() { return Layer(LayerSpec{.name = "rows", .H = 12, .R = 3}); }

LevelSchedule row_schedule(const Layer& layer, Count inner_p_tile) {
  return LevelSchedule{{make_level(layer, "pnqgmcrs", {{Dim::p, 4}}, 0, std::nullopt, 0, "A"),
                        make_level(layer, "pnqgmcrs", {{Dim::p, inner_p_tile}}, 0, 0, 0, "B")}};
}

TEST(LevelSimulator, PartialInnerTilesWithHaloAtBothLevels) {
  const Layer layer = row_conv();
  MemoryLevels m = machine_of({22, 19}, /*halo_reuse=*/true);
  m.levels[0].name = "L2";  // the machine's names win; level 2 falls back to the schedule's
  const LevelTraffic t = simulate_levels(layer, row_schedule(layer, 3), m);
  ASSERT_EQ(t.levels.size(), 2u);
  EXPECT_EQ(t.levels[0].name, "L2");
  EXPECT_EQ(t.levels[1].name, "B");
  // I, level 1: footprints rows 0..5, 4..9, 8..11 (6, 6, 4). Each move is the
  // level-1 p loop stepping by one, the only change: halo fills load rows
  // 6..9 and 10..11. Boundary 1: 6 + 4 + 2 = 12; largest footprint 6.
  expect_level_array(t, 0, Tensor::I, {.buffer_elems = 6, .fills = 3, .reads = 12});
  // I, level 2: tiles [0,3) [3,4) [4,7) [7,8) [8,10) read rows 0..4, 3..5,
  // 4..8, 7..9, 8..11 (5, 3, 5, 3, 4). [0,3)->[3,4) and [4,7)->[7,8) are the
  // level-2 p loop stepping by one: halo, 1 new row each (5, then 9).
  // [3,4)->[4,7) and [7,8)->[8,10) step the level-1 p loop AND restart the
  // level-2 one (index 1 -> 0): two changes, whole fills (5 and 4), although
  // the new tile is adjacent. Boundary 2: 5 + 1 + 5 + 1 + 4 = 16.
  expect_level_array(t, 1, Tensor::I, {.buffer_elems = 5, .fills = 5, .reads = 16});
  // W bypasses level 1: level 2's buffer (no W-indexing loop has more than
  // one trip) is filled once with all 3 weights from off-chip, which cross
  // boundaries 1 and 2.
  expect_level_array(t, 0, Tensor::W, {.reads = 3});
  expect_level_array(t, 1, Tensor::W, {.buffer_elems = 3, .fills = 1, .reads = 3});
  // O: no reduction loop has more than one trip, so every hold is a first
  // hold (no read back) and every element is written once across each
  // boundary, finally: level 1 holds 4, 4, 2 (writes 10 off-chip), level 2
  // holds 3, 1, 3, 1, 2 (writes 10 to level 1).
  expect_level_array(t, 0, Tensor::O,
                     {.buffer_elems = 4, .fills = 3, .writes = 10, .final_writes = 10});
  expect_level_array(t, 1, Tensor::O,
                     {.buffer_elems = 3, .fills = 5, .writes = 10, .final_writes = 10});
  // Bytes (int8 data, int32 partial sums): boundary 1: 12 + 3 + 10 = 25;
  // boundary 2: 16 + 3 + 10 = 29. Buffers: level 1: 6 + 0 + 4*4 = 22 (fits
  // 22); level 2: 5 + 3 + 3*4 = 20 (does not fit 19). Compulsory: all 12
  // rows, 3 weights, 10 outputs = 25 at both boundaries.
  expect_level_totals(t, 0, 25, 22, 25, true);
  expect_level_totals(t, 1, 29, 20, 25, false);
  EXPECT_FALSE(t.fits());
  EXPECT_EQ(t.total_fills(), 3 + 5 + 0 + 1 + 3 + 5);
  EXPECT_EQ(t.total_buffer_bytes(), 42);
}

TEST(LevelSimulator, PartialInnerTilesWithoutHalo) {
  // The case above without halo reuse: every fill loads its whole footprint.
  // Boundary 1: 6 + 6 + 4 = 16; boundary 2: 5 + 3 + 5 + 3 + 4 = 20.
  const Layer layer = row_conv();
  const LevelTraffic t = simulate_levels(layer, row_schedule(layer, 3), machine_of({{}, {}}));
  expect_level_array(t, 0, Tensor::I, {.buffer_elems = 6, .fills = 3, .reads = 16});
  expect_level_array(t, 1, Tensor::I, {.buffer_elems = 5, .fills = 5, .reads = 20});
  expect_level_totals(t, 0, 16 + 3 + 10, 22, 25, true);
  expect_level_totals(t, 1, 20 + 3 + 10, 20, 25, true);
}

TEST(LevelSimulator, HaloWithATrivialInnerLoop) {
  // Level-2 p tiles of 4 = level 1's: the level-2 p loop makes one trip in
  // every level-1 tile (index always 0), so each move is the level-1 p loop
  // stepping by one, the only change, and level 2's halo fills load only new
  // rows as level 1's do: boundary 2 sees 6 + 4 + 2 = 12, like boundary 1.
  const Layer layer = row_conv();
  const LevelTraffic t =
      simulate_levels(layer, row_schedule(layer, 4), machine_of({{}, {}}, /*halo_reuse=*/true));
  expect_level_array(t, 0, Tensor::I, {.buffer_elems = 6, .fills = 3, .reads = 12});
  expect_level_array(t, 1, Tensor::I, {.buffer_elems = 6, .fills = 3, .reads = 12});
  expect_level_array(t, 1, Tensor::O,
                     {.buffer_elems = 4, .fills = 3, .writes = 10, .final_writes = 10});
}

TEST(LevelSimulator, OutputBypassingLevelOneCarriesPartialSumsOffChip) {
  // Fully connected, C = 6 inputs, M = 2 outputs: |I| = 6, |W| = 12, |O| = 2.
  // Level 1: c tiles of 4 ([0,4) [4,6)), m whole; order c innermost, then m;
  // spans I = 0, W = 0, O bypasses. Level 2: c tiles of 3 (inside [0,4):
  // [0,3) [3,4); inside [4,6): [4,6), one trip), m tiles of 1; order c, m;
  // spans I = 0, W = 0, O = 1 (c inside O's buffer, m outside).
  // Iterations (level-1 c, level-2 m, level-2 c):
  //   (0,0,0) (0,0,1) (0,1,0) (0,1,1) (1,0,0) (1,1,0).
  const Layer layer(LayerSpec{.name = "fc", .C = 6, .M = 2});
  const LevelSchedule s{{make_level(layer, "cmngpqrs", {{Dim::c, 4}}, 0, 0, std::nullopt),
                         make_level(layer, "cmngpqrs", {{Dim::c, 3}, {Dim::m, 1}}, 0, 0, 1)}};
  const LevelTraffic t = simulate_levels(layer, s, machine_of({12, 10}));
  // Level 1: I and W change with the level-1 c loop: 2 fills, I 4 + 2 = 6,
  // W 2*4 + 2*2 = 12 across boundary 1; largest 4 and 8.
  expect_level_array(t, 0, Tensor::I, {.buffer_elems = 4, .fills = 2, .reads = 6});
  expect_level_array(t, 0, Tensor::W, {.buffer_elems = 8, .fills = 2, .reads = 12});
  // Level 2, I (key: both c loops): c tiles [0,3) [3,4) [0,3) [3,4) [4,6),
  // the last iteration keeps [4,6): 5 fills, 3+1+3+1+2 = 10 from level 1.
  expect_level_array(t, 1, Tensor::I, {.buffer_elems = 3, .fills = 5, .reads = 10});
  // Level 2, W (key: both c loops and level-2 m): a new tile every
  // iteration: 6 fills of 1 x (3, 1, 3, 1, 2, 2) = 12 from level 1.
  expect_level_array(t, 1, Tensor::W, {.buffer_elems = 3, .fills = 6, .reads = 12});
  // Level 2, O (key: level-2 m): holds m = 0, 1, 0, 1: 4 fills of 1 output;
  // the first two are first holds (from zero), the last two read the partial
  // sum back. No outer level holds O, so reads and write-backs go off-chip
  // and cross both boundaries: reads 2, writes 4, of which the last of each
  // element (2) final.
  expect_level_array(t, 0, Tensor::O, {.reads = 2, .writes = 4, .final_writes = 2});
  expect_level_array(t, 1, Tensor::O,
                     {.buffer_elems = 1, .fills = 4, .reads = 2, .writes = 4, .final_writes = 2});
  // Bytes: boundary 1: I 6 + W 12 + O reads 2*4 + final 2*1 + partial 2*4
  // = 36; boundary 2: 10 + 12 + 8 + 2 + 8 = 40. Buffers: level 1: 4 + 8 = 12;
  // level 2: 3 + 3 + 1*4 = 10. Compulsory 6 + 12 + 2 = 20.
  expect_level_totals(t, 0, 36, 12, 20, true);
  expect_level_totals(t, 1, 40, 10, 20, true);
}

TEST(LevelSimulator, ThreeLevelsWithBypassAndDoubleBuffering) {
  // Fully connected, C = 4, M = 4: |I| = 4, |W| = 16, |O| = 4. Every level's
  // order is c innermost, then m.
  //   level 1: m tiles of 2 (2 trips), c whole; I bypasses, W = 0, O = 0;
  //   level 2: m tiles of 2 (1 trip), c tiles of 2 (2 trips); I = 0, W and
  //            O bypass;
  //   level 3: m and c tiles of 1 (2 trips each); I = 0, W = 0, O = 1.
  // Iterations (m1, c2, m3, c3) in lexicographic order: 16.
  const Layer layer(LayerSpec{.name = "fc", .C = 4, .M = 4});
  const LevelSchedule s{
      {make_level(layer, "cmngpqrs", {{Dim::m, 2}}, std::nullopt, 0, 0),
       make_level(layer, "cmngpqrs", {{Dim::m, 2}, {Dim::c, 2}}, 0, std::nullopt, std::nullopt),
       make_level(layer, "cmngpqrs", {{Dim::m, 1}, {Dim::c, 1}}, 0, 0, 1)}};
  MemoryLevels m = machine_of({48, 3, {}}, /*halo_reuse=*/false, /*double_buffer=*/true);
  m.precision = Precision{.input = 1, .weight = 2, .output = 1, .psum = 4};
  const LevelTraffic t = simulate_levels(layer, s, m);
  ASSERT_EQ(t.levels.size(), 3u);
  // I: level 2's buffer changes with c2 (0,1,0,1 over m1): 4 fills of 2,
  // 8 elements from off-chip (level 1 bypassed) across boundaries 1 and 2.
  // Level 3's changes every iteration (c3 alternates): 16 fills of 1 from
  // level 2, boundary 3 only.
  expect_level_array(t, 0, Tensor::I, {.reads = 8});
  expect_level_array(t, 1, Tensor::I, {.buffer_elems = 2 * 2, .fills = 4, .reads = 8});
  expect_level_array(t, 2, Tensor::I, {.buffer_elems = 2 * 1, .fills = 16, .reads = 16});
  // W: level 1 changes with m1: 2 fills of 2x4 = 16 across boundary 1. Level
  // 3 changes every iteration: 16 fills of 1 from level 1 (level 2
  // bypassed), across boundaries 2 and 3.
  expect_level_array(t, 0, Tensor::W, {.buffer_elems = 2 * 8, .fills = 2, .reads = 16});
  expect_level_array(t, 1, Tensor::W, {.reads = 16});
  expect_level_array(t, 2, Tensor::W, {.buffer_elems = 2 * 1, .fills = 16, .reads = 16});
  // O: level 1 holds m tiles [0,2) then [2,4): first holds, 4 writes off-chip,
  // all final. Level 3 (c inside) holds output m1*2 + m3: per m1 the order
  // is 0,1 (c2 = 0) then 0,1 again (c2 = 1): 8 fills, 4 first holds and 4
  // re-holds reading 1 partial sum each from level 1 (level 2 bypassed):
  // across boundaries 2 and 3, reads 4, writes 8, final 4.
  expect_level_array(t, 0, Tensor::O,
                     {.buffer_elems = 2 * 2, .fills = 2, .writes = 4, .final_writes = 4});
  expect_level_array(t, 1, Tensor::O, {.reads = 4, .writes = 8, .final_writes = 4});
  expect_level_array(
      t, 2, Tensor::O,
      {.buffer_elems = 2 * 1, .fills = 8, .reads = 4, .writes = 8, .final_writes = 4});
  // Bytes (in 1, w 2, out 1, psum 4): boundary 1: 8 + 16*2 + 4*1 = 44;
  // boundary 2: 8 + 32 + 4*4 + 4*1 + 4*4 = 76; boundary 3: 16 + 32 + 16 + 4
  // + 16 = 84. Buffers (doubled): level 1: 16*2 + 4*4 = 48 (fits 48);
  // level 2: 4*1 = 4 (not 3); level 3: 2 + 2*2 + 2*4 = 14 (unbounded).
  // Compulsory: 4 + 16*2 + 4 = 40.
  expect_level_totals(t, 0, 44, 48, 40, true);
  expect_level_totals(t, 1, 76, 4, 40, false);
  expect_level_totals(t, 2, 84, 14, 40, true);
  EXPECT_EQ(t.total_fills(), 2 + 2 + 4 + 16 + 16 + 8);
}

TEST(LevelSimulator, TilesInThePaddingAreFillsOfNothing) {
  // H = 1, R = 1, pad_top = 2: P = 3 and output row p reads input row p - 2,
  // so p = 0 and 1 read padding. Level 1: p tiles of 2 ([0,2) [2,3)); level
  // 2: p tiles of 1; I and O span 0, W 8 at both levels.
  const Layer layer(LayerSpec{.name = "pad", .pad_top = 2});
  const LevelSchedule s{{make_level(layer, "pnqgmcrs", {{Dim::p, 2}}, 0, 8, 0),
                         make_level(layer, "pnqgmcrs", {{Dim::p, 1}}, 0, 8, 0)}};
  const LevelTraffic t = simulate_levels(layer, s, machine_of({{}, {}}));
  // I: level 1's tiles hold no element, then row 0: 2 fills, 1 read. Level
  // 2's tiles [0,1) [1,2) [2,3): 3 fills (two of nothing), 1 read.
  expect_level_array(t, 0, Tensor::I, {.buffer_elems = 1, .fills = 2, .reads = 1});
  expect_level_array(t, 1, Tensor::I, {.buffer_elems = 1, .fills = 3, .reads = 1});
  // W: one weight, filled once at each level.
  expect_level_array(t, 0, Tensor::W, {.buffer_elems = 1, .fills = 1, .reads = 1});
  expect_level_array(t, 1, Tensor::W, {.buffer_elems = 1, .fills = 1, .reads = 1});
  // O: 3 outputs (every output exists, even from padding only), written once.
  expect_level_array(t, 0, Tensor::O,
                     {.buffer_elems = 2, .fills = 2, .writes = 3, .final_writes = 3});
  expect_level_array(t, 1, Tensor::O,
                     {.buffer_elems = 1, .fills = 3, .writes = 3, .final_writes = 3});
  // Bytes 1 + 1 + 3 = 5 at both boundaries = compulsory; buffers 1 + 1 + 2*4
  // = 10 and 1 + 1 + 4 = 6.
  expect_level_totals(t, 0, 5, 10, 5, true);
  expect_level_totals(t, 1, 5, 6, 5, true);
}

TEST(LevelSimulator, RefusesABypassAtTheInnermostLevel) {
  const Layer layer = row_conv();
  LevelSchedule s = row_schedule(layer, 3);
  s.levels[1].buffer_span[Tensor::O] = std::nullopt;
  const std::string e = error_of(layer, s, machine_of({{}, {}}));
  EXPECT_NE(e.find("level 2 (B)"), std::string::npos) << e;
  EXPECT_NE(e.find("buffer_span.O = null"), std::string::npos) << e;
  EXPECT_NE(e.find("innermost level cannot be bypassed"), std::string::npos) << e;
}

TEST(LevelSimulator, RefusesMismatchedLevelCounts) {
  const Layer layer = row_conv();
  const std::string e = error_of(layer, row_schedule(layer, 3), machine_of({{}, {}, {}}));
  EXPECT_NE(e.find("the schedule has 2 level(s) but the machine has 3 on-chip level(s)"),
            std::string::npos)
      << e;
  const std::string one = error_of(layer, row_schedule(layer, 3), machine_of({1024}));
  EXPECT_NE(one.find("the schedule has 2 level(s) but the machine has 1"), std::string::npos)
      << one;
}

TEST(LevelSimulator, RefusesTooManyIterationsUpFront) {
  // 1x1 tiles at the innermost level with every span 0: the replay would
  // visit every one of 128*128*62*62*9 > 2^28 iterations.
  const Layer layer(LayerSpec{.name = "big", .C = 128, .M = 128, .H = 64, .W = 64, .R = 3, .S = 3});
  LevelLoops outer = make_level(layer, "srqpcmgn", {}, 8, 8, 8);
  LevelLoops inner = make_level(layer, "srqpcmgn", {}, 0, 0, 0);
  for (Dim d : kAllDims) inner.tiles[d] = 1;
  const std::string e = error_of(layer, LevelSchedule{{outer, inner}}, machine_of({{}, {}}));
  EXPECT_NE(e.find("tile iterations to replay"), std::string::npos) << e;
  EXPECT_NE(e.find("'evaluate'"), std::string::npos) << e;
}

TEST(LevelSimulator, RandomLevelCasesAreValid) {
  testing::Rng rng(3);
  for (int i = 0; i < 2000; ++i) {
    const Layer layer = testing::random_layer(rng);
    const auto levels = static_cast<std::size_t>(testing::uniform(rng, 1, 4));
    const LevelSchedule s = testing::random_level_schedule(rng, layer, levels);
    const MemoryLevels m = testing::random_memory_levels(rng, levels);
    ASSERT_EQ(s.levels.size(), levels);
    EXPECT_NO_THROW(validate(s, layer));
    EXPECT_NO_THROW(validate(m));
    EXPECT_TRUE(s.levels.back().buffer_span[Tensor::I].has_value());
  }
}

}  // namespace
}  // namespace spad
