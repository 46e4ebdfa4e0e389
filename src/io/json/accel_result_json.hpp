// The JSON of `spad accel --json`: the Network result JSON of DESIGN.md
// (io/json/network_result_json, "format": "spad-network/1"; earlier versions
// wrote "spad-accel/1"), with, in each layer that fits:
//   "compute_cycles", "transfer_cycles", "latency_cycles",
//   "energy_pj": {"offchip", "scratchpad", "mac", "total"},
//   "accel": {"macs_per_cycle_used" (MACs / compute cycles), "mac_utilization",
//             "transfer_data_cycles", "transfer_setup_cycles", "dma_transfers",
//             "exposed_cycles", "latency_serial_cycles", "latency_overlapped_cycles",
//             "memory_bound", "bytes_per_cycle", "gbytes_per_s" (achieved),
//             "scratchpad_bytes",
//             "operand_reads": {"I", "W", "O"}, "psum_writes"},
//   "baselines": {"weight_stationary": {"feasible": true, "schedule", "traffic_bytes",
//                  "buffer_bytes", "compute_cycles", "transfer_cycles", "latency_cycles",
//                  "energy_pj"} or {"feasible": false}, ...}
// and in "totals" the same four keys summed, plus "latency_serial_cycles",
// "latency_overlapped_cycles", "latency_s", "frames_per_s", "energy_per_frame_pj",
// "average_gbytes_per_s", "peak_gbytes_per_s", "memory_bound_layers".
// Top level adds "objective", "schedule_source" ("search", or "given" for
// --schedule), "accelerator" (io/machine/accelerator_json) and "baseline_totals". Energies are in
// pJ (exact: integer fJ / 1000).
#pragma once

#include <nlohmann/json.hpp>

#include "study/accel_result.hpp"

namespace spad {

nlohmann::ordered_json accel_result_to_json(const AccelResult& result);

}  // namespace spad
