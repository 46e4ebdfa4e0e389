// The single-layer optimize JSON (keys in optimize_result_json.hpp).
#include "io/json/optimize_result_json.hpp"

#include "base/error.hpp"
#include "io/json/document_format.hpp"
#include "io/json/layer_json.hpp"
#include "io/json/result_json.hpp"
#include "io/json/search_json.hpp"
#include "model/lower_bound.hpp"

namespace spad {

nlohmann::ordered_json optimize_result_to_json(const Layer& layer, const Machine& machine,
                                               const SearchSpace& space,
                                               const SearchResult& result) {
  SPAD_CHECK(result.best.has_value(), "optimize_result_to_json: no schedule fits");
  nlohmann::ordered_json j = with_format(
      DocKind::result, result_to_json(result.best->schedule, result.best->traffic, machine));
  // The floor at this capacity (DESIGN.md, "The limit"): the optimum is
  // reported next to it.
  if (machine.capacity_bytes)
    j["lower_bound_bytes"] =
        lower_bound(layer, machine.precision, *machine.capacity_bytes).bound_bytes;
  j["min_capacity_bytes"] = result.min_capacity_bytes;
  j["layer"] = layer_to_json(layer.spec());
  nlohmann::ordered_json search;
  search["space"] = search_space_to_json(space);
  const nlohmann::ordered_json stats = search_stats_to_json(result.stats);
  for (const auto& [key, value] : stats.items()) search[key] = value;
  j["search"] = search;
  return j;
}

}  // namespace spad
