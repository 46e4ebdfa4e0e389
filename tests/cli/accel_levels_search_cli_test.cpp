// spad accel on a machine file with levels and no --schedule: the level
// search for latency, energy or traffic (search/level_objective) through the
// CLI. The figures are the brute force's (tests/support/
// level_accel_brute_force: every two-level schedule of the layer, counted by
// the level simulator and costed by model/level_accel_cost); the objective
// is printed with every result; --json reads back through --schedule to the
// same cost; the traffic objective's traffic is optimize --buffer's; a layer
// beyond the level search is refused (exit 2). --model costs every layer as
// --layer does alone.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_fixtures.hpp"
#include "io/machine/accelerator_file.hpp"
#include "level_accel_brute_force.hpp"
#include "workload/layer.hpp"

namespace spad {
namespace {

using namespace testing;  // CliRun, run_spad, q, ok_json, contains, write_temp

// C=2, M=2 over a 1x4 row, 1x2 kernel (q = 3, s = 2): four loops of
// extent 2..3, within the level search and small enough to enumerate.
const std::string kLayerText = "N=1,C=2,M=2,H=1,W=4,R=1,S=2,name=tiny";
const LayerSpec kLayerSpec{.name = "tiny", .N = 1, .C = 2, .M = 2, .H = 1, .W = 4, .R = 1, .S = 2};

// A network of that layer twice and another (q = 2, s = 2).
const std::string kOtherText = "N=1,C=2,M=2,H=1,W=3,R=1,S=2,name=other";
const std::string kNet =
    R"({"model": "tinynet", "layers": [
    {"name": "tiny", "N": 1, "C": 2, "M": 2, "H": 1, "W": 4, "R": 1, "S": 2},
    {"name": "other", "N": 1, "C": 2, "M": 2, "H": 1, "W": 3, "R": 1, "S": 2},
    {"name": "again", "N": 1, "C": 2, "M": 2, "H": 1, "W": 4, "R": 1, "S": 2}]})";

// Two levels of 64 and 24 bytes, slow off-chip port with a large setup and a
// fast inner one, overlapped (double buffered): the objectives disagree.
const std::string kMachine =
    "spad_machine: 1\n"
    "name: small2\n"
    "levels:\n"
    "  - {name: L2, capacity_bytes: 64, double_buffer: true, bits_per_cycle: 8, "
    "dma_setup_cycles: 20, pj_per_byte: 3}\n"
    "  - {name: L1, capacity_bytes: 24, double_buffer: true, bits_per_cycle: 32, "
    "dma_setup_cycles: 2, pj_per_byte: 1}\n"
    "mac_array: {unroll: {m: 2}}\n"
    "clock_mhz: 100\n"
    "energy: {mac_pj: 0.2, offchip_pj_per_byte: 20}\n";

TEST(AccelLevelsSearchCli, EachObjectiveGivesTheBruteForceOptimum) {
  const std::string machine = write_temp("small2.yaml", kMachine);
  const LevelAccelerator accel = read_level_accelerator_file(machine);
  const Layer layer(kLayerSpec);
  const AccelBrute all = accel_brute_force(layer, accel);
  const std::vector<Count> capacity = {64, 24};
  for (std::size_t k = 0; k < kObjectives.size(); ++k) {
    const std::string name(objective_name(kObjectives[k]));
    SCOPED_TRACE(name);
    const AccelRecord* want = brute_best(all, k, capacity);
    ASSERT_NE(want, nullptr);
    const std::string args =
        "accel --layer " + q(kLayerText) + " --machine " + q(machine) + " --objective " + name;
    const std::string doc = ok_out(run_spad(args + " --json"));
    const nlohmann::json j = nlohmann::json::parse(doc);
    EXPECT_EQ(j.at("objective"), name);
    EXPECT_EQ(j.at("schedule_source"), "search");
    const nlohmann::json& a = j.at("accel");
    // The key's terms in the document, in the brute force's order.
    std::vector<Count> got;
    const Count latency = a.at("latency_cycles").get<Count>();
    const Count energy_fj = std::llround(a.at("energy_pj").at("total").get<double>() * 1000);
    if (kObjectives[k] == Objective::latency) got = {latency, energy_fj};
    if (kObjectives[k] == Objective::energy) got = {energy_fj, latency};
    Count fills = 0, buffer = 0;
    for (const auto& level : j.at("levels")) {
      got.push_back(level.at("traffic_bytes").get<Count>());
      buffer += level.at("buffer_bytes").get<Count>();
      for (const char* t : {"I", "W", "O"})
        fills += level.at("arrays").at(t).at("fills").get<Count>();
    }
    got.push_back(fills);
    got.push_back(buffer);
    if (kObjectives[k] == Objective::traffic) got.push_back(latency);
    EXPECT_EQ(got, want->keys[k]) << key_text(want->keys[k]);
    // Read back: the schedule costs the same.
    const nlohmann::json back = ok_json(
        run_spad("accel --layer " + q(kLayerText) + " --machine " + q(machine) + " --schedule " +
                 q(write_temp("searched_" + name + ".json", doc)) + " --json"));
    EXPECT_EQ(back.at("schedule_source"), "given");
    EXPECT_EQ(back.at("accel"), a);
    EXPECT_EQ(back.at("levels"), j.at("levels"));
    // The table prints the objective with its ties.
    const std::string table = ok_out(run_spad(args));
    EXPECT_TRUE(contains(table, "objective " + name + " (")) << table;
    EXPECT_TRUE(contains(table, "schedule  searched: ")) << table;
  }
  // The objectives disagree on this machine (so the test tells them apart).
  const AccelRecord* fastest = brute_best(all, 0, capacity);
  const AccelRecord* leanest = brute_best(all, 2, capacity);
  const std::vector<Count> fastest_traffic(fastest->keys[0].begin() + 2, fastest->keys[0].end());
  const std::vector<Count> leanest_traffic(leanest->keys[2].begin(), leanest->keys[2].end() - 1);
  EXPECT_GT(fastest_traffic, leanest_traffic)
      << key_text(fastest->keys[0]) << " " << key_text(leanest->keys[2]);
}

// --objective traffic has the traffic of optimize --buffer with the same
// capacities and machine options.
TEST(AccelLevelsSearchCli, TrafficObjectiveIsOptimizeWithTheSameCapacities) {
  const std::string machine = write_temp("small2.yaml", kMachine);
  const nlohmann::json accel = ok_json(run_spad("accel --layer " + q(kLayerText) + " --machine " +
                                                q(machine) + " --objective traffic --json"));
  const nlohmann::json opt = ok_json(
      run_spad("optimize --layer " + q(kLayerText) + " --buffer 64B,24B --double-buffer --json"));
  ASSERT_EQ(accel.at("levels").size(), 2u);
  for (std::size_t l = 0; l < 2; ++l)
    EXPECT_EQ(accel.at("levels")[l].at("traffic_bytes"), opt.at("levels")[l].at("traffic_bytes"));
}

TEST(AccelLevelsSearchCli, Refusals) {
  const std::string machine = write_temp("small2.yaml", kMachine);
  // Beyond the level search: named, exit 2.
  CliRun run = run_spad("accel --layer " + q("C=64,M=64,H=56,W=56,R=3,S=3,pad=1,name=big") +
                        " --machine " + q(machine));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, "layer big: the level search")) << run.err;
  // Nothing fits: an L1 of 2 bytes cannot hold one element of each array.
  std::string tiny = kMachine;
  tiny.replace(tiny.find("capacity_bytes: 24"), 18, "capacity_bytes: 2");
  run = run_spad("accel --layer " + q(kLayerText) + " --machine " +
                 q(write_temp("tiny_l1.yaml", tiny)));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, "no schedule fits")) << run.err;
  // A network beyond the level search: its first such layer, by name.
  run = run_spad("accel --model resnet18 --machine " + q(machine));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, "layer conv1: the level search")) << run.err;
  // A network where a layer does not fit: printed, then named (exit 2).
  const std::string tiny_file = write_temp("tiny_l1.yaml", tiny);
  run = run_spad("accel --model " + q(write_temp("tinynet.json", kNet)) + " --machine " +
                 q(tiny_file));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, "no schedule fits the innermost level of small2")) << run.err;
  EXPECT_TRUE(contains(run.err, "for layer(s) tiny, other, again")) << run.err;
  EXPECT_TRUE(contains(run.out, "does not fit")) << run.out;
  // What it needs, and where to give it: one element of each array at L1,
  // double-buffered, (1 + 1 + 4) x 2 = 12 B; L2 may hold nothing.
  EXPECT_TRUE(contains(run.err,
                       "at least 12 B; give level L1 a capacity_bytes of at least 12 B "
                       "in " +
                           tiny_file))
      << run.err;
  run = run_spad("accel --model " + q(write_temp("tinynet.json", kNet)) + " --machine " +
                 q(tiny_file) + " --json");
  EXPECT_EQ(run.exit_code, 2);
  // Parsed into a variable: a range-for over parse(...)["layers"] reads a
  // destroyed temporary (AddressSanitizer: heap-use-after-free).
  const nlohmann::json document = nlohmann::json::parse(run.out);
  for (const nlohmann::json& layer : document.at("layers")) {
    EXPECT_EQ(layer["min_capacity_bytes"], 12);
    EXPECT_EQ(layer["min_capacities_bytes"], nlohmann::json::parse("[0, 12]"));
  }
}

// --model: each layer's entry holds what `accel --layer` gives for that
// layer alone (its levels and accel members), the duplicate layer the same
// as its first; totals sum the layers; the document reads back as --model.
TEST(AccelLevelsSearchCli, ModelCostsEveryLayerAsTheLayerAlone) {
  const std::string machine = write_temp("small2.yaml", kMachine);
  const std::string net = write_temp("tinynet.json", kNet);
  for (const char* objective : {"latency", "energy"}) {
    SCOPED_TRACE(objective);
    const std::string doc = ok_out(run_spad("accel --model " + q(net) + " --machine " + q(machine) +
                                            " --objective " + objective + " --json"));
    const nlohmann::json j = nlohmann::json::parse(doc);
    EXPECT_EQ(j.at("format"), "spad-network/1");
    EXPECT_EQ(j.at("objective"), objective);
    ASSERT_EQ(j.at("layers").size(), 3u);
    Count latency = 0;
    for (const auto& entry : j.at("layers")) {
      const std::string layer = entry.at("name") == "other" ? kOtherText : kLayerText;
      const nlohmann::json alone =
          ok_json(run_spad("accel --layer " + q(layer) + " --machine " + q(machine) +
                           " --objective " + objective + " --json"));
      EXPECT_EQ(entry.at("accel"), alone.at("accel")) << entry.at("name");
      EXPECT_EQ(entry.at("levels"), alone.at("levels")) << entry.at("name");
      latency += entry.at("accel").at("latency_cycles").get<Count>();
    }
    EXPECT_EQ(j.at("layers")[2].at("same_shape_as"), "tiny");
    EXPECT_EQ(j.at("totals").at("latency_cycles"), latency);
    EXPECT_EQ(j.at("search").at("unique_shapes"), 2);
    // Read back as --model: the same document.
    EXPECT_EQ(
        ok_out(run_spad("accel --model " + q(write_temp("net_doc.json", doc)) + " --machine " +
                        q(machine) + " --objective " + objective + " --json")),
        doc);
    const std::string table = ok_out(run_spad("accel --model " + q(net) + " --machine " +
                                              q(machine) + " --objective " + objective));
    EXPECT_TRUE(contains(table, "objective " + std::string(objective) + " (")) << table;
    EXPECT_TRUE(contains(table, "latency cycles")) << table;
  }
}

}  // namespace
}  // namespace spad
