// The accelerator's activity for a several-level schedule counted by replay:
// every tile of the innermost level visited in turn (each level's loops over
// the current tile of the level above, partial tiles at every level), its
// cycles and operand reads counted from its own extents, and the DMA
// transfers per boundary taken from the level simulator. Shares no code with
// the model's formulas (model/level_accel_cost): the two must agree exactly.
//
//   for each innermost tile (extents e_d, first index lo_d)
//     cycles += Π_d ceil(e_d / u_d);  MACs += Π_d e_d
//     I, W   += Π_{d indexes A} e_d · Π_{d does not} ceil(e_d / u_d)
//     O      : e_n e_g e_m e_p e_q written, and read unless lo_c = lo_r = lo_s = 0
#pragma once

#include "model/activity.hpp"
#include "model/level_accelerator.hpp"
#include "model/level_traffic.hpp"
#include "schedule/level_schedule.hpp"
#include "workload/layer.hpp"

namespace spad {

// Replays the innermost tiles (at most kMaxReplayedTiles of
// sim/activity_replay, else UserError) and runs the level simulator for the
// DMA side. Validates its inputs as simulate_levels does.
struct SimulatedLevelActivity {
  LevelTraffic traffic;
  LevelActivity activity;
};
SimulatedLevelActivity simulate_level_activity(const Layer& layer, const LevelSchedule& schedule,
                                               const LevelAccelerator& accel);

}  // namespace spad
