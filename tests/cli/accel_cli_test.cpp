// `spad accel` through the binary (SPAD_CLI_PATH), on the shipped machine
// files: the JSON has DESIGN.md's network keys plus cycles and energy per
// layer and in totals; totals are the sums of the layers; latency is at
// least max(compute, transfer) and energy the sum of its parts; each
// objective's optimum is at least as good in its own term as the others'
// optima and as the fixed dataflows; the answer does not depend on
// --threads; a printed schedule fed back with --schedule costs the same;
// the CSV has its columns; bad arguments and machine files exit with code 2.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli_fixtures.hpp"

namespace spad {
namespace {

using nlohmann::json;
using namespace testing;  // CliRun, run_spad, q, kHwc, ok_json, ... (cli_fixtures.hpp)

std::int64_t i64(const json& j, const char* key) { return j.at(key).get<std::int64_t>(); }

double energy(const json& j) { return j.at("energy_pj").at("total").get<double>(); }

json accel(const std::string& args) { return ok_json(run_spad("accel " + args)); }

TEST(AccelCli, NetworkJsonHasCyclesAndEnergyAndConsistentTotals) {
  const json j = accel("--model resnet18 --machine " + q(kHwc) + " --objective latency --json");
  EXPECT_EQ(j["objective"], "latency");
  EXPECT_EQ(j["accelerator"]["name"], "hwc-like");
  std::int64_t latency = 0, compute = 0, transfer = 0, traffic = 0;
  double offchip = 0, total = 0;
  for (const json& layer : j["layers"]) {
    SCOPED_TRACE(layer["name"].get<std::string>());
    ASSERT_TRUE(layer["fits"].get<bool>());
    for (const char* key : {"compute_cycles", "transfer_cycles", "latency_cycles", "energy_pj",
                            "schedule", "arrays", "traffic_bytes", "macs", "baselines"})
      ASSERT_TRUE(layer.contains(key)) << key;
    const json& e = layer["energy_pj"];
    EXPECT_NEAR(e["total"].get<double>(),
                e["offchip"].get<double>() + e["scratchpad"].get<double>() + e["mac"].get<double>(),
                1e-6 * e["total"].get<double>());
    EXPECT_GE(i64(layer, "latency_cycles"),
              std::max(i64(layer, "compute_cycles"), i64(layer, "transfer_cycles")));
    // 32 MACs per cycle at most.
    EXPECT_GE(i64(layer, "compute_cycles") * 32, i64(layer, "macs"));
    latency += i64(layer, "latency_cycles");
    compute += i64(layer, "compute_cycles");
    transfer += i64(layer, "transfer_cycles");
    traffic += i64(layer, "traffic_bytes");
    offchip += e["offchip"].get<double>();
    total += e["total"].get<double>();
    // No fixed dataflow beats the optimum on its objective (their spaces
    // are part of the optimum's, on the same machine).
    for (const char* df : {"weight_stationary", "output_stationary", "input_stationary"}) {
      const json& b = layer["baselines"][df];
      if (b["feasible"].get<bool>()) {
        EXPECT_LE(i64(layer, "latency_cycles"), i64(b, "latency_cycles")) << df;
      }
    }
  }
  const json& t = j["totals"];
  EXPECT_EQ(i64(t, "latency_cycles"), latency);
  EXPECT_EQ(i64(t, "compute_cycles"), compute);
  EXPECT_EQ(i64(t, "transfer_cycles"), transfer);
  EXPECT_EQ(i64(t, "traffic_bytes"), traffic);
  EXPECT_NEAR(t["energy_pj"]["offchip"].get<double>(), offchip, 1e-6 * offchip);
  EXPECT_NEAR(t["energy_pj"]["total"].get<double>(), total, 1e-6 * total);
  // 200 MHz: frames/s = 1 / (latency / 2e8) for batch 1.
  EXPECT_NEAR(t["frames_per_s"].get<double>(), 2e8 / static_cast<double>(latency), 1e-6);
  EXPECT_TRUE(j["baseline_totals"].contains("hwce_v4"));
}

TEST(AccelCli, EachObjectiveWinsItsOwnTerm) {
  const std::string base = "--model squeezenet1_1 --machine " + q(kHwc) + " --no-baselines --json";
  const json traffic = accel(base + " --objective traffic");
  const json latency = accel(base + " --objective latency");
  const json energy_run = accel(base + " --objective energy");
  ASSERT_EQ(traffic["layers"].size(), latency["layers"].size());
  for (std::size_t i = 0; i < traffic["layers"].size(); ++i) {
    const json& a = traffic["layers"][i];
    const json& b = latency["layers"][i];
    const json& c = energy_run["layers"][i];
    SCOPED_TRACE(a["name"].get<std::string>());
    EXPECT_LE(i64(a, "traffic_bytes"), i64(b, "traffic_bytes"));
    EXPECT_LE(i64(a, "traffic_bytes"), i64(c, "traffic_bytes"));
    EXPECT_LE(i64(b, "latency_cycles"), i64(a, "latency_cycles"));
    EXPECT_LE(i64(b, "latency_cycles"), i64(c, "latency_cycles"));
    EXPECT_LE(energy(c), energy(a) + 1e-9);
    EXPECT_LE(energy(c), energy(b) + 1e-9);
  }
}

TEST(AccelCli, SameAnswerForAnyThreadCount) {
  const std::string base = "--model mobilenet_v1 --layers 0-6 --machine " + q(kNpu) +
                           " --objective latency --json --threads ";
  EXPECT_EQ(run_spad("accel " + base + "1").out, run_spad("accel " + base + "2").out);
}

TEST(AccelCli, PrintedScheduleCostsTheSameWhenFedBack) {
  const std::string layer = "C=32,M=48,H=28,W=28,R=3,S=3,pad=1,name=l";
  const json j = accel("--layer " + q(layer) + " --machine " + q(kHwc) +
                       " --objective energy --no-baselines --json");
  const json& first = j["layers"][0];
  const std::string schedule_file = temp_path("schedule.json");
  std::ofstream(schedule_file) << first["schedule"].dump();
  const json again = accel("--layer " + q(layer) + " --schedule " + q(schedule_file) +
                           " --machine " + q(kHwc) + " --objective energy --no-baselines --json");
  EXPECT_EQ(j["schedule_source"], "search");
  EXPECT_EQ(again["schedule_source"], "given");
  const json& second = again["layers"][0];
  EXPECT_EQ(second["schedule"], first["schedule"]);
  EXPECT_EQ(second["latency_cycles"], first["latency_cycles"]);
  EXPECT_EQ(second["energy_pj"], first["energy_pj"]);
  EXPECT_EQ(second["traffic_bytes"], first["traffic_bytes"]);
}

// A schedule whose buffers exceed the scratchpad: named, exit 2.
TEST(AccelCli, GivenScheduleThatDoesNotFitIsAnError) {
  const std::string schedule_file = temp_path("big.json");
  std::ofstream(schedule_file) << R"({"order": ["s","r","q","p","c","m","g","n"],
             "tiles": {"n":1,"g":1,"m":64,"c":64,"p":56,"q":56,"r":3,"s":3},
             "buffer_span": {"I": 8, "W": 8, "O": 8}})";
  const CliRun run = run_spad("accel --layer C=64,M=64,H=56,W=56,R=3,S=3,pad=1 --schedule " +
                              q(schedule_file) + " --machine " + q(kHwc));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("--schedule"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("65536-byte scratchpad"), std::string::npos) << run.err;
}

// Energies so large that some alternatives' costs leave int64: those are
// reported as such, the optimum (whose cost fits) is still found.
TEST(AccelCli, CostsBeyondInt64AreReportedNotFatal) {
  const std::string machine = temp_path("dear.yaml");
  std::ofstream(machine) << "spad_machine: 1\nname: dear\nscratchpad: {capacity_bytes: 64KiB}\n"
                            "mac_array: {unroll: {m: 4, q: 8}}\nclock_mhz: 200\n"
                            "offchip: {bits_per_cycle: 32, dma_setup_cycles: 16}\n"
                            "energy: {offchip_pj_per_byte: 1000000}\n";
  const json j = accel("--layer C=512,M=512,H=112,W=112,R=3,S=3,pad=1 --machine " + q(machine) +
                       " --objective energy --json");
  const json& layer = j["layers"][0];
  // 1e6 pJ = 1e9 fJ per byte: the optimum moves < 9.2e9 bytes, HWCE-like more.
  EXPECT_LT(layer["energy_pj"]["total"].get<double>(), 9.2e15);
  EXPECT_EQ(layer["baselines"]["hwce_v1"]["reason"], "cost beyond the 64-bit range");
}

TEST(AccelCli, CsvHasTheCostColumns) {
  const CliRun run = run_spad("accel --model alexnet --machine " + q(kHwc) + " --csv");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::istringstream in(run.out);
  std::string header;
  std::getline(in, header);
  for (const char* column :
       {"latency_cycles", "compute_cycles", "transfer_cycles", "energy_total_pj", "memory_bound",
        "gbytes_per_s", "hwce_v1_latency_cycles"})
    EXPECT_NE(header.find(column), std::string::npos) << column;
  int rows = 0;
  for (std::string line; std::getline(in, line);) ++rows;
  EXPECT_EQ(rows, 8);  // AlexNet: 5 conv + 3 fc layers
}

TEST(AccelCli, TableShowsTotalsAndAlternatives) {
  const CliRun run = run_spad("accel --model resnet18 --machine " + q(kHwc));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  for (const char* part : {"frames/s", "uJ per frame", "memory-bound", "weight_stationary",
                           "hwce_v2", "accelerator hwc-like"})
    EXPECT_NE(run.out.find(part), std::string::npos) << part;
}

TEST(AccelCli, BadArgumentsAndMachineFilesExitWithCode2) {
  const auto fails = [](const std::string& args, const std::string& part) {
    const CliRun run = run_spad("accel " + args);
    EXPECT_FALSE(run.signaled) << args;
    EXPECT_NE(run.exit_code, 0) << args;
    EXPECT_NE(run.err.find(part), std::string::npos) << args << "\n" << run.err;
  };
  fails("--model resnet18", "--machine");
  fails("--model resnet18 --machine /nonexistent/m.yaml", "/nonexistent/m.yaml");
  fails("--model resnet18 --machine " + q(kHwc) + " --objective speed", "speed");
  fails("--model resnet18 --machine " + q(kHwc) + " --schedule s.json", "--schedule");
  const std::string small = "--layer C=8,M=8,H=8,W=8,R=3,S=3 --machine " + q(kHwc);
  fails(small + " --schedule " +
            q(R"({"order":["s","r","q","p","c","m","g","n"],"tiles":{"n":1,"g":1,"m":9,"c":8,)"
              R"("p":6,"q":6,"r":3,"s":3},"buffer_span":{"I":8,"W":8,"O":8}})"),
        "tiles.m = 9");
  fails(small + " --schedule " + q(R"({"order":["s"]})"), "order has 1 entries");
  const std::string bad = temp_path("bad.yaml");
  std::ofstream(bad) << "spad_machine: 1\nname: x\nscratchpad: {capacity_bytes: 1KiB}\n"
                        "mac_array: {unroll: {m: 4}}\nclock_mhz: 100\n"
                        "offchip: {bits_per_cycle: -8, dma_setup_cycles: 0}\n";
  fails("--model resnet18 --machine " + q(bad), "bits_per_cycle");
  // A scratchpad too small for some layer: every layer reported, exit 2.
  const std::string tiny = temp_path("tiny.yaml");
  std::ofstream(tiny) << "spad_machine: 1\nname: tiny\nscratchpad: {capacity_bytes: 5}\n"
                         "mac_array: {unroll: {m: 4}}\nclock_mhz: 100\n"
                         "offchip: {bits_per_cycle: 8, dma_setup_cycles: 0}\n";
  const CliRun run = run_spad("accel --model resnet18 --machine " + q(tiny) + " --json");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("do not fit"), std::string::npos) << run.err;
  EXPECT_TRUE(json::accept(run.out));
}

}  // namespace
}  // namespace spad
