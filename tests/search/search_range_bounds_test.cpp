// The range bounds of the branch and bound (search/template_solver: a run of
// a tile group's candidates is cut whole when its lower bounds cannot fit or
// beat the incumbent) never change the answer: on random medium layers, whose
// candidate lists are long enough for ranges to form, the search with range
// bounds off (range_leaf 0), bounded down to single candidates (1), 3 and at
// the default returns the same schedule with the same cost, for both tie
// orders and for each objective on random accelerators. The brute-force tests
// (search_bruteforce_test) run with range_leaf 1 on tiny layers against the simulator.
#include <gtest/gtest.h>

#include <array>
#include <memory>
#include <sstream>
#include <string>

#include "random_accelerator.hpp"
#include "random_cases.hpp"
#include "search/optimize.hpp"

namespace spad {
namespace {

using testing::Rng;
using testing::uniform;

Layer medium_layer(Rng& rng) {
  for (;;) {
    LayerSpec s;
    s.name = "medium";
    s.N = uniform(rng, 1, 2);
    s.groups = uniform(rng, 0, 4) == 0 ? uniform(rng, 2, 4) : 1;
    s.C = s.groups * uniform(rng, 1, 12);
    s.M = s.groups * uniform(rng, 1, 12);
    s.R = uniform(rng, 1, 7);
    s.S = uniform(rng, 1, 7);
    s.stride_h = uniform(rng, 1, 3);
    s.stride_w = uniform(rng, 1, 3);
    s.dilation_h = uniform(rng, 1, 2);
    s.dilation_w = uniform(rng, 1, 2);
    s.H = uniform(rng, 1, 32);
    s.W = uniform(rng, 1, 32);
    s.pad_top = uniform(rng, 0, 3);
    s.pad_left = uniform(rng, 0, 3);
    s.pad_bottom = uniform(rng, 0, 3);
    s.pad_right = uniform(rng, 0, 3);
    if (s.dilation_h * (s.R - 1) + 1 > s.H + s.pad_top + s.pad_bottom) continue;
    if (s.dilation_w * (s.S - 1) + 1 > s.W + s.pad_left + s.pad_right) continue;
    return Layer(s);
  }
}

std::string describe(const LayerSpec& s, const Machine& m) {
  std::ostringstream o;
  o << "N" << s.N << " C" << s.C << " M" << s.M << " H" << s.H << " W" << s.W << " R" << s.R << " S"
    << s.S << " stride " << s.stride_h << "x" << s.stride_w << " dil " << s.dilation_h << "x"
    << s.dilation_w << " pad " << s.pad_top << "," << s.pad_left << "," << s.pad_bottom << ","
    << s.pad_right << " G" << s.groups << " halo " << m.halo_reuse << " double " << m.double_buffer
    << " capacity " << *m.capacity_bytes;
  return o.str();
}

// The search at range_leaf 0 (no range bounds) and at the others, on the
// same layer, machine and objective, returns the same candidate; returns
// the number of ranges cut.
Count compare_range_leaves(const Layer& layer, const Machine& machine, SearchOptions options) {
  options.threads = 1;
  options.range_leaf = 0;
  const SearchResult plain = optimize(layer, machine, options);
  EXPECT_EQ(plain.stats.ranges_cut, 0);
  Count ranges_cut = 0;
  for (std::size_t leaf : {std::size_t{1}, std::size_t{3}, SearchOptions{}.range_leaf}) {
    options.range_leaf = leaf;
    const SearchResult ranged = optimize(layer, machine, options);
    ranges_cut += ranged.stats.ranges_cut;
    EXPECT_EQ(ranged.best.has_value(), plain.best.has_value()) << "range_leaf " << leaf;
    if (!plain.best || !ranged.best) continue;
    EXPECT_EQ(ranged.best->schedule, plain.best->schedule) << "range_leaf " << leaf;
    EXPECT_EQ(ranged.best->traffic, plain.best->traffic) << "range_leaf " << leaf;
    EXPECT_EQ(ranged.best->objective, plain.best->objective) << "range_leaf " << leaf;
    EXPECT_EQ(ranged.best->secondary, plain.best->secondary) << "range_leaf " << leaf;
  }
  return ranges_cut;
}

TEST(SearchRangeBounds, SameAnswerWithAndWithoutRangeBounds) {
  Rng rng(20261130);
  Count ranges_cut = 0;
  for (int layers = 0; layers < 40; ++layers) {
    const Layer layer = medium_layer(rng);
    Machine machine;
    machine.halo_reuse = uniform(rng, 0, 1) == 1;
    machine.double_buffer = uniform(rng, 0, 3) == 0;
    machine.precision.input = uniform(rng, 1, 2);
    machine.precision.psum = uniform(rng, 2, 4);
    const Count least = smallest_capacity_bytes(layer, machine);
    machine.capacity_bytes = least + uniform(rng, 0, 40 * least + 2000);
    SearchOptions options;
    options.tie_break = uniform(rng, 0, 3) == 0 ? TieBreak::buffer_first : TieBreak::fills_first;
    SCOPED_TRACE(describe(layer.spec(), machine) +
                 (options.tie_break == TieBreak::buffer_first ? " min-buffer" : ""));
    ranges_cut += compare_range_leaves(layer, machine, options);
    if (::testing::Test::HasFailure()) return;
  }
  // Ranges were really cut (else this test checks nothing).
  EXPECT_GT(ranges_cut, 1000);
}

TEST(SearchRangeBounds, SameAnswerOnAnAcceleratorWithAndWithoutRangeBounds) {
  Rng rng(1130);
  Count ranges_cut = 0;
  for (int layers = 0; layers < 24; ++layers) {
    const Layer layer = medium_layer(rng);
    const Machine machine = testing::random_machine(rng);
    Accelerator accel = testing::random_accelerator(rng, machine);
    // Wider arrays than the brute-force tests' as well (lane blocks of 2-16).
    for (Dim d : {Dim::m, Dim::c, Dim::q})
      if (uniform(rng, 0, 2) == 0) accel.mac_array.unroll[d] = uniform(rng, 2, 16);
    const Count least = smallest_capacity_bytes(layer, accel.machine);
    accel.machine.capacity_bytes = least + uniform(rng, 0, 40 * least + 2000);
    SearchOptions options;
    options.objective = std::array{Objective::traffic, Objective::latency,
                                   Objective::energy}[static_cast<std::size_t>(layers % 3)];
    options.accelerator = std::make_shared<const Accelerator>(accel);
    SCOPED_TRACE(describe(layer.spec(), accel.machine) + " objective " +
                 std::string(objective_name(options.objective)));
    ranges_cut += compare_range_leaves(layer, accel.machine, options);
    if (::testing::Test::HasFailure()) return;
  }
  EXPECT_GT(ranges_cut, 1000);
}

}  // namespace
}  // namespace spad
