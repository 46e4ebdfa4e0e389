// The tile choices of one loop structure, in groups the branch and bound
// assigns one at a time: each traffic loop n, g, m, c alone, and the output
// and kernel loops of one spatial axis (p with r, q with s) together, since
// their tiles jointly set that axis's input footprint.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <vector>

#include "model/accelerator.hpp"
#include "model/evaluator.hpp"
#include "search/loop_template.hpp"

namespace spad {

// What the branch and bound needs of a run of candidates (search/
// template_solver's range bounds), per loop of the group: the largest and the
// least tile and (with a MAC array) the least lane steps F; for a spatial
// group, the candidates of least term sum and max.
struct RangeSummary {
  std::array<Count, 2> most{}, least{}, least_lane_steps{};
  std::size_t least_sum = 0, least_max = 0;
};

struct TileGroup {
  std::vector<Dim> dims;                    // one or two loops
  std::vector<std::array<Count, 2>> tiles;  // candidate tiles, in dims' order
  // Spatial groups only (empty for n g m c): per candidate, its axis term's
  // sum and max (model/axis_footprint: the I reads and I buffer factors).
  std::vector<AxisTerm> terms;
  // Per loop of dims, the least lane steps F (model/accel_cost) over the
  // candidates; filled only when the builder has a MAC array.
  std::array<Count, 2> min_lane_steps{};
  // The runs of the halving tree over the candidates, heap-numbered: run 1 is
  // the whole list, run k = [lo, hi) has halves 2k = [lo, mid) and 2k + 1 =
  // [mid, hi) with mid = lo + (hi - lo) / 2, down to single candidates.
  std::vector<RangeSummary> ranges;
};

// The first half and the middle of run [lo, hi) of the halving tree.
inline std::size_t range_mid(std::size_t lo, std::size_t hi) { return lo + (hi - lo) / 2; }

// Builds the groups for the traffic loops of a structure. Candidates of a
// spatial group are filtered by dominance (argument in tile_groups.cpp); the
// filtered lists depend on a few flags of the structure only and are cached.
class TileGroupBuilder {
 public:
  // `lanes`: the MAC array when the objective depends on it (latency,
  // energy); nullptr for traffic.
  TileGroupBuilder(const Evaluator& ev, const MacArray* lanes) : ev_(ev), lanes_(lanes) {}

  // Groups for `loops` (a subset of the structure's tiled loops), in the
  // order the branch and bound assigns them: those holding a traffic loop
  // first. Pointers stay valid as long as
  // the builder lives.
  std::vector<const TileGroup*> groups(const LoopTemplate& tpl, DimSet loops);

 private:
  const TileGroup& spatial_group(const LoopTemplate& tpl, Dim out, Dim ker,
                                 const std::vector<Dim>& dims, Count fixed_out, Count fixed_ker);

  Count lanes_of(Dim d) const { return lanes_ ? lanes_->unroll[d] : 1; }
  void set_min_lane_steps(TileGroup& g) const;
  void summarize_ranges(TileGroup& g) const;

  const Evaluator& ev_;
  const MacArray* lanes_;
  std::map<std::array<Count, 9>, TileGroup> cache_;
  PerDim<std::optional<TileGroup>> single_;  // n g m c alone
};

}  // namespace spad
