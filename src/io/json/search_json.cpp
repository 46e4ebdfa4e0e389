// Search settings and statistics as JSON.
#include "io/json/search_json.hpp"

#include <string>

namespace spad {

nlohmann::ordered_json search_space_to_json(const SearchSpace& space) {
  nlohmann::ordered_json j;
  j["uniform_spans"] = space.uniform_spans;
  if (space.fixed_order) {
    j["fixed_order"] = nlohmann::ordered_json::array();
    for (Dim d : *space.fixed_order) j["fixed_order"].push_back(std::string(dim_name(d)));
  } else {
    j["fixed_order"] = nullptr;
  }
  return j;
}

nlohmann::ordered_json search_stats_to_json(const SearchStats& stats) {
  nlohmann::ordered_json j;
  j["structures"] = stats.templates;
  j["evaluations"] = stats.evaluations;
  j["complete_schedules"] = stats.leaves;
  return j;
}

}  // namespace spad
