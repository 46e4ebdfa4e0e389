// search/level_min_capacity: the smallest capacity of every level at which a
// layer has a schedule of a level search space. Each golden value is counted
// by hand from the rules of DESIGN.md (comments), and each is checked against
// the level search: at exactly those capacities a schedule fits, with one
// byte less at any level whose entry is above 0 nothing does.
#include "search/level_min_capacity.hpp"

#include <gtest/gtest.h>

#include "base/error.hpp"
#include "search/level_search.hpp"

namespace spad {
namespace {

// C=2, M=3, 3x3 input, 2x2 filter (P = Q = 2): small enough for the level
// search, with a halo along p and q.
const Layer kLayer(LayerSpec{.name = "x", .C = 2, .M = 3, .H = 3, .W = 3, .R = 2, .S = 2});

MemoryLevels machine(std::vector<Count> capacities, bool double_buffer = false) {
  MemoryLevels m;
  m.precision = Precision{1, 1, 1, 4};  // in, weight, out, psum bytes
  m.double_buffer = double_buffer;
  for (std::size_t l = 0; l < capacities.size(); ++l)
    m.levels.push_back(MemoryLevel{"L" + std::to_string(capacities.size() - l), capacities[l]});
  return m;
}

// The level search at `needs` finds a schedule; one byte less at any level
// that needs something finds none.
void expect_tight(const MemoryLevels& shape, const std::vector<Count>& needs,
                  const LevelSearchSpace& space) {
  std::vector<Count> at = needs;
  for (Count& c : at) c = std::max<Count>(c, 1);  // a capacity is at least 1 byte
  MemoryLevels m = shape;
  for (std::size_t l = 0; l < at.size(); ++l) m.levels[l].capacity_bytes = at[l];
  EXPECT_TRUE(optimize_levels(kLayer, m, {.threads = 2, .space = space}).best.has_value());
  for (std::size_t l = 0; l < at.size(); ++l) {
    if (needs[l] == 0) continue;
    MemoryLevels less = m;
    less.levels[l].capacity_bytes = needs[l] - 1;
    if (needs[l] - 1 < 1) continue;  // no capacity below 1 byte to try
    EXPECT_FALSE(optimize_levels(kLayer, less, {.threads = 2, .space = space}).best.has_value())
        << "level " << l + 1 << " at " << needs[l] - 1 << " B";
  }
}

TEST(LevelMinCapacity, WholeSpaceNeedsOneElementOfEachInnermost) {
  // Every array bypasses the outer levels (0 B there) and holds one element
  // at the innermost: I 1 B + W 1 B + O at psum precision 4 B = 6 B.
  for (std::size_t levels : {2u, 3u}) {
    const MemoryLevels m = machine(std::vector<Count>(levels, 1000));
    std::vector<Count> want(levels, 0);
    want.back() = 6;
    EXPECT_EQ(smallest_level_capacities(kLayer, m), want);
    if (levels == 2) expect_tight(m, want, {});
  }
  // Double-buffered: twice each buffer, 12 B.
  const MemoryLevels twice = machine({1000, 1000}, true);
  EXPECT_EQ(smallest_level_capacities(kLayer, twice), (std::vector<Count>{0, 12}));
  expect_tight(twice, {0, 12}, {});
}

TEST(LevelMinCapacity, UniformSpansHoldOneElementOfEachAtEveryLevel) {
  // No bypass: span 0 and every tile 1 at every level, 6 B at each.
  const MemoryLevels m = machine({1000, 1000});
  LevelSearchSpace space;
  space.uniform_spans = true;
  EXPECT_EQ(smallest_level_capacities(kLayer, m, space), (std::vector<Count>{6, 6}));
  expect_tight(m, {6, 6}, space);
}

TEST(LevelMinCapacity, FixedSpansCoverTheirLoopsWhole) {
  // Order s,r,q,p,c,m,g,n (s innermost) at both levels. Level 1: I spans s
  // and r, which cover S = R = 2 whole whatever the tiles: with p, q, c
  // tiles 1 that is 2 rows x 2 columns x 1 channel = 4 inputs, 4 B; O spans
  // s, which does not index O: one element, 4 B at psum precision; W
  // bypasses. 8 B. Level 2: span 0 each, one element each, 6 B.
  const MemoryLevels m = machine({1000, 1000});
  using D = Dim;
  const std::array<Dim, kNumDims> order = {D::s, D::r, D::q, D::p, D::c, D::m, D::g, D::n};
  LevelSearchSpace space;
  space.fixed_orders = std::vector<std::array<Dim, kNumDims>>{order, order};
  space.fixed_spans = std::vector<PerTensor<std::optional<int>>>{
      PerTensor<std::optional<int>>{{2, std::nullopt, 1}},  // I, W, O
      PerTensor<std::optional<int>>{{0, 0, 0}}};
  EXPECT_EQ(smallest_level_capacities(kLayer, m, space), (std::vector<Count>{8, 6}));
  expect_tight(m, {8, 6}, space);
}

TEST(LevelMinCapacity, CapacitiesOfTheMachineAreIgnoredAndTheSpaceChecked) {
  EXPECT_EQ(smallest_level_capacities(kLayer, machine({1, 1})), (std::vector<Count>{0, 6}));
  LevelSearchSpace wrong;
  wrong.fixed_orders = std::vector<std::array<Dim, kNumDims>>{kAllDims};  // one order, 2 levels
  EXPECT_THROW(smallest_level_capacities(kLayer, machine({1, 1}), wrong), UserError);
}

}  // namespace
}  // namespace spad
