// The search against brute force: on random tiny layers, every tile vector x
// loop order x span triple is evaluated by the tile-level SIMULATOR, and the
// optimizer must return exactly the least (traffic, fills, buffer bytes)
// among those that fit, at several capacities (DESIGN.md: fewer DMA fills
// break traffic ties first); min_buffer_schedule the least (traffic, buffer
// bytes, fills). A further test finds layers where the two orders disagree
// and checks each query returns its own side, so neither order passes for
// the other.
//
// The only reduction the brute force makes is DESIGN.md's own statement that
// a loop with T = 1 is a no-op wherever it stands: such loops are placed
// innermost and spans are counted over the loops with T > 1.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <vector>

#include "random_cases.hpp"
#include "search/optimize.hpp"
#include "sim/tile_simulator.hpp"

namespace spad {
namespace {

using testing::Rng;
using testing::uniform;

struct Cost {
  Count traffic, buffer, fills;
  // DESIGN.md's order, written out here rather than taken from search/.
  auto key(TieBreak tie) const {
    return tie == TieBreak::fills_first ? std::tuple(traffic, fills, buffer)
                                        : std::tuple(traffic, buffer, fills);
  }
};

// A random layer with every loop extent <= 4 and at most `max_live` loops of
// extent > 1.
Layer tiny_layer(Rng& rng, int max_live) {
  for (;;) {
    LayerSpec s;
    s.name = "tiny";
    s.N = uniform(rng, 1, 2);
    s.groups = uniform(rng, 0, 3) == 0 ? 2 : 1;
    s.C = s.groups * uniform(rng, 1, 3);
    s.M = s.groups * uniform(rng, 1, 3);
    if (uniform(rng, 0, 5) == 0) s.M = s.C = s.groups = uniform(rng, 2, 3);  // depthwise
    s.R = uniform(rng, 1, 3);
    s.S = uniform(rng, 1, 3);
    s.stride_h = uniform(rng, 1, 2);
    s.stride_w = uniform(rng, 1, 2);
    s.dilation_h = uniform(rng, 1, 2);
    s.dilation_w = uniform(rng, 1, 2);
    s.H = uniform(rng, 1, 6);
    s.W = uniform(rng, 1, 6);
    s.pad_top = uniform(rng, 0, 2);
    s.pad_left = uniform(rng, 0, 1);
    s.pad_bottom = uniform(rng, 0, 1);
    s.pad_right = uniform(rng, 0, 2);
    if (s.dilation_h * (s.R - 1) + 1 > s.H + s.pad_top + s.pad_bottom) continue;
    if (s.dilation_w * (s.S - 1) + 1 > s.W + s.pad_left + s.pad_right) continue;
    Layer layer(s);
    int live = 0;
    bool small = true;
    for (Dim d : kAllDims) {
      live += layer.bound(d) > 1;
      small = small && layer.bound(d) <= 4;
    }
    if (!small || live > max_live || live < 2) continue;
    return layer;
  }
}

// Number of schedules the brute force visits (to keep the suite fast).
Count brute_force_size(const Layer& layer) {
  Count total = 0;
  PerDim<Count> t;
  for (Dim d : kAllDims) t[d] = 1;
  for (;;) {
    int active = 0;
    for (Dim d : kAllDims) active += ceil_div(layer.bound(d), t[d]) > 1;
    Count orders = 1;
    for (int i = 2; i <= active; ++i) orders *= i;
    total += orders * (active + 1) * (active + 1) * (active + 1);
    std::size_t i = 0;
    for (; i < kNumDims; ++i) {
      Dim d = kAllDims[i];
      if (++t[d] <= layer.bound(d)) break;
      t[d] = 1;
    }
    if (i == kNumDims) break;
  }
  return total;
}

// Every schedule (up to the T = 1 equivalence) with its simulated cost.
std::vector<Cost> brute_force(const Layer& layer, const Machine& machine,
                              const SearchSpace& space) {
  const bool uniform_spans = space.uniform_spans;
  std::vector<Cost> out;
  Schedule s;
  for (Dim d : kAllDims) s.tiles[d] = 1;
  for (;;) {
    std::vector<Dim> idle, active;
    for (Dim d : kAllDims) (ceil_div(layer.bound(d), s.tiles[d]) > 1 ? active : idle).push_back(d);
    const int z = static_cast<int>(idle.size());
    std::sort(active.begin(), active.end());
    if (space.fixed_order) {
      // The fixed order's loops with T > 1, in its own relative order (the
      // others are no-ops wherever they stand).
      active.clear();
      for (Dim d : *space.fixed_order)
        if (ceil_div(layer.bound(d), s.tiles[d]) > 1) active.push_back(d);
    }
    do {
      int pos = 0;
      for (Dim d : idle) s.order[pos++] = d;
      for (Dim d : active) s.order[pos++] = d;
      for (int ki = z; ki <= 8; ++ki)
        for (int kw = z; kw <= 8; ++kw)
          for (int ko = z; ko <= 8; ++ko) {
            if (uniform_spans && (kw != ki || ko != ki)) continue;
            s.buffer_span = PerTensor<int>{{ki, kw, ko}};
            const Traffic t = simulate(layer, s, machine);
            out.push_back({t.traffic_bytes, t.buffer_bytes, t.total_fills()});
          }
    } while (!space.fixed_order && std::next_permutation(active.begin(), active.end()));
    std::size_t i = 0;
    for (; i < kNumDims; ++i) {
      Dim d = kAllDims[i];
      if (++s.tiles[d] <= layer.bound(d)) break;
      s.tiles[d] = 1;
    }
    if (i == kNumDims) break;
  }
  return out;
}

std::optional<Cost> best_fitting(const std::vector<Cost>& all, Count capacity,
                                 TieBreak tie = TieBreak::fills_first) {
  std::optional<Cost> best;
  for (const Cost& c : all)
    if (c.buffer <= capacity && (!best || c.key(tie) < best->key(tie))) best = c;
  return best;
}

std::string describe(const Layer& layer, const Machine& m) {
  const LayerSpec& s = layer.spec();
  std::ostringstream o;
  o << "N" << s.N << " C" << s.C << " M" << s.M << " H" << s.H << " W" << s.W << " R" << s.R << " S"
    << s.S << " stride " << s.stride_h << "x" << s.stride_w << " dil " << s.dilation_h << "x"
    << s.dilation_w << " pad " << s.pad_top << "," << s.pad_left << "," << s.pad_bottom << ","
    << s.pad_right << " G" << s.groups << " halo " << m.halo_reuse << " double " << m.double_buffer;
  return o.str();
}

SearchResult search(const Layer& layer, const Machine& machine, SearchOptions options,
                    TieBreak tie) {
  return tie == TieBreak::fills_first ? optimize(layer, machine, options)
                                      : min_buffer_schedule(layer, machine, options);
}

void check_against_brute_force(const Layer& layer, Machine machine, const SearchSpace& space,
                               Rng& rng, TieBreak tie = TieBreak::fills_first) {
  const std::vector<Cost> all = brute_force(layer, machine, space);
  Count min_buffer = all.front().buffer, max_buffer = all.front().buffer;
  for (const Cost& c : all) {
    min_buffer = std::min(min_buffer, c.buffer);
    max_buffer = std::max(max_buffer, c.buffer);
  }
  std::vector<Count> capacities = {min_buffer - 1, min_buffer, max_buffer};
  for (int i = 0; i < 3; ++i) capacities.push_back(uniform(rng, min_buffer, max_buffer));
  for (Count capacity : capacities) {
    if (capacity < 1) continue;
    machine.capacity_bytes = capacity;
    SearchOptions options;
    options.space = space;
    options.threads = 1;
    options.range_leaf = 1;  // range bounds down to single candidates
    const SearchResult got = search(layer, machine, options, tie);
    const std::optional<Cost> want = best_fitting(all, capacity, tie);
    SCOPED_TRACE(describe(layer, machine) + " capacity " + std::to_string(capacity) +
                 (space.uniform_spans ? " uniform" : "") + (space.fixed_order ? " fixed" : "") +
                 (tie == TieBreak::buffer_first ? " min-buffer" : ""));
    EXPECT_EQ(got.min_capacity_bytes, min_buffer);
    ASSERT_EQ(got.best.has_value(), want.has_value());
    if (!want) continue;
    const Traffic& t = got.best->traffic;
    EXPECT_EQ(t.traffic_bytes, want->traffic);
    EXPECT_EQ(t.buffer_bytes, want->buffer);
    EXPECT_EQ(t.total_fills(), want->fills);
    // The schedule returned really has the cost reported, per the simulator.
    EXPECT_EQ(simulate(layer, got.best->schedule, machine), t);
  }
}

TEST(SearchBruteForce, PerArraySpansMatchExhaustiveSimulation) {
  Rng rng(20261125);
  int layers = 0;
  while (layers < 200) {
    const Layer layer = tiny_layer(rng, 4);
    if (brute_force_size(layer) > 6000) continue;
    Machine machine;
    machine.halo_reuse = uniform(rng, 0, 1) == 1;
    machine.double_buffer = uniform(rng, 0, 3) == 0;
    machine.precision.input = uniform(rng, 1, 2);
    machine.precision.psum = uniform(rng, 2, 4);
    check_against_brute_force(layer, machine, SearchSpace{}, rng);
    ++layers;
  }
}

TEST(SearchBruteForce, MinBufferMatchesExhaustiveSimulation) {
  Rng rng(20261130);
  int layers = 0;
  while (layers < 120) {
    const Layer layer = tiny_layer(rng, 4);
    if (brute_force_size(layer) > 6000) continue;
    Machine machine;
    machine.halo_reuse = uniform(rng, 0, 1) == 1;
    machine.double_buffer = uniform(rng, 0, 3) == 0;
    machine.precision.input = uniform(rng, 1, 2);
    machine.precision.psum = uniform(rng, 2, 4);
    SearchSpace space;
    space.uniform_spans = uniform(rng, 0, 3) == 0;
    check_against_brute_force(layer, machine, space, rng, TieBreak::buffer_first);
    ++layers;
  }
}

// The mutation check: on layers and capacities where the least-traffic
// schedules with the fewest fills are not those with the fewest buffer bytes,
// optimize must return the fills-first one and min_buffer_schedule the other.
// A search still breaking ties by buffer bytes first fails here.
TEST(SearchBruteForce, FillsFirstAndBufferFirstDisagreeAndEachQueryKeepsItsOwn) {
  Rng rng(424242);
  int disagreements = 0;
  for (int tried = 0; tried < 400 && disagreements < 25; ++tried) {
    const Layer layer = tiny_layer(rng, 4);
    if (brute_force_size(layer) > 6000) continue;
    Machine machine;
    machine.halo_reuse = uniform(rng, 0, 1) == 1;
    const std::vector<Cost> all = brute_force(layer, machine, SearchSpace{});
    Count max_buffer = 0;
    for (const Cost& c : all) max_buffer = std::max(max_buffer, c.buffer);
    machine.capacity_bytes = uniform(rng, 1, max_buffer);
    const std::optional<Cost> fills_first = best_fitting(all, *machine.capacity_bytes);
    const std::optional<Cost> buffer_first =
        best_fitting(all, *machine.capacity_bytes, TieBreak::buffer_first);
    if (!fills_first || fills_first->fills == buffer_first->fills) continue;
    ++disagreements;
    SCOPED_TRACE(describe(layer, machine) + " capacity " + std::to_string(*machine.capacity_bytes));
    // Same traffic, strictly fewer fills on one side, strictly fewer bytes on the other.
    ASSERT_EQ(fills_first->traffic, buffer_first->traffic);
    ASSERT_LT(fills_first->fills, buffer_first->fills);
    ASSERT_GT(fills_first->buffer, buffer_first->buffer);
    SearchOptions options;
    options.threads = 1;
    options.range_leaf = 1;  // range bounds down to single candidates
    const SearchResult got = optimize(layer, machine, options);
    const SearchResult small = min_buffer_schedule(layer, machine, options);
    ASSERT_TRUE(got.best && small.best);
    EXPECT_EQ(got.best->traffic.total_fills(), fills_first->fills);
    EXPECT_EQ(got.best->traffic.buffer_bytes, fills_first->buffer);
    EXPECT_EQ(small.best->traffic.total_fills(), buffer_first->fills);
    EXPECT_EQ(small.best->traffic.buffer_bytes, buffer_first->buffer);
  }
  // The two orders really do disagree on tiny layers (else this test checks nothing).
  EXPECT_GE(disagreements, 10);
}

TEST(SearchBruteForce, UniformSpansMatchExhaustiveSimulation) {
  Rng rng(7);
  int layers = 0;
  while (layers < 60) {
    const Layer layer = tiny_layer(rng, 4);
    if (brute_force_size(layer) > 6000) continue;
    Machine machine;
    machine.halo_reuse = uniform(rng, 0, 1) == 1;
    SearchSpace space;
    space.uniform_spans = true;
    check_against_brute_force(layer, machine, space, rng);
    ++layers;
  }
}

TEST(SearchBruteForce, FixedOrderMatchesExhaustiveSimulation) {
  Rng rng(13);
  int layers = 0;
  while (layers < 60) {
    const Layer layer = tiny_layer(rng, 4);
    if (brute_force_size(layer) > 6000) continue;
    Machine machine;
    machine.halo_reuse = uniform(rng, 0, 1) == 1;
    machine.double_buffer = uniform(rng, 0, 3) == 0;
    SearchSpace space;
    std::array<Dim, kNumDims> order = kAllDims;
    std::shuffle(order.begin(), order.end(), rng);
    space.fixed_order = order;
    space.uniform_spans = uniform(rng, 0, 3) == 0;
    check_against_brute_force(layer, machine, space, rng);
    ++layers;
  }
}

}  // namespace
}  // namespace spad

namespace spad {
namespace {

// Fixed order and fixed spans leave only the tiles free: every tile vector,
// simulated, against the search.
TEST(SearchBruteForce, FixedOrderAndSpansMatchEveryTileVector) {
  Rng rng(17);
  for (int layers = 0; layers < 60; ++layers) {
    const Layer layer = tiny_layer(rng, 5);
    Machine machine;
    machine.halo_reuse = uniform(rng, 0, 1) == 1;
    Schedule s;
    std::shuffle(s.order.begin(), s.order.end(), rng);
    for (Tensor t : kAllTensors) s.buffer_span[t] = static_cast<int>(uniform(rng, 0, 8));
    std::vector<Cost> all;
    for (Dim d : kAllDims) s.tiles[d] = 1;
    for (;;) {
      const Traffic t = simulate(layer, s, machine);
      all.push_back({t.traffic_bytes, t.buffer_bytes, t.total_fills()});
      std::size_t i = 0;
      for (; i < kNumDims; ++i) {
        if (++s.tiles[kAllDims[i]] <= layer.bound(kAllDims[i])) break;
        s.tiles[kAllDims[i]] = 1;
      }
      if (i == kNumDims) break;
    }
    SearchOptions options;
    options.threads = 1;
    options.range_leaf = 1;  // range bounds down to single candidates
    options.space.fixed_order = s.order;
    options.space.fixed_spans = s.buffer_span;
    for (int k = 0; k < 4; ++k) {
      const Count capacity = uniform(rng, 1, 400);
      machine.capacity_bytes = capacity;
      const TieBreak tie = k % 2 == 0 ? TieBreak::fills_first : TieBreak::buffer_first;
      const SearchResult got = search(layer, machine, options, tie);
      const std::optional<Cost> want = best_fitting(all, capacity, tie);
      SCOPED_TRACE(describe(layer, machine) + " capacity " + std::to_string(capacity) +
                   (tie == TieBreak::buffer_first ? " min-buffer" : ""));
      ASSERT_EQ(got.best.has_value(), want.has_value());
      if (!want) continue;
      EXPECT_EQ(got.best->schedule.order, s.order);
      EXPECT_EQ(got.best->schedule.buffer_span, s.buffer_span);
      EXPECT_EQ(got.best->traffic.traffic_bytes, want->traffic);
      EXPECT_EQ(got.best->traffic.buffer_bytes, want->buffer);
      EXPECT_EQ(got.best->traffic.total_fills(), want->fills);
    }
  }
}

}  // namespace
}  // namespace spad
