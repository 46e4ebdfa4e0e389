// The compare JSON (key list in compare_result_json.hpp).
#include "io/json/compare_result_json.hpp"

#include <string>

#include "base/error.hpp"
#include "io/json/network_result_json.hpp"
#include "io/json/result_json.hpp"

namespace spad {
namespace {

nlohmann::ordered_json baseline_entry(const std::optional<Candidate>& c, const Machine& machine) {
  if (!c) return {{"feasible", false}};
  nlohmann::ordered_json j;
  const nlohmann::ordered_json cost = result_to_json(c->schedule, c->traffic, machine);
  for (const auto& [key, value] : cost.items())
    if (key != "machine") j[key] = value;
  j["feasible"] = true;
  return j;
}

void add_comparison(nlohmann::ordered_json& j, const LayerComparison& c, const Machine& machine) {
  j["lower_bound_bytes"] = c.bound.bound_bytes;
  j["pebble_bound_bytes"] = c.bound.pebble_bytes;
  auto& baselines = j["baselines"] = nlohmann::ordered_json::object();
  for (Baseline b : kAllBaselines)
    baselines[std::string(baseline_name(b))] =
        baseline_entry(c.baseline(b), baseline_machine(b, machine));
  if (c.working_set_capacity_bytes)
    j["working_set_capacity_bytes"] = *c.working_set_capacity_bytes;
  else
    j["working_set_capacity_bytes"] = nullptr;
}

}  // namespace

nlohmann::ordered_json compare_result_to_json(const CompareResult& result) {
  SPAD_CHECK(result.layers.size() == result.network.layers.size(),
             "compare result: one comparison per layer");
  const Machine& machine = result.network.machine;
  // A network document with more keys: "format" stays "spad-network/1".
  nlohmann::ordered_json j = network_result_to_json(result.network);
  for (std::size_t i = 0; i < result.layers.size(); ++i)
    add_comparison(j["layers"][i], result.layers[i], machine);
  j["totals"]["lower_bound_bytes"] = lower_bound_total(result);
  auto& totals = j["totals"]["baselines"] = nlohmann::ordered_json::object();
  auto& machines = j["baseline_machines"] = nlohmann::ordered_json::object();
  for (Baseline b : kAllBaselines) {
    const BaselineTotal t = baseline_total(result, b);
    const std::string name(baseline_name(b));
    totals[name] = {{"layers", t.layers},
                    {"traffic_bytes", t.traffic_bytes},
                    {"optimum_traffic_bytes", t.optimum_traffic_bytes}};
    machines[name] = machine_to_json(baseline_machine(b, machine));
  }
  return j;
}

}  // namespace spad
