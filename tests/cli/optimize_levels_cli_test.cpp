// spad optimize --buffer OUTER,INNER: the level search through the CLI. The
// answer is a Result JSON with levels that simulate replays to the same
// counts; the report shows every boundary next to its compulsory traffic and
// lower bound; the one-level restrictions, networks, layers beyond the
// search and machines where nothing fits are refused (exit 2, naming them).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_fixtures.hpp"

namespace spad {
namespace {

using namespace testing;  // CliRun, run_spad, q, ok_json, contains, write_temp

// C=2 inputs, M=4 outputs over a 4x4 image, 1x1 kernel: |I| = 2*16 = 32,
// |W| = 4*2 = 8, |O| = 4*16 = 64 elements; int8 except int32 partial sums.
const std::string kLayer = "--layer " + q("N=1,C=2,M=4,H=4,W=4,R=1,S=1,name=tiny");

TEST(OptimizeLevelsCli, JsonIsAResultWithLevelsThatSimulateReplays) {
  const nlohmann::json best = ok_json(run_spad("optimize " + kLayer + " --buffer 40B,12B --json"));
  EXPECT_EQ(best["format"], "spad-result/1");
  ASSERT_EQ(best["levels"].size(), 2u);
  EXPECT_EQ(best["levels"][0]["name"], "L2");
  EXPECT_EQ(best["levels"][1]["name"], "L1");
  EXPECT_EQ(best["levels"][0]["capacity_bytes"], 40);
  EXPECT_EQ(best["levels"][1]["capacity_bytes"], 12);
  EXPECT_EQ(best["fits"], true);
  // Compulsory by hand: 32 + 8 + 64 = 104 B at every boundary; every
  // boundary's traffic is at least that and at least its lower bound.
  for (const auto& level : best["levels"]) {
    EXPECT_EQ(level["compulsory_bytes"], 104);
    EXPECT_GE(level["traffic_bytes"], level["lower_bound_bytes"]);
    EXPECT_GE(level["traffic_bytes"], 104);
  }
  EXPECT_EQ(best["traffic_bytes"], best["levels"][0]["traffic_bytes"]);
  EXPECT_TRUE(best["search"]["evaluations"].get<long long>() > 0);
  // Live loops c, m, p, q at level 1 give 24 orders per tile vector; some
  // offer the same records as an earlier one (e.g. p and q swapped where
  // neither is spanned): joined, never more than were visited.
  EXPECT_GT(best["search"]["orders_joined"].get<long long>(), 0);
  EXPECT_LT(best["search"]["orders_joined"].get<long long>(),
            best["search"]["leaves"].get<long long>() +
                best["search"]["nodes_cut"].get<long long>() +
                best["search"]["orders_joined"].get<long long>());
  // The schedule alone, replayed by the level simulator: every count equal.
  const std::string schedule = write_temp("best_levels.json", best["schedule"].dump());
  const nlohmann::json replay = ok_json(
      run_spad("simulate " + kLayer + " --schedule " + q(schedule) + " --buffer 40B,12B --json"));
  EXPECT_EQ(replay["levels"], best["levels"]);
  EXPECT_EQ(replay["traffic_bytes"], best["traffic_bytes"]);
  // The whole document is accepted back as a schedule (its numbers checked).
  const std::string document = write_temp("best_levels_doc.json", best.dump());
  EXPECT_EQ(ok_json(run_spad("evaluate " + kLayer + " --schedule " + q(document) +
                             " --buffer 40B,12B --json"))["levels"],
            best["levels"]);
}

TEST(OptimizeLevelsCli, ReportShowsEveryBoundaryWithItsBounds) {
  const std::string out = ok_out(run_spad("optimize " + kLayer + " --buffer 40B,12B --threads 1"));
  EXPECT_TRUE(contains(out, "off-chip ⇄ L2")) << out;
  EXPECT_TRUE(contains(out, "L2 ⇄ L1")) << out;
  EXPECT_TRUE(contains(out, "compulsory bytes")) << out;
  EXPECT_TRUE(contains(out, "lower bound bytes")) << out;
  EXPECT_TRUE(contains(out, "search    exact over every level's")) << out;
  EXPECT_TRUE(contains(out, "orders joined to an equal one")) << out;
  EXPECT_TRUE(contains(out, "on 1 thread")) << out;
}

TEST(OptimizeLevelsCli, SameAnswerForAnyThreadCount) {
  const std::string base = "optimize " + kLayer + " --buffer 40B,12B --json --threads ";
  nlohmann::json one = ok_json(run_spad(base + "1"));
  nlohmann::json two = ok_json(run_spad(base + "2"));
  EXPECT_EQ(one["schedule"], two["schedule"]);
  EXPECT_EQ(one["levels"], two["levels"]);
}

TEST(OptimizeLevelsCli, RefusesWhatItDoesNotSearch) {
  struct Case {
    std::string args, message;
  };
  for (const Case& c : std::vector<Case>{
           {kLayer + " --buffer 40B,12B --min-buffer", "--min-buffer restricts the one-level"},
           {"--model resnet50 --buffer 512KiB,64KiB", "layer conv1: the level search"},
           {"--layer " + q(kExampleLayer) + " --buffer 512KiB,64KiB",
            "(summed over the levels), up to 41107542069 of them at level 1 alone, more than the "
            "1000000 it takes"},
           // ~47 s under a limit on level 1's choices alone: refused at once, as
           // the first level-1 choice's subtree alone is above the limit.
           {"--layer C=44,M=44,H=1,W=1,kernel=1 --buffer 8KiB,2KiB,512B,64B",
            "level-1 choices its bounds cannot cut before any schedule is found it could visit"},
           // Above the limit in all, level 1 alone below it: what remains after
           // the first schedules is still above it (the counts themselves are
           // checked on tiny layers by level_search_budget_test).
           {"--layer C=2,M=8,H=5,W=5,kernel=3 --buffer 512B,48B",
            "135327 of them at level 1; after searching below 12 level-1 choices"},
           {kLayer + " --buffer 40B,5B", "no schedule fits: the innermost level (L1, 5 B)"},
           // Extents of 2^40 and 2^31: counted in closed form (the counts once took
           // memory that grew with the extent: std::bad_alloc, exit 3), refused at once.
           {"--layer C=1,M=1,H=1,W=1,R=1,S=1,pad=1099511627776:0:0:0 --buffer 64KiB,1KiB",
            "up to 1099511627777 of them at level 1 alone"},
           {"--layer C=2147483648,M=1,H=1,W=1,R=1,S=1 --buffer 64KiB,1KiB",
            "up to 2147483648 of them at level 1 alone"},
       }) {
    SCOPED_TRACE(c.args);
    const CliRun run = run_spad("optimize " + c.args);
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_FALSE(run.signaled);
    EXPECT_TRUE(contains(run.err, c.message)) << run.err;
  }
}

// Three layers, the third the first's shape again (searched once).
const std::string kTinyNet = R"({"model": "tinynet", "layers": [
  {"name": "a", "N": 1, "C": 2, "M": 4, "H": 4, "W": 4, "R": 1, "S": 1},
  {"name": "b", "N": 1, "C": 2, "M": 2, "H": 4, "W": 4, "R": 1, "S": 1},
  {"name": "a2", "N": 1, "C": 2, "M": 4, "H": 4, "W": 4, "R": 1, "S": 1}]})";

TEST(OptimizeLevelsCli, NetworkCarriesEachLayersLevels) {
  const std::string net = write_temp("tinynet.json", kTinyNet);
  const std::string args = "optimize --model " + q(net) + " --buffer 40B,12B";
  const std::string text = ok_out(run_spad(args + " --json"));
  const nlohmann::json doc = nlohmann::json::parse(text);
  EXPECT_EQ(doc["format"], "spad-network/1");
  ASSERT_EQ(doc["layers"].size(), 3u);
  // Each layer's entry is the single-layer optimum's levels.
  const nlohmann::json one = ok_json(run_spad("optimize " + kLayer + " --buffer 40B,12B --json"));
  EXPECT_EQ(doc["layers"][0]["levels"], one["levels"]);
  EXPECT_EQ(doc["layers"][0]["schedule"], one["schedule"]);
  EXPECT_EQ(doc["layers"][2]["same_shape_as"], "a");
  EXPECT_EQ(doc["layers"][2]["levels"], doc["layers"][0]["levels"]);
  EXPECT_EQ(doc["search"]["unique_shapes"], 2);
  // Totals per boundary are the layers' sums.
  for (std::size_t l = 0; l < 2; ++l) {
    long long sum = 0;
    for (const auto& layer : doc["layers"])
      sum += layer["levels"][l]["traffic_bytes"].get<long long>();
    EXPECT_EQ(doc["totals"]["levels"][l]["traffic_bytes"], sum);
  }
  EXPECT_EQ(doc["totals"]["traffic_bytes"], doc["totals"]["levels"][0]["traffic_bytes"]);
  // The document is a network spad reads back: the same run gives the same document.
  const std::string again = write_temp("tinynet_levels.json", text);
  EXPECT_EQ(ok_out(run_spad("optimize --model " + q(again) + " --buffer 40B,12B --json")), text);
  const std::string table = ok_out(run_spad(args));
  EXPECT_TRUE(contains(table, "off-chip ⇄ L2 bytes")) << table;
  EXPECT_TRUE(contains(table, "L2 ⇄ L1 bytes")) << table;
  EXPECT_TRUE(contains(table, "lower bound bytes")) << table;
  EXPECT_TRUE(contains(table, "3 layers, 2 distinct shapes")) << table;
}

// A network where nothing fits: the document is written, then the refusal
// names the layers, the level and its capacity, what the layers need and the
// flag (it said only "no schedule fits the innermost level for layer(s) a, b,
// c", then nothing of the size needed), exit 2; in a restricted space every
// level's capacity and need. The JSON and CSV carry min_capacity_bytes as the
// one-level documents do. Derived by hand: the innermost level holds one
// element of each of I, W, O (1 + 1 + 4 B at the default precision) and the
// outer one may hold nothing; with both levels' spans fixed at 0 and every
// tile 1 each level holds one element of each, 6 B at both.
TEST(OptimizeLevelsCli, NetworkThatNothingFitsNamesTheLevelAndTheFlag) {
  const std::string net = write_temp("tinynet_nofit.json", kTinyNet);
  for (const std::string command : {"optimize", "compare"}) {
    const CliRun run = run_spad(command + " --model " + q(net) + " --buffer 40B,5B --json");
    EXPECT_EQ(run.exit_code, 2) << command << run.err;
    const nlohmann::json doc = nlohmann::json::parse(run.out);
    for (const nlohmann::json& layer : doc["layers"]) {
      EXPECT_EQ(layer["fits"], false) << command;
      EXPECT_EQ(layer["min_capacity_bytes"], 6) << command;
      EXPECT_EQ(layer["min_capacities_bytes"], nlohmann::json::parse("[0, 6]")) << command;
    }
    EXPECT_TRUE(
        contains(run.err, "no schedule fits the innermost level (L1, 5 B) for layer(s) a, b, a2:"))
        << command << run.err;
    EXPECT_TRUE(contains(run.err,
                         "one element each, at least 6 B; give a larger innermost "
                         "--buffer capacity, at least 6 B"))
        << run.err;
    // CSV: per layer and boundary, the inner level's smallest capacity last.
    const CliRun csv = run_spad(command + " --model " + q(net) + " --buffer 40B,5B --csv");
    EXPECT_EQ(csv.exit_code, 2);
    const std::vector<std::string> lines = lines_of(csv.out);
    ASSERT_EQ(lines.size(), 7u) << csv.out;  // header, 3 layers x 2 boundaries
    EXPECT_TRUE(lines[0].ends_with(",min_capacity_bytes")) << lines[0];
    EXPECT_TRUE(lines[1].ends_with(",0")) << lines[1];  // boundary 1: L2 may hold nothing
    EXPECT_TRUE(lines[2].ends_with(",6")) << lines[2];  // boundary 2: L1
  }
  // At exactly the need the network fits, and the same columns say so.
  const CliRun fits = run_spad("optimize --model " + q(net) + " --buffer 1B,6B --json");
  EXPECT_EQ(fits.exit_code, 0) << fits.err;
  EXPECT_EQ(nlohmann::json::parse(fits.out)["layers"][1]["min_capacity_bytes"], 6);
  // The table says what each layer needs.
  const CliRun table = run_spad("optimize --model " + q(net) + " --buffer 40B,5B");
  EXPECT_TRUE(contains(table.out, "no: L1 needs 6 B")) << table.out;
  const std::string spans = " --fixed-order " + q("s,r,q,p,c,m,g,n;s,r,q,p,c,m,g,n") +
                            " --fixed-spans " + q("I=0,W=0,O=0;I=0,W=0,O=0");
  const CliRun run = run_spad("optimize --model " + q(net) + " --buffer 1B,64B" + spans);
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_TRUE(contains(run.err,
                       "no schedule of the restricted search space fits every level (L2 1 B, L1 "
                       "64 B) for layer(s) a, b, a2; widen the space"))
      << run.err;
  EXPECT_TRUE(
      contains(run.err, "the smallest schedules (every tile 1) take at least L2 6 B, L1 6 B"))
      << run.err;
  EXPECT_EQ(run_spad("optimize --model " + q(net) + " --buffer 6B,6B --json" + spans).exit_code, 0);
  EXPECT_EQ(run_spad("optimize --model " + q(net) + " --buffer 5B,6B --json" + spans).exit_code, 2);
}

}  // namespace
}  // namespace spad
