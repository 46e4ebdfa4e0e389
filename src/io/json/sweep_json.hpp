// The sweep JSON of DESIGN.md (`spad sweep --json`):
//   {"format": "spad-sweep/1",
//    "models": ["resnet50", ...], "capacities_bytes": [1024, ...],
//    "rows": [{"model", ["machine", "objective",] "capacity_bytes", "layers", "macs",
//              "traffic_bytes" (null when a layer does not fit), "compulsory_bytes",
//              "lower_bound_bytes", "infeasible_layers",
//              ["latency_cycles", "energy_fj"] (on a machine file; null as traffic_bytes),
//              "baselines": {"weight_stationary": {"traffic_bytes" (null unless it fits
//                            every layer), "layers_fit"}, ...}        (with --baselines)
//              "per_layer": [{"index", "name", "traffic_bytes" (null: does not fit),
//                             "buffer_bytes", "compulsory_bytes", "lower_bound_bytes",
//                             "schedule", ["latency_cycles", "energy_fj",]
//                             "baselines": {name: traffic_bytes|null}}]
//                                                                      (with --per-layer)
//             }, ...],      one per (model[, machine, objective], capacity), capacities ascending
//    "target": {"ratio": 1.2, "models": [{"model", "capacity_bytes", "traffic_bytes",
//               "layers": [{"index", "name", "capacity_bytes", "traffic_bytes"}]}]}
//                                               (with --target-ratio; nulls where unreachable)
//    "knee": {"share": 0.1, "models": [{"model", "capacity_bytes", "traffic_bytes",
//             "doubled_traffic_bytes", "layers": [...same keys...]}]}      (with --knee)
//    On machine files "target" and "knee" add "objective": "traffic" and their
//    "models" hold one entry per (machine, model), machine by machine, each with
//    "machine": the machine file's name (answered on its least traffic).
//    "machine": {...as in the Result JSON...}  (plain machine) or
//    "machines": [{"name", "objective", "machine": {...}}]  (machine files),
//    "search": {"space": {...},
//    "unique_shapes", "searches", "answers"}}
// Nothing depends on timing or thread count.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "study/sweep.hpp"

namespace spad {

nlohmann::ordered_json sweep_to_json(const SweepResult& result, bool per_layer);

// One row's keys before "baselines" and "per_layer": "model", with a machine
// file "machine" (`machine`, its name) and "objective", "capacity_bytes",
// "layers", "macs", "traffic_bytes", "compulsory_bytes", "lower_bound_bytes",
// "infeasible_layers", and with a machine file "latency_cycles" and
// "energy_fj" (null where the row's are nullopt). The accel comparison
// (io/json/accel_comparison_json) writes its rows with it too.
nlohmann::ordered_json sweep_row_totals_json(const std::string& model, const std::string* machine,
                                             Objective objective, const SweepRow& row);

}  // namespace spad
