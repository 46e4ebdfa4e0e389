// The sweep JSON over several on-chip levels (key list in level_sweep_json.hpp).
#include "io/json/level_sweep_json.hpp"

#include "io/json/json_or_null.hpp"
#include "io/json/level_schedule_json.hpp"
#include "io/json/precision_json.hpp"
#include "io/json/search_json.hpp"
#include "search/level_baselines.hpp"

namespace spad {
namespace {

using Json = nlohmann::ordered_json;

Json level_machine_json(const MemoryLevels& m) {
  return {{"precision", precision_to_json(m.precision)},
          {"halo_reuse", m.halo_reuse},
          {"double_buffer", m.double_buffer}};
}

// A layer's baselines at boundary `b` (0: off-chip): per name its bytes, null
// where it does not fit or has no several-level form (as the one-level
// sweep's per-layer "baselines").
Json layer_baselines(const LayerLevelComparison& layer, std::size_t b) {
  Json j = Json::object();
  for (Baseline base : kAllBaselines) {
    const std::optional<LevelCandidate>& c = layer.baseline(base);
    j[std::string(baseline_name(base))] =
        c ? Json(c->traffic.levels[b].traffic_bytes) : Json(nullptr);
  }
  return j;
}

// A row's baselines at boundary `b`: per name its bytes over the network,
// null unless it fits every layer.
Json boundary_baselines(const LevelSweepRow& row, std::size_t b) {
  Json j = Json::object();
  for (Baseline base : kAllBaselines)
    j[std::string(baseline_name(base))] =
        or_null(row.baselines[static_cast<std::size_t>(base)].traffic_bytes[b]);
  return j;
}

// A row's "baselines": the one-level sweep's keys (the off-chip boundary's
// bytes), whether the baseline has a several-level form, and why not.
Json row_baselines(const LevelSweepRow& row) {
  Json j = Json::object();
  for (Baseline base : kAllBaselines) {
    const LevelSweepBaselineTotal& t = row.baselines[static_cast<std::size_t>(base)];
    Json e = {{"traffic_bytes", or_null(t.traffic_bytes.front())}, {"layers_fit", t.layers_fit}};
    const std::optional<std::string> why = level_baseline_not_applicable(base);
    e["applicable"] = !why.has_value();
    if (why) e["reason"] = *why;
    j[std::string(baseline_name(base))] = e;
  }
  return j;
}

Json layer_point(const LevelSweepResult& result, const LevelSweepRow& row, std::size_t l) {
  const NetworkLevelLayerResult& r = row.study.layers[l];
  const std::optional<LevelCandidate>& best = r.search.best;
  Json j;
  j["index"] = l;
  j["name"] = r.layer.spec.name;
  j["traffic_bytes"] = best ? Json(best->traffic.levels.front().traffic_bytes) : Json(nullptr);
  j["buffer_bytes"] = best ? Json(best->traffic.total_buffer_bytes()) : Json(nullptr);
  j["compulsory_bytes"] = r.bounds.front().compulsory_bytes;
  j["lower_bound_bytes"] = r.bounds.front().bound_bytes;
  j["levels"] = Json::array();
  for (std::size_t b = 0; b < r.bounds.size(); ++b) {
    Json e;
    e["name"] = row.study.machine.levels[b].name;
    e["traffic_bytes"] = best ? Json(best->traffic.levels[b].traffic_bytes) : Json(nullptr);
    e["compulsory_bytes"] = r.bounds[b].compulsory_bytes;
    e["lower_bound_bytes"] = r.bounds[b].bound_bytes;
    e["buffer_bytes"] = best ? Json(best->traffic.levels[b].buffer_bytes) : Json(nullptr);
    if (result.baselines) e["baselines"] = layer_baselines(row.layer_baselines.at(l), b);
    j["levels"].push_back(e);
  }
  j["schedule"] = best ? level_schedule_to_json(best->schedule) : Json(nullptr);
  if (result.baselines) j["baselines"] = layer_baselines(row.layer_baselines.at(l), 0);
  if (result.machines.at(row.machine).accelerator) {
    const std::optional<LevelAccelCost>& c = row.costs.at(l);
    j["latency_cycles"] = c ? Json(c->latency_cycles) : Json(nullptr);
    j["energy_fj"] = c ? Json(c->energy.total) : Json(nullptr);
  }
  return j;
}

Json row_json(const LevelSweepResult& result, const LevelSweepRow& row, bool per_layer) {
  Json j;
  j["model"] = result.networks[row.network].model;
  const LevelSweepMachine& machine = result.machines.at(row.machine);
  if (machine.accelerator) {
    j["machine"] = machine.accelerator->name;
    j["objective"] = std::string(objective_name(machine.objective));
  }
  j["capacities_bytes"] = row.capacities_bytes;
  j["layers"] = row.layers;
  j["macs"] = row.macs;
  j["traffic_bytes"] = or_null(row.traffic_bytes());
  j["compulsory_bytes"] = row.compulsory_bytes();
  j["lower_bound_bytes"] = row.lower_bound_bytes();
  j["infeasible_layers"] = row.infeasible_layers;
  if (machine.accelerator) {
    j["latency_cycles"] = or_null(row.latency_cycles);
    j["energy_fj"] = or_null(row.energy_fj);
  }
  j["levels"] = Json::array();
  for (std::size_t b = 0; b < row.levels.size(); ++b) {
    const LevelSweepBoundary& boundary = row.levels[b];
    Json e = {{"name", row.study.machine.levels[b].name},
              {"capacity_bytes", row.capacities_bytes[b]},
              {"traffic_bytes", or_null(boundary.traffic_bytes)},
              {"compulsory_bytes", boundary.compulsory_bytes},
              {"lower_bound_bytes", boundary.lower_bound_bytes}};
    if (result.baselines) e["baselines"] = boundary_baselines(row, b);
    j["levels"].push_back(e);
  }
  if (result.baselines) j["baselines"] = row_baselines(row);
  if (per_layer) {
    j["per_layer"] = Json::array();
    for (std::size_t l = 0; l < row.study.layers.size(); ++l)
      j["per_layer"].push_back(layer_point(result, row, l));
  }
  return j;
}

}  // namespace

nlohmann::ordered_json level_sweep_to_json(const LevelSweepResult& result, bool per_layer) {
  Json j;
  j["format"] = "spad-sweep/1";
  j["models"] = Json::array();
  for (const Network& net : result.networks) j["models"].push_back(net.model);
  const MemoryLevels& names = result.machines.front().accelerator
                                  ? result.machines.front().accelerator->memory
                                  : result.machine;
  j["levels"] = Json::array();
  for (std::size_t l = 0; l < result.capacities.size(); ++l)
    j["levels"].push_back(
        {{"name", names.levels[l].name}, {"capacities_bytes", result.capacities[l]}});
  j["rows"] = Json::array();
  for (const LevelSweepRow& row : result.rows)
    j["rows"].push_back(row_json(result, row, per_layer));
  if (result.machines.front().accelerator) {
    j["machines"] = Json::array();
    for (const LevelSweepMachine& m : result.machines)
      j["machines"].push_back({{"name", m.accelerator->name},
                               {"objective", std::string(objective_name(m.objective))},
                               {"level_machine", level_machine_json(m.accelerator->memory)}});
  } else {
    j["level_machine"] = level_machine_json(result.machine);
  }
  Json search;
  if (!result.machines.front().accelerator) search["objective"] = "traffic";
  search["space"] = level_search_space_to_json({});
  search["points"] = result.points();
  search["searches"] = result.searches;
  j["search"] = search;
  return j;
}

}  // namespace spad
