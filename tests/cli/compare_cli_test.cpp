// `spad compare` through the binary (SPAD_CLI_PATH): every layer of the JSON
// carries the lower bound, the seven baselines (or {"feasible": false}) and
// the working-set capacity; the optimum lies between the bound and every
// baseline; the HWCE baselines can be infeasible where the optimum fits; the
// output does not depend on --threads; the CSV has its columns; the baseline
// schedules evaluate to the same numbers; flag errors exit with code 2.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_fixtures.hpp"

namespace spad {
namespace {

using nlohmann::json;
using namespace testing;  // CliRun, run_spad, q, kHwc, ok_json, ... (cli_fixtures.hpp)

const std::vector<std::string> kBaselines = {
    "weight_stationary", "output_stationary", "input_stationary", "hwce_v1",
    "hwce_v2",           "hwce_v4",           "working_set"};

// 16-bit data as in the paper; halo reuse on, so the optimum runs on the
// same hardware as the HWCE baselines.
const std::string kMachine = "--precision in=2,w=2,out=2,psum=2 --halo-reuse";

std::size_t cells(const std::string& line) {
  return static_cast<std::size_t>(std::count(line.begin(), line.end(), ',')) + 1;
}

// The checks every layer of a compare JSON must pass. `least_storage`: the
// layer's result from `optimize --min-buffer` at the same capacity (the
// fewest buffer bytes that reach the optimum's traffic).
void check_layer(const json& layer, const json& least_storage) {
  SCOPED_TRACE(layer.value("name", "?"));
  ASSERT_TRUE(layer.contains("lower_bound_bytes"));
  ASSERT_TRUE(layer.contains("working_set_capacity_bytes"));
  ASSERT_TRUE(layer.contains("baselines"));
  ASSERT_TRUE(layer["fits"].get<bool>());
  const auto optimum = layer["traffic_bytes"].get<std::int64_t>();
  EXPECT_GE(optimum, layer["lower_bound_bytes"].get<std::int64_t>());
  EXPECT_GE(layer["lower_bound_bytes"].get<std::int64_t>(),
            layer["compulsory_bytes"].get<std::int64_t>());
  const json& baselines = layer["baselines"];
  ASSERT_EQ(baselines.size(), kBaselines.size());
  for (const std::string& name : kBaselines) {
    SCOPED_TRACE(name);
    ASSERT_TRUE(baselines.contains(name));
    const json& b = baselines[name];
    if (!b["feasible"].get<bool>()) {
      EXPECT_EQ(b, json({{"feasible", false}}));
      continue;
    }
    for (const char* key :
         {"schedule", "arrays", "traffic_bytes", "buffer_bytes", "compulsory_bytes", "fits"})
      EXPECT_TRUE(b.contains(key)) << key;
    EXPECT_TRUE(b["fits"].get<bool>());
    EXPECT_LE(optimum, b["traffic_bytes"].get<std::int64_t>());
    EXPECT_EQ(b["compulsory_bytes"], layer["compulsory_bytes"]);
  }
  // The working-set space is a subset of the per-array one: at the capacity
  // it needs for the optimum's traffic, it needs at least the least storage
  // per-array buffers need for it. (Not the optimum's own buffers: those are
  // the fewest fills' among the equal-traffic schedules, DESIGN.md.)
  ASSERT_TRUE(baselines["working_set"]["feasible"].get<bool>());
  EXPECT_GE(baselines["working_set"]["traffic_bytes"].get<std::int64_t>(), optimum);
  EXPECT_EQ(least_storage["traffic_bytes"].get<std::int64_t>(), optimum);
  EXPECT_LE(least_storage["buffer_bytes"].get<std::int64_t>(),
            layer["buffer_bytes"].get<std::int64_t>());
  EXPECT_GE(least_storage["total_fills"].get<std::int64_t>(),
            layer["total_fills"].get<std::int64_t>());
  EXPECT_GE(layer["working_set_capacity_bytes"].get<std::int64_t>(),
            least_storage["buffer_bytes"].get<std::int64_t>());
}

TEST(CompareCli, NetworkJsonHasEveryKeyAndTheOrdering) {
  const json j = ok_json(
      run_spad("compare --model resnet18 --buffer 16KiB " + kMachine + " --threads 2 --json"));
  const json least = ok_json(run_spad("optimize --model resnet18 --buffer 16KiB " + kMachine +
                                      " --threads 2 --min-buffer --json"));
  EXPECT_EQ(j["model"], "resnet18");
  ASSERT_EQ(j["layers"].size(), 21u);
  ASSERT_EQ(least["layers"].size(), 21u);
  std::int64_t bound = 0;
  for (std::size_t i = 0; i < j["layers"].size(); ++i) {
    const json& layer = j["layers"][i];
    check_layer(layer, least["layers"][i]);
    bound += layer["lower_bound_bytes"].get<std::int64_t>();
  }
  EXPECT_EQ(j["totals"]["lower_bound_bytes"].get<std::int64_t>(), bound);
  EXPECT_EQ(j["totals"]["baselines"].size(), kBaselines.size());
  EXPECT_EQ(j["baseline_machines"]["hwce_v1"]["halo_reuse"], true);
  EXPECT_EQ(j["baseline_machines"]["weight_stationary"], j["machine"]);
}

TEST(CompareCli, HwceInfeasibleWhereTheOptimumFits) {
  // HWCE V=1 on a 3x3 layer 32 wide: a 3 x 32 input tile (192 B), 9 weights
  // (18 B) and a row of 30 partial sums (60 B) = 270 B > 256 B; the optimum
  // needs a few bytes.
  const std::string small = "--layer C=4,M=4,H=32,W=32,R=3,S=3,pad=1,name=small --buffer 256 ";
  const json j = ok_json(run_spad("compare " + small + kMachine + " --threads 1 --json"));
  const json least =
      ok_json(run_spad("optimize " + small + kMachine + " --threads 1 --min-buffer --json"));
  ASSERT_EQ(j["layers"].size(), 1u);
  const json& layer = j["layers"][0];
  check_layer(layer, least);
  for (const char* name : {"hwce_v1", "hwce_v2", "hwce_v4"})
    EXPECT_EQ(layer["baselines"][name], json({{"feasible", false}})) << name;
  EXPECT_EQ(j["totals"]["baselines"]["hwce_v1"]["layers"], 0);
}

TEST(CompareCli, KernelWiderThanAStripeHasNoHwce) {
  const std::string layer = "--layer C=2,M=2,H=8,W=40,R=1,S=33 --buffer 64KiB ";
  const json j = ok_json(run_spad("compare " + layer + kMachine + " --threads 1 --json"));
  const json least =
      ok_json(run_spad("optimize " + layer + kMachine + " --threads 1 --min-buffer --json"));
  check_layer(j["layers"][0], least);
  EXPECT_EQ(j["layers"][0]["baselines"]["hwce_v4"], json({{"feasible", false}}));
}

TEST(CompareCli, SameOutputForAnyThreadCount) {
  const std::string base = "compare --model alexnet --buffer 16KiB " + kMachine + " --threads ";
  const CliRun one = run_spad(base + "1 --json");
  const CliRun two = run_spad(base + "2 --json");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out, two.out);
  const std::string subset = "compare --model resnet18 --layers 0-6 --buffer 4KiB --csv --threads ";
  EXPECT_EQ(run_spad(subset + "1").out, run_spad(subset + "3").out);
}

TEST(CompareCli, CsvHasOneLinePerLayerAndItsColumns) {
  const CliRun run =
      run_spad("compare --model resnet18 --layers 0-4,fc --buffer 16KiB --threads 2 --csv");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::vector<std::string> rows = lines_of(run.out);
  ASSERT_EQ(rows.size(), 1u + 6u);
  const std::size_t columns = 11 + 2 * kBaselines.size() + 1;
  EXPECT_EQ(cells(rows[0]), columns);
  EXPECT_TRUE(contains(rows[0], "hwce_v4_traffic_bytes"));
  EXPECT_TRUE(rows[0].ends_with(",working_set_capacity_bytes"));
  for (const std::string& row : rows) EXPECT_EQ(cells(row), columns) << row;
}

TEST(CompareCli, HumanTableNamesTheMachines) {
  const CliRun table = run_spad("compare --model resnet18 --layers 0-2 --buffer 16KiB");
  ASSERT_EQ(table.exit_code, 0) << table.err;
  for (const char* part : {"conv1", "layer1.0.conv1", "totals", "HWCE4", "wset needs B",
                           "halo_reuse off", "HWCE1/2/4: precision", "halo_reuse on"})
    EXPECT_TRUE(contains(table.out, part)) << part << "\n" << table.out;
}

TEST(CompareCli, BaselineSchedulesEvaluateToTheSameNumbers) {
  const std::string layer = "C=16,M=24,H=20,W=40,R=3,S=3,pad=1";
  const json j =
      ok_json(run_spad("compare --layer " + q(layer) + " --buffer 4KiB " + kMachine + " --json"));
  for (const std::string& name : kBaselines) {
    const json& b = j["layers"][0]["baselines"][name];
    if (!b["feasible"].get<bool>()) continue;
    const std::string path = temp_path(name + ".json");
    std::ofstream(path) << b["schedule"].dump();
    const json e = ok_json(run_spad("evaluate --layer " + q(layer) + " --schedule " + q(path) +
                                    " --buffer 4KiB " + kMachine + " --json"));
    EXPECT_EQ(e["traffic_bytes"], b["traffic_bytes"]) << name;
    EXPECT_EQ(e["buffer_bytes"], b["buffer_bytes"]) << name;
  }
}

TEST(CompareCli, FlagErrors) {
  const auto fails = [](const std::string& args, const std::string& says) {
    const CliRun run = run_spad("compare " + args);
    EXPECT_EQ(run.exit_code, 2) << args;
    EXPECT_TRUE(contains(run.err, says)) << args << ": " << run.err;
    EXPECT_EQ(run.out, "") << args;
  };
  fails("--model resnet18 --buffer 64KiB --bogus", "--bogus");
  fails("--model resnet18", "--buffer");
  fails("--buffer 64KiB", "compare needs --layer");
  fails("--model resnet18 --buffer 64KiB --json --csv", "--csv");
  fails("--layer C=4,M=4,H=8,W=8 --model resnet18 --buffer 1KiB", "--model");
  fails("--model resnet18 --buffer 64KiB --layers nope", "nope");
  fails("--model resnet18 --buffer 64KiB --threads -1", "--threads");
}

TEST(CompareCli, LayerThatDoesNotFitExitsTwoAfterPrinting) {
  const CliRun run =
      run_spad("compare --layer C=4,M=4,H=8,W=8,R=3,S=3,name=tiny --buffer 4 --json");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, "tiny (needs at least")) << run.err;
  const json j = json::parse(run.out);
  EXPECT_EQ(j["layers"][0]["fits"], false);
  EXPECT_TRUE(j["layers"][0]["working_set_capacity_bytes"].is_null());
  EXPECT_EQ(j["layers"][0]["baselines"]["working_set"], json({{"feasible", false}}));
}

}  // namespace
}  // namespace spad
