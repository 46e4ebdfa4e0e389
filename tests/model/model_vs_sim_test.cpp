// The analytical model against the tile-level simulator (the oracle): on
// thousands of random (layer, schedule, machine) triples both must give the
// same Traffic on every field, exactly. Plus hand-checked simulator cases for
// the features the semantics single out (strided rows, padding-only outputs,
// depthwise, fully-connected, halo reuse along p and along r).
#include <gtest/gtest.h>

#include <chrono>
#include <sstream>
#include <string>

#include "model/evaluate.hpp"
#include "random_cases.hpp"
#include "sim/tile_simulator.hpp"

namespace spad {
namespace {

std::string describe(const LayerSpec& s) {
  std::ostringstream o;
  o << "layer N=" << s.N << " C=" << s.C << " M=" << s.M << " H=" << s.H << " W=" << s.W
    << " R=" << s.R << " S=" << s.S << " stride=[" << s.stride_h << "," << s.stride_w
    << "] dilation=[" << s.dilation_h << "," << s.dilation_w << "] pad=[" << s.pad_top << ","
    << s.pad_left << "," << s.pad_bottom << "," << s.pad_right << "] groups=" << s.groups;
  return o.str();
}

std::string describe(const Schedule& s, const Layer& layer) {
  std::ostringstream o;
  o << "schedule order(innermost first)=[";
  for (Dim d : s.order) o << " " << dim_name(d);
  o << " ] tiles={";
  for (Dim d : kAllDims) o << " " << dim_name(d) << "=" << s.tiles[d] << "/" << layer.bound(d);
  o << " } spans={";
  for (Tensor t : kAllTensors) o << " " << tensor_name(t) << "=" << s.buffer_span[t];
  o << " }";
  return o.str();
}

std::string describe(const Machine& m) {
  std::ostringstream o;
  o << "machine precision in=" << m.precision.input << " w=" << m.precision.weight
    << " out=" << m.precision.output << " psum=" << m.precision.psum
    << " halo_reuse=" << m.halo_reuse << " double_buffer=" << m.double_buffer
    << " capacity=" << (m.capacity_bytes ? std::to_string(*m.capacity_bytes) : std::string("none"));
  return o.str();
}

void row(std::ostringstream& o, const std::string& name, Count sim, Count model) {
  o << "  " << name << ": sim=" << sim << " model=" << model << (sim == model ? "" : "   <-- DIFF")
    << "\n";
}

std::string compare(const Traffic& sim, const Traffic& model) {
  std::ostringstream o;
  for (Tensor t : kAllTensors) {
    const ArrayTraffic& a = sim.arrays[t];
    const ArrayTraffic& b = model.arrays[t];
    const std::string n(tensor_name(t));
    row(o, n + ".buffer_elems", a.buffer_elems, b.buffer_elems);
    row(o, n + ".buffer_bytes", a.buffer_bytes, b.buffer_bytes);
    row(o, n + ".reads", a.reads, b.reads);
    row(o, n + ".writes", a.writes, b.writes);
    row(o, n + ".final_writes", a.final_writes, b.final_writes);
    row(o, n + ".fills", a.fills, b.fills);
    row(o, n + ".read_bytes", a.read_bytes, b.read_bytes);
    row(o, n + ".write_bytes", a.write_bytes, b.write_bytes);
  }
  row(o, "traffic_bytes", sim.traffic_bytes, model.traffic_bytes);
  row(o, "buffer_bytes", sim.buffer_bytes, model.buffer_bytes);
  row(o, "compulsory_bytes", sim.compulsory_bytes, model.compulsory_bytes);
  row(o, "fits", sim.fits, model.fits);
  return o.str();
}

// Model and simulator agree on every field; otherwise a full diagnosis.
::testing::AssertionResult agree(const Layer& layer, const Schedule& s, const Machine& m) {
  const std::string context =
      describe(layer.spec()) + "\n" + describe(s, layer) + "\n" + describe(m) + "\n";
  Traffic sim, model;
  try {
    sim = simulate(layer, s, m);
  } catch (const std::exception& e) {
    return ::testing::AssertionFailure() << context << "simulate threw: " << e.what();
  }
  try {
    model = evaluate(layer, s, m);
  } catch (const std::exception& e) {
    return ::testing::AssertionFailure() << context << "evaluate threw: " << e.what();
  }
  if (sim == model) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << context << compare(sim, model);
}

// Wider layers than random_cases.hpp draws: kernels up to 6, strides up to 5,
// dilations up to 4, inputs up to 24, pads up to 6, so that strided and
// dilated footprints with holes, large halos and padding-only tiles show up.
Layer wide_layer(testing::Rng& rng) {
  using testing::uniform;
  for (;;) {
    LayerSpec s;
    s.name = "wide";
    s.N = uniform(rng, 1, 2);
    s.groups = uniform(rng, 1, 2);
    s.C = s.groups * uniform(rng, 1, 3);
    s.M = s.groups * uniform(rng, 1, 3);
    s.R = uniform(rng, 1, 6);
    s.S = uniform(rng, 1, 6);
    s.stride_h = uniform(rng, 1, 5);
    s.stride_w = uniform(rng, 1, 5);
    s.dilation_h = uniform(rng, 1, 4);
    s.dilation_w = uniform(rng, 1, 4);
    s.H = uniform(rng, 1, 24);
    s.W = uniform(rng, 1, 24);
    s.pad_top = uniform(rng, 0, 6);
    s.pad_left = uniform(rng, 0, 6);
    s.pad_bottom = uniform(rng, 0, 6);
    s.pad_right = uniform(rng, 0, 6);
    if (s.dilation_h * (s.R - 1) + 1 > s.H + s.pad_top + s.pad_bottom) continue;
    if (s.dilation_w * (s.S - 1) + 1 > s.W + s.pad_left + s.pad_right) continue;
    return Layer(s);
  }
}

// Runs `cases` random triples from `seed`; stops after a few failures.
// max_extent = 0 draws layers from wide_layer().
void run_random(std::uint64_t seed, int cases, Count max_extent) {
  testing::Rng rng(seed);
  int failures = 0;
  for (int i = 0; i < cases && failures < 5; ++i) {
    const Layer layer = max_extent > 0 ? testing::random_layer(rng, max_extent) : wide_layer(rng);
    const Schedule s = testing::random_schedule(rng, layer);
    const Machine m = testing::random_machine(rng);
    const auto result = agree(layer, s, m);
    if (!result) ++failures;
    EXPECT_TRUE(result) << "seed " << seed << " case " << i;
  }
}

// 50,000 cases in all.
TEST(ModelVsSim, RandomSmallLayersSeed1) { run_random(1, 12000, 7); }
TEST(ModelVsSim, RandomSmallLayersSeed2) { run_random(2, 12000, 7); }
TEST(ModelVsSim, RandomSmallLayersSeed3) { run_random(3, 12000, 7); }
TEST(ModelVsSim, RandomLargerLayersSeed4) { run_random(4, 6000, 12); }
TEST(ModelVsSim, RandomWideLayersSeed5) { run_random(5, 8000, 0); }

// ---- hand-checked simulator cases (each also compared with the model) ----

Schedule whole_layer(const Layer& layer) {
  Schedule s;
  for (Dim d : kAllDims) s.tiles[d] = layer.bound(d);
  s.buffer_span = {{8, 8, 8}};
  return s;
}

Machine bytes_one() {
  Machine m;
  m.precision = Precision{1, 1, 1, 1};
  return m;
}

TEST(Simulator, Stride2WithR1ReadsEveryOtherRow) {
  const Layer layer(LayerSpec{
      .name = "s2", .N = 1, .C = 3, .M = 2, .H = 8, .W = 8, .stride_h = 2, .stride_w = 2});
  ASSERT_EQ(layer.P(), 4);
  const Schedule s = whole_layer(layer);
  const Traffic t = simulate(layer, s, bytes_one());
  EXPECT_EQ(t.arrays[Tensor::I].reads, 3 * 4 * 4);  // rows/cols 0,2,4,6 only
  EXPECT_EQ(t.arrays[Tensor::I].buffer_elems, 3 * 4 * 4);
  EXPECT_EQ(t.compulsory_bytes, 3 * 4 * 4 + 6 + 2 * 16);
  EXPECT_TRUE(agree(layer, s, bytes_one()));
}

TEST(Simulator, OutputsThatSeeOnlyPaddingLoadNothing) {
  // 2x2 input, 1x1 kernel, pad 2: the 6x6 output's border rings read padding.
  const Layer layer(LayerSpec{
      .name = "pad", .H = 2, .W = 2, .pad_top = 2, .pad_left = 2, .pad_bottom = 2, .pad_right = 2});
  ASSERT_EQ(layer.P(), 6);
  Schedule s;
  for (Dim d : kAllDims) s.tiles[d] = 1;
  s.order = {Dim::s, Dim::r, Dim::q, Dim::p, Dim::c, Dim::m, Dim::g, Dim::n};
  s.buffer_span = {{0, 8, 0}};
  const Traffic t = simulate(layer, s, bytes_one());
  EXPECT_EQ(t.arrays[Tensor::I].fills, 36);  // every tile position is a fill...
  EXPECT_EQ(t.arrays[Tensor::I].reads, 4);   // ...but only 4 of them hold data
  EXPECT_EQ(t.arrays[Tensor::I].buffer_elems, 1);
  EXPECT_EQ(t.arrays[Tensor::O].writes, 36);
  EXPECT_EQ(t.arrays[Tensor::O].reads, 0);
  EXPECT_EQ(t.arrays[Tensor::W].reads, 1);
  EXPECT_EQ(t.compulsory_bytes, 4 + 1 + 36);
  EXPECT_TRUE(agree(layer, s, bytes_one()));
}

TEST(Simulator, DepthwiseLoadsEachChannelOnce) {
  const Layer layer(LayerSpec{.name = "dw",
                              .C = 4,
                              .M = 4,
                              .H = 5,
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
  s.order = {Dim::s, Dim::r, Dim::q, Dim::p, Dim::c, Dim::m, Dim::g, Dim::n};
  s.buffer_span = {{6, 6, 6}};  // g outside every buffer
  const Traffic t = simulate(layer, s, bytes_one());
  for (Tensor a : kAllTensors) EXPECT_EQ(t.arrays[a].fills, 4) << tensor_name(a);
  EXPECT_EQ(t.arrays[Tensor::I].reads, 4 * 25);
  EXPECT_EQ(t.arrays[Tensor::I].buffer_elems, 25);
  EXPECT_EQ(t.arrays[Tensor::W].reads, 4 * 9);
  EXPECT_EQ(t.arrays[Tensor::O].writes, 4 * 25);
  EXPECT_EQ(t.traffic_bytes, t.compulsory_bytes);
  EXPECT_TRUE(agree(layer, s, bytes_one()));
}

TEST(Simulator, FullyConnectedLayer) {
  const Layer layer(LayerSpec{.name = "fc", .N = 2, .C = 8, .M = 6});
  Schedule s = whole_layer(layer);
  s.tiles[Dim::n] = 1;
  s.tiles[Dim::m] = 3;
  s.tiles[Dim::c] = 4;
  s.order = {Dim::c, Dim::m, Dim::n, Dim::g, Dim::p, Dim::q, Dim::r, Dim::s};
  s.buffer_span = {{1, 2, 1}};
  Machine m;  // int8 data, int32 partial sums
  const Traffic t = simulate(layer, s, m);
  // I: holds all 8 channels of one batch; refilled when n steps (m is inside j*_I = n).
  EXPECT_EQ(t.arrays[Tensor::I].reads, 16);
  EXPECT_EQ(t.arrays[Tensor::I].fills, 2);
  // W: the whole 6x8 matrix, loaded once.
  EXPECT_EQ(t.arrays[Tensor::W].reads, 48);
  EXPECT_EQ(t.arrays[Tensor::W].fills, 1);
  // O: 3 outputs of one batch per visit; c runs inside the buffer, so no partial sums move.
  EXPECT_EQ(t.arrays[Tensor::O].fills, 4);
  EXPECT_EQ(t.arrays[Tensor::O].writes, 12);
  EXPECT_EQ(t.arrays[Tensor::O].reads, 0);
  EXPECT_EQ(t.arrays[Tensor::O].buffer_elems, 3);
  EXPECT_EQ(t.arrays[Tensor::O].buffer_bytes, 12);
  EXPECT_TRUE(agree(layer, s, m));
}

TEST(Simulator, PartialSumsRoundTripAtPsumPrecision) {
  const Layer layer(LayerSpec{.name = "fc", .N = 1, .C = 8, .M = 2});
  Schedule s = whole_layer(layer);
  s.tiles[Dim::c] = 2;  // 4 reduction steps outside the O buffer...
  s.tiles[Dim::m] = 1;  // ...around 2 one-output tiles: each output visited 4 times
  s.order = {Dim::m, Dim::c, Dim::n, Dim::g, Dim::p, Dim::q, Dim::r, Dim::s};
  s.buffer_span = {{1, 1, 0}};
  Machine m;
  m.precision = Precision{1, 1, 2, 4};
  const Traffic t = simulate(layer, s, m);
  EXPECT_EQ(t.arrays[Tensor::O].fills, 8);
  EXPECT_EQ(t.arrays[Tensor::O].writes, 8);
  EXPECT_EQ(t.arrays[Tensor::O].final_writes, 2);
  EXPECT_EQ(t.arrays[Tensor::O].reads, 6);
  EXPECT_EQ(t.arrays[Tensor::O].read_bytes, 6 * 4);
  EXPECT_EQ(t.arrays[Tensor::O].write_bytes, 2 * 2 + 6 * 4);
  EXPECT_TRUE(agree(layer, s, m));
}

// 8 input rows, 3x1 kernel, tiles of 2 output rows: 4 input rows per tile.
TEST(Simulator, HaloReuseAlongP) {
  const Layer layer(LayerSpec{.name = "halo_p", .N = 1, .C = 2, .M = 1, .H = 8, .W = 4, .R = 3});
  ASSERT_EQ(layer.P(), 6);
  Schedule s = whole_layer(layer);
  s.tiles[Dim::p] = 2;
  s.order = {Dim::s, Dim::r, Dim::q, Dim::p, Dim::c, Dim::m, Dim::g, Dim::n};
  s.buffer_span = {{3, 8, 8}};
  Machine m = bytes_one();
  const Traffic whole = simulate(layer, s, m);
  EXPECT_EQ(whole.arrays[Tensor::I].reads, 3 * 4 * 4 * 2);  // 3 tiles x 4 rows
  EXPECT_EQ(whole.arrays[Tensor::I].fills, 3);
  EXPECT_TRUE(agree(layer, s, m));
  m.halo_reuse = true;
  const Traffic halo = simulate(layer, s, m);
  EXPECT_EQ(halo.arrays[Tensor::I].reads, (4 + 2 + 2) * 4 * 2);  // each step: 2 new rows
  EXPECT_EQ(halo.arrays[Tensor::I].fills, 3);
  EXPECT_EQ(halo.arrays[Tensor::I].buffer_elems, 4 * 4 * 2);
  EXPECT_TRUE(agree(layer, s, m));
}

// r outside the I buffer, p inside: each filter row needs 4 input rows, the
// next filter row shares 3 of them.
TEST(Simulator, HaloReuseAlongR) {
  const Layer layer(LayerSpec{.name = "halo_r", .N = 1, .C = 1, .M = 2, .H = 6, .W = 3, .R = 3});
  ASSERT_EQ(layer.P(), 4);
  Schedule s = whole_layer(layer);
  s.tiles[Dim::r] = 1;
  s.order = {Dim::s, Dim::q, Dim::p, Dim::r, Dim::c, Dim::m, Dim::g, Dim::n};
  s.buffer_span = {{3, 8, 8}};
  Machine m = bytes_one();
  EXPECT_EQ(simulate(layer, s, m).arrays[Tensor::I].reads, 3 * 4 * 3);
  EXPECT_TRUE(agree(layer, s, m));
  m.halo_reuse = true;
  const Traffic halo = simulate(layer, s, m);
  EXPECT_EQ(halo.arrays[Tensor::I].reads, (4 + 1 + 1) * 3);
  EXPECT_EQ(halo.arrays[Tensor::I].fills, 3);
  EXPECT_TRUE(agree(layer, s, m));
}

// Halo applies only to steps of j*_I itself: with m outside j*_I = p, each m
// step restarts p from 0 and that fill is whole.
TEST(Simulator, HaloDoesNotApplyWhenAnOuterLoopSteps) {
  const Layer layer(LayerSpec{.name = "halo_m", .N = 1, .C = 1, .M = 2, .H = 8, .W = 4, .R = 3});
  Schedule s = whole_layer(layer);
  s.tiles[Dim::p] = 2;
  s.tiles[Dim::m] = 1;
  s.order = {Dim::s, Dim::r, Dim::q, Dim::p, Dim::m, Dim::c, Dim::g, Dim::n};
  s.buffer_span = {{3, 8, 8}};
  Machine m = bytes_one();
  m.halo_reuse = true;
  const Traffic t = simulate(layer, s, m);
  EXPECT_EQ(t.arrays[Tensor::I].fills, 6);
  EXPECT_EQ(t.arrays[Tensor::I].reads, 2 * (4 + 2 + 2) * 4);
  EXPECT_TRUE(agree(layer, s, m));
}

// Dilation 2 along q: footprints with holes. Output-column tiles [0,2) [2,4)
// [4,5) read input columns {0..5}, {2..7}, {4,6,8}.
TEST(Simulator, HaloReuseAlongDilatedQ) {
  const Layer layer(LayerSpec{.name = "halo_q", .H = 1, .W = 9, .S = 3, .dilation_w = 2});
  ASSERT_EQ(layer.Q(), 5);
  Schedule s = whole_layer(layer);
  s.tiles[Dim::q] = 2;
  s.order = {Dim::s, Dim::r, Dim::q, Dim::p, Dim::c, Dim::m, Dim::g, Dim::n};
  s.buffer_span = {{2, 8, 8}};
  Machine m = bytes_one();
  EXPECT_EQ(simulate(layer, s, m).arrays[Tensor::I].reads, 6 + 6 + 3);
  EXPECT_TRUE(agree(layer, s, m));
  m.halo_reuse = true;
  EXPECT_EQ(simulate(layer, s, m).arrays[Tensor::I].reads, 6 + 2 + 1);
  EXPECT_TRUE(agree(layer, s, m));
}

// A fill is a change of tile position, even when the new position reads the
// same elements: with p and r both outside the I buffer, (p=0, r=1) and
// (p=1, r=0) read the same input row, yet the step between them is a fill.
TEST(Simulator, FillsCountTilePositionsNotDistinctSets) {
  const Layer layer(LayerSpec{.name = "pr", .H = 4, .W = 1, .R = 2});
  ASSERT_EQ(layer.P(), 3);
  Schedule s = whole_layer(layer);
  s.tiles[Dim::p] = 1;
  s.tiles[Dim::r] = 1;
  s.order = {Dim::r, Dim::p, Dim::s, Dim::q, Dim::c, Dim::m, Dim::g, Dim::n};
  s.buffer_span = {{0, 8, 8}};
  const Traffic t = simulate(layer, s, bytes_one());
  EXPECT_EQ(t.arrays[Tensor::I].fills, 6);
  EXPECT_EQ(t.arrays[Tensor::I].reads, 6);
  EXPECT_TRUE(agree(layer, s, bytes_one()));
}

TEST(Simulator, DoubleBufferAndCapacity) {
  const Layer layer(LayerSpec{.name = "db", .C = 2, .M = 2, .H = 4, .W = 4});
  const Schedule s = whole_layer(layer);
  Machine m = bytes_one();
  m.double_buffer = true;
  m.capacity_bytes = 2 * (32 + 4 + 32);
  Traffic t = simulate(layer, s, m);
  EXPECT_EQ(t.arrays[Tensor::I].buffer_elems, 64);
  EXPECT_EQ(t.buffer_bytes, 136);
  EXPECT_TRUE(t.fits);
  m.capacity_bytes = 135;
  t = simulate(layer, s, m);
  EXPECT_FALSE(t.fits);
  EXPECT_TRUE(agree(layer, s, m));
}

TEST(Simulator, RejectsInvalidSchedule) {
  const Layer layer(LayerSpec{.name = "bad", .C = 2, .M = 2, .H = 4, .W = 4});
  Schedule s = whole_layer(layer);
  s.tiles[Dim::c] = 3;
  EXPECT_THROW(simulate(layer, s, Machine{}), UserError);
  s = whole_layer(layer);
  Machine m;
  m.capacity_bytes = 0;
  EXPECT_THROW(simulate(layer, s, m), UserError);
}

// A ResNet-50 3x3 layer with 0.9 million tile iterations, each an I fill:
// fast enough for the CLI (about 0.15 s of CPU in Release; the bound is loose
// for loaded machines and sanitizer builds).
TEST(Simulator, RealisticLayerIsFast) {
  const Layer layer(LayerSpec{.name = "res2a_branch2b",
                              .N = 1,
                              .C = 64,
                              .M = 64,
                              .H = 56,
                              .W = 56,
                              .R = 3,
                              .S = 3,
                              .pad_top = 1,
                              .pad_left = 1,
                              .pad_bottom = 1,
                              .pad_right = 1});
  Schedule s;
  s.tiles = {{1, 1, 16, 8, 1, 1, 1, 1}};  // n g m c p q r s
  s.order = {Dim::s, Dim::r, Dim::q, Dim::p, Dim::c, Dim::m, Dim::g, Dim::n};
  s.buffer_span = {{0, 1, 2}};
  Machine m;
  m.halo_reuse = true;
  const auto start = std::chrono::steady_clock::now();
  const Traffic t = simulate(layer, s, m);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 10.0);
  EXPECT_EQ(t.arrays[Tensor::O].final_writes, layer.size(Tensor::O));
  EXPECT_TRUE(agree(layer, s, m));
}

}  // namespace
}  // namespace spad
