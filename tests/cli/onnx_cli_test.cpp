// `spad optimize --model FILE.onnx`: the network JSON and the text report
// show matmul layers, skipped nodes with their share of the MACs, import
// warnings and where the precision comes from.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.hpp"
#include "onnx_model_builder.hpp"

namespace spad {
namespace {

using json = nlohmann::json;
using testing::CliRun;
using testing::OnnxModelBuilder;
using testing::q;
using testing::run_spad;
using testing::write_test_file;

// x [1,4,8] -> q = x.Wq [1,4,8]; scores = q x k^T with k = x (4 x 4 per batch);
// a ConvTranspose elsewhere; a MaxPool with ceil_mode whose value_info is wrong.
std::string model_file() {
  OnnxModelBuilder b("mixed");
  b.input("x", {1, 4, 8});
  b.input("img", {1, 2, 4, 4});
  b.initializer("wq", {8, 8});
  b.initializer("wt", {2, 3, 3, 3});
  b.node("MatMul", "proj", {"x", "wq"}, {"qx"});
  OnnxModelBuilder::ints(b.node("Transpose", "kt", {"x"}, {"xt"}), "perm", {0, 2, 1});
  b.node("MatMul", "scores", {"qx", "xt"}, {"s"});
  b.node("ConvTranspose", "up", {"img", "wt"}, {"u"});
  return write_test_file("mixed_cli.onnx", b.bytes());
}

TEST(OnnxCli, JsonListsMatmulLayersSkippedNodesAndThePrecisionSource) {
  const CliRun run = run_spad("optimize --model " + q(model_file()) + " --buffer 64KiB --json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json j = json::parse(run.out);
  ASSERT_EQ(j["layers"].size(), 2u);
  // proj: [1,4,8] x [8,8]: fc N 4, C 8, M 8: 256 MACs.
  EXPECT_EQ(j["layers"][0]["kind"], "fc");
  EXPECT_EQ(j["layers"][0]["macs"], 256);
  // scores: [1,4,8] x [1,8,4]: batch dim 1 -> G 1, N 4, C 8, M 4: 128 MACs.
  EXPECT_EQ(j["layers"][1]["kind"], "matmul");
  EXPECT_EQ(j["layers"][1]["macs"], 128);
  // up: ConvTranspose 2 -> 3, 3x3 on 4x4: N*C*(M/G)*k*in = 2*3*9*16 = 864.
  ASSERT_EQ(j["skipped"].size(), 1u);
  EXPECT_EQ(j["skipped"][0], json({{"node", "up"},
                                   {"op", "ConvTranspose"},
                                   {"reason", "transposed convolution: spad does not schedule it"},
                                   {"macs", 864}}));
  EXPECT_EQ(j["not_scheduled"], json({{"Transpose", 1}}));
  EXPECT_EQ(j["precision_source"], "default");

  const CliRun text = run_spad("optimize --model " + q(model_file()) + " --buffer 64KiB");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  // 864 of 256 + 128 + 864 = 1,248 MACs: 69.2%.
  EXPECT_NE(text.out.find("skipped     1 arithmetic node not scheduled, 864 MACs = 69.2% of the "
                          "model's 1,248 MACs: up (ConvTranspose, 864 MACs: transposed "
                          "convolution: spad does not schedule it)"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("N4 8 -> 4, matmul"), std::string::npos) << text.out;
}

TEST(OnnxCli, AnExplicitPrecisionWinsOverTheModelsIntegerTypes) {
  OnnxModelBuilder b("q");
  b.typed_input("x", {1, 8}, onnx::TensorProto::INT8);
  b.typed_initializer("w", {8, 4}, onnx::TensorProto::INT8);
  b.node("MatMulInteger", "mm", {"x", "w"}, {"y"});
  const std::string path = write_test_file("q_cli.onnx", b.bytes());
  // int8 x int8 -> int32: in 1, w 1, out 4, psum 4 from the model.
  json j = json::parse(run_spad("optimize --model " + q(path) + " --buffer 64KiB --json").out);
  EXPECT_EQ(j["machine"]["precision"], json({{"in", 1}, {"w", 1}, {"out", 4}, {"psum", 4}}));
  EXPECT_NE(j["precision_source"].get<std::string>().find(
                "the model's integer operators: MatMulInteger \"mm\" (int8 x int8 -> int32)"),
            std::string::npos);
  // --precision out=1 replaces only out.
  j = json::parse(
      run_spad("optimize --model " + q(path) + " --buffer 64KiB --precision out=1 --json").out);
  EXPECT_EQ(j["machine"]["precision"], json({{"in", 1}, {"w", 1}, {"out", 1}, {"psum", 4}}));
  EXPECT_EQ(j["precision_source"].get<std::string>().rfind("--precision out=1, the rest from", 0),
            0u);
}

// A MatMul by a batched weight is a grouped fc layer: its W array is a
// weight, so --precision w sets its size (a product of two activations would
// move it at the input size). x [2,10,8] x W [2,8,6]: G 2, N 10, C 16, M 12.
// Compulsory bytes by hand: I 2*10*8 = 160 at in, W 2*8*6 = 96 at w, O 2*10*6
// = 120 at out: 160 + 96 + 120 = 376 with w=1, 160 + 384 + 120 = 664 with w=4.
TEST(OnnxCli, BatchedWeightIsAGroupedFcAtTheWeightSize) {
  OnnxModelBuilder b("batched_weight");
  b.input("x", {2, 10, 8});
  b.initializer("w", {2, 8, 6});
  b.node("MatMul", "per_head", {"x", "w"}, {"y"});
  const std::string path = write_test_file("batched_weight.onnx", b.bytes());
  for (const auto& [w, compulsory] : {std::pair<int, int>{1, 376}, {4, 664}}) {
    const CliRun run = run_spad("optimize --model " + q(path) +
                                " --buffer 64KiB --json --precision in=1,w=" + std::to_string(w) +
                                ",out=1,psum=4");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const json layer = json::parse(run.out)["layers"][0];
    EXPECT_EQ(layer["kind"], "fc");
    EXPECT_EQ(layer["groups"], 2);
    EXPECT_EQ(layer["N"], 10);
    EXPECT_EQ(layer["C"], 16);
    EXPECT_EQ(layer["M"], 12);
    EXPECT_EQ(layer["compulsory_bytes"], compulsory) << "w=" << w;
  }
  // The network document reads back (kind fc with groups) with the same answer.
  const CliRun first = run_spad("optimize --model " + q(path) + " --buffer 64KiB --json");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const std::string doc = write_test_file("batched_weight_net.json", first.out);
  const CliRun again = run_spad("optimize --model " + q(doc) + " --buffer 64KiB --json");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(json::parse(again.out)["layers"][0]["traffic_bytes"],
            json::parse(first.out)["layers"][0]["traffic_bytes"]);
  const CliRun text = run_spad("optimize --model " + q(path) + " --buffer 64KiB");
  EXPECT_NE(text.out.find("2 x (8 -> 6), fc"), std::string::npos) << text.out;
}

}  // namespace
}  // namespace spad
