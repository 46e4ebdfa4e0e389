// The check behind `simulate --execute` with several levels
// (study/level_execution_check) as a library call: a run that agrees with the
// level simulator passes; a simulator count or buffer size changed by one is
// reported naming the level, the array and both numbers.
#include "study/level_execution_check.hpp"

#include <gtest/gtest.h>

#include <string>

#include "base/error.hpp"
#include "level_expect.hpp"
#include "sim/level_executor.hpp"
#include "sim/level_simulator.hpp"

namespace spad {
namespace {

using golden::make_level;

TEST(LevelExecutionCheck, AgreesWithTheSimulatorAndNamesEveryMismatch) {
  const Layer layer(LayerSpec{.name = "t", .C = 4, .M = 4, .H = 6, .W = 6, .R = 3, .S = 3});
  LevelSchedule s;
  // L2 tiles p by 3 and holds every array; L1 tiles m by 2 and p by 2 (not
  // dividing L2's 3), with I bypassing nothing.
  s.levels.push_back(make_level(layer, "srqcpmgn", {{Dim::p, 3}}, 3, 8, 3, "L2"));
  s.levels.push_back(make_level(layer, "srqcpmgn", {{Dim::p, 2}, {Dim::m, 2}}, 3, 3, 3, "L1"));
  for (bool double_buffer : {false, true}) {
    SCOPED_TRACE(double_buffer);
    MemoryLevels m;
    m.double_buffer = double_buffer;
    m.levels = {MemoryLevel{"L2", std::nullopt}, MemoryLevel{"L1", std::nullopt}};
    const LevelExecution run = execute_levels(layer, s, m, 5);
    LevelTraffic simulated = simulate_levels(layer, s, m);
    const ExecutionCheck ok = check_level_execution(run, simulated, m, 5);
    EXPECT_TRUE(ok.ok()) << (ok.count_mismatches.empty() ? "" : ok.count_mismatches.front());
    EXPECT_EQ(ok.output_values, layer.size(Tensor::O));
    EXPECT_EQ(ok.seed, 5u);

    const Count size = simulated.levels[1].arrays[Tensor::I].buffer_elems;
    simulated.levels[1].arrays[Tensor::I].buffer_elems += 1;
    simulated.levels[0].arrays[Tensor::W].fills += 1;
    simulated.levels[1].arrays[Tensor::O].final_writes += 1;
    const ExecutionCheck bad = check_level_execution(run, simulated, m, 5);
    EXPECT_TRUE(bad.output_matches());
    ASSERT_EQ(bad.count_mismatches.size(), 3u);
    EXPECT_EQ(bad.count_mismatches[0].rfind("level L2 W fills: executor ", 0), 0u)
        << bad.count_mismatches[0];
    EXPECT_EQ(bad.count_mismatches[1], "level L1 I buffer size: executor " + std::to_string(size) +
                                           ", simulator " + std::to_string(size + 1));
    EXPECT_EQ(bad.count_mismatches[2].rfind("level L1 O final writes: executor ", 0), 0u)
        << bad.count_mismatches[2];
  }
}

TEST(LevelExecutionCheck, UnnamedLevelsAndAWrongOutput) {
  const Layer layer(LayerSpec{.name = "t", .C = 2, .M = 2, .H = 3, .W = 3, .R = 1, .S = 1});
  LevelSchedule s;
  s.levels.push_back(make_level(layer, "srqcpmgn", {}, 8, 8, 8));
  s.levels.push_back(make_level(layer, "srqcpmgn", {{Dim::q, 2}}, 0, 0, 0));
  MemoryLevels m;
  m.levels = {MemoryLevel{}, MemoryLevel{}};
  LevelExecution run = execute_levels(layer, s, m, 1);
  LevelTraffic simulated = simulate_levels(layer, s, m);
  for (LevelCost& level : simulated.levels) level.name.clear();
  run.output.data[0] += 1;
  run.levels[0][Tensor::I].reads += 2;
  const ExecutionCheck bad = check_level_execution(run, simulated, m, 1);
  EXPECT_EQ(bad.output_mismatches, 1);
  ASSERT_EQ(bad.count_mismatches.size(), 1u);
  EXPECT_EQ(bad.count_mismatches[0].rfind("level 1 I reads: executor ", 0), 0u)
      << bad.count_mismatches[0];
  // Level counts that differ are a bug of the caller.
  simulated.levels.pop_back();
  EXPECT_THROW(check_level_execution(run, simulated, m, 1), InternalError);
}

}  // namespace
}  // namespace spad
