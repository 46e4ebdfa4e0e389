// The JSON of `spad accel --schedule S.json` on a machine of several levels:
// the level Result document (io/json/level_result_json: schedule, per-level
// traffic, machine, layer) with
//   "schedule_source": "given", or for a searched schedule "search" after
//   "objective": "latency" | "energy" | "traffic" (search/level_objective),
//   and then "search": {"objective", "space" (io/json/search_json's level
//   space: which schedules were searched)} (a searched schedule only),
//   "accelerator": the machine in the levels: form (io/machine/accelerator_json),
//   "accel": {"compute_cycles", "transfer_cycles" (the largest boundary's),
//             "latency_cycles", "energy_pj": {"offchip", "scratchpad" (every
//             level's SRAM), "mac", "total"}, "macs", "macs_per_cycle_used",
//             "mac_utilization", "exposed_cycles", "latency_serial_cycles",
//             "latency_overlapped_cycles", "memory_bound", "operand_reads":
//             {"I", "W", "O"}, "psum_writes",
//             "levels": [{"name", "traffic_bytes", "bits_per_cycle",
//                         "dma_setup_cycles", "dma_transfers",
//                         "transfer_data_cycles", "transfer_setup_cycles",
//                         "transfer_cycles", "first_load_bytes",
//                         "last_store_bytes", "exposed_cycles", "sram_bytes",
//                         "sram_pj"}, ...]}   (outermost first; levels[i] is
//                         the boundary above machine level i and its SRAM)
// Energies in pJ (exact: fJ / 1000).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "model/level_accel_cost.hpp"
#include "model/level_accelerator.hpp"
#include "model/level_traffic.hpp"
#include "schedule/level_schedule.hpp"
#include "search/level_search_space.hpp"
#include "search/objective.hpp"
#include "workload/layer.hpp"

namespace spad {

nlohmann::ordered_json level_accel_json(const LevelAccelCost& cost, const LevelAccelerator& accel);

nlohmann::ordered_json level_accel_document(const Layer& layer, const LevelSchedule& schedule,
                                            const LevelAccelerator& accel,
                                            const LevelTraffic& traffic, const LevelAccelCost& cost,
                                            std::optional<Objective> objective = std::nullopt,
                                            const LevelSearchSpace& space = {});

}  // namespace spad
