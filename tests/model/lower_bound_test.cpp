// The lower bound (model/lower_bound): hand-worked reuse counts and GEMM
// values, a brute-force check of the reuse and MAC counts, and the property
// that no schedule -- random ones, and the optimizer's optimum on random
// layers and capacities -- moves less than the bound (docs/lower-bound.md).
#include "model/lower_bound.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "model/evaluate.hpp"
#include "random_cases.hpp"
#include "search/optimize.hpp"
#include "sim/tile_simulator.hpp"

namespace spad {
namespace {

using testing::Rng;
using testing::uniform;

__extension__ typedef __int128 Int128;

Layer make(LayerSpec s) { return Layer(s); }

// A fully-connected layer is the matrix product O[n][m] = sum_c I[n][c] W[m][c]:
// rows N, inner dimension C, columns M. No spatial reuse: every input element
// feeds one window, R_max = 1, and every MAC reads data, so the bound is
// 2*N*M*C / sqrt(S) -- the classical 2mnk/sqrt(S) of matrix multiplication.
TEST(LowerBound, GemmIsTwoMnkOverRootS) {
  const Layer fc = make({.name = "t", .N = 8, .C = 8, .M = 8});
  EXPECT_EQ(max_input_reuse(fc), 1);
  EXPECT_EQ(effective_macs(fc), 512);
  // S = 16: 2*512/4 = 256 exactly.
  EXPECT_EQ(pebble_elems(fc, 16), 256);
  // S = 10: 1024/sqrt(10) = 323.817...: 323^2 = 104329 <= 104857.6 < 324^2.
  EXPECT_EQ(pebble_elems(fc, 10), 323);
  // int8 data, int32 partial sums: e = 1, 16 bytes = 16 elements; the bound
  // 256 beats the compulsory 64 + 64 + 64 bytes.
  const LowerBound b = lower_bound(fc, Precision{}, 16);
  EXPECT_EQ(b.compulsory_bytes, 192);
  EXPECT_EQ(b.pebble_bytes, 256);
  EXPECT_EQ(b.bound_bytes, 256);
  // 16-bit data: e = 2, 40 bytes hold S = 20 elements; 1024/sqrt(20) =
  // 228.97 -> 228 elements of at least 2 bytes = 456 bytes.
  const LowerBound b16 = lower_bound(fc, Precision{2, 2, 2, 4}, 40);
  EXPECT_EQ(b16.pebble_bytes, 456);
  EXPECT_EQ(b16.bound_bytes, std::max<Count>(456, 3 * 64 * 2));
  // At a large capacity the compulsory traffic is the floor.
  EXPECT_EQ(lower_bound(fc, Precision{}, 1 << 20).bound_bytes, 192);
}

// Stride 2, R = 3, pad 1, H = 7: P = 4, input row h = 2p + r - 1. Row 1 is
// read by (p=0, r=2) and (p=1, r=0); row 2 only by (p=1, r=1): at most 2.
// Width: a 1-wide kernel reads each column once. R_max = 2 x 1.
TEST(LowerBound, ReuseWithStrideTwo) {
  const Layer l = make(
      {.name = "t", .H = 7, .W = 5, .R = 3, .S = 1, .stride_h = 2, .pad_top = 1, .pad_bottom = 1});
  EXPECT_EQ(l.P(), 4);
  EXPECT_EQ(max_input_reuse(l), 2);
}

// Dilation 2, R = 3, H = 7, no pad: P = 3, h = p + 2r: row 2 = (2,0),(0,1),
// row 4 = (2,1),(0,2), the rest once: at most 2 < R. Width: S = 3,
// dilation 2, W = 9: Q = 5, column 4 = (4,0),(2,1),(0,2): 3. R_max = 6.
TEST(LowerBound, ReuseWithDilationTwo) {
  const Layer l =
      make({.name = "t", .H = 7, .W = 9, .R = 3, .S = 3, .dilation_h = 2, .dilation_w = 2});
  EXPECT_EQ(l.P(), 3);
  EXPECT_EQ(l.Q(), 5);
  EXPECT_EQ(max_input_reuse(l), 6);
}

// A 1x1 kernel reads each input once, whatever the stride; a 3x3 kernel with
// stride 1 reads interior pixels 9 times.
TEST(LowerBound, ReuseOfPointwiseAndDenseKernels) {
  EXPECT_EQ(max_input_reuse(make({.name = "t", .C = 4, .M = 4, .H = 6, .W = 6})), 1);
  EXPECT_EQ(max_input_reuse(
                make({.name = "t", .C = 4, .M = 4, .H = 6, .W = 6, .stride_h = 2, .stride_w = 2})),
            1);
  EXPECT_EQ(max_input_reuse(make({.name = "t", .H = 5, .W = 5, .R = 3, .S = 3})), 9);
}

// 3x3 kernel, pad 1, 3x3 input: per axis 9 (p, r) pairs of which (p=0, r=0)
// and (p=2, r=2) fall in the padding: 7 pairs, 7 x 7 = 49 of the 81 MACs per
// channel pair read data. A 1x1 input padded to 3x3: 1 of 9 per channel pair.
TEST(LowerBound, EffectiveMacsSkipPadding) {
  const Layer l = make({.name = "t",
                        .N = 2,
                        .C = 3,
                        .M = 5,
                        .H = 3,
                        .W = 3,
                        .R = 3,
                        .S = 3,
                        .pad_top = 1,
                        .pad_left = 1,
                        .pad_bottom = 1,
                        .pad_right = 1});
  EXPECT_EQ(l.macs(), 2 * 5 * 3 * 81);
  EXPECT_EQ(effective_macs(l), 2 * 5 * 3 * 49);
  const Layer dot = make({.name = "t",
                          .C = 4,
                          .M = 6,
                          .H = 1,
                          .W = 1,
                          .R = 3,
                          .S = 3,
                          .pad_top = 1,
                          .pad_left = 1,
                          .pad_bottom = 1,
                          .pad_right = 1});
  EXPECT_EQ(effective_macs(dot), 24);
  EXPECT_EQ(max_input_reuse(dot), 1);
  // Grouped: per group (M/G) x (C/G) channel pairs.
  const Layer grouped =
      make({.name = "t", .C = 6, .M = 4, .H = 4, .W = 4, .R = 3, .S = 3, .groups = 2});
  EXPECT_EQ(effective_macs(grouped), grouped.macs());
}

// Why padding MACs must not count (docs/lower-bound.md, "A correction"):
// C = M = 8 on a 1x1 input with a 3x3 kernel padded by 1 has 9*64 = 576
// MACs but only 64 read data, R_max = 1. At 1-byte elements and 3 bytes of
// scratchpad (one element per buffer), tiles all 1, the O buffer spanning
// c, r, s and I, W streaming moves W once (576), I once per output channel
// (8 * 8 = 64; the eight border taps read padding) and O once (8): 648 bytes.
// The form with every MAC, 2*576/sqrt(3) = 665, would be above that
// schedule; with the 64 MACs that read data it is 73, under the compulsory
// 8 + 576 + 8 = 592.
TEST(LowerBound, PaddingMacsMustNotCount) {
  const Layer l = make({.name = "t",
                        .C = 8,
                        .M = 8,
                        .H = 1,
                        .W = 1,
                        .R = 3,
                        .S = 3,
                        .pad_top = 1,
                        .pad_left = 1,
                        .pad_bottom = 1,
                        .pad_right = 1});
  Machine machine;
  machine.precision = Precision{1, 1, 1, 1};
  machine.capacity_bytes = 3;
  SearchOptions options;
  options.threads = 1;
  const SearchResult r = optimize(l, machine, options);
  ASSERT_TRUE(r.best);
  EXPECT_LE(r.best->traffic.traffic_bytes, 648);
  EXPECT_GT(665, r.best->traffic.traffic_bytes);  // what the all-MAC form would claim
  const LowerBound b = lower_bound(l, machine.precision, 3);
  EXPECT_EQ(b.pebble_bytes, 73);
  EXPECT_EQ(b.bound_bytes, 592);
  EXPECT_GE(r.best->traffic.traffic_bytes, b.bound_bytes);
}

// R_max and the effective MACs against a direct enumeration of every MAC.
TEST(LowerBound, ReuseAndMacsMatchEnumeration) {
  Rng rng(2024);
  for (int i = 0; i < 300; ++i) {
    const Layer layer = testing::random_layer(rng, 7);
    const LayerSpec& s = layer.spec();
    std::map<std::pair<Count, Count>, Count> hits;  // (h, w) -> windows reading it
    Count pixel_pairs = 0;
    for (Count p = 0; p < layer.P(); ++p)
      for (Count q = 0; q < layer.Q(); ++q)
        for (Count r = 0; r < s.R; ++r)
          for (Count t = 0; t < s.S; ++t) {
            const Count h = p * s.stride_h + r * s.dilation_h - s.pad_top;
            const Count w = q * s.stride_w + t * s.dilation_w - s.pad_left;
            if (h < 0 || h >= s.H || w < 0 || w >= s.W) continue;
            ++hits[{h, w}];
            ++pixel_pairs;
          }
    Count most = 0;
    for (const auto& [pos, k] : hits) most = std::max(most, k);
    EXPECT_EQ(effective_macs(layer), s.N * s.M * (s.C / s.groups) * pixel_pairs) << i;
    if (pixel_pairs > 0) {
      EXPECT_EQ(max_input_reuse(layer), most) << i;
    }
  }
}

TEST(LowerBound, IntegerBoundNeverAboveRealValue) {
  Rng rng(99);
  for (int i = 0; i < 2000; ++i) {
    const Layer layer = testing::random_layer(rng, 9);
    const Count fast = uniform(rng, 1, 1 << 20);
    const Count q = pebble_elems(layer, fast);
    const Int128 m = effective_macs(layer), rs = max_input_reuse(layer) * fast;
    // q = floor(2M / sqrt(RS)):  q^2 RS <= 4M^2 < (q+1)^2 RS.
    EXPECT_LE(Int128{q} * q * rs, 4 * m * m);
    if (m > 0) {
      EXPECT_GT(Int128{q + 1} * (q + 1) * rs, 4 * m * m);
    }
  }
  EXPECT_THROW(lower_bound(make({.name = "t"}), Precision{}, 0), UserError);
}

// A layer with much reuse for its size (many channels, dense kernels), where
// the pebble bound rises above the compulsory traffic at small buffers.
Layer reuse_heavy_layer(Rng& rng, Count max_channels, Count max_extent) {
  for (;;) {
    LayerSpec s;
    s.name = "heavy";
    s.N = uniform(rng, 1, 2);
    s.C = uniform(rng, 2, max_channels);
    s.M = uniform(rng, 2, max_channels);
    s.H = uniform(rng, 2, max_extent);
    s.W = uniform(rng, 2, max_extent);
    s.R = uniform(rng, 1, 3);
    s.S = uniform(rng, 1, 3);
    s.stride_h = uniform(rng, 0, 3) == 0 ? 2 : 1;
    s.stride_w = uniform(rng, 0, 3) == 0 ? 2 : 1;
    s.dilation_h = uniform(rng, 0, 3) == 0 ? 2 : 1;
    s.dilation_w = uniform(rng, 0, 3) == 0 ? 2 : 1;
    s.pad_top = uniform(rng, 0, 1);
    s.pad_left = uniform(rng, 0, 1);
    s.pad_bottom = uniform(rng, 0, 1);
    s.pad_right = uniform(rng, 0, 1);
    if (uniform(rng, 0, 4) == 0) {  // a matrix product
      s.H = s.W = s.R = s.S = 1;
      s.stride_h = s.stride_w = s.dilation_h = s.dilation_w = 1;
      s.pad_top = s.pad_left = s.pad_bottom = s.pad_right = 0;
      s.N = uniform(rng, 2, max_channels);
    }
    if (s.dilation_h * (s.R - 1) + 1 > s.H + s.pad_top + s.pad_bottom) continue;
    if (s.dilation_w * (s.S - 1) + 1 > s.W + s.pad_left + s.pad_right) continue;
    return Layer(s);
  }
}

// A random schedule with small tiles (so its buffers are small).
Schedule small_schedule(Rng& rng, const Layer& layer) {
  Schedule s = testing::random_schedule(rng, layer);
  for (Dim d : kAllDims)
    if (uniform(rng, 0, 2) != 0) s.tiles[d] = uniform(rng, 1, std::min<Count>(2, layer.bound(d)));
  return s;
}

// The derivation itself, in elements (docs/lower-bound.md): any execution
// whose fast memory never holds more than S elements makes at least
// 2 M / sqrt(R_max S) "entries" (loads, plus one start per output; each
// output's final write pays for its start). A spad schedule holds at most
// the sum of its three buffers, so on every schedule:
//   I reads + W reads + O reads + |O|  >=  pebble_elems(layer, buffers).
TEST(LowerBound, EveryScheduleMakesTheEntriesTheDerivationCounts) {
  Rng rng(31337);
  int binding = 0;
  for (int i = 0; i < 40000; ++i) {
    const Layer layer = i % 4 == 0 ? testing::random_layer(rng, 6) : reuse_heavy_layer(rng, 8, 8);
    const Schedule s = small_schedule(rng, layer);
    Machine machine;
    machine.halo_reuse = uniform(rng, 0, 1) == 1;
    const Traffic t = evaluate(layer, s, machine);
    const Count held = t.arrays[Tensor::I].buffer_elems + t.arrays[Tensor::W].buffer_elems +
                       t.arrays[Tensor::O].buffer_elems;
    const Count entries = t.arrays[Tensor::I].reads + t.arrays[Tensor::W].reads +
                          t.arrays[Tensor::O].reads + t.arrays[Tensor::O].final_writes;
    const Count bound = pebble_elems(layer, held);
    ASSERT_GE(entries, bound) << "case " << i;
    const PerTensor<Count> comp = compulsory_elems(layer);
    binding += bound > comp[Tensor::I] + comp[Tensor::W] + comp[Tensor::O];
  }
  EXPECT_GT(binding, 1000);  // the pebble term is above compulsory often enough to test it
}

// The smallest buffers of any schedule: every tile 1, every buffer innermost.
Count smallest_buffers(const Layer& layer, const Machine& machine) {
  Schedule s;
  for (Dim d : kAllDims) s.tiles[d] = 1;
  Machine unbounded = machine;
  unbounded.capacity_bytes = std::nullopt;
  return evaluate(layer, s, unbounded).buffer_bytes;
}

// The property of the issue: at many capacities, the optimizer's optimum
// never moves fewer bytes than the bound; where it comes close, the
// simulator confirms the optimum's count.
TEST(LowerBound, OptimumIsNeverBelowTheBound) {
  Rng rng(4711);
  int binding = 0;
  double closest = 1e9;
  for (int i = 0; i < 600; ++i) {
    const Layer layer = i % 2 == 0 ? testing::random_layer(rng, 5) : reuse_heavy_layer(rng, 6, 6);
    Machine machine = testing::random_machine(rng);
    const Count smallest = smallest_buffers(layer, machine);
    machine.capacity_bytes = smallest + uniform(rng, 0, 1) * uniform(rng, 0, smallest);
    SearchOptions options;
    options.threads = 1;
    const SearchResult r = optimize(layer, machine, options);
    ASSERT_TRUE(r.best) << i;
    const LowerBound b = lower_bound(layer, machine.precision, *machine.capacity_bytes);
    const Traffic& t = r.best->traffic;
    ASSERT_GE(t.traffic_bytes, b.bound_bytes) << "case " << i;
    EXPECT_EQ(b.compulsory_bytes, t.compulsory_bytes);
    if (t.traffic_bytes < b.pebble_bytes + b.compulsory_bytes / 4) {
      ASSERT_EQ(simulate(layer, r.best->schedule, machine), t) << "case " << i;
    }
    binding += b.pebble_bytes > b.compulsory_bytes;
    if (b.pebble_bytes > 0) closest = std::min(closest, double(t.traffic_bytes) / b.pebble_bytes);
  }
  EXPECT_GE(closest, 1.0);
  EXPECT_GT(binding, 100);
}

}  // namespace
}  // namespace spad
