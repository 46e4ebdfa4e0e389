// The Network result JSON with levels (`spad optimize --model M --buffer
// OUTER,INNER --json`): DESIGN.md's network document, each layer carrying the
// Result JSON with levels (io/json/level_result_json) of its optimum:
//   {"format": "spad-network/1", "model",
//    "layers": [{"name", "kind", "N", "C", "M", "H", "W", "R", "S", "stride",
//                "dilation", "pad", "groups", "macs",
//                "schedule": {"levels": [...]}, "arrays", "traffic_bytes",
//                "compulsory_bytes", "lower_bound_bytes", "buffer_bytes", "fits",
//                "total_fills", "levels": [...]   (level_result_json, without "machine"),
//                "min_capacity_bytes" (the innermost level's entry of:)
//                "min_capacities_bytes": [per level, outermost first: the smallest
//                   capacity at which the layer has a schedule of the space,
//                   search/level_min_capacity; 0 where every array may bypass],
//                "index", "P", "Q", "same_shape_as" (as for one level)}],
//    "totals": {"layers", "macs", "traffic_bytes" (off-chip), "compulsory_bytes",
//               "infeasible_layers",
//               "levels": [{"name", "capacity_bytes", "traffic_bytes"}]  per boundary},
//    "not_scheduled": {...},
//    "level_machine": {"precision", "halo_reuse", "double_buffer"},
//    "precision_source", "search": {"objective": "traffic", "space" (io/json/search_json's
//    level space), "unique_shapes"}}
// A layer where nothing fits has "fits": false, "compulsory_bytes",
// "min_capacity_bytes", "min_capacities_bytes" and no schedule or counts. The machine is under
// "level_machine" (not "machine", which one-level readers check against one-level schedules).
// Nothing depends on timing or thread count.
#pragma once

#include <nlohmann/json.hpp>

#include "study/optimize_network_levels.hpp"

namespace spad {

nlohmann::ordered_json network_level_result_to_json(const NetworkLevelResult& result);

}  // namespace spad
