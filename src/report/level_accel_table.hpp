// The human report of `spad accel --schedule S.json` on a machine of several
// levels: the layer, the machine and the given schedule; per boundary
// (outermost first) its traffic, bandwidth, DMA transfers, transfer and
// exposed cycles, and the SRAM bytes and energy of the level below it; then
// compute, latency (serial and overlapped, memory- or compute-bound) and
// the energy split (model/level_accel_cost).
#pragma once

#include <cstddef>
#include <string>

#include "model/level_accel_cost.hpp"
#include "model/level_accelerator.hpp"
#include "model/level_traffic.hpp"
#include "schedule/level_schedule.hpp"
#include "workload/layer.hpp"

namespace spad {

// `width`: the tables are folded to it (0: natural width).
std::string format_level_accel_table(const Layer& layer, const LevelSchedule& schedule,
                                     const LevelAccelerator& accel, const LevelTraffic& traffic,
                                     const LevelAccelCost& cost, std::size_t width = 0);

}  // namespace spad
