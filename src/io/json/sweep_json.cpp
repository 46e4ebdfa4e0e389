// The sweep JSON (key list in sweep_json.hpp).
#include "io/json/sweep_json.hpp"

#include "io/json/json_or_null.hpp"
#include "io/json/result_json.hpp"
#include "io/json/schedule_json.hpp"
#include "io/json/search_json.hpp"
#include "io/text/ratio_text.hpp"

namespace spad {
namespace {

using Json = nlohmann::ordered_json;

Json ratio_json(Ratio r) { return Json::parse(format_ratio(r)); }

Json layer_point(const SweepResult& result, const SweepRow& row, std::size_t l) {
  const SweepLayerPoint& p = row.layer_points[l];
  Json j;
  j["index"] = l;
  j["name"] = result.networks[row.network].layers[l].spec.name;
  j["traffic_bytes"] = p.best ? Json(p.best->traffic.traffic_bytes) : Json(nullptr);
  j["buffer_bytes"] = p.best ? Json(p.best->traffic.buffer_bytes) : Json(nullptr);
  j["compulsory_bytes"] = p.compulsory_bytes;
  j["lower_bound_bytes"] = p.lower_bound_bytes;
  j["schedule"] = p.best ? schedule_to_json(p.best->schedule) : Json(nullptr);
  if (result.machines.at(row.machine).accelerator) {
    j["latency_cycles"] = p.cost ? Json(p.cost->latency_cycles) : Json(nullptr);
    j["energy_fj"] = p.cost ? Json(p.cost->energy.total) : Json(nullptr);
  }
  if (result.baselines) {
    Json b = Json::object();
    for (Baseline base : kAllBaselines) {
      const std::optional<Candidate>& c = p.baselines[static_cast<std::size_t>(base)];
      b[std::string(baseline_name(base))] = c ? Json(c->traffic.traffic_bytes) : Json(nullptr);
    }
    j["baselines"] = b;
  }
  return j;
}

Json row_json(const SweepResult& result, const SweepRow& row, bool per_layer) {
  const SweepMachine& machine = result.machines.at(row.machine);
  Json j = sweep_row_totals_json(result.networks[row.network].model,
                                 machine.accelerator ? &machine.accelerator->name : nullptr,
                                 machine.objective, row);
  if (result.baselines) {
    Json b = Json::object();
    for (Baseline base : kAllBaselines) {
      const SweepBaselineTotal& t = row.baselines[static_cast<std::size_t>(base)];
      b[std::string(baseline_name(base))] = {{"traffic_bytes", or_null(t.traffic_bytes)},
                                             {"layers_fit", t.layers_fit}};
    }
    j["baselines"] = b;
  }
  if (per_layer) {
    j["per_layer"] = Json::array();
    for (std::size_t l = 0; l < row.layer_points.size(); ++l)
      j["per_layer"].push_back(layer_point(result, row, l));
  }
  return j;
}

// The answers per model (appended to `models`); `machine` (when not empty)
// names the machine file they were answered on.
template <class Point, class Fill>
void points_json(Json& models, const SweepResult& result,
                 const std::vector<std::optional<Point>>& networks,
                 const std::vector<std::vector<std::optional<Point>>>& layers, const Fill& fill,
                 const std::string& machine = "") {
  for (std::size_t n = 0; n < networks.size(); ++n) {
    Json m;
    m["model"] = result.networks[n].model;
    if (!machine.empty()) m["machine"] = machine;
    fill(m, networks[n]);
    m["layers"] = Json::array();
    for (std::size_t l = 0; l < layers[n].size(); ++l) {
      Json e;
      e["index"] = l;
      e["name"] = result.networks[n].layers[l].spec.name;
      fill(e, layers[n][l]);
      m["layers"].push_back(e);
    }
    models.push_back(m);
  }
}

}  // namespace

nlohmann::ordered_json sweep_row_totals_json(const std::string& model, const std::string* machine,
                                             Objective objective, const SweepRow& row) {
  Json j;
  j["model"] = model;
  if (machine) {
    j["machine"] = *machine;
    j["objective"] = std::string(objective_name(objective));
  }
  j["capacity_bytes"] = row.capacity_bytes;
  j["layers"] = row.layers;
  j["macs"] = row.macs;
  j["traffic_bytes"] = or_null(row.traffic_bytes);
  j["compulsory_bytes"] = row.compulsory_bytes;
  j["lower_bound_bytes"] = row.lower_bound_bytes;
  j["infeasible_layers"] = row.infeasible_layers;
  if (machine) {
    j["latency_cycles"] = or_null(row.latency_cycles);
    j["energy_fj"] = or_null(row.energy_fj);
  }
  return j;
}

nlohmann::ordered_json sweep_to_json(const SweepResult& result, bool per_layer) {
  Json j;
  j["format"] = "spad-sweep/1";
  j["models"] = Json::array();
  for (const Network& net : result.networks) j["models"].push_back(net.model);
  j["capacities_bytes"] = result.capacities;
  j["rows"] = Json::array();
  for (const SweepRow& row : result.rows) j["rows"].push_back(row_json(result, row, per_layer));
  const auto target_fill = [](Json& e, const std::optional<CapacityPoint>& p) {
    e["capacity_bytes"] = p ? Json(p->capacity_bytes) : Json(nullptr);
    e["traffic_bytes"] = p ? Json(p->traffic_bytes) : Json(nullptr);
  };
  const auto knee_fill = [](Json& e, const std::optional<KneePoint>& p) {
    e["capacity_bytes"] = p ? Json(p->capacity_bytes) : Json(nullptr);
    e["traffic_bytes"] = p ? Json(p->traffic_bytes) : Json(nullptr);
    e["doubled_traffic_bytes"] = p ? Json(p->doubled_traffic_bytes) : Json(nullptr);
  };
  if (result.targets) {
    Json models = Json::array();
    points_json(models, result, result.targets->networks, result.targets->layers, target_fill);
    j["target"] = {{"ratio", ratio_json(result.targets->ratio)}, {"models", models}};
  }
  if (result.knees) {
    Json models = Json::array();
    points_json(models, result, result.knees->networks, result.knees->layers, knee_fill);
    j["knee"] = {{"share", ratio_json(result.knees->share)}, {"models", models}};
  }
  // On machine files: the same keys, one entry per (machine, model), each
  // naming its machine; answered on the machine's least traffic.
  if (!result.machine_answers.empty() && result.machine_answers.front().targets) {
    Json models = Json::array();
    for (const SweepMachineAnswers& a : result.machine_answers)
      points_json(models, result, a.targets->networks, a.targets->layers, target_fill, a.machine);
    j["target"] = {{"ratio", ratio_json(result.machine_answers.front().targets->ratio)},
                   {"objective", "traffic"},
                   {"models", models}};
  }
  if (!result.machine_answers.empty() && result.machine_answers.front().knees) {
    Json models = Json::array();
    for (const SweepMachineAnswers& a : result.machine_answers)
      points_json(models, result, a.knees->networks, a.knees->layers, knee_fill, a.machine);
    j["knee"] = {{"share", ratio_json(result.machine_answers.front().knees->share)},
                 {"objective", "traffic"},
                 {"models", models}};
  }
  if (result.machines.front().accelerator) {
    j["machines"] = Json::array();
    for (const SweepMachine& m : result.machines)
      j["machines"].push_back({{"name", m.accelerator->name},
                               {"objective", std::string(objective_name(m.objective))},
                               {"machine", machine_to_json(m.accelerator->machine)}});
  } else {
    j["machine"] = machine_to_json(result.machine);
  }
  j["search"] = {{"space", search_space_to_json(result.space)},
                 {"unique_shapes", result.stats.unique_shapes},
                 {"searches", result.stats.searches},
                 {"answers", result.stats.answers}};
  return j;
}

}  // namespace spad
