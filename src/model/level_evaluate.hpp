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

// The floor at each boundary, outermost first: the compulsory traffic (the
// same at every boundary) and the pebble bound with the capacity of levels
// l..L together (everything inside boundary l). When one of those levels is
// unbounded the pebble bound is 0 (an unbounded fast memory) and the bound is
// the compulsory traffic.
std::vector<LowerBound> level_lower_bounds(const Layer& layer, const MemoryLevels& machine);

}  // namespace spad
