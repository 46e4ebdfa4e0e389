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
#include "workload/layer.hpp"

namespace spad {

// `result.best` must be set (InternalError otherwise). `threads` as asked
// (0: all hardware threads, written resolved); `seconds`: the search's wall time.
// `space`: the one the search was given (LevelSearchOptions::space).
nlohmann::ordered_json level_optimize_document(const Layer& layer, const MemoryLevels& machine,
                                               const LevelSearchResult& result, int threads,
                                               double seconds, const LevelSearchSpace& space);

// "layer NAME: no schedule fits: the innermost level (L1, 8 B) must hold a
// buffer of each of I, W and O, at least 6 B (one element each)": the
// UserError message when the level search finds nothing that fits. In a
// restricted `space` (where the innermost level need not be the reason):
// "layer NAME: no schedule of the restricted search space fits every level
// (L2 64 B, L1 24 B): ...".
std::string level_infeasible_message(const Layer& layer, const MemoryLevels& machine);
std::string level_infeasible_message(const Layer& layer, const MemoryLevels& machine,
                                     const LevelSearchSpace& space);

// The same for the layers of a network study that nothing fits (`layers`:
// their names, comma-separated), naming the capacities and the flag: "no
// schedule fits the innermost level (L1, 5 B) for layer(s) conv, fc; give a
// larger innermost --buffer capacity" (restricted: "no schedule of the
// restricted search space fits every level (L2 1 B, L1 64 B) for layer(s)
// ...; widen the space or give larger --buffer capacities").
std::string level_network_infeasible_message(const MemoryLevels& machine,
                                             const LevelSearchSpace& space,
                                             const std::string& layers);

}  // namespace spad
