// spad compare --buffer OUTER,INNER (and optimize --csv with levels) through
// the CLI: the compare document carries the level optimum (equal to
// optimize's) and each baseline's Result JSON with levels (replayed by
// simulate), the HWCE as not applicable with its reason, totals per boundary;
// the document reads back as a network and, of one layer, as a --schedule
// (its counts checked); the table and the CSV (one line per
// layer and boundary) hold the same numbers; layers beyond the search and
// machines where nothing fits are refused naming the layer.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_fixtures.hpp"

namespace spad {
namespace {

using namespace testing;  // CliRun, run_spad, q, ok_json, ok_out, contains, write_temp

// C=2, M=4 over a 4x4 image, 1x1 kernel: |I| = 32, |W| = 8, |O| = 64
// elements, int8 (int32 partial sums): compulsory 104 B at every boundary.
const std::string kLayer = "--layer " + q("N=1,C=2,M=4,H=4,W=4,R=1,S=1,name=tiny");

// Three layers, the third the first's shape again (searched once).
const std::string kTinyNet = R"({"model": "tinynet", "layers": [
  {"name": "a", "N": 1, "C": 2, "M": 4, "H": 4, "W": 4, "R": 1, "S": 1},
  {"name": "b", "N": 1, "C": 2, "M": 2, "H": 4, "W": 4, "R": 1, "S": 1},
  {"name": "a2", "N": 1, "C": 2, "M": 4, "H": 4, "W": 4, "R": 1, "S": 1}]})";

const std::vector<std::string> kLevelBaselines = {"weight_stationary", "output_stationary",
                                                  "input_stationary", "working_set"};

std::vector<long long> boundary_bytes(const nlohmann::json& result) {
  std::vector<long long> out;
  for (const auto& level : result["levels"]) out.push_back(level["traffic_bytes"]);
  return out;
}

TEST(CompareLevelsCli, JsonCarriesTheOptimumAndEachBaselinesLevels) {
  const std::string text = ok_out(run_spad("compare " + kLayer + " --buffer 40B,12B --json"));
  const nlohmann::json doc = nlohmann::json::parse(text);
  EXPECT_EQ(doc["format"], "spad-network/1");
  ASSERT_EQ(doc["layers"].size(), 1u);
  const nlohmann::json& layer = doc["layers"][0];
  // The optimum is optimize's.
  const nlohmann::json best = ok_json(run_spad("optimize " + kLayer + " --buffer 40B,12B --json"));
  EXPECT_EQ(layer["levels"], best["levels"]);
  EXPECT_EQ(layer["schedule"], best["schedule"]);
  for (const auto& level : layer["levels"]) EXPECT_EQ(level["compulsory_bytes"], 104);
  // Every baseline with a several-level form: a Result with levels, never
  // lexicographically below the optimum, its schedule replayed by simulate.
  int above = 0;
  for (const std::string& name : kLevelBaselines) {
    SCOPED_TRACE(name);
    const nlohmann::json& b = layer["baselines"][name];
    EXPECT_EQ(b["applicable"], true);
    ASSERT_EQ(b["feasible"], true) << b.dump();
    ASSERT_EQ(b["levels"].size(), 2u);
    EXPECT_GE(boundary_bytes(b), boundary_bytes(layer));
    above += boundary_bytes(b) > boundary_bytes(layer);
    const std::string schedule = write_temp("baseline_" + name + ".json", b["schedule"].dump());
    const nlohmann::json replay = ok_json(
        run_spad("simulate " + kLayer + " --schedule " + q(schedule) + " --buffer 40B,12B --json"));
    EXPECT_EQ(replay["levels"], b["levels"]);
  }
  EXPECT_GE(above, 1);  // the restrictions cost something here
  // The weight-stationary order at both levels (docs/dataflows.md, innermost first).
  for (const auto& level : layer["baselines"]["weight_stationary"]["schedule"]["levels"])
    EXPECT_EQ(level["order"], nlohmann::json({"q", "p", "n", "s", "r", "c", "m", "g"}));
  for (const char* hwce : {"hwce_v1", "hwce_v2", "hwce_v4"}) {
    const nlohmann::json& b = layer["baselines"][hwce];
    EXPECT_EQ(b["applicable"], false);
    EXPECT_TRUE(contains(b["reason"].get<std::string>(), "no several-level form")) << b.dump();
    EXPECT_EQ(doc["totals"]["baselines"][hwce]["applicable"], false);
  }
  // Totals per boundary: the one layer's.
  for (const std::string& name : kLevelBaselines) {
    const nlohmann::json& t = doc["totals"]["baselines"][name];
    EXPECT_EQ(t["layers"], 1);
    EXPECT_EQ(t["traffic_bytes"], nlohmann::json(boundary_bytes(layer["baselines"][name])));
    EXPECT_EQ(t["optimum_traffic_bytes"], nlohmann::json(boundary_bytes(layer)));
  }
  // Read back as a network: the same run gives the same document.
  const std::string again = write_temp("compare_levels.json", text);
  EXPECT_EQ(ok_out(run_spad("compare --model " + q(again) + " --buffer 40B,12B --json")), text);
  // A one-layer document is a --schedule too: the optimum's, its counts checked.
  EXPECT_EQ(ok_json(run_spad("evaluate " + kLayer + " --schedule " + q(again) +
                             " --buffer 40B,12B --json"))["levels"],
            layer["levels"]);
  nlohmann::json tampered = doc;
  tampered["layers"][0]["levels"][1]["traffic_bytes"] =
      layer["levels"][1]["traffic_bytes"].get<long long>() + 1;
  const std::string bad = write_temp("compare_levels_bad.json", tampered.dump());
  const CliRun refused =
      run_spad("evaluate " + kLayer + " --schedule " + q(bad) + " --buffer 40B,12B --json");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_TRUE(contains(refused.err, "(layers[0]): levels[1].traffic_bytes = ")) << refused.err;
  // Any thread count, the same document.
  EXPECT_EQ(ok_out(run_spad("compare " + kLayer + " --buffer 40B,12B --json --threads 1")), text);
}

TEST(CompareLevelsCli, NetworkTableAndCsvHoldTheJsonNumbers) {
  const std::string net = write_temp("tinynet_compare.json", kTinyNet);
  const std::string args = "compare --model " + q(net) + " --buffer 40B,12B";
  const nlohmann::json doc = ok_json(run_spad(args + " --json"));
  ASSERT_EQ(doc["layers"].size(), 3u);
  EXPECT_EQ(doc["layers"][2]["baselines"], doc["layers"][0]["baselines"]);  // same shape
  for (const std::string& name : kLevelBaselines)
    EXPECT_EQ(doc["totals"]["baselines"][name]["layers"], 3);

  const std::vector<std::string> lines = lines_of(ok_out(run_spad(args + " --csv")));
  ASSERT_EQ(lines.size(), 1u + 3u * 2u);  // header, then layer x boundary
  EXPECT_EQ(lines[0],
            "index,name,kind,macs,boundary,outer_level,inner_level,capacity_bytes,fits,"
            "traffic_bytes,compulsory_bytes,lower_bound_bytes,buffer_bytes,fills,"
            "weight_stationary_traffic_bytes,weight_stationary_buffer_bytes,"
            "output_stationary_traffic_bytes,output_stationary_buffer_bytes,"
            "input_stationary_traffic_bytes,input_stationary_buffer_bytes,"
            "working_set_traffic_bytes,working_set_buffer_bytes,min_capacity_bytes");
  for (std::size_t i = 0; i < 3; ++i)
    for (std::size_t l = 0; l < 2; ++l) {
      const nlohmann::json& layer = doc["layers"][i];
      const nlohmann::json& level = layer["levels"][l];
      std::string want =
          std::to_string(i) + "," + layer["name"].get<std::string>() + ",conv," +
          std::to_string(layer["macs"].get<long long>()) + "," + std::to_string(l + 1) +
          (l == 0 ? ",off-chip,L2,40," : ",L2,L1,12,") + "true," + level["traffic_bytes"].dump() +
          "," + level["compulsory_bytes"].dump() + "," + level["lower_bound_bytes"].dump() + "," +
          level["buffer_bytes"].dump() + ",";
      long long fills = 0;
      for (const char* a : {"I", "W", "O"}) fills += level["arrays"][a]["fills"].get<long long>();
      want += std::to_string(fills);
      for (const std::string& name : kLevelBaselines) {
        const nlohmann::json& b = layer["baselines"][name]["levels"][l];
        want += ',';  // not "," + ...: GCC 12's false -Wrestrict
        want += b["traffic_bytes"].dump();
        want += ',';
        want += b["buffer_bytes"].dump();
      }
      // The JSON's smallest capacity of the boundary's inner level.
      want += ',';
      want += layer["min_capacities_bytes"][l].dump();
      EXPECT_EQ(lines[1 + 2 * i + l], want);
    }

  const std::string table = ok_out(run_spad(args));
  for (const char* part :
       {"off-chip ⇄ L2", "L2 ⇄ L1", "compulsory B", "lower bound B", "WS", "wset", "total",
        "3 layers, 2 distinct shapes", "not costed  hwce_v1/v2/v4", "no several-level form"})
    EXPECT_TRUE(contains(table, part)) << part << '\n' << table;
}

TEST(CompareLevelsCli, OptimizeCsvHasOneLinePerLayerAndBoundary) {
  const std::string net = write_temp("tinynet_optimize_csv.json", kTinyNet);
  const std::string args = "optimize --model " + q(net) + " --buffer 40B,12B";
  const nlohmann::json doc = ok_json(run_spad(args + " --json"));
  const std::vector<std::string> lines = lines_of(ok_out(run_spad(args + " --csv")));
  ASSERT_EQ(lines.size(), 7u);
  EXPECT_EQ(lines[0],
            "index,name,kind,macs,boundary,outer_level,inner_level,capacity_bytes,fits,"
            "traffic_bytes,compulsory_bytes,lower_bound_bytes,buffer_bytes,fills,"
            "min_capacity_bytes");
  // Each boundary's traffic column sums to the network's total at it.
  for (std::size_t l = 0; l < 2; ++l) {
    long long sum = 0;
    for (std::size_t i = 0; i < 3; ++i) {
      const std::string& line = lines[1 + 2 * i + l];
      std::vector<std::string> cells;
      for (std::size_t start = 0;;) {
        const std::size_t comma = line.find(',', start);
        cells.push_back(line.substr(start, comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
      ASSERT_EQ(cells.size(), 15u) << line;
      EXPECT_EQ(cells[4], std::to_string(l + 1));
      // Every array may bypass L2; L1 holds one element of each (1 + 1 + 4 B).
      EXPECT_EQ(cells[14], l == 0 ? "0" : "6");
      sum += std::stoll(cells[9]);
    }
    EXPECT_EQ(doc["totals"]["levels"][l]["traffic_bytes"], sum);
  }
}

TEST(CompareLevelsCli, RefusalsNameTheLayer) {
  struct Case {
    std::string args, message;
  };
  for (const Case& c : std::vector<Case>{
           {"--layer " + q(kExampleLayer) + " --buffer 512KiB,64KiB",
            "more than the 1000000 it takes"},
           {"--model resnet50 --buffer 512KiB,64KiB", "layer conv1: the level search"},
           {"--model resnet50 --buffer 512KiB,64KiB --csv", "layer conv1: the level search"},
       }) {
    SCOPED_TRACE(c.args);
    const CliRun run = run_spad("compare " + c.args);
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_FALSE(run.signaled);
    EXPECT_TRUE(run.out.empty()) << run.out;
    EXPECT_TRUE(contains(run.err, c.message)) << run.err;
  }
  // Nothing fits the innermost level: the document says so, the exit code too.
  const CliRun run = run_spad("compare " + kLayer + " --buffer 40B,5B --json");
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_TRUE(contains(run.err, "no schedule fits the innermost level (L1, 5 B) for layer(s) tiny"))
      << run.err;
  const nlohmann::json doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc["layers"][0]["fits"], false);
  EXPECT_EQ(doc["layers"][0]["baselines"]["weight_stationary"]["feasible"], false);
}

// Found by the newcomer check: where no layer fits, the total rows showed
// optimum, compulsory and lower bound 0 beside per-layer rows with their
// compulsory bytes. The totals sum the layers that fit, and say how many.
TEST(CompareLevelsCli, TotalsSayHowManyLayersTheySum) {
  const std::string net = write_temp("tinynet_totals.json", kTinyNet);
  const CliRun none = run_spad("compare --model " + q(net) + " --buffer 16B,2B");
  EXPECT_EQ(none.exit_code, 2) << none.err;
  EXPECT_TRUE(contains(none.out, "total (0 of 3 fit)")) << none.out;
  EXPECT_FALSE(contains(none.out, "total  ")) << none.out;
  const CliRun flat = run_spad("compare --model " + q(net) + " --buffer 2B");
  EXPECT_TRUE(contains(flat.out, "totals (0 of 3 fit)")) << flat.out;
  const CliRun all = run_spad("compare --model " + q(net) + " --buffer 512B,64B");
  EXPECT_EQ(all.exit_code, 0) << all.err;
  EXPECT_FALSE(contains(all.out, " fit)")) << all.out;
}

}  // namespace
}  // namespace spad
