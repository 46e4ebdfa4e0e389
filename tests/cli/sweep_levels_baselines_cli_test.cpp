// `spad sweep --buffers "OUTER;INNER" --baselines`: at every point the level
// baselines are what `spad compare --model M --buffer OUTER,INNER --json`
// gives there (run on its own, an independent path), summed per boundary; a
// baseline that fits no layer is null (JSON), empty (CSV) and "-" (table);
// the HWCE-like baselines are marked not applicable; the one-level keys and
// columns are kept and the per-boundary ones added; machine files refuse it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_fixtures.hpp"

namespace spad {
namespace {

using namespace testing;

const std::string kTinyNet = std::string(SPAD_SOURCE_DIR) + "/examples/levels/tiny_net.json";
const std::string kGap = std::string(SPAD_SOURCE_DIR) + "/examples/machines/gap-like.yaml";

const std::vector<std::string> kAll = {"weight_stationary", "output_stationary", "input_stationary",
                                       "hwce_v1",           "hwce_v2",           "hwce_v4",
                                       "working_set"};
const std::vector<std::string> kLevel = {"weight_stationary", "output_stationary",
                                         "input_stationary", "working_set"};

bool applicable(const std::string& name) { return name.rfind("hwce", 0) != 0; }

// Two points: at 4B,12B the optimum fits (L2 is bypassed) but no baseline
// does (they bypass nothing: compare says "feasible": false for both
// layers); at 40B,12B every level baseline fits both layers.
const std::string kSweep = "sweep --model " + q(kTinyNet) + " --buffers \"4B,40B;12B\" --baselines";

TEST(SweepLevelsBaselinesCli, EveryPointIsCompareAtThatPoint) {
  const nlohmann::json doc = ok_json(run_spad(kSweep + " --per-layer --json --threads 2"));
  ASSERT_EQ(doc["rows"].size(), 2u);
  int fitting_points = 0, unfit_points = 0;
  for (const nlohmann::json& row : doc["rows"]) {
    const std::string point = std::to_string(row["capacities_bytes"][0].get<long long>()) + "B," +
                              std::to_string(row["capacities_bytes"][1].get<long long>()) + "B";
    SCOPED_TRACE(point);
    const nlohmann::json cmp =
        ok_json(run_spad("compare --model " + q(kTinyNet) + " --buffer " + point + " --json"));
    ASSERT_EQ(row["infeasible_layers"], 0);  // the optimum fits at both points
    EXPECT_EQ(row["traffic_bytes"], cmp["totals"]["traffic_bytes"]);
    const long long layers = row["layers"];
    ASSERT_EQ(layers, 2);
    for (const std::string& name : kAll) {
      SCOPED_TRACE(name);
      const nlohmann::json& b = row["baselines"][name];
      const nlohmann::json& t = cmp["totals"]["baselines"][name];
      EXPECT_EQ(b["applicable"], applicable(name));
      if (!applicable(name)) {
        EXPECT_EQ(b["reason"], t["reason"]);
        EXPECT_TRUE(b["traffic_bytes"].is_null());
        EXPECT_EQ(b["layers_fit"], 0);
        for (const nlohmann::json& level : row["levels"])
          EXPECT_TRUE(level["baselines"][name].is_null());
        continue;
      }
      EXPECT_FALSE(b.contains("reason"));
      EXPECT_EQ(b["layers_fit"], t["layers"]);
      const bool fits = t["layers"] == layers;
      (fits ? fitting_points : unfit_points) += 1;
      // Off-chip at the top, every boundary under "levels".
      EXPECT_EQ(b["traffic_bytes"], fits ? t["traffic_bytes"][0] : nlohmann::json());
      for (std::size_t l = 0; l < 2; ++l)
        EXPECT_EQ(row["levels"][l]["baselines"][name],
                  fits ? t["traffic_bytes"][l] : nlohmann::json());
      // Per layer: compare's layer entry, null where it is not feasible.
      for (std::size_t i = 0; i < 2; ++i) {
        const nlohmann::json& mine = row["per_layer"][i];
        const nlohmann::json& theirs = cmp["layers"][i]["baselines"][name];
        const bool feasible = theirs["feasible"] == true;
        EXPECT_EQ(mine["baselines"][name],
                  feasible ? theirs["levels"][0]["traffic_bytes"] : nlohmann::json());
        for (std::size_t l = 0; l < 2; ++l)
          EXPECT_EQ(mine["levels"][l]["baselines"][name],
                    feasible ? theirs["levels"][l]["traffic_bytes"] : nlohmann::json());
      }
    }
  }
  // Both cases occur: 4B,12B none fits, 40B,12B all four fit.
  EXPECT_EQ(unfit_points, 4);
  EXPECT_EQ(fitting_points, 4);
  EXPECT_EQ(doc["rows"][0]["baselines"]["working_set"]["layers_fit"], 0);
  EXPECT_EQ(doc["rows"][1]["baselines"]["working_set"]["layers_fit"], 2);
  // Without --baselines nothing is added; any thread count, the same document.
  const nlohmann::json plain = ok_json(
      run_spad("sweep --model " + q(kTinyNet) + " --buffers \"4B,40B;12B\" --per-layer --json"));
  EXPECT_FALSE(plain["rows"][0].contains("baselines"));
  EXPECT_FALSE(plain["rows"][0]["levels"][0].contains("baselines"));
  EXPECT_FALSE(plain["rows"][0]["per_layer"][0].contains("baselines"));
  EXPECT_EQ(ok_json(run_spad(kSweep + " --per-layer --json --threads 1")), doc);
}

TEST(SweepLevelsBaselinesCli, CsvAndTableHoldTheJsonNumbers) {
  const nlohmann::json doc = ok_json(run_spad(kSweep + " --json"));
  const std::vector<std::string> lines = lines_of(ok_out(run_spad(kSweep + " --csv")));
  ASSERT_EQ(lines.size(), 3u);
  // The plain level columns, then the one-level sweep's baseline columns
  // (off-chip), then the level baselines per boundary.
  EXPECT_EQ(lines[0],
            "scope,model,level1_capacity_bytes,level2_capacity_bytes,layer,index,layers,macs,"
            "traffic_bytes,buffer_bytes,compulsory_bytes,lower_bound_bytes,infeasible_layers,"
            "level1_traffic_bytes,level1_compulsory_bytes,level1_lower_bound_bytes,"
            "level2_traffic_bytes,level2_compulsory_bytes,level2_lower_bound_bytes,"
            "weight_stationary_traffic_bytes,output_stationary_traffic_bytes,"
            "input_stationary_traffic_bytes,hwce_v1_traffic_bytes,hwce_v2_traffic_bytes,"
            "hwce_v4_traffic_bytes,working_set_traffic_bytes,"
            "level1_weight_stationary_traffic_bytes,level1_output_stationary_traffic_bytes,"
            "level1_input_stationary_traffic_bytes,level1_working_set_traffic_bytes,"
            "level2_weight_stationary_traffic_bytes,level2_output_stationary_traffic_bytes,"
            "level2_input_stationary_traffic_bytes,level2_working_set_traffic_bytes");
  const auto cell = [](const nlohmann::json& v) { return v.is_null() ? std::string() : v.dump(); };
  for (std::size_t p = 0; p < 2; ++p) {
    const nlohmann::json& row = doc["rows"][p];
    std::string tail;
    for (const std::string& name : kAll)
      tail += "," + cell(row["baselines"][name]["traffic_bytes"]);
    for (std::size_t l = 0; l < 2; ++l)
      for (const std::string& name : kLevel)
        tail += "," + cell(row["levels"][l]["baselines"][name]);
    const std::string& line = lines[p + 1];
    ASSERT_GE(line.size(), tail.size());
    EXPECT_EQ(line.substr(line.size() - tail.size()), tail) << line;
  }
  EXPECT_TRUE(contains(lines[1], ",,,,,,,,,,,,,,,")) << lines[1];  // 4B,12B: nothing fits

  // The table: one line per (point, boundary), the optimum's bytes, then
  // each level baseline's ("-": it does not fit every layer).
  const std::string table = ok_out(run_spad(kSweep));
  EXPECT_TRUE(contains(table, "baselines at each point and boundary")) << table;
  EXPECT_TRUE(contains(table, "hwce_v1, hwce_v2, hwce_v4: no several-level form")) << table;
  const std::vector<std::string> names = {"off-chip ⇄ L2", "L2 ⇄ L1"};
  for (std::size_t p = 0; p < 2; ++p)
    for (std::size_t l = 0; l < 2; ++l) {
      const nlohmann::json& row = doc["rows"][p];
      std::string want = std::to_string(row["capacities_bytes"][0].get<long long>()) + " B " +
                         std::to_string(row["capacities_bytes"][1].get<long long>()) + " B " +
                         names[l] + " " + row["levels"][l]["traffic_bytes"].dump();
      for (const std::string& name : kLevel) {
        const nlohmann::json& v = row["levels"][l]["baselines"][name];
        want += " " + (v.is_null() ? std::string("-") : v.dump());
      }
      bool found = false;
      for (const std::string& line : lines_of(table)) {
        std::istringstream words(line);
        std::string joined;
        for (std::string w; words >> w;) joined += (joined.empty() ? "" : " ") + w;
        found = found || joined == want;
      }
      EXPECT_TRUE(found) << want << "\n" << table;
    }
}

TEST(SweepLevelsBaselinesCli, MachineFilesRefuseIt) {
  const CliRun run = run_spad("sweep --model " + q(kTinyNet) + " --buffers \"64B;8B\" --machine " +
                              q(kGap) + " --baselines");
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_TRUE(contains(run.err, "--baselines with --machine of several on-chip levels")) << run.err;
  EXPECT_TRUE(contains(run.err, "leave out --machine or --baselines")) << run.err;
}

}  // namespace
}  // namespace spad
