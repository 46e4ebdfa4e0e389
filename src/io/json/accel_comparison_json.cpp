// The accelerator comparison JSON (keys in accel_comparison_json.hpp).
#include "io/json/accel_comparison_json.hpp"

#include <algorithm>
#include <vector>

#include "base/checked.hpp"
#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/json/accel_result_json.hpp"
#include "io/json/document_format.hpp"
#include "io/json/json_read.hpp"
#include "io/json/sweep_json.hpp"
#include "model/lower_bound.hpp"
#include "study/layer_machine.hpp"

namespace spad {
namespace {

using Json = nlohmann::ordered_json;

double pj(Count fj) { return static_cast<double>(fj) / 1000.0; }

Json ratio_or_null(double value, double reference) {
  return reference > 0 ? Json(value / reference) : Json(nullptr);
}

Json name_or_null(const AccelComparison& c, const std::optional<std::size_t>& m) {
  return m ? Json(c.machines[*m].accel.name) : Json(nullptr);
}

Json layer_json(const AccelComparison& c, std::size_t i) {
  const AccelResult& ref = c.machines.front();
  const NetworkLayerResult& layer = ref.network.layers.at(i);
  Json j;
  j["index"] = layer.index;
  j["name"] = layer.layer.spec.name;
  j["best"] = name_or_null(c, best_machine(c, i));
  const auto& ref_cost = ref.layers.at(i).cost;
  const double ref_s = ref_cost ? seconds(ref.accel, ref_cost->latency_cycles) : 0.0;
  const double ref_fj = ref_cost ? static_cast<double>(ref_cost->energy.total) : 0.0;
  j["machines"] = Json::array();
  for (const AccelResult& r : c.machines) {
    const auto& cost = r.layers.at(i).cost;
    Json m;
    m["machine"] = r.accel.name;
    m["fits"] = cost.has_value();
    if (!cost) {
      for (const char* key : {"traffic_bytes", "latency_cycles", "latency_s", "energy_pj",
                              "latency_x_reference", "energy_x_reference"})
        m[key] = nullptr;
      j["machines"].push_back(m);
      continue;
    }
    const double s = seconds(r.accel, cost->latency_cycles);
    m["traffic_bytes"] = r.network.layers.at(i).search.best->traffic.traffic_bytes;
    m["latency_cycles"] = cost->latency_cycles;
    m["latency_s"] = s;
    m["energy_pj"] = pj(cost->energy.total);
    m["latency_x_reference"] = ratio_or_null(s, ref_s);
    m["energy_x_reference"] = ratio_or_null(static_cast<double>(cost->energy.total), ref_fj);
    j["machines"].push_back(m);
  }
  return j;
}

Json totals_json(const AccelComparison& c) {
  const bool comparable = totals_comparable(c);
  const AccelResult& ref = c.machines.front();
  const AccelTotals rt = accel_totals(ref);
  const double ref_s = seconds(ref.accel, rt.latency_cycles);
  Json j;
  j["comparable"] = comparable;
  j["best"] = name_or_null(c, best_total_machine(c));
  j["machines"] = Json::array();
  for (const AccelResult& r : c.machines) {
    const AccelTotals t = accel_totals(r);
    const double s = seconds(r.accel, t.latency_cycles);
    Json m;
    m["machine"] = r.accel.name;
    m["scheduled_layers"] = t.scheduled_layers;
    m["traffic_bytes"] = t.traffic_bytes;
    m["latency_cycles"] = t.latency_cycles;
    m["latency_s"] = s;
    m["frames_per_s"] = s > 0 ? static_cast<double>(t.frames) / s : 0.0;
    m["energy_pj"] = pj(t.energy.total);
    m["latency_x_reference"] = comparable ? ratio_or_null(s, ref_s) : Json(nullptr);
    m["energy_x_reference"] = comparable ? ratio_or_null(static_cast<double>(t.energy.total),
                                                         static_cast<double>(rt.energy.total))
                                         : Json(nullptr);
    j["machines"].push_back(m);
  }
  return j;
}

// One machine's row in the keys of a `spad sweep --machine FILE --json` row
// (io/json/sweep_json.hpp) at the machine's own capacity: the network totals,
// the lower bound summed per layer as the sweep bounds it (the machine file's
// sizes with the layer kind's rule), and latency and energy; traffic,
// latency and energy null unless every layer fits.
Json sweep_row(const AccelResult& r) {
  const Count capacity = r.accel.machine.capacity_bytes.value();
  Count compulsory = 0, bound = 0;
  for (const NetworkLayerResult& l : r.network.layers) {
    const Machine own = layer_machine(r.accel, l.layer.kind).machine;
    const LowerBound b = lower_bound(Layer(l.layer.spec), own.precision, capacity);
    compulsory = add(compulsory, b.compulsory_bytes);
    bound = add(bound, b.bound_bytes);
  }
  const AccelTotals t = accel_totals(r);
  const bool all_fit = t.scheduled_layers == t.layers;
  SweepRow row;
  row.capacity_bytes = capacity;
  row.layers = t.layers;
  row.macs = t.macs;
  row.compulsory_bytes = compulsory;
  row.lower_bound_bytes = bound;
  row.infeasible_layers = t.layers - t.scheduled_layers;
  if (all_fit) {
    row.traffic_bytes = t.traffic_bytes;
    row.latency_cycles = t.latency_cycles;
    row.energy_fj = t.energy.total;
  }
  return sweep_row_totals_json(r.network.model, &r.accel.name, r.objective, row);
}

}  // namespace

nlohmann::ordered_json accel_comparison_to_json(const AccelComparison& c) {
  SPAD_CHECK(c.machines.size() >= 2, "accel comparison of fewer than two machines");
  const AccelResult& ref = c.machines.front();
  Json j;
  j["format"] = format_tag(DocKind::sweep);
  j["model"] = ref.network.model;
  j["objective"] = std::string(objective_name(ref.objective));
  j["schedule_source"] = ref.given_schedule ? "given" : "search";
  j["models"] = Json::array({ref.network.model});
  std::vector<Count> capacities;
  for (const AccelResult& r : c.machines)
    capacities.push_back(r.accel.machine.capacity_bytes.value());
  std::sort(capacities.begin(), capacities.end());
  capacities.erase(std::unique(capacities.begin(), capacities.end()), capacities.end());
  j["capacities_bytes"] = capacities;
  j["rows"] = Json::array();
  for (const AccelResult& r : c.machines) j["rows"].push_back(sweep_row(r));
  j["machines"] = Json::array();
  for (const AccelResult& r : c.machines) {
    // The sweep's machine entries are {"name", "objective", "machine"}: the
    // accel document has the last two, "name" makes it a superset.
    Json m = accel_result_to_json(r);
    m["name"] = r.accel.name;
    j["machines"].push_back(std::move(m));
  }
  Json& cmp = j["comparison"];
  cmp["reference"] = ref.accel.name;
  cmp["layers"] = Json::array();
  for (std::size_t i = 0; i < ref.layers.size(); ++i) cmp["layers"].push_back(layer_json(c, i));
  cmp["totals"] = totals_json(c);
  return j;
}

std::string comparison_entry_name(const nlohmann::json& entry, const std::string& where) {
  require_object(entry, where, "a comparison's machine entry");
  const auto accel = entry.find("accelerator");
  if (accel == entry.end() || !accel->is_object() || !accel->contains("name") ||
      !accel->at("name").is_string())
    throw UserError(where + " has no accelerator.name");
  const std::string name = accel->at("name").get<std::string>();
  const auto own = entry.find("name");
  if (own != entry.end() && (!own->is_string() || own->get<std::string>() != name))
    throw UserError(where + ": name = " + show_json(*own) + " differs from accelerator.name " +
                    in_quotes(name) + ": it must be the name of the machine whose document it is");
  return name;
}

const nlohmann::json& comparison_machine_entry(const nlohmann::json& doc, const std::string& source,
                                               const std::string& machine) {
  require_object(doc, source, "an accel comparison document");
  const auto it = doc.find("machines");
  if (it == doc.end() || !it->is_array() || it->empty())
    throw UserError(
        source +
        ": an accel comparison document needs \"machines\": [one accel document per machine]");
  std::string names;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const nlohmann::json& entry = (*it)[i];
    const std::string name =
        comparison_entry_name(entry, source + ": machines[" + std::to_string(i) + "]");
    if (name == machine) return entry;
    names += (names.empty() ? "" : ", ") + in_quotes(name);
  }
  throw UserError(source + ": no machine named " + in_quotes(machine) +
                  " in this comparison (it holds " + names +
                  "); give the --machine of one of them");
}

}  // namespace spad
