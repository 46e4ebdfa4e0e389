// One loop dimension's nested tiling over several levels (DESIGN.md,
// "Several on-chip levels"), as the level model counts it: by node sizes,
// never by walking positions.
//
// Level 0 is the whole range [0, D). A level-l node [lo, hi) is split by the
// level-(l+1) tile t into ceil((hi - lo) / t) children
// [lo + i*t, min(lo + (i+1)*t, hi)): (hi - lo) / t full children of size t,
// then one of size (hi - lo) % t when that is not zero. So the sizes of all
// level-l nodes form a multiset with at most l + 1 distinct values, and every
// count the model needs about one dimension (how many level-l nodes, how many
// of them at most some size, their total size) is read off that multiset.
// Internal to model/.
#pragma once

#include <array>
#include <limits>

#include "base/checked.hpp"
#include "schedule/level_schedule.hpp"

namespace spad {

// "No size limit" for the filters below.
inline constexpr Count kAnySize = std::numeric_limits<Count>::max();

// A multiset of node sizes, as (size, count) pairs with distinct sizes.
struct SizeClasses {
  static constexpr int kMax = 2 * static_cast<int>(kMaxLevels) + 2;
  std::array<Count, kMax> size;  // entries [0, n) are set
  std::array<Count, kMax> count;
  int n = 0;

  // Adds `c` nodes of size `s` (merged with an equal size already present).
  void add(Count s, Count c);
  // Adds every class of `other`, each count multiplied by `times`.
  void add_scaled(const SizeClasses& other, Count times);
  Count total() const;     // number of nodes
  Count size_sum() const;  // sum of their sizes
  Count largest() const;   // 0 when empty
};

// The children of every node of `parents` under tile `t`.
SizeClasses split(const SizeClasses& parents, Count t);

// A half-open range [lo, hi) of one dimension's values.
struct Span {
  Count lo = 0;
  Count hi = 0;
  Count size() const { return hi - lo; }
};

class DimTiling {
 public:
  DimTiling() = default;
  // `tiles[l - 1]` is the level-l tile, 1 <= tile <= extent, for l = 1..levels.
  DimTiling(Count extent, const std::array<Count, kMaxLevels>& tiles, int levels) {
    assign(extent, tiles, levels);
  }
  // The same, in place (the tables are large enough that copies show).
  void assign(Count extent, const std::array<Count, kMaxLevels>& tiles, int levels);

  Count extent() const { return extent_; }
  int levels() const { return levels_; }
  Count tile(int level) const { return tiles_[static_cast<std::size_t>(level - 1)]; }

  // The sizes of the level-l nodes, l = 0..levels.
  const SizeClasses& classes(int level) const { return classes_[static_cast<std::size_t>(level)]; }
  Count nodes(int level) const { return nodes_[static_cast<std::size_t>(level)]; }

  // The smallest tile of levels mu+1..lambda (kAnySize when mu >= lambda): a
  // level-mu node makes a single trip in each of those loops iff its size is
  // at most this.
  Count single_trip_limit(int mu, int lambda) const;

  // Level-mu nodes of size <= limit: how many, and their total size.
  Count count_upto(int mu, Count limit) const;
  Count size_sum_upto(int mu, Count limit) const;

  // The same with limit = single_trip_limit(mu, lambda), mu <= lambda:
  // the level-mu nodes inside which d's loops of levels mu+1..lambda all
  // make a single trip (precomputed).
  Count single_trip_count(int mu, int lambda) const {
    return single_count_[static_cast<std::size_t>(mu)][static_cast<std::size_t>(lambda)];
  }
  Count single_trip_size_sum(int mu, int lambda) const {
    return single_sum_[static_cast<std::size_t>(mu)][static_cast<std::size_t>(lambda)];
  }

  // The largest level-l node: min(extent, t^1, ..., t^l).
  Count largest(int level) const;

  // The sizes of the level-`to` descendants of one level-`from` node of size s.
  SizeClasses descendants(Count s, int from, int to) const;

  // Calls f(Span) for every level-l node, in increasing position.
  template <class F>
  void for_each_node(int level, F&& f) const {
    visit(Span{0, extent_}, 0, level, f);
  }

 private:
  template <class F>
  void visit(Span node, int level, int target, F& f) const {
    if (level == target) {
      f(node);
      return;
    }
    const Count t = tile(level + 1);
    for (Count lo = node.lo; lo < node.hi; lo += t)
      visit(Span{lo, std::min(node.hi, lo + t)}, level + 1, target, f);
  }

  Count extent_ = 1;
  int levels_ = 0;
  // Entries up to levels_ are set by assign().
  std::array<Count, kMaxLevels> tiles_;
  std::array<SizeClasses, kMaxLevels + 1> classes_;
  std::array<Count, kMaxLevels + 1> nodes_;
  std::array<std::array<Count, kMaxLevels + 1>, kMaxLevels + 1> single_count_;
  std::array<std::array<Count, kMaxLevels + 1>, kMaxLevels + 1> single_sum_;
};

}  // namespace spad
