// Must-fail suite for hostile input at the command line (issue 10): inputs
// that are not regular files, results that cannot be written, out-of-range
// numbers, names that would reach a terminal or a spreadsheet. Each must end
// with a specific message and a non-zero exit, in bounded time.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "cli_runner.hpp"

namespace spad {
namespace {

using testing::CliRun;
using testing::q;
using testing::read_all;
using testing::run_spad;

const std::string kSmallLayer = "--layer C=4,M=4,H=8,W=8,R=3,S=3";
const std::string kSchedule =
    R"('{"order":["s","r","q","p","c","m","g","n"],"tiles":{"n":1,"g":1,"m":1,"c":1,"p":1,"q":1,"r":1,"s":1},"buffer_span":{"I":0,"W":0,"O":0}}')";

// Runs a bash command line; returns its exit code (the last command's).
int bash(const std::string& script) {
  const int status = std::system(("bash -c " + q(script)).c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(HostileInputCli, FifoAndDevicesAreRefusedAtOnce) {
  const std::string fifo = testing::temp_path("fifo.json");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const std::string cases[] = {
      "optimize --layer " + q(fifo) + " --buffer 64KiB",
      "evaluate " + kSmallLayer + " --schedule " + q(fifo),
      "optimize --model " + q(fifo) + " --buffer 64KiB",
      "accel " + kSmallLayer + " --machine " + q(fifo),
      "optimize --model /dev/zero --buffer 64KiB",
      "optimize --layer /dev/zero --buffer 64KiB",
  };
  for (const std::string& args : cases) {
    SCOPED_TRACE(args);
    const CliRun run = run_spad(args);
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_NE(run.err.find("only regular files"), std::string::npos) << run.err;
  }
  std::remove(fifo.c_str());
}

TEST(HostileInputCli, AFailedWriteOfTheResultIsAnError) {
  const std::string err = testing::temp_path("err");
  const std::string spad = q(SPAD_CLI_PATH);
  EXPECT_EQ(bash(spad + " optimize --model alexnet --buffer 64KiB --json > /dev/full 2> " + q(err)),
            2);
  EXPECT_NE(read_all(err).find("no space left on device"), std::string::npos) << read_all(err);
  EXPECT_EQ(bash(spad + " evaluate " + kSmallLayer + " --schedule " + kSchedule +
                 " > /dev/full 2>/dev/null"),
            2);
  // With SIGPIPE ignored, a reader that goes away (here: before spad writes)
  // is a write error too.
  EXPECT_EQ(bash("trap '' PIPE; " + spad + " optimize --model alexnet --buffer 64KiB --json 2> " +
                 q(err) + " | true; exit ${PIPESTATUS[0]}"),
            2);
  EXPECT_NE(read_all(err).find("broken pipe"), std::string::npos) << read_all(err);
  std::remove(err.c_str());
}

TEST(HostileInputCli, NumbersOutOfRangeAreErrorsWithSpecificMessages) {
  const std::string schedule = kSchedule;
  const struct {
    std::string args, expected;
  } cases[] = {
      {"simulate " + kSmallLayer + " --schedule " + schedule +
           " --execute --seed 18446744073709551616",
       "too large for a seed"},
      {"simulate " + kSmallLayer + " --schedule " + schedule + " --execute --seed -1",
       "cannot be negative"},
      {"optimize --model alexnet --buffer 64KiB --batch 0", "too small for the batch size"},
      {"optimize --model alexnet --buffer 64KiB --threads -1", "the number of threads"},
      {"optimize --model alexnet --buffer 64KiB --threads 100000", "too large for the number"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.args);
    const CliRun run = run_spad(c.args);
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_NE(run.err.find(c.expected), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find("1.79"), std::string::npos) << run.err;
  }
}

TEST(HostileInputCli, NamesNeverReachATerminalOrASpreadsheetRaw) {
  const std::string escape = testing::temp_path("escape.json");
  std::ofstream(escape)
      << R"({"model": "m", "layers": [{"name": "evil\u001b]0;pwned\u0007", "C": 4, "M": 4, "H": 8, "W": 8, "R": 3, "S": 3}]})";
  const CliRun run = run_spad("optimize --model " + q(escape) + " --buffer 64KiB");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err.find('\x1b'), std::string::npos);
  EXPECT_NE(run.err.find("evil\\x1B]0;pwned\\x07"), std::string::npos) << run.err;

  const std::string formula = testing::temp_path("formula.json");
  std::ofstream(formula) << R"json({"model": "m", "layers": [
      {"name": "=HYPERLINK(\"http://x\",\"y\")", "C": 4, "M": 4, "H": 8, "W": 8, "R": 3, "S": 3},
      {"name": "-2+3", "C": 4, "M": 4, "H": 8, "W": 8, "R": 3, "S": 3}]})json";
  const CliRun csv = run_spad("optimize --model " + q(formula) + " --buffer 64KiB --csv");
  EXPECT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_NE(csv.out.find(R"csv(,"'=HYPERLINK(""http://x"",""y"")",)csv"), std::string::npos)
      << csv.out;
  EXPECT_NE(csv.out.find(",'-2+3,"), std::string::npos) << csv.out;
  std::remove(escape.c_str());
  std::remove(formula.c_str());
}

}  // namespace
}  // namespace spad
