// The level search's size (search/level_search_size), counted without
// enumerating, against hand counts and against an enumeration of every
// (tile vector, order) choice of every level along the kept chains; the
// guard refuses what is beyond it, naming the layer and the count, and the
// search never visits more leaves than the count.
#include "search/level_search_size.hpp"

#include <gtest/gtest.h>

#include <string>

#include "base/error.hpp"
#include "level_brute_force.hpp"
#include "random_cases.hpp"
#include "search/level_search.hpp"
#include "search/level_tile_chains.hpp"

namespace spad {
namespace {

using testing::Rng;
using testing::uniform;

Count factorial(int k) { return k <= 1 ? 1 : k * factorial(k - 1); }

// Every choice of levels 1..depth one by one: per level every tile vector on
// the kept chains (odometer over the dimensions) and k! orders of its k live
// loops (1 with fixed orders). Returns the nodes summed over every depth.
Count enumerate(const Layer& layer, const LevelTileChains& chains, std::size_t levels, bool fixed,
                std::vector<PerDim<Count>>& path, bool every_chain = false) {
  if (path.size() == levels) return 0;
  PerDim<std::vector<Count>> next;
  for (Dim d : kAllDims) {
    std::vector<Count> prefix;
    for (const PerDim<Count>& t : path) prefix.push_back(t[d]);
    next[d] = chains.next(d, prefix);
    if (every_chain) {  // every canonical chain: 1..the enclosing tile
      next[d].clear();
      for (Count t = 1; t <= (path.empty() ? layer.bound(d) : path.back()[d]); ++t)
        next[d].push_back(t);
    }
    if (next[d].empty()) return 0;
  }
  Count total = 0;
  PerDim<std::size_t> at{};
  for (;;) {
    PerDim<Count> tiles;
    int live = 0;
    for (Dim d : kAllDims) {
      tiles[d] = next[d][at[d]];
      const Count enclosing = path.empty() ? layer.bound(d) : path.back()[d];
      live += tiles[d] < enclosing;
    }
    const Count orders = fixed ? 1 : factorial(live);
    path.push_back(tiles);
    total += orders * (1 + enumerate(layer, chains, levels, fixed, path, every_chain));
    path.pop_back();
    std::size_t k = kNumDims;
    for (; k-- > 0;) {
      const Dim d = kAllDims[k];
      if (at[d] + 1 < next[d].size()) {
        ++at[d];
        break;
      }
      at[d] = 0;
    }
    if (k == static_cast<std::size_t>(-1)) return total;
  }
}

LevelSearchSpace fixed_orders(std::size_t levels) {
  LevelSearchSpace space;
  space.fixed_orders.emplace(levels, kAllDims);
  return space;
}

// By hand: C = M = 2, everything else 1. Each of c and m has the chains
// (2,2), (2,1), (1,1) over two levels (all kept: their node counts per level
// differ). Level 1: tiles 1 (live) or 2 per dimension, (1 + x)^2 = 1 + 2x +
// x^2, with k! orders: 1 + 2 + 2 = 5. Level 2 below it: per dimension 1 + x +
// y (x: live at level 1, y: at level 2), (1 + x + y)^2 = 1 + 2x + 2y + x^2 +
// 2xy + y^2, with k_1! k_2! orders: 1 + 2 + 2 + 2 + 2 + 2 = 11. Total 16;
// with fixed orders the tile vectors alone: 4 + 9 = 13.
TEST(LevelSearchSize, HandCountOfTwoLoopsOverTwoLevels) {
  const Layer layer(LayerSpec{.name = "x", .C = 2, .M = 2, .H = 1, .W = 1, .R = 1, .S = 1});
  EXPECT_EQ(level_search_size(layer, 2), 16);
  EXPECT_EQ(level_search_size(layer, 2, fixed_orders(2)), 13);
  EXPECT_EQ(level_search_size(layer, 1), 5);
}

// By hand, one level: m = 4, c = 2, p = 4, q = 4 (C = 2, M = 4, H = W = 4,
// R = 1). p and q keep every tile (1, 2, 3 live); m keeps 1 and 2 live (3
// makes two nodes like 2 and is dropped for it, search/level_tile_chains), c
// keeps 1 live: (1 + 2x)(1 + x)(1 + 3x)^2 = 1 + 9x + 29x^2 + 39x^3 + 18x^4,
// with k! orders: 1 + 9 + 58 + 234 + 432 = 734. Level 1 of two levels keeps
// every tile (level_structures' hand count, level_search_test: 1055).
TEST(LevelSearchSize, OneLevelHandCount) {
  const Layer small(LayerSpec{.name = "small", .C = 2, .M = 4, .H = 4, .W = 4, .R = 1, .S = 1});
  EXPECT_EQ(level_search_size(small, 1), 734);
  EXPECT_EQ(level_structures(small, 2), 1055);
}

TEST(LevelSearchSize, EqualsAnEnumerationOfEveryLevelsChoices) {
  Rng rng(1515);
  for (int i = 0; i < 60; ++i) {
    // Four levels with two live loops, else three levels and up to three.
    const std::size_t levels = static_cast<std::size_t>(uniform(rng, 2, 4));
    const Layer layer = testing::tiny_level_layer(rng, levels == 4 ? 2 : 3, 5);
    const LevelTileChains chains(layer, levels);
    std::vector<PerDim<Count>> path;
    SCOPED_TRACE(testing::describe_level_case(layer, MemoryLevels{}) + " levels " +
                 std::to_string(levels));
    EXPECT_EQ(level_search_size(layer, levels), enumerate(layer, chains, levels, false, path));
    EXPECT_EQ(level_search_size(layer, levels, fixed_orders(levels)),
              enumerate(layer, chains, levels, true, path));
  }
}

// Long n, g, m, c (reduced chains, walked) and long p, q (every chain, the
// dynamic program) against the enumeration.
TEST(LevelSearchSize, EqualsTheEnumerationOnLongLoops) {
  for (const LayerSpec& s :
       {LayerSpec{.name = "c", .C = 12, .M = 1, .H = 1, .W = 1, .R = 1, .S = 1},
        LayerSpec{.name = "cm", .C = 6, .M = 8, .H = 1, .W = 1, .R = 1, .S = 1},
        LayerSpec{.name = "pq", .C = 1, .M = 2, .H = 9, .W = 7, .R = 1, .S = 1}}) {
    const Layer layer(s);
    for (std::size_t levels = 2; levels <= 3; ++levels) {
      const LevelTileChains chains(layer, levels);
      std::vector<PerDim<Count>> path;
      EXPECT_EQ(level_search_size(layer, levels), enumerate(layer, chains, levels, false, path))
          << s.name << " " << levels;
    }
  }
}

// Above kMaxCountedChains canonical chains (C = 30 over four levels: C(33, 4)
// = 40,920) c is counted unreduced: an upper bound of the enumeration over the
// kept chains, equal to the count with every chain.
TEST(LevelSearchSize, LongChannelLoopsAreBoundedAbove) {
  const Layer layer(LayerSpec{.name = "c30", .C = 30, .M = 2, .H = 1, .W = 1, .R = 1, .S = 1});
  ASSERT_GT(canonical_chains(30, 4), kMaxCountedChains);
  const LevelTileChains chains(layer, 4);
  std::vector<PerDim<Count>> path;
  const Count kept = enumerate(layer, chains, 4, false, path);
  const Count size = level_search_size(layer, 4);
  EXPECT_GT(size, kept);
  // m (2 over four levels) keeps every chain, so this is every chain of both.
  EXPECT_EQ(size, enumerate(layer, chains, 4, false, path, true));
}

MemoryLevels levels_of(std::vector<Count> capacities) {
  MemoryLevels m;
  for (std::size_t l = 0; l < capacities.size(); ++l) {
    MemoryLevel level;
    level.name = "L";
    level.name += std::to_string(capacities.size() - l);
    level.capacity_bytes = capacities[l];
    m.levels.push_back(level);
  }
  return m;
}

// The search visits at most the counted leaves (nothing cut: all of them).
TEST(LevelSearchSize, BoundsTheLeavesTheSearchVisits) {
  Rng rng(7);
  for (int i = 0; i < 20; ++i) {
    const Layer layer = testing::tiny_level_layer(rng, 3, 4);
    const std::size_t levels = static_cast<std::size_t>(uniform(rng, 2, 3));
    std::vector<Count> capacities;
    for (std::size_t l = 0; l < levels; ++l) capacities.push_back(uniform(rng, 16, 400));
    const LevelSearchResult r = optimize_levels(layer, levels_of(capacities), {.threads = 1});
    EXPECT_LE(r.stats.leaves, level_search_size(layer, levels));
  }
}

// The 4-level case that ran ~47 s under the level-1 limit: refused at once.
TEST(LevelSearchSize, RefusesABigSearchNamingLayerAndCount) {
  const Layer layer(LayerSpec{.name = "wide", .C = 44, .M = 44, .H = 1, .W = 1, .R = 1, .S = 1});
  const Count size = level_search_size(layer, 4);
  EXPECT_GT(size, kMaxLevelSearchSize);
  try {
    optimize_levels(layer, levels_of({8192, 2048, 512, 64}));
    FAIL() << "no error";
  } catch (const UserError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("layer wide"), std::string::npos) << what;
    EXPECT_NE(what.find(std::to_string(size)), std::string::npos) << what;
    EXPECT_NE(what.find(std::to_string(kMaxLevelSearchSize)), std::string::npos) << what;
  }
  // A layer beyond every count saturates instead of overflowing.
  const Layer huge(
      LayerSpec{.name = "huge", .C = 2048, .M = 2048, .H = 224, .W = 224, .R = 7, .S = 7});
  EXPECT_EQ(level_search_size(huge, 4), kSearchSizeMost);
}

}  // namespace
}  // namespace spad
