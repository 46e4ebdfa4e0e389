// The accelerator's activity counted by replay: every tile of a schedule
// visited in turn, its cycles and operand reads counted from its own extents
// (the last tile of a loop may be partial). Shares no code with the model's
// formulas (model/accel_cost): the two must agree exactly.
//
//   for each tile position (all eight tile loops, no folding)
//     e_d    = extent of the tile along d
//     cycles += Π_d ceil(e_d / u_d)
//     I, W   += Π_{d indexes A} e_d · Π_{d does not} ceil(e_d / u_d)
//     O      : e_n e_g e_m e_p e_q written, and read unless the tile is the
//              first along c, r and s
#pragma once

#include "base/checked.hpp"
#include "model/accelerator.hpp"
#include "model/activity.hpp"
#include "model/traffic.hpp"
#include "schedule/schedule.hpp"
#include "workload/layer.hpp"

namespace spad {

// Largest number of tiles replay_activity visits; beyond it, UserError.
inline constexpr Count kMaxReplayedTiles = Count{1} << 26;

// Replays the tiles and runs the tile-level simulator for the DMA side;
// returns the simulated traffic and activity. Validates its inputs.
struct SimulatedActivity {
  Traffic traffic;
  Activity activity;
};
SimulatedActivity simulate_activity(const Layer& layer, const Schedule& schedule,
                                    const Accelerator& accel);

}  // namespace spad
