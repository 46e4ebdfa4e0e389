// The level simulator: the oracle for several-level schedules (DESIGN.md,
// "Several on-chip levels"). It replays the flat nest literally (level 1's
// loops over the whole layer, each deeper level's loops inside the current
// tile of the level above, trip counts varying inside partial tiles), keeps
// one buffer per array per level that does not bypass it (sim/level_buffer),
// and counts every element at every boundary it crosses. It shares no code
// with the analytical model; with one level it gives exactly simulate()'s
// Traffic.
#pragma once

#include <vector>

#include "model/level_traffic.hpp"
#include "model/memory_levels.hpp"
#include "schedule/level_schedule.hpp"
#include "workload/layer.hpp"

namespace spad {

// Throws UserError when the schedule and the machine do not have the same
// number of levels (naming both counts).
void check_level_counts(const LevelSchedule& schedule, const MemoryLevels& machine);

// The most iterations of the flat nest (after folding the loops inside every
// buffer) simulate_levels replays. Lower than the one-level simulator's
// kMaxSimulatedIterations: the replay keeps each level's tiles and which O
// tiles were held, about 45 bytes per iteration (measured: 12 GB at 2^28),
// so about 0.75 GB at this limit (docs/resource-contract.md).
inline constexpr Count kMaxLevelSimulatedIterations = Count{1} << 24;

// Validates the schedule (against the layer) and the machine and their level
// counts, then replays. The replay is bounded by kMaxLevelSimulatedIterations
// iterations: beyond it a UserError says what to do.
// levels[l].name is the machine's name of level l+1, or the schedule's when
// the machine's is empty.
LevelTraffic simulate_levels(const Layer& layer, const LevelSchedule& schedule,
                             const MemoryLevels& machine);

// The same, with the DMA transfers crossing each boundary (outermost first):
// one per fill of an I or W buffer, per O write-back and per O fill that
// reads partial sums back, at every boundary between the buffer and its
// source (for the accelerator's activity: sim/level_activity_replay).
struct SimulatedLevelTransfers {
  LevelTraffic traffic;
  std::vector<Count> dma_transfers;
};
SimulatedLevelTransfers simulate_level_transfers(const Layer& layer, const LevelSchedule& schedule,
                                                 const MemoryLevels& machine);

}  // namespace spad
