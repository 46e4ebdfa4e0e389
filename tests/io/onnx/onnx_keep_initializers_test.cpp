// Models saved with keep_initializers_as_inputs list every initializer as a
// graph input too: a declared shape that disagrees with the initializer is a
// warning naming the tensor and both shapes, the initializer's dims are used,
// and ONNX's own inference (which would fail on the disagreement) still runs.
// Expected values are derived by hand in the comments.
#include <gtest/gtest.h>

#include <string>

#include "io/onnx/onnx_network.hpp"
#include "onnx_model_builder.hpp"
#include "workload/layer.hpp"

namespace spad {
namespace {

using testing::write_test_file;
using B = testing::OnnxModelBuilder;

// keep_initializers_as_inputs: a graph input declared with other dims than
// its initializer is a warning naming the tensor and both shapes; the
// initializer's dims are used.
TEST(OnnxKeepInitializers, GraphInputThatDisagreesWithItsInitializerIsNamed) {
  B b("keep_init");
  b.input("x", {1, 4, 8, 8});
  b.input("w", {8, 4, 3, 3});  // agrees with its initializer
  b.input("wf", {512, 12});    // the initializer is [512, 10]
  b.initializer("w", {8, 4, 3, 3});
  b.initializer("wf", {512, 10});
  auto& conv = b.node("Conv", "conv", {"x", "w"}, {"c"});
  B::ints(conv, "pads", {1, 1, 1, 1});
  b.node("Flatten", "flat", {"c"}, {"f"});
  b.node("MatMul", "fc", {"f", "wf"}, {"y"});
  b.output("y");
  const std::string path = write_test_file("keep_init.onnx", b.bytes());
  const Network net = read_onnx_network(path, std::nullopt);
  // conv: 4 -> 8, 3x3, pad 1 on 8x8: 8*4*9*64 = 18,432 MACs. fc: Flatten
  // [1,8,8,8] -> [1,512] x [512,10] (the initializer's dims): 5,120.
  ASSERT_EQ(net.layers.size(), 2u);
  EXPECT_EQ(Layer(net.layers[0].spec).macs(), 18432);
  EXPECT_EQ(net.layers[1].spec.C, 512);
  EXPECT_EQ(net.layers[1].spec.M, 10);
  EXPECT_EQ(Layer(net.layers[1].spec).macs(), 5120);
  // One warning: no "ONNX shape inference failed" beside it.
  ASSERT_EQ(net.warnings.size(), 1u) << net.warnings.back();
  EXPECT_EQ(net.warnings[0], path +
                                 ": tensor \"wf\" (a graph input and an initializer): the graph "
                                 "input declares [512, 12], the initializer has [512, 10]; the "
                                 "initializer's dims are exact and used");
}

}  // namespace
}  // namespace spad
