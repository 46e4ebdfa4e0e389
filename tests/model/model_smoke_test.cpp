// Smoke test of the analytical model on a tiny layer.
#include <gtest/gtest.h>

#include "model/evaluate.hpp"

namespace spad {
namespace {

TEST(ModelSmoke, WholeLayerInOneTile) {
  // 1x1 conv, everything in one tile: each array moves exactly once.
  Layer layer(LayerSpec{.name = "t", .N = 1, .C = 2, .M = 3, .H = 4, .W = 4});
  Schedule s;
  for (Dim d : kAllDims) s.tiles[d] = layer.bound(d);
  s.buffer_span = {{8, 8, 8}};
  const Traffic t = evaluate(layer, s, Machine{});
  EXPECT_EQ(t.arrays[Tensor::I].reads, 2 * 4 * 4);
  EXPECT_EQ(t.arrays[Tensor::W].reads, 6);
  EXPECT_EQ(t.arrays[Tensor::O].writes, 3 * 16);
  EXPECT_EQ(t.arrays[Tensor::O].reads, 0);
  EXPECT_EQ(t.traffic_bytes, t.compulsory_bytes);
}

}  // namespace
}  // namespace spad
