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
// This file: strides, padding, partial sums, halo reuse, double buffering.
#include <gtest/gtest.h>

#include "golden_expect.hpp"
#include "model/evaluate.hpp"

namespace spad {
namespace {

using golden::expect_array;
using golden::expect_totals;
using golden::make_schedule;

// ---------------------------------------------------------------------------
// 1. 1x1 stride-2 conv: strided DMA, compulsory input = a quarter of I.
TEST(ModelGolden, Stride2OneByOneReadsEveryOtherRowAndColumn) {
  // N=1 C=2 M=3 H=W=6 R=S=1 stride 2, pad 0.
  // P = floor((6 - 1) / 2) + 1 = 3, Q = 3.  |I| = 2*36 = 72, |W| = 3*2 = 6,
  // |O| = 3*9 = 27.  Used input: rows {0,2,4} x cols {0,2,4} x 2 ch = 18 = 72/4.
  const Layer layer(LayerSpec{
      .name = "s2", .N = 1, .C = 2, .M = 3, .H = 6, .W = 6, .stride_h = 2, .stride_w = 2});
  ASSERT_EQ(layer.P(), 3);
  ASSERT_EQ(layer.Q(), 3);
  const PerTensor<Count> comp = compulsory_elems(layer);
  EXPECT_EQ(comp[Tensor::I], 18);
  EXPECT_EQ(comp[Tensor::W], 6);
  EXPECT_EQ(comp[Tensor::O], 27);
  EXPECT_EQ(compulsory_bytes(layer, Precision{}), 18 + 6 + 27);

  // Tiles: t_p = 2 -> T_p = 2 (tiles p{0,1}, p{2}); all others full (T = 1).
  // Order s r q p c m g n; spans I=3, W=8, O=3.
  // I: outside p(2) c(1) m(1) g(1) n(1); j*_I = p.
  //    p{0,1}: rows {0,2} x cols {0,2,4} x 2 ch = 12;  p{2}: rows {4} -> 2*1*3 = 6.
  //    reads = V_I(=T_m=1) * (12 + 6) = 18; fills = T_p = 2; buffer = max = 12.
  // W: span 8 -> no loop outside, buffer = |W| = 6, reads 6, fills 1.
  // O: outside p(2) ...; j*_O = p; V_O = T_c(1) = 1 (r, s inside).
  //    writes = 27 (all final), reads 0, fills = T_p = 2,
  //    buffer = 3 m x 2 rows x 3 cols = 18 elems x 4 B = 72 B.
  // traffic = 18 + 6 + 27 = 51; buffer = 12 + 6 + 72 = 90; compulsory = 51.
  const Schedule s = make_schedule(layer, "srqpcmgn", {{Dim::p, 2}}, 3, 8, 3);
  const Traffic t = evaluate(layer, s, Machine{});
  expect_array(t, Tensor::I,
               {.buffer_elems = 12,
                .buffer_bytes = 12,
                .reads = 18,
                .writes = 0,
                .final_writes = 0,
                .fills = 2,
                .read_bytes = 18,
                .write_bytes = 0});
  expect_array(t, Tensor::W,
               {.buffer_elems = 6,
                .buffer_bytes = 6,
                .reads = 6,
                .writes = 0,
                .final_writes = 0,
                .fills = 1,
                .read_bytes = 6,
                .write_bytes = 0});
  expect_array(t, Tensor::O,
               {.buffer_elems = 18,
                .buffer_bytes = 72,
                .reads = 0,
                .writes = 27,
                .final_writes = 27,
                .fills = 2,
                .read_bytes = 0,
                .write_bytes = 27});
  expect_totals(t, 51, 90, 51, true);
}

// ---------------------------------------------------------------------------
// 2. Padding is not traffic: 3x3 pad-1 conv tiled along p; the first and last
//    tiles' footprints are clipped. Precision in=2, w=1, out=2, psum=4.
TEST(ModelGolden, PaddingRowsAreNotTraffic) {
  // N=1 C=1 M=1 H=W=4 R=S=3 pad 1 all round. P = (4+2-3)/1+1 = 4, Q = 4.
  // |I| = 16, |W| = 9, |O| = 16. Every input element is used: compulsory
  // = 16*2 + 9*1 + 16*2 = 73 B.
  const Layer layer(LayerSpec{.name = "pad1",
                              .H = 4,
                              .W = 4,
                              .R = 3,
                              .S = 3,
                              .pad_top = 1,
                              .pad_left = 1,
                              .pad_bottom = 1,
                              .pad_right = 1});
  Machine m;
  m.precision = Precision{.input = 2, .weight = 1, .output = 2, .psum = 4};
  ASSERT_EQ(layer.P(), 4);
  EXPECT_EQ(compulsory_elems(layer)[Tensor::I], 16);
  EXPECT_EQ(compulsory_bytes(layer, m.precision), 73);

  // (a) t_p = 2 -> T_p = 2. Order s r q p c m g n; spans I=3, W=8, O=3.
  // I: outside p(2), rest T=1; j*_I = p.
  //    cols (q 0..3, s 0..2): q+s-1 in -1..4, clipped to 0..3 -> 4 cols.
  //    p{0,1}: rows p+r-1 in -1..2 -> {0,1,2} = 3 rows -> 12 (unclipped 4x6=24)
  //    p{2,3}: rows 1..4 -> {1,2,3} = 3 rows -> 12.
  //    reads = 24 elems = 48 B; fills 2; buffer 12 elems = 24 B.
  // W: span 8: buffer 9 (9 B), reads 9 (9 B), fills 1.
  // O: j*_O = p, V_O = 1: writes 16 (final, 2 B each = 32 B), fills 2,
  //    buffer 2 rows x 4 cols = 8 elems x 4 B = 32 B.
  // traffic = 48 + 9 + 32 = 89; buffer = 24 + 9 + 32 = 65.
  {
    const Schedule s = make_schedule(layer, "srqpcmgn", {{Dim::p, 2}}, 3, 8, 3);
    const Traffic t = evaluate(layer, s, m);
    expect_array(t, Tensor::I,
                 {.buffer_elems = 12,
                  .buffer_bytes = 24,
                  .reads = 24,
                  .writes = 0,
                  .final_writes = 0,
                  .fills = 2,
                  .read_bytes = 48,
                  .write_bytes = 0});
    expect_array(t, Tensor::W,
                 {.buffer_elems = 9,
                  .buffer_bytes = 9,
                  .reads = 9,
                  .writes = 0,
                  .final_writes = 0,
                  .fills = 1,
                  .read_bytes = 9,
                  .write_bytes = 0});
    expect_array(t, Tensor::O,
                 {.buffer_elems = 8,
                  .buffer_bytes = 32,
                  .reads = 0,
                  .writes = 16,
                  .final_writes = 16,
                  .fills = 2,
                  .read_bytes = 0,
                  .write_bytes = 32});
    expect_totals(t, 89, 65, 73, true);
  }
  // (b) t_p = 1 -> T_p = 4. Rows per p (p+r-1, r 0..2, clipped):
  //    p0 {0,1}=2, p1 {0,1,2}=3, p2 {1,2,3}=3, p3 {2,3}=2 -> 10 rows x 4 cols = 40.
  //    I: reads 40 (80 B), fills 4, buffer 3x4 = 12 (24 B).
  //    O: fills 4, buffer 1 row x 4 = 4 elems (16 B), writes 16 (32 B).
  //    traffic = 80 + 9 + 32 = 121; buffer = 24 + 9 + 16 = 49.
  {
    const Schedule s = make_schedule(layer, "srqpcmgn", {{Dim::p, 1}}, 3, 8, 3);
    const Traffic t = evaluate(layer, s, m);
    expect_array(t, Tensor::I,
                 {.buffer_elems = 12,
                  .buffer_bytes = 24,
                  .reads = 40,
                  .writes = 0,
                  .final_writes = 0,
                  .fills = 4,
                  .read_bytes = 80,
                  .write_bytes = 0});
    expect_array(t, Tensor::W,
                 {.buffer_elems = 9,
                  .buffer_bytes = 9,
                  .reads = 9,
                  .writes = 0,
                  .final_writes = 0,
                  .fills = 1,
                  .read_bytes = 9,
                  .write_bytes = 0});
    expect_array(t, Tensor::O,
                 {.buffer_elems = 4,
                  .buffer_bytes = 16,
                  .reads = 0,
                  .writes = 16,
                  .final_writes = 16,
                  .fills = 4,
                  .read_bytes = 0,
                  .write_bytes = 32});
    expect_totals(t, 121, 49, 73, true);

    // (c) same with halo_reuse: every fill after the first is p stepping by one
    //    (c m g n all T=1, never change). New rows: p0 {0,1} = 2, p1 +{2} = 1,
    //    p2 +{3} = 1, p3 {2,3} subset of {1,2,3} -> 0. 4 rows x 4 = 16 = |I|.
    //    I reads 16 (32 B); everything else as (b). traffic = 32 + 9 + 32 = 73.
    Machine halo = m;
    halo.halo_reuse = true;
    const Traffic th = evaluate(layer, s, halo);
    expect_array(th, Tensor::I,
                 {.buffer_elems = 12,
                  .buffer_bytes = 24,
                  .reads = 16,
                  .writes = 0,
                  .final_writes = 0,
                  .fills = 4,
                  .read_bytes = 32,
                  .write_bytes = 0});
    EXPECT_EQ(th.arrays[Tensor::W], t.arrays[Tensor::W]);
    EXPECT_EQ(th.arrays[Tensor::O], t.arrays[Tensor::O]);
    expect_totals(th, 73, 49, 73, true);
  }
}

// ---------------------------------------------------------------------------
// 3. Partial-sum spill: the reduction loop c outside O's buffer and outside j*_O.
TEST(ModelGolden, PartialSumSpillAcrossChannelTiles) {
  // N=1 C=4 M=2 H=W=3 R=S=1. P=Q=3. |I| = 36, |W| = 8, |O| = 18.
  const Layer layer(LayerSpec{.name = "spill", .C = 4, .M = 2, .H = 3, .W = 3});
  // Tiles t_p = 1 (T_p = 3), t_c = 1 (T_c = 4); others full.
  // Order s r q p c m g n; spans I=3, W=3, O=3: outside p(3) c(4) m(1) g(1) n(1).
  // O: j*_O = p (indexes O, T=3). Reductions at/outside p: c(4) -> V_O = 4.
  //    writes = 4*18 = 72, final 18 (1 B) + 54 partial (4 B) = 18 + 216 = 234 B;
  //    reads = 3*18 = 54 partial = 216 B; fills = T_p*T_c = 12;
  //    buffer = 2 m x 1 row x 3 cols = 6 elems x 4 B = 24 B.
  // I: j*_I = p; footprint per (p, c) = 1 ch x 1 row x 3 cols = 3; 3*4 = 12
  //    positions -> 36; V_I = T_m = 1. fills 12, buffer 3.
  // W: j*_W = c (p does not index W). V_W = n's T (1) = 1 -> reads 8.
  //    fills = T_c = 4, buffer = 2 m x 1 c = 2.
  // traffic = 36 + 8 + 216 + 234 = 494; buffer = 3 + 2 + 24 = 29;
  // compulsory = 36 + 8 + 18 = 62.
  const Schedule s = make_schedule(layer, "srqpcmgn", {{Dim::p, 1}, {Dim::c, 1}}, 3, 3, 3);
  const Traffic t = evaluate(layer, s, Machine{});
  expect_array(t, Tensor::I,
               {.buffer_elems = 3,
                .buffer_bytes = 3,
                .reads = 36,
                .writes = 0,
                .final_writes = 0,
                .fills = 12,
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
               {.buffer_elems = 6,
                .buffer_bytes = 24,
                .reads = 54,
                .writes = 72,
                .final_writes = 18,
                .fills = 12,
                .read_bytes = 216,
                .write_bytes = 234});
  expect_totals(t, 494, 29, 62, true);
}

TEST(ModelGolden, PartialSumSpillAcrossKernelRowsAndChannels) {
  // N=1 C=2 M=1 H=4 W=3 R=3 S=1. P = 2, Q = 3. |I| = 24, |W| = 6, |O| = 6.
  const Layer layer(LayerSpec{.name = "spill_rc", .C = 2, .M = 1, .H = 4, .W = 3, .R = 3});
  ASSERT_EQ(layer.P(), 2);
  // Tiles t_p = 1 (T_p=2), t_r = 1 (T_r=3), t_c = 1 (T_c=2); others full.
  // Order s q p r c m g n; spans I=W=O=2: outside p(2) r(3) c(2) m(1) g(1) n(1).
  // O: j*_O = p. Reductions at/outside p: r(3), c(2) -> V_O = 6.
  //    writes = 6*6 = 36: 6 final (6 B) + 30 partial (120 B) = 126 B;
  //    reads = 5*6 = 30 partial = 120 B; fills = 2*3*2 = 12;
  //    buffer = 1 row x 3 cols = 3 elems = 12 B.
  // I: j*_I = p; footprint per (p, r, c): row p+r (always < 4) x 3 cols = 3;
  //    12 positions -> 36 (V_I = 1); fills 12; buffer 3.
  // W: j*_W = r (p does not index W); V_W = T_n = 1 -> 6 reads;
  //    fills = T_r*T_c = 6; buffer = 1 m x 1 c x 1 r x 1 s = 1.
  // traffic = 36 + 6 + 120 + 126 = 288; buffer = 3 + 1 + 12 = 16;
  // compulsory = 24 + 6 + 6 = 36.
  const Schedule s =
      make_schedule(layer, "sqprcmgn", {{Dim::p, 1}, {Dim::r, 1}, {Dim::c, 1}}, 2, 2, 2);
  const Traffic t = evaluate(layer, s, Machine{});
  expect_array(t, Tensor::I,
               {.buffer_elems = 3,
                .buffer_bytes = 3,
                .reads = 36,
                .writes = 0,
                .final_writes = 0,
                .fills = 12,
                .read_bytes = 36,
                .write_bytes = 0});
  expect_array(t, Tensor::W,
               {.buffer_elems = 1,
                .buffer_bytes = 1,
                .reads = 6,
                .writes = 0,
                .final_writes = 0,
                .fills = 6,
                .read_bytes = 6,
                .write_bytes = 0});
  expect_array(t, Tensor::O,
               {.buffer_elems = 3,
                .buffer_bytes = 12,
                .reads = 30,
                .writes = 36,
                .final_writes = 6,
                .fills = 12,
                .read_bytes = 120,
                .write_bytes = 126});
  expect_totals(t, 288, 16, 36, true);
}

// ---------------------------------------------------------------------------
// 4. halo_reuse along p; a fill caused by an outer loop (c) is whole.
TEST(ModelGolden, HaloReuseAlongP) {
  // N=1 C=2 M=1 H=6 W=4 R=3 S=1 pad 0. P = 4, Q = 4.
  // |I| = 2*24 = 48, |W| = 1*2*3 = 6, |O| = 16.
  const Layer layer(LayerSpec{.name = "halo_p", .C = 2, .M = 1, .H = 6, .W = 4, .R = 3});
  // Tiles t_p = 2 (T_p = 2), t_c = 1 (T_c = 2); others full.
  // Order s r q p c m g n; spans I=3, W=3, O=5.
  // I: outside p(2) c(2) m g n; j*_I = p.
  //    p{0,1}: rows {0..3}; p{2,3}: rows {2..5}: 4 rows x 4 cols x 1 ch = 16.
  //    Without halo: 4 positions x 16 = 64. fills = 4, buffer 16.
  //    With halo: (c0,p0) whole 16; (c0,p1) p steps -> new rows {4,5} = 8;
  //    (c1,p0) caused by c -> whole 16; (c1,p1) -> 8. Total 48 = |I|.
  // W: outside p c m g n; j*_W = c; V_W = 1 -> reads 6; fills 2;
  //    buffer = 1 m x 1 c x 3 r x 1 s = 3.
  // O: outside m g n, all T=1 -> no j*_O: filled once, V_O = 1.
  //    writes 16 final, reads 0, fills 1, buffer 16 elems = 64 B.
  // traffic: 64 + 6 + 16 = 86 without, 48 + 6 + 16 = 70 with halo.
  // buffer = 16 + 3 + 64 = 83; compulsory = 48 + 6 + 16 = 70.
  const Schedule s = make_schedule(layer, "srqpcmgn", {{Dim::p, 2}, {Dim::c, 1}}, 3, 3, 5);
  const ArrayTraffic w{.buffer_elems = 3,
                       .buffer_bytes = 3,
                       .reads = 6,
                       .writes = 0,
                       .final_writes = 0,
                       .fills = 2,
                       .read_bytes = 6,
                       .write_bytes = 0};
  const ArrayTraffic o{.buffer_elems = 16,
                       .buffer_bytes = 64,
                       .reads = 0,
                       .writes = 16,
                       .final_writes = 16,
                       .fills = 1,
                       .read_bytes = 0,
                       .write_bytes = 16};
  {
    const Traffic t = evaluate(layer, s, Machine{});
    expect_array(t, Tensor::I,
                 {.buffer_elems = 16,
                  .buffer_bytes = 16,
                  .reads = 64,
                  .writes = 0,
                  .final_writes = 0,
                  .fills = 4,
                  .read_bytes = 64,
                  .write_bytes = 0});
    expect_array(t, Tensor::W, w);
    expect_array(t, Tensor::O, o);
    expect_totals(t, 86, 83, 70, true);
  }
  {
    Machine m;
    m.halo_reuse = true;
    const Traffic t = evaluate(layer, s, m);
    expect_array(t, Tensor::I,
                 {.buffer_elems = 16,
                  .buffer_bytes = 16,
                  .reads = 48,
                  .writes = 0,
                  .final_writes = 0,
                  .fills = 4,
                  .read_bytes = 48,
                  .write_bytes = 0});
    expect_array(t, Tensor::W, w);
    expect_array(t, Tensor::O, o);
    expect_totals(t, 70, 83, 70, true);
  }
}

// ---------------------------------------------------------------------------
// 5. halo_reuse along r: the kernel-row loop is j*_I; partial last r tile.
TEST(ModelGolden, HaloReuseAlongKernelRows) {
  // N=1 C=1 M=1 H=5 W=3 R=3 S=1. P = 3, Q = 3. |I| = 15, |W| = 3, |O| = 9.
  const Layer layer(LayerSpec{.name = "halo_r", .H = 5, .W = 3, .R = 3});
  ASSERT_EQ(layer.P(), 3);
  // Tiles t_r = 2 -> T_r = 2 (r{0,1}, r{2}); others full.
  // Order s q p r c m g n; spans I=W=O=3 (s q p inside): outside r(2) c m g n.
  // I: j*_I = r. r{0,1}: rows p+r = {0..3} x 3 cols = 12; r{2}: {2,3,4} -> 9.
  //    Without halo: 21. With halo: 12 + ({2,3,4} \ {0..3} = {4}) 3 = 15.
  //    fills 2, buffer 12.
  // W: j*_W = r; tiles r{0,1} = 2, r{2} = 1 -> buffer 2; V_W = 1 -> reads 3;
  //    fills 2.
  // O: outside r c m g n; r does not index O, the rest T=1 -> no j*_O:
  //    fills 1, V_O = 1, writes 9, reads 0, buffer 9 elems = 36 B.
  // traffic 21 + 3 + 9 = 33 without, 15 + 3 + 9 = 27 with halo;
  // buffer 12 + 2 + 36 = 50; compulsory 15 + 3 + 9 = 27.
  const Schedule s = make_schedule(layer, "sqprcmgn", {{Dim::r, 2}}, 3, 3, 3);
  const ArrayTraffic w{.buffer_elems = 2,
                       .buffer_bytes = 2,
                       .reads = 3,
                       .writes = 0,
                       .final_writes = 0,
                       .fills = 2,
                       .read_bytes = 3,
                       .write_bytes = 0};
  const ArrayTraffic o{.buffer_elems = 9,
                       .buffer_bytes = 36,
                       .reads = 0,
                       .writes = 9,
                       .final_writes = 9,
                       .fills = 1,
                       .read_bytes = 0,
                       .write_bytes = 9};
  {
    const Traffic t = evaluate(layer, s, Machine{});
    expect_array(t, Tensor::I,
                 {.buffer_elems = 12,
                  .buffer_bytes = 12,
                  .reads = 21,
                  .writes = 0,
                  .final_writes = 0,
                  .fills = 2,
                  .read_bytes = 21,
                  .write_bytes = 0});
    expect_array(t, Tensor::W, w);
    expect_array(t, Tensor::O, o);
    expect_totals(t, 33, 50, 27, true);
  }
  {
    Machine m;
    m.halo_reuse = true;
    const Traffic t = evaluate(layer, s, m);
    expect_array(t, Tensor::I,
                 {.buffer_elems = 12,
                  .buffer_bytes = 12,
                  .reads = 15,
                  .writes = 0,
                  .final_writes = 0,
                  .fills = 2,
                  .read_bytes = 15,
                  .write_bytes = 0});
    expect_array(t, Tensor::W, w);
    expect_array(t, Tensor::O, o);
    expect_totals(t, 27, 50, 27, true);
  }
}

// ---------------------------------------------------------------------------
// 6. double_buffer doubles every buffer and flips `fits` between the two sizes.
TEST(ModelGolden, DoubleBufferDoublesBuffersAndChangesFits) {
  // N=1 C=2 M=4 H=W=4 R=S=3 pad 0. P = Q = 2.
  // |I| = 32, |W| = 4*2*9 = 72, |O| = 4*4 = 16.
  const Layer layer(LayerSpec{.name = "db", .C = 2, .M = 4, .H = 4, .W = 4, .R = 3, .S = 3});
  // Tiles t_m = 2 (T_m = 2); others full. Order s r q p c m g n; spans 5,5,5:
  // outside m(2) g(1) n(1).
  // I: m does not index I, g and n have T=1 -> no j*_I: filled once,
  //    V_I = 1: reads 32, fills 1, buffer 32.
  // W: j*_W = m; V_W = T_n = 1 -> reads 72; fills 2; buffer 2*2*9 = 36.
  // O: j*_O = m; V_O = 1 -> writes 16 final, reads 0; fills 2;
  //    buffer 2 m x 2 x 2 = 8 elems = 32 B.
  // single: buffer bytes 32 + 36 + 32 = 100.
  // double: elems 64, 72, 16 -> bytes 64 + 72 + 64 = 200.
  // traffic = 32 + 72 + 16 = 120 = compulsory in both.
  const Schedule s = make_schedule(layer, "srqpcmgn", {{Dim::m, 2}}, 5, 5, 5);
  for (bool dbl : {false, true}) {
    SCOPED_TRACE(dbl ? "double_buffer" : "single buffer");
    const Count k = dbl ? 2 : 1;
    Machine m;
    m.double_buffer = dbl;
    m.capacity_bytes = 150;
    const Traffic t = evaluate(layer, s, m);
    expect_array(t, Tensor::I,
                 {.buffer_elems = 32 * k,
                  .buffer_bytes = 32 * k,
                  .reads = 32,
                  .writes = 0,
                  .final_writes = 0,
                  .fills = 1,
                  .read_bytes = 32,
                  .write_bytes = 0});
    expect_array(t, Tensor::W,
                 {.buffer_elems = 36 * k,
                  .buffer_bytes = 36 * k,
                  .reads = 72,
                  .writes = 0,
                  .final_writes = 0,
                  .fills = 2,
                  .read_bytes = 72,
                  .write_bytes = 0});
    expect_array(t, Tensor::O,
                 {.buffer_elems = 8 * k,
                  .buffer_bytes = 32 * k,
                  .reads = 0,
                  .writes = 16,
                  .final_writes = 16,
                  .fills = 2,
                  .read_bytes = 0,
                  .write_bytes = 16});
    // capacity 150 lies between 100 and 200.
    expect_totals(t, 120, 100 * k, 120, !dbl);
  }
  // The constraint is <=: exactly 100 fits single, 99 does not; 200 fits double.
  Machine m;
  m.capacity_bytes = 100;
  EXPECT_TRUE(evaluate(layer, s, m).fits);
  m.capacity_bytes = 99;
  EXPECT_FALSE(evaluate(layer, s, m).fits);
  m.double_buffer = true;
  m.capacity_bytes = 200;
  EXPECT_TRUE(evaluate(layer, s, m).fits);
  m.capacity_bytes = 199;
  EXPECT_FALSE(evaluate(layer, s, m).fits);
}

}  // namespace
}  // namespace spad
