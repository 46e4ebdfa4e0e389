// The human report of `spad accel` on a machine of several levels: the
// layer, the machine, the objective and the search space if restricted (when
// searched) and the schedule; per boundary
// (outermost first) its traffic, bandwidth, DMA transfers, transfer and
// exposed cycles, and the SRAM bytes and energy of the level below it; then
// compute, latency (serial and overlapped, memory- or compute-bound) and
// the energy split (model/level_accel_cost).
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "model/level_accel_cost.hpp"
#include "model/level_accelerator.hpp"
#include "model/level_traffic.hpp"
#include "schedule/level_schedule.hpp"
#include "search/level_search_space.hpp"
#include "search/objective.hpp"
#include "workload/layer.hpp"

namespace spad {

// `width`: the tables are folded to it (0: natural width). `objective`: the
// schedule was searched for it (printed with its ties); none: given.
// `space`: the schedules searched (a "space" line when restricted).
std::string format_level_accel_table(const Layer& layer, const LevelSchedule& schedule,
                                     const LevelAccelerator& accel, const LevelTraffic& traffic,
                                     const LevelAccelCost& cost, std::size_t width = 0,
                                     std::optional<Objective> objective = std::nullopt,
                                     const LevelSearchSpace& space = {});

}  // namespace spad
