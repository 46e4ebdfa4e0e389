// The Network result JSON with levels (key list in the header).
#include "io/json/network_level_result_json.hpp"

#include "io/json/document_format.hpp"
#include "io/json/layer_json.hpp"
#include "io/json/level_result_json.hpp"
#include "io/json/precision_json.hpp"
#include "io/json/search_json.hpp"
#include "model/evaluate.hpp"
#include "workload/layer_kind.hpp"

namespace spad {
namespace {

nlohmann::ordered_json layer_entry(const NetworkLevelResult& result,
                                   const NetworkLevelLayerResult& r) {
  const Layer layer(r.layer.spec);
  nlohmann::ordered_json j = network_layer_entry_head(r.layer);
  if (r.search.best) {
    const LevelCandidate& best = *r.search.best;
    const nlohmann::ordered_json cost =
        level_result_to_json(best.schedule, best.traffic, result.machine, r.bounds);
    for (const auto& [key, value] : cost.items())
      if (key != "machine") j[key] = value;
  } else {
    j["compulsory_bytes"] =
        compulsory_bytes(layer, layer_precision(result.machine.precision, r.layer));
    j["fits"] = false;
  }
  // As for one level: the smallest innermost capacity at which the layer has
  // a schedule of the space, and the smallest capacity of every level
  // (search/level_min_capacity; 0 where every array may bypass the level).
  j["min_capacity_bytes"] = r.min_capacities_bytes.back();
  j["min_capacities_bytes"] = r.min_capacities_bytes;
  j["index"] = r.index;
  j["P"] = layer.P();
  j["Q"] = layer.Q();
  const NetworkLevelLayerResult& first = result.layers.at(r.searched_as);
  if (&first != &r) j["same_shape_as"] = first.layer.spec.name;
  return j;
}

}  // namespace

nlohmann::ordered_json network_level_result_to_json(const NetworkLevelResult& result) {
  nlohmann::ordered_json j;
  j["format"] = format_tag(DocKind::network);
  j["model"] = result.model;
  j["layers"] = nlohmann::ordered_json::array();
  Count macs = 0, compulsory = 0, infeasible = 0;
  for (const NetworkLevelLayerResult& r : result.layers) {
    j["layers"].push_back(layer_entry(result, r));
    const Layer layer(r.layer.spec);
    macs = add(macs, layer.macs());
    compulsory = add(compulsory,
                     compulsory_bytes(layer, layer_precision(result.machine.precision, r.layer)));
    infeasible += r.search.best ? 0 : 1;
  }
  const std::vector<Count> traffic = network_level_traffic(result);
  nlohmann::ordered_json levels = nlohmann::ordered_json::array();
  for (std::size_t l = 0; l < traffic.size(); ++l) {
    const MemoryLevel& m = result.machine.levels[l];
    levels.push_back(
        {{"name", m.name},
         {"capacity_bytes", m.capacity_bytes ? nlohmann::ordered_json(*m.capacity_bytes)
                                             : nlohmann::ordered_json(nullptr)},
         {"traffic_bytes",
          infeasible > 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(traffic[l])}});
  }
  j["totals"] = {{"layers", result.layers.size()},
                 {"macs", macs},
                 {"traffic_bytes", infeasible > 0 || traffic.empty()
                                       ? nlohmann::ordered_json(nullptr)
                                       : nlohmann::ordered_json(traffic.front())},
                 {"compulsory_bytes", compulsory},
                 {"infeasible_layers", infeasible},
                 {"levels", levels}};
  j["not_scheduled"] = nlohmann::ordered_json::object();
  for (const auto& [op, count] : result.not_scheduled) j["not_scheduled"][op] = count;
  const Precision& p = result.machine.precision;
  j["level_machine"] = {{"precision", precision_to_json(p)},
                        {"halo_reuse", result.machine.halo_reuse},
                        {"double_buffer", result.machine.double_buffer}};
  j["precision_source"] =
      result.precision_source.empty() ? std::string("default") : result.precision_source;
  j["search"] = {{"objective", "traffic"},
                 {"space", level_search_space_to_json(result.space)},
                 {"unique_shapes", result.unique_shapes}};
  return j;
}

}  // namespace spad
