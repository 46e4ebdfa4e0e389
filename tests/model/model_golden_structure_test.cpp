// Golden cases for the analytical traffic model, derived by hand from
// DESIGN.md's "Exact semantics of traffic" (not from the model's code).
//
// Each test states a small layer, a schedule and a machine, and next to the
// expectations the full derivation: the loops outside each buffer, j*_A, the
// trip counts, the footprints (channels x rows x columns, clipped to the
// input, padding excluded), and the products.
//
// Conventions used in the comments:
//   order is written innermost first, as in Schedule::order;
//   "outside A" lists the loops outside A's buffer, innermost first, with T;
//   j*_A = innermost loop outside A's buffer that indexes A and has T > 1;
//   I <- n g c p q r s, W <- g m c r s, O <- n g m p q;
//   fills_A = product of T over the loops at or outside j*_A (1 if none);
//   V_W = product of T of the loops n, p, q at or outside j*_W;
//   V_O = product of T of the loops c, r, s at or outside j*_O;
//   V_I = T_m if m is at or outside j*_I, else 1.
// Default precision: in=1, w=1, out=1, psum=4 bytes.
//
// This file: groups and depthwise, batch, dilation, fully-connected layers,
// no-op loops, outputs that see only padding, compulsory traffic.
#include <gtest/gtest.h>

#include "golden_expect.hpp"
#include "model/evaluate.hpp"

namespace spad {
namespace {

using golden::expect_array;
using golden::expect_totals;
using golden::make_schedule;

// ---------------------------------------------------------------------------
// 7a. Depthwise: G = C = M = 4, so m and c have extent 1; g indexes all arrays.
TEST(ModelGolden, DepthwiseGroupTiles) {
  // N=1 C=M=G=4 H=W=4 R=S=3 pad 1. P = Q = 4. Bounds g=4, m=1, c=1.
  // |I| = 64, |W| = M*(C/G)*R*S = 4*1*9 = 36, |O| = 64.
  const Layer layer(LayerSpec{.name = "dw",
                              .C = 4,
                              .M = 4,
                              .H = 4,
                              .W = 4,
                              .R = 3,
                              .S = 3,
                              .pad_top = 1,
                              .pad_left = 1,
                              .pad_bottom = 1,
                              .pad_right = 1,
                              .groups = 4});
  ASSERT_EQ(layer.bound(Dim::g), 4);
  ASSERT_EQ(layer.bound(Dim::m), 1);
  ASSERT_EQ(layer.bound(Dim::c), 1);
  ASSERT_EQ(layer.size(Tensor::W), 36);
  // Tiles t_g = 2 (T_g = 2), t_p = 2 (T_p = 2); others full.
  // Order s r q c m p g n; spans I=W=O=4 (s r q c inside): outside m(1) p(2) g(2) n(1).
  // I: j*_I = p. m is inside p -> V_I = 1.
  //    Footprint per (p, g): channels = the 2 groups of the g tile x 1 c = 2;
  //    rows p{0,1}: p+r-1 in -1..2 -> {0,1,2} = 3; p{2,3}: 1..4 -> {1,2,3} = 3;
  //    cols q+s-1 in -1..4 -> 4. -> 2*3*4 = 24. 4 positions -> 96.
  //    fills = T_p*T_g*T_n = 4, buffer 24.
  // W: m has T=1, p does not index W -> j*_W = g. V_W = T_n = 1: reads 36;
  //    fills = T_g = 2; buffer = 2 g x 1 m x 1 c x 9 = 18.
  // O: j*_O = p; V_O = 1 (c r s inside): writes 64, reads 0; fills 4;
  //    buffer = 2 ch x 2 rows x 4 cols = 16 elems = 64 B.
  // traffic = 96 + 36 + 64 = 196; buffer = 24 + 18 + 64 = 106;
  // compulsory = 64 + 36 + 64 = 164.
  const Schedule s = make_schedule(layer, "srqcmpgn", {{Dim::g, 2}, {Dim::p, 2}}, 4, 4, 4);
  const Traffic t = evaluate(layer, s, Machine{});
  expect_array(t, Tensor::I,
               {.buffer_elems = 24,
                .buffer_bytes = 24,
                .reads = 96,
                .writes = 0,
                .final_writes = 0,
                .fills = 4,
                .read_bytes = 96,
                .write_bytes = 0});
  expect_array(t, Tensor::W,
               {.buffer_elems = 18,
                .buffer_bytes = 18,
                .reads = 36,
                .writes = 0,
                .final_writes = 0,
                .fills = 2,
                .read_bytes = 36,
                .write_bytes = 0});
  expect_array(t, Tensor::O,
               {.buffer_elems = 16,
                .buffer_bytes = 64,
                .reads = 0,
                .writes = 64,
                .final_writes = 64,
                .fills = 4,
                .read_bytes = 0,
                .write_bytes = 64});
  expect_totals(t, 196, 106, 164, true);
}

// 7b. Grouped conv, G = 2: an I tile holds only its group's C/G channels; m
//     outside j*_I reloads I per output-channel tile.
TEST(ModelGolden, GroupedConvTwoGroups) {
  // N=1 C=4 M=6 G=2 H=W=3 R=S=1. Bounds g=2, m=3, c=2.
  // |I| = 36, |W| = 6*2*1*1 = 12, |O| = 6*9 = 54.
  const Layer layer(LayerSpec{.name = "g2", .C = 4, .M = 6, .H = 3, .W = 3, .groups = 2});
  ASSERT_EQ(layer.size(Tensor::W), 12);
  // Tiles t_m = 1 (T_m = 3), t_g = 1 (T_g = 2); others full.
  // (a) Order s r q p c m g n; spans 5,5,5: outside m(3) g(2) n(1).
  // I: j*_I = g (m does not index I). m is inside g -> V_I = 1.
  //    Footprint per g = C/G (2) ch x 9 = 18; 2 positions -> 36; fills = T_g = 2;
  //    buffer 18.
  // W: j*_W = m; V_W = T_n = 1: reads 12; fills T_m*T_g = 6; buffer 1 m x 2 c = 2.
  // O: j*_O = m; V_O = 1: writes 54; fills 6; buffer 1 x 9 = 9 elems = 36 B.
  // traffic = 36 + 12 + 54 = 102 = compulsory; buffer = 18 + 2 + 36 = 56.
  {
    const Schedule s = make_schedule(layer, "srqpcmgn", {{Dim::m, 1}, {Dim::g, 1}}, 5, 5, 5);
    const Traffic t = evaluate(layer, s, Machine{});
    expect_array(t, Tensor::I,
                 {.buffer_elems = 18,
                  .buffer_bytes = 18,
                  .reads = 36,
                  .writes = 0,
                  .final_writes = 0,
                  .fills = 2,
                  .read_bytes = 36,
                  .write_bytes = 0});
    expect_array(t, Tensor::W,
                 {.buffer_elems = 2,
                  .buffer_bytes = 2,
                  .reads = 12,
                  .writes = 0,
                  .final_writes = 0,
                  .fills = 6,
                  .read_bytes = 12,
                  .write_bytes = 0});
    expect_array(t, Tensor::O,
                 {.buffer_elems = 9,
                  .buffer_bytes = 36,
                  .reads = 0,
                  .writes = 54,
                  .final_writes = 54,
                  .fills = 6,
                  .read_bytes = 0,
                  .write_bytes = 54});
    expect_totals(t, 102, 56, 102, true);
  }
  // (b) Order s r q p c g m n; spans 5,5,5: outside g(2) m(3) n(1).
  // I: j*_I = g, m outside it -> V_I = T_m = 3: reads 3*36 = 108;
  //    fills = T_g*T_m = 6; buffer 18.
  // W: j*_W = g; V_W = 1: reads 12; fills 6; buffer 2.
  // O: j*_O = g; V_O = 1: writes 54; fills 6; buffer 9 (36 B).
  // traffic = 108 + 12 + 54 = 174; buffer 56.
  {
    const Schedule s = make_schedule(layer, "srqpcgmn", {{Dim::m, 1}, {Dim::g, 1}}, 5, 5, 5);
    const Traffic t = evaluate(layer, s, Machine{});
    expect_array(t, Tensor::I,
                 {.buffer_elems = 18,
                  .buffer_bytes = 18,
                  .reads = 108,
                  .writes = 0,
                  .final_writes = 0,
                  .fills = 6,
                  .read_bytes = 108,
                  .write_bytes = 0});
    expect_array(t, Tensor::W,
                 {.buffer_elems = 2,
                  .buffer_bytes = 2,
                  .reads = 12,
                  .writes = 0,
                  .final_writes = 0,
                  .fills = 6,
                  .read_bytes = 12,
                  .write_bytes = 0});
    expect_array(t, Tensor::O,
                 {.buffer_elems = 9,
                  .buffer_bytes = 36,
                  .reads = 0,
                  .writes = 54,
                  .final_writes = 54,
                  .fills = 6,
                  .read_bytes = 0,
                  .write_bytes = 54});
    expect_totals(t, 174, 56, 102, true);
  }
}

// ---------------------------------------------------------------------------
// 8. Batch N=2: weights reloaded per image when n is outside j*_W.
TEST(ModelGolden, BatchReloadsWeightsWhenImageLoopOutside) {
  // N=2 C=2 M=2 H=W=3 R=S=1. |I| = 36, |W| = 4, |O| = 36. compulsory 76.
  const Layer layer(LayerSpec{.name = "batch", .N = 2, .C = 2, .M = 2, .H = 3, .W = 3});
  // Tiles t_n = 1 (T_n = 2), t_m = 1 (T_m = 2); others full.
  // (a) Order s r q p c m n g; spans 5,5,5: outside m(2) n(2) g(1).
  // W: j*_W = m; n is outside m -> V_W = T_n = 2: reads 8; fills T_m*T_n = 4;
  //    buffer 1 m x 2 c = 2.
  // I: j*_I = n (m does not index I); m inside n -> V_I = 1.
  //    Footprint per n = 2 ch x 9 = 18 -> 36; fills 2; buffer 18.
  // O: j*_O = m; V_O = 1: writes 36; fills 4; buffer 9 (36 B).
  // traffic = 36 + 8 + 36 = 80; buffer = 18 + 2 + 36 = 56.
  {
    const Schedule s = make_schedule(layer, "srqpcmng", {{Dim::n, 1}, {Dim::m, 1}}, 5, 5, 5);
    const Traffic t = evaluate(layer, s, Machine{});
    expect_array(t, Tensor::I,
                 {.buffer_elems = 18,
                  .buffer_bytes = 18,
                  .reads = 36,
                  .writes = 0,
                  .final_writes = 0,
                  .fills = 2,
                  .read_bytes = 36,
                  .write_bytes = 0});
    expect_array(t, Tensor::W,
                 {.buffer_elems = 2,
                  .buffer_bytes = 2,
                  .reads = 8,
                  .writes = 0,
                  .final_writes = 0,
                  .fills = 4,
                  .read_bytes = 8,
                  .write_bytes = 0});
    expect_array(t, Tensor::O,
                 {.buffer_elems = 9,
                  .buffer_bytes = 36,
                  .reads = 0,
                  .writes = 36,
                  .final_writes = 36,
                  .fills = 4,
                  .read_bytes = 0,
                  .write_bytes = 36});
    expect_totals(t, 80, 56, 76, true);
  }
  // (b) Order s r q p c n m g: outside n(2) m(2) g(1).
  // W: j*_W = m (n does not index W); n is inside m -> V_W = 1: reads 4;
  //    fills = T_m = 2; buffer 2.
  // I: j*_I = n; m outside -> V_I = T_m = 2: reads 72; fills 4; buffer 18.
  // O: j*_O = n; V_O = 1: writes 36; fills 4; buffer 9 (36 B).
  // traffic = 72 + 4 + 36 = 112; buffer 56.
  {
    const Schedule s = make_schedule(layer, "srqpcnmg", {{Dim::n, 1}, {Dim::m, 1}}, 5, 5, 5);
    const Traffic t = evaluate(layer, s, Machine{});
    expect_array(t, Tensor::I,
                 {.buffer_elems = 18,
                  .buffer_bytes = 18,
                  .reads = 72,
                  .writes = 0,
                  .final_writes = 0,
                  .fills = 4,
                  .read_bytes = 72,
                  .write_bytes = 0});
    expect_array(t, Tensor::W,
                 {.buffer_elems = 2,
                  .buffer_bytes = 2,
                  .reads = 4,
                  .writes = 0,
                  .final_writes = 0,
                  .fills = 2,
                  .read_bytes = 4,
                  .write_bytes = 0});
    expect_array(t, Tensor::O,
                 {.buffer_elems = 9,
                  .buffer_bytes = 36,
                  .reads = 0,
                  .writes = 36,
                  .final_writes = 36,
                  .fills = 4,
                  .read_bytes = 0,
                  .write_bytes = 36});
    expect_totals(t, 112, 56, 76, true);
  }
}

// ---------------------------------------------------------------------------
// 9. Dilation: a tile's rows have a gap; the last p tile is partial.
TEST(ModelGolden, DilatedRowsWithGapAndPartialTile) {
  // N=1 C=1 M=1 H=10 W=2 R=2 S=1 dilation_h = 3. Dilated extent = 3*1+1 = 4.
  // P = (10 - 4)/1 + 1 = 7, Q = 2. |I| = 20, |W| = 2, |O| = 14.
  // Rows used overall: {p, p+3 : p in 0..6} = {0..9} -> compulsory I = 20.
  const Layer layer(LayerSpec{.name = "dil", .H = 10, .W = 2, .R = 2, .dilation_h = 3});
  ASSERT_EQ(layer.P(), 7);
  EXPECT_EQ(compulsory_elems(layer)[Tensor::I], 20);
  // Tiles t_p = 2 -> T_p = 4 (p{0,1} {2,3} {4,5} {6}). Order s r q p c m g n;
  // spans I=3, W=8, O=3.
  // I: j*_I = p. Rows {p, p+3}: p{0,1} -> {0,1,3,4}; p{2,3} -> {2,3,5,6};
  //    p{4,5} -> {4,5,7,8}; p{6} -> {6,9}. x 2 cols -> 8, 8, 8, 4 = 28.
  //    buffer 8, fills 4.
  //    With halo (only the previous footprint is kept): 4 + |{2,5,6}| +
  //    |{4,7,8}| + |{6,9}| = 4+3+3+2 = 12 rows -> 24.
  // W: span 8: buffer 2, reads 2, fills 1.
  // O: j*_O = p; V_O = 1: writes 14; fills 4; buffer 2x2 = 4 elems = 16 B.
  // traffic: 28 + 2 + 14 = 44 without, 24 + 2 + 14 = 40 with halo;
  // buffer 8 + 2 + 16 = 26; compulsory 20 + 2 + 14 = 36.
  const Schedule s = make_schedule(layer, "srqpcmgn", {{Dim::p, 2}}, 3, 8, 3);
  const ArrayTraffic w{.buffer_elems = 2,
                       .buffer_bytes = 2,
                       .reads = 2,
                       .writes = 0,
                       .final_writes = 0,
                       .fills = 1,
                       .read_bytes = 2,
                       .write_bytes = 0};
  const ArrayTraffic o{.buffer_elems = 4,
                       .buffer_bytes = 16,
                       .reads = 0,
                       .writes = 14,
                       .final_writes = 14,
                       .fills = 4,
                       .read_bytes = 0,
                       .write_bytes = 14};
  {
    const Traffic t = evaluate(layer, s, Machine{});
    expect_array(t, Tensor::I,
                 {.buffer_elems = 8,
                  .buffer_bytes = 8,
                  .reads = 28,
                  .writes = 0,
                  .final_writes = 0,
                  .fills = 4,
                  .read_bytes = 28,
                  .write_bytes = 0});
    expect_array(t, Tensor::W, w);
    expect_array(t, Tensor::O, o);
    expect_totals(t, 44, 26, 36, true);
  }
  {
    Machine m;
    m.halo_reuse = true;
    const Traffic t = evaluate(layer, s, m);
    expect_array(t, Tensor::I,
                 {.buffer_elems = 8,
                  .buffer_bytes = 8,
                  .reads = 24,
                  .writes = 0,
                  .final_writes = 0,
                  .fills = 4,
                  .read_bytes = 24,
                  .write_bytes = 0});
    expect_array(t, Tensor::W, w);
    expect_array(t, Tensor::O, o);
    expect_totals(t, 40, 26, 36, true);
  }
}

// ---------------------------------------------------------------------------
// 10. Fully-connected layer with m outside I's buffer: V_I = T_m.
//     Precision in=2, w=1, out=2, psum=4.
TEST(ModelGolden, FullyConnectedInputReloadedPerOutputTile) {
  // N=2 C=8 M=6 H=W=R=S=1 -> P=Q=1. |I| = 16, |W| = 48, |O| = 12.
  // compulsory = 16*2 + 48*1 + 12*2 = 104 B.
  const Layer layer(LayerSpec{.name = "fc", .N = 2, .C = 8, .M = 6});
  Machine m;
  m.precision = Precision{.input = 2, .weight = 1, .output = 2, .psum = 4};
  // Tiles t_c = 4 (T_c = 2), t_m = 2 (T_m = 3), t_n = 2 (full).
  // Order s r q p c m g n; spans I=4, W=4, O=5.
  // I: outside c(2) m(3) g(1) n(1); j*_I = c; m outside c -> V_I = T_m = 3.
  //    Footprint = 2 n x 4 c = 8; positions c(2) -> 16; reads 3*16 = 48 (96 B).
  //    fills = T_c*T_m = 6; buffer 8 (16 B).
  // W: j*_W = c; V_W = T_n = 1: reads 48 (48 B); fills 6; buffer 2 m x 4 c = 8.
  // O: outside m(3) g n; j*_O = m; V_O = 1 (c inside): writes 12 (24 B);
  //    fills 3; buffer 2 n x 2 m = 4 elems (16 B).
  // traffic = 96 + 48 + 24 = 168; buffer = 16 + 8 + 16 = 40.
  const ArrayTraffic o{.buffer_elems = 4,
                       .buffer_bytes = 16,
                       .reads = 0,
                       .writes = 12,
                       .final_writes = 12,
                       .fills = 3,
                       .read_bytes = 0,
                       .write_bytes = 24};
  const Schedule s = make_schedule(layer, "srqpcmgn", {{Dim::c, 4}, {Dim::m, 2}}, 4, 4, 5);
  const Traffic t = evaluate(layer, s, m);
  expect_array(t, Tensor::I,
               {.buffer_elems = 8,
                .buffer_bytes = 16,
                .reads = 48,
                .writes = 0,
                .final_writes = 0,
                .fills = 6,
                .read_bytes = 96,
                .write_bytes = 0});
  expect_array(t, Tensor::W,
               {.buffer_elems = 8,
                .buffer_bytes = 8,
                .reads = 48,
                .writes = 0,
                .final_writes = 0,
                .fills = 6,
                .read_bytes = 48,
                .write_bytes = 0});
  expect_array(t, Tensor::O, o);
  expect_totals(t, 168, 40, 104, true);

  // O span 4: c is now outside O's buffer but inside j*_O = m, so it is not
  // counted in V_O (O stays resident while c steps): V_O = 1, O unchanged.
  const Schedule s4 = make_schedule(layer, "srqpcmgn", {{Dim::c, 4}, {Dim::m, 2}}, 4, 4, 4);
  const Traffic t4 = evaluate(layer, s4, m);
  expect_array(t4, Tensor::O, o);
  expect_totals(t4, 168, 40, 104, true);
}

// ---------------------------------------------------------------------------
// 11. Loops with T=1 are no-ops wherever they stand; when j*_A does not exist
//     the buffer is filled once.
TEST(ModelGolden, TrivialLoopsAndMissingJStar) {
  // N=1 C=4 M=2 H=W=3 R=S=1. |I| = 36, |W| = 8, |O| = 18. compulsory 62.
  const Layer layer(LayerSpec{.name = "nojstar", .C = 4, .M = 2, .H = 3, .W = 3});
  // Tiles t_c = 1 (T_c = 4); others full.
  // (a) Order s r q p c m g n; spans 4,4,4: outside c(4) m(1) g(1) n(1).
  // O: c does not index O, m g n have T=1 -> no j*_O: filled once, V_O = 1:
  //    writes 18 final, reads 0, fills 1, buffer 18 elems = 72 B (no spill
  //    although the reduction loop c is outside O's buffer).
  // I: j*_I = c; V_I = T_m = 1; footprint 1 ch x 9 = 9; 4 positions -> 36;
  //    fills 4; buffer 9.
  // W: j*_W = c; V_W = 1: reads 8; fills 4; buffer 2 m x 1 c = 2.
  // traffic = 36 + 8 + 18 = 62; buffer = 9 + 2 + 72 = 83.
  const Schedule a = make_schedule(layer, "srqpcmgn", {{Dim::c, 1}}, 4, 4, 4);
  const Traffic ta = evaluate(layer, a, Machine{});
  expect_array(ta, Tensor::I,
               {.buffer_elems = 9,
                .buffer_bytes = 9,
                .reads = 36,
                .writes = 0,
                .final_writes = 0,
                .fills = 4,
                .read_bytes = 36,
                .write_bytes = 0});
  expect_array(ta, Tensor::W,
               {.buffer_elems = 2,
                .buffer_bytes = 2,
                .reads = 8,
                .writes = 0,
                .final_writes = 0,
                .fills = 4,
                .read_bytes = 8,
                .write_bytes = 0});
  expect_array(ta, Tensor::O,
               {.buffer_elems = 18,
                .buffer_bytes = 72,
                .reads = 0,
                .writes = 18,
                .final_writes = 18,
                .fills = 1,
                .read_bytes = 0,
                .write_bytes = 18});
  expect_totals(ta, 62, 83, 62, true);

  // (b) Same, with the T=1 loops permuted outside c (m outermost): s r q p c g n m.
  //     Every outer loop is a no-op, so the result is identical.
  const Schedule b = make_schedule(layer, "srqpcgnm", {{Dim::c, 1}}, 4, 4, 4);
  EXPECT_EQ(evaluate(layer, b, Machine{}), ta);

  // (c) Whole layer in one tile, spans 0: every loop has T = 1, no j* for any
  //     array; each buffer holds the inner tile = the whole array, filled once.
  //     I 36, W 8, O 18 (72 B); traffic 62; buffer 36 + 8 + 72 = 116.
  const Schedule c = make_schedule(layer, "srqpcmgn", {}, 0, 0, 0);
  const Traffic tc = evaluate(layer, c, Machine{});
  expect_array(tc, Tensor::I,
               {.buffer_elems = 36,
                .buffer_bytes = 36,
                .reads = 36,
                .writes = 0,
                .final_writes = 0,
                .fills = 1,
                .read_bytes = 36,
                .write_bytes = 0});
  expect_array(tc, Tensor::W,
               {.buffer_elems = 8,
                .buffer_bytes = 8,
                .reads = 8,
                .writes = 0,
                .final_writes = 0,
                .fills = 1,
                .read_bytes = 8,
                .write_bytes = 0});
  expect_array(tc, Tensor::O,
               {.buffer_elems = 18,
                .buffer_bytes = 72,
                .reads = 0,
                .writes = 18,
                .final_writes = 18,
                .fills = 1,
                .read_bytes = 0,
                .write_bytes = 18});
  expect_totals(tc, 62, 116, 62, true);
}

// ---------------------------------------------------------------------------
// 12. Large padding: some output rows see only padding; their footprint is empty.
TEST(ModelGolden, OutputRowsThatSeeOnlyPadding) {
  // N=1 C=1 M=1 H=2 W=2 R=S=1 pad_top = pad_bottom = 2.
  // P = (2 + 4 - 1)/1 + 1 = 6, Q = 2. |I| = 4, |W| = 1, |O| = 12.
  // Output row p reads input row p-2: p=0,1 -> -2,-1 and p=4,5 -> 2,3 are
  // padding; only p=2,3 read rows 0,1.
  const Layer layer(LayerSpec{.name = "bigpad", .H = 2, .W = 2, .pad_top = 2, .pad_bottom = 2});
  ASSERT_EQ(layer.P(), 6);
  // Tiles t_p = 1 (T_p = 6). Order s r q p c m g n; spans I=3, W=8, O=3.
  // I: j*_I = p. Footprints 0, 0, 2, 2, 0, 0 -> reads 4; buffer 2;
  //    fills = product of T at/outside j*_I = T_p = 6 (DESIGN's fills rule).
  // W: span 8: buffer 1, reads 1, fills 1.
  // O: j*_O = p; V_O = 1: writes 12 (padding-only outputs are still outputs);
  //    fills 6; buffer 1 row x 2 = 2 elems = 8 B.
  // traffic = 4 + 1 + 12 = 17 = compulsory (4 + 1 + 12); buffer = 2 + 1 + 8 = 11.
  const Schedule s = make_schedule(layer, "srqpcmgn", {{Dim::p, 1}}, 3, 8, 3);
  const Traffic t = evaluate(layer, s, Machine{});
  EXPECT_EQ(compulsory_elems(layer)[Tensor::I], 4);
  expect_array(t, Tensor::I,
               {.buffer_elems = 2,
                .buffer_bytes = 2,
                .reads = 4,
                .writes = 0,
                .final_writes = 0,
                .fills = 6,
                .read_bytes = 4,
                .write_bytes = 0});
  expect_array(t, Tensor::W,
               {.buffer_elems = 1,
                .buffer_bytes = 1,
                .reads = 1,
                .writes = 0,
                .final_writes = 0,
                .fills = 1,
                .read_bytes = 1,
                .write_bytes = 0});
  expect_array(t, Tensor::O,
               {.buffer_elems = 2,
                .buffer_bytes = 8,
                .reads = 0,
                .writes = 12,
                .final_writes = 12,
                .fills = 6,
                .read_bytes = 0,
                .write_bytes = 12});
  expect_totals(t, 17, 11, 17, true);
}

// ---------------------------------------------------------------------------
// Compulsory input when the stride exceeds the dilated kernel extent: the
// skipped rows/columns are not part of it.
TEST(ModelGolden, CompulsoryInputSkipsRowsBetweenStrides) {
  // (a) N=1 C=2 M=3 H=W=7 R=S=2 stride 3 (extent 2 < 3).
  //     P = Q = (7-2)/3 + 1 = 2. Rows used {0,1} u {3,4}; rows 2, 5, 6 never.
  //     Same for columns -> 4 x 4 x 2 ch = 32 of |I| = 98.
  //     |W| = 3*2*4 = 24, |O| = 3*4 = 12.
  //     bytes default: 32 + 24 + 12 = 68; in=2 w=1 out=4: 64 + 24 + 48 = 136.
  const Layer a(LayerSpec{.name = "skip",
                          .C = 2,
                          .M = 3,
                          .H = 7,
                          .W = 7,
                          .R = 2,
                          .S = 2,
                          .stride_h = 3,
                          .stride_w = 3});
  ASSERT_EQ(a.P(), 2);
  ASSERT_EQ(a.Q(), 2);
  const PerTensor<Count> ca = compulsory_elems(a);
  EXPECT_EQ(ca[Tensor::I], 32);
  EXPECT_EQ(ca[Tensor::W], 24);
  EXPECT_EQ(ca[Tensor::O], 12);
  EXPECT_EQ(compulsory_bytes(a, Precision{}), 68);
  EXPECT_EQ(compulsory_bytes(a, Precision{.input = 2, .weight = 1, .output = 4, .psum = 4}), 136);
  // A whole-layer schedule moves exactly the compulsory traffic: its single I
  // footprint is the 32 used elements.
  const Traffic t = evaluate(a, make_schedule(a, "srqpcmgn", {}, 8, 8, 8), Machine{});
  EXPECT_EQ(t.arrays[Tensor::I].reads, 32);
  EXPECT_EQ(t.arrays[Tensor::I].buffer_elems, 32);
  EXPECT_EQ(t.traffic_bytes, 68);

  // (b) N=1 C=1 M=1 H=11 W=1 R=2 S=1 dilation_h 2 stride_h 4: extent 3 < 4.
  //     P = (11-3)/4 + 1 = 3. Rows {0,2}, {4,6}, {8,10} -> 6 of 11 (all odd
  //     rows skipped). |W| = 2, |O| = 3.
  const Layer b(
      LayerSpec{.name = "skip_dil", .H = 11, .W = 1, .R = 2, .stride_h = 4, .dilation_h = 2});
  ASSERT_EQ(b.P(), 3);
  const PerTensor<Count> cb = compulsory_elems(b);
  EXPECT_EQ(cb[Tensor::I], 6);
  EXPECT_EQ(cb[Tensor::W], 2);
  EXPECT_EQ(cb[Tensor::O], 3);
  EXPECT_EQ(compulsory_bytes(b, Precision{}), 11);
}

}  // namespace
}  // namespace spad
