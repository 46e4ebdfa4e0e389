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
  if (space.fixed_spans) {
    for (Tensor a : kAllTensors)
      j["fixed_spans"][std::string(tensor_name(a))] = (*space.fixed_spans)[a];
  } else {
    j["fixed_spans"] = nullptr;
  }
  return j;
}

nlohmann::ordered_json level_search_space_to_json(const LevelSearchSpace& space) {
  nlohmann::ordered_json j;
  j["uniform_spans"] = space.uniform_spans;
  j["fixed_orders"] = nullptr;
  if (space.fixed_orders) {
    j["fixed_orders"] = nlohmann::ordered_json::array();
    for (const std::array<Dim, kNumDims>& order : *space.fixed_orders) {
      nlohmann::ordered_json o = nlohmann::ordered_json::array();
      for (Dim d : order) o.push_back(std::string(dim_name(d)));
      j["fixed_orders"].push_back(o);
    }
  }
  j["fixed_spans"] = nullptr;
  if (space.fixed_spans) {
    j["fixed_spans"] = nlohmann::ordered_json::array();
    for (const PerTensor<std::optional<int>>& spans : *space.fixed_spans) {
      nlohmann::ordered_json s;
      for (Tensor a : kAllTensors) {
        const std::string name(tensor_name(a));
        s[name] = nullptr;
        if (spans[a]) s[name] = *spans[a];
      }
      j["fixed_spans"].push_back(s);
    }
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
