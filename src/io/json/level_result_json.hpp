// The Result JSON with levels (DESIGN.md, "Result JSON with levels"), what
// `spad simulate --json` prints for a several-level schedule:
//   {"format": "spad-result/1",
//    "schedule": {"levels": [...]}                 (io/json/level_schedule_json)
//    "arrays", "traffic_bytes", "compulsory_bytes", "lower_bound_bytes"
//                                                  levels[0]'s: the off-chip answer
//    "buffer_bytes"                                summed over all levels
//    "fits"                                        true iff every level fits
//    "total_fills"                                 summed over all levels and arrays
//    "levels": [{"name", "capacity_bytes" (null = unbounded),
//                "arrays": {"I"|"W"|"O": {"buffer_elems", "buffer_bytes", "fills",
//                                         "reads", "writes", "final_writes",
//                                         "read_bytes", "write_bytes"}},
//                "traffic_bytes", "compulsory_bytes", "lower_bound_bytes",
//                "buffer_bytes", "fits"}, ...]    outermost first
//    "machine": {"precision", "halo_reuse", "double_buffer"},
//    "layer": {...}}
// levels[l].arrays[A]: buffer_* and fills of A's own buffer at level l+1 (0
// when A bypasses it); reads / writes / final_writes: elements of A crossing
// boundary l+1 (model/level_traffic.hpp). lower_bound_bytes: the bound at
// that boundary (model/level_evaluate). A one-level question prints
// the one-level Result JSON (io/json/result_json) instead.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "model/level_traffic.hpp"
#include "model/lower_bound.hpp"
#include "model/memory_levels.hpp"
#include "schedule/level_schedule.hpp"
#include "workload/layer.hpp"

namespace spad {

// `bounds`: one per level, outermost first (InternalError when the sizes of
// schedule, traffic, machine and bounds differ).
nlohmann::ordered_json level_result_to_json(const LevelSchedule& s, const LevelTraffic& t,
                                            const MemoryLevels& m,
                                            const std::vector<LowerBound>& bounds);

// The whole document: format, the result above with the bounds of
// model/level_evaluate, and "layer".
nlohmann::ordered_json level_result_document(const Layer& layer, const LevelSchedule& s,
                                             const MemoryLevels& m, const LevelTraffic& t);

}  // namespace spad
