// The JSON of `spad compare --buffer OUTER,INNER[,...] --json`: the network
// document with levels (io/json/network_level_result_json, what `optimize
// --model M --buffer OUTER,INNER --json` prints, "format": "spad-network/1";
// earlier versions wrote "spad-compare/1") and, added to each layer,
//   "baselines": {"weight_stationary", "output_stationary", "input_stationary",
//                 "hwce_v1", "hwce_v2", "hwce_v4", "working_set"}: each
//     {"applicable": true, "feasible": true, and the baseline's Result JSON
//      with levels (io/json/level_result_json without "machine": "schedule",
//      "arrays", "traffic_bytes", ..., "levels": [per boundary: traffic,
//      compulsory and lower-bound bytes, ...])},
//     {"applicable": true, "feasible": false} where it does not fit (or the
//      layer's optimum does not, and the baselines are not searched), or
//     {"applicable": false, "reason": "..."} (the HWCE-like engine: no
//      several-level form, search/level_baselines);
// and to "totals": "baselines": {name: {"layers", "traffic_bytes": [per
// boundary, outermost first], "optimum_traffic_bytes": [the optimum's over the
// same layers]}} summed over the layers where both fit, or {"applicable":
// false, "reason"}. Read back wherever a compare document is read (as a
// network: the layers' shapes).
#pragma once

#include <nlohmann/json.hpp>

#include "study/compare_network_levels.hpp"

namespace spad {

nlohmann::ordered_json compare_level_result_to_json(const CompareLevelResult& result);

}  // namespace spad
