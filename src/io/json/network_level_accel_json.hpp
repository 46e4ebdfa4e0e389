// The document of `spad accel --model M --machine M.yaml --json` on a machine
// of several levels: the Network result JSON with levels
// (io/json/network_level_result_json) of the level search's optima for the
// objective, plus
//   "objective": "latency" | "energy" | "traffic" (search/level_objective),
//   each layer that fits: "accel" (io/json/level_accel_json's member),
//   "totals": + "latency_cycles", "energy_pj" (summed over the layers that fit),
//   "accelerator": the machine in the levels: form,
//   "search": {"objective": the objective, "unique_shapes"}.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "model/level_accel_cost.hpp"
#include "model/level_accelerator.hpp"
#include "search/objective.hpp"
#include "study/optimize_network_levels.hpp"

namespace spad {

// `costs`: network_level_accel_costs(result, accel).
nlohmann::ordered_json network_level_accel_to_json(
    const NetworkLevelResult& result, const LevelAccelerator& accel, Objective objective,
    const std::vector<std::optional<LevelAccelCost>>& costs);

}  // namespace spad
