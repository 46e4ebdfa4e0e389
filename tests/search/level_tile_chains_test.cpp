// The tile chains the level search keeps (search/level_tile_chains).
#include "search/level_tile_chains.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace spad {
namespace {

Layer channels(Count c) {
  return Layer(LayerSpec{.name = "x", .C = c, .M = 1, .H = 1, .W = 1, .R = 1, .S = 1});
}

// Counted by hand for extent 4, two levels: the 10 canonical chains (t1 >= t2)
// have pairwise different signatures except (2,2) ~ (3,3) (two level-1 nodes,
// one child each) and (4,2) ~ (4,3) (one level-1 node, two children, neither
// level-1 node making one level-2 trip): the larger of each pair goes, 8 stay.
TEST(LevelTileChains, KeepsTheLeastChainOfEachSignature) {
  const LevelTileChains c(channels(4), 2);
  EXPECT_EQ(c.all_chains(Dim::c), 10);
  EXPECT_EQ(c.kept_chains(Dim::c), 8);
  EXPECT_EQ(c.next(Dim::c, {}), (std::vector<Count>{1, 2, 3, 4}));
  EXPECT_EQ(c.next(Dim::c, {3}), (std::vector<Count>{1, 2}));
  EXPECT_EQ(c.next(Dim::c, {4}), (std::vector<Count>{1, 2, 4}));
  EXPECT_EQ(c.next(Dim::c, {2}), (std::vector<Count>{1, 2}));
  // Halo dimensions keep every chain.
  EXPECT_EQ(c.next(Dim::p, {}), (std::vector<Count>{1}));
}

// (D + L - 1 choose L) canonical chains: 10 = C(5, 2), 20 = C(6, 3), 2080 = C(65, 2).
TEST(LevelTileChains, CountsCanonicalChains) {
  EXPECT_EQ(canonical_chains(4, 2), 10);
  EXPECT_EQ(canonical_chains(4, 3), 20);
  EXPECT_EQ(canonical_chains(64, 2), 2080);
  EXPECT_EQ(canonical_chains(1, 4), 1);
}

// A dimension with more chains than kMaxRawChains (C(4096 + 2, 3) of them)
// is not reduced: every tile 1..D stays (exact, only slower).
TEST(LevelTileChains, AVeryLongDimKeepsEveryChain) {
  const LevelTileChains c(channels(4096), 3);
  EXPECT_EQ(c.kept_chains(Dim::c), c.all_chains(Dim::c));
  EXPECT_EQ(c.next(Dim::c, {}).size(), 4096u);
  EXPECT_EQ(c.next(Dim::c, {3, 2}), (std::vector<Count>{1, 2}));
}

}  // namespace
}  // namespace spad
