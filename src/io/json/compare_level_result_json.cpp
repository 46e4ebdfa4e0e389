// The compare JSON with levels (key list in the header).
#include "io/json/compare_level_result_json.hpp"

#include <string>

#include "base/error.hpp"
#include "io/json/level_result_json.hpp"
#include "io/json/network_level_result_json.hpp"

namespace spad {
namespace {

nlohmann::ordered_json not_applicable(Baseline b) {
  return {{"applicable", false}, {"reason", *level_baseline_not_applicable(b)}};
}

nlohmann::ordered_json baseline_entry(Baseline b, const std::optional<LevelCandidate>& c,
                                      const NetworkLevelResult& network,
                                      const NetworkLevelLayerResult& layer) {
  if (level_baseline_not_applicable(b)) return not_applicable(b);
  if (!c) return {{"applicable", true}, {"feasible", false}};
  nlohmann::ordered_json j = {{"applicable", true}, {"feasible", true}};
  const nlohmann::ordered_json cost =
      level_result_to_json(c->schedule, c->traffic, network.machine, layer.bounds);
  for (const auto& [key, value] : cost.items())
    if (key != "machine") j[key] = value;
  return j;
}

}  // namespace

nlohmann::ordered_json compare_level_result_to_json(const CompareLevelResult& result) {
  const NetworkLevelResult& network = result.network;
  SPAD_CHECK(result.layers.size() == network.layers.size(),
             "compare result with levels: one comparison per layer");
  // A network document with more keys: "format" stays "spad-network/1".
  nlohmann::ordered_json j = network_level_result_to_json(network);
  for (std::size_t i = 0; i < result.layers.size(); ++i) {
    auto& baselines = j["layers"][i]["baselines"] = nlohmann::ordered_json::object();
    for (Baseline b : kAllBaselines)
      baselines[std::string(baseline_name(b))] =
          baseline_entry(b, result.layers[i].baseline(b), network, network.layers[i]);
  }
  auto& totals = j["totals"]["baselines"] = nlohmann::ordered_json::object();
  for (Baseline b : kAllBaselines) {
    const std::string name(baseline_name(b));
    if (level_baseline_not_applicable(b)) {
      totals[name] = not_applicable(b);
      continue;
    }
    const LevelBaselineTotal t = level_baseline_total(result, b);
    totals[name] = {{"layers", t.layers},
                    {"traffic_bytes", t.traffic_bytes},
                    {"optimum_traffic_bytes", t.optimum_traffic_bytes}};
  }
  return j;
}

}  // namespace spad
