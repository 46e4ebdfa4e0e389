// The size of the level search (search/level_search) before it runs: the
// number of (tile vector, loop order) choices it may visit over all levels,
// counted exactly without enumerating them, and the limit the search takes.
//
// What is counted. With levels 1..l fixed the search visits, below each
// choice of levels 1..l-1, every tile vector of level l whose tile of each
// dimension continues a kept chain (search/level_tile_chains), and for each
// every order of its live loops (tile below the enclosing tile; k live loops
// make k! orders, a fixed order at that level makes one). Each such choice
// is a node (its buffers' records: up to 9 model calls); the nodes of level
// L are the leaves (their spans chosen, search/level_span_choice). The
// search's size is the number of nodes over all levels,
//   N_1 + N_2 + ... + N_L,
// what it visits when nothing is cut: an upper bound on its work, which the
// bounds only lower.
//
// How. For one dimension, each kept chain prefix (t^1, ..., t^l) has a live
// pattern (t^i < t^(i-1), t^0 = the extent): per dimension and depth l, the
// number of prefixes with each pattern (a dynamic program over the last tile
// when every canonical chain is kept, else a walk over the kept prefixes).
// Finding the kept chains of n, g, m or c enumerates its canonical chains
// (search/level_tile_chains: about a second for C = 44 over four levels,
// 178,365 chains); above kMaxCountedChains of them the dimension is counted
// with every canonical chain instead, an upper bound (the kept chains are
// some of them) found in milliseconds: the count is exact for every layer
// whose n, g, m and c have at most that many chains each, else an upper
// bound.
// The patterns of the eight dimensions multiply into the number of tile
// vectors with k_i live loops at each level i (a polynomial in one variable
// per level, degree <= 8 in each), and N_l is the sum of its coefficients
// times prod_i k_i! (1 at a fixed-order level). Saturates at kSearchSizeMost.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "base/checked.hpp"
#include "search/level_search_space.hpp"
#include "workload/layer.hpp"

namespace spad {

// Counts saturate here (the guard compares far below it).
inline constexpr Count kSearchSizeMost = Count{1} << 60;

// Above this many canonical chains an n, g, m or c dimension is counted
// unreduced (see above): enumerating them takes about 30 ms.
inline constexpr Count kMaxCountedChains = 8192;

// N_1 + ... + N_L for `levels` levels (1..kMaxLevels) in `space` (its fixed
// orders, if any, one per level; spans do not change the count); an upper
// bound of it when an n, g, m or c has more than kMaxCountedChains chains.
Count level_search_size(const Layer& layer, std::size_t levels, const LevelSearchSpace& space = {});

// N_1, ..., N_L separately (their sum is level_search_size).
std::vector<Count> level_search_sizes(const Layer& layer, std::size_t levels,
                                      const LevelSearchSpace& space = {});

// Upper bounds on the nodes below a choice of level 1 whose tiles are
// `tiles`: the count above for loops of those extents over the
// `levels_below` deeper levels with every canonical chain counted (the
// search's chains below it are some of them: each tile at most the
// enclosing tile, a loop live iff below it). Each extent's chains are
// counted once and kept. Not thread-safe.
class LevelSubtreeSize {
 public:
  LevelSubtreeSize(std::size_t levels_below, bool fixed_orders);
  Count operator()(const PerDim<Count>& tiles);

 private:
  std::size_t levels_;
  bool fixed_orders_;
  std::map<Count, std::vector<std::vector<Count>>> every_chain_;
};

// The most tile x order choices the search visits: up front, level 1's
// (N_1); in all, N_1 + N_2 + ... + N_L when that is at most this, else the
// search goes on only while what it has visited and what remains below the
// level-1 choices its bounds cannot cut stay at most this (level_search.cpp,
// "Size"). At it the search takes a few seconds on one core when nothing is
// cut (docs/resource-contract.md).
inline constexpr Count kMaxLevelSearchSize = 1'000'000;

// UserError naming the layer, its counts and the limit when level 1 alone
// (N_1 of level_search_sizes) is above kMaxLevelSearchSize: the search
// cannot start. The rest is checked by the search as it goes.
void check_level_search_size(const Layer& layer, std::size_t levels,
                             const LevelSearchSpace& space = {}, Count limit = kMaxLevelSearchSize);

// The search's refusal when, after searching below `searched` of level 1's
// `level1` choices (`visited` choices counted so far), `children` level-1
// choices its bounds cannot cut could still visit `remaining` choices below
// them (`whole` in all, nothing cut).
std::string level_search_refusal(const Layer& layer, std::size_t levels, Count whole, Count level1,
                                 std::size_t searched, Count visited, std::size_t children,
                                 Count remaining, Count limit = kMaxLevelSearchSize);

}  // namespace spad
