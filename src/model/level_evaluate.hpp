// The analytical model for several on-chip levels (DESIGN.md, "Several
// on-chip levels"): what a LevelSchedule costs at every boundary, computed by
// formula, exactly what replaying the flat nest counts (sim/level_simulator).
//
// How it counts (model/level_evaluate.cpp has the derivation): every
// dimension's nested tiling is independent of the others, so the states of
// any set of loops of the flat nest are a product over dimensions of
// nested-tiling nodes, and each count is a product of per-dimension counts:
//   fills   = (states of the loops outside the buffer)
//             - (steps of a loop not indexing A after which every
//                A-indexing loop inside it, outside the buffer, made a
//                single trip: the held tile did not change);
//   loads   = the same sums weighted by the tile's footprint, minus, with
//             halo reuse, the elements shared by consecutive I tiles;
// with the input footprint split per axis (model/level_axis) and node counts
// by size class (model/level_tiling). A one-level schedule gives exactly
// evaluate()'s Traffic.
#pragma once

#include <array>
#include <memory>
#include <vector>

#include "model/level_traffic.hpp"
#include "model/lower_bound.hpp"
#include "model/memory_levels.hpp"
#include "schedule/level_schedule.hpp"
#include "workload/layer.hpp"

namespace spad {

// Validates the schedule and machine against the layer (UserError when the
// two have different level counts), then counts every boundary. levels[l].name
// is the machine's name of level l+1, or the schedule's when it has none.
LevelTraffic evaluate_levels(const Layer& layer, const LevelSchedule& schedule,
                             const MemoryLevels& machine);

// The same counts buffer by buffer, for a search that costs many spans and
// orders of one set of tiles: the nest (every dimension's nested tiling and
// input axis) is built once from the schedule's tiles, and each buffer is
// counted on demand by the formulas evaluate_levels uses (it is built on
// this class), whatever spans the schedule itself has.
class LevelBufferCounter {
 public:
  // Validates as evaluate_levels does (UserError: the schedule invalid for the
  // layer, the machine invalid, or a different level count).
  LevelBufferCounter(const Layer& layer, const LevelSchedule& schedule,
                     const MemoryLevels& machine);
  ~LevelBufferCounter();
  LevelBufferCounter(const LevelBufferCounter&) = delete;
  LevelBufferCounter& operator=(const LevelBufferCounter&) = delete;

  // Level `level`'s (0-based) loop order becomes `order` (innermost first, a
  // permutation of the 8 dims; InternalError otherwise); its tiles stay.
  void set_order(std::size_t level, const std::array<Dim, kNumDims>& order);

  // A's buffer at `level` (0-based) with span `span` (0..8): buffer_elems
  // (x2 with double buffering), buffer_bytes, fills; and what it moves across
  // the boundary just outside its level when it loads from there: reads
  // (O: partial sums read back), writes and final_writes (O; final_writes =
  // |O|), read_bytes and write_bytes at the machine's precisions. For each
  // buffer of the schedule, exactly what evaluate_levels reports of it.
  ArrayTraffic buffer(std::size_t level, int span, Tensor a) const;

  // The distinct tile positions that buffer holds over the run: the product
  // over the dims indexing A of the nodes of the deepest level whose loop of
  // the dim is outside it (model/level_accel_cost counts O's transfers with it).
  Count tile_positions(std::size_t level, int span, Tensor a) const;

 private:
  struct State;
  std::unique_ptr<State> state_;  // LevelAxis refers into it: never moved
};

// The floor at each boundary, outermost first: the compulsory traffic (the
// same at every boundary) and the pebble bound with the capacity of levels
// l..L together (everything inside boundary l). When one of those levels is
// unbounded the pebble bound is 0 (an unbounded fast memory) and the bound is
// the compulsory traffic.
std::vector<LowerBound> level_lower_bounds(const Layer& layer, const MemoryLevels& machine);

}  // namespace spad
