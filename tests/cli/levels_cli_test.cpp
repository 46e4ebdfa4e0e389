// Several on-chip levels end to end (DESIGN.md, "Several on-chip levels"):
// simulate with a two-level schedule and --buffer OUTER,INNER, its JSON and
// report, the example in examples/levels/, and the clear refusals of every
// command that handles one level only (exit 2, naming the flag or file).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_fixtures.hpp"

namespace spad {
namespace {

using namespace testing;  // CliRun, run_spad, q, ok_json, contains, write_temp

const std::string kLevelsDir = std::string(SPAD_SOURCE_DIR) + "/examples/levels/";
const std::string kExampleLevelLayer = kLevelsDir + "small_layer.json";
const std::string kExampleLevels = kLevelsDir + "two_levels.json";

// A layer small enough to count by hand: 1x1 kernel, C=2 inputs, M=2
// outputs over a row of Q=4 positions: |I| = 2*4 = 8, |W| = 2*2 = 4,
// |O| = 2*4 = 8 elements.
const std::string kTinyLayer = "N=1,C=2,M=2,H=1,W=4,R=1,S=1,name=tiny";

// Level 1 (L2): only q is tiled (2 trips of 2). I bypasses L2, W's L2
// buffer spans every L2 loop (all of W), O's spans none (one L2 tile of O:
// m2 x q2 = 4 elements). Level 2 (L1): only m is tiled (2 trips of 1), every
// buffer spans nothing (one L1 tile).
const std::string kTinyLevels = R"({"levels": [
  {"name": "L2", "order": ["s","r","q","p","c","m","g","n"],
   "tiles": {"n":1,"g":1,"m":2,"c":2,"p":1,"q":2,"r":1,"s":1},
   "buffer_span": {"I": null, "W": 8, "O": 0}},
  {"name": "L1", "order": ["s","r","q","p","c","m","g","n"],
   "tiles": {"n":1,"g":1,"m":1,"c":2,"p":1,"q":2,"r":1,"s":1},
   "buffer_span": {"I": 0, "W": 0, "O": 0}}]})";

std::string tiny_args() { return "--layer " + q(kTinyLayer) + " --schedule " + q(kTinyLevels); }

// ---- refusals: one level only ----

TEST(LevelsCli, EvaluateRefusesSeveralLevels) {
  const CliRun run = run_spad("evaluate " + tiny_args() + " --buffer 32B,16B");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_TRUE(contains(run.err,
                       "evaluate: several-level schedules are counted by 'simulate' "
                       "only in this version"))
      << run.err;
}

TEST(LevelsCli, LevelCountsMustAgree) {
  // Two levels in the schedule, one capacity.
  CliRun run = run_spad("simulate " + tiny_args() + " --buffer 64KiB");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, "--buffer 64KiB gives 1 capacity but the schedule has 2 levels"))
      << run.err;
  // One level in the schedule, two capacities.
  run = run_spad("simulate --layer " + q(kExampleLayer) + " --schedule " + q(kExampleSchedule) +
                 " --buffer 512KiB,64KiB");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(
      contains(run.err, "--buffer 512KiB,64KiB gives 2 capacities but the schedule has 1 level;"))
      << run.err;
  // A bad size names the level.
  run = run_spad("simulate " + tiny_args() + " --buffer 32B,16kb");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, "--buffer (level 2 of 2)")) << run.err;
  run = run_spad("simulate " + tiny_args() + " --buffer 32B,");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, "empty capacity")) << run.err;
}

TEST(LevelsCli, SearchCommandsRefuseSeveralBufferLevels) {
  const std::string layer = " --layer " + q(kExampleLayer);
  for (const std::string& command :
       {"optimize" + layer, "compare" + layer, "codegen --output " + q(temp_path("k.c")) + layer,
        "report --model alexnet -o " + q(temp_path("r.html"))}) {
    SCOPED_TRACE(command);
    const CliRun run = run_spad(command + " --buffer 512KiB,64KiB");
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_FALSE(run.signaled);
    const std::string name = command.substr(0, command.find(' '));
    EXPECT_TRUE(contains(run.err, "--buffer 512KiB,64KiB: 2 on-chip levels, but '" + name +
                                      "' handles one level only in this version"))
        << run.err;
  }
}

TEST(LevelsCli, OneLevelCommandsRefuseSeveralLevelSchedules) {
  const std::string path = write_temp("levels.json", kTinyLevels);
  for (const std::string& command :
       {"codegen --layer " + q(kTinyLayer) + " --schedule " + q(path),
        "accel --machine " + q(kHwc) + " --layer " + q(kTinyLayer) + " --schedule " + q(path)}) {
    SCOPED_TRACE(command);
    const CliRun run = run_spad(command);
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_TRUE(contains(run.err, path + ": a schedule of 2 on-chip levels (\"L2\", \"L1\"); "
                                         "only one level is supported here"))
        << run.err;
  }
}

TEST(LevelsCli, BadLevelScheduleNamesFileAndField) {
  std::string bad = kTinyLevels;
  bad.replace(bad.find("\"W\": 0"), 6, "\"W\": null");  // bypass at the innermost level
  const std::string path = write_temp("bad_levels.json", bad);
  const CliRun run = run_spad("simulate --layer " + q(kTinyLayer) + " --schedule " + q(path) +
                              " --buffer 1KiB,1KiB");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, path + ": levels[1].buffer_span.W = null")) << run.err;
}

}  // namespace
}  // namespace spad
