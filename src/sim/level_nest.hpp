// The flat loop nest of a several-level schedule, replayed as an odometer
// (DESIGN.md, "Several on-chip levels"). Part of the level simulator.
//
// Flat positions run innermost first: level L's 8 loops (positions 0..7 in
// level L's order), then level L-1's, ..., then level 1's. Level 1's loop of
// dim d steps over t^1_d tiles of [0, D_d); level l's loop of d steps over
// t^l_d tiles of the current level-(l-1) tile [lo, hi) of d, making
// ceil((hi - lo) / t) trips over [lo + i*t, min(lo + (i+1)*t, hi)), so trip
// counts change while the replay runs (where an enclosing tile is partial).
// Stepping is the odometer's: the innermost loop that is not at its last trip
// advances by one and every loop inside it restarts at index 0 (with trip
// counts recomputed from the new enclosing tiles).
//
// Loops at flat positions below `first_position` are not iterated (index 0):
// the caller folds loops that lie inside every buffer, which no buffer can
// observe.
#pragma once

#include <cstddef>
#include <vector>

#include "base/checked.hpp"
#include "base/dims.hpp"
#include "schedule/level_schedule.hpp"
#include "sim/sim_held_tile.hpp"
#include "workload/layer.hpp"

namespace spad::sim {

class LevelNest {
 public:
  LevelNest(const Layer& layer, const LevelSchedule& schedule, int first_position);

  int size() const { return static_cast<int>(loops_.size()); }
  // The flat position of level `level`'s (0 = level 1) loop at position `pos`
  // of its own order.
  int flat_position(std::size_t level, int pos) const;
  Dim dim(int flat) const { return loops_[static_cast<std::size_t>(flat)].dim; }
  std::size_t level(int flat) const { return loops_[static_cast<std::size_t>(flat)].level; }

  // The trip index of the loop at `flat` within its enclosing tile.
  Count index(int flat) const { return index_[static_cast<std::size_t>(flat)]; }
  // The current tile of dim d at `level` (0 = level 1).
  Range tile(std::size_t level, Dim d) const { return tiles_[level][d]; }

  // Moves to the next iteration; false when the nest is finished.
  bool step();

 private:
  struct Loop {
    std::size_t level = 0;
    Dim dim = Dim::n;
    Count tile = 1;
  };
  // Recomputes every level's tiles and every loop's trip count from the indices.
  void refresh();

  PerDim<Count> bound_;
  std::vector<Loop> loops_;            // by flat position
  std::vector<PerDim<int>> position_;  // per level: flat position of each dim's loop
  std::vector<Count> index_;           // by flat position
  std::vector<Count> trips_;           // by flat position
  std::vector<PerDim<Range>> tiles_;   // per level
  int first_ = 0;
};

// The number of iterations a LevelNest with this `first_position` makes
// (exact: trip counts that vary inside partial tiles are followed). Throws
// UserError when it exceeds `limit`, naming `limit` and what to do.
Count level_nest_iterations(const Layer& layer, const LevelSchedule& schedule, int first_position,
                            Count limit);

// Every tile of dim d at `level` (0 = level 1), in increasing order; `level`
// = -1 gives the whole range [0, D_d).
std::vector<Range> level_tiles(const Layer& layer, const LevelSchedule& schedule, Dim d, int level);

}  // namespace spad::sim
