// Properties of the search beyond the brute-force comparison: the same answer
// for any thread count, the chosen schedule's simulated cost equals the
// model's, never below compulsory traffic, never worse in restricted spaces,
// and a clear failure when nothing fits.
#include <gtest/gtest.h>

#include "io/zoo/network_file.hpp"
#include "random_cases.hpp"
#include "search/optimize.hpp"
#include "sim/tile_simulator.hpp"

namespace spad {
namespace {

SearchResult run(const Layer& layer, const Machine& m, int threads, SearchSpace space = {}) {
  SearchOptions o;
  o.threads = threads;
  o.space = space;
  return optimize(layer, m, o);
}

TEST(Search, SameAnswerForAnyThreadCount) {
  testing::Rng rng(5);
  for (int i = 0; i < 40; ++i) {
    const Layer layer = testing::random_layer(rng, 10);
    Machine m = testing::random_machine(rng);
    m.capacity_bytes = testing::uniform(rng, 64, 2048);
    const SearchResult one = run(layer, m, 1);
    for (int threads : {2, 3, 8}) {
      const SearchResult many = run(layer, m, threads);
      ASSERT_EQ(one.best.has_value(), many.best.has_value());
      if (!one.best) continue;
      EXPECT_EQ(one.best->schedule, many.best->schedule) << "case " << i << " threads " << threads;
      EXPECT_EQ(one.best->traffic, many.best->traffic);
    }
  }
}

// Every distinct conv/fc shape of a zoo model: the optimum fits, is never
// below the compulsory traffic, and the simulator replays it to the model's
// exact numbers.
void check_network(const std::string& model, Count capacity) {
  const Network net = load_zoo_model(model);
  std::vector<LayerSpec> seen;
  auto templates = std::make_shared<TemplateCache>();
  for (const NetworkLayer& l : net.layers) {
    LayerSpec shape = l.spec;
    shape.name.clear();
    if (std::find(seen.begin(), seen.end(), shape) != seen.end()) continue;
    seen.push_back(shape);
    const Layer layer(l.spec);
    Machine m;
    m.capacity_bytes = capacity;
    SearchOptions o;
    o.templates = templates;
    const SearchResult r = optimize(layer, m, o);
    ASSERT_TRUE(r.best.has_value()) << model << " " << l.spec.name;
    const Traffic& t = r.best->traffic;
    EXPECT_TRUE(t.fits);
    EXPECT_LE(t.buffer_bytes, capacity);
    EXPECT_GE(t.traffic_bytes, t.compulsory_bytes) << model << " " << l.spec.name;
    EXPECT_EQ(simulate(layer, r.best->schedule, m), t) << model << " " << l.spec.name;
  }
}

TEST(Search, BenchmarkNetworksSimulateToTheModelAndStayAboveCompulsory) {
  for (const char* model : {"resnet50", "vgg16", "mobilenet_v2"}) check_network(model, 64 * 1024);
  check_network("resnet18", 8 * 1024);
}

TEST(Search, RestrictedSpacesNeverBeatTheFullSpace) {
  testing::Rng rng(11);
  for (int i = 0; i < 30; ++i) {
    const Layer layer = testing::random_layer(rng, 8);
    Machine m = testing::random_machine(rng);
    m.capacity_bytes = testing::uniform(rng, 64, 4096);
    const SearchResult full = run(layer, m, 2);
    SearchSpace uniform;
    uniform.uniform_spans = true;
    SearchSpace fixed;
    fixed.fixed_order =
        std::array<Dim, kNumDims>{Dim::s, Dim::r, Dim::q, Dim::p, Dim::c, Dim::m, Dim::g, Dim::n};
    for (const SearchSpace& space : {uniform, fixed}) {
      const SearchResult restricted = run(layer, m, 2, space);
      if (!restricted.best) continue;
      ASSERT_TRUE(full.best.has_value());
      EXPECT_LE(full.best->traffic.traffic_bytes, restricted.best->traffic.traffic_bytes);
      if (space.fixed_order) {
        EXPECT_EQ(restricted.best->schedule.order, *space.fixed_order);
      }
      if (space.uniform_spans) {
        const auto& k = restricted.best->schedule.buffer_span;
        EXPECT_EQ(k[Tensor::I], k[Tensor::W]);
        EXPECT_EQ(k[Tensor::I], k[Tensor::O]);
      }
      EXPECT_EQ(simulate(layer, restricted.best->schedule, m), restricted.best->traffic);
    }
  }
}

TEST(Search, ReportsTheSmallestCapacityWhenNothingFits) {
  // 3x3 conv, int8 data, int32 partial sums: the smallest buffers hold one
  // input, one weight and one partial sum: 1 + 1 + 4 = 6 bytes.
  const Layer layer(LayerSpec{.name = "c", .C = 8, .M = 8, .H = 8, .W = 8, .R = 3, .S = 3});
  Machine m;
  m.capacity_bytes = 5;
  const SearchResult r = run(layer, m, 1);
  EXPECT_FALSE(r.best.has_value());
  EXPECT_EQ(r.min_capacity_bytes, 6);
  m.capacity_bytes = 6;
  EXPECT_TRUE(run(layer, m, 1).best.has_value());
  m.double_buffer = true;  // every buffer twice: 12 bytes
  EXPECT_FALSE(run(layer, m, 1).best.has_value());
  EXPECT_EQ(run(layer, m, 1).min_capacity_bytes, 12);
}

TEST(Search, NeedsACapacity) {
  const Layer layer(LayerSpec{.name = "c", .C = 2, .M = 2, .H = 4, .W = 4});
  EXPECT_THROW(run(layer, Machine{}, 1), UserError);
}

}  // namespace
}  // namespace spad
