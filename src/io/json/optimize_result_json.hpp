// What `spad optimize --layer ... --json` prints: the Result JSON of DESIGN.md
// (io/json/result_json) for the best schedule, plus
//   "lower_bound_bytes": the floor at the capacity (model/lower_bound: the
//     compulsory traffic or the pebble bound, whichever is larger),
//   "min_capacity_bytes": the smallest scratchpad any schedule of the space needs,
//   "layer": the layer (io/json/layer_json's layer_to_json),
//   "search": {"space": {...}, "structures", "evaluations", "complete_schedules"}
//             (io/json/search_json; the CLI adds "threads" and "seconds").
// Its "schedule" (or the whole document) is what `spad evaluate --schedule` accepts.
#pragma once

#include <nlohmann/json.hpp>

#include "search/optimize.hpp"
#include "workload/layer.hpp"

namespace spad {

// `result.best` must be set (InternalError otherwise).
nlohmann::ordered_json optimize_result_to_json(const Layer& layer, const Machine& machine,
                                               const SearchSpace& space,
                                               const SearchResult& result);

}  // namespace spad
