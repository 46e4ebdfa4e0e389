// The sweep JSON over several on-chip levels (`spad sweep --buffers
// "A;B..C" --json`): the format and key names of the one-level sweep
// (io/json/sweep_json) where they mean the same, the off-chip boundary's
// numbers at the top of each row as in the Result JSON with levels, and per
// boundary keys under "levels":
//   {"format": "spad-sweep/1",
//    "models": ["resnet50", ...],
//    "levels": [{"name": "L2", "capacities_bytes": [524288]}, ...]   outermost first
//    "rows": [{"model", ["machine", "objective",]
//              "capacities_bytes": [524288, 16384] (one per level, outermost first),
//              "layers", "macs",
//              "traffic_bytes", "compulsory_bytes", "lower_bound_bytes" (off-chip boundary;
//                traffic null when a layer does not fit), "infeasible_layers",
//              ["latency_cycles", "energy_fj"] (on a machine file; null as traffic_bytes),
//              "levels": [{"name", "capacity_bytes", "traffic_bytes" (null as above),
//                          "compulsory_bytes", "lower_bound_bytes",
//                          ["baselines": {name: bytes at this boundary, null unless
//                                         it fits every layer}]}]   per boundary,
//              ["baselines": {name: {"traffic_bytes" (off-chip; null unless it fits
//                             every layer), "layers_fit", "applicable", ["reason"]
//                             (no several-level form: the HWCE-like engine)}}]
//                (with --baselines: every baseline of search/baselines, in its order;
//                 those with a several-level form are search/level_baselines' optima,
//                 as `spad compare --buffer A,B` gives them),
//              "per_layer": [{"index", "name", "traffic_bytes" (off-chip; null: does
//                             not fit), "buffer_bytes" (every level), "compulsory_bytes",
//                             "lower_bound_bytes", "levels": [{"name", "traffic_bytes",
//                             "compulsory_bytes", "lower_bound_bytes", "buffer_bytes",
//                             ["baselines": {name: bytes or null}]}],
//                             ["baselines": {name: off-chip bytes or null}] (--baselines),
//                             "schedule" ({"levels": [...]}, io/json/level_schedule_json),
//                             ["latency_cycles", "energy_fj"]}]        (with --per-layer)
//             }, ...],   one per (model[, machine, objective], point), the outermost
//                        level's capacity varying slowest
//    "level_machine": {"precision", "halo_reuse", "double_buffer"}  (plain machine) or
//    "machines": [{"name", "objective", "level_machine": {...}}]      (machine files),
//    "search": {"objective": "traffic" (plain machine), "space" (the whole level space),
//               "points", "searches"}}
// There is no "capacities_bytes" list at the top nor "capacity_bytes" in a
// row (one-level keys). Nothing depends on timing or thread count.
#pragma once

#include <nlohmann/json.hpp>

#include "study/level_sweep.hpp"

namespace spad {

nlohmann::ordered_json level_sweep_to_json(const LevelSweepResult& result, bool per_layer);

}  // namespace spad
