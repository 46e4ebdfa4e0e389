// Which part of one array a buffer must hold at an iteration of the tile
// loops (DESIGN.md, buffer span): loops inside the span (the k_A innermost)
// run through their whole range, loops outside it are fixed at their current
// tile. Part of the tile-level simulator.
#pragma once

#include "base/checked.hpp"
#include "base/dims.hpp"
#include "schedule/schedule.hpp"
#include "workload/layer.hpp"

namespace spad::sim {

// A half-open range [lo, hi) of loop values.
struct Range {
  Count lo = 0;
  Count hi = 0;
  Count size() const { return hi - lo; }
};

class HeldTile {
 public:
  HeldTile(Tensor t, const Schedule& schedule, const Layer& layer);

  // The loop values covered by the buffer at tile index `index`, per loop.
  // Loops that do not index the array are reported whole (they do not matter).
  PerDim<Range> ranges(const PerDim<Count>& index) const;

  // Identity of the held tile: the tile index of every loop outside the span
  // that indexes the array; -1 for the other loops.
  PerDim<Count> key(const PerDim<Count>& index) const;

  // Whether loop d is outside the span and indexes the array.
  bool selects(Dim d) const { return selects_[d]; }

 private:
  PerDim<bool> selects_{};
  PerDim<Count> tile_{};
  PerDim<Count> bound_{};
};

// Elements of W or O held for `ranges`: these arrays are indexed by their
// loops directly, so a held tile is the product of the loops' ranges. (I is
// not: see sim_input_footprint.hpp.)
Count box_size(Tensor t, const PerDim<Range>& ranges);

}  // namespace spad::sim
