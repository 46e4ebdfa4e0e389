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
#include <gtest/gtest.h>

#include <initializer_list>
#include <string_view>
#include <utility>

#include "model/evaluate.hpp"

namespace spad {
namespace {

// A schedule of `layer`: `order` is 8 letters innermost first ("srqpcmgn"),
// tiles default to the full extent, `tiles` overrides some of them.
Schedule make_schedule(const Layer& layer, std::string_view order,
                       std::initializer_list<std::pair<Dim, Count>> tiles, int span_i, int span_w,
                       int span_o) {
  Schedule s;
  EXPECT_EQ(order.size(), kNumDims);
  for (std::size_t i = 0; i < kNumDims && i < order.size(); ++i) {
    const auto d = parse_dim(order.substr(i, 1));
    EXPECT_TRUE(d.has_value()) << order;
    if (d) s.order[i] = *d;
  }
  for (Dim d : kAllDims) s.tiles[d] = layer.bound(d);
  for (const auto& [d, t] : tiles) s.tiles[d] = t;
  s.buffer_span[Tensor::I] = span_i;
  s.buffer_span[Tensor::W] = span_w;
  s.buffer_span[Tensor::O] = span_o;
  return s;
}

void expect_array(const Traffic& got, Tensor t, const ArrayTraffic& want) {
  const ArrayTraffic& a = got.arrays[t];
  SCOPED_TRACE(std::string("array ") + std::string(tensor_name(t)));
  EXPECT_EQ(a.buffer_elems, want.buffer_elems);
  EXPECT_EQ(a.buffer_bytes, want.buffer_bytes);
  EXPECT_EQ(a.reads, want.reads);
  EXPECT_EQ(a.writes, want.writes);
  EXPECT_EQ(a.final_writes, want.final_writes);
  EXPECT_EQ(a.fills, want.fills);
  EXPECT_EQ(a.read_bytes, want.read_bytes);
  EXPECT_EQ(a.write_bytes, want.write_bytes);
}

void expect_totals(const Traffic& got, Count traffic_bytes, Count buffer_bytes,
                   Count compulsory_bytes, bool fits) {
  EXPECT_EQ(got.traffic_bytes, traffic_bytes);
  EXPECT_EQ(got.buffer_bytes, buffer_bytes);
  EXPECT_EQ(got.compulsory_bytes, compulsory_bytes);
  EXPECT_EQ(got.fits, fits);
}

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
