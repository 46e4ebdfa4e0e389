// The JSON of `spad accel --machine A --machine B [...] --json`, a sweep
// document ("format": "spad-sweep/1"; earlier versions wrote
// "spad-accel-comparison/1") of one row per machine:
//   {"format", "model", "objective", "schedule_source" ("search" or "given"),
//    "models": [model], "capacities_bytes": [the machines' capacities, ascending],
//    "rows": [per machine, in the order given, the row `spad sweep --model M
//             --machine THAT --buffers ITS_CAPACITY --objective O --json` writes
//             (io/json/sweep_json.hpp): "model", "machine", "objective",
//             "capacity_bytes", "layers", "macs", "traffic_bytes",
//             "compulsory_bytes", "lower_bound_bytes", "infeasible_layers",
//             "latency_cycles", "energy_fj" (traffic, latency and energy null
//             unless every layer fits); with "schedule_source": "given" the
//             layer's given schedule, not an optimum],
//    "machines": [one accel document (spad-network/1) per machine, in the order
//                 given, each what `spad accel --machine THAT --json` prints plus
//                 "name" (the machine's): a superset of the sweep's {"name",
//                 "objective", "machine"} entries],
//    "comparison": {
//      "reference": name of machines[0] (the ratios' denominator),
//      "layers": [{"index", "name", "best" (the machine with the least
//                  objective, ties as the objective's; null if none fits),
//                  "machines": [{"machine", "fits", "traffic_bytes",
//                                "latency_cycles", "latency_s", "energy_pj",
//                                "latency_x_reference", "energy_x_reference"}]}],
//      "totals": {"comparable" (every machine scheduled every layer),
//                 "best" (null unless comparable),
//                 "machines": [{"machine", "scheduled_layers", "traffic_bytes",
//                               "latency_cycles", "latency_s", "frames_per_s",
//                               "energy_pj", "latency_x_reference",
//                               "energy_x_reference"}]}}}
// Values of a machine where a layer does not fit, and ratios without a
// reference value, are null. Latencies compare in seconds (each machine has
// its own clock). The per-layer and total numbers repeat those of the
// machine's own document.
//
// Reading back: comparison_machine_entry gives the accel document of the
// machine of a name (accel --schedule selects it by the --machine's name);
// document_format's is_accel_comparison tells such a document (new or old
// format) from a capacity sweep.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "study/accel_comparison.hpp"

namespace spad {

nlohmann::ordered_json accel_comparison_to_json(const AccelComparison& comparison);

// The machine name of one entry of a comparison's "machines": its
// accelerator.name; the entry's own "name", when present, must equal it.
// UserError naming `where` otherwise (no accelerator.name, or a name that
// differs from it).
std::string comparison_entry_name(const nlohmann::json& entry, const std::string& where);

// The entry of "machines" whose accelerator is named `machine`; UserError
// naming `source` and the names it holds when there is none.
const nlohmann::json& comparison_machine_entry(const nlohmann::json& doc, const std::string& source,
                                               const std::string& machine);

}  // namespace spad
