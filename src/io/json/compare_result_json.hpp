// The JSON of `spad compare --json`: the Network result JSON of DESIGN.md
// (io/json/network_result_json, the same document `optimize --model --json` prints,
// "format": "spad-network/1"; earlier versions wrote "spad-compare/1") with,
// added to each layer,
//   "lower_bound_bytes":   max(compulsory, pebble bound) (model/lower_bound),
//   "pebble_bound_bytes":  the pebble-game bound alone,
//   "baselines": {"weight_stationary", "output_stationary", "input_stationary",
//                 "hwce_v1", "hwce_v2", "hwce_v4", "working_set"}: each the
//                baseline's Result JSON keys (io/json/result_json without "machine":
//                "schedule", "arrays", "traffic_bytes", "buffer_bytes",
//                "compulsory_bytes", "fits", "total_fills") and "feasible": true,
//                or {"feasible": false} where the baseline does not fit,
//   "working_set_capacity_bytes": the smallest capacity at which the working-set
//                space moves no more than the optimum's traffic_bytes (null when
//                the optimum does not fit);
// to "totals": "lower_bound_bytes" (every layer) and "baselines": {name:
// {"layers", "traffic_bytes", "optimum_traffic_bytes"}} summed over the layers
// where both the baseline and the optimum fit; and at the top level
// "baseline_machines": {name: machine} (the HWCE ones with halo_reuse on).
#pragma once

#include <nlohmann/json.hpp>

#include "study/compare_result.hpp"

namespace spad {

nlohmann::ordered_json compare_result_to_json(const CompareResult& result);

}  // namespace spad
