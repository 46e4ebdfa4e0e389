// The floor at each boundary of a several-level machine (DESIGN.md, "Several
// on-chip levels"): boundary l (between level l-1, or off-chip, and level l)
// gets lower_bound() with the capacity of levels l..L together, everything
// inside that boundary. When one of those levels is unbounded the pebble
// bound is 0 (an unbounded fast memory) and the bound is the compulsory
// traffic.
#pragma once

#include <vector>

#include "model/lower_bound.hpp"
#include "model/memory_levels.hpp"
#include "workload/layer.hpp"

namespace spad {

// One LowerBound per level (boundary), outermost first.
std::vector<LowerBound> boundary_lower_bounds(const Layer& layer, const MemoryLevels& machine);

}  // namespace spad
