// --batch and --threads are checked alike by every command that takes them
// (cli/number_flags: add_batch_option, add_threads_option): a value out of
// range or not a whole number is exit 2 with a message naming the flag, the
// value and the allowed range. Before, codegen printed CLI11's "Value 0 not
// in range 0.000000 to 1797...", and report took --threads -1 or 100000 and
// clamped a batch too large for 64 bits.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli_runner.hpp"

namespace spad {
namespace {

using testing::CliRun;
using testing::q;
using testing::run_spad;

// Each command with the arguments it needs besides --batch / --threads.
struct Command {
  std::string name, args;
};

std::vector<Command> commands_with_a_model(const std::string& report_out) {
  return {
      {"optimize", "optimize --model alexnet --buffer 64KiB"},
      {"compare", "compare --model alexnet --buffer 64KiB"},
      {"accel", "accel --model alexnet --machine " +
                    q(std::string(SPAD_SOURCE_DIR) + "/examples/machines/edge-npu.yaml")},
      {"sweep", "sweep --models alexnet --buffers 1KiB..4KiB:x2"},
      {"codegen", "codegen --model alexnet --buffer 64KiB"},
      {"report", "report --model alexnet -o " + q(report_out)},
  };
}

// The message each refused value gets (io/text/whole_number_text).
struct Refusal {
  std::string flag, value, message;
};

const Refusal kRefusals[] = {
    {"--batch", "0", R"(--batch: "0" is too small for the batch size (1 to 9223372036854775807))"},
    {"--batch", "-1",
     R"(--batch: "-1" is too small for the batch size (1 to 9223372036854775807))"},
    {"--batch", "99999999999999999999999",
     R"(--batch: "99999999999999999999999" is too large for the batch size)"},
    {"--threads", "-1",
     R"(--threads: "-1" is too small for the number of threads (0: all) (0 to 1024))"},
    {"--threads", "100000",
     R"(--threads: "100000" is too large for the number of threads (0: all) (0 to 1024))"},
    {"--threads", "1.5", R"(--threads: "1.5" must be a whole number written in decimal digits)"},
    {"--threads", "abc", R"(--threads: "abc" must be a whole number written in decimal digits)"},
};

TEST(CountFlagsCli, EveryCommandRefusesTheSameBatchAndThreadValuesAlike) {
  const std::string report_out = testing::temp_path("never_written.html");
  for (const Command& command : commands_with_a_model(report_out)) {
    for (const Refusal& refusal : kRefusals) {
      const std::string args = command.args + " " + refusal.flag + " " + q(refusal.value);
      SCOPED_TRACE(args);
      const CliRun run = run_spad(args);
      EXPECT_EQ(run.exit_code, 2) << run.err;
      EXPECT_TRUE(run.out.empty()) << run.out;
      EXPECT_NE(run.err.find(refusal.message), std::string::npos) << run.err;
      EXPECT_EQ(run.err.find("1.79"), std::string::npos) << run.err;
      // One short line, not CLI11's hundreds of digits.
      EXPECT_LT(run.err.size(), 200U) << run.err;
    }
  }
  EXPECT_FALSE(std::filesystem::exists(report_out));
}

TEST(CountFlagsCli, CodegenOfOneLayerRefusesBadThreadsToo) {
  const CliRun run =
      run_spad("codegen --layer C=2,M=2,H=4,W=4,R=1,S=1 --buffer 64KiB --threads -1");
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find(R"(--threads: "-1" is too small for the number of threads)"),
            std::string::npos)
      << run.err;
}

}  // namespace
}  // namespace spad
