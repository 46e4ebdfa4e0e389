// The accel JSON of a several-level schedule (keys in level_accel_json.hpp).
#include "io/json/level_accel_json.hpp"

#include "io/json/level_result_json.hpp"
#include "io/json/search_json.hpp"
#include "io/machine/accelerator_json.hpp"

namespace spad {
namespace {

double pj(Count fj) { return static_cast<double>(fj) / 1000.0; }

}  // namespace

nlohmann::ordered_json level_accel_json(const LevelAccelCost& c, const LevelAccelerator& accel) {
  nlohmann::ordered_json j;
  const LevelActivity& a = c.activity;
  j["compute_cycles"] = a.compute_cycles;
  j["transfer_cycles"] = c.transfer_cycles;
  j["latency_cycles"] = c.latency_cycles;
  j["energy_pj"] = {{"offchip", pj(c.energy.offchip)},
                    {"scratchpad", pj(c.energy.scratchpad)},
                    {"mac", pj(c.energy.mac)},
                    {"total", pj(c.energy.total)}};
  j["macs"] = a.macs;
  j["macs_per_cycle_used"] =
      a.compute_cycles == 0 ? 0.0
                            : static_cast<double>(a.macs) / static_cast<double>(a.compute_cycles);
  j["mac_utilization"] =
      a.compute_cycles == 0
          ? 0.0
          : static_cast<double>(a.macs) / (static_cast<double>(a.compute_cycles) *
                                           static_cast<double>(accel.mac_array.macs_per_cycle()));
  j["exposed_cycles"] = c.exposed_cycles;
  j["latency_serial_cycles"] = c.latency_serial_cycles;
  j["latency_overlapped_cycles"] = c.latency_overlapped_cycles;
  j["memory_bound"] = c.memory_bound();
  j["operand_reads"] = {{"I", a.operand_reads[Tensor::I]},
                        {"W", a.operand_reads[Tensor::W]},
                        {"O", a.operand_reads[Tensor::O]}};
  j["psum_writes"] = a.psum_writes;
  nlohmann::ordered_json levels = nlohmann::ordered_json::array();
  for (std::size_t b = 0; b < c.levels.size(); ++b) {
    const BoundaryAccelCost& x = c.levels[b];
    const LevelPort& port = accel.ports.at(b);
    levels.push_back({{"name", x.name},
                      {"traffic_bytes", x.traffic_bytes},
                      {"bits_per_cycle", port.bits_per_cycle},
                      {"dma_setup_cycles", port.dma_setup_cycles},
                      {"dma_transfers", x.dma_transfers},
                      {"transfer_data_cycles", x.transfer_data_cycles},
                      {"transfer_setup_cycles", x.transfer_setup_cycles},
                      {"transfer_cycles", x.transfer_cycles},
                      {"first_load_bytes", x.first_load_bytes},
                      {"last_store_bytes", x.last_store_bytes},
                      {"exposed_cycles", x.exposed_cycles},
                      {"sram_bytes", x.sram_bytes},
                      {"sram_pj", pj(x.sram_energy)}});
  }
  j["levels"] = levels;
  return j;
}

nlohmann::ordered_json level_accel_document(const Layer& layer, const LevelSchedule& schedule,
                                            const LevelAccelerator& accel,
                                            const LevelTraffic& traffic, const LevelAccelCost& cost,
                                            std::optional<Objective> objective,
                                            const LevelSearchSpace& space) {
  nlohmann::ordered_json j = level_result_document(layer, schedule, accel.memory, traffic);
  if (objective) j["objective"] = std::string(objective_name(*objective));
  j["schedule_source"] = objective ? "search" : "given";
  if (objective)
    j["search"] = {{"objective", std::string(objective_name(*objective))},
                   {"space", level_search_space_to_json(space)}};
  j["accelerator"] = level_accelerator_to_json(accel);
  j["accel"] = level_accel_json(cost, accel);
  return j;
}

}  // namespace spad
