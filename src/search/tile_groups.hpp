// The tile choices of one loop structure, in groups the branch and bound
// assigns one at a time: each traffic loop n, g, m, c alone, and the output
// and kernel loops of one spatial axis (p with r, q with s) together, since
// their tiles jointly set that axis's input footprint.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <vector>

#include "model/evaluator.hpp"
#include "search/loop_template.hpp"

namespace spad {

struct TileGroup {
  std::vector<Dim> dims;                    // one or two loops
  std::vector<std::array<Count, 2>> tiles;  // candidate tiles, in dims' order
};

// Builds the groups for the traffic loops of a structure. Candidates of a
// spatial group are filtered by dominance (argument in tile_groups.cpp); the
// filtered lists depend on a few flags of the structure only and are cached.
class TileGroupBuilder {
 public:
  explicit TileGroupBuilder(const Evaluator& ev) : ev_(ev) {}

  // Groups for `loops` (a subset of the structure's tiled loops), in the
  // order the branch and bound assigns them. Pointers stay valid as long as
  // the builder lives.
  std::vector<const TileGroup*> groups(const LoopTemplate& tpl, DimSet loops);

 private:
  const TileGroup& spatial_group(const LoopTemplate& tpl, Dim out, Dim ker,
                                 const std::vector<Dim>& dims, Count fixed_out, Count fixed_ker);

  const Evaluator& ev_;
  std::map<std::array<Count, 9>, TileGroup> cache_;
  PerDim<std::optional<TileGroup>> single_;  // n g m c alone
};

}  // namespace spad
