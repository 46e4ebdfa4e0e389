// One spatial axis of the input under nested tilings (DESIGN.md, "Several
// on-chip levels"): the rows an output-row range p and a kernel-row range r
// touch (or the columns of q and s), summed over the nodes of the two
// dimensions' nested tilings, as the level model needs them for I.
//
// Footprints depend on positions only near the edges of the input. An output
// position o is *interior* when every kernel tap of it reads an in-bounds row
// (o*stride - pad_lo >= 0 and o*stride + (R-1)*dilation - pad_lo < H) and
// *zero* when none does. An output node made of interior positions has the
// footprint of its size alone, whatever kernel range it is taken with (no row
// is clipped); a node of zero positions has none. So every sum below is
//   (interior nodes, counted by size class)  x  (kernel nodes by size class)
// + (the few nodes that straddle an edge, each counted exactly).
// Interior size classes are found by descending the nested tiling and taking
// whole runs of interior children at once: the work grows with the width of
// the edge zones (about the kernel extent / stride per level), never with the
// output extent. Kernel nodes are enumerated (at most R of them).
// Internal to model/.
#pragma once

#include <array>
#include <utility>
#include <vector>

#include "model/axis_footprint.hpp"
#include "model/level_tiling.hpp"

namespace spad {

class LevelAxis {
 public:
  // `out` tiles the output dimension (p or q), `ker` the kernel one (r or s).
  LevelAxis(const AxisGeometry& g, const DimTiling& out, const DimTiling& ker);

  // Sum of footprint(X, K) over the output nodes X of level mu_o of size
  // <= lim_o and the kernel nodes K of level mu_k of size <= lim_k.
  Count sum(int mu_o, Count lim_o, int mu_k, Count lim_k) const;

  // The largest footprint(X, K) over the output nodes of level lambda_o and
  // the kernel nodes of level lambda_k.
  Count largest(int lambda_o, int lambda_k) const;

  // Halo along the output loop of level l: the sum over consecutive siblings
  // X, X' of level l (X not the last child of its parent) and the kernel
  // nodes K of level mu_k of size <= lim_k of the rows X and X' share,
  // footprint(X, K) + footprint(X', K) - footprint(X u X', K).
  Count output_overlaps(int l, int mu_k, Count lim_k) const;

  // Halo along the kernel loop of level l: the same with the roles swapped,
  // output nodes X of level mu_o of size <= lim_o and consecutive kernel
  // siblings K, K' of level l.
  Count kernel_overlaps(int mu_o, Count lim_o, int l) const;

 private:
  struct Pair {
    Span first, second;
  };
  // Pairs of consecutive siblings by sizes: count of (first, second).
  struct PairClasses {
    static constexpr int kMax = 4 * static_cast<int>(kMaxLevels) + 4;
    std::array<Count, kMax> first{}, second{}, count{};
    int n = 0;
    void add(Count a, Count b, Count c);
  };
  // Output nodes of one level: interior ones by size, the others (not zero) listed.
  struct NodeSet {
    SizeClasses interior;
    std::vector<Span> edge;
  };
  struct PairSet {
    PairClasses interior;
    std::vector<Pair> edge;
  };

  bool zero(Span x) const { return x.hi <= zero_below_ || x.lo >= zero_from_; }
  bool interior(Span x) const { return x.lo >= interior_lo_ && x.hi <= interior_hi_; }
  void collect(Span node, int level, int target, NodeSet& out) const;
  const NodeSet& output_nodes(int level) const;
  PairSet output_pairs(int level) const;
  const std::vector<Span>& kernel_nodes(int level) const;
  std::vector<Pair> kernel_pairs(int level) const;
  PairClasses kernel_pair_classes(int level) const;

  Count footprint(Span x, Span k) const;
  // The footprint of an interior output range of size a with a kernel range of size b.
  Count unclipped(Count a, Count b) const;

  AxisGeometry g_;
  const DimTiling* out_;
  const DimTiling* ker_;
  // Output positions: [0, zero_below_) and [zero_from_, P) are zero,
  // [interior_lo_, interior_hi_) interior.
  Count zero_below_ = 0, zero_from_ = 0, interior_lo_ = 0, interior_hi_ = 0;
  Count class_period_ = 1, class_shift_ = 1;  // stride / gcd, dilation / gcd
  mutable std::array<bool, kMaxLevels + 1> have_nodes_{};
  mutable std::array<NodeSet, kMaxLevels + 1> nodes_;
  // sum() answers already computed (the terms of one buffer repeat them).
  struct SumKey {
    int mu_o, mu_k;
    Count lim_o, lim_k;
    bool operator==(const SumKey&) const = default;
  };
  static constexpr int kMemo = 48;
  mutable std::array<SumKey, kMemo> memo_key_;
  mutable std::array<Count, kMemo> memo_value_;
  mutable int memo_size_ = 0;
  Count compute_sum(int mu_o, Count lim_o, int mu_k, Count lim_k) const;
  mutable std::array<bool, kMaxLevels + 1> have_kernel_{};
  mutable std::array<std::vector<Span>, kMaxLevels + 1> kernel_;
};

}  // namespace spad
