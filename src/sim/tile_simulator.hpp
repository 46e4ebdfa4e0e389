// The tile-level simulator: the oracle the analytical model is tested against.
// It replays the tile loops of a schedule, keeps one buffer per array that is
// refilled whenever the tile it must hold changes, enumerates the elements each
// fill brings in, and counts every transfer (DESIGN.md, "Exact semantics of
// traffic"). It shares no code with model/evaluate: the two must agree on
// every field of Traffic, exactly.
#pragma once

#include "base/checked.hpp"
#include "model/machine.hpp"
#include "model/traffic.hpp"
#include "schedule/schedule.hpp"
#include "workload/layer.hpp"

namespace spad {

// Largest number of tile-loop iterations simulate() replays (after folding the
// loops inside every buffer, which no buffer can observe). Beyond it the
// simulator throws UserError: use the analytical model instead.
inline constexpr Count kMaxSimulatedIterations = Count{1} << 28;

// Validates the schedule and machine against the layer, then replays it.
Traffic simulate(const Layer& layer, const Schedule& schedule, const Machine& machine);

// simulate(), with the number of DMA transfers the replay observed: every
// fill of I and W, every write-back of O and every O fill that read partial
// sums back.
struct SimulatedTransfers {
  Traffic traffic;
  Count dma_transfers = 0;
};
SimulatedTransfers simulate_transfers(const Layer& layer, const Schedule& schedule,
                                      const Machine& machine);

}  // namespace spad
