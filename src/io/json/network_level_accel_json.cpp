// The network accel document with levels (layout in the header).
#include "io/json/network_level_accel_json.hpp"

#include <string>

#include "base/error.hpp"
#include "io/json/level_accel_json.hpp"
#include "io/json/network_level_result_json.hpp"
#include "io/machine/accelerator_json.hpp"

namespace spad {

nlohmann::ordered_json network_level_accel_to_json(
    const NetworkLevelResult& result, const LevelAccelerator& accel, Objective objective,
    const std::vector<std::optional<LevelAccelCost>>& costs) {
  SPAD_CHECK(costs.size() == result.layers.size(), "network accel: one cost per layer");
  nlohmann::ordered_json j = network_level_result_to_json(result);
  nlohmann::ordered_json out;
  for (const auto& [key, value] : j.items()) {
    out[key] = value;
    if (key == "model") out["objective"] = std::string(objective_name(objective));
  }
  Count latency = 0, energy_fj = 0;
  for (std::size_t i = 0; i < costs.size(); ++i) {
    if (!costs[i]) continue;
    out["layers"][i]["accel"] = level_accel_json(*costs[i], accel);
    latency = add(latency, costs[i]->latency_cycles);
    energy_fj = add(energy_fj, costs[i]->energy.total);
  }
  out["totals"]["latency_cycles"] = latency;
  out["totals"]["energy_pj"] = static_cast<double>(energy_fj) / 1000.0;
  out["accelerator"] = level_accelerator_to_json(accel);
  out["search"]["objective"] = std::string(objective_name(objective));
  return out;
}

}  // namespace spad
