// Several on-chip levels end to end (DESIGN.md, "Several on-chip levels"):
// simulate with a two-level schedule and --buffer OUTER,INNER, its JSON and
// report, the example in examples/levels/, and the clear refusals of every
// command that handles one level only (exit 2, naming the flag or file).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "base/checked.hpp"
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

// The counts by hand (int8 in/w/out, int32 partial sums; no halo reuse, no
// double buffering). The flat nest, outermost first, has two loops that
// move: q (L2, tiles [0,2) and [2,4)) and inside it m (L1, tiles {0}, {1});
// four iterations (q, m) = (0,0) (0,1) (1,0) (1,1).
//   L1 I buffer (c2 x q2 = 4 elements, 4 B): I's loops outside it change
//     only with q: 2 fills x 4 = 8 reads, from off-chip (I bypasses L2), so
//     they cross boundary 1 and boundary 2: I reads 8 at both.
//   L2 W buffer (spans every L2 loop: all of W, 4 elements, 4 B): 1 fill,
//     4 reads at boundary 1.
//   L1 W buffer (m1 x c2 = 2 elements, 2 B): refilled whenever m changes: 4
//     fills x 2 = 8 reads at boundary 2, from L2.
//   L1 O buffer (m1 x q2 = 2 elements, 8 B at 4 B per partial sum): a new
//     tile every iteration, 4 fills; c is whole inside, so every element is
//     held once: no read-back, 4 x 2 = 8 writes to L2, all final.
//   L2 O buffer (m2 x q2 = 4 elements, 16 B): 2 fills (q), no read-back, 2
//     write-backs x 4 = 8 writes off-chip, all final.
// Boundary 1: 8 + 4 + 8 = 20 B (= compulsory: |I| + |W| + |O| = 8 + 4 + 8);
// boundary 2: 8 + 8 + 8 = 24 B. Buffers: L2 4 + 16 = 20 B, L1 4 + 2 + 8 =
// 14 B; fills 1 + 2 + 2 + 4 + 4 = 13. Lower bound: 16 MACs, R_max = 1,
// S = 48 (boundary 1) and 16 (boundary 2) 1-byte elements: floor(32 /
// sqrt(48)) = 4 and floor(32 / 4) = 8, both below the compulsory 20 B.
TEST(LevelsCli, SimulateTwoLevelsByHand) {
  const nlohmann::json j =
      ok_json(run_spad("simulate " + tiny_args() + " --buffer 32B,16B --json"));
  EXPECT_EQ(j.at("format"), "spad-result/1");
  ASSERT_EQ(j.at("levels").size(), 2u);
  const nlohmann::json& l2 = j.at("levels")[0];
  const nlohmann::json& l1 = j.at("levels")[1];
  EXPECT_EQ(l2.at("name"), "L2");
  EXPECT_EQ(l1.at("name"), "L1");
  EXPECT_EQ(l2.at("capacity_bytes"), 32);
  EXPECT_EQ(l1.at("capacity_bytes"), 16);
  // Boundary 1 (off-chip <-> L2).
  EXPECT_EQ(l2.at("arrays").at("I").at("reads"), 8);
  EXPECT_EQ(l2.at("arrays").at("I").at("fills"), 0);  // bypassed
  EXPECT_EQ(l2.at("arrays").at("I").at("buffer_bytes"), 0);
  EXPECT_EQ(l2.at("arrays").at("W").at("reads"), 4);
  EXPECT_EQ(l2.at("arrays").at("W").at("fills"), 1);
  EXPECT_EQ(l2.at("arrays").at("W").at("buffer_bytes"), 4);
  EXPECT_EQ(l2.at("arrays").at("O").at("reads"), 0);
  EXPECT_EQ(l2.at("arrays").at("O").at("writes"), 8);
  EXPECT_EQ(l2.at("arrays").at("O").at("final_writes"), 8);
  EXPECT_EQ(l2.at("arrays").at("O").at("fills"), 2);
  EXPECT_EQ(l2.at("arrays").at("O").at("buffer_bytes"), 16);
  EXPECT_EQ(l2.at("traffic_bytes"), 20);
  EXPECT_EQ(l2.at("buffer_bytes"), 20);
  EXPECT_EQ(l2.at("compulsory_bytes"), 20);
  EXPECT_EQ(l2.at("lower_bound_bytes"), 20);
  EXPECT_TRUE(l2.at("fits").get<bool>());
  // Boundary 2 (L2 <-> L1).
  EXPECT_EQ(l1.at("arrays").at("I").at("reads"), 8);
  EXPECT_EQ(l1.at("arrays").at("I").at("fills"), 2);
  EXPECT_EQ(l1.at("arrays").at("W").at("reads"), 8);
  EXPECT_EQ(l1.at("arrays").at("W").at("fills"), 4);
  EXPECT_EQ(l1.at("arrays").at("O").at("reads"), 0);
  EXPECT_EQ(l1.at("arrays").at("O").at("writes"), 8);
  EXPECT_EQ(l1.at("arrays").at("O").at("final_writes"), 8);
  EXPECT_EQ(l1.at("arrays").at("O").at("fills"), 4);
  EXPECT_EQ(l1.at("traffic_bytes"), 24);
  EXPECT_EQ(l1.at("buffer_bytes"), 14);
  EXPECT_EQ(l1.at("lower_bound_bytes"), 20);
  EXPECT_TRUE(l1.at("fits").get<bool>());
  // The top level: the off-chip answer, buffers summed, every level fits.
  EXPECT_EQ(j.at("arrays"), l2.at("arrays"));
  EXPECT_EQ(j.at("traffic_bytes"), 20);
  EXPECT_EQ(j.at("buffer_bytes"), 34);
  EXPECT_EQ(j.at("total_fills"), 13);
  EXPECT_TRUE(j.at("fits").get<bool>());
  // One byte less at L1 and it does not fit; the whole answer does not either.
  const nlohmann::json tight =
      ok_json(run_spad("simulate " + tiny_args() + " --buffer 32B,13B --json"));
  EXPECT_FALSE(tight.at("levels")[1].at("fits").get<bool>());
  EXPECT_TRUE(tight.at("levels")[0].at("fits").get<bool>());
  EXPECT_FALSE(tight.at("fits").get<bool>());
}

// What simulate prints it reads back: the result document as --schedule
// gives the same document again, and so does the printed schedule alone.
TEST(LevelsCli, ResultFeedsBackIn) {
  const CliRun first = run_spad("simulate " + tiny_args() + " --buffer 32B,16B --json");
  const std::string result = write_temp("levels_result.json", ok_out(first));
  const CliRun again = run_spad("simulate --layer " + q(kTinyLayer) + " --schedule " + q(result) +
                                " --buffer 32B,16B --json");
  EXPECT_EQ(ok_out(again), first.out);
  const nlohmann::json j = nlohmann::json::parse(first.out);
  const CliRun from_schedule = run_spad("simulate --layer " + q(kTinyLayer) + " --schedule " +
                                        q(j.at("schedule").dump()) + " --buffer 32B,16B --json");
  EXPECT_EQ(ok_out(from_schedule), first.out);
}

// The report shows every level's group with the fill markers of each buffer
// and the table of each boundary.
TEST(LevelsCli, ReportShowsEveryLevel) {
  const std::string out = ok_out(run_spad("simulate " + tiny_args() + " --buffer 32B,16B"));
  for (const char* part :
       {"counted   by the level simulator", "level 1 (L2): tiles", "I bypasses it",
        "level 2 (L1), inside one L2 tile",
        "── L2: fill W buffer (4 B, 1 fill:", "── L2: fill O buffer (16 B, 2 fills:",
        "── L1: fill I buffer (4 B, 2 fills:", "── L1: fill W buffer (2 B, 4 fills:",
        "── L1: fill O buffer (8 B, 4 fills:", "for m in L2 tile step 1", "off-chip ⇄ L2",
        "L2 ⇄ L1", "lower bound bytes", "every level fits"})
    EXPECT_TRUE(contains(out, part)) << part << "\n" << out;
  EXPECT_FALSE(contains(out, "fill I buffer (0 B"));  // no L2 marker for the bypass
}

// The example of docs/reference.md runs, and names its levels by the schedule.
TEST(LevelsCli, ExampleRuns) {
  const std::string args = "--layer " + q(kExampleLevelLayer) + " --schedule " + q(kExampleLevels) +
                           " --buffer 16KiB,4KiB";
  const nlohmann::json j = ok_json(run_spad("simulate " + args + " --json"));
  ASSERT_EQ(j.at("levels").size(), 2u);
  EXPECT_EQ(j.at("levels")[0].at("name"), "L2");
  EXPECT_EQ(j.at("levels")[1].at("name"), "L1");
  EXPECT_GE(j.at("traffic_bytes").get<Count>(), j.at("compulsory_bytes").get<Count>());
  EXPECT_TRUE(contains(ok_out(run_spad("simulate " + args)), "fill O buffer"));
  // Without --buffer every level is unbounded.
  const nlohmann::json unbounded =
      ok_json(run_spad("simulate --layer " + q(kExampleLevelLayer) + " --schedule " +
                       q(kExampleLevels) + " --json"));
  EXPECT_TRUE(unbounded.at("levels")[0].at("capacity_bytes").is_null());
  EXPECT_TRUE(unbounded.at("fits").get<bool>());
  EXPECT_EQ(unbounded.at("traffic_bytes"), j.at("traffic_bytes"));
}

// Unnamed levels get the default names, counted from the datapath out.
TEST(LevelsCli, DefaultLevelNames) {
  std::string unnamed = kTinyLevels;
  for (const char* name : {"\"name\": \"L2\", ", "\"name\": \"L1\", "})
    unnamed.erase(unnamed.find(name), std::string(name).size());
  const nlohmann::json j = ok_json(run_spad("simulate --layer " + q(kTinyLayer) + " --schedule " +
                                            q(unnamed) + " --buffer 32B,16B --json"));
  EXPECT_EQ(j.at("levels")[0].at("name"), "L2");
  EXPECT_EQ(j.at("levels")[1].at("name"), "L1");
  EXPECT_FALSE(j.at("schedule").at("levels")[0].contains("name"));
}

// --execute runs the level executor and checks it against the reference
// convolution and, level by level, against the level simulator.
TEST(LevelsCli, ExecuteSeveralLevels) {
  const nlohmann::json j =
      ok_json(run_spad("simulate " + tiny_args() + " --buffer 32B,16B --execute --seed 3 --json"));
  EXPECT_EQ(j.at("levels").size(), 2u);
  EXPECT_EQ(j.at("levels")[1].at("traffic_bytes"), 24);  // the counts by hand above
  EXPECT_EQ(j.at("execute").at("seed"), 3);
  EXPECT_TRUE(j.at("execute").at("output_matches").get<bool>());
  EXPECT_EQ(j.at("execute").at("output_mismatches"), 0);
  EXPECT_TRUE(j.at("execute").at("counts_match").get<bool>());
  EXPECT_TRUE(j.at("execute").at("count_mismatches").empty());
  // The report ends with the executor's line.
  const std::string report = ok_out(run_spad("simulate " + tiny_args() + " --execute"));
  EXPECT_TRUE(contains(report,
                       "executor  seed 1: output matches the reference convolution (8 values); "
                       "element counts match the simulator"))
      << report;
  // The example with halo reuse and double buffering too.
  const nlohmann::json example = ok_json(
      run_spad("simulate --layer " + q(kExampleLevelLayer) + " --schedule " + q(kExampleLevels) +
               " --buffer 16KiB,4KiB --halo-reuse --double-buffer --execute --json"));
  EXPECT_TRUE(example.at("execute").at("output_matches").get<bool>());
  EXPECT_TRUE(example.at("execute").at("counts_match").get<bool>());
}

// ---- refusals: one level only ----

// evaluate counts the same schedules by the analytical model: the same
// document as simulate's, field for field (JSON and report alike, but for
// who counted).
TEST(LevelsCli, EvaluateEqualsSimulate) {
  for (const std::string& args :
       {tiny_args() + " --buffer 32B,13B",
        "--layer " + q(kExampleLevelLayer) + " --schedule " + q(kExampleLevels) +
            " --buffer 16KiB,4KiB --halo-reuse --double-buffer"}) {
    SCOPED_TRACE(args);
    EXPECT_EQ(ok_out(run_spad("evaluate " + args + " --json")),
              ok_out(run_spad("simulate " + args + " --json")));
    std::string report = ok_out(run_spad("evaluate " + args));
    const std::string by = "counted   by the analytical model";
    ASSERT_TRUE(contains(report, by)) << report;
    report.replace(report.find(by), by.size(), "counted   by the level simulator");
    EXPECT_EQ(report, ok_out(run_spad("simulate " + args)));
  }
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
  for (const std::string& command : {"report --model alexnet -o " + q(temp_path("r.html"))}) {
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

// A machine file of several levels where one scratchpad is searched: the
// file, the line of levels: (line 30 of the example) and the levels are named.
const std::string kGap = std::string(SPAD_SOURCE_DIR) + "/examples/machines/gap-like.yaml";

// --machine gives evaluate and simulate the file's levels: the same document
// as the flags that say the same (512 KiB and 64 KiB, double buffered,
// int8/int32), for the analytical model, the simulator and --execute; a
// one-level file is the one-level machine.
TEST(LevelsCli, EvaluateAndSimulateTakeTheLevelsOfAMachineFile) {
  const std::string args = "--layer " + q(kExampleLevelLayer) + " --schedule " + q(kExampleLevels);
  const std::string flags = ok_out(run_spad("simulate " + args +
                                            " --buffer 512KiB,64KiB "
                                            "--double-buffer --json"));
  EXPECT_EQ(ok_out(run_spad("simulate " + args + " --machine " + q(kGap) + " --json")), flags);
  EXPECT_EQ(ok_out(run_spad("evaluate " + args + " --machine " + q(kGap) + " --json")), flags);
  const nlohmann::json j = nlohmann::json::parse(flags);
  EXPECT_EQ(j.at("levels")[0].at("capacity_bytes"), 512 * 1024);
  EXPECT_TRUE(j.at("machine").at("double_buffer").get<bool>());
  const nlohmann::json executed =
      ok_json(run_spad("simulate " + args + " --machine " + q(kGap) + " --execute --json"));
  EXPECT_TRUE(executed.at("execute").at("counts_match").get<bool>());
  EXPECT_EQ(ok_out(run_spad("simulate --layer " + q(kExampleLayer) + " --schedule " +
                            q(kExampleSchedule) + " --machine " + q(kHwc) + " --json")),
            ok_out(run_spad("simulate --layer " + q(kExampleLayer) + " --schedule " +
                            q(kExampleSchedule) + " --buffer 64KiB --double-buffer --json")));
}

TEST(LevelsCli, MachineFileRefusals) {
  const std::string args = "--layer " + q(kExampleLevelLayer) + " --schedule " + q(kExampleLevels);
  for (const char* extra :
       {" --buffer 1KiB,1KiB", " --precision psum=2", " --halo-reuse", " --double-buffer"}) {
    SCOPED_TRACE(extra);
    const CliRun run = run_spad("evaluate " + args + " --machine " + q(kGap) + extra);
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_TRUE(contains(run.err,
                         "--machine: the machine file sets the capacities, precisions, "
                         "halo reuse and double buffering"))
        << run.err;
  }
  CliRun run = run_spad("simulate " + args + " --machine " + q(kHwc));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, kHwc + ": the machine has 1 on-chip level(s) but the schedule has "
                                       "2"))
      << run.err;
  run = run_spad("simulate --layer " + q(kExampleLayer) + " --schedule " + q(kExampleSchedule) +
                 " --machine " + q(kGap));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, "the machine has 2 on-chip level(s) but the schedule has 1"))
      << run.err;
  const std::string bad = write_temp("bad_machine.yaml",
                                     "spad_machine: 1\nname: x\nmac_array: {unroll: {m: 2}}\n"
                                     "clock_mhz: 1\nlevels: []\n");
  run = run_spad("evaluate " + args + " --machine " + q(bad));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, bad + ": line 5: levels = []: lists no level")) << run.err;
}

// The machine of tests/model/level_accel_cost_test.cpp's hand-counted case
// (a 2-lane array, ports of 8 and 16 bits per cycle with setups 3 and 1;
// 0.3 pJ per MAC, 0.1 pJ per off-chip byte, 2 and 1 pJ per L2 and L1 byte).
const std::string kHandMachine =
    "spad_machine: 1\n"
    "name: hand\n"
    "levels:\n"
    "  - {name: L2, capacity_bytes: 1024, bits_per_cycle: 8, dma_setup_cycles: 3, "
    "pj_per_byte: 2}\n"
    "  - {name: L1, capacity_bytes: 1024, bits_per_cycle: 16, dma_setup_cycles: 1, "
    "pj_per_byte: 1}\n"
    "mac_array: {unroll: {q: 2}}\n"
    "clock_mhz: 100\n"
    "energy: {mac_pj: 0.3, offchip_pj_per_byte: 0.1}\n";

// accel costs a several-level schedule on a machine of as many levels: the
// figures counted by hand in level_accel_cost_test (the tiny case above).
TEST(LevelsCli, AccelCostsASeveralLevelScheduleByHand) {
  const std::string machine = write_temp("hand.yaml", kHandMachine);
  const nlohmann::json j =
      ok_json(run_spad("accel " + tiny_args() + " --machine " + q(machine) + " --json"));
  EXPECT_EQ(j.at("format"), "spad-result/1");
  EXPECT_EQ(j.at("schedule_source"), "given");
  EXPECT_EQ(j.at("levels")[1].at("traffic_bytes"), 24);
  const nlohmann::json& a = j.at("accel");
  EXPECT_EQ(a.at("compute_cycles"), 8);
  EXPECT_EQ(a.at("latency_serial_cycles"), 65);
  EXPECT_EQ(a.at("latency_overlapped_cycles"), 36);
  EXPECT_EQ(a.at("latency_cycles"), 65);  // no double buffering: serial
  EXPECT_EQ(a.at("transfer_cycles"), 35);
  EXPECT_EQ(a.at("exposed_cycles"), 28);
  EXPECT_TRUE(a.at("memory_bound").get<bool>());
  EXPECT_DOUBLE_EQ(a.at("energy_pj").at("total").get<double>(), 142.8);
  EXPECT_DOUBLE_EQ(a.at("energy_pj").at("scratchpad").get<double>(), 136.0);
  ASSERT_EQ(a.at("levels").size(), 2u);
  EXPECT_EQ(a.at("levels")[0].at("name"), "L2");
  EXPECT_EQ(a.at("levels")[0].at("dma_transfers"), 5);
  EXPECT_EQ(a.at("levels")[1].at("dma_transfers"), 10);
  EXPECT_EQ(a.at("levels")[1].at("transfer_cycles"), 22);
  EXPECT_EQ(a.at("levels")[0].at("sram_bytes"), 28);
  EXPECT_EQ(a.at("levels")[1].at("sram_bytes"), 80);
  EXPECT_EQ(j.at("accelerator").at("levels")[1].at("bits_per_cycle"), 16);

  const std::string table = ok_out(run_spad("accel " + tiny_args() + " --machine " + q(machine)));
  for (const char* part : {"schedule  given: ", "off-chip -> L2", "L2 -> L1",
                           "compute   8 cycles for 16 MACs (MAC utilisation 100.0%)",
                           "latency   65 cycles (no double buffering: serial; serial 65, "
                           "overlapped 36), memory-bound",
                           "energy    142.8 pJ: off-chip 2, SRAM 136, MAC 4.8"})
    EXPECT_TRUE(contains(table, part)) << part << "\n" << table;
}

// A matmul layer entry on a machine of several levels: its second operand
// (W) moves at the input size, as in every study. The machine's int16 inputs
// and int8 weights; the element counts of the tiny case above: boundary 1
// moves I 8, W 4, O 8 final writes; boundary 2 I 8, W 8, O 8 final writes.
// As a conv: 8x2 + 4x1 + 8x1 = 28 B and 8x2 + 8x1 + 8x1 = 32 B; as a matmul
// W takes 2 bytes: 16 + 8 + 8 = 32 B and 16 + 16 + 8 = 40 B.
TEST(LevelsCli, AccelCostsAMatmulsSecondOperandAtTheInputSize) {
  const std::string machine = write_temp(
      "hand16.yaml", kHandMachine + "precision_bytes: {input: 2, weight: 1, output: 1, psum: 4}\n");
  const std::string shape = R"("N": 1, "C": 2, "M": 2, "H": 1, "W": 4, "R": 1, "S": 1)";
  const std::string conv = write_temp("tiny_conv.json", R"({"name": "tiny", )" + shape + "}");
  const std::string matmul =
      write_temp("tiny_matmul.json", R"({"name": "tiny", "kind": "matmul", )" + shape + "}");
  const auto run = [&](const std::string& layer) {
    return ok_json(run_spad("accel --layer " + q(layer) + " --schedule " + q(kTinyLevels) +
                            " --machine " + q(machine) + " --json"));
  };
  const nlohmann::json c = run(conv), m = run(matmul);
  EXPECT_EQ(c.at("levels")[0].at("traffic_bytes"), 28);
  EXPECT_EQ(c.at("levels")[1].at("traffic_bytes"), 32);
  EXPECT_EQ(m.at("levels")[0].at("traffic_bytes"), 32);
  EXPECT_EQ(m.at("levels")[1].at("traffic_bytes"), 40);
  EXPECT_EQ(m.at("levels")[1].at("arrays").at("W").at("read_bytes"), 16);
  // evaluate reads the same entry alike on the same machine file.
  const nlohmann::json e =
      ok_json(run_spad("evaluate --layer " + q(matmul) + " --schedule " + q(kTinyLevels) +
                       " --machine " + q(machine) + " --json"));
  EXPECT_EQ(e.at("levels"), m.at("levels"));
}

// What accel --json prints is accepted back: its schedule by --schedule and
// its "accelerator" member by --machine, giving the same document.
TEST(LevelsCli, AccelLevelsJsonFeedsBack) {
  const std::string args = "--layer " + q(kExampleLevelLayer) + " --schedule ";
  const std::string first =
      ok_out(run_spad("accel " + args + q(kExampleLevels) + " --machine " + q(kGap) + " --json"));
  const nlohmann::json j = nlohmann::json::parse(first);
  const std::string doc = write_temp("accel_levels.json", first);
  const std::string machine = write_temp("gap_echo.json", j.at("accelerator").dump());
  EXPECT_EQ(ok_out(run_spad("accel " + args + q(doc) + " --machine " + q(machine) + " --json")),
            first);
  // The traffic part is evaluate's on the same machine.
  const nlohmann::json evaluated = ok_json(
      run_spad("evaluate " + args + q(kExampleLevels) + " --machine " + q(kGap) + " --json"));
  EXPECT_EQ(j.at("levels"), evaluated.at("levels"));
  EXPECT_EQ(j.at("traffic_bytes"), evaluated.at("traffic_bytes"));
}

TEST(LevelsCli, AccelLevelsRefusals) {
  const std::string hand = write_temp("hand.yaml", kHandMachine);
  // A one-level schedule on a two-level machine.
  CliRun run = run_spad("accel --layer " + q(kExampleLayer) + " --schedule " + q(kExampleSchedule) +
                        " --machine " + q(kGap));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, "--schedule: 1 level(s), but the machine gap-like (" + kGap +
                                    ") has 2 on-chip levels"))
      << run.err;
  // No objective with a given schedule: nothing is searched.
  run = run_spad("accel " + tiny_args() + " --machine " + q(hand) + " --objective energy");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err,
                       "--objective energy: with --schedule on a machine of several "
                       "levels"))
      << run.err;
  // --csv has a form with levels (tests/cli/accel_levels_space_cli_test checks
  // its cells): a header and the one line of the given schedule.
  run = run_spad("accel " + tiny_args() + " --machine " + q(hand) + " --csv");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(lines_of(run.out).size(), 2u) << run.out;
  EXPECT_TRUE(contains(run.out, ",given,")) << run.out;
  // Buffers that do not fit a level (L1 of 16 bytes; its buffers take 14 B,
  // L2's 20 B: an L2 of 16 bytes does not hold them).
  std::string small = kHandMachine;
  small.replace(small.find("capacity_bytes: 1024"), 20, "capacity_bytes: 16");
  run = run_spad("accel " + tiny_args() + " --machine " + q(write_temp("small.yaml", small)));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err,
                       "--schedule: its buffers at level L2 take 20 bytes, more than "
                       "the 16-byte L2 of hand"))
      << run.err;
  // Side by side, or searched: one level only.
  run = run_spad("accel " + tiny_args() + " --machine " + q(hand) + " " + q(kHwc));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, "levels: 2 on-chip levels")) << run.err;
}

// (sweep takes one with one capacity set per level, and refuses a wrong count
// by name: SweepLevelsCli.RefusesWhatItCannotAnswer.)
TEST(LevelsCli, SearchCommandsRefuseSeveralLevelMachineFiles) {
  const std::string& gap = kGap;
  for (const std::string& command :
       {"accel --model alexnet --machine " + q(kHwc) + " " + q(gap),
        "report --model alexnet -o " + q(temp_path("r.html")) + " --machine " + q(gap)}) {
    SCOPED_TRACE(command);
    const CliRun run = run_spad(command);
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_FALSE(run.signaled);
    EXPECT_TRUE(contains(run.err, gap + ": line 30: levels: 2 on-chip levels (\"L2\", \"L1\"), "
                                        "but this command searches or costs one scratchpad"))
        << run.err;
  }
}

// accel on one machine with levels runs the level search (a layer beyond it
// is refused by it, by name).
TEST(LevelsCli, AccelWithLevelsTakesOneLayerWithinTheLevelSearch) {
  CliRun run = run_spad("accel --model alexnet --machine " + q(kGap));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err,
                       "layer features.0: the level search over 2 on-chip levels would "
                       "visit"))
      << run.err;
  run = run_spad("accel --layer " + q(kExampleLayer) + " --machine " + q(kGap));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err,
                       "layer res2a_branch2b: the level search over 2 on-chip levels "
                       "would visit"))
      << run.err;
}

// codegen takes several levels: the given schedule (its buffers at each
// level, counted by hand above: L2 20 B, L1 14 B, each its own array) or the
// level search's optimum; a layer beyond the search is refused by name.
TEST(LevelsCli, CodegenGeneratesSeveralLevels) {
  const std::string path = write_temp("levels.json", kTinyLevels);
  const std::string c = ok_out(run_spad("codegen --layer " + q(kTinyLayer) + " --schedule " +
                                        q(path) + " --buffer 32B,16B"));
  EXPECT_TRUE(contains(c, "static unsigned char conv_level1[20]; /* level 1: W at 0, O at 4 */"))
      << c.substr(0, 2000);
  EXPECT_TRUE(
      contains(c, "static unsigned char conv_level2[14]; /* level 2: I at 0, W at 4, O at 6 */"));
  EXPECT_TRUE(contains(c, "void dma_in(int outer, int inner, void *dst"));
  // Unbounded without --buffer; the same schedule, the same kernel.
  EXPECT_TRUE(
      contains(ok_out(run_spad("codegen --layer " + q(kTinyLayer) + " --schedule " + q(path))),
               "conv_level2[14]"));
  // Without --schedule: the level search's optimum.
  const std::string best =
      ok_out(run_spad("codegen --layer " + q(kTinyLayer) + " --buffer 32B,16B"));
  EXPECT_TRUE(contains(best, "conv_level1[")) << best.substr(0, 2000);
  CliRun run = run_spad("codegen --layer " + q(kExampleLayer) + " --buffer 512KiB,64KiB");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, "more than the 1000000 it takes")) << run.err;
  run =
      run_spad("codegen --layer " + q(kTinyLayer) + " --schedule " + q(path) + " --buffer 32B,13B");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(
      run.err, "the schedule's buffers at level 2 (L1) take 14 bytes, more than its 13 bytes"))
      << run.err;
  run = run_spad("codegen --layer " + q(kTinyLayer) + " --schedule " + q(path) + " --buffer 32B");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, "--buffer 32B gives 1 capacity but the schedule has 2 levels"))
      << run.err;
  run = run_spad("codegen --layer " + q(kTinyLayer) + " --schedule " + q(path) +
                 " --buffer 64B,32B --double-buffer");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, "--double-buffer with several on-chip levels")) << run.err;
}

TEST(LevelsCli, OneLevelCommandsRefuseSeveralLevelSchedules) {
  const std::string path = write_temp("levels.json", kTinyLevels);
  for (const std::string& command :
       {"accel --machine " + q(kHwc) + " --layer " + q(kTinyLayer) + " --schedule " + q(path)}) {
    SCOPED_TRACE(command);
    const CliRun run = run_spad(command);
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_TRUE(contains(run.err, path + ": a schedule of 2 on-chip levels (\"L2\", \"L1\"); "
                                         "this command takes one level"))
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

// The level simulator keeps about 45 bytes per iteration of the flat nest
// (12 GB at the one-level limit of 2^28): a schedule of several levels with
// 2^24 + 1 iterations (P = 2^24 + 1 rows, every tile 1, every buffer of one
// tile) is refused at once, naming the limit and 'evaluate', which counts it.
TEST(LevelsCli, SimulateRefusesMoreIterationsThanTheLevelLimit) {
  const std::string layer = "C=1,M=1,H=16777217,W=1,R=1,S=1";
  const std::string schedule = R"({"levels": [
    {"order": ["s","r","q","p","c","m","g","n"],
     "tiles": {"n":1,"g":1,"m":1,"c":1,"p":1,"q":1,"r":1,"s":1},
     "buffer_span": {"I": 0, "W": 0, "O": 0}},
    {"order": ["s","r","q","p","c","m","g","n"],
     "tiles": {"n":1,"g":1,"m":1,"c":1,"p":1,"q":1,"r":1,"s":1},
     "buffer_span": {"I": 0, "W": 0, "O": 0}}]})";
  const std::string args =
      "--layer " + q(layer) + " --schedule " + q(schedule) + " --buffer 1KiB,64B";
  const CliRun run = run_spad("simulate " + args);
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_TRUE(contains(run.err, "more than 16777216 tile iterations")) << run.err;
  EXPECT_TRUE(run.out.empty());
  // The model counts the same schedule.
  const nlohmann::json j = ok_json(run_spad("evaluate " + args + " --json"));
  EXPECT_EQ(j.at("levels")[0].at("arrays").at("O").at("final_writes"), 16777217);
}

// Found by the newcomer check: a ';' in --buffer (the sweep's level separator)
// read as part of a unit ('unknown unit "KiB;64KiB"').
TEST(LevelsCli, ASemicolonInBufferSaysLevelsTakeCommas) {
  const CliRun run =
      run_spad("optimize --layer N=1,C=2,M=4,H=1,W=6,R=1,S=3 --buffer " + q("512KiB;64KiB"));
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_TRUE(contains(run.err, "--buffer \"512KiB;64KiB\": here levels are separated by ','"))
      << run.err;
}

}  // namespace
}  // namespace spad
