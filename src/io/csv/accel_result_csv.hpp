// The per-layer CSV of `spad accel --csv`: the columns of the network CSV
// (io/csv/network_result_csv), then
//   objective (traffic, latency or energy: what the search minimised)
//   compute_cycles transfer_cycles transfer_data_cycles transfer_setup_cycles
//   dma_transfers exposed_cycles latency_serial_cycles latency_overlapped_cycles
//   latency_cycles memory_bound mac_utilization bytes_per_cycle gbytes_per_s (achieved)
//   energy_offchip_pj energy_scratchpad_pj energy_mac_pj energy_total_pj
// and, with baselines, <baseline>_latency_cycles and <baseline>_energy_pj per
// baseline (kAccelBaselines of search/baselines: weight_stationary ... hwce_v4). Cells are empty
// where a layer (or a baseline) does not fit. No totals row: every count
// column sums to the network's total.
#pragma once

#include <string>

#include "study/accel_result.hpp"

namespace spad {

std::string accel_result_to_csv(const AccelResult& result);

}  // namespace spad
