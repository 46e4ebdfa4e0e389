// The accel CSV with levels (columns in level_accel_csv.hpp).
#include "io/csv/level_accel_csv.hpp"

#include <fmt/format.h>

#include "base/error.hpp"
#include "io/csv/csv_cell.hpp"
#include "model/evaluate.hpp"
#include "workload/layer_kind.hpp"

namespace spad {
namespace {

// The cells from compute_cycles to energy_total_pj.
constexpr std::size_t kCostCells = 12;

// Energies: integer fJ printed as pJ with three decimals (exact).
std::string pj(Count fj) { return fmt::format("{}.{:03}", fj / 1000, fj % 1000); }

std::vector<std::string> header(std::size_t levels) {
  std::vector<std::string> h = {"index",
                                "name",
                                "kind",
                                "macs",
                                "fits",
                                "schedule_source",
                                "objective",
                                "compute_cycles",
                                "transfer_cycles",
                                "exposed_cycles",
                                "latency_serial_cycles",
                                "latency_overlapped_cycles",
                                "latency_cycles",
                                "memory_bound",
                                "mac_utilization",
                                "energy_offchip_pj",
                                "energy_scratchpad_pj",
                                "energy_mac_pj",
                                "energy_total_pj",
                                "traffic_bytes",
                                "compulsory_bytes",
                                "fills",
                                "buffer_bytes"};
  for (std::size_t l = 1; l <= levels; ++l) {
    const std::string b = "boundary" + std::to_string(l) + "_";
    const std::string v = "level" + std::to_string(l) + "_";
    for (const std::string& name :
         {b + "traffic_bytes", b + "dma_transfers", b + "transfer_cycles", b + "exposed_cycles",
          v + "buffer_bytes", v + "fills", v + "sram_pj"})
      h.push_back(name);
  }
  return h;
}

// The line of one layer; `best` and `cost` both null when nothing fits.
std::vector<std::string> row(std::size_t index, const NetworkLayer& entry,
                             const LevelCandidate* best, const LevelAccelCost* cost,
                             const LevelAccelerator& accel, std::optional<Objective> objective) {
  SPAD_CHECK((best == nullptr) == (cost == nullptr), "level accel CSV: a cost per schedule");
  const Layer layer(entry.spec);
  const std::size_t levels = accel.memory.levels.size();
  std::vector<std::string> r = {
      std::to_string(index),
      csv_cell(entry.spec.name),
      csv_cell(std::string(layer_kind_name(entry.kind))),
      std::to_string(layer.macs()),
      best ? "true" : "false",
      objective ? "search" : "given",
      objective ? std::string(objective_name(*objective)) : std::string()};
  if (!best) {  // compulsory traffic is the layer's whether or not it fits
    r.resize(r.size() + kCostCells + 1);
    r.push_back(std::to_string(compulsory_bytes(layer, accel.memory.precision)));
    r.resize(header(levels).size());
    return r;
  }
  SPAD_CHECK(best->traffic.levels.size() == levels && cost->levels.size() == levels,
             "level accel CSV: one entry per level");
  const LevelActivity& a = cost->activity;
  const double capacity =
      static_cast<double>(a.compute_cycles) * static_cast<double>(accel.mac_array.macs_per_cycle());
  for (const std::string& cell :
       {std::to_string(a.compute_cycles), std::to_string(cost->transfer_cycles),
        std::to_string(cost->exposed_cycles), std::to_string(cost->latency_serial_cycles),
        std::to_string(cost->latency_overlapped_cycles), std::to_string(cost->latency_cycles),
        std::string(cost->memory_bound() ? "true" : "false"),
        fmt::format("{:.4f}", capacity == 0 ? 0.0 : static_cast<double>(a.macs) / capacity),
        pj(cost->energy.offchip), pj(cost->energy.scratchpad), pj(cost->energy.mac),
        pj(cost->energy.total)})
    r.push_back(cell);
  SPAD_CHECK(r.size() == 7 + kCostCells, "level accel CSV: the cost cells");
  const LevelTraffic& t = best->traffic;
  r.push_back(std::to_string(t.levels.front().traffic_bytes));
  r.push_back(std::to_string(t.levels.front().compulsory_bytes));
  r.push_back(std::to_string(t.total_fills()));
  r.push_back(std::to_string(t.total_buffer_bytes()));
  for (std::size_t l = 0; l < levels; ++l) {
    const LevelCost& level = t.levels[l];
    const BoundaryAccelCost& b = cost->levels[l];
    Count fills = 0;
    for (Tensor x : kAllTensors) fills = add(fills, level.arrays[x].fills);
    for (const Count value : {level.traffic_bytes, b.dma_transfers, b.transfer_cycles,
                              b.exposed_cycles, level.buffer_bytes, fills})
      r.push_back(std::to_string(value));
    r.push_back(pj(b.sram_energy));
  }
  return r;
}

}  // namespace

std::string level_accel_layer_to_csv(const NetworkLayer& entry, const LevelCandidate& best,
                                     const LevelAccelCost& cost, const LevelAccelerator& accel,
                                     std::optional<Objective> objective) {
  return csv_line(header(accel.memory.levels.size())) +
         csv_line(row(0, entry, &best, &cost, accel, objective));
}

std::string network_level_accel_to_csv(const NetworkLevelResult& result,
                                       const LevelAccelerator& accel, Objective objective,
                                       const std::vector<std::optional<LevelAccelCost>>& costs) {
  SPAD_CHECK(costs.size() == result.layers.size(), "network accel CSV: one cost per layer");
  std::string out = csv_line(header(accel.memory.levels.size()));
  for (std::size_t i = 0; i < result.layers.size(); ++i) {
    const NetworkLevelLayerResult& r = result.layers[i];
    const LevelAccelerator on = layer_accelerator(accel, r.layer);
    out += csv_line(row(r.index, r.layer, r.search.best ? &*r.search.best : nullptr,
                        costs[i] ? &*costs[i] : nullptr, on, objective));
  }
  return out;
}

}  // namespace spad
