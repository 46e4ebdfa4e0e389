// Derived numbers of spad's documents checked on input (see result_check.hpp).
#include "io/json/result_check.hpp"

#include <array>

#include "base/error.hpp"
#include "io/json/json_read.hpp"
#include "io/json/layer_json.hpp"
#include "io/json/precision_json.hpp"
#include "io/json/result_json.hpp"
#include "model/evaluate.hpp"
#include "model/lower_bound.hpp"

namespace spad {
Machine machine_from_result_json(const nlohmann::json& j, const std::string& source) {
  const std::string where = source + ": machine";
  require_object(j, where, "machine");
  constexpr std::array<std::string_view, 4> kKeys = {"precision", "halo_reuse", "double_buffer",
                                                     "capacity_bytes"};
  reject_unknown_keys(j, kKeys, source, "machine.");
  Machine m;
  if (j.contains("precision"))
    m.precision = precision_from_json(j.at("precision"), source, "machine.precision");
  for (const char* key : {"halo_reuse", "double_buffer"}) {
    if (!j.contains(key)) continue;
    if (!j.at(key).is_boolean())
      throw UserError(source + ": machine." + key + " = " + show_json(j.at(key)) +
                      ": must be true or false");
    (std::string_view(key) == "halo_reuse" ? m.halo_reuse : m.double_buffer) =
        j.at(key).get<bool>();
  }
  if (j.contains("capacity_bytes") && !j.at("capacity_bytes").is_null())
    m.capacity_bytes = json_count(j.at("capacity_bytes"), source, "machine.capacity_bytes", 1);
  try {
    validate(m);
  } catch (const UserError& e) {
    throw UserError(where + ": " + e.what());
  }
  return m;
}

nlohmann::json machine_at_entry_sizes(const nlohmann::json& machine, const nlohmann::json& entry,
                                      const std::string& source, const std::string& where) {
  const Machine m = machine_from_result_json(machine, source);
  const NetworkLayer layer = network_layer_from_json(entry, source + " (" + where + ")");
  nlohmann::json out = machine;
  out["precision"] = precision_to_json(layer_precision(m.precision, layer));
  return out;
}

void check_derived_leaves(const nlohmann::json& given, const nlohmann::ordered_json& want,
                          const std::string& source, const std::string& path) {
  if (want.is_object()) {
    if (!given.is_object())
      throw UserError(source + ": " + path + " = " + show_json(given) +
                      ": must be an object, as spad writes it");
    for (const auto& [key, value] : want.items())
      if (given.contains(key))
        check_derived_leaves(given.at(key), value, source, path + (path.empty() ? "" : ".") + key);
    return;
  }
  if (want.is_array()) {
    if (!given.is_array() || given.size() != want.size())
      throw UserError(source + ": " + path + " = " + show_json(given) + ": must be an array of " +
                      std::to_string(want.size()) + " entries, as spad writes it");
    for (std::size_t i = 0; i < want.size(); ++i)
      check_derived_leaves(given[i], want[i], source, path + "[" + std::to_string(i) + "]");
    return;
  }
  if (given != nlohmann::json(want))
    throw UserError(source + ": " + path + " = " + show_json(given) +
                    " does not match the value recomputed from the document's layer, schedule "
                    "and machine (" +
                    nlohmann::json(want).dump() +
                    "); derived numbers are checked on input: remove the key or correct it");
}

void check_result_costs(const nlohmann::json& obj, const Layer& layer, const Schedule& schedule,
                        const Machine& machine, const std::string& source,
                        const std::string& where) {
  try {
    validate(schedule, layer);
  } catch (const UserError& e) {
    throw UserError(source + ": " + where + "schedule: " + e.what());
  }
  const Traffic traffic = evaluate(layer, schedule, machine);
  nlohmann::ordered_json want = result_to_json(schedule, traffic, machine);
  want.erase("schedule");
  want.erase("machine");
  if (machine.capacity_bytes)
    want["lower_bound_bytes"] =
        lower_bound(layer, machine.precision, *machine.capacity_bytes).bound_bytes;
  for (const auto& [key, value] : want.items())
    if (obj.contains(key)) check_derived_leaves(obj.at(key), value, source, where + key);
}

void check_layer_derived(const nlohmann::json& obj, const Layer& layer, const std::string& source,
                         const std::string& where) {
  const std::array<std::pair<const char*, Count>, 3> derived = {
      {{"P", layer.P()}, {"Q", layer.Q()}, {"macs", layer.macs()}}};
  for (const auto& [key, value] : derived) {
    if (!obj.contains(key)) continue;
    const Count given = json_count(obj.at(key), source, where + key, 0);
    if (given != value)
      throw UserError(source + ": " + where + key + " = " + std::to_string(given) +
                      " does not match the layer's shape, which gives " + std::to_string(value) +
                      " (" + key + " is derived: remove it or correct it)");
  }
}

}  // namespace spad
