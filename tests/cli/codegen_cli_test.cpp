// `spad codegen` from the command line: output to a file, stdout or a folder
// (one file per layer), the optimal schedule for --buffer, and the errors for
// schedules that cannot be generated. (Compiling the C: codegen_run_test.)
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli_runner.hpp"

namespace spad::testing {
namespace {

const std::string kLayer = "C=8,M=6,H=9,W=9,R=3,S=3,pad=1,name=c3";

TEST(CodegenCli, WritesTheOptimalKernelForABuffer) {
  const std::string out = temp_path("conv.c");
  const CliRun run = run_spad("codegen --layer " + q(kLayer) + " --buffer 4KiB -o " + q(out));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string c = read_all(out);
  EXPECT_NE(c.find("void conv(const int8_t *I, const int8_t *W, int8_t *O, uint32_t *O_psum)"),
            std::string::npos);
  EXPECT_NE(c.find("Kernel conv: layer 'c3'"), std::string::npos);
  EXPECT_NE(c.find("int main(int argc, char **argv)"), std::string::npos);
  std::remove(out.c_str());
}

TEST(CodegenCli, GivenScheduleToStdoutWithName) {
  const std::string schedule =
      R"({"order":["s","r","q","p","c","m","g","n"],"tiles":{"n":1,"g":1,"m":3,"c":4,"p":3,)"
      R"("q":9,"r":3,"s":3},"buffer_span":{"I":4,"W":5,"O":2}})";
  const CliRun run = run_spad("codegen --layer " + q(kLayer) + " --schedule " + q(schedule) +
                              " --name c3_kernel --precision out=4,psum=4 --double-buffer");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("void c3_kernel(const int8_t *I, const int8_t *W, int32_t *O)"),
            std::string::npos);
  EXPECT_NE(run.out.find("double buffer: on"), std::string::npos);
}

// A matmul layer's second operand is an activation (DESIGN.md, ONNX import):
// at --precision in=2,w=1 its W array is int16 like I, not int8.
TEST(CodegenCli, AMatmulLayersSecondOperandTakesTheInputType) {
  const std::string layer =
      R"({"name":"mm","kind":"matmul","N":4,"C":16,"M":8,"H":1,"W":1,"R":1,"S":1})";
  const CliRun run =
      run_spad("codegen --layer " + q(layer) + " --buffer 4KiB --precision in=2,w=1 --name mm");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("void mm(const int16_t *I, const int16_t *W,"), std::string::npos)
      << run.out.substr(0, 2000);
  const CliRun fc =
      run_spad("codegen --layer " +
               q(R"({"name":"fc","kind":"fc","N":4,"C":16,"M":8,"H":1,"W":1,"R":1,"S":1})") +
               " --buffer 4KiB --precision in=2,w=1 --name fc");
  ASSERT_EQ(fc.exit_code, 0) << fc.err;
  EXPECT_NE(fc.out.find("void fc(const int16_t *I, const int8_t *W,"), std::string::npos);
}

TEST(CodegenCli, SeveralLayersIntoAFolder) {
  const std::string dir = temp_path("kernels") + "/";
  const CliRun run = run_spad("codegen --model resnet18 --layers 0-1 --buffer 64KiB -o " + q(dir));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    EXPECT_EQ(entry.path().extension(), ".c");
    ++files;
  }
  EXPECT_EQ(files, 2);
  std::filesystem::remove_all(dir);
}

TEST(CodegenCli, SeveralLayersIntoOneFile) {
  const CliRun run = run_spad("codegen --model resnet18 --layers 0-2 --buffer 64KiB");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::size_t kernels = 0;
  for (std::size_t at = run.out.find(" * Kernel "); at != std::string::npos;
       at = run.out.find(" * Kernel ", at + 1))
    ++kernels;
  EXPECT_EQ(kernels, 3u);
  EXPECT_NE(run.out.find("\"kernel\\\": "), std::string::npos);  // self-test lines name kernels
}

TEST(CodegenCli, ScheduleThatDoesNotFitIsRefused) {
  const std::string schedule =
      R"({"order":["s","r","q","p","c","m","g","n"],"tiles":{"n":1,"g":1,"m":6,"c":8,"p":7,)"
      R"("q":7,"r":3,"s":3},"buffer_span":{"I":8,"W":8,"O":8}})";
  const CliRun run =
      run_spad("codegen --layer " + q(kLayer) + " --schedule " + q(schedule) + " --buffer 256");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("more than the scratchpad's 256 bytes"), std::string::npos) << run.err;
}

TEST(CodegenCli, NeedsAScheduleOrABuffer) {
  const CliRun run = run_spad("codegen --layer " + q(kLayer));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("--schedule"), std::string::npos) << run.err;
}

TEST(CodegenCli, UnsupportedPrecisionIsRefused) {
  const CliRun run = run_spad("codegen --layer " + q(kLayer) + " --buffer 64KiB --precision in=3");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("precision in = 3 bytes"), std::string::npos) << run.err;
}

TEST(CodegenCli, TooSmallBufferNamesTheMinimum) {
  const CliRun run = run_spad("codegen --layer " + q(kLayer) + " --buffer 4");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("smallest capacity"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace spad::testing
