// --batch on an ONNX model (io/onnx/onnx_model: the graph inputs' dim 0 is
// set, symbolic or fixed, and every shape is computed from there): an fc on
// a sequence keeps its tokens per sample and an attention matmul its heads,
// as when the model is exported at that batch. Expected counts are worked
// out by hand beside each test (DESIGN.md, "ONNX import": fc N = the product
// of the leading dims; matmul G = the product of the batch dims, N = n).
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "io/common/network_source.hpp"
#include "io/onnx/onnx_network.hpp"
#include "onnx_model_builder.hpp"
#include "workload/layer.hpp"

namespace spad {
namespace {

using testing::OnnxModelBuilder;
using testing::OnnxTestShape;
using testing::write_test_file;
using B = OnnxModelBuilder;

// x [batch, 8, 32] -> q, k = x W (fc) -> heads [batch, 4, 8, 8] -> scores
// Q K^T (matmul). `heads` is the Reshape target: {0, 8, 4, 8} copies the
// batch from the input (a batch-generic export), {2, 8, 4, 8} holds it.
B attention(const OnnxTestShape& x, const std::vector<std::int64_t>& heads) {
  B b("attention");
  b.input("x", x);
  b.initializer("wq", {32, 32});
  b.initializer("wk", {32, 32});
  b.int64_initializer("heads", {4}, heads);
  b.node("MatMul", "q", {"x", "wq"}, {"q0"});
  b.node("MatMul", "k", {"x", "wk"}, {"k0"});
  b.node("Reshape", "q_r", {"q0", "heads"}, {"q1"});
  b.node("Reshape", "k_r", {"k0", "heads"}, {"k1"});
  B::ints(b.node("Transpose", "q_t", {"q1"}, {"q2"}), "perm", {0, 2, 1, 3});  // [b,4,8,8]
  B::ints(b.node("Transpose", "k_t", {"k1"}, {"k2"}), "perm", {0, 2, 3, 1});  // K^T
  b.node("MatMul", "scores", {"q2", "k2"}, {"s"});
  b.output("s");
  return b;
}

Network import(const B& b, const std::string& file, std::optional<Count> batch) {
  return read_onnx_network(write_test_file(file, b.bytes()), batch);
}

// At batch 3: q, k: [3,8,32] x [32,32]: N = 3 x 8 = 24, C 32, M 32, MACs
// 24 x 32 x 32 = 24,576. scores: [3,4,8,8] x [3,4,8,8]: G = 3 x 4 = 12,
// N = 8, C = G x 8 = 96, M = 96, MACs = 12 x 8 x 8 x 8 = 6,144.
void expect_batch_3(const Network& net) {
  ASSERT_EQ(net.layers.size(), 3u);
  for (int i : {0, 1}) {
    EXPECT_EQ(net.layers[i].spec.N, 24);
    EXPECT_EQ(Layer(net.layers[i].spec).macs(), 24576);
  }
  const LayerSpec& s = net.layers[2].spec;
  EXPECT_EQ(s.name, "scores");
  EXPECT_EQ(s.N, 8);
  EXPECT_EQ(s.groups, 12);
  EXPECT_EQ(s.C, 96);
  EXPECT_EQ(s.M, 96);
  EXPECT_EQ(Layer(s).macs(), 6144);
}

TEST(OnnxBatch, ASymbolicBatchKeepsTokensAndHeads) {
  const B b = attention({std::string("batch"), 8, 32}, {0, 8, 4, 8});
  const std::string path = write_test_file("attention_sym.onnx", b.bytes());
  expect_batch_3(read_onnx_network(path, Count{3}));
  // load_network (--model FILE.onnx) leaves the importer's N alone: before,
  // it set every layer's N to the batch (q: N 3 instead of 24).
  const Network net = load_network(path, NetworkLoadOptions{Count{3}});
  expect_batch_3(net);
  EXPECT_TRUE(net.warnings.empty()) << net.warnings.front();
}

TEST(OnnxBatch, AFixedBatchIsReplacedAndSaidSo) {
  const B b = attention({2, 8, 32}, {0, 8, 4, 8});
  const Network net = import(b, "attention_fixed.onnx", Count{3});
  expect_batch_3(net);
  ASSERT_FALSE(net.warnings.empty());
  EXPECT_NE(net.warnings.front().find(
                "--batch 3 replaced the fixed batch (dim 0) of the graph input \"x\" [2, 8, 32]"),
            std::string::npos)
      << net.warnings.front();
  // The model's own batch: nothing replaced, no warning. At batch 2: q N = 16.
  const Network same = import(b, "attention_fixed.onnx", Count{2});
  EXPECT_TRUE(same.warnings.empty()) << same.warnings.front();
  EXPECT_EQ(same.layers[0].spec.N, 16);
  EXPECT_EQ(same.layers[2].spec.groups, 8);
}

TEST(OnnxBatch, ARankOneInputHasNoBatch) {
  B b = attention({2, 8, 32}, {0, 8, 4, 8});
  b.input("v", {2});  // read first by a node, dim 0 the model's 2: but rank 1, not a batch
  b.node("Add", "twice", {"v", "v"}, {"v2"});
  const Network net = import(b, "attention_vector.onnx", Count{3});
  expect_batch_3(net);
  ASSERT_EQ(net.warnings.size(), 1u);
  EXPECT_EQ(net.warnings[0].find("\"v\""), std::string::npos) << net.warnings[0];
}

TEST(OnnxBatch, ABatchHeldInConstantShapesIsAnErrorNamingIt) {
  // Reshape to [2, 8, 4, 8] of a [3, 8, 32] tensor: 1,536 elements into
  // 512 places.
  const B b = attention({2, 8, 32}, {2, 8, 4, 8});
  try {
    import(b, "attention_const.onnx", Count{3});
    ADD_FAILURE() << "no error";
  } catch (const UserError& e) {
    const std::string what = e.what();
    for (const char* part : {"attention_const.onnx", "q_r", "--batch 3 replaced the fixed batch",
                             "\"x\" [2, 8, 32]", "dynamic batch axis"})
      EXPECT_NE(what.find(part), std::string::npos) << part << " in: " << what;
  }
}

}  // namespace
}  // namespace spad
