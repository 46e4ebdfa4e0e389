// The spad binary end to end: run it (SPAD_CLI_PATH) through the shell,
// capture stdout, stderr and the exit code. evaluate and simulate agree, --json
// has DESIGN's keys and feeds back in unchanged, and bad invocations fail with
// exit code 2 and a message naming the problem (never a crash).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_fixtures.hpp"
#include "io/json/layer_json.hpp"
#include "io/json/schedule_json.hpp"
#include "model/evaluate.hpp"

namespace spad {
namespace {

using namespace testing;  // CliRun, run_spad, q, kHwc, ok_json, ... (cli_fixtures.hpp)

const std::string kSmallLayer = "C=4,M=6,H=7,W=7,R=3,S=3,pad=1,name=small";
const std::string kSmallSchedule =
    R"({"order": ["s","r","q","p","c","m","g","n"],
        "tiles": {"n":1,"g":1,"m":3,"c":2,"p":3,"q":4,"r":3,"s":1},
        "buffer_span": {"I": 3, "W": 4, "O": 2}})";

std::string small_args() {
  return "--layer " + q(kSmallLayer) + " --schedule " + q(kSmallSchedule);
}

nlohmann::json parse_stdout(const CliRun& run) {
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return nlohmann::json::parse(run.out);  // the whole of stdout: one document
}

TEST(Cli, VersionAndHelp) {
  const CliRun version = run_spad("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("spad ", 0), 0u) << version.out;

  const CliRun help = run_spad("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("evaluate"), std::string::npos);
  EXPECT_NE(help.out.find("simulate"), std::string::npos);

  for (const char* command : {"evaluate", "simulate"}) {
    const CliRun sub = run_spad(std::string(command) + " --help");
    EXPECT_EQ(sub.exit_code, 0) << command;
    for (const char* flag : {"--layer", "--schedule", "--buffer", "--precision", "--halo-reuse",
                             "--double-buffer", "--json"})
      EXPECT_NE(sub.out.find(flag), std::string::npos) << command << " " << flag;
  }
  EXPECT_NE(run_spad("simulate --help").out.find("--execute"), std::string::npos);
}

TEST(Cli, JsonHasDesignKeysAndNothingElse) {
  const CliRun run = run_spad("evaluate " + small_args() + " --json");
  EXPECT_EQ(run.err, "");
  const nlohmann::json j = parse_stdout(run);
  for (const char* key :
       {"schedule", "arrays", "traffic_bytes", "buffer_bytes", "compulsory_bytes", "fits"})
    EXPECT_TRUE(j.contains(key)) << key;
  for (const char* key : {"order", "tiles", "buffer_span"})
    EXPECT_TRUE(j["schedule"].contains(key)) << key;
  for (const char* array : {"I", "W", "O"})
    for (const char* key : {"buffer_elems", "buffer_bytes", "reads", "writes", "fills"})
      EXPECT_TRUE(j["arrays"][array].contains(key)) << array << "." << key;
  EXPECT_TRUE(j["arrays"]["O"].contains("final_writes"));
  EXPECT_TRUE(j["fits"].get<bool>());  // no --buffer: unbounded
}

TEST(Cli, JsonNumbersAreTheModels) {
  const nlohmann::json j = parse_stdout(run_spad("evaluate " + small_args() + " --json"));
  const Layer layer(load_layer_arg(kSmallLayer));
  const Traffic t = evaluate(layer, load_schedule_arg(kSmallSchedule), Machine{});
  EXPECT_EQ(j["traffic_bytes"].get<Count>(), t.traffic_bytes);
  EXPECT_EQ(j["buffer_bytes"].get<Count>(), t.buffer_bytes);
  EXPECT_EQ(j["compulsory_bytes"].get<Count>(), t.compulsory_bytes);
  EXPECT_EQ(j["arrays"]["I"]["reads"].get<Count>(), t.arrays[Tensor::I].reads);
  EXPECT_EQ(j["arrays"]["O"]["writes"].get<Count>(), t.arrays[Tensor::O].writes);
  EXPECT_EQ(j["arrays"]["W"]["fills"].get<Count>(), t.arrays[Tensor::W].fills);
}

TEST(Cli, EvaluateAndSimulateGiveTheSameJson) {
  for (const std::string options :
       {"", " --halo-reuse", " --double-buffer --buffer 2KiB", " --precision in=2,psum=8"}) {
    const nlohmann::json model =
        parse_stdout(run_spad("evaluate " + small_args() + options + " --json"));
    const nlohmann::json sim =
        parse_stdout(run_spad("simulate " + small_args() + options + " --json"));
    EXPECT_EQ(model, sim) << options;
  }
}

// A schedule file whose tile is beyond the layer: every command that takes
// --schedule names the file (the message said only "schedule: tiles.m = 5").
TEST(Cli, AScheduleBeyondTheLayerNamesItsFile) {
  const std::string layer = "C=4,M=4,H=8,W=8,R=3,S=3";
  const std::string one = write_temp(
      "tile_beyond.json",
      R"({"order":["s","r","q","p","c","m","g","n"],"tiles":{"n":1,"g":1,"m":5,"c":1,"p":1,)"
      R"("q":1,"r":1,"s":1},"buffer_span":{"I":0,"W":0,"O":0}})");
  const std::string two = write_temp(
      "tile_beyond_levels.json",
      R"({"levels":[{"order":["s","r","q","p","c","m","g","n"],"tiles":{"n":1,"g":1,"m":5,)"
      R"("c":1,"p":1,"q":1,"r":1,"s":1},"buffer_span":{"I":0,"W":0,"O":0}},{"order":["s","r",)"
      R"("q","p","c","m","g","n"],"tiles":{"n":1,"g":1,"m":1,"c":1,"p":1,"q":1,"r":1,"s":1},)"
      R"("buffer_span":{"I":0,"W":0,"O":0}}]})");
  for (const std::string& command : std::vector<std::string>{
           "evaluate", "simulate", "simulate --execute", "codegen", "accel --machine " + q(kHwc)}) {
    const CliRun run = run_spad(command + " --layer " + layer + " --schedule " + q(one));
    EXPECT_EQ(run.exit_code, 2) << command;
    EXPECT_TRUE(contains(run.err, one + ": schedule: tiles.m = 5: must be in 1..4")) << run.err;
  }
  for (const std::string& command : std::vector<std::string>{"evaluate", "simulate", "codegen"}) {
    const CliRun run = run_spad(command + " --layer " + layer + " --schedule " + q(two));
    EXPECT_EQ(run.exit_code, 2) << command;
    EXPECT_TRUE(contains(run.err, two + ": schedule: level 1: levels[0].tiles.m = 5")) << run.err;
  }
  std::remove(one.c_str());
  std::remove(two.c_str());
}

TEST(Cli, MachineFlagsChangeTheResult) {
  const nlohmann::json plain = parse_stdout(run_spad("evaluate " + small_args() + " --json"));
  const nlohmann::json doubled =
      parse_stdout(run_spad("evaluate " + small_args() + " --double-buffer --json"));
  EXPECT_EQ(doubled["buffer_bytes"].get<Count>(), 2 * plain["buffer_bytes"].get<Count>());
  const nlohmann::json halo =
      parse_stdout(run_spad("evaluate " + small_args() + " --halo-reuse --json"));
  EXPECT_LE(halo["traffic_bytes"].get<Count>(), plain["traffic_bytes"].get<Count>());
  const nlohmann::json wide =
      parse_stdout(run_spad("evaluate " + small_args() + " --precision in=2 --json"));
  EXPECT_EQ(wide["arrays"]["I"]["buffer_bytes"].get<Count>(),
            2 * plain["arrays"]["I"]["buffer_bytes"].get<Count>());
}

TEST(Cli, BufferCapacityDecidesFits) {
  const Count used = parse_stdout(run_spad("evaluate " + small_args() + " --json"))["buffer_bytes"];
  const nlohmann::json fits = parse_stdout(
      run_spad("evaluate " + small_args() + " --buffer " + std::to_string(used) + " --json"));
  EXPECT_TRUE(fits["fits"].get<bool>());
  const nlohmann::json tight = parse_stdout(
      run_spad("evaluate " + small_args() + " --buffer " + std::to_string(used - 1) + " --json"));
  EXPECT_FALSE(tight["fits"].get<bool>());
  // Not fitting is an answer, not an error.
  const CliRun human =
      run_spad("evaluate " + small_args() + " --buffer " + std::to_string(used - 1));
  EXPECT_EQ(human.exit_code, 0);
  EXPECT_NE(human.out.find("DOES NOT FIT"), std::string::npos);
}

TEST(Cli, PrintedScheduleFeedsBackUnchanged) {
  const CliRun first = run_spad("evaluate " + small_args() + " --halo-reuse --json");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const nlohmann::json result = nlohmann::json::parse(first.out);
  // The whole result, from a file and as a string; and just its schedule.
  const std::string file = write_temp("result.json", first.out);
  for (const std::string& schedule :
       {file, first.out, result["schedule"].dump(), result["schedule"].dump(2)}) {
    const CliRun again = run_spad("evaluate --layer " + q(kSmallLayer) + " --schedule " +
                                  q(schedule) + " --halo-reuse --json");
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(again.out, first.out);
  }
  std::remove(file.c_str());
}

TEST(Cli, HumanReportOfTheDesignExample) {
  const CliRun run =
      run_spad("evaluate --layer " + q(kExampleLayer) + " --schedule " + q(kExampleSchedule));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(run.out.rfind("layer     res2a_branch2b: N=1 C=64 M=64 H=56 W=56 R=3 S=3", 0), 0u)
      << run.out;
  EXPECT_NE(run.out.find("counted   by the analytical model"), std::string::npos);
  EXPECT_NE(run.out.find("      ── fill W buffer (18 KiB, 2 fills: g1 m32 c64 r3 s3)\n"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("no capacity given"), std::string::npos);

  const CliRun sim =
      run_spad("simulate --layer " + q(kExampleLayer) + " --schedule " + q(kExampleSchedule));
  ASSERT_EQ(sim.exit_code, 0) << sim.err;
  EXPECT_NE(sim.out.find("counted   by the tile-level simulator"), std::string::npos);
}

TEST(Cli, DesignExampleFilesEvaluate) {
  const nlohmann::json model = parse_stdout(run_spad(
      "evaluate --layer " + q(kExampleLayer) + " --schedule " + q(kExampleSchedule) + " --json"));
  const nlohmann::json sim = parse_stdout(run_spad(
      "simulate --layer " + q(kExampleLayer) + " --schedule " + q(kExampleSchedule) + " --json"));
  EXPECT_EQ(model, sim);
  EXPECT_EQ(model["schedule"]["tiles"]["m"], 32);
  EXPECT_EQ(model["schedule"]["buffer_span"]["W"], 5);
  EXPECT_EQ(model["arrays"]["W"]["buffer_elems"], 32 * 64 * 9);
  // The README's example fits its 64 KiB buffer. By hand: the I buffer spans
  // s, r (span 2): one 16-channel tile of 14+2 x 14+2 rows and columns (3x3,
  // pad 1) = 4,096 B; W spans s r q p c: 32 x 64 x 3 x 3 = 18,432 B; O spans
  // s r: 32 x 14 x 14 partial sums of 4 B = 25,088 B; 47,616 B in all.
  const nlohmann::json at_64k =
      parse_stdout(run_spad("evaluate --layer " + q(kExampleLayer) + " --schedule " +
                            q(kExampleSchedule) + " --buffer 64KiB --json"));
  EXPECT_EQ(at_64k["buffer_bytes"], 4096 + 18432 + 25088);
  EXPECT_TRUE(at_64k["fits"].get<bool>());
}

TEST(Cli, SimulateExecuteChecksTheExecutor) {
  const CliRun human = run_spad("simulate " + small_args() + " --halo-reuse --execute");
  ASSERT_EQ(human.exit_code, 0) << human.err;
  EXPECT_NE(human.out.find("output matches the reference convolution"), std::string::npos);
  EXPECT_NE(human.out.find("element counts match the simulator"), std::string::npos);

  const nlohmann::json j =
      parse_stdout(run_spad("simulate " + small_args() + " --execute --seed 7 --json"));
  EXPECT_EQ(j["execute"]["seed"], 7);
  EXPECT_TRUE(j["execute"]["output_matches"].get<bool>());
  EXPECT_TRUE(j["execute"]["counts_match"].get<bool>());
  EXPECT_TRUE(j.contains("traffic_bytes"));
}

struct BadCall {
  std::string args;
  std::string message;  // expected on stderr
};

TEST(Cli, BadInvocationsFailWithAMessage) {
  const std::string layer = " --layer " + q(kSmallLayer);
  const std::string schedule = " --schedule " + q(kSmallSchedule);
  const std::string both = layer + schedule;
  const auto with_schedule = [&](const std::string& json) {
    return "evaluate" + layer + " --schedule " + q(json);
  };
  const std::string tiles = R"("tiles": {"n":1,"g":1,"m":3,"c":2,"p":3,"q":4,"r":3,"s":1})";
  const std::string order = R"("order": ["s","r","q","p","c","m","g","n"])";
  const std::string spans = R"("buffer_span": {"I": 3, "W": 4, "O": 2})";
  const std::string directory = ::testing::TempDir();
  const std::vector<BadCall> calls = {
      {"", "A subcommand is required"},
      {"frobnicate", "unknown command 'frobnicate'"},
      {"evaluate" + both + " --frobnicate", "not expected: --frobnicate"},
      {"evaluate" + schedule, "--layer is required"},
      {"evaluate" + layer, "--schedule is required"},
      {"simulate" + layer, "--schedule is required"},
      {"evaluate" + schedule + " --layer", "--layer: 1 required"},
      {"evaluate" + both + " --execute", "--execute"},
      {"simulate" + both + " --execute --seed abc", "--seed: \"abc\" must be a whole number"},
      {"evaluate" + both + " --buffer 64XB", "--buffer \"64XB\": unknown unit \"XB\""},
      {"evaluate" + both + " --buffer=-5KiB", "cannot be negative"},
      {"evaluate" + both + " --buffer -5KiB", "--buffer \"-5KiB\""},
      {"evaluate" + both + " --buffer 0", "--buffer \"0\": a size must be at least 1 byte"},
      {"evaluate" + both + " --buffer 1.5B", "1.5B"},
      {"evaluate" + both + " --precision in=0", "--precision \"in=0\""},
      {"evaluate" + both + " --precision foo=1", "unknown key \"foo\""},
      {"evaluate" + both + " --precision in=1,in=2", "in"},
      {"simulate" + both + " --precision psum=99", "psum"},
      {"evaluate --layer /nonexistent/layer.json" + schedule, "no such layer file"},
      {"evaluate --layer " + q(directory) + schedule, "it is a directory"},
      {"evaluate" + layer + " --schedule /nonexistent/schedule.json",
       "no such schedule file: /nonexistent/schedule.json"},
      {"evaluate --layer " + q("C=4,M=6,H=7,W=7") + schedule, "missing required key"},
      {"evaluate --layer " + q("C=4,M=6,H=7,W=7,R=3,S=3,groups=3") + schedule, "does not divide"},
      {"evaluate --layer " + q("C=1,M=1,H=2,W=2,R=3,S=3") + schedule, "kernel extent"},
      {"evaluate --layer " + q("C=4,M=6,H=7,W=7,R=3,S=3,K=2") + schedule, "unknown key"},
      {"evaluate --layer " + q(R"({"C": 4, "M": 6, "H": 7, "W": 7, "R": 3, "S": 3, "K": 1})") +
           schedule,
       "unknown key"},
      {"evaluate --layer " + q(R"({"C": 4, "M": 6)") + schedule, "malformed JSON"},
      {with_schedule(R"({"order": [)"), "malformed JSON"},
      {with_schedule("{" + order + ", " + spans + "}"), "missing required key"},
      {with_schedule("{" + order + ", " + tiles + ", " + spans + ", \"tile\": 1}"), "unknown key"},
      {with_schedule(R"({"order": ["s","s","q","p","c","m","g","n"], )" + tiles + ", " + spans +
                     "}"),
       "listed twice"},
      {with_schedule(R"({"order": ["s","r","q","p","c","m","g","x"], )" + tiles + ", " + spans +
                     "}"),
       "not a dimension letter"},
      {with_schedule("{" + order +
                     R"(, "tiles": {"n":1,"g":1,"m":7,"c":2,"p":3,"q":4,"r":3,"s":1}, )" + spans +
                     "}"),
       "tiles.m = 7"},
      {with_schedule("{" + order +
                     R"(, "tiles": {"n":1,"g":1,"m":3,"c":2,"p":0,"q":4,"r":3,"s":1}, )" + spans +
                     "}"),
       "tiles.p"},
      {with_schedule("{" + order + ", " + tiles + R"(, "buffer_span": {"I": 9, "W": 4, "O": 2}})"),
       "0..8"},
      {"simulate" + layer + " --schedule " +
           q("{" + order + R"(, "tiles": {"n":1,"g":1,"m":3,"c":2,"p":3,"q":9,"r":3,"s":1}, )" +
             spans + "}"),
       "tiles.q = 9"},
  };
  ASSERT_GE(calls.size(), 20u);
  for (const BadCall& call : calls) {
    const CliRun run = run_spad(call.args);
    EXPECT_FALSE(run.signaled) << call.args;
    EXPECT_EQ(run.exit_code, 2) << call.args << "\nstderr: " << run.err;
    EXPECT_NE(run.err.find(call.message), std::string::npos)
        << call.args << "\nexpected: " << call.message << "\nstderr: " << run.err;
    EXPECT_EQ(run.err.rfind("spad: error: ", 0), 0u) << call.args << "\nstderr: " << run.err;
    EXPECT_EQ(run.out, "") << call.args;
  }
}

}  // namespace
}  // namespace spad
