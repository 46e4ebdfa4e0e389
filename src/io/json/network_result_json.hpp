// The Network result JSON of DESIGN.md (`spad optimize --model ... --json`):
//   {"model",
//    "layers": [{"name", "kind", "N", "C", "M", "H", "W", "R", "S", "stride", "dilation",
//                "pad", "groups", "macs",
//                Result JSON keys (io/json/result_json) without "machine":
//                  "schedule", "arrays", "traffic_bytes", "buffer_bytes",
//                  "compulsory_bytes", "fits", "total_fills",
//                "min_capacity_bytes", "index", "P", "Q",
//                "same_shape_as" (only when the result is reused from an earlier layer
//                                 of identical shape: that layer's name)}],
//    "totals": {"layers", "macs", "traffic_bytes", "compulsory_bytes", "infeasible_layers"},
//    "not_scheduled": {"Relu": 49, ...},           ({} when the source lists none)
//    "skipped": [{"node", "op", "reason", "macs"}], arithmetic nodes not scheduled
//                                                  (macs null when unknown; [] if none)
//    "warnings": ["..."],                          import warnings (shape disagreements)
//    "machine": {...as in the Result JSON...},
//    "precision_source": "--precision" | "the model's integer operators: ..." | "default",
//    "search": {"space": {...}, "unique_shapes": K}}
// A layer that does not fit has "fits": false and "min_capacity_bytes" and
// no "schedule", "arrays", "traffic_bytes", "buffer_bytes", "total_fills".
// Each total is the sum of the same key over the layers that have it (so
// traffic_bytes sums only the layers that fit). Nothing in the document depends
// on timing or thread count.
#pragma once

#include <nlohmann/json.hpp>

#include "study/network_result.hpp"

namespace spad {

nlohmann::ordered_json network_result_to_json(const NetworkResult& result);

}  // namespace spad
