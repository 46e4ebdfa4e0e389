// The CSV of `spad accel --csv` on a machine file with levels (several
// on-chip levels), for one layer (--layer) or a network (--model): a header
// line, then one line per layer in graph order (a --layer run: one line, index
// 0). The twin of the one-level accel CSV (io/csv/accel_result_csv: the
// objective, the cycles and the energy split) with the per-boundary columns
// of optimize --buffer OUTER,INNER --csv (io/csv/level_result_csv) spread
// along the line. No totals line: every count column sums over the lines to
// the network's total over the layers that fit.
//
// Columns (L = the machine's level count; boundary b lies above level b,
// boundary 1 is off-chip <-> level 1):
//   index name kind macs                   the layer
//   fits                                   the schedule fits every level
//   schedule_source objective              "search" and the objective searched for
//                                          (traffic, latency or energy), or
//                                          "given" (--schedule) and an empty cell
//   compute_cycles transfer_cycles (the busiest boundary's) exposed_cycles
//   latency_serial_cycles latency_overlapped_cycles latency_cycles
//   memory_bound mac_utilization
//   energy_offchip_pj energy_scratchpad_pj (every level's SRAM) energy_mac_pj
//   energy_total_pj
//   traffic_bytes                          bytes across boundary 1 (off-chip)
//   compulsory_bytes                       every element once (the same at every boundary)
//   fills buffer_bytes                     summed over every level and array
//   then for b = 1..L:
//     boundary<b>_traffic_bytes boundary<b>_dma_transfers
//     boundary<b>_transfer_cycles boundary<b>_exposed_cycles
//     level<b>_buffer_bytes level<b>_fills level<b>_sram_pj   (level b, below boundary b)
// Energies in pJ with three decimals (exact: fJ / 1000); mac_utilization with
// four. A layer where nothing fits has fits = false and empty cells after
// compulsory_bytes's column except schedule_source and objective. Text cells
// are written by io/csv/csv_cell.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/level_accel_cost.hpp"
#include "model/level_accelerator.hpp"
#include "search/level_search.hpp"
#include "search/objective.hpp"
#include "study/optimize_network_levels.hpp"
#include "workload/network.hpp"

namespace spad {

// One layer of `spad accel --layer L --csv`: `entry` the layer (its kind sets
// the element sizes, study/optimize_network_levels' layer_accelerator),
// its schedule's traffic and cost on `accel`; `objective` as searched, or
// none for a given schedule.
std::string level_accel_layer_to_csv(const NetworkLayer& entry, const LevelCandidate& best,
                                     const LevelAccelCost& cost, const LevelAccelerator& accel,
                                     std::optional<Objective> objective);

// `spad accel --model M --csv`: `costs` = network_level_accel_costs(result, accel).
std::string network_level_accel_to_csv(const NetworkLevelResult& result,
                                       const LevelAccelerator& accel, Objective objective,
                                       const std::vector<std::optional<LevelAccelCost>>& costs);

}  // namespace spad
