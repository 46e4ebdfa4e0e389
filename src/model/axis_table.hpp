// Per-axis input terms of one layer, precomputed for every (output tile,
// kernel tile) pair and every way a schedule can sum them (tiled or whole,
// halo along the output or the kernel loop). Lets the model answer in O(1)
// per axis what axis_term() computes by walking the tiles: the search calls
// the model millions of times per layer.
#pragma once

#include <vector>

#include "model/axis_footprint.hpp"

namespace spad {

class AxisTable {
 public:
  explicit AxisTable(const AxisGeometry& g);

  // Same value as axis_term(g, t_out, out_tiled, t_ker, ker_tiled, halo).
  const AxisTerm& term(Count t_out, bool out_tiled, Count t_ker, bool ker_tiled,
                       HaloAlong halo) const {
    return terms_[slot(t_out, out_tiled, t_ker, ker_tiled, halo)];
  }

  const AxisGeometry& geometry() const { return geometry_; }

 private:
  static constexpr int kModes = 12;  // 2 (out tiled) x 2 (ker tiled) x 3 (halo)
  std::size_t slot(Count t_out, bool out_tiled, Count t_ker, bool ker_tiled, HaloAlong halo) const;

  AxisGeometry geometry_;
  std::vector<AxisTerm> terms_;
};

}  // namespace spad
