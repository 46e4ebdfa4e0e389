// ONNX Runtime contrib operators (domain "com.microsoft", models saved after
// ORT graph optimization): FusedConv, FusedGemm and FusedMatMul are imported
// as Conv, Gemm and MatMul; the other matrix-product contrib operators are
// listed in "skipped" with their MACs; elementwise ones are counted. Every
// expected value is derived by hand in the comment beside it.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "io/onnx/onnx_network.hpp"
#include "onnx_model_builder.hpp"
#include "workload/layer.hpp"

namespace spad {
namespace {

using testing::OnnxModelBuilder;
using testing::write_test_file;
using B = OnnxModelBuilder;

struct Want {
  std::string name, kind;
  Count N, C, M, H, W, R, S, groups, macs;
};

void expect_layers(const Network& net, const std::vector<Want>& want) {
  ASSERT_EQ(net.layers.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    const LayerSpec& l = net.layers[i].spec;
    const Want& w = want[i];
    EXPECT_EQ(l.name, w.name) << i;
    EXPECT_EQ(layer_kind_name(net.layers[i].kind), w.kind) << w.name;
    EXPECT_EQ((std::vector<Count>{l.N, l.C, l.M, l.H, l.W, l.R, l.S, l.groups}),
              (std::vector<Count>{w.N, w.C, w.M, w.H, w.W, w.R, w.S, w.groups}))
        << w.name;
    EXPECT_EQ(Layer(l).macs(), w.macs) << w.name;
  }
}

// A node of the ONNX Runtime contrib domain; the model imports that domain.
onnx::NodeProto& contrib(B& b, const std::string& op, const std::string& name,
                         const std::vector<std::string>& inputs,
                         const std::vector<std::string>& outputs) {
  if (b.model().opset_import_size() == 1) {
    onnx::OperatorSetIdProto* o = b.model().add_opset_import();
    o->set_domain("com.microsoft");
    o->set_version(1);
  }
  onnx::NodeProto& n = b.node(op, name, inputs, outputs);
  n.set_domain("com.microsoft");
  return n;
}

Network import(const B& b, const std::string& file) {
  return read_onnx_network(write_test_file(file, b.bytes()), std::nullopt);
}

// A network whose convs are all FusedConv and whose classifier is a
// FusedGemm: every layer is imported, and the shapes after them are spad's
// own (no value_info in the file).
TEST(OnnxContrib, FusedConvAndFusedGemmAreConvAndGemmLayers) {
  B b("fused_cnn");
  b.input("x", {1, 4, 8, 8});
  b.initializer("w1", {8, 4, 3, 3});
  b.initializer("b1", {8});
  b.initializer("w2", {16, 8, 3, 3});
  b.initializer("wf", {10, 16});
  auto& c1 = contrib(b, "FusedConv", "fconv1", {"x", "w1", "b1"}, {"c1"});
  B::ints(c1, "kernel_shape", {3, 3});
  B::ints(c1, "pads", {1, 1, 1, 1});
  B::text(c1, "activation", "Relu");
  auto& c2 = contrib(b, "FusedConv", "fconv2", {"c1", "w2"}, {"c2"});
  B::ints(c2, "pads", {1, 1, 1, 1});
  B::ints(c2, "strides", {2, 2});
  B::text(c2, "activation", "Relu");
  b.node("GlobalAveragePool", "gap", {"c2"}, {"g"});
  b.node("Flatten", "flat", {"g"}, {"f"});
  auto& fc = contrib(b, "FusedGemm", "fc", {"f", "wf"}, {"y"});
  B::integer(fc, "transB", 1);
  B::text(fc, "activation", "Relu");
  b.output("y");
  const Network net = import(b, "fused_cnn.onnx");
  // fconv1: 4 -> 8, 3x3, pad 1 on 8x8: output 8x8; MACs 8*4*9*64 = 18,432.
  // fconv2: 8 -> 16, 3x3, pad 1, stride 2 on 8x8 (spad's Conv rule for
  //   fconv1's output): output (8+2-3)/2+1 = 4; MACs 16*8*9*16 = 18,432.
  // fc: GlobalAveragePool [1,16,4,4] -> [1,16,1,1], Flatten -> [1,16];
  //   weight [10,16] with transB: C 16, M 10; MACs 160.
  expect_layers(net, {{"fconv1", "conv", 1, 4, 8, 8, 8, 3, 3, 1, 18432},
                      {"fconv2", "conv", 1, 8, 16, 8, 8, 3, 3, 1, 18432},
                      {"fc", "fc", 1, 16, 10, 1, 1, 1, 1, 1, 160}});
  EXPECT_TRUE(net.layers[0].bias);
  EXPECT_FALSE(net.layers[1].bias);
  EXPECT_EQ(net.layers[1].spec.stride_h, 2);
  EXPECT_EQ(net.layers[1].spec.pad_top, 1);
  EXPECT_TRUE(net.skipped.empty());
  EXPECT_EQ(net.not_scheduled,
            (std::map<std::string, Count>{{"Flatten", 1}, {"GlobalAveragePool", 1}}));
  EXPECT_TRUE(net.warnings.empty()) << net.warnings.front();
}

// FusedMatMul is MatMul of its operands after transA / transB; with batch
// transposes it is listed in skipped, saying why.
TEST(OnnxContrib, FusedMatMulIsAMatMulAfterItsTransposes) {
  B b("fused_matmul");
  b.input("x", {2, 16});
  b.input("q", {3, 5, 4});
  b.input("k", {3, 5, 6});
  b.initializer("w", {8, 16});
  b.initializer("w3", {6, 2});
  auto& fmm = contrib(b, "FusedMatMul", "fmm", {"x", "w"}, {"a"});
  B::integer(fmm, "transB", 1);
  auto& qk = contrib(b, "FusedMatMul", "qk", {"q", "k"}, {"s"});
  B::integer(qk, "transA", 1);
  b.node("MatMul", "proj", {"s", "w3"}, {"p"});
  auto& bt = contrib(b, "FusedMatMul", "batch_t", {"q", "k"}, {"t"});
  B::integer(bt, "transBatchA", 1);
  b.output("a");
  b.output("p");
  b.output("t");
  const Network net = import(b, "fused_matmul.onnx");
  // fmm: x [2,16] x w^T [16,8]: fc N 2, C 16, M 8; MACs 2*16*8 = 256.
  // qk: q^T [3,4,5] x k [3,5,6], two activations: matmul G 3, N 4,
  //   C 3*5 = 15, M 3*6 = 18; MACs N*M*C/G = 4*18*5 = 360 (= 3*4*5*6).
  // proj: qk's output [3,4,6] (spad's rule with transA) x w3 [6,2]: fc N 3*4 = 12,
  //   C 6, M 2; MACs 144.
  expect_layers(net, {{"fmm", "fc", 2, 16, 8, 1, 1, 1, 1, 1, 256},
                      {"qk", "matmul", 4, 15, 18, 1, 1, 1, 1, 3, 360},
                      {"proj", "fc", 12, 6, 2, 1, 1, 1, 1, 1, 144}});
  ASSERT_EQ(net.skipped.size(), 1u);
  EXPECT_EQ(net.skipped[0].node, "batch_t");
  EXPECT_EQ(net.skipped[0].op, "com.microsoft.FusedMatMul");
  EXPECT_NE(net.skipped[0].reason.find("batch transposes (transBatchA = 1, transBatchB = 0)"),
            std::string::npos)
      << net.skipped[0].reason;
  EXPECT_FALSE(net.skipped[0].macs.has_value());
  EXPECT_TRUE(net.not_scheduled.empty());
}

// A batch-transpose flag other than 0 or 1 is an error naming the file, the
// node, the attribute and its value (ORT takes only 0 and 1).
TEST(OnnxContrib, ABatchTransposeFlagOtherThanZeroOrOneIsAnError) {
  B b("fused_matmul_bad");
  b.input("q", {3, 5, 4});
  b.input("k", {3, 4, 6});
  auto& bad = contrib(b, "FusedMatMul", "qk", {"q", "k"}, {"s"});
  B::integer(bad, "transBatchB", 2);
  b.output("s");
  const std::string path = write_test_file("fused_matmul_bad.onnx", b.bytes());
  try {
    read_onnx_network(path, std::nullopt);
    ADD_FAILURE() << "no error";
  } catch (const UserError& e) {
    const std::string what = e.what();
    for (const char* part : {"fused_matmul_bad.onnx", "\"qk\"", "transBatchB = 2: must be 0 or 1"})
      EXPECT_NE(what.find(part), std::string::npos) << part << " in: " << what;
  }
}

// Attention and MatMulNBits do matrix products spad does not schedule: listed
// with their MACs; BiasGelu is elementwise: counted.
TEST(OnnxContrib, ContribProductsAreSkippedWithTheirMacs) {
  B b("contrib_skipped");
  b.input("x", {2, 5, 16});
  b.input("h", {1, 16});
  b.initializer("wqkv", {16, 48});
  b.initializer("bqkv", {48});
  b.typed_initializer("wq4", {32, 1, 8}, onnx::TensorProto::UINT8);
  b.initializer("scales", {32});
  b.initializer("bias", {4});
  b.initializer("wf", {16, 4});
  B::integer(contrib(b, "Attention", "attn", {"x", "wqkv", "bqkv"}, {"a"}), "num_heads", 4);
  auto& nbits = contrib(b, "MatMulNBits", "mm4", {"x", "wq4", "scales"}, {"m"});
  B::integer(nbits, "K", 16);
  B::integer(nbits, "N", 32);
  B::integer(nbits, "bits", 4);
  B::integer(nbits, "block_size", 16);
  b.node("MatMul", "fc", {"h", "wf"}, {"y"});
  contrib(b, "BiasGelu", "bg", {"y", "bias"}, {"g"});
  b.output("a");
  b.output("m");
  b.output("g");
  const Network net = import(b, "contrib_skipped.onnx");
  // fc: [1,16] x [16,4]: N 1, C 16, M 4; MACs 64.
  expect_layers(net, {{"fc", "fc", 1, 16, 4, 1, 1, 1, 1, 1, 64}});
  ASSERT_EQ(net.skipped.size(), 2u);
  // Attention, input [B 2, S 5, D 16], weights [16, 48] = Q, K, V of 16 each:
  //   projections B*S*D*48 = 2*5*16*48 = 7,680; Q.K^T B*S*S*Dq = 2*5*5*16 = 800;
  //   A.V B*S*S*Dv = 800; total 9,280.
  EXPECT_EQ(net.skipped[0].node, "attn");
  EXPECT_EQ(net.skipped[0].op, "com.microsoft.Attention");
  EXPECT_EQ(net.skipped[0].macs, Count{9280});
  EXPECT_EQ(net.skipped[0].reason,
            "multi-head self-attention (Q, K, V projections and attention products), an ONNX "
            "Runtime contrib operator (com.microsoft): spad schedules standard ONNX operators; "
            "export the model before ORT graph optimization");
  // MatMulNBits: rows of A 2*5 = 10, K 16, N 32: 10*16*32 = 5,120.
  EXPECT_EQ(net.skipped[1].node, "mm4");
  EXPECT_EQ(net.skipped[1].macs, Count{5120});
  EXPECT_EQ(net.not_scheduled, (std::map<std::string, Count>{{"com.microsoft.BiasGelu", 1}}));
}

}  // namespace
}  // namespace spad
