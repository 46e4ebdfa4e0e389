// spad optimize --layer L --buffer OUTER,INNER with a restricted space:
// --fixed-order and --fixed-spans one group per level (outermost first,
// separated by ';'), --uniform-spans at every level. Each answer's key equals
// the optimum of the simulator-costed brute force over the same space
// (tests/support/level_brute_force.hpp), the JSON says which space was
// searched, and malformed groups are refused naming the flag and the value.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_fixtures.hpp"
#include "io/text/level_space_text.hpp"
#include "level_brute_force.hpp"

namespace spad {
namespace {

using namespace testing;  // CliRun, run_spad, q, ok_json, contains

// C=2, M=3, a 3x1 image, 1x1 kernel: three live loops (c, m, p), small
// enough for the brute force; O is 9 elements of 4-byte partial sums.
const LayerSpec kSpec{.name = "t", .C = 2, .M = 3, .H = 3, .W = 1, .R = 1, .S = 1};
const std::string kLayer = "--layer " + q("N=1,C=2,M=3,H=3,W=1,R=1,S=1,name=t");

MemoryLevels machine_of(const std::vector<Count>& capacities) {
  MemoryLevels m;
  m.precision = Precision{1, 1, 1, 4};
  for (std::size_t l = 0; l < capacities.size(); ++l) {
    MemoryLevel level;
    level.capacity_bytes = capacities[l];
    m.levels.push_back(level);
  }
  return m;
}

// The key of a CLI answer: bytes per boundary, fills, buffer bytes.
std::vector<Count> cli_key(const nlohmann::json& doc) {
  std::vector<Count> key;
  for (const auto& level : doc["levels"]) key.push_back(level["traffic_bytes"].get<Count>());
  key.push_back(doc["total_fills"].get<Count>());
  key.push_back(doc["buffer_bytes"].get<Count>());
  return key;
}

std::vector<Count> brute_key(const std::vector<Count>& capacities, const LevelSearchSpace& space) {
  const MemoryLevels m = machine_of(capacities);
  const LevelBruteForce all = level_brute_force(Layer(kSpec), m, space);
  const std::optional<LevelBruteRecord> best = level_brute_best(all, m);
  return best ? best->key(capacities.size()) : std::vector<Count>{};
}

std::string capacities_text(const std::vector<Count>& capacities) {
  std::string out;
  for (Count c : capacities) {
    if (!out.empty()) out += ',';
    out += std::to_string(c);
    out += 'B';
  }
  return out;
}

struct SpaceCase {
  std::string flags;
  bool uniform = false;
  std::optional<std::string> order, spans;
};

TEST(OptimizeLevelsSpaceCli, EachSpaceIsTheBruteForceOptimumOfThatSpace) {
  const std::string o1 = "s,r,q,p,c,m,g,n", o2 = "s,r,q,c,p,m,g,n";
  const std::vector<SpaceCase> cases = {
      {"--uniform-spans", true, std::nullopt, std::nullopt},
      {"--fixed-order " + q(o1 + ";" + o2), false, o1 + ";" + o2, std::nullopt},
      {"--fixed-order " + q(o2 + ";" + o1) + " --fixed-spans " + q("I=8,W=null,O=7;I=4,W=6,O=3"),
       false, o2 + ";" + o1, "I=8,W=null,O=7;I=4,W=6,O=3"},
      {"--fixed-order " + q(o1 + ";" + o1) + " --fixed-spans " + q("I=null,W=5,O=8;I=5,W=3,O=6"),
       false, o1 + ";" + o1, "I=null,W=5,O=8;I=5,W=3,O=6"},
  };
  for (const std::vector<Count>& capacities :
       std::vector<std::vector<Count>>{{30, 12}, {12, 30}, {1000, 40}}) {
    for (const SpaceCase& c : cases) {
      SCOPED_TRACE(c.flags + " --buffer " + capacities_text(capacities));
      const LevelSearchSpace space = level_search_space(c.uniform, c.order, c.spans, 2);
      const std::vector<Count> expected = brute_key(capacities, space);
      const CliRun run = run_spad("optimize " + kLayer + " --buffer " +
                                  capacities_text(capacities) + " " + c.flags + " --json");
      if (expected.empty()) {  // nothing of the space fits
        EXPECT_EQ(run.exit_code, 2) << run.err;
        EXPECT_TRUE(
            contains(run.err, "no schedule of the restricted search space fits every level"))
            << run.err;
        continue;
      }
      const nlohmann::json doc = ok_json(run);
      EXPECT_EQ(cli_key(doc), expected) << doc["schedule"].dump();
    }
  }
}

TEST(OptimizeLevelsSpaceCli, JsonAndReportSayWhichSpaceWasSearched) {
  const std::string args = "optimize " + kLayer + " --buffer 1000B,40B --fixed-order " +
                           q("s,r,q,p,c,m,g,n;s,r,q,c,p,m,g,n") + " --fixed-spans " +
                           q("I=8,W=null,O=7;I=4,W=6,O=3");
  const nlohmann::json doc = ok_json(run_spad(args + " --json"));
  const nlohmann::json space = doc["search"]["space"];
  EXPECT_EQ(space["uniform_spans"], false);
  EXPECT_EQ(space["fixed_orders"][1][2], "q");
  EXPECT_EQ(space["fixed_orders"][1][3], "c");
  EXPECT_EQ(space["fixed_spans"][0]["W"], nullptr);
  EXPECT_EQ(space["fixed_spans"][1]["O"], 3);
  // The schedule found keeps the fixed orders and spans as given.
  EXPECT_EQ(doc["schedule"]["levels"][0]["buffer_span"]["I"], 8);
  EXPECT_EQ(doc["schedule"]["levels"][0]["buffer_span"]["W"], nullptr);
  EXPECT_EQ(doc["schedule"]["levels"][1]["order"][3], "c");
  // The whole space is reported as such.
  const nlohmann::json whole = ok_json(run_spad("optimize " + kLayer + " --buffer 40B,12B --json"));
  EXPECT_EQ(whole["search"]["space"],
            nlohmann::json::parse(
                R"({"uniform_spans": false, "fixed_orders": null, "fixed_spans": null})"));
  const std::string text = ok_out(run_spad(args));
  EXPECT_TRUE(contains(text, "space     loop orders fixed to s,r,q,p,c,m,g,n; s,r,q,c,p,m,g,n"))
      << text;
  EXPECT_TRUE(contains(text, "buffer spans fixed to I=8,W=null,O=7; I=4,W=6,O=3")) << text;
}

TEST(OptimizeLevelsSpaceCli, MalformedGroupsAreNamed) {
  const std::string o = "s,r,q,p,c,m,g,n";
  struct Case {
    std::string args, message;
  };
  for (const Case& c : std::vector<Case>{
           {"--fixed-order " + q(o),
            "--fixed-order \"" + o +
                "\" gives 1 loop order (one per on-chip level, separated by ';'), but --buffer "
                "gives 2 on-chip levels: give 2 loop orders, outermost level first"},
           {"--fixed-order " + q(o + ";" + o + ";" + o),
            "gives 3 loop orders (one per on-chip level, separated by ';'), but --buffer "
            "gives 2 on-chip levels"},
           {"--fixed-order " + q(o + ";s,r,q,p,c,m,g,x"),
            "--fixed-order (level 2 of 2) \"s,r,q,p,c,m,g,x\": \"x\" is not a dimension letter"},
           {"--fixed-order " + q(o + ";" + o) + " --fixed-spans " + q("I=1,W=1,O=1;I=1,W=null,O=1"),
            "--fixed-spans (level 2 of 2) \"I=1,W=null,O=1\": W=null bypasses the innermost level"},
           {"--fixed-order " + q(o + ";" + o) + " --fixed-spans " + q("I=1,W=1,O=1;I=1,X=1,O=1"),
            "\"X\" is not an array (I, W or O)"},
           {"--fixed-order " + q(o + ";" + o) + " --fixed-spans " + q("I=1,W=9,O=1;I=1,W=1,O=1"),
            "the span of W, \"9\", is not 0..8 or null"},
           {"--fixed-order " + q(o + ";" + o) + " --fixed-spans " + q("I=1,W=1;I=1,W=1,O=1"),
            "array O is missing"},
           {"--fixed-order " + q(o + ";" + o) + " --fixed-spans " + q("I=1,W=1,O=1"),
            "--fixed-spans \"I=1,W=1,O=1\" gives 1 span group (one per on-chip level, separated "
            "by ';'), but --buffer gives 2 on-chip levels: give 2 span groups"},
           {"--fixed-spans " + q("I=1,W=1,O=1;I=1,W=1,O=1"), "needs --fixed-order as well"},
           {"--fixed-order " + q(o + ";" + o) + " --fixed-spans " + q("I=1,W=1,O=1;I=1,W=1,O=1") +
                " --uniform-spans",
            "and --uniform-spans together: fixed spans already set every span"},
       }) {
    SCOPED_TRACE(c.args);
    const CliRun run = run_spad("optimize " + kLayer + " --buffer 40B,12B " + c.args);
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_FALSE(run.signaled);
    EXPECT_TRUE(contains(run.err, c.message)) << run.err;
  }
  // One level: the same texts with one group; null there is no bypass.
  const CliRun one = run_spad("optimize " + kLayer + " --buffer 40B --fixed-order " + q(o) +
                              " --fixed-spans " + q("I=1,W=null,O=1"));
  EXPECT_EQ(one.exit_code, 2);
  EXPECT_TRUE(contains(one.err, "--fixed-spans \"I=1,W=null,O=1\": W=null bypasses")) << one.err;
  // Several groups with one capacity: both counts and the flag are named (it
  // said '"c,m,g,n;s" is not a dimension letter'), for --layer and --model.
  for (const std::string target : {kLayer, "--model " + q(write_temp("one_net.json", R"({"model":
      "one", "layers": [{"name": "t", "N": 1, "C": 2, "M": 3, "H": 3, "W": 1, "R": 1, "S": 1}]})"))}) {
    const CliRun two =
        run_spad("optimize " + target + " --buffer 64B --fixed-order " + q(o + ";" + o));
    EXPECT_EQ(two.exit_code, 2);
    EXPECT_TRUE(contains(two.err, "--fixed-order \"" + o + ";" + o +
                                      "\" gives 2 loop orders (one per on-chip level, separated "
                                      "by ';'), but --buffer gives 1 on-chip level: give one "
                                      "loop order, without ';'"))
        << two.err;
  }
  const CliRun spans2 = run_spad("optimize " + kLayer + " --buffer 64B --fixed-order " + q(o) +
                                 " --fixed-spans " + q("I=1,W=1,O=1;I=0,W=0,O=0"));
  EXPECT_EQ(spans2.exit_code, 2);
  EXPECT_TRUE(contains(spans2.err,
                       "gives 2 span groups (one per on-chip level, separated by "
                       "';'), but --buffer gives 1 on-chip level"))
      << spans2.err;
  // Fixed spans with --uniform-spans: the flags conflict (one level too); it
  // was answered with a "does not fit" message that named neither.
  const CliRun both = run_spad("optimize " + kLayer + " --buffer 256B --fixed-order " + q(o) +
                               " --fixed-spans " + q("I=2,W=1,O=3") + " --uniform-spans");
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_TRUE(contains(both.err, "and --uniform-spans together")) << both.err;
}

// A network: every layer's search in the same space, each layer's answer
// the single layer's (itself the brute force's above).
TEST(OptimizeLevelsSpaceCli, NetworkLayersAreSearchedInTheSameSpace) {
  const std::string net = write_temp("space_net.json", R"({"model": "spacenet", "layers": [
    {"name": "t", "N": 1, "C": 2, "M": 3, "H": 3, "W": 1, "R": 1, "S": 1},
    {"name": "u", "N": 1, "C": 3, "M": 2, "H": 2, "W": 1, "R": 1, "S": 1}]})");
  const std::string space = " --fixed-order " + q("s,r,q,p,c,m,g,n;s,r,q,c,p,m,g,n") +
                            " --fixed-spans " + q("I=8,W=null,O=7;I=4,W=6,O=3");
  const nlohmann::json doc =
      ok_json(run_spad("optimize --model " + q(net) + " --buffer 1000B,40B" + space + " --json"));
  EXPECT_EQ(doc["search"]["space"]["fixed_spans"][1]["O"], 3);
  EXPECT_EQ(doc["search"]["space"]["fixed_orders"][1][3], "c");
  ASSERT_EQ(doc["layers"].size(), 2u);
  const nlohmann::json first =
      ok_json(run_spad("optimize " + kLayer + " --buffer 1000B,40B" + space + " --json"));
  EXPECT_EQ(doc["layers"][0]["levels"], first["levels"]);
  EXPECT_EQ(doc["layers"][0]["schedule"], first["schedule"]);
  const nlohmann::json second =
      ok_json(run_spad("optimize --layer " + q("N=1,C=3,M=2,H=2,W=1,R=1,S=1,name=u") +
                       " --buffer 1000B,40B" + space + " --json"));
  EXPECT_EQ(doc["layers"][1]["levels"], second["levels"]);
  const std::string table =
      ok_out(run_spad("optimize --model " + q(net) + " --buffer 1000B,40B" + space));
  EXPECT_TRUE(contains(table, "space     loop orders fixed to s,r,q,p,c,m,g,n; s,r,q,c,p,m,g,n"))
      << table;
  // The whole space by default.
  EXPECT_EQ(ok_json(run_spad("optimize --model " + q(net) +
                             " --buffer 1000B,40B --json"))["search"]["space"]["fixed_orders"],
            nullptr);
}

// One level: --fixed-spans is the one-level search's fixed spans, reported in
// its space; the answer equals the brute force over that space.
TEST(OptimizeLevelsSpaceCli, OneLevelFixedSpans) {
  const std::string o = "s,r,q,c,p,m,g,n";
  const nlohmann::json doc =
      ok_json(run_spad("optimize " + kLayer + " --buffer 20B --fixed-order " + q(o) +
                       " --fixed-spans " + q("I=4,W=6,O=3") + " --json"));
  EXPECT_EQ(doc["search"]["space"]["fixed_spans"],
            nlohmann::json::parse(R"({"I": 4, "W": 6, "O": 3})"));
  EXPECT_EQ(doc["schedule"]["buffer_span"], nlohmann::json::parse(R"({"I": 4, "W": 6, "O": 3})"));
  const std::vector<Count> expected =
      brute_key({20}, level_search_space(false, o, std::string("I=4,W=6,O=3"), 1));
  ASSERT_EQ(expected.size(), 3u);
  EXPECT_EQ(doc["traffic_bytes"].get<Count>(), expected[0]);
}

// An inner level larger than the outer one is legal (DESIGN.md): the
// optimum is still the brute force's, with 64 KiB over 512 KiB as with bytes.
TEST(OptimizeLevelsSpaceCli, InnerLevelLargerThanTheOuterOne) {
  for (const std::vector<Count>& capacities :
       std::vector<std::vector<Count>>{{64 * 1024, 512 * 1024}, {12, 30}, {8, 60}}) {
    SCOPED_TRACE(capacities_text(capacities));
    const std::vector<Count> expected = brute_key(capacities, {});
    ASSERT_FALSE(expected.empty());
    const nlohmann::json doc = ok_json(
        run_spad("optimize " + kLayer + " --buffer " + capacities_text(capacities) + " --json"));
    EXPECT_EQ(cli_key(doc), expected);
  }
  // As written in KiB: the same answer.
  EXPECT_EQ(ok_json(run_spad("optimize " + kLayer + " --buffer 64KiB,512KiB --json"))["levels"],
            ok_json(run_spad("optimize " + kLayer + " --buffer 65536B,524288B --json"))["levels"]);
}

}  // namespace
}  // namespace spad

namespace spad {
namespace {

using namespace testing;

// A two-level schedule of kLayer's shape with one field replaced.
std::string level_schedule(const std::string& inner_m, const std::string& inner_name) {
  return R"({"levels": [
    {"name": "L2", "order": ["s","r","q","p","c","m","g","n"],
     "tiles": {"n":1,"g":1,"m":3,"c":2,"p":3,"q":1,"r":1,"s":1},
     "buffer_span": {"I": 0, "W": 0, "O": 0}},
    {"name": ")" +
         inner_name + R"(", "order": ["s","r","q","p","c","m","g","n"],
     "tiles": {"n":1,"g":1,"m":)" +
         inner_m + R"(,"c":1,"p":1,"q":1,"r":1,"s":1},
     "buffer_span": {"I": 0, "W": 0, "O": 0}}]})";
}

TEST(LevelScheduleMessagesCli, TileBeyondTheLayerNamesFileAndPath) {
  const std::string file = write_temp("big_tile_levels.json", level_schedule("9", "L1"));
  for (const char* command : {"evaluate", "simulate"}) {
    const CliRun run = run_spad(std::string(command) + " " + kLayer + " --schedule " + q(file) +
                                " --buffer 1KiB,512B");
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_TRUE(contains(run.err,
                         file + ": schedule: level 2 (L1): levels[1].tiles.m = 9: must be in 1..3"))
        << run.err;
  }
  // As JSON text: named --schedule.
  const CliRun text = run_spad("evaluate " + kLayer + " --schedule " +
                               q(level_schedule("9", "L1")) + " --buffer 1KiB,512B");
  EXPECT_EQ(text.exit_code, 2);
  EXPECT_TRUE(contains(text.err, "--schedule: schedule: level 2 (L1): levels[1].tiles.m = 9"))
      << text.err;
}

TEST(LevelScheduleMessagesCli, TwoLevelsOfOneNameAreRefusedNamingBoth) {
  const std::string file = write_temp("same_names_levels.json", level_schedule("1", "L2"));
  for (const std::string& args : {std::string(" --buffer 1KiB,512B"), std::string("")}) {
    const CliRun run = run_spad("evaluate " + kLayer + " --schedule " + q(file) + args);
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_TRUE(
        contains(run.err, file + ": schedule: levels[1].name = \"L2\": levels[0].name is the same"))
        << run.err;
  }
}

// Level 1 named "L1" and level 2 unnamed: level 2's default name (L1 of
// two) would be level 1's, and every report would show two levels "L1".
TEST(LevelScheduleMessagesCli, ADefaultNameThatIsAnotherLevelsNameIsRefused) {
  std::string text = level_schedule("1", "");
  text.replace(text.find("\"L2\""), 4, "\"L1\"");
  const std::string file = write_temp("default_name_levels.json", text);
  for (const char* command : {"evaluate", "simulate"}) {
    const CliRun run = run_spad(std::string(command) + " " + kLayer + " --schedule " + q(file) +
                                " --buffer 1KiB,512B");
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_TRUE(contains(run.err, file + ": schedule: levels[0].name = \"L1\" is the default name "
                                         "of its unnamed level 2 of 2"))
        << run.err;
  }
  // Named apart, or both unnamed, it runs.
  std::string named = level_schedule("1", "RF");
  named.replace(named.find("\"L2\""), 4, "\"L1\"");
  EXPECT_EQ(run_spad("evaluate " + kLayer + " --schedule " +
                     q(write_temp("named_apart_levels.json", named)) + " --buffer 1KiB,512B")
                .exit_code,
            0);
}

}  // namespace
}  // namespace spad
