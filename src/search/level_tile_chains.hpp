// The tile chains (t^1_d, ..., t^L_d) of each dimension that the level search
// visits (search/level_search): for p, q, r, s every canonical chain
// (D_d >= t^1 >= ... >= t^L >= 1); for n, g, m, c only the chains that are
// least, componentwise, among those with the same signature
// (model/level_dim_signature).
//
// Why that loses no optimum. Take any schedule S whose chain x of such a
// dimension d is not kept. Among the chains with x's signature, a least one
// y <= x (componentwise, y != x) is kept (a finite partial order has a
// minimal element below every element). Replace x by y in S: y is canonical,
// and whether each of d's loops makes one trip in every enclosing tile is
// read off the signature (nodes(l) == nodes(l-1)), so S's orders and spans
// stay canonical. Every count of every buffer is unchanged (equal
// signatures), every buffer size is no larger (sizes grow with the largest
// node of each level, t^l), so every level still fits, bytes per boundary and
// fills are equal and buffer bytes no larger: the key is no larger. The
// tie-break (level_search.hpp) compares level 1's tiles, level 1's order
// (the same: no-op loops alike), level 2's tiles, ...: the first entry where
// the two schedules differ is a tile of d where y is smaller. So S is not the
// answer; repeating for each dimension, the answer uses kept chains only.
#pragma once

#include <map>
#include <vector>

#include "base/checked.hpp"
#include "base/dims.hpp"
#include "workload/layer.hpp"

namespace spad {

// Above this many canonical chains in one dimension the chains are not
// enumerated: that dimension keeps every chain (no reduction).
inline constexpr Count kMaxRawChains = Count{1} << 18;

class LevelTileChains {
 public:
  LevelTileChains(const Layer& layer, std::size_t levels);

  // The tiles of d at level prefix.size() + 1 on chains that begin with
  // `prefix` (d's tiles at the levels outside it), ascending.
  std::vector<Count> next(Dim d, const std::vector<Count>& prefix) const;

  Count all_chains(Dim d) const { return all_[d]; }  // saturates at kMaxRawChains + 1
  Count kept_chains(Dim d) const { return kept_[d]; }

 private:
  PerDim<Count> extent_;
  PerDim<bool> reduced_;
  PerDim<Count> all_;
  PerDim<Count> kept_;
  // For reduced dimensions: prefix -> the next tiles, ascending.
  PerDim<std::map<std::vector<Count>, std::vector<Count>>> next_;
};

// The number of canonical chains of `levels` tiles of an extent (saturating
// at kMaxRawChains + 1), in closed form: no memory that grows with the extent.
Count canonical_chains(Count extent, std::size_t levels);

// min(C(n, k), cap) for n, k >= 0 and cap >= 1, without overflow.
Count binomial_at_most(Count n, Count k, Count cap);

}  // namespace spad
