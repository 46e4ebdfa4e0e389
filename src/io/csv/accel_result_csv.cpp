// The accelerator result CSV (columns in accel_result_csv.hpp).
#include "io/csv/accel_result_csv.hpp"

#include <fmt/format.h>

#include "io/csv/csv_cell.hpp"
#include "io/csv/network_result_csv.hpp"

namespace spad {
namespace {

// Energies: integer fJ printed as pJ with three decimals (exact).
std::string pj(Count fj) { return fmt::format("{}.{:03}", fj / 1000, fj % 1000); }

const std::vector<std::string> kCostColumns = {
    "compute_cycles", "transfer_cycles",   "transfer_data_cycles",  "transfer_setup_cycles",
    "dma_transfers",  "exposed_cycles",    "latency_serial_cycles", "latency_overlapped_cycles",
    "latency_cycles", "memory_bound",      "mac_utilization",       "bytes_per_cycle",
    "gbytes_per_s",   "energy_offchip_pj", "energy_scratchpad_pj",  "energy_mac_pj",
    "energy_total_pj"};

std::vector<std::string> cost_cells(const AccelCost& c, const Accelerator& accel,
                                    Count traffic_bytes) {
  const double rate = bytes_per_cycle(traffic_bytes, c);
  return {std::to_string(c.activity.compute_cycles),
          std::to_string(c.transfer_cycles),
          std::to_string(c.transfer_data_cycles),
          std::to_string(c.transfer_setup_cycles),
          std::to_string(c.activity.dma_transfers),
          std::to_string(c.exposed_cycles),
          std::to_string(c.latency_serial_cycles),
          std::to_string(c.latency_overlapped_cycles),
          std::to_string(c.latency_cycles),
          c.memory_bound() ? "true" : "false",
          fmt::format("{:.4f}", mac_utilization(c, accel.mac_array)),
          fmt::format("{:.4f}", rate),
          fmt::format("{:.4f}", gbytes_per_s(accel, rate)),
          pj(c.energy.offchip),
          pj(c.energy.scratchpad),
          pj(c.energy.mac),
          pj(c.energy.total)};
}

}  // namespace

std::string accel_result_to_csv(const AccelResult& result) {
  std::vector<std::vector<std::string>> rows = network_result_csv_rows(result.network);
  std::vector<std::string>& head = rows.front();
  head.push_back("objective");
  head.insert(head.end(), kCostColumns.begin(), kCostColumns.end());
  if (result.with_baselines)
    for (Baseline b : kAccelBaselines) {
      head.push_back(std::string(baseline_name(b)) + "_latency_cycles");
      head.push_back(std::string(baseline_name(b)) + "_energy_pj");
    }
  for (std::size_t i = 0; i < result.layers.size(); ++i) {
    std::vector<std::string>& row = rows[i + 1];
    const LayerAccel& l = result.layers[i];
    row.push_back(std::string(objective_name(result.objective)));
    if (l.cost) {
      const std::vector<std::string> cells = cost_cells(
          *l.cost, result.accel, result.network.layers[i].search.best->traffic.traffic_bytes);
      row.insert(row.end(), cells.begin(), cells.end());
    } else {
      row.insert(row.end(), kCostColumns.size(), "");
    }
    if (!result.with_baselines) continue;
    for (Baseline b : kAccelBaselines) {
      const auto& c = l.baselines[static_cast<std::size_t>(b)];
      row.push_back(c ? std::to_string(c->cost.latency_cycles) : "");
      row.push_back(c ? pj(c->cost.energy.total) : "");
    }
  }
  std::string out;
  for (const auto& row : rows) out += csv_line(row);
  return out;
}

}  // namespace spad
