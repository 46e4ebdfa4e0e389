// ONNX import: models built in code, each layer's every field derived by hand.
// Besides the hand derivations, every conv/fc layer is checked against ONNX's
// own shape inference: Layer(spec) must give the output shape [N, M, P, Q]
// (or [N, M] for fc) that ONNX infers for the node's output.
#include <gtest/gtest.h>
#include <onnx/defs/schema.h>
#include <onnx/shape_inference/implementation.h>

#include <map>
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
using testing::write_test_file;

LayerSpec conv(std::string name, Count N, Count C, Count M, Count H, Count W, Count R, Count S,
               Count stride_h, Count stride_w, Count dil_h, Count dil_w, Count top, Count left,
               Count bottom, Count right, Count groups) {
  LayerSpec s;
  s.name = std::move(name);
  s.N = N, s.C = C, s.M = M, s.H = H, s.W = W, s.R = R, s.S = S;
  s.stride_h = stride_h, s.stride_w = stride_w, s.dilation_h = dil_h, s.dilation_w = dil_w;
  s.pad_top = top, s.pad_left = left, s.pad_bottom = bottom, s.pad_right = right;
  s.groups = groups;
  return s;
}

LayerSpec fc(std::string name, Count N, Count C, Count M) {
  LayerSpec s;
  s.name = std::move(name);
  s.N = N, s.C = C, s.M = M;
  return s;
}

void expect_layer(const NetworkLayer& got, const LayerSpec& spec, const std::string& kind,
                  bool bias) {
  EXPECT_EQ(got.spec, spec) << "layer " << spec.name;
  EXPECT_EQ(layer_kind_name(got.kind), kind) << "layer " << spec.name;
  EXPECT_EQ(got.bias, bias) << "layer " << spec.name;
}

// ONNX's inferred output shape of every imported layer's node equals what
// Layer derives ([N, M, P, Q] for conv, [N, M] for fc); `batch` replaces a
// symbolic dim 0.
void expect_agrees_with_onnx(onnx::ModelProto model, const Network& net, Count batch) {
  onnx::shape_inference::InferShapes(model);
  std::map<std::string, std::vector<Count>> shapes;
  for (const auto& vi : model.graph().value_info()) {
    std::vector<Count> dims;
    for (const auto& d : vi.type().tensor_type().shape().dim())
      dims.push_back(d.has_dim_value() ? d.dim_value() : batch);
    shapes[vi.name()] = dims;
  }
  for (const auto& vi : model.graph().output()) {
    if (shapes.count(vi.name())) continue;
    std::vector<Count> dims;
    for (const auto& d : vi.type().tensor_type().shape().dim())
      dims.push_back(d.has_dim_value() ? d.dim_value() : batch);
    shapes[vi.name()] = dims;
  }
  std::size_t checked = 0;
  for (int i = 0; i < model.graph().node_size(); ++i) {
    const onnx::NodeProto& node = model.graph().node(i);
    const std::string name =
        node.name().empty() ? node.op_type() + "_" + std::to_string(i) : node.name();
    for (const NetworkLayer& l : net.layers) {
      if (l.spec.name != name) continue;
      const Layer layer(l.spec);
      const std::vector<Count> want =
          l.kind == LayerKind::conv ? std::vector<Count>{l.spec.N, l.spec.M, layer.P(), layer.Q()}
                                    : std::vector<Count>{l.spec.N, l.spec.M};
      EXPECT_EQ(shapes[node.output(0)], want) << "node " << name;
      ++checked;
    }
  }
  EXPECT_EQ(checked, net.layers.size());
}

// (a) Depthwise-separable block and a strided 1x1.
onnx::ModelProto depthwise_separable_model() {
  OnnxModelBuilder b("dw_block");
  b.input("x", {1, 32, 56, 56});
  b.initializer("w_dw", {32, 1, 3, 3});
  b.initializer("b_dw", {32});
  b.initializer("w_pw", {64, 32, 1, 1});
  b.initializer("w_down", {128, 64, 1, 1});
  auto& dw = b.node("Conv", "dw", {"x", "w_dw", "b_dw"}, {"y0"});
  OnnxModelBuilder::integer(dw, "group", 32);
  OnnxModelBuilder::ints(dw, "kernel_shape", {3, 3});
  OnnxModelBuilder::ints(dw, "pads", {1, 1, 1, 1});
  OnnxModelBuilder::ints(dw, "strides", {1, 1});
  b.node("Relu", "relu1", {"y0"}, {"y1"});
  b.node("Conv", "pw", {"y1", "w_pw"}, {"y2"});               // kernel from the initializer's dims
  auto& down = b.node("Conv", "", {"y2", "w_down"}, {"y3"});  // unnamed: "Conv_3"
  OnnxModelBuilder::ints(down, "strides", {2, 2});
  b.node("Relu", "relu2", {"y3"}, {"out"});
  b.output("out");
  return b.model();
}

TEST(OnnxImport, DepthwiseSeparableBlock) {
  const onnx::ModelProto model = depthwise_separable_model();
  const std::string path = write_test_file("dw_block.onnx", model.SerializeAsString());
  const Network net = read_onnx_network(path, std::nullopt);
  EXPECT_EQ(net.model, "dw_block");
  EXPECT_EQ(net.source, path);
  ASSERT_EQ(net.layers.size(), 3u);
  // dw: x [1,32,56,56], w [32,1,3,3], group 32 (depthwise), pads 1 all round,
  // stride 1: P = Q = (56+1+1-3)/1+1 = 56. Bias: third input b_dw.
  expect_layer(net.layers[0], conv("dw", 1, 32, 32, 56, 56, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 32),
               "conv", true);
  // pw: [1,32,56,56] -> w [64,32,1,1] (kernel 1x1 from the initializer dims), no pads.
  expect_layer(net.layers[1], conv("pw", 1, 32, 64, 56, 56, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1),
               "conv", false);
  // Node 3 has no name -> "Conv_3": [1,64,56,56] -> w [128,64,1,1], stride 2: P = Q = 28.
  expect_layer(net.layers[2], conv("Conv_3", 1, 64, 128, 56, 56, 1, 1, 2, 2, 1, 1, 0, 0, 0, 0, 1),
               "conv", false);
  EXPECT_EQ(net.not_scheduled, (std::map<std::string, Count>{{"Relu", 2}}));
  ASSERT_TRUE(net.input.has_value());
  EXPECT_EQ(net.input->N, 1);
  EXPECT_EQ(net.input->C, 32);
  EXPECT_EQ(net.input->H, 56);
  EXPECT_EQ(net.input->W, 56);
  expect_agrees_with_onnx(model, net, 1);
}

// --batch replaces a fixed batch too (the model runs at batch 8; before,
// the importer kept 1 and load_network overwrote every N), and says so.
TEST(OnnxImport, BatchOptionReplacesTheModelsFixedBatch) {
  const std::string path =
      write_test_file("dw_block_batch.onnx", depthwise_separable_model().SerializeAsString());
  const Network net = read_onnx_network(path, Count{8});
  ASSERT_EQ(net.layers.size(), 3u);
  for (const NetworkLayer& l : net.layers) EXPECT_EQ(l.spec.N, 8) << l.spec.name;
  ASSERT_EQ(net.warnings.size(), 1u);
  EXPECT_NE(net.warnings[0].find("--batch 8 replaced the fixed batch (dim 0)"), std::string::npos)
      << net.warnings[0];
  const Network own = read_onnx_network(path, std::nullopt);
  for (const NetworkLayer& l : own.layers) EXPECT_EQ(l.spec.N, 1) << l.spec.name;
}

// (b) Grouped conv, then 7x1 and 1x7 kernels with asymmetric pads and unequal
// strides: tests the axis convention (dim 2 / x1 = height = R, dim 3 / x2 = width = S).
onnx::ModelProto grouped_and_factorized_model() {
  OnnxModelBuilder b("factorized");
  b.input("x", {2, 16, 35, 33});
  b.input("w17", {24, 24, 1, 7});  // weight as a graph input with a declared shape
  b.input("b17", {24});
  b.initializer("w_g", {32, 8, 3, 3});
  b.initializer("w71", {24, 32, 7, 1});
  auto& g = b.node("Conv", "grouped", {"x", "w_g"}, {"g"});
  OnnxModelBuilder::integer(g, "group", 2);
  OnnxModelBuilder::ints(g, "kernel_shape", {3, 3});
  OnnxModelBuilder::ints(g, "pads", {1, 1, 1, 1});
  auto& k71 = b.node("Conv", "k7x1", {"g", "w71"}, {"h"});
  OnnxModelBuilder::ints(k71, "kernel_shape", {7, 1});
  OnnxModelBuilder::ints(k71, "pads", {3, 0, 2, 1});  // top 3, left 0, bottom 2, right 1
  OnnxModelBuilder::ints(k71, "strides", {2, 1});     // h 2, w 1
  auto& k17 = b.node("Conv", "k1x7", {"h", "w17", "b17"}, {"out"});  // kernel from w17's shape
  OnnxModelBuilder::ints(k17, "pads", {0, 2, 1, 3});  // top 0, left 2, bottom 1, right 3
  OnnxModelBuilder::ints(k17, "strides", {1, 3});     // h 1, w 3
  OnnxModelBuilder::ints(k17, "dilations", {1, 2});   // h 1, w 2
  b.output("out");
  return b.model();
}

TEST(OnnxImport, GroupedAndFactorizedKernelsKeepTheAxisConvention) {
  const onnx::ModelProto model = grouped_and_factorized_model();
  const std::string path = write_test_file("factorized.onnx", model.SerializeAsString());
  const Network net = read_onnx_network(path, std::nullopt);
  ASSERT_EQ(net.layers.size(), 3u);
  // grouped: x [2,16,35,33], w [32,8,3,3] (C/group = 8), group 2, pads 1:
  // P = 35+2-3+1 = 35, Q = 33+2-3+1 = 33 -> [2,32,35,33].
  expect_layer(net.layers[0], conv("grouped", 2, 16, 32, 35, 33, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 2),
               "conv", false);
  // k7x1: kernel_shape [7,1] -> R = 7 (height), S = 1; strides [2,1] -> stride_h 2;
  // pads [3,0,2,1] -> top 3, left 0, bottom 2, right 1.
  // P = (35+3+2-7)/2+1 = 17, Q = (33+0+1-1)/1+1 = 34 -> [2,24,17,34].
  expect_layer(net.layers[1], conv("k7x1", 2, 32, 24, 35, 33, 7, 1, 2, 1, 1, 1, 3, 0, 2, 1, 1),
               "conv", false);
  // k1x7: w17 [24,24,1,7] -> R = 1, S = 7; strides [1,3]; dilations [1,2];
  // pads [0,2,1,3] -> top 0, left 2, bottom 1, right 3. Bias b17.
  // P = (17+0+1-1)/1+1 = 18; dilated width 2*6+1 = 13: Q = (34+2+3-13)/3+1 = 9.
  expect_layer(net.layers[2], conv("k1x7", 2, 24, 24, 17, 34, 1, 7, 1, 3, 1, 2, 0, 2, 1, 3, 1),
               "conv", true);
  EXPECT_TRUE(net.not_scheduled.empty());
  const Layer last(net.layers[2].spec);
  EXPECT_EQ(last.P(), 18);
  EXPECT_EQ(last.Q(), 9);
  expect_agrees_with_onnx(model, net, 2);
}

// (c) SAME_UPPER / SAME_LOWER with stride 2 and odd total pads, a Gemm
// (transB = 1) and a MatMul, all weights graph inputs (no initializers), a
// symbolic batch, ops that are not scheduled, and a MatMul of two activations.
// A graph input is not a weight (DESIGN: a weight is computed from
// initializers and constants alone), so the Gemm and MatMul on w_fc1 / w_fc2
// are "matmul" layers of the same shape an fc layer would have.
onnx::ModelProto same_pads_and_fc_model() {
  OnnxModelBuilder b("same_fc");
  b.input("x", {std::string("batch"), 3, 31, 32});
  b.input("w1", {8, 3, 4, 4});
  b.input("w2", {8, 8, 3, 2});
  b.input("w_fc1", {64, 128});
  b.input("b_fc1", {64});
  b.input("w_fc2", {64, 10});
  b.input("b_fc2", {10});
  auto& up = b.node("Conv", "same_up", {"x", "w1"}, {"c1"});
  OnnxModelBuilder::text(up, "auto_pad", "SAME_UPPER");
  OnnxModelBuilder::ints(up, "strides", {2, 2});
  OnnxModelBuilder::ints(up, "kernel_shape", {4, 4});
  b.node("Relu", "relu", {"c1"}, {"r1"});
  auto& low = b.node("Conv", "same_low", {"r1", "w2"}, {"c2"});
  OnnxModelBuilder::text(low, "auto_pad", "SAME_LOWER");
  OnnxModelBuilder::ints(low, "strides", {2, 2});
  auto& pool = b.node("MaxPool", "pool", {"c2"}, {"p"});
  OnnxModelBuilder::ints(pool, "kernel_shape", {2, 2});
  OnnxModelBuilder::ints(pool, "strides", {2, 2});
  b.node("Flatten", "flat", {"p"}, {"f"});
  auto& fc1 = b.node("Gemm", "fc1", {"f", "w_fc1", "b_fc1"}, {"h1"});
  OnnxModelBuilder::integer(fc1, "transB", 1);
  b.node("MatMul", "fc2", {"h1", "w_fc2"}, {"h2"});
  b.node("Add", "add", {"h2", "b_fc2"}, {"logits"});
  auto& t = b.node("Transpose", "h1_t", {"h1"}, {"h1t"});
  OnnxModelBuilder::ints(t, "perm", {1, 0});
  b.node("MatMul", "gram", {"h1", "h1t"}, {"g"});  // two activations: not an FC layer
  b.output("logits");
  b.output("g");
  return b.model();
}

TEST(OnnxImport, SamePaddingGemmMatMulAndSymbolicBatch) {
  const onnx::ModelProto model = same_pads_and_fc_model();
  ASSERT_EQ(model.graph().initializer_size(), 0);
  const std::string path = write_test_file("same_fc.onnx", model.SerializeAsString());
  const Network net = read_onnx_network(path, Count{4});
  ASSERT_EQ(net.layers.size(), 5u);
  // same_up: H 31, W 32, kernel 4x4, stride 2. Height: out = ceil(31/2) = 16,
  // total = (16-1)*2 + 4 - 31 = 3 (odd): SAME_UPPER puts the extra at the end:
  // top 1, bottom 2. Width: out = 16, total = 30 + 4 - 32 = 2: left 1, right 1.
  // Batch is symbolic ("batch") -> N = 4 from the option.
  expect_layer(net.layers[0], conv("same_up", 4, 3, 8, 31, 32, 4, 4, 2, 2, 1, 1, 1, 1, 2, 1, 1),
               "conv", false);
  // same_low: [4,8,16,16], w2 [8,8,3,2] -> R 3, S 2, stride 2. Height: out 8,
  // total = 7*2 + 3 - 16 = 1: SAME_LOWER puts it at the beginning: top 1, bottom 0.
  // Width: total = 14 + 2 - 16 = 0. P = (16+1-3)/2+1 = 8, Q = (16-2)/2+1 = 8.
  expect_layer(net.layers[1], conv("same_low", 4, 8, 8, 16, 16, 3, 2, 2, 2, 1, 1, 1, 0, 0, 0, 1),
               "conv", false);
  // MaxPool -> [4,8,4,4], Flatten -> [4,128]. fc1: Gemm(f, w_fc1 [64,128], transB = 1)
  // -> C = 128 inputs, M = 64 outputs, N = 4 rows; bias b_fc1.
  expect_layer(net.layers[2], fc("fc1", 4, 128, 64), "matmul", true);
  // fc2: MatMul(h1 [4,64], w_fc2 [64,10]) -> C 64, M 10; its bias is the separate Add.
  expect_layer(net.layers[3], fc("fc2", 4, 64, 10), "matmul", false);
  // gram: h1 [4,64] x h1t [64,4] (the symbolic batch is 4 everywhere): n 4, c 64, m 4, G 1.
  expect_layer(net.layers[4], fc("gram", 4, 64, 4), "matmul", false);
  EXPECT_EQ(net.not_scheduled,
            (std::map<std::string, Count>{
                {"Add", 1}, {"Flatten", 1}, {"MaxPool", 1}, {"Relu", 1}, {"Transpose", 1}}));
  ASSERT_TRUE(net.input.has_value());
  EXPECT_EQ(net.input->N, 4);
  EXPECT_EQ(net.input->C, 3);
  EXPECT_EQ(net.input->H, 31);
  EXPECT_EQ(net.input->W, 32);
  expect_agrees_with_onnx(model, net, 4);
}

// (d) Fully-connected variants: Gemm with transB = 0 and initializers, Gemm
// with transA = 1, a MatMul whose weight is a Constant node's output.
TEST(OnnxImport, GemmTransposesAndConstantWeights) {
  OnnxModelBuilder b("fc_variants");
  b.input("x", {6, 20});
  b.initializer("w0", {20, 30});  // transB = 0: [K, M] = [20, 30]
  b.initializer("w1", {30, 12});
  b.node("Gemm", "g0", {"x", "w0"}, {"y0"});
  auto& t = b.node("Transpose", "t", {"y0"}, {"y0t"});  // [30, 6]
  OnnxModelBuilder::ints(t, "perm", {1, 0});
  auto& g1 = b.node("Gemm", "g1", {"y0t", "w1", ""}, {"y1"});  // empty optional bias input
  OnnxModelBuilder::integer(g1, "transA", 1);                  // A^T = [6, 30]
  auto& c = b.node("Constant", "cw", {}, {"w2"});
  onnx::AttributeProto* value = c.add_attribute();
  value->set_name("value");
  value->set_type(onnx::AttributeProto::TENSOR);
  value->mutable_t()->set_data_type(onnx::TensorProto::FLOAT);
  value->mutable_t()->add_dims(12);
  value->mutable_t()->add_dims(5);
  for (int i = 0; i < 60; ++i) value->mutable_t()->add_float_data(0.0f);
  b.node("MatMul", "", {"y1", "w2"}, {"out"});  // unnamed node 4: "MatMul_4"
  b.output("out");
  const std::string path = write_test_file("fc_variants.onnx", b.bytes());
  const Network net = read_onnx_network(path, std::nullopt);
  ASSERT_EQ(net.layers.size(), 3u);
  // g0: [6,20] x [20,30] -> N 6, C 20, M 30, no bias.
  expect_layer(net.layers[0], fc("g0", 6, 20, 30), "fc", false);
  // g1: A = y0t [30,6] with transA -> [6,30]; B [30,12] -> N 6, C 30, M 12; bias "" = none.
  expect_layer(net.layers[1], fc("g1", 6, 30, 12), "fc", false);
  // MatMul_4: [6,12] x Constant [12,5] -> N 6, C 12, M 5.
  expect_layer(net.layers[2], fc("MatMul_4", 6, 12, 5), "fc", false);
  EXPECT_EQ(net.not_scheduled, (std::map<std::string, Count>{{"Constant", 1}, {"Transpose", 1}}));
  EXPECT_FALSE(net.input.has_value());  // a 2-D input is not an image
  expect_agrees_with_onnx(b.model(), net, 6);
}

TEST(OnnxImport, OpsOutsideTheDefaultDomainAreListedWithTheirDomain) {
  OnnxModelBuilder b("custom");
  b.input("x", {1, 3, 8, 8});
  b.initializer("w", {4, 3, 3, 3});
  b.model().add_opset_import()->set_domain("com.example");
  b.model().mutable_opset_import(1)->set_version(1);
  auto& custom = b.node("Conv", "fancy", {"x", "w"}, {"y"});
  custom.set_domain("com.example");
  b.node("Conv", "plain", {"x", "w"}, {"z"});
  const Network net = read_onnx_network(write_test_file("custom.onnx", b.bytes()), std::nullopt);
  ASSERT_EQ(net.layers.size(), 1u);
  expect_layer(net.layers[0], conv("plain", 1, 3, 4, 8, 8, 3, 3, 1, 1, 1, 1, 0, 0, 0, 0, 1), "conv",
               false);
  EXPECT_EQ(net.not_scheduled, (std::map<std::string, Count>{{"com.example.Conv", 1}}));
}

TEST(OnnxImport, ValidAutoPadMeansNoPadding) {
  OnnxModelBuilder b("valid");
  b.input("x", {1, 3, 10, 9});
  b.initializer("w", {4, 3, 3, 2});
  auto& n = b.node("Conv", "v", {"x", "w"}, {"y"});
  OnnxModelBuilder::text(n, "auto_pad", "VALID");
  OnnxModelBuilder::ints(n, "strides", {3, 2});
  const Network net = read_onnx_network(write_test_file("valid.onnx", b.bytes()), std::nullopt);
  ASSERT_EQ(net.layers.size(), 1u);
  // P = (10-3)/3+1 = 3, Q = (9-2)/2+1 = 4; no padding.
  expect_layer(net.layers[0], conv("v", 1, 3, 4, 10, 9, 3, 2, 3, 2, 1, 1, 0, 0, 0, 0, 1), "conv",
               false);
  expect_agrees_with_onnx(b.model(), net, 1);
}

// The --model FILE.onnx path: load_network passes --batch to the importer,
// which sets the graph input's symbolic batch; this CNN's layers (and its fc
// after Flatten) then have N = 3. onnx_batch_test has sequences and heads.
TEST(OnnxImport, LoadNetworkReadsOnnxFilesWithTheBatch) {
  const std::string path =
      write_test_file("same_fc_source.onnx", same_pads_and_fc_model().SerializeAsString());
  const Network net = load_network(path, NetworkLoadOptions{Count{3}});
  ASSERT_EQ(net.layers.size(), 5u);
  for (const NetworkLayer& l : net.layers) EXPECT_EQ(l.spec.N, 3) << l.spec.name;
  EXPECT_EQ(net.not_scheduled.at("MaxPool"), 1);
  EXPECT_THROW(load_network(path, NetworkLoadOptions{}), UserError);
}

}  // namespace
}  // namespace spad
