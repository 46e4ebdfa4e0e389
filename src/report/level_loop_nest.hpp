// A several-level schedule printed for people: the flat nest, outermost
// first, one loop group per level, with a marker line where each buffer of
// each level is (re)filled (as report/loop_nest does for one level).
//
//   level 1 (L2): tiles n1 g1 m64 c64 p28 q56 r3 s3; W bypasses it
//   for n in 0..1 step 1                  (T=1, no-op)
//     ...
//       ── L2: fill O buffer (112 KiB, 2 fills: n1 g1 m64 p28 q56)
//       for p in 0..56 step 28            (T=2)
//         ...
//           level 2 (L1), inside one L2 tile: tiles n1 g1 m16 c8 p4 q56 r3 s3
//           for n in L2 tile step 1       (T=1, no-op)
//             ...
//               ── L1: fill W buffer (...)
//                   compute tile: n1 g1 m16 c8 p4 q56 r3 s3 (193,536 MACs)
//
// A marker of array A at level l stands just outside the k innermost loops
// of level l's group (k = A's span there), inside every deeper group. Loops
// of deeper levels step inside the current tile of the level above, so
// their trip count may vary ("T=1..2") and the last tile may be partial.
// A buffer's extents are those of one tile of each loop outside it and the
// whole enclosing tile of each of its own level's loops inside it (I is
// shown over its loops n g c p q r s, not as an input window).
#pragma once

#include <string>

#include "model/level_traffic.hpp"
#include "schedule/level_schedule.hpp"
#include "workload/layer.hpp"

namespace spad {

// Markers give each buffer's bytes and fills as counted in `traffic`
// (levels in the same order). Validates the schedule (UserError).
std::string format_level_loop_nest(const Layer& layer, const LevelSchedule& schedule,
                                   const LevelTraffic& traffic);

}  // namespace spad
