// The Network result JSON (key list in network_result_json.hpp).
#include "io/json/network_result_json.hpp"

#include "io/json/document_format.hpp"
#include "io/json/json_or_null.hpp"
#include "io/json/layer_json.hpp"
#include "io/json/result_json.hpp"
#include "io/json/search_json.hpp"

namespace spad {
namespace {

nlohmann::ordered_json layer_entry(const NetworkResult& result, const NetworkLayerResult& r) {
  const Layer layer(r.layer.spec);
  nlohmann::ordered_json j = network_layer_entry_head(r.layer);
  if (r.fits()) {
    const Candidate& best = *r.search.best;
    const nlohmann::ordered_json cost = result_to_json(best.schedule, best.traffic, result.machine);
    for (const auto& [key, value] : cost.items())
      if (key != "machine") j[key] = value;
  } else {
    j["compulsory_bytes"] = r.compulsory_bytes;
    j["fits"] = false;
  }
  j["min_capacity_bytes"] = r.search.min_capacity_bytes;
  j["index"] = r.index;
  j["P"] = layer.P();
  j["Q"] = layer.Q();
  const NetworkLayerResult& first = result.layers.at(r.searched_as);
  if (&first != &r) j["same_shape_as"] = first.layer.spec.name;
  return j;
}

}  // namespace

nlohmann::ordered_json network_result_to_json(const NetworkResult& result) {
  nlohmann::ordered_json j;
  j["format"] = format_tag(DocKind::network);
  j["model"] = result.model;
  j["layers"] = nlohmann::ordered_json::array();
  for (const NetworkLayerResult& r : result.layers) j["layers"].push_back(layer_entry(result, r));
  const NetworkTotals t = network_totals(result);
  // A layer that fits no schedule has no traffic, so the network has none:
  // null, with infeasible_layers saying how many (as a sweep row; the text
  // report gives the sum over the layers that fit, saying so).
  j["totals"] = {
      {"layers", t.layers},
      {"macs", t.macs},
      {"traffic_bytes", t.infeasible_layers > 0 ? nlohmann::ordered_json(nullptr)
                                                : nlohmann::ordered_json(t.traffic_bytes)},
      {"compulsory_bytes", t.compulsory_bytes},
      {"infeasible_layers", t.infeasible_layers}};
  j["not_scheduled"] = nlohmann::ordered_json::object();
  for (const auto& [op, count] : result.not_scheduled) j["not_scheduled"][op] = count;
  j["skipped"] = nlohmann::ordered_json::array();
  for (const SkippedNode& s : result.skipped) {
    nlohmann::ordered_json e = {{"node", s.node}, {"op", s.op}, {"reason", s.reason}};
    e["macs"] = or_null(s.macs);
    j["skipped"].push_back(e);
  }
  j["warnings"] = result.warnings;
  j["machine"] = machine_to_json(result.machine);
  j["precision_source"] =
      result.precision_source.empty() ? std::string("default") : result.precision_source;
  j["search"] = {{"space", search_space_to_json(result.space)},
                 {"unique_shapes", result.unique_shapes}};
  return j;
}

}  // namespace spad
