// The level names of a several-level schedule or result document read back
// (evaluate / simulate / accel --schedule): levels are matched by position,
// outermost first (DESIGN.md: names are labels). A document whose schedule
// names a level like another level of its own "levels" list, or a schedule
// named like another level of the machine file, is refused naming both (it
// was accepted and evaluated with its loops at the other level); a name the
// machine does not use is accepted; a name that is not text is refused naming
// the file, the field and the value; a "levels" list of another length names
// both counts (it printed the whole list).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_fixtures.hpp"

namespace spad {
namespace {

using namespace testing;  // CliRun, run_spad, q, ok_json, contains, write_temp

const std::string kLayer = "--layer " + q("N=1,C=2,M=3,H=3,W=3,R=2,S=2,name=tiny");
const std::string kGap = std::string(SPAD_SOURCE_DIR) + "/examples/machines/gap-like.yaml";

// optimize's own result document at 64B,16B (levels named L2, L1).
nlohmann::json result_doc() {
  return ok_json(run_spad("optimize " + kLayer + " --buffer 64B,16B --json"));
}

CliRun evaluate(const std::string& command, const nlohmann::json& doc, const std::string& stem) {
  return run_spad(command + " " + kLayer + " --schedule " + q(write_temp(stem, doc.dump())) +
                  " --buffer 64B,16B");
}

TEST(LevelNamesCli, ADocumentWhoseTwoListsNameLevelsApartIsRefused) {
  const nlohmann::json doc = result_doc();
  ASSERT_EQ(doc["levels"][0]["name"], "L2");
  ASSERT_EQ(doc["schedule"]["levels"][0]["name"], "L2");
  for (const char* command : {"evaluate", "simulate"}) {
    // As written: read back.
    EXPECT_EQ(evaluate(command, doc, "names_ok.json").exit_code, 0) << command;
    // The schedule's levels named the other way round.
    nlohmann::json swapped = doc;
    swapped["schedule"]["levels"][0]["name"] = "L1";
    swapped["schedule"]["levels"][1]["name"] = "L2";
    const CliRun run = evaluate(command, swapped, "names_swapped.json");
    EXPECT_EQ(run.exit_code, 2) << command << run.err;
    EXPECT_EQ(run.out, "");
    EXPECT_TRUE(contains(run.err,
                         "names_swapped.json: schedule levels[0].name = \"L1\", but "
                         "that is level 2 of the document's \"levels\" and level 1 is "
                         "\"L2\""))
        << run.err;
    // A label the document's levels do not use: position decides.
    nlohmann::json other = doc;
    other["levels"][0]["name"] = "SRAM";
    EXPECT_EQ(evaluate(command, other, "names_other.json").exit_code, 0) << command;
  }
}

TEST(LevelNamesCli, ANameThatIsNotTextIsRefusedNamingFileFieldAndValue) {
  const nlohmann::json doc = result_doc();
  nlohmann::json in_schedule = doc;
  in_schedule["schedule"]["levels"][0]["name"] = 5;
  CliRun run = evaluate("evaluate", in_schedule, "name5_schedule.json");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err,
                       "name5_schedule.json (schedule): levels[0].name = 5: must be a "
                       "text label"))
      << run.err;
  nlohmann::json in_levels = doc;
  in_levels["levels"][1]["name"] = 5;
  run = evaluate("simulate", in_levels, "name5_levels.json");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, "name5_levels.json: levels[1].name = 5: must be a text label"))
      << run.err;
  run = evaluate("evaluate", in_schedule["schedule"], "name5_bare.json");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, "name5_bare.json: levels[0].name = 5")) << run.err;
}

TEST(LevelNamesCli, ALevelsListOfAnotherLengthNamesBothCounts) {
  nlohmann::json doc = result_doc();
  doc["levels"].push_back(doc["levels"][1]);
  const CliRun run = evaluate("evaluate", doc, "three_entries.json");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err,
                       "three_entries.json: levels has 3 entries but the document's "
                       "schedule has 2 levels"))
      << run.err;
  EXPECT_FALSE(contains(run.err, "buffer_bytes")) << run.err;  // not the whole list
}

TEST(LevelNamesCli, AccelRefusesASchedulePutAtTheOtherLevel) {
  // gap-like's levels are L2 (outer), L1 (inner).
  nlohmann::json schedule = result_doc()["schedule"];
  const std::string accel = "accel " + kLayer + " --machine " + q(kGap) + " --schedule ";
  EXPECT_EQ(run_spad(accel + q(write_temp("accel_ok.json", schedule.dump()))).exit_code, 0);
  schedule["levels"][0]["name"] = "L1";
  schedule["levels"][1]["name"] = "L2";
  const std::string swapped = write_temp("accel_swapped.json", schedule.dump());
  const CliRun run = run_spad(accel + q(swapped));
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_TRUE(contains(run.err, swapped +
                                    ": schedule levels[0].name = \"L1\", but that is level "
                                    "2 of the machine gap-like (" +
                                    kGap + ") and level 1 is \"L2\""))
      << run.err;
  // Another machine's labels: costed by position, reported by gap-like's names.
  schedule["levels"][0]["name"] = "SRAM";
  schedule["levels"][1]["name"] = "RF";
  const CliRun other = run_spad(accel + q(write_temp("accel_other.json", schedule.dump())));
  EXPECT_EQ(other.exit_code, 0) << other.err;
}

}  // namespace
}  // namespace spad
