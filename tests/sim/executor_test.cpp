// The functional executor against the reference convolution (values) and the
// analytical model (element counts), on random small layers and schedules and
// on targeted cases: strided 1x1, depthwise, heavy padding, halo reuse along
// p and s, batch with groups.
#include "sim/executor.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>

#include "model/evaluate.hpp"
#include "random_cases.hpp"
#include "sim/exec_buffer.hpp"
#include "sim/reference_conv.hpp"

namespace spad {
namespace {

std::string describe(const Layer& l, const Schedule& s, const Machine& m) {
  const LayerSpec& x = l.spec();
  std::ostringstream o;
  o << "layer N=" << x.N << " C=" << x.C << " M=" << x.M << " H=" << x.H << " W=" << x.W
    << " R=" << x.R << " S=" << x.S << " stride=" << x.stride_h << "," << x.stride_w
    << " dil=" << x.dilation_h << "," << x.dilation_w << " pad=" << x.pad_top << "," << x.pad_left
    << "," << x.pad_bottom << "," << x.pad_right << " G=" << x.groups << " (P=" << l.P()
    << " Q=" << l.Q() << ")\nschedule order(inner first)=";
  for (Dim d : s.order) o << dim_name(d);
  o << " tiles=";
  for (Dim d : kAllDims) o << dim_name(d) << s.tiles[d] << " ";
  o << "span I=" << s.buffer_span[Tensor::I] << " W=" << s.buffer_span[Tensor::W]
    << " O=" << s.buffer_span[Tensor::O] << "\nmachine halo=" << m.halo_reuse
    << " double=" << m.double_buffer;
  return o.str();
}

// Runs the executor and checks it against the reference and the model.
void expect_agrees(const Layer& layer, const Schedule& s, const Machine& m, std::uint64_t seed) {
  SCOPED_TRACE(describe(layer, s, m));
  const Traffic model = evaluate(layer, s, m);
  const Execution e = execute(layer, s, m, seed);
  EXPECT_TRUE(e.output_matches());
  EXPECT_EQ(e.macs, layer.macs());
  for (Tensor t : kAllTensors) {
    SCOPED_TRACE(std::string("array ") + std::string(tensor_name(t)));
    const ArrayTraffic& want = model.arrays[t];
    const ExecArrayCounts& got = e.arrays[t];
    EXPECT_EQ(got.reads, want.reads);
    EXPECT_EQ(got.writes, want.writes);
    EXPECT_EQ(got.final_writes, want.final_writes);
    EXPECT_EQ(got.fills, want.fills);
    // The buffer size is the largest footprint, and every tile position is
    // visited, so the executor's peak reaches it exactly.
    EXPECT_EQ(got.peak_elems * (m.double_buffer ? 2 : 1), want.buffer_elems);
    EXPECT_LE(got.peak_elems, got.capacity_elems);
    // The executor's own replay sizes its buffers (sim/executor:
    // replay_buffer_sizes): one copy of the model's size.
    EXPECT_EQ(got.capacity_elems * (m.double_buffer ? 2 : 1), want.buffer_elems);
  }
  EXPECT_EQ(e.arrays[Tensor::O].final_writes, layer.size(Tensor::O));
}

Schedule whole_layer(const Layer& layer) {
  Schedule s;
  for (Dim d : kAllDims) s.tiles[d] = layer.bound(d);
  s.buffer_span = {{8, 8, 8}};
  return s;
}

TEST(ReferenceConv, SmallHandComputed) {
  // 1 channel 3x3 input, 2x2 kernel of ones, pad 1 right/bottom only.
  Layer layer(LayerSpec{.name = "t",
                        .N = 1,
                        .C = 1,
                        .M = 1,
                        .H = 3,
                        .W = 3,
                        .R = 2,
                        .S = 2,
                        .pad_bottom = 1,
                        .pad_right = 1});
  IntTensor4 in({1, 1, 3, 3});
  for (Count i = 0; i < 9; ++i) in.data[static_cast<std::size_t>(i)] = i + 1;  // 1..9
  IntTensor4 w({1, 1, 2, 2});
  w.data = {1, 1, 1, 1};
  const IntTensor4 out = reference_conv(layer, in, w);
  ASSERT_EQ(out.shape, (std::array<Count, 4>{1, 1, 3, 3}));
  EXPECT_EQ(out.data, (std::vector<Value>{12, 16, 9, 24, 28, 15, 15, 17, 9}));
}

TEST(ScratchBuffer, RejectsMissingReadsAndOverflow) {
  ScratchBuffer b("X", 10, 2);
  b.put(3, 7);
  EXPECT_EQ(b.get(3), 7);
  EXPECT_THROW(b.get(4), InternalError);
  b.put(4, 1);
  EXPECT_THROW(b.put(5, 0), InternalError);
  b.retain_only({4});
  EXPECT_FALSE(b.holds(3));
  EXPECT_TRUE(b.holds(4));
  EXPECT_EQ(b.peak(), 2);
}

TEST(Executor, WholeLayerMovesEachElementOnce) {
  Layer layer(LayerSpec{.name = "t", .N = 1, .C = 2, .M = 3, .H = 4, .W = 4});
  const Execution e = execute(layer, whole_layer(layer), Machine{}, 1);
  EXPECT_TRUE(e.output_matches());
  EXPECT_EQ(e.arrays[Tensor::I].reads, 32);
  EXPECT_EQ(e.arrays[Tensor::W].reads, 6);
  EXPECT_EQ(e.arrays[Tensor::O].reads, 0);
  EXPECT_EQ(e.arrays[Tensor::O].writes, 48);
}

TEST(Executor, Stride2OneByOneLoadsOnlyUsedRows) {
  // 7x7 input, 1x1 kernel, stride 2: only rows/cols 0,2,4,6 are used.
  Layer layer(LayerSpec{
      .name = "s2", .N = 1, .C = 3, .M = 2, .H = 7, .W = 7, .stride_h = 2, .stride_w = 2});
  ASSERT_EQ(layer.P(), 4);
  Schedule s = whole_layer(layer);
  s.tiles[Dim::p] = 2;
  s.tiles[Dim::m] = 1;
  s.order = {Dim::s, Dim::r, Dim::q, Dim::c, Dim::p, Dim::m, Dim::g, Dim::n};
  s.buffer_span = {{4, 4, 5}};
  for (bool halo : {false, true}) {
    Machine m;
    m.halo_reuse = halo;
    expect_agrees(layer, s, m, 2);
    // I reloaded once per m tile; each fill brings 2 used rows x 4 used cols x 3 channels.
    EXPECT_EQ(execute(layer, s, m, 2).arrays[Tensor::I].reads, 2 * 3 * 4 * 4);
  }
}

TEST(Executor, Depthwise) {
  Layer layer(LayerSpec{.name = "dw",
                        .N = 1,
                        .C = 4,
                        .M = 4,
                        .H = 6,
                        .W = 5,
                        .R = 3,
                        .S = 3,
                        .pad_top = 1,
                        .pad_left = 1,
                        .pad_bottom = 1,
                        .pad_right = 1,
                        .groups = 4});
  Schedule s = whole_layer(layer);
  s.tiles[Dim::g] = 1;
  s.tiles[Dim::p] = 2;
  s.order = {Dim::s, Dim::r, Dim::q, Dim::m, Dim::c, Dim::p, Dim::g, Dim::n};
  s.buffer_span = {{5, 6, 5}};
  for (bool halo : {false, true}) {
    Machine m;
    m.halo_reuse = halo;
    expect_agrees(layer, s, m, 3);
  }
}

TEST(Executor, HeavyPaddingOutputsSeeingOnlyPadding) {
  // 2x2 input, 3x3 kernel, pad 4 on every side: P = Q = 8, and the outer ring
  // of width 2 (rows/cols 0, 1, 6, 7) reads only padding.
  Layer layer(LayerSpec{.name = "pad",
                        .N = 1,
                        .C = 2,
                        .M = 2,
                        .H = 2,
                        .W = 2,
                        .R = 3,
                        .S = 3,
                        .pad_top = 4,
                        .pad_left = 4,
                        .pad_bottom = 4,
                        .pad_right = 4});
  ASSERT_EQ(layer.P(), 8);
  Schedule s = whole_layer(layer);
  s.tiles[Dim::p] = 1;
  s.tiles[Dim::q] = 2;
  s.order = {Dim::s, Dim::r, Dim::c, Dim::m, Dim::q, Dim::p, Dim::g, Dim::n};
  s.buffer_span = {{4, 4, 4}};  // I filled per (p, q-tile); j*_I = q
  // In-bounds rows per p: 0 0 1 2 2 1 0 0 (sum 6); columns per q tile
  // {0,1} {2,3} {4,5} {6,7}: 0 2 2 0 (sum 4), the two middle tiles the same {0, 1}.
  const Count whole = 2 * 6 * 4;  // C x rows x columns, every fill whole
  const Count halo = 2 * 6 * 2;   // the q step {2,3} -> {4,5} loads nothing
  for (bool reuse : {false, true}) {
    Machine m;
    m.halo_reuse = reuse;
    expect_agrees(layer, s, m, 4);
    const Execution e = execute(layer, s, m, 4);
    EXPECT_EQ(e.arrays[Tensor::I].reads, reuse ? halo : whole);
    EXPECT_EQ(e.arrays[Tensor::I].fills, 32);
    for (Count o = 0; o < 2; ++o)
      for (Count p = 0; p < 8; ++p)
        for (Count q = 0; q < 8; ++q)
          if (p < 2 || p > 5 || q < 2 || q > 5) {
            EXPECT_EQ(e.output.at(0, o, p, q), 0);
          }
  }
}

TEST(Executor, HaloReuseAlongP) {
  // 6 input rows, R=3, P=4 output rows one per tile; the I buffer holds 3 rows.
  Layer layer(LayerSpec{.name = "hp", .N = 1, .C = 2, .M = 2, .H = 6, .W = 4, .R = 3, .S = 1});
  Schedule s = whole_layer(layer);
  s.tiles[Dim::p] = 1;
  s.order = {Dim::s, Dim::r, Dim::q, Dim::c, Dim::m, Dim::p, Dim::g, Dim::n};
  s.buffer_span = {{5, 5, 5}};
  Machine plain, halo;
  halo.halo_reuse = true;
  expect_agrees(layer, s, plain, 5);
  expect_agrees(layer, s, halo, 5);
  EXPECT_EQ(execute(layer, s, plain, 5).arrays[Tensor::I].reads, 4 * 3 * 4 * 2);
  EXPECT_EQ(execute(layer, s, halo, 5).arrays[Tensor::I].reads, 6 * 4 * 2);  // each row once
  EXPECT_EQ(execute(layer, s, halo, 5).arrays[Tensor::I].fills, 4);
}

TEST(Executor, HaloReuseAlongS) {
  // j*_I = s: each s tile needs columns s..s+Q-1; neighbours share Q-1 of them.
  Layer layer(LayerSpec{.name = "hs", .N = 1, .C = 1, .M = 2, .H = 3, .W = 7, .R = 1, .S = 3});
  ASSERT_EQ(layer.Q(), 5);
  Schedule s = whole_layer(layer);
  s.tiles[Dim::s] = 1;
  s.order = {Dim::q, Dim::p, Dim::r, Dim::c, Dim::m, Dim::s, Dim::g, Dim::n};
  s.buffer_span = {{5, 5, 8}};
  Machine plain, halo;
  halo.halo_reuse = true;
  expect_agrees(layer, s, plain, 6);
  expect_agrees(layer, s, halo, 6);
  EXPECT_EQ(execute(layer, s, plain, 6).arrays[Tensor::I].reads, 3 * 5 * 3);
  EXPECT_EQ(execute(layer, s, halo, 6).arrays[Tensor::I].reads, 3 * 7);
}

TEST(Executor, HaloNotAppliedWhenAnOuterLoopSteps) {
  // j*_I = p, with m outside it: when m steps, p wraps and the fill is whole.
  Layer layer(LayerSpec{.name = "hm", .N = 1, .C = 1, .M = 2, .H = 5, .W = 3, .R = 2, .S = 1});
  Schedule s = whole_layer(layer);
  s.tiles[Dim::p] = 1;
  s.tiles[Dim::m] = 1;
  s.order = {Dim::s, Dim::r, Dim::q, Dim::c, Dim::p, Dim::m, Dim::g, Dim::n};
  s.buffer_span = {{4, 4, 4}};
  Machine halo;
  halo.halo_reuse = true;
  expect_agrees(layer, s, halo, 7);
  // Per m tile: first p tile 2 rows, then 3 more p tiles adding 1 row each.
  EXPECT_EQ(execute(layer, s, halo, 7).arrays[Tensor::I].reads, 2 * 5 * 3);
}

TEST(Executor, BatchWithGroups) {
  Layer layer(LayerSpec{.name = "bg",
                        .N = 2,
                        .C = 4,
                        .M = 6,
                        .H = 5,
                        .W = 4,
                        .R = 3,
                        .S = 2,
                        .stride_h = 1,
                        .stride_w = 2,
                        .dilation_h = 2,
                        .pad_top = 2,
                        .pad_left = 1,
                        .pad_bottom = 1,
                        .groups = 2});
  Schedule s;
  s.tiles[Dim::n] = 1;
  s.tiles[Dim::g] = 1;
  s.tiles[Dim::m] = 2;
  s.tiles[Dim::c] = 1;
  s.tiles[Dim::p] = 2;
  s.tiles[Dim::q] = 1;
  s.tiles[Dim::r] = 2;
  s.tiles[Dim::s] = 2;
  s.order = {Dim::r, Dim::q, Dim::c, Dim::p, Dim::m, Dim::s, Dim::g, Dim::n};
  s.buffer_span = {{2, 3, 1}};
  for (bool halo : {false, true})
    for (bool dbl : {false, true}) {
      Machine m;
      m.halo_reuse = halo;
      m.double_buffer = dbl;
      expect_agrees(layer, s, m, 8);
    }
}

TEST(Executor, EnforcesBufferCapacity) {
  // One element less than the largest I footprint must be refused.
  Layer layer(LayerSpec{.name = "cap", .N = 1, .C = 2, .M = 2, .H = 5, .W = 4, .R = 3, .S = 1});
  Schedule s = whole_layer(layer);
  s.tiles[Dim::p] = 1;
  s.order = {Dim::s, Dim::r, Dim::q, Dim::c, Dim::m, Dim::p, Dim::g, Dim::n};
  s.buffer_span = {{5, 5, 5}};
  const Traffic model = evaluate(layer, s, Machine{});
  PerTensor<Count> cap;
  for (Tensor t : kAllTensors) cap[t] = model.arrays[t].buffer_elems;
  EXPECT_NO_THROW(execute_with_capacity(layer, s, Machine{}, 9, cap));
  cap[Tensor::I] -= 1;
  EXPECT_THROW(execute_with_capacity(layer, s, Machine{}, 9, cap), InternalError);
}

TEST(Executor, RandomCasesMatchReferenceAndModel) {
  constexpr int kCases = 1000;
  for (int i = 0; i < kCases; ++i) {
    testing::Rng rng(0x5eed0000u + static_cast<std::uint64_t>(i));
    const Layer layer = testing::random_layer(rng);
    const Schedule s = testing::random_schedule(rng, layer);
    const Machine m = testing::random_machine(rng);
    SCOPED_TRACE("random case " + std::to_string(i));
    expect_agrees(layer, s, m, static_cast<std::uint64_t>(i));
    if (::testing::Test::HasFailure()) break;  // one precise repro is enough
  }
}

TEST(Executor, RandomHaloCasesMatchReferenceAndModel) {
  // halo_reuse on, and small p/q/r/s tiles so that halo fills are frequent.
  constexpr int kCases = 600;
  for (int i = 0; i < kCases; ++i) {
    testing::Rng rng(0x4a100000u + static_cast<std::uint64_t>(i));
    const Layer layer = testing::random_layer(rng);
    Schedule s = testing::random_schedule(rng, layer);
    Machine m = testing::random_machine(rng);
    m.halo_reuse = true;
    for (Dim d : {Dim::p, Dim::q, Dim::r, Dim::s})
      if (testing::uniform(rng, 0, 1) == 1)
        s.tiles[d] = testing::uniform(rng, 1, std::min<Count>(2, layer.bound(d)));
    SCOPED_TRACE("random halo case " + std::to_string(i));
    expect_agrees(layer, s, m, static_cast<std::uint64_t>(i));
    if (::testing::Test::HasFailure()) break;
  }
}

}  // namespace
}  // namespace spad
