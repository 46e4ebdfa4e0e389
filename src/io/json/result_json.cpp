// The Result JSON of DESIGN.md (key list in result_json.hpp).
#include "io/json/result_json.hpp"

#include "io/json/precision_json.hpp"
#include "io/json/schedule_json.hpp"

namespace spad {
namespace {

nlohmann::ordered_json array_to_json(Tensor t, const ArrayTraffic& a) {
  nlohmann::ordered_json j;
  j["buffer_elems"] = a.buffer_elems;
  j["buffer_bytes"] = a.buffer_bytes;
  j["reads"] = a.reads;
  j["writes"] = a.writes;
  if (t == Tensor::O) j["final_writes"] = a.final_writes;
  j["fills"] = a.fills;
  j["read_bytes"] = a.read_bytes;
  j["write_bytes"] = a.write_bytes;
  return j;
}

}  // namespace

nlohmann::ordered_json machine_to_json(const Machine& m) {
  nlohmann::ordered_json j;
  j["precision"] = precision_to_json(m.precision);
  j["halo_reuse"] = m.halo_reuse;
  j["double_buffer"] = m.double_buffer;
  if (m.capacity_bytes)
    j["capacity_bytes"] = *m.capacity_bytes;
  else
    j["capacity_bytes"] = nullptr;
  return j;
}

nlohmann::ordered_json result_to_json(const Schedule& s, const Traffic& t, const Machine& m) {
  nlohmann::ordered_json j;
  j["schedule"] = schedule_to_json(s);
  auto& arrays = j["arrays"] = nlohmann::ordered_json::object();
  for (Tensor a : kAllTensors) arrays[std::string(tensor_name(a))] = array_to_json(a, t.arrays[a]);
  j["traffic_bytes"] = t.traffic_bytes;
  j["buffer_bytes"] = t.buffer_bytes;
  j["compulsory_bytes"] = t.compulsory_bytes;
  j["fits"] = t.fits;
  j["total_fills"] = t.total_fills();
  j["machine"] = machine_to_json(m);
  return j;
}

}  // namespace spad
