// The range bounds of the branch and bound (search/template_solver: a run of
// a tile group's candidates is cut whole when its lower bounds cannot fit or
// beat the incumbent) never change the answer: on random medium layers, whose
// candidate lists are long enough for ranges to form, the search with range
// bounds off (range_leaf 0), bounded down to single candidates (1) and at
// the default returns the same schedule with the same cost, for both tie
// orders. The brute-force tests (search_bruteforce_test) run with range_leaf
// 1 on tiny layers against the simulator.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

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
    const TieBreak tie = uniform(rng, 0, 3) == 0 ? TieBreak::buffer_first : TieBreak::fills_first;
    SCOPED_TRACE(describe(layer.spec(), machine) +
                 (tie == TieBreak::buffer_first ? " min-buffer" : ""));
    SearchOptions options;
    options.threads = 1;
    options.tie_break = tie;
    options.range_leaf = 0;
    const SearchResult plain = optimize(layer, machine, options);
    EXPECT_EQ(plain.stats.ranges_cut, 0);
    for (std::size_t leaf : {std::size_t{1}, std::size_t{3}, SearchOptions{}.range_leaf}) {
      options.range_leaf = leaf;
      const SearchResult ranged = optimize(layer, machine, options);
      ranges_cut += ranged.stats.ranges_cut;
      ASSERT_EQ(ranged.best.has_value(), plain.best.has_value()) << "range_leaf " << leaf;
      if (!plain.best) continue;
      EXPECT_EQ(ranged.best->schedule, plain.best->schedule) << "range_leaf " << leaf;
      EXPECT_EQ(ranged.best->traffic, plain.best->traffic) << "range_leaf " << leaf;
    }
  }
  // Ranges were really cut (else this test checks nothing).
  EXPECT_GT(ranges_cut, 1000);
}

}  // namespace
}  // namespace spad
