// ONNX import of every layer form DESIGN.md ("ONNX import") lists, on models
// built in code: fully-connected layers of any rank and with computed
// weights, products of two activations (attention), 1-D and quantized
// convolutions, pools with ceil_mode, shape subgraphs folded to constants,
// value_info that disagrees, skipped arithmetic nodes. Every expected field
// is derived by hand in the comment beside it.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "io/onnx/onnx_network.hpp"
#include "onnx_model_builder.hpp"
#include "workload/layer.hpp"

namespace spad {
namespace {

using testing::OnnxModelBuilder;
using testing::OnnxTestShape;
using testing::write_test_file;
using B = OnnxModelBuilder;

struct Want {
  std::string name, kind;
  Count N, C, M, H = 1, W = 1, R = 1, S = 1, groups = 1;
  Count macs;
};

void expect_layers(const Network& net, const std::vector<Want>& want) {
  ASSERT_EQ(net.layers.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    const NetworkLayer& l = net.layers[i];
    const Want& w = want[i];
    EXPECT_EQ(l.spec.name, w.name) << i;
    EXPECT_EQ(layer_kind_name(l.kind), w.kind) << w.name;
    EXPECT_EQ(l.spec.N, w.N) << w.name;
    EXPECT_EQ(l.spec.C, w.C) << w.name;
    EXPECT_EQ(l.spec.M, w.M) << w.name;
    EXPECT_EQ(l.spec.H, w.H) << w.name;
    EXPECT_EQ(l.spec.W, w.W) << w.name;
    EXPECT_EQ(l.spec.R, w.R) << w.name;
    EXPECT_EQ(l.spec.S, w.S) << w.name;
    EXPECT_EQ(l.spec.groups, w.groups) << w.name;
    EXPECT_EQ(Layer(l.spec).macs(), w.macs) << w.name;
  }
}

Network import(const B& b, const std::string& file, std::optional<Count> batch = std::nullopt) {
  return read_onnx_network(write_test_file(file, b.bytes()), batch);
}

void expect_error(const B& b, const std::string& file, const std::vector<std::string>& parts) {
  try {
    import(b, file);
    ADD_FAILURE() << "no error for " << file;
  } catch (const UserError& e) {
    const std::string what = e.what();
    for (const std::string& p : parts)
      EXPECT_NE(what.find(p), std::string::npos) << "missing \"" << p << "\" in: " << what;
  }
}

TEST(OnnxForms, MatMulWithAWeightOnActivationsOfAnyRank) {
  B b("matmul_nd");
  b.input("a", {4, 10, 16});
  b.input("b", {1, 7, 7, 96});
  b.input("c", {1, 384});
  b.initializer("w1", {16, 8});
  b.initializer("w2", {96, 384});
  b.initializer("w3", {384, 10});
  b.node("MatMul", "mm3d", {"a", "w1"}, {"y1"});
  b.node("MatMul", "mm4d", {"b", "w2"}, {"y2"});
  b.node("MatMul", "mm2d", {"c", "w3"}, {"y3"});
  // N = product of the leading dims: 4*10 = 40, 1*7*7 = 49, 1.
  // MACs = N*C*M: 40*16*8 = 5,120; 49*96*384 = 1,806,336; 384*10 = 3,840.
  expect_layers(import(b, "matmul_nd.onnx"), {{"mm3d", "fc", 40, 16, 8, 1, 1, 1, 1, 1, 5120},
                                              {"mm4d", "fc", 49, 96, 384, 1, 1, 1, 1, 1, 1806336},
                                              {"mm2d", "fc", 1, 384, 10, 1, 1, 1, 1, 1, 3840}});
}

TEST(OnnxForms, GemmTransposesAndWeightsComputedFromConstants) {
  B b("gemm_forms");
  b.input("x", {1, 128});
  b.input("xt", {256, 2});
  b.initializer("w1", {64, 128});
  b.initializer("w_t", {3, 4});
  b.initializer("w_id", {64, 10});
  b.typed_initializer("w_q", {10, 4}, onnx::TensorProto::INT8);
  b.initializer("scale", {});
  b.initializer("w_flat", {12});
  b.int64_initializer("shape34", {2}, {3, 4});
  b.initializer("w_a", {256, 8});
  B::integer(b.node("Gemm", "g_transB", {"x", "w1"}, {"h1"}), "transB", 1);
  b.node("Identity", "id", {"w_id"}, {"w_id2"});
  b.node("Gemm", "g_identity", {"h1", "w_id2"}, {"h2"});
  b.node("DequantizeLinear", "dq", {"w_q", "scale"}, {"w_dq"});
  b.node("MatMul", "mm_dq", {"h2", "w_dq"}, {"h3"});
  B::ints(b.node("Transpose", "tr", {"w_t"}, {"w_tt"}), "perm", {1, 0});
  b.node("Gemm", "g_transposed", {"h3", "w_tt"}, {"h4"});
  b.node("Reshape", "rs", {"w_flat", "shape34"}, {"w_rs"});
  b.node("Cast", "cast", {"w_rs"}, {"w_c"}).add_attribute()->CopyFrom([] {
    onnx::AttributeProto a;
    a.set_name("to");
    a.set_type(onnx::AttributeProto::INT);
    a.set_i(onnx::TensorProto::FLOAT);
    return a;
  }());
  b.node("Gemm", "g_reshaped", {"h4", "w_c"}, {"h5"});
  B::integer(b.node("Gemm", "g_transA", {"xt", "w_a"}, {"h6"}), "transA", 1);
  // g_transB: B [64,128] transposed -> C 128, M 64; N 1: 8,192 MACs.
  // g_identity: Identity(initializer [64,10]) is a weight: C 64, M 10: 640.
  // mm_dq: DequantizeLinear(int8 [10,4]) is a weight: C 10, M 4: 40.
  // g_transposed: Transpose([3,4]) = [4,3]: C 4, M 3: 12.
  // g_reshaped: Cast(Reshape(initializer [12], [3,4])) is a weight: C 3, M 4: 12.
  // g_transA: A [256,2] transposed -> [2,256]: N 2, C 256, M 8: 4,096.
  const Network net = import(b, "gemm_forms.onnx");
  expect_layers(net, {{"g_transB", "fc", 1, 128, 64, 1, 1, 1, 1, 1, 8192},
                      {"g_identity", "fc", 1, 64, 10, 1, 1, 1, 1, 1, 640},
                      {"mm_dq", "fc", 1, 10, 4, 1, 1, 1, 1, 1, 40},
                      {"g_transposed", "fc", 1, 4, 3, 1, 1, 1, 1, 1, 12},
                      {"g_reshaped", "fc", 1, 3, 4, 1, 1, 1, 1, 1, 12},
                      {"g_transA", "fc", 2, 256, 8, 1, 1, 1, 1, 1, 4096}});
  // The weight computations are other operators (no MACs).
  EXPECT_EQ(net.not_scheduled, (std::map<std::string, Count>{{"Cast", 1},
                                                             {"DequantizeLinear", 1},
                                                             {"Identity", 1},
                                                             {"Reshape", 1},
                                                             {"Transpose", 1}}));
  EXPECT_TRUE(net.skipped.empty());
}

TEST(OnnxForms, MatMulOperandsThatDisagreeAreAnError) {
  B b("mm_bad");
  b.input("x", {2, 5, 7});
  b.initializer("w", {6, 3});
  b.node("MatMul", "proj", {"x", "w"}, {"y"});
  expect_error(b, "mm_bad.onnx",
               {"node \"proj\" (MatMul)", "operands disagree", "[2, 5, 7]", "[6, 3]"});
}

// Attention with heads as a batch dim: x [1,8,32], 4 heads of 8.
TEST(OnnxForms, AttentionProductsOfTwoActivationsAreMatmulLayers) {
  B b("attention");
  b.input("x", {1, 8, 32});
  for (const char* w : {"wq", "wk", "wv", "wo"}) b.initializer(w, {32, 32});
  b.int64_initializer("heads", {4}, {1, 8, 4, 8});
  b.int64_initializer("merged", {3}, {0, 0, 32});  // 0 copies the input's dim
  b.node("MatMul", "q", {"x", "wq"}, {"q0"});
  b.node("MatMul", "k", {"x", "wk"}, {"k0"});
  b.node("MatMul", "v", {"x", "wv"}, {"v0"});
  b.node("Reshape", "q_r", {"q0", "heads"}, {"q1"});
  b.node("Reshape", "k_r", {"k0", "heads"}, {"k1"});
  b.node("Reshape", "v_r", {"v0", "heads"}, {"v1"});
  B::ints(b.node("Transpose", "q_t", {"q1"}, {"q2"}), "perm", {0, 2, 1, 3});  // [1,4,8,8]
  B::ints(b.node("Transpose", "k_t", {"k1"}, {"k2"}), "perm", {0, 2, 3, 1});  // K^T [1,4,8,8]
  B::ints(b.node("Transpose", "v_t", {"v1"}, {"v2"}), "perm", {0, 2, 1, 3});
  b.node("MatMul", "scores", {"q2", "k2"}, {"s"});
  B::integer(b.node("Softmax", "softmax", {"s"}, {"a"}), "axis", -1);
  b.node("MatMul", "context", {"a", "v2"}, {"c0"});
  B::ints(b.node("Transpose", "c_t", {"c0"}, {"c1"}), "perm", {0, 2, 1, 3});  // [1,8,4,8]
  b.node("Reshape", "c_r", {"c1", "merged"}, {"c2"});                         // [1,8,32]
  b.node("MatMul", "out", {"c2", "wo"}, {"y"});
  b.output("y");
  // q, k, v, out: [1,8,32] x [32,32]: N = 8, C 32, M 32: 8*32*32 = 8,192 MACs.
  // scores: [1,4,8,8] x [1,4,8,8], batch dims [1,4]: G = 4, n 8, c 8, m 8 ->
  //   N 8, C = G*c = 32, M = G*m = 32, groups 4: MACs = N*M*(C/G) = 8*32*8 = 2,048
  //   = G*n*c*m = 4*8*8*8.
  // context: A [1,4,8,8] x V [1,4,8,8]: the same shape.
  const Network net = import(b, "attention.onnx");
  expect_layers(net, {{"q", "fc", 8, 32, 32, 1, 1, 1, 1, 1, 8192},
                      {"k", "fc", 8, 32, 32, 1, 1, 1, 1, 1, 8192},
                      {"v", "fc", 8, 32, 32, 1, 1, 1, 1, 1, 8192},
                      {"scores", "matmul", 8, 32, 32, 1, 1, 1, 1, 4, 2048},
                      {"context", "matmul", 8, 32, 32, 1, 1, 1, 1, 4, 2048},
                      {"out", "fc", 8, 32, 32, 1, 1, 1, 1, 1, 8192}});
  EXPECT_TRUE(net.warnings.empty()) << net.warnings.front();
}

// Batch dims that broadcast (size 1 or absent on one side). DESIGN.md (ONNX
// import): A[..., n, c] x B[..., c, m] is the grouped fully-connected layer
// G = the product of the batch dims (the broadcast output's), N = n, C = G*c,
// M = G*m; MACs = N*M*(C/G) = G*n*c*m, the product's multiply-adds. A weight
// without batch dims > 1 is one matrix for every row (kind fc, N = the product
// of A's leading dims).
TEST(OnnxForms, MatMulBroadcastBatchDimsAreGroups) {
  B b("matmul_broadcast");
  b.input("x", {3, 4, 5});
  b.input("a1", {2, 3, 4, 5});
  b.input("b1", {1, 3, 5, 6});
  b.input("a2", {1, 3, 4, 5});
  b.input("b2", {2, 3, 5, 6});
  b.input("a3", {2, 1, 4, 5});
  b.input("b3", {1, 3, 5, 6});
  b.input("x2", {4, 5});
  b.input("a4", {2, 4, 10, 8});
  b.input("b4", {4, 8, 6});
  b.input("a5", {10, 8});
  b.input("b5", {3, 8, 6});
  b.input("a6", {1, 4, 10, 8});
  b.input("b6", {3, 1, 8, 6});
  b.input("a7", {3, 10, 8});
  b.input("b7", {8, 6});
  b.initializer("w1", {1, 5, 6});
  b.initializer("w3", {3, 5, 6});
  b.node("MatMul", "w_bcast", {"x", "w1"}, {"y1"});
  b.node("MatMul", "a_has_more", {"a1", "b1"}, {"y2"});
  b.node("MatMul", "b_has_more", {"a2", "b2"}, {"y3"});
  b.node("MatMul", "cross", {"a3", "b3"}, {"y4"});
  b.node("MatMul", "w_batched_on_2d", {"x2", "w3"}, {"y5"});
  b.node("MatMul", "rank4_by_3", {"a4", "b4"}, {"y6"});
  b.node("MatMul", "rank2_by_3", {"a5", "b5"}, {"y7"});
  b.node("MatMul", "ones_cross", {"a6", "b6"}, {"y8"});
  b.node("MatMul", "rank3_by_2", {"a7", "b7"}, {"y9"});
  // w_bcast: x [3,4,5] x weight [1,5,6] -> [3,4,6]: one weight [5,6] for all 12 rows:
  //   fc N = 3*4 = 12, C 5, M 6: 12*5*6 = 360 MACs.
  // a_has_more: [2,3,4,5] x [1,3,5,6]: batch dims broadcast to [2,3]: G = 6, N = 4,
  //   C = 6*5 = 30, M = 6*6 = 36: MACs = N*M*(C/G) = 4*36*5 = 720 = 2*3*4*5*6.
  // b_has_more: [1,3,4,5] x [2,3,5,6]: batch [2,3]: the same G 6, N 4, C 30, M 36, 720.
  // cross: [2,1,4,5] x [1,3,5,6]: batch [2,3]: G 6, N 4, C 30, M 36, 720.
  // w_batched_on_2d: [4,5] x weight [3,5,6] -> [3,4,6]: batch [3]: G 3, N 4,
  //   C 15, M 18, kind fc (a grouped fc: a weight slice per group, moved at the
  //   weight size): 4*18*5 = 360 = 3*4*5*6.
  // rank4_by_3: [2,4,10,8] x [4,8,6]: batch [2,4]: G 8, N 10, C 64, M 48:
  //   10*48*8 = 3,840 = 8*10*8*6.
  // rank2_by_3: [10,8] x [3,8,6]: batch [3]: G 3, N 10, C 24, M 18: 10*18*8 = 1,440.
  // ones_cross: [1,4,10,8] x [3,1,8,6]: batch [3,4]: G 12, N 10, C 96, M 72:
  //   10*72*8 = 5,760 = 12*10*8*6.
  // rank3_by_2: [3,10,8] x activation [8,6]: batch [3]: G 3, N 10, C 24, M 18: 1,440.
  expect_layers(import(b, "matmul_broadcast.onnx"),
                {{"w_bcast", "fc", 12, 5, 6, 1, 1, 1, 1, 1, 360},
                 {"a_has_more", "matmul", 4, 30, 36, 1, 1, 1, 1, 6, 720},
                 {"b_has_more", "matmul", 4, 30, 36, 1, 1, 1, 1, 6, 720},
                 {"cross", "matmul", 4, 30, 36, 1, 1, 1, 1, 6, 720},
                 {"w_batched_on_2d", "fc", 4, 15, 18, 1, 1, 1, 1, 3, 360},
                 {"rank4_by_3", "matmul", 10, 64, 48, 1, 1, 1, 1, 8, 3840},
                 {"rank2_by_3", "matmul", 10, 24, 18, 1, 1, 1, 1, 3, 1440},
                 {"ones_cross", "matmul", 10, 96, 72, 1, 1, 1, 1, 12, 5760},
                 {"rank3_by_2", "matmul", 10, 24, 18, 1, 1, 1, 1, 3, 1440}});
}

// Transformer MLP on [2,16,64]: Linear 64->256, GELU (as Erf), Linear 256->64.
TEST(OnnxForms, TransformerMlp) {
  B b("mlp");
  b.input("x", {2, 16, 64});
  b.initializer("w1", {64, 256});
  b.initializer("b1", {256});
  b.initializer("w2", {256, 64});
  b.initializer("half", {});
  b.node("MatMul", "fc1", {"x", "w1"}, {"h0"});
  b.node("Add", "fc1_bias", {"h0", "b1"}, {"h1"});
  b.node("Mul", "scale", {"h1", "half"}, {"h2"});
  b.node("Erf", "erf", {"h2"}, {"h3"});
  b.node("Mul", "gate", {"h1", "h3"}, {"h4"});
  b.node("MatMul", "fc2", {"h4", "w2"}, {"y"});
  // N = 2*16 = 32 rows. fc1: 32*64*256 = 524,288 MACs; fc2: 32*256*64 = 524,288.
  expect_layers(import(b, "mlp.onnx"), {{"fc1", "fc", 32, 64, 256, 1, 1, 1, 1, 1, 524288},
                                        {"fc2", "fc", 32, 256, 64, 1, 1, 1, 1, 1, 524288}});
}

TEST(OnnxForms, OneDimensionalConvIsTheTwoDimensionalLayerWithHeightOne) {
  B b("conv1d");
  b.input("x", {1, 16, 100});
  b.initializer("w", {32, 16, 3});
  b.initializer("w2", {8, 32, 5});
  auto& c = b.node("Conv", "c1", {"x", "w"}, {"y"});
  B::ints(c, "pads", {1, 1});
  B::ints(c, "strides", {2});
  auto& d = b.node("Conv", "c2", {"y", "w2"}, {"z"});
  B::text(d, "auto_pad", "SAME_UPPER");
  B::ints(d, "dilations", {2});
  const Network net = import(b, "conv1d.onnx");
  // c1: H = R = 1, W 100, S 3, stride [1,2], pad [0,1,0,1]: Q = (100+2-3)/2+1 = 50;
  //   MACs = 32*16*3*50 = 76,800.
  // c2: W 50, S 5, dilation [1,2]: extent 9; SAME_UPPER with stride 1: output 50,
  //   total pad = 49 + 9 - 50 = 8 -> left 4, right 4; MACs = 8*32*5*50 = 64,000.
  expect_layers(net, {{"c1", "conv", 1, 16, 32, 1, 100, 1, 3, 1, 76800},
                      {"c2", "conv", 1, 32, 8, 1, 50, 1, 5, 1, 64000}});
  const LayerSpec& s1 = net.layers[0].spec;
  EXPECT_EQ(std::vector<Count>(
                {s1.stride_h, s1.stride_w, s1.pad_top, s1.pad_left, s1.pad_bottom, s1.pad_right}),
            std::vector<Count>({1, 2, 0, 1, 0, 1}));
  const LayerSpec& s2 = net.layers[1].spec;
  EXPECT_EQ(std::vector<Count>({s2.dilation_h, s2.dilation_w, s2.pad_top, s2.pad_left,
                                s2.pad_bottom, s2.pad_right}),
            std::vector<Count>({1, 2, 0, 4, 0, 4}));
  EXPECT_EQ(Layer(s2).Q(), 50);
}

TEST(OnnxForms, QuantizedConvsAreConvsAndSetThePrecision) {
  B b("quantized");
  b.typed_input("x", {1, 3, 8, 8}, onnx::TensorProto::UINT8);
  b.initializer("x_scale", {});
  b.typed_initializer("x_zp", {}, onnx::TensorProto::UINT8);
  b.typed_initializer("w", {8, 3, 3, 3}, onnx::TensorProto::INT8);
  b.initializer("w_scale", {});
  b.typed_initializer("w_zp", {}, onnx::TensorProto::INT8);
  b.initializer("y_scale", {});
  b.typed_initializer("y_zp", {}, onnx::TensorProto::UINT8);
  b.typed_initializer("bias", {8}, onnx::TensorProto::INT32);
  B::ints(
      b.node("QLinearConv", "qconv",
             {"x", "x_scale", "x_zp", "w", "w_scale", "w_zp", "y_scale", "y_zp", "bias"}, {"y"}),
      "pads", {1, 1, 1, 1});
  // QLinearConv: 3 -> 8, 3x3, pad 1 on 8x8: P = Q = 8; MACs = 8*3*9*64 = 13,824; bias input 8.
  Network net = import(b, "qlinear.onnx");
  expect_layers(net, {{"qconv", "conv", 1, 3, 8, 8, 8, 3, 3, 1, 13824}});
  EXPECT_TRUE(net.layers[0].bias);
  // uint8 x int8 -> uint8: 1-byte data, int32 partial sums.
  ASSERT_TRUE(net.precision.has_value());
  EXPECT_EQ(*net.precision, (Precision{1, 1, 1, 4}));
  EXPECT_NE(net.precision_source.find("QLinearConv \"qconv\" (uint8 x int8 -> uint8)"),
            std::string::npos)
      << net.precision_source;

  // ConvInteger writes its int32 accumulators: output 4 bytes.
  b.typed_initializer("w2", {4, 8, 1, 1}, onnx::TensorProto::UINT8);
  b.node("ConvInteger", "cint", {"y", "w2"}, {"z"});  // no zero points: types from y and w2
  // ConvInteger 8 -> 4, 1x1 on 8x8: MACs = 4*8*64 = 2,048.
  net = import(b, "qlinear_int.onnx");
  expect_layers(net, {{"qconv", "conv", 1, 3, 8, 8, 8, 3, 3, 1, 13824},
                      {"cint", "conv", 1, 8, 4, 8, 8, 1, 1, 1, 2048}});
  EXPECT_EQ(*net.precision, (Precision{1, 1, 4, 4}));
  // Each integer layer keeps the sizes its own operator states: the
  // QLinearConv writes uint8, the ConvInteger its int32 accumulators.
  ASSERT_TRUE(net.layers[0].precision.has_value());
  ASSERT_TRUE(net.layers[1].precision.has_value());
  EXPECT_EQ(*net.layers[0].precision, (Precision{1, 1, 1, 4}));
  EXPECT_EQ(*net.layers[1].precision, (Precision{1, 1, 4, 4}));
}

TEST(OnnxForms, FloatModelsKeepTheDefaultPrecision) {
  B b("float");
  b.input("x", {1, 3, 8, 8});
  b.initializer("w", {4, 3, 3, 3});
  b.node("Conv", "c", {"x", "w"}, {"y"});
  const Network net = import(b, "float.onnx");
  EXPECT_FALSE(net.precision.has_value());
  EXPECT_FALSE(net.layers[0].precision.has_value());
}

// Pools with ceil_mode follow PyTorch: out = ceil((in + pads - k)/s) + 1, minus
// one when the last window would start at or past in + pad_begin.
TEST(OnnxForms, CeilModePoolsDropAWindowThatStartsInThePadding) {
  B b("ceil_pools");
  b.input("x", {1, 4, 12, 12});
  b.input("x7", {1, 4, 7, 7});
  b.initializer("w", {8, 4, 3, 3});
  auto& p1 = b.node("MaxPool", "pool1", {"x"}, {"t"});
  B::ints(p1, "kernel_shape", {1, 1});
  B::ints(p1, "strides", {2, 2});
  B::integer(p1, "ceil_mode", 1);
  auto& p2 = b.node("AveragePool", "pool2", {"x7"}, {"u"});
  B::ints(p2, "kernel_shape", {2, 2});
  B::ints(p2, "strides", {2, 2});
  B::integer(p2, "ceil_mode", 1);
  b.node("Conv", "after1", {"t", "w"}, {"y1"});
  B::ints(b.node("Conv", "after2", {"u", "w"}, {"y2"}), "pads", {1, 1, 1, 1});
  // pool1: ceil(11/2)+1 = 7, but window 7 would start at 12 = in + 0: dropped -> 6.
  //   after1: 6x6, 3x3: P = Q = 4; MACs = 8*4*9*16 = 4,608.
  // pool2: ceil(5/2)+1 = 4; window 4 starts at 6 < 7: kept (a partial window) -> 4.
  //   after2: 4x4 pad 1: P = Q = 4; MACs 4,608.
  const Network net = import(b, "ceil_pools.onnx");
  expect_layers(net, {{"after1", "conv", 1, 4, 8, 6, 6, 3, 3, 1, 4608},
                      {"after2", "conv", 1, 4, 8, 4, 4, 3, 3, 1, 4608}});
}

// The exporter's value_info: used when it agrees, a named warning when not.
TEST(OnnxForms, ValueInfoIsCheckedAndSpadsShapeWins) {
  const auto model = [](const OnnxTestShape& written) {
    B b("vi");
    b.input("x", {1, 4, 12, 12});
    b.initializer("w", {8, 4, 3, 3});
    auto& p = b.node("MaxPool", "pool", {"x"}, {"t"});
    B::ints(p, "kernel_shape", {1, 1});
    B::ints(p, "strides", {2, 2});
    B::integer(p, "ceil_mode", 1);
    b.node("Conv", "conv", {"t", "w"}, {"y"});
    b.value_info("t", written);
    return b;
  };
  // [1,4,6,6] is right (see above); libonnx 1.12 infers 7x7, which is reported.
  Network net = import(model({1, 4, 6, 6}), "vi_right.onnx");
  expect_layers(net, {{"conv", "conv", 1, 4, 8, 6, 6, 3, 3, 1, 4608}});
  ASSERT_EQ(net.warnings.size(), 1u);
  EXPECT_NE(net.warnings[0].find("tensor \"t\""), std::string::npos);
  EXPECT_NE(net.warnings[0].find("ONNX shape inference gives [1, 4, 7, 7]"), std::string::npos);
  // A wrong value_info: named with both shapes, spad's used.
  net = import(model({1, 4, 5, 5}), "vi_wrong.onnx");
  expect_layers(net, {{"conv", "conv", 1, 4, 8, 6, 6, 3, 3, 1, 4608}});
  bool named = false;
  for (const std::string& w : net.warnings)
    named =
        named || (w.find("tensor \"t\" (output of node \"pool\" (MaxPool))") != std::string::npos &&
                  w.find("spad derives [1, 4, 6, 6], the file's value_info says [1, 4, 5, 5]") !=
                      std::string::npos);
  EXPECT_TRUE(named);
}

// ShuffleNetV2's channel split and shuffle as torch exports them: the split
// point comes from Shape -> Gather -> Add -> Div -> Mul -> Unsqueeze -> Slice,
// the shuffle reshapes with a target concatenated from shape pieces.
TEST(OnnxForms, ShapeSubgraphsAreFoldedToConstants) {
  B b("shuffle");
  b.input("x", {1, 116, 28, 28});
  b.initializer("w", {58, 58, 1, 1});
  b.initializer("w2", {116, 116, 1, 1});
  b.int64_initializer("one", {}, {1});
  b.int64_initializer("two", {}, {2});
  b.int64_initializer("zero1", {1}, {0});
  b.int64_initializer("axis1", {1}, {1});
  b.int64_initializer("big", {1}, {9223372036854775807});
  b.int64_initializer("zero", {}, {0});
  b.int64_initializer("groups_hw", {4}, {2, 58, 28, 28});
  b.int64_initializer("rest", {3}, {-1, 28, 28});
  b.node("Shape", "shape", {"x"}, {"s"});
  b.node("Gather", "channels", {"s", "one"}, {"c"});                 // 116 (a scalar)
  b.node("Add", "plus1", {"c", "one"}, {"c1"});                      // 117
  b.node("Div", "half", {"c1", "two"}, {"h"});                       // 58 (integer division)
  b.node("Mul", "times1", {"h", "one"}, {"e"});                      // 58
  b.node("Unsqueeze", "unsq", {"e", "zero1"}, {"end"});              // opset 13: axes as an input
  b.node("Slice", "first", {"x", "zero1", "end", "axis1"}, {"x1"});  // channels 0..57
  b.node("Slice", "second", {"x", "end", "big", "axis1"}, {"x2"});   // channels 58..115
  b.node("Conv", "branch", {"x2", "w"}, {"x3"});
  B::integer(b.node("Concat", "cat", {"x1", "x3"}, {"x4"}), "axis", 1);  // [1,116,28,28]
  b.node("Gather", "batch", {"s", "zero"}, {"n"});
  b.node("Unsqueeze", "unsq_n", {"n", "zero1"}, {"n1"});
  B::integer(b.node("Concat", "target", {"n1", "groups_hw"}, {"t5"}), "axis", 0);  // [1,2,58,28,28]
  b.node("Reshape", "split_groups", {"x4", "t5"}, {"x5"});
  B::ints(b.node("Transpose", "shuffle", {"x5"}, {"x6"}), "perm", {0, 2, 1, 3, 4});
  B::integer(b.node("Concat", "target2", {"n1", "rest"}, {"t7"}), "axis", 0);  // [1,-1,28,28]
  b.node("Reshape", "merge", {"x6", "t7"}, {"x7"});  // -1 = 116*28*28 / (28*28) = 116
  b.node("Conv", "after", {"x7", "w2"}, {"y"});
  // branch: 58 -> 58 1x1 on 28x28: 58*58*784 = 2,637,376 MACs.
  // after: 116 -> 116 1x1 on 28x28: 116*116*784 = 10,549,504 MACs.
  const Network net = import(b, "shuffle.onnx");
  expect_layers(net, {{"branch", "conv", 1, 58, 58, 28, 28, 1, 1, 1, 2637376},
                      {"after", "conv", 1, 116, 116, 28, 28, 1, 1, 1, 10549504}});
}

// The same split with a symbolic batch: the Reshape target keeps the symbol.
TEST(OnnxForms, SymbolicBatchFlowsThroughShapeSubgraphs) {
  B b("sym");
  b.input("x", {std::string("N"), 8, 4, 4});
  b.initializer("w", {10, 128});
  b.int64_initializer("zero", {}, {0});
  b.int64_initializer("zero1", {1}, {0});
  b.int64_initializer("minus1", {1}, {-1});
  b.node("Shape", "shape", {"x"}, {"s"});
  b.node("Gather", "batch", {"s", "zero"}, {"n"});
  b.node("Unsqueeze", "unsq", {"n", "zero1"}, {"n1"});
  B::integer(b.node("Concat", "target", {"n1", "minus1"}, {"t"}), "axis", 0);  // ['N', -1]
  b.node("Reshape", "flatten", {"x", "t"}, {"f"});                             // ['N', 128]
  B::integer(b.node("Gemm", "fc", {"f", "w"}, {"y"}), "transB", 1);
  // fc: C 128, M 10, N from --batch 3: 3*128*10 = 3,840 MACs.
  expect_layers(import(b, "sym.onnx", Count{3}), {{"fc", "fc", 3, 128, 10, 1, 1, 1, 1, 1, 3840}});
}

// Resize by scales, Pad, Split, Flatten and GlobalAveragePool on the path.
TEST(OnnxForms, ShapeRulesOfCommonOperators) {
  B b("ops");
  b.input("x", {1, 6, 5, 7});
  b.initializer("roi", {0});
  b.initializer("scales", {4});
  for (int i = 0; i < 4; ++i)
    b.graph().mutable_initializer(1)->set_float_data(i, i < 2 ? 1.0f : 2.0f);
  b.int64_initializer("pads", {8}, {0, 0, 1, 0, 0, 0, 2, 1});
  b.int64_initializer("split", {2}, {2, 4});
  b.initializer("w", {3, 4, 3, 3});
  b.initializer("wf", {3, 5});
  b.node("Resize", "up", {"x", "roi", "scales"}, {"r"});                        // [1,6,10,14]
  b.node("Pad", "pad", {"r", "pads"}, {"p"});                                   // [1,6,13,15]
  B::integer(b.node("Split", "split", {"p", "split"}, {"a", "c"}), "axis", 1);  // c: 4 channels
  B::ints(b.node("Conv", "conv", {"c", "w"}, {"y"}), "strides", {2, 2});
  b.node("GlobalAveragePool", "gap", {"y"}, {"g"});  // [1,3,1,1]
  b.node("Flatten", "flat", {"g"}, {"f"});           // [1,3]
  b.node("MatMul", "fc", {"f", "wf"}, {"z"});
  // conv: 4 -> 3, 3x3, stride 2 on 13x15: P = (13-3)/2+1 = 6, Q = (15-3)/2+1 = 7;
  //   MACs = 3*4*9*42 = 4,536. fc: 3 -> 5: 15 MACs.
  expect_layers(import(b, "ops.onnx"), {{"conv", "conv", 1, 4, 3, 13, 15, 3, 3, 1, 4536},
                                        {"fc", "fc", 1, 3, 5, 1, 1, 1, 1, 1, 15}});
}

TEST(OnnxForms, ArithmeticNodesNotScheduledAreListedWithTheirMacs) {
  B b("skipped");
  b.input("x", {1, 8, 4, 4});
  b.input("v", {1, 2, 4, 4, 4});
  b.input("e1", {2, 3, 4});
  b.input("e2", {2, 4, 5});
  b.initializer("wt", {8, 4, 3, 3});
  b.initializer("w3", {3, 2, 3, 3, 3});
  b.initializer("w", {4, 8, 1, 1});
  B::ints(b.node("ConvTranspose", "up", {"x", "wt"}, {"u"}), "strides", {2, 2});
  b.node("Conv", "c3d", {"v", "w3"}, {"v3"});
  auto& e = b.node("Einsum", "ein", {"e1", "e2"}, {"ee"});
  B::text(e, "equation", "bij,bjk->bik");
  b.node("Conv", "c", {"x", "w"}, {"y"});
  b.node("Relu", "relu", {"y"}, {"r"});
  const Network net = import(b, "skipped.onnx");
  expect_layers(net, {{"c", "conv", 1, 8, 4, 4, 4, 1, 1, 1, 512}});
  ASSERT_EQ(net.skipped.size(), 3u);
  // ConvTranspose: N*C_in*(M/G)*k*input spatial = 1*8*4*9*16 = 4,608.
  EXPECT_EQ(net.skipped[0].node, "up");
  EXPECT_EQ(net.skipped[0].op, "ConvTranspose");
  EXPECT_EQ(net.skipped[0].macs, Count{4608});
  // 3-D conv: output 2x2x2; N*M*(C/G)*k*out = 1*3*2*27*8 = 1,296.
  EXPECT_EQ(net.skipped[1].node, "c3d");
  EXPECT_NE(net.skipped[1].reason.find("3-D convolution"), std::string::npos);
  EXPECT_EQ(net.skipped[1].macs, Count{1296});
  // Einsum: b 2, i 3, j 4, k 5: 120.
  EXPECT_EQ(net.skipped[2].op, "Einsum");
  EXPECT_EQ(net.skipped[2].macs, Count{120});
  // The text shows "(Einsum, 120 MACs: <reason>)": the reason names the kind
  // of arithmetic, not the op again.
  EXPECT_EQ(net.skipped[2].reason, "tensor contraction: spad does not schedule it");
  EXPECT_EQ(net.not_scheduled, (std::map<std::string, Count>{{"Relu", 1}}));
}

// Pad(x [1,3,8,8], pads) -> 1x1 Conv "<name>" (4 filters): the layer's H and W
// show the folded pads (ONNX order: begins N C H W, then ends N C H W).
void pad_probe(B& b, const std::string& name, const std::string& pads) {
  b.node("Pad", name + "_pad", {"x", pads}, {name + "_p"});
  b.node("Conv", name, {name + "_p", "w"}, {name + "_y"});
}

// A conv layer on H x W after such a Pad: MACs = 4*3*H*W.
Want probe(const std::string& name, Count H, Count W) {
  return {name, "conv", 1, 3, 4, H, W, 1, 1, 1, 12 * H * W};
}

// The PyTorch F.pad export chain: Concat(pads, ConstantOfShape) -> Reshape [-1,2]
// -> Slice(step -1 on axis 0) -> Transpose [1,0] -> Reshape [-1] -> Pad.
TEST(OnnxForms, TorchPadExportChainFoldsToConstantPads) {
  B b("torch_pad");
  b.input("x", {1, 3, 8, 8});
  b.initializer("w", {4, 3, 1, 1});
  b.int64_initializer("torch_pads", {4}, {1, 2, 0, 1});  // F.pad(x, (1, 2, 0, 1)): W 1|2, H 0|1
  b.int64_initializer("four", {1}, {4});
  b.int64_initializer("pairs", {2}, {-1, 2});
  b.int64_initializer("flat", {1}, {-1});
  b.int64_initializer("start", {1}, {-1});
  b.int64_initializer("end", {1}, {INT64_MIN});
  b.int64_initializer("axis0", {1}, {0});
  b.int64_initializer("back", {1}, {-1});
  b.node("ConstantOfShape", "zeros", {"four"}, {"z"});
  B::integer(b.node("Concat", "cat", {"torch_pads", "z"}, {"p8"}), "axis", 0);
  b.node("Reshape", "as_pairs", {"p8", "pairs"}, {"p42"});  // [[1,2],[0,1],[0,0],[0,0]]
  b.node("Slice", "reverse", {"p42", "start", "end", "axis0", "back"}, {"rev"});
  // rev = [[0,0],[0,0],[0,1],[1,2]]; transposed [[0,0,0,1],[0,0,1,2]]
  B::ints(b.node("Transpose", "tr", {"rev"}, {"t"}), "perm", {1, 0});
  b.node("Reshape", "to_pads", {"t", "flat"}, {"pads"});  // [0,0,0,1, 0,0,1,2]
  pad_probe(b, "probe", "pads");
  // H: 8 + 0 (top) + 1 (bottom) = 9; W: 8 + 1 (left) + 2 (right) = 11; 12*9*11 = 1,188.
  const Network net = import(b, "torch_pad.onnx");
  expect_layers(net, {probe("probe", 9, 11)});
  EXPECT_TRUE(net.warnings.empty()) << net.warnings.front();
}

// Transpose, Slice, Gather, Concat, Split, reductions and Mod of
// multi-dimensional integer constants fold (each feeds a Pad whose result shows the values).
TEST(OnnxForms, IntegerConstantsFoldThroughTransposeSliceGatherAndReductions) {
  B b("int_fold");
  b.input("x", {1, 3, 8, 8});
  b.initializer("w", {4, 3, 1, 1});
  b.int64_initializer("flat", {1}, {-1});
  b.int64_initializer("z2", {2}, {0, 0});
  // Transpose of a rank-3 constant, perm [2,0,1]: out[i][j][k] = in[j][k][i].
  // in (flat, index order ijk) [0,0,0,0,1,3,2,4]: out[0] = in[.][.][0] = [0,0,1,2],
  // out[1] = in[.][.][1] = [0,0,3,4]: pads [0,0,1,2, 0,0,3,4] -> H 8+1+3 = 12, W 8+2+4 = 14.
  b.int64_initializer("t3", {2, 2, 2}, {0, 0, 0, 0, 1, 3, 2, 4});
  B::ints(b.node("Transpose", "tr3", {"t3"}, {"t3t"}), "perm", {2, 0, 1});
  b.node("Reshape", "tr3_flat", {"t3t", "flat"}, {"pads_t"});
  pad_probe(b, "transposed", "pads_t");
  // Slice of [[0,0,3,4,9],[0,0,1,2,9]]: axis 0 reversed (start -1, step -1),
  // axis 1 [0, -1) drops the 9s: [[0,0,1,2],[0,0,3,4]] -> H 12, W 14.
  b.int64_initializer("s2", {2, 5}, {0, 0, 3, 4, 9, 0, 0, 1, 2, 9});
  b.int64_initializer("starts", {2}, {-1, 0});
  b.int64_initializer("ends", {2}, {INT64_MIN, -1});
  b.int64_initializer("axes", {2}, {0, 1});
  b.int64_initializer("steps", {2}, {-1, 1});
  b.node("Slice", "sl", {"s2", "starts", "ends", "axes", "steps"}, {"s2s"});
  b.node("Reshape", "sl_flat", {"s2s", "flat"}, {"pads_s"});
  pad_probe(b, "sliced", "pads_s");
  // Gather on axis 1 of [[0,9,1,2],[0,9,3,4]] with indices [0,0,2,3]:
  // [[0,0,1,2],[0,0,3,4]] -> H 12, W 14.
  b.int64_initializer("g2", {2, 4}, {0, 9, 1, 2, 0, 9, 3, 4});
  b.int64_initializer("gi", {4}, {0, 0, 2, 3});
  B::integer(b.node("Gather", "ga", {"g2", "gi"}, {"g2g"}), "axis", 1);
  b.node("Reshape", "ga_flat", {"g2g", "flat"}, {"pads_g"});
  pad_probe(b, "gathered", "pads_g");
  // Reductions of m = [[1,5],[2,3]] (opset 13: ReduceSum's axes are an input,
  // the others' an attribute):
  //   ReduceMin axes [0] keepdims 0 -> [1,3];  ReduceMax axes [1] keepdims 0 -> [5,3];
  //   ReduceSum axes [0] keepdims 0 -> [3,8];  ReduceProd axes [1] keepdims 1 -> [[5],[6]].
  b.int64_initializer("m", {2, 2}, {1, 5, 2, 3});
  b.int64_initializer("ax0", {1}, {0});
  auto& rmin = b.node("ReduceMin", "rmin", {"m"}, {"mn"});
  B::ints(rmin, "axes", {0});
  B::integer(rmin, "keepdims", 0);
  auto& rmax = b.node("ReduceMax", "rmax", {"m"}, {"mx"});
  B::ints(rmax, "axes", {1});
  B::integer(rmax, "keepdims", 0);
  B::integer(b.node("ReduceSum", "rsum", {"m", "ax0"}, {"sm"}), "keepdims", 0);
  B::ints(b.node("ReduceProd", "rprod", {"m"}, {"pr2"}), "axes", {1});
  b.node("Reshape", "rprod_flat", {"pr2", "flat"}, {"pr"});
  // pads [0,0,1,3, 0,0,5,3] -> H 8+1+5 = 14, W 8+3+3 = 14.
  B::integer(b.node("Concat", "cat_a", {"z2", "mn", "z2", "mx"}, {"pads_a"}), "axis", 0);
  pad_probe(b, "min_max", "pads_a");
  // pads [0,0,3,8, 0,0,5,6] -> H 8+3+5 = 16, W 8+8+6 = 22.
  B::integer(b.node("Concat", "cat_b", {"z2", "sm", "z2", "pr"}, {"pads_b"}), "axis", 0);
  pad_probe(b, "sum_prod", "pads_b");
  // Concat of [2,2] constants on axis 1: [[0,0],[0,0]] ++ [[1,2],[3,4]] =
  // [[0,0,1,2],[0,0,3,4]] -> H 12, W 14.
  b.int64_initializer("zz", {2, 2}, {0, 0, 0, 0});
  b.int64_initializer("hw", {2, 2}, {1, 2, 3, 4});
  B::integer(b.node("Concat", "cat2d", {"zz", "hw"}, {"c2d"}), "axis", 1);
  b.node("Reshape", "cat2d_flat", {"c2d", "flat"}, {"pads_c"});
  pad_probe(b, "concat2d", "pads_c");
  // Split of [[0,0],[1,2],[0,0],[3,4]] on axis 0 into [2, 2]: the second part
  // [[0,0],[3,4]], flattened twice: pads [0,0,3,4, 0,0,3,4] -> H 8+3+3 = 14, W 8+4+4 = 16.
  b.int64_initializer("sp4", {4, 2}, {0, 0, 1, 2, 0, 0, 3, 4});
  b.int64_initializer("halves", {2}, {2, 2});
  b.node("Split", "split", {"sp4", "halves"}, {"first", "second"});
  b.node("Reshape", "second_flat", {"second", "flat"}, {"sec"});
  B::integer(b.node("Concat", "cat_sp", {"sec", "sec"}, {"pads_sp"}), "axis", 0);
  pad_probe(b, "split_part", "pads_sp");
  // Mod (fmod 0) takes the divisor's sign: [0,0,-6,-5, 0,0,-4,-3] mod 7 =
  // [0,0,1,2, 0,0,3,4] -> H 12, W 14.
  b.int64_initializer("negs", {8}, {0, 0, -6, -5, 0, 0, -4, -3});
  b.int64_initializer("seven", {1}, {7});
  b.node("Mod", "mod", {"negs", "seven"}, {"pads_m"});
  pad_probe(b, "modulo", "pads_m");
  // Shape -> Slice [2:4] -> ReduceProd (keepdims, all axes) -> Concat -> Reshape:
  // x2 [2,3,4,5] -> [-1, 4*5] = [6, 20] x weight [20,7]: fc N 6, C 20, M 7, 840 MACs.
  b.input("x2", {2, 3, 4, 5});
  b.initializer("w2", {20, 7});
  b.int64_initializer("two", {1}, {2});
  b.int64_initializer("four", {1}, {4});
  b.node("Shape", "shape", {"x2"}, {"sh"});
  b.node("Slice", "last2", {"sh", "two", "four"}, {"hw2"});
  b.node("ReduceProd", "area", {"hw2"}, {"a1"});
  B::integer(b.node("Concat", "target", {"flat", "a1"}, {"tgt"}), "axis", 0);
  b.node("Reshape", "rows", {"x2", "tgt"}, {"r"});
  b.node("MatMul", "mm", {"r", "w2"}, {"y"});
  const Network net = import(b, "int_fold.onnx");
  expect_layers(net, {probe("transposed", 12, 14),
                      probe("sliced", 12, 14),
                      probe("gathered", 12, 14),
                      probe("min_max", 14, 14),
                      probe("sum_prod", 16, 22),
                      probe("concat2d", 12, 14),
                      probe("split_part", 14, 16),
                      probe("modulo", 12, 14),
                      {"mm", "fc", 6, 20, 7, 1, 1, 1, 1, 1, 840}});
}

// Opset 18 gives every reduction its axes as an input.
TEST(OnnxForms, ReductionAxesAsAnInputFold) {
  B b("reduce18", 18);
  b.input("x", {1, 3, 8, 8});
  b.initializer("w", {4, 3, 1, 1});
  b.int64_initializer("m", {2, 2}, {1, 5, 2, 3});
  b.int64_initializer("ax1", {1}, {1});
  b.int64_initializer("z2", {2}, {0, 0});
  // ReduceProd(m, axes [1], keepdims 0) = [1*5, 2*3] = [5,6]; pads [0,0,5,6, 0,0,5,6]:
  // H 8+5+5 = 18, W 8+6+6 = 20.
  B::integer(b.node("ReduceProd", "rp", {"m", "ax1"}, {"p"}), "keepdims", 0);
  B::integer(b.node("Concat", "cat", {"z2", "p", "z2", "p"}, {"pads"}), "axis", 0);
  pad_probe(b, "probe", "pads");
  expect_layers(import(b, "reduce18.onnx"), {probe("probe", 18, 20)});
}

// A constant spad does not fold (ReduceSumSquare) on the way to a Pad: the
// error names that node, not a "symbolic batch dimension".
TEST(OnnxForms, AnUnfoldedConstantIsNamedAsTheCause) {
  B b("unfolded");
  b.input("x", {1, 3, 8, 8});
  b.initializer("w", {4, 3, 1, 1});
  b.int64_initializer("m", {8, 1}, {0, 0, 1, 1, 0, 0, 1, 1});
  auto& sq = b.node("ReduceSumSquare", "sq", {"m"}, {"pads"});
  B::ints(sq, "axes", {1});
  B::integer(sq, "keepdims", 0);
  pad_probe(b, "probe", "pads");
  expect_error(b, "unfolded.onnx",
               {"node \"probe\" (Conv)", "node \"sq\" (ReduceSumSquare)", "\"pads\"",
                "does not compute the values"});
}

// A MatMul or Gemm of two weights computes a weight: skipped with its MACs,
// its output still a weight for the layer that uses it.
TEST(OnnxForms, ProductsOfTwoWeightsAreSkippedWeightArithmetic) {
  B b("weight_product");
  b.input("g", {2, 4});
  b.initializer("wa", {4, 5});
  b.initializer("wb", {5, 3});
  b.initializer("wc", {3, 2});
  b.initializer("wd", {2, 6});
  b.node("MatMul", "w_product", {"wa", "wb"}, {"wab"});  // [4,3]
  b.node("Gemm", "fc", {"g", "wab"}, {"gy"});
  b.node("Gemm", "w_gemm", {"wc", "wd"}, {"wcd"});  // [3,6]
  b.node("MatMul", "fc2", {"gy", "wcd"}, {"y"});
  const Network net = import(b, "weight_product.onnx");
  // fc: [2,4] x [4,3]: N 2, C 4, M 3: 24 MACs; fc2: [2,3] x [3,6]: 2*3*6 = 36.
  expect_layers(
      net, {{"fc", "fc", 2, 4, 3, 1, 1, 1, 1, 1, 24}, {"fc2", "fc", 2, 3, 6, 1, 1, 1, 1, 1, 36}});
  ASSERT_EQ(net.skipped.size(), 2u);
  // w_product: [4,5] x [5,3]: 4*5*3 = 60 MACs; w_gemm: [3,2] x [2,6]: 3*2*6 = 36.
  EXPECT_EQ(net.skipped[0].node, "w_product");
  EXPECT_EQ(net.skipped[0].op, "MatMul");
  EXPECT_EQ(net.skipped[0].macs, Count{60});
  EXPECT_NE(net.skipped[0].reason.find("computes a weight from constants"), std::string::npos)
      << net.skipped[0].reason;
  EXPECT_EQ(net.skipped[1].node, "w_gemm");
  EXPECT_EQ(net.skipped[1].op, "Gemm");
  EXPECT_EQ(net.skipped[1].macs, Count{36});
}

TEST(OnnxForms, BadShapeArithmeticOnThePathNamesTheNode) {
  B b("bad_reshape");
  b.input("x", {1, 6, 4, 4});
  b.int64_initializer("target", {4}, {1, 5, 4, 4});
  b.initializer("w", {2, 5, 1, 1});
  b.node("Reshape", "rs", {"x", "target"}, {"r"});
  b.node("Conv", "c", {"r", "w"}, {"y"});
  expect_error(b, "bad_reshape.onnx",
               {"node \"c\" (Conv)", "input \"r\" has an unknown shape", "node \"rs\" (Reshape)",
                "cannot reshape [1, 6, 4, 4]"});
}

}  // namespace
}  // namespace spad
