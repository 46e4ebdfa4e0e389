// The JSON of `spad accel --machine A --machine B [...] --json`
// ("format": "spad-accel-comparison/1"):
//   {"format", "model", "objective", "schedule_source" ("search" or "given"),
//    "machines": [one spad-accel/1 document per machine, in the order given,
//                 each exactly what `spad accel --machine THAT --json` prints],
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
// machine of a name (accel --schedule selects it by the --machine's name).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "study/accel_comparison.hpp"

namespace spad {

nlohmann::ordered_json accel_comparison_to_json(const AccelComparison& comparison);

// The entry of "machines" whose accelerator is named `machine`; UserError
// naming `source` and the names it holds when there is none.
const nlohmann::json& comparison_machine_entry(const nlohmann::json& doc, const std::string& source,
                                               const std::string& machine);

}  // namespace spad
