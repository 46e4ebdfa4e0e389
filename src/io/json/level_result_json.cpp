// The Result JSON with levels (key list in level_result_json.hpp).
#include "io/json/level_result_json.hpp"

#include <string>

#include "base/error.hpp"
#include "io/json/document_format.hpp"
#include "io/json/json_or_null.hpp"
#include "io/json/layer_json.hpp"
#include "io/json/level_schedule_json.hpp"
#include "io/json/precision_json.hpp"
#include "model/level_evaluate.hpp"

namespace spad {
namespace {

nlohmann::ordered_json level_array_json(const ArrayTraffic& a) {
  nlohmann::ordered_json j;
  j["buffer_elems"] = a.buffer_elems;
  j["buffer_bytes"] = a.buffer_bytes;
  j["fills"] = a.fills;
  j["reads"] = a.reads;
  j["writes"] = a.writes;
  j["final_writes"] = a.final_writes;
  j["read_bytes"] = a.read_bytes;
  j["write_bytes"] = a.write_bytes;
  return j;
}

nlohmann::ordered_json arrays_json(const PerTensor<ArrayTraffic>& arrays) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (Tensor t : kAllTensors) j[std::string(tensor_name(t))] = level_array_json(arrays[t]);
  return j;
}

}  // namespace

nlohmann::ordered_json level_result_to_json(const LevelSchedule& s, const LevelTraffic& t,
                                            const MemoryLevels& m,
                                            const std::vector<LowerBound>& bounds) {
  const std::size_t n = s.levels.size();
  if (n == 0 || t.levels.size() != n || m.levels.size() != n || bounds.size() != n)
    throw InternalError("level_result_to_json: " + std::to_string(n) + " schedule levels, " +
                        std::to_string(t.levels.size()) + " counted, " +
                        std::to_string(m.levels.size()) + " machine levels, " +
                        std::to_string(bounds.size()) + " bounds");
  const LevelCost& outer = t.levels.front();
  nlohmann::ordered_json j;
  j["schedule"] = level_schedule_to_json(s);
  j["arrays"] = arrays_json(outer.arrays);
  j["traffic_bytes"] = outer.traffic_bytes;
  j["buffer_bytes"] = t.total_buffer_bytes();
  j["compulsory_bytes"] = outer.compulsory_bytes;
  j["lower_bound_bytes"] = bounds.front().bound_bytes;
  j["fits"] = t.fits();
  j["total_fills"] = t.total_fills();
  auto& levels = j["levels"] = nlohmann::ordered_json::array();
  for (std::size_t l = 0; l < n; ++l) {
    const LevelCost& c = t.levels[l];
    nlohmann::ordered_json level;
    level["name"] = c.name;
    level["capacity_bytes"] = or_null(m.levels[l].capacity_bytes);
    level["arrays"] = arrays_json(c.arrays);
    level["traffic_bytes"] = c.traffic_bytes;
    level["compulsory_bytes"] = c.compulsory_bytes;
    level["lower_bound_bytes"] = bounds[l].bound_bytes;
    level["buffer_bytes"] = c.buffer_bytes;
    level["fits"] = c.fits;
    levels.push_back(std::move(level));
  }
  nlohmann::ordered_json& machine = j["machine"];
  machine["precision"] = precision_to_json(m.precision);
  machine["halo_reuse"] = m.halo_reuse;
  machine["double_buffer"] = m.double_buffer;
  return j;
}

nlohmann::ordered_json level_result_document(const Layer& layer, const LevelSchedule& s,
                                             const MemoryLevels& m, const LevelTraffic& t) {
  nlohmann::ordered_json j =
      with_format(DocKind::result, level_result_to_json(s, t, m, level_lower_bounds(layer, m)));
  j["layer"] = layer_to_json(layer.spec());
  return j;
}

}  // namespace spad
