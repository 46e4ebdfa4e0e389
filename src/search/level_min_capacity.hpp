// The smallest capacity of every on-chip level at which a layer has any
// schedule of a level search space: the several-level form of
// search/optimize's smallest_capacity_bytes ("min_capacity_bytes"), what a
// "nothing fits" answer names.
//
// Derived the way the one-level code derives it: the schedule with every
// tile 1 at every level and every buffer as far in as the space allows. A
// level-l buffer holds, per dimension, the whole range of each of its level's
// spanned loops (the enclosing level's tile, whatever the tiles) and the
// level's tile along the others, so no tile below 1 and no span nearer the
// datapath gives a smaller buffer. As far in as the space allows:
//   whole space     every array bypasses levels 1..L-1 (they need 0 bytes) and
//                   has span 0 at level L: one element of each of I, W and O
//                   (copies x (input + weight + psum bytes));
//   uniform spans   span 0 at every level, no bypass: one element of each at
//                   every level;
//   fixed spans     as given (with the fixed orders; a spanned level-1 loop
//                   covers its whole dimension).
// That one schedule is the smallest at every level at once, and is in the
// space, so a machine has a schedule of the space iff every level's capacity
// is at least its entry here (the level search's "fits": every level's
// buffers within its capacity).
#pragma once

#include <vector>

#include "base/checked.hpp"
#include "model/memory_levels.hpp"
#include "search/level_search_space.hpp"
#include "workload/layer.hpp"

namespace spad {

// One entry per level of `machine`, outermost first, in bytes (0 for a level
// every array may bypass); the capacities of `machine` are ignored. `space`
// must fit the machine's level count (UserError from validate otherwise).
std::vector<Count> smallest_level_capacities(const Layer& layer, const MemoryLevels& machine,
                                             const LevelSearchSpace& space = {});

}  // namespace spad
