// The document `spad optimize --layer L --buffer OUTER,INNER[,...] --json`
// prints: the Result JSON with levels of the level search's optimum
// (io/json/level_result_json's level_result_document) plus
//   "search": {"objective": "traffic", "space" (io/json/search_json's level
//              space: which schedules were searched), "evaluations", "leaves",
//              "nodes_cut", "orders_joined" (level_search.hpp), "threads",
//              "seconds"}
// and the message when nothing fits. The CLI and the public API (Python's
// spad.optimize_levels) both build them here, so the two cannot drift.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model/memory_levels.hpp"
#include "search/level_search.hpp"
#include "study/optimize_network_levels.hpp"
#include "workload/layer.hpp"

namespace spad {

// `result.best` must be set (InternalError otherwise). `threads` as asked
// (0: all hardware threads, written resolved); `seconds`: the search's wall time.
// `space`: the one the search was given (LevelSearchOptions::space).
nlohmann::ordered_json level_optimize_document(const Layer& layer, const MemoryLevels& machine,
                                               const LevelSearchResult& result, int threads,
                                               double seconds, const LevelSearchSpace& space);

// "layer NAME: no schedule fits: the innermost level (L1, 5 B) must hold a
// buffer of each of I, W and O, at least 6 B (one element each)": the
// UserError message when the level search finds nothing that fits. In a
// restricted `space` (where the innermost level need not be the reason):
// "layer NAME: no schedule of the restricted search space fits every level
// (L2 64 B, L1 24 B): ... the smallest take L2 72 B, L1 24 B (every tile 1);
// ...". The sizes are search/level_min_capacity's, the smallest capacity of
// each level at which the layer has any schedule of the space.
std::string level_infeasible_message(const Layer& layer, const MemoryLevels& machine);
std::string level_infeasible_message(const Layer& layer, const MemoryLevels& machine,
                                     const LevelSearchSpace& space);

// The same for the layers of a network study that nothing fits, naming the
// capacities, what the layers need (their min_capacities_bytes; per layer
// when they differ) and where to give it: "no schedule fits the innermost
// level (L1, 5 B) for layer(s) conv, fc: it must hold a buffer of each of I,
// W and O, one element each, at least 6 B; give a larger innermost --buffer
// capacity, at least 6 B" (restricted: "no schedule of the restricted search
// space fits every level (L2 1 B, L1 64 B) for layer(s) ...; widen the space
// (fewer restrictions) or give larger --buffer capacities: in this space
// the smallest schedules (every tile 1) take at least L2 40 B, L1 6 B"). On a machine file
// (`machine_file` not empty; `machine_label` "small2 (m.yaml)") the message
// names it after the level ("... every level of small2 (m.yaml) ...") and
// asks for its capacity_bytes ("give level L1 a capacity_bytes of at least
// 6 B in m.yaml") instead of --buffer. An InternalError when every layer
// fits.
std::string level_network_infeasible_message(const NetworkLevelResult& result,
                                             const std::string& machine_label = "",
                                             const std::string& machine_file = "");

}  // namespace spad
