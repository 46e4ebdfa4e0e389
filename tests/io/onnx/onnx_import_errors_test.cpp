// ONNX import must fail with a specific UserError (naming the file, the node
// and the attribute) on bad files and on graphs spad cannot schedule.
#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <random>
#include <string>

#include "base/error.hpp"
#include "io/onnx/onnx_network.hpp"
#include "onnx_model_builder.hpp"

namespace spad {
namespace {

using testing::OnnxModelBuilder;
using testing::write_test_file;

// Expects read_onnx_network(path, batch) to throw a UserError whose message
// starts with the path and contains every one of `parts`.
void expect_user_error(const std::string& path, std::optional<Count> batch,
                       const std::vector<std::string>& parts) {
  try {
    read_onnx_network(path, batch);
    ADD_FAILURE() << "no error for " << path;
  } catch (const UserError& e) {
    const std::string what = e.what();
    ::testing::Test::RecordProperty("message", what);  // shown in --gtest_output=xml
    EXPECT_EQ(what.rfind(path, 0), 0u) << "message does not start with the path: " << what;
    for (const std::string& p : parts)
      EXPECT_NE(what.find(p), std::string::npos) << "missing \"" << p << "\" in: " << what;
  }
}

// One Conv "c" on input x of `x_shape` with an initializer weight of `w_dims`;
// `attrs` adds attributes. Returns the written file's path.
std::string one_conv(const std::string& file, const testing::OnnxTestShape& x_shape,
                     const std::vector<std::int64_t>& w_dims,
                     const std::function<void(onnx::NodeProto&)>& attrs) {
  OnnxModelBuilder b("one_conv");
  b.input("x", x_shape);
  b.initializer("w", w_dims);
  attrs(b.node("Conv", "c", {"x", "w"}, {"y"}));
  b.output("y");
  return write_test_file(file, b.bytes());
}

std::string valid_model_bytes() {
  OnnxModelBuilder b("ok");
  b.input("x", {1, 3, 16, 16});
  b.initializer("w", {8, 3, 3, 3});
  b.node("Conv", "c", {"x", "w"}, {"y"});
  b.output("y");
  return b.bytes();
}

TEST(OnnxImportErrors, MissingFile) {
  const std::string path = (testing::onnx_test_dir() / "does_not_exist.onnx").string();
  expect_user_error(path, std::nullopt, {"no such file"});
}

TEST(OnnxImportErrors, TruncatedFile) {
  const std::string bytes = valid_model_bytes();
  const std::string path = write_test_file("truncated.onnx", bytes.substr(0, bytes.size() / 2));
  expect_user_error(path, std::nullopt, {"not a valid ONNX model", "truncated"});
}

TEST(OnnxImportErrors, RandomBytes) {
  std::mt19937 rng(12345);
  std::string bytes(4096, '\0');
  for (char& c : bytes) c = static_cast<char>(rng() & 0xff);
  expect_user_error(write_test_file("random.onnx", bytes), std::nullopt,
                    {"not a valid ONNX model"});
}

TEST(OnnxImportErrors, TextFile) {
  const std::string path = write_test_file(
      "text.onnx", "{\"model\": \"resnet50\", \"layers\": []}\nThis is a text file.\n");
  expect_user_error(path, std::nullopt, {"not a valid ONNX model"});
}

TEST(OnnxImportErrors, EmptyFile) {
  expect_user_error(write_test_file("empty.onnx", ""), std::nullopt,
                    {"not a valid ONNX model", "empty"});
}

TEST(OnnxImportErrors, EmptyGraph) {
  OnnxModelBuilder b("nothing");
  b.input("x", {1, 3, 8, 8});
  expect_user_error(write_test_file("empty_graph.onnx", b.bytes()), std::nullopt,
                    {"graph \"nothing\" has no nodes"});
}

TEST(OnnxImportErrors, NoDefaultOpset) {
  OnnxModelBuilder b("no_opset");
  b.model().mutable_opset_import(0)->set_domain("com.example");
  b.input("x", {1, 3, 8, 8});
  b.node("Relu", "r", {"x"}, {"y"});
  expect_user_error(write_test_file("no_opset.onnx", b.bytes()), std::nullopt,
                    {"opset", "default ONNX domain"});
}

TEST(OnnxImportErrors, ConvWithoutKernelInformation) {
  OnnxModelBuilder b("no_kernel");
  b.input("x", {1, 3, 8, 8});
  b.input_unshaped("w");  // a weight input without a shape, and no kernel_shape
  b.node("Conv", "mystery", {"x", "w"}, {"y"});
  expect_user_error(write_test_file("no_kernel.onnx", b.bytes()), std::nullopt,
                    {"node \"mystery\" (Conv)", "no kernel information", "kernel_shape",
                     "weight \"w\" has an unknown shape"});
}

TEST(OnnxImportErrors, GroupsNotDividingChannels) {
  const std::string path =
      one_conv("groups.onnx", {1, 6, 8, 8}, {8, 1, 3, 3},
               [](onnx::NodeProto& n) { OnnxModelBuilder::integer(n, "group", 4); });
  expect_user_error(path, std::nullopt,
                    {"node \"c\" (Conv)",
                     "attribute group = 4 does not divide the input "
                     "channels C = 6"});
}

TEST(OnnxImportErrors, GroupsNotDividingOutputChannels) {
  const std::string path =
      one_conv("groups_m.onnx", {1, 6, 8, 8}, {8, 2, 3, 3},
               [](onnx::NodeProto& n) { OnnxModelBuilder::integer(n, "group", 3); });
  expect_user_error(path, std::nullopt,
                    {"node \"c\" (Conv)", "group = 3 does not divide the output channels M = 8"});
}

TEST(OnnxImportErrors, WeightChannelsDisagreeWithGroup) {
  const std::string path =
      one_conv("w_channels.onnx", {1, 6, 8, 8}, {8, 6, 3, 3},
               [](onnx::NodeProto& n) { OnnxModelBuilder::integer(n, "group", 2); });
  expect_user_error(path, std::nullopt,
                    {"node \"c\" (Conv)", "dim 1 (C/group) = 6", "so C/group = 3"});
}

TEST(OnnxImportErrors, NegativePads) {
  const std::string path =
      one_conv("neg_pads.onnx", {1, 3, 8, 8}, {8, 3, 3, 3}, [](onnx::NodeProto& n) {
        OnnxModelBuilder::ints(n, "pads", {1, -1, 1, 1});
      });
  expect_user_error(path, std::nullopt,
                    {"node \"c\" (Conv)", "attribute pads = [1, -1, 1, 1]", "negative padding"});
}

TEST(OnnxImportErrors, PadsOfTheWrongLength) {
  const std::string path =
      one_conv("short_pads.onnx", {1, 3, 8, 8}, {8, 3, 3, 3}, [](onnx::NodeProto& n) {
        OnnxModelBuilder::ints(n, "pads", {1, 1});
      });
  expect_user_error(path, std::nullopt, {"attribute pads = [1, 1]", "needs 4 values"});
}

TEST(OnnxImportErrors, ZeroStride) {
  const std::string path =
      one_conv("zero_stride.onnx", {1, 3, 8, 8}, {8, 3, 3, 3}, [](onnx::NodeProto& n) {
        OnnxModelBuilder::ints(n, "strides", {1, 0});
      });
  expect_user_error(path, std::nullopt, {"attribute strides = [1, 0]", "positive"});
}

// ONNX 1.12's own shape inference divides by the stride: a zero stride on a
// pooling node (never scheduled) must not crash either; the pool's output
// shape stays unknown and the conv after it says so.
TEST(OnnxImportErrors, ZeroStrideOnAPoolBeforeAConv) {
  OnnxModelBuilder b("zero_pool_stride");
  b.input("x", {1, 3, 8, 8});
  b.initializer("w", {8, 3, 3, 3});
  auto& pool = b.node("MaxPool", "pool", {"x"}, {"p"});
  OnnxModelBuilder::ints(pool, "kernel_shape", {2, 2});
  OnnxModelBuilder::ints(pool, "strides", {0, 2});
  b.node("Conv", "c", {"p", "w"}, {"y"});
  expect_user_error(write_test_file("zero_pool_stride.onnx", b.bytes()), std::nullopt,
                    {"node \"c\" (Conv)",
                     "input \"p\" has an unknown shape after shape inference (output of node "
                     "\"pool\" (MaxPool))"});
}

// A weight whose rank differs from the input's made ONNX 1.12 read past its arrays.
TEST(OnnxImportErrors, WeightRankDiffersFromInputRank) {
  OnnxModelBuilder b("rank_mismatch");
  b.input("x", {1, 3, 8, 8});
  b.initializer("w", {8, 3, 3, 3, 3});
  b.node("Conv", "c", {"x", "w"}, {"y"});
  expect_user_error(write_test_file("rank_mismatch.onnx", b.bytes()), std::nullopt,
                    {"node \"c\" (Conv)", "weight \"w\" has shape [8, 3, 3, 3, 3] (rank 5)",
                     "input \"x\" has shape [1, 3, 8, 8] (rank 4)"});
}

TEST(OnnxImportErrors, AttributeOfTheWrongType) {
  const std::string path =
      one_conv("int_strides.onnx", {1, 3, 8, 8}, {8, 3, 3, 3},
               [](onnx::NodeProto& n) { OnnxModelBuilder::integer(n, "strides", 2); });
  expect_user_error(path, std::nullopt, {"attribute strides", "(INTS)", "INT"});
}

TEST(OnnxImportErrors, UnknownAutoPad) {
  const std::string path =
      one_conv("auto_pad.onnx", {1, 3, 8, 8}, {8, 3, 3, 3},
               [](onnx::NodeProto& n) { OnnxModelBuilder::text(n, "auto_pad", "SAME"); });
  expect_user_error(path, std::nullopt, {"attribute auto_pad = \"SAME\"", "SAME_UPPER"});
}

TEST(OnnxImportErrors, AutoPadTogetherWithPads) {
  const std::string path =
      one_conv("auto_and_pads.onnx", {1, 3, 8, 8}, {8, 3, 3, 3}, [](onnx::NodeProto& n) {
        OnnxModelBuilder::text(n, "auto_pad", "SAME_UPPER");
        OnnxModelBuilder::ints(n, "pads", {1, 1, 1, 1});
      });
  expect_user_error(path, std::nullopt, {"pads", "auto_pad = SAME_UPPER", "only one"});
}

TEST(OnnxImportErrors, KernelShapeDisagreesWithWeight) {
  const std::string path =
      one_conv("kernel_mismatch.onnx", {1, 3, 8, 8}, {8, 3, 3, 3}, [](onnx::NodeProto& n) {
        OnnxModelBuilder::ints(n, "kernel_shape", {3, 5});
      });
  expect_user_error(path, std::nullopt, {"kernel_shape = [3, 5] disagrees with weight \"w\""});
}

// A 1-D input with a 2-D kernel_shape: the sources of the spatial rank disagree.
TEST(OnnxImportErrors, KernelShapeRankDisagreesWithTheInput) {
  const std::string path =
      one_conv("conv1d_k2.onnx", {1, 3, 32}, {8, 3, 3}, [](onnx::NodeProto& n) {
        OnnxModelBuilder::ints(n, "kernel_shape", {3, 3});
      });
  expect_user_error(path, std::nullopt,
                    {"node \"c\" (Conv)", "weight \"w\" has shape [8, 3, 3] gives 1 spatial axes",
                     "kernel_shape = [3, 3] gives 2"});
}

// A model whose only arithmetic node is a 3-D conv has nothing to schedule;
// the message lists the skipped node and why.
TEST(OnnxImportErrors, OnlyAThreeDimensionalConv) {
  const std::string path =
      one_conv("conv3d.onnx", {1, 3, 8, 8, 8}, {8, 3, 3, 3, 3}, [](onnx::NodeProto&) {});
  expect_user_error(path, std::nullopt,
                    {"among the 1 nodes (not scheduled: \"c\" (Conv: 3-D convolution: spad "
                     "schedules 1-D and 2-D convolutions)): there is nothing to schedule"});
}

// A Conv fed by an op spad has no rule for, whose shape neither the file nor
// ONNX inference gives: the message names the node, the op and the tensor.
TEST(OnnxImportErrors, UnknownOpOnThePathToALayer) {
  OnnxModelBuilder b("custom_op");
  b.model().add_opset_import()->set_domain("com.example");
  b.model().mutable_opset_import(1)->set_version(1);
  b.input("x", {1, 3, 8, 8});
  b.initializer("w", {8, 3, 3, 3});
  b.node("Warp", "warp", {"x"}, {"t"}).set_domain("com.example");
  b.node("Conv", "c", {"t", "w"}, {"y"});
  expect_user_error(write_test_file("custom_op.onnx", b.bytes()), std::nullopt,
                    {"node \"c\" (Conv)", "input \"t\" has an unknown shape",
                     "node \"warp\" (com.example.Warp)", "no shape rule for com.example.Warp"});
}

TEST(OnnxImportErrors, SymbolicSpatialSizes) {
  const std::string path = one_conv("symbolic_hw.onnx", {1, 3, std::string("h"), std::string("w")},
                                    {8, 3, 3, 3}, [](onnx::NodeProto&) {});
  expect_user_error(
      path, Count{1},
      {"node \"c\" (Conv)", "input \"x\" has shape [1, 3, 'h', 'w']", "height (dim 2)", "fixed"});
}

TEST(OnnxImportErrors, KernelLargerThanPaddedInput) {
  const std::string path =
      one_conv("big_kernel.onnx", {1, 3, 4, 4}, {8, 3, 7, 7}, [](onnx::NodeProto& n) {
        n.set_name("big");
        OnnxModelBuilder::ints(n, "pads", {1, 1, 1, 1});
      });
  expect_user_error(
      path, std::nullopt,
      {"node \"big\" (Conv): ", "kernel extent along h (7", "larger than the padded input (6)"});
}

TEST(OnnxImportErrors, SymbolicBatchWithoutBatchOption) {
  const std::string path = one_conv("symbolic_batch.onnx", {std::string("N"), 3, 8, 8},
                                    {8, 3, 3, 3}, [](onnx::NodeProto&) {});
  expect_user_error(
      path, std::nullopt,
      {"node \"c\" (Conv)", "input tensor \"x\"", "symbolic batch dimension 'N'", "--batch N"});
  expect_user_error(path, Count{0}, {"batch = 0", "positive"});
}

TEST(OnnxImportErrors, UnknownBatchDimension) {
  const std::string path = one_conv("unknown_batch.onnx", {std::string(""), 3, 8, 8}, {8, 3, 3, 3},
                                    [](onnx::NodeProto&) {});
  expect_user_error(path, std::nullopt,
                    {"input tensor \"x\"", "unknown batch dimension", "--batch N"});
}

TEST(OnnxImportErrors, GemmOperandsDisagree) {
  OnnxModelBuilder b("gemm_k");
  b.input("x", {2, 20});
  b.initializer("w", {30, 21});
  auto& g = b.node("Gemm", "fc", {"x", "w"}, {"y"});
  OnnxModelBuilder::integer(g, "transB", 1);
  expect_user_error(write_test_file("gemm_k.onnx", b.bytes()), std::nullopt,
                    {"node \"fc\" (Gemm)", "operands disagree", "transB = 1"});
}

TEST(OnnxImportErrors, GemmWithBadTranspose) {
  OnnxModelBuilder b("gemm_t");
  b.input("x", {2, 20});
  b.initializer("w", {20, 30});
  auto& g = b.node("Gemm", "fc", {"x", "w"}, {"y"});
  OnnxModelBuilder::integer(g, "transA", 2);
  expect_user_error(write_test_file("gemm_t.onnx", b.bytes()), std::nullopt,
                    {"node \"fc\" (Gemm)", "attribute transA = 2", "0 or 1"});
}

TEST(OnnxImportErrors, NothingToSchedule) {
  OnnxModelBuilder b("relus");
  b.input("x", {1, 3, 8, 8});
  b.node("Relu", "r1", {"x"}, {"y"});
  b.node("Relu", "r2", {"y"}, {"z"});
  expect_user_error(write_test_file("relus.onnx", b.bytes()), std::nullopt,
                    {"no Conv, Gemm or MatMul node spad can schedule", "Relu x2"});
}

// Concat inputs must agree on every dim but the axis: [1,3,4,4] and [1,3,5,4]
// on axis 1 differ in dim 2 (4 and 5).
TEST(OnnxImportErrors, ConcatInputsDisagreeOffTheAxis) {
  OnnxModelBuilder b("concat_bad");
  b.input("x", {1, 3, 4, 4});
  b.input("x2", {1, 3, 5, 4});
  b.initializer("w", {2, 6, 1, 1});
  OnnxModelBuilder::integer(b.node("Concat", "cat", {"x", "x2"}, {"cc"}), "axis", 1);
  b.node("Conv", "c", {"cc", "w"}, {"y"});
  expect_user_error(write_test_file("concat_bad.onnx", b.bytes()), std::nullopt,
                    {"node \"cat\" (Concat)", "dim 2 (4 and 5)", "[1, 3, 4, 4] and [1, 3, 5, 4]"});
}

// Elementwise broadcast aligns dims from the last: dim 2 is 4 in one input and
// 5 in the other, neither 1.
TEST(OnnxImportErrors, ElementwiseShapesThatDoNotBroadcast) {
  OnnxModelBuilder b("add_bad");
  b.input("x", {1, 3, 4, 4});
  b.input("x2", {3, 5, 4});
  b.initializer("w", {2, 3, 1, 1});
  b.node("Add", "add", {"x", "x2"}, {"a"});
  b.node("Conv", "c", {"a", "w"}, {"y"});
  expect_user_error(write_test_file("add_bad.onnx", b.bytes()), std::nullopt,
                    {"node \"add\" (Add)", "do not broadcast", "dim 2 of [1, 3, 4, 4] is 4",
                     "dim 1 of [3, 5, 4] is 5"});
}

// Initializer data that contradicts its dims: raw_data must hold prod(dims) x
// the element size (int64: 8 bytes), a typed field prod(dims) values.
TEST(OnnxImportErrors, InitializerDataContradictsItsDims) {
  const auto model = [](const std::function<void(onnx::TensorProto&)>& data) {
    OnnxModelBuilder b("bad_init");
    b.input("x", {2, 3, 4, 5});
    b.initializer("w", {20, 4});
    onnx::TensorProto* t = b.graph().add_initializer();
    t->set_name("s");
    t->add_dims(2);
    data(*t);
    b.node("Reshape", "rs", {"x", "s"}, {"r"});
    b.node("MatMul", "m", {"r", "w"}, {"y"});
    return b.bytes();
  };
  // dims [2] int64: 2 * 8 = 16 bytes; 12 given.
  expect_user_error(write_test_file("short_raw.onnx", model([](onnx::TensorProto& t) {
                                      t.set_data_type(onnx::TensorProto::INT64);
                                      t.set_raw_data(std::string(12, '\0'));
                                    })),
                    std::nullopt, {"initializer \"s\"", "dims [2]", "16 bytes", "12 bytes"});
  // 24 bytes: one int64 too many.
  expect_user_error(write_test_file("long_raw.onnx", model([](onnx::TensorProto& t) {
                                      t.set_data_type(onnx::TensorProto::INT64);
                                      t.set_raw_data(std::string(24, '\0'));
                                    })),
                    std::nullopt, {"initializer \"s\"", "16 bytes", "24 bytes"});
  // int64_data with 3 values for 2 elements.
  expect_user_error(write_test_file("typed_count.onnx", model([](onnx::TensorProto& t) {
                                      t.set_data_type(onnx::TensorProto::INT64);
                                      for (int v : {6, 20, 1}) t.add_int64_data(v);
                                    })),
                    std::nullopt,
                    {"initializer \"s\"", "need 2 int64 elements", "int64_data holds 3 values"});
  // float_data with 1 value for 2 elements.
  expect_user_error(write_test_file("float_count.onnx", model([](onnx::TensorProto& t) {
                                      t.set_data_type(onnx::TensorProto::FLOAT);
                                      t.add_float_data(1.0f);
                                    })),
                    std::nullopt, {"need 2 float elements", "float_data holds 1 values"});
}

// The same for tensors that nodes carry as attributes (ConstantOfShape's
// value, a Constant's) and for an If's branch subgraph: every tensor is
// checked before ONNX's shape inference reads any (libonnx 1.12 copies
// raw_data by its length into a buffer sized by the dims: the short
// initializer above overflowed the heap under AddressSanitizer before).
TEST(OnnxImportErrors, AttributeAndSubgraphTensorsContradictingTheirDims) {
  const auto short_int64 = [](onnx::TensorProto& t, const std::string& name) {
    t.set_name(name);
    t.add_dims(2);
    t.set_data_type(onnx::TensorProto::INT64);
    t.set_raw_data(std::string(12, '\0'));  // 2 int64 need 16 bytes
  };
  {
    OnnxModelBuilder b("bad_attr");
    b.input("x", {1, 3, 4, 4});
    b.initializer("w", {2, 3, 1, 1});
    b.initializer("shape", {4});
    auto& n = b.node("ConstantOfShape", "fill", {"shape"}, {"zeros"});
    onnx::AttributeProto* a = n.add_attribute();
    a->set_name("value");
    a->set_type(onnx::AttributeProto::TENSOR);
    short_int64(*a->mutable_t(), "v");
    b.node("Conv", "c", {"x", "w"}, {"y"});
    expect_user_error(
        write_test_file("bad_attr.onnx", b.bytes()), std::nullopt,
        {"node \"fill\" (ConstantOfShape)", "attribute value", "16 bytes", "12 bytes"});
  }
  {
    OnnxModelBuilder b("bad_branch");
    b.input("x", {1, 3, 4, 4});
    b.initializer("w", {2, 3, 1, 1});
    b.initializer("cond", {});
    auto& n = b.node("If", "branch", {"cond"}, {"out"});
    for (const char* which : {"then_branch", "else_branch"}) {
      onnx::AttributeProto* a = n.add_attribute();
      a->set_name(which);
      a->set_type(onnx::AttributeProto::GRAPH);
      onnx::GraphProto* g = a->mutable_g();
      g->set_name(which);
      short_int64(*g->add_initializer(), std::string(which) + "_data");
    }
    b.node("Conv", "c", {"x", "w"}, {"y"});
    expect_user_error(write_test_file("bad_branch.onnx", b.bytes()), std::nullopt,
                      {"initializer \"then_branch_data\"", "16 bytes", "12 bytes"});
  }
}

TEST(OnnxImportErrors, TwoNodesProduceOneTensor) {
  OnnxModelBuilder b("dup");
  b.input("x", {1, 3, 8, 8});
  b.initializer("w", {2, 3, 1, 1});
  b.node("Relu", "r1", {"x"}, {"r"});
  b.node("Sigmoid", "r2", {"x"}, {"r"});
  b.node("Conv", "c", {"r", "w"}, {"y"});
  expect_user_error(write_test_file("dup.onnx", b.bytes()), std::nullopt,
                    {"tensor \"r\"", "node \"r1\" (Relu)", "node \"r2\" (Sigmoid)"});
  // A node's output named like an initializer: two sources for one tensor.
  OnnxModelBuilder shadow("shadow");
  shadow.input("x", {1, 3, 8, 8});
  shadow.initializer("w", {2, 3, 1, 1});
  shadow.node("Relu", "r1", {"x"}, {"w"});
  shadow.node("Conv", "c", {"x", "w"}, {"y"});
  expect_user_error(write_test_file("shadow.onnx", shadow.bytes()), std::nullopt,
                    {"tensor \"w\"", "node \"r1\" (Relu)", "initializer"});
}

TEST(OnnxImportErrors, CyclesAndMissingInputsAreNamed) {
  OnnxModelBuilder cycle("cycle");
  cycle.input("x", {1, 3, 8, 8});
  cycle.initializer("w", {3, 3, 3, 3});
  cycle.node("Add", "add", {"x", "b"}, {"a"});
  OnnxModelBuilder::ints(cycle.node("Conv", "c", {"a", "w"}, {"b"}), "pads", {1, 1, 1, 1});
  expect_user_error(write_test_file("cycle.onnx", cycle.bytes()), std::nullopt,
                    {"cycle", "node \"add\" (Add) -> node \"c\" (Conv) -> node \"add\" (Add)"});

  OnnxModelBuilder self("self_loop");
  self.input("x", {1, 3, 8, 8});
  self.initializer("w", {3, 3, 3, 3});
  self.node("Relu", "loop", {"a"}, {"a"});
  self.node("Conv", "c", {"a", "w"}, {"y"});
  expect_user_error(write_test_file("self_loop.onnx", self.bytes()), std::nullopt,
                    {"node \"loop\" (Relu)", "cycle", "its own output"});

  // Not a cycle, only out of order: the message says so.
  OnnxModelBuilder order("order");
  order.input("x", {1, 3, 8, 8});
  order.initializer("w", {3, 3, 3, 3});
  order.node("Conv", "c", {"r", "w"}, {"y"});
  order.node("Relu", "relu", {"x"}, {"r"});
  expect_user_error(write_test_file("order.onnx", order.bytes()), std::nullopt,
                    {"node \"c\" (Conv)", "node \"relu\" (Relu)", "topological order"});

  OnnxModelBuilder missing("missing");
  missing.input("x", {1, 3, 8, 8});
  missing.initializer("w", {8, 3, 3, 3});
  missing.node("Relu", "relu", {"x"}, {"r"});
  missing.node("Conv", "c", {"z", "w"}, {"y"});
  expect_user_error(write_test_file("missing.onnx", missing.bytes()), std::nullopt,
                    {"node \"c\" (Conv)",
                     "input \"z\" is not a graph input, an initializer or the output of any node"});
}

}  // namespace
}  // namespace spad

namespace spad {
namespace {

// A Reshape spad finds invalid (512 elements into 768 places) stops every
// shape below it: ONNX's lenient inference takes the target [3, 8, 4, 8]
// unchecked, and the attention product below once got G = 12 from it.
TEST(OnnxImportErrors, NothingBelowAnInvalidNodeTakesOtherSourcesShapes) {
  OnnxModelBuilder b("bad_reshape");
  b.input("x", {2, 8, 32});
  b.initializer("wq", {32, 32});
  b.int64_initializer("heads", {4}, {3, 8, 4, 8});
  b.node("MatMul", "q", {"x", "wq"}, {"q0"});
  b.node("Reshape", "q_r", {"q0", "heads"}, {"q1"});
  OnnxModelBuilder::ints(b.node("Transpose", "q_t", {"q1"}, {"q2"}), "perm", {0, 2, 1, 3});
  b.node("MatMul", "scores", {"q2", "q2"}, {"s"});
  b.output("s");
  expect_user_error(write_test_file("bad_reshape.onnx", b.bytes()), std::nullopt,
                    {"node \"scores\" (MatMul)", "node \"q_r\" (Reshape)",
                     "cannot reshape [2, 8, 32] (512 elements) to [3, 8, 4, 8]"});
}

}  // namespace
}  // namespace spad
