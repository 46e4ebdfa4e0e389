// The baselines (search/baselines): the HWCE-like schedule's traffic derived
// by hand on two layers; on random layers and capacities, the optimum is
// never worse than a feasible baseline, the working-set optimum never better
// than the per-array one, and every baseline schedule simulates to exactly the
// traffic reported for it; the capacity search is exact.
#include "search/baselines.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/error.hpp"
#include "model/evaluate.hpp"
#include "random_cases.hpp"
#include "search/optimize.hpp"
#include "sim/tile_simulator.hpp"

namespace spad {
namespace {

using testing::Rng;
using testing::uniform;

// HWCE, V = 2, on C=2 -> M=4 maps, 8x8 input, 3x3 kernel, stride 1, no pad
// (P = Q = 6), int8 data and int32 partial sums.
// Schedule: order [s r p q c m g n], spans I=0 W=4 O=0, tiles n1 g1 m2 c1 p1
// q6 r3 s3 (a 32-wide stripe holds 30 outputs: the whole row of 6).
//   W: each (map, channel) pair once: |W| = 4*2*9 = 72 elements = 72 B.
//   I: per pass (2 map tiles x 2 channels) the line buffer streams the whole
//      8x8 plane once (each output row loads only its new input row):
//      2 * 2 * 64 = 256 elements = 256 B.
//   O: |O| = 4*36 = 144. Written once per input channel: 2*144 = 288 writes,
//      144 final (1 B) + 144 partial (4 B) = 720 B; read for every channel but
//      the first: 144 reads * 4 B = 576 B.
//   Total 72 + 256 + 720 + 576 = 1624 B.
//   Buffers: I 3 rows x 8 columns = 24 B, W 2*9 = 18 B, O 2 maps x 6 psums
//   x 4 B = 48 B: 90 B.
TEST(Baselines, HwceByHandOnASmallLayer) {
  const Layer layer(LayerSpec{.name = "a", .C = 2, .M = 4, .H = 8, .W = 8, .R = 3, .S = 3});
  Machine machine;
  machine.capacity_bytes = 90;
  const std::optional<Candidate> h = hwce_baseline(layer, machine, 2);
  ASSERT_TRUE(h);
  const Schedule& s = h->schedule;
  EXPECT_EQ(s.order, (std::array<Dim, kNumDims>{Dim::s, Dim::r, Dim::p, Dim::q, Dim::c, Dim::m,
                                                Dim::g, Dim::n}));
  EXPECT_EQ(s.buffer_span, (PerTensor<int>{{0, 4, 0}}));
  EXPECT_EQ(s.tiles, (PerDim<Count>{{1, 1, 2, 1, 1, 6, 3, 3}}));
  const Traffic& t = h->traffic;
  EXPECT_EQ(t.arrays[Tensor::W].reads, 72);
  EXPECT_EQ(t.arrays[Tensor::I].reads, 256);
  EXPECT_EQ(t.arrays[Tensor::O].writes, 288);
  EXPECT_EQ(t.arrays[Tensor::O].reads, 144);
  EXPECT_EQ(t.traffic_bytes, 1624);
  EXPECT_EQ(t.buffer_bytes, 90);
  EXPECT_EQ(simulate(layer, s, hwce_machine(machine)), t);
  // One byte less and the HWCE does not fit.
  machine.capacity_bytes = 89;
  EXPECT_FALSE(hwce_baseline(layer, machine, 2));
}

// HWCE, V = 2, on C=3 -> M=3 maps, 10x40 input, 3x3 kernel, pad 1 all round
// (P = 10, Q = 40), 16-bit data and 32-bit partial sums.
// Stripes: 32 input columns hold 30 outputs, so q tiles [0,30) and [30,40);
// their input columns, padding excluded, are [0,30] (31: the left one of the
// 32 is padding) and [29,39] (11): they overlap by 2 = kernel extent - 1.
// Map tiles: {0,1} and {2}: T_m = 2.
//   I: per (map tile, channel), each stripe loads every one of its 10 rows
//      once: 10 * (31 + 11) = 420; 2 * 3 * 420 = 2520 elements = 5040 B.
//   W: 3*3*9 = 81 elements = 162 B.
//   O: |O| = 3*10*40 = 1200; writes 3*1200 = 3600 = 1200 * 2 B + 2400 * 4 B
//      = 12000 B; reads 2*1200 = 2400 * 4 B = 9600 B.
//   Total 5040 + 162 + 12000 + 9600 = 26802 B.
//   Buffers: I 3 rows x 31 = 93 * 2 = 186 B, W 2*9*2 = 36 B, O 2 x 30 x 4 =
//   240 B: 462 B.
TEST(Baselines, HwceByHandOnAStripedLayer) {
  const Layer layer(LayerSpec{.name = "b",
                              .C = 3,
                              .M = 3,
                              .H = 10,
                              .W = 40,
                              .R = 3,
                              .S = 3,
                              .pad_top = 1,
                              .pad_left = 1,
                              .pad_bottom = 1,
                              .pad_right = 1});
  Machine machine;
  machine.precision = Precision{.input = 2, .weight = 2, .output = 2, .psum = 4};
  machine.capacity_bytes = 4096;
  const std::optional<Candidate> h = hwce_baseline(layer, machine, 2);
  ASSERT_TRUE(h);
  EXPECT_EQ(h->schedule.tiles[Dim::q], 30);
  EXPECT_EQ(h->schedule.tiles[Dim::m], 2);
  const Traffic& t = h->traffic;
  EXPECT_EQ(t.arrays[Tensor::I].reads, 2520);
  EXPECT_EQ(t.arrays[Tensor::W].reads, 81);
  EXPECT_EQ(t.arrays[Tensor::O].writes, 3600);
  EXPECT_EQ(t.arrays[Tensor::O].reads, 2400);
  EXPECT_EQ(t.traffic_bytes, 26802);
  EXPECT_EQ(t.buffer_bytes, 462);
  EXPECT_EQ(simulate(layer, h->schedule, hwce_machine(machine)), t);
}

TEST(Baselines, HwceCannotRunAKernelWiderThanItsStripe) {
  const Layer wide(LayerSpec{.name = "w", .H = 4, .W = 40, .S = 17, .dilation_w = 2});
  EXPECT_FALSE(hwce_schedule(wide, 1));
  const Layer fits(LayerSpec{.name = "f", .H = 4, .W = 40, .S = 16, .dilation_w = 2});
  ASSERT_TRUE(hwce_schedule(fits, 1));
  EXPECT_EQ(hwce_schedule(fits, 1)->tiles[Dim::q], 2);  // extent 31: outputs 0 and 1
  EXPECT_THROW(hwce_schedule(fits, 0), UserError);
}

// A documented difference (docs/dataflows.md): with P = Q = 1 the O tile does
// not change across the channel loop, so spad keeps the partial sums on chip
// and writes each output once, where the engine would stream them per channel.
TEST(Baselines, HwceOnAFullyConnectedLayerKeepsPartialSums) {
  const Layer fc(LayerSpec{.name = "fc", .C = 5, .M = 4});
  Machine machine;
  machine.capacity_bytes = 1024;
  const std::optional<Candidate> h = hwce_baseline(fc, machine, 2);
  ASSERT_TRUE(h);
  EXPECT_EQ(h->traffic.arrays[Tensor::O].writes, 4);
  EXPECT_EQ(h->traffic.arrays[Tensor::O].reads, 0);
  EXPECT_EQ(h->traffic.arrays[Tensor::W].reads, 20);
  EXPECT_EQ(h->traffic.arrays[Tensor::I].reads, 2 * 5);  // once per pair of output maps
}

TEST(Baselines, SpacesAreTheDocumentedOnes) {
  for (Baseline d : kFixedDataflows) {
    const SearchSpace space = dataflow_space(d);
    ASSERT_TRUE(space.fixed_order && space.fixed_spans);
    EXPECT_FALSE(space.uniform_spans);
  }
  EXPECT_EQ(baseline_name(Baseline::weight_stationary), "weight_stationary");
  EXPECT_EQ(*dataflow_space(Baseline::weight_stationary).fixed_spans, (PerTensor<int>{{0, 3, 0}}));
  EXPECT_EQ(*dataflow_space(Baseline::output_stationary).fixed_spans, (PerTensor<int>{{0, 0, 3}}));
  EXPECT_EQ(*dataflow_space(Baseline::input_stationary).fixed_spans, (PerTensor<int>{{1, 0, 0}}));
}

// One enum for every study's baselines: the names are the JSON keys of
// DESIGN.md (compare and accel documents), the HWCE ones carry their V, and
// only the three fixed dataflows are search spaces.
TEST(Baselines, OneBaselineEnumForEveryStudy) {
  std::vector<std::string> names;
  for (Baseline b : kAllBaselines) names.emplace_back(baseline_name(b));
  EXPECT_EQ(names,
            (std::vector<std::string>{"weight_stationary", "output_stationary", "input_stationary",
                                      "hwce_v1", "hwce_v2", "hwce_v4", "working_set"}));
  EXPECT_EQ(hwce_maps_per_pass(Baseline::hwce_v4), 4);
  EXPECT_EQ(hwce_maps_per_pass(Baseline::working_set), 0);
  // accel costs every baseline but the working-set model, in the same order.
  for (std::size_t i = 0; i < kAccelBaselines.size(); ++i)
    EXPECT_EQ(kAccelBaselines[i], kAllBaselines[i]);
  EXPECT_THROW(dataflow_space(Baseline::hwce_v1), InternalError);
  EXPECT_THROW(dataflow_space(Baseline::working_set), InternalError);
}

// The smallest buffers of any schedule: every tile 1, every buffer innermost.
Count smallest_buffers(const Layer& layer, const Machine& machine) {
  Schedule s;
  for (Dim d : kAllDims) s.tiles[d] = 1;
  Machine unbounded = machine;
  unbounded.capacity_bytes = std::nullopt;
  return evaluate(layer, s, unbounded).buffer_bytes;
}

void expect_replays(const Layer& layer, const Candidate& c, const Machine& machine, int i) {
  EXPECT_TRUE(c.traffic.fits) << i;
  EXPECT_EQ(simulate(layer, c.schedule, machine), c.traffic) << "case " << i;
}

TEST(Baselines, OptimumBeatsEveryBaselineAndBaselinesReplay) {
  Rng rng(8128);
  SearchOptions run;
  run.threads = 1;
  int feasible_dataflows = 0, feasible_hwce = 0, feasible_ws = 0;
  for (int i = 0; i < 520; ++i) {
    const Layer layer = testing::random_layer(rng, 4);
    Machine machine = testing::random_machine(rng);
    const Count smallest = smallest_buffers(layer, machine);
    machine.capacity_bytes = smallest + uniform(rng, 0, 3) * uniform(rng, 0, 2 * smallest);
    const std::optional<Candidate> best = space_optimum(layer, machine, SearchSpace{}, run);
    ASSERT_TRUE(best) << i;
    for (Baseline d : kFixedDataflows) {
      const std::optional<Candidate> b = dataflow_optimum(layer, machine, d, run);
      if (!b) continue;
      ++feasible_dataflows;
      EXPECT_LE(best->traffic.traffic_bytes, b->traffic.traffic_bytes) << i;
      EXPECT_EQ(b->schedule.order, *dataflow_space(d).fixed_order);
      EXPECT_EQ(b->schedule.buffer_span, *dataflow_space(d).fixed_spans);
      expect_replays(layer, *b, machine, i);
    }
    if (const auto ws = working_set_optimum(layer, machine, run)) {
      ++feasible_ws;
      EXPECT_GE(ws->traffic.traffic_bytes, best->traffic.traffic_bytes) << i;
      const PerTensor<int>& k = ws->schedule.buffer_span;
      EXPECT_TRUE(k[Tensor::I] == k[Tensor::W] && k[Tensor::W] == k[Tensor::O]);
      expect_replays(layer, *ws, machine, i);
    }
    // The HWCE has a line buffer: compare it with the optimum on the same
    // hardware (halo reuse on).
    const Machine line = hwce_machine(machine);
    std::optional<Candidate> best_line;
    for (Count v : {1, 2, 4}) {
      const std::optional<Candidate> h = hwce_baseline(layer, machine, v);
      if (!h) continue;
      ++feasible_hwce;
      if (!best_line) best_line = space_optimum(layer, line, SearchSpace{}, run);
      ASSERT_TRUE(best_line) << i;
      EXPECT_LE(best_line->traffic.traffic_bytes, h->traffic.traffic_bytes) << i;
      expect_replays(layer, *h, line, i);
    }
  }
  EXPECT_GT(feasible_dataflows, 600);
  EXPECT_GT(feasible_ws, 300);
  EXPECT_GT(feasible_hwce, 300);
}

// smallest_capacity_for_traffic is exact: at the capacity it returns the
// space reaches the target, one byte less it does not. The working-set space
// and the fixed dataflows never need less than the per-array space.
TEST(Baselines, SmallestCapacityForTrafficIsExact) {
  Rng rng(496);
  SearchOptions run;
  run.threads = 1;
  const auto reaches = [&](const Layer& layer, Machine machine, Count capacity,
                           const SearchSpace& space, Count target) {
    machine.capacity_bytes = capacity;
    const std::optional<Candidate> c = space_optimum(layer, machine, space, run);
    return c && c->traffic.traffic_bytes <= target;
  };
  SearchSpace uniform_space;
  uniform_space.uniform_spans = true;
  const SearchSpace spaces[] = {SearchSpace{}, uniform_space,
                                dataflow_space(Baseline::output_stationary)};
  for (int i = 0; i < 25; ++i) {
    const Layer layer = testing::random_layer(rng, 3);
    Machine machine = testing::random_machine(rng);
    machine.capacity_bytes = smallest_buffers(layer, machine) * uniform(rng, 1, 4);
    const Count target = space_optimum(layer, machine, SearchSpace{}, run)->traffic.traffic_bytes;
    std::optional<Count> per_array;
    for (const SearchSpace& space : spaces) {
      const std::optional<Count> cap =
          smallest_capacity_for_traffic(layer, machine, target, space, run);
      ASSERT_TRUE(cap) << i;  // every space reaches the compulsory traffic
      EXPECT_TRUE(reaches(layer, machine, *cap, space, target)) << i;
      EXPECT_FALSE(reaches(layer, machine, *cap - 1, space, target)) << i;
      if (!per_array) {
        per_array = cap;
        EXPECT_LE(*cap, *machine.capacity_bytes) << i;
      }
      EXPECT_GE(*cap, *per_array) << i;
    }
    const Count compulsory = compulsory_bytes(layer, machine.precision);
    EXPECT_FALSE(smallest_capacity_for_traffic(layer, machine, compulsory - 1, SearchSpace{}, run));
    if (i < 5) {
      EXPECT_TRUE(smallest_capacity_for_traffic(layer, machine, compulsory, SearchSpace{}, run));
    }
  }
}

}  // namespace
}  // namespace spad
