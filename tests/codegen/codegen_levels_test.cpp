// Generated C of several on-chip levels as text (no compiler needed): what
// cannot be generated is refused with a specific message; each level is its
// own static array of the model's buffer bytes with bypassed buffers absent;
// the hooks take the two levels a transfer connects; generation is
// deterministic. (Compiled and run: codegen_levels_run_test, label slow.)
#include <gtest/gtest.h>

#include <string>

#include "base/error.hpp"
#include "codegen/generate_level_c.hpp"
#include "codegen/level_kernel_plan.hpp"
#include "model/level_evaluate.hpp"

namespace spad {
namespace {

using codegen::LevelKernelRequest;

// C=2 -> M=4 over 4x4, 1x1 kernel: |I| = 32, |W| = 8, |O| = 64 elements.
Layer tiny() {
  LayerSpec s;
  s.name = "tiny";
  s.C = 2;
  s.M = 4;
  s.H = s.W = 4;
  return Layer(s);
}

// Level 1 ("L2") holds I (span 8: all of it) and O (span 8), W bypasses it;
// level 2 ("L1") tiles m by 2 and p by 1 and holds one tile of each array.
LevelSchedule two_levels() {
  LevelSchedule s;
  LevelLoops outer;
  outer.name = "L2";
  for (Dim d : kAllDims) outer.tiles[d] = tiny().bound(d);
  outer.buffer_span[Tensor::I] = 8;
  outer.buffer_span[Tensor::W] = std::nullopt;
  outer.buffer_span[Tensor::O] = 8;
  LevelLoops inner;
  inner.name = "L1";
  for (Dim d : kAllDims) inner.tiles[d] = tiny().bound(d);
  inner.tiles[Dim::m] = 2;
  inner.tiles[Dim::p] = 1;
  inner.buffer_span[Tensor::I] = 0;
  inner.buffer_span[Tensor::W] = 0;
  inner.buffer_span[Tensor::O] = 0;
  s.levels = {outer, inner};
  return s;
}

MemoryLevels machine(Count outer, Count inner) {
  MemoryLevels m;
  m.levels = {{"L2", outer}, {"L1", inner}};
  return m;
}

std::string refusal(const LevelKernelRequest& k) {
  try {
    codegen::generate_level_c({k});
  } catch (const UserError& e) {
    return e.what();
  }
  return "(not refused)";
}

TEST(CodegenLevels, EachLevelIsItsOwnArrayOfTheModelsBytes) {
  const LevelKernelRequest k{"conv", tiny(), two_levels(), machine(1024, 256)};
  const LevelTraffic t = evaluate_levels(k.layer, k.schedule, k.machine);
  // By hand: level 1 holds all of I (32 B) and O (64 x 4 B = 256 B); level 2
  // one m-tile of 2 and one output row: I 2x1x4 = 8 B, W 2x2 = 4 B, O 2x1x4 x
  // 4 B = 32 B.
  ASSERT_EQ(t.levels[0].buffer_bytes, 32 + 256);
  ASSERT_EQ(t.levels[1].buffer_bytes, 8 + 4 + 32);
  const std::string c = codegen::generate_level_c({k});
  EXPECT_NE(c.find("static unsigned char conv_level1[288]; /* level 1: I at 0, O at 32 */"),
            std::string::npos)
      << c.substr(0, 3000);
  EXPECT_NE(c.find("static unsigned char conv_level2[44]; /* level 2: I at 0, W at 8, O at 12 */"),
            std::string::npos);
  EXPECT_NE(c.find("void dma_in(int outer, int inner, void *dst"), std::string::npos);
  EXPECT_NE(c.find("W: bypasses this level"), std::string::npos);
  EXPECT_EQ(c.find("spad_lv_fill(&K, 1, SPAD_W)"), std::string::npos);  // bypassed: no fill
  EXPECT_NE(c.find("spad_lv_fill(&K, 2, SPAD_W)"), std::string::npos);
  EXPECT_NE(c.find("spad_lv_compute(&K); /* one level-2 tile */"), std::string::npos);
  EXPECT_EQ(c, codegen::generate_level_c({k}));  // deterministic
}

TEST(CodegenLevels, RefusesWhatItCannotGenerate) {
  LevelKernelRequest k{"conv", tiny(), two_levels(), machine(1024, 43)};
  EXPECT_EQ(refusal(k),
            "codegen: layer 'tiny': the schedule's buffers at level 2 (L1) take 44 bytes, "
            "more than its 43 bytes (--buffer)");
  k.machine = machine(1024, 256);
  k.machine.double_buffer = true;
  EXPECT_NE(refusal(k).find("--double-buffer with several on-chip levels"), std::string::npos);
  k.machine.double_buffer = false;
  k.machine.precision.input = 3;
  EXPECT_NE(refusal(k).find("precision in = 3 bytes"), std::string::npos) << refusal(k);
  k.machine.precision.input = 1;
  k.name = "spad_x";
  EXPECT_NE(refusal(k).find("cannot name a C kernel"), std::string::npos);
  k.name = "conv";
  k.machine.levels.pop_back();
  EXPECT_NE(refusal(k).find("level"), std::string::npos);  // counts differ
  EXPECT_THROW(codegen::generate_level_c({{"a", tiny(), two_levels(), machine(1024, 256)},
                                          {"a", tiny(), two_levels(), machine(1024, 256)}}),
               UserError);
}

}  // namespace
}  // namespace spad
