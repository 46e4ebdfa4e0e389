// --batch on network files and built-in models (workload/network_batch): a
// layer's batch is its N for a conv, N = batch x rows for an fc on a
// sequence, and N or the groups for an attention matmul. Every expected
// count is worked out by hand in the comment beside it.
#include "workload/network_batch.hpp"

#include <gtest/gtest.h>

#include <string>

#include "base/error.hpp"
#include "io/common/network_source.hpp"

namespace spad {
namespace {

NetworkLayer layer(const std::string& name, LayerKind kind, Count N, Count C, Count M, Count H,
                   Count groups) {
  LayerSpec s{.name = name, .N = N, .C = C, .M = M, .H = H, .W = 1, .R = 1, .S = 1};
  s.groups = groups;
  return NetworkLayer{s, kind, false};
}

// A transformer block as ONNX import writes it at batch 2 with 10 tokens,
// 4 heads of 16: fc N = 2 x 10 = 20; scores [2,4,10,16] x [2,4,16,10]:
// G = 8, N = 10, C = G x 16 = 128, M = G x 10 = 80. One conv (a stem) fixes
// the batch N0 = 2.
Network onnx_style_block() {
  Network net;
  net.model = "block";
  net.layers = {layer("stem", LayerKind::conv, 2, 3, 64, 10, 1),
                layer("q", LayerKind::fc, 20, 64, 64, 1, 1),
                layer("scores", LayerKind::matmul, 10, 128, 80, 1, 8)};
  return net;
}

TEST(NetworkBatch, EveryLayersBatchCarryingCountIsScaled) {
  Network net = onnx_style_block();
  set_network_batch(net, 3, "block.json");
  // stem: N 2 -> 3. q: 20 / 2 x 3 = 30 (10 tokens per sample). scores: N is
  // not the batch 2, so G = 8 / 2 x 3 = 12 (3 samples x 4 heads), C = 12 x
  // 128/8 = 192, M = 12 x 80/8 = 120, N = 10 rows kept: MACs = N x M x C/G =
  // 10 x 120 x 16 = 19,200 = 12 x 10 x 16 x 10.
  EXPECT_EQ(net.layers[0].spec.N, 3);
  EXPECT_EQ(net.layers[1].spec.N, 30);
  const LayerSpec& s = net.layers[2].spec;
  EXPECT_EQ(s.N, 10);
  EXPECT_EQ(s.groups, 12);
  EXPECT_EQ(s.C, 192);
  EXPECT_EQ(s.M, 120);
  EXPECT_EQ(Layer(s).macs(), 19200);
}

TEST(NetworkBatch, BuiltInVitKeepsTokensAndHeads) {
  // vit_b_16 states batch 1 with the 197 tokens in H and the 12 heads in
  // the groups of its matmuls (N = 1 = the batch): at batch 2 every layer's
  // MACs double exactly, none of the heads or tokens change.
  const Network one = load_network("vit_b_16", {});
  const Network two = load_network("vit_b_16", NetworkLoadOptions{2});
  ASSERT_EQ(one.layers.size(), two.layers.size());
  for (std::size_t i = 0; i < one.layers.size(); ++i) {
    const LayerSpec& a = one.layers[i].spec;
    const LayerSpec& b = two.layers[i].spec;
    EXPECT_EQ(Layer(b).macs(), 2 * Layer(a).macs()) << a.name;
    EXPECT_EQ(b.groups, a.groups) << a.name;
    EXPECT_EQ(b.H, a.H) << a.name;
    EXPECT_EQ(b.N, 2) << a.name;
  }
}

TEST(NetworkBatch, TheSameBatchChangesNothing) {
  Network net = onnx_style_block();
  set_network_batch(net, 2, "block.json");
  EXPECT_EQ(net.layers[1].spec.N, 20);
  EXPECT_EQ(net.layers[2].spec.groups, 8);
}

void expect_error(Network net, Count batch, const std::string& part) {
  try {
    set_network_batch(net, batch, "block.json");
    ADD_FAILURE() << "no error for --batch " << batch;
  } catch (const UserError& e) {
    EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("block.json"), std::string::npos) << e.what();
  }
}

TEST(NetworkBatch, ABatchThatCannotBeToldIsAnError) {
  Network no_conv = onnx_style_block();
  no_conv.layers.erase(no_conv.layers.begin());  // no conv, no input: N0 unknown
  expect_error(no_conv, 3, "the file states no batch");
  Network odd = onnx_style_block();
  odd.layers[1].spec.N = 21;  // not a multiple of N0 = 2
  expect_error(odd, 3, "its N 21 is not a multiple of the network's batch 2");
  Network huge = onnx_style_block();
  // stem: N = 2^62 passes the layer limits (workload/layer) first.
  expect_error(huge, Count{1} << 62, "with --batch 4611686018427387904: layer 'stem'");
  huge.layers.erase(huge.layers.begin());
  huge.input = NetworkInput{2, 3, 10, 1};
  expect_error(huge, Count{1} << 62,
               "layer q: its N per sample 10 x 4611686018427387904 passes 2^63 - 1");
  EXPECT_THROW(set_network_batch(huge, 0, "block.json"), UserError);
}

}  // namespace
}  // namespace spad
