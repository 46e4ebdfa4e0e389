// The sweep CSV (columns in sweep_csv.hpp).
#include "io/csv/sweep_csv.hpp"

#include "io/csv/csv_cell.hpp"
#include "io/csv/sweep_machine_cells.hpp"

namespace spad {

std::string sweep_to_csv(const SweepResult& result, bool per_layer) {
  std::vector<std::string> header = {"scope",
                                     "model",
                                     "capacity_bytes",
                                     "layer",
                                     "index",
                                     "layers",
                                     "macs",
                                     "traffic_bytes",
                                     "buffer_bytes",
                                     "compulsory_bytes",
                                     "lower_bound_bytes",
                                     "infeasible_layers"};
  const bool accel = result.machines.front().accelerator.has_value();
  if (accel)
    for (const char* h : kSweepMachineColumns) header.push_back(h);
  if (result.baselines)
    for (Baseline b : kAllBaselines)
      header.push_back(std::string(baseline_name(b)) + "_traffic_bytes");
  std::string out = csv_line(header);
  for (const SweepRow& row : result.rows) {
    const Network& net = result.networks[row.network];
    std::vector<std::string> line = {"network",
                                     csv_cell(net.model),
                                     std::to_string(row.capacity_bytes),
                                     "",
                                     "",
                                     std::to_string(row.layers),
                                     std::to_string(row.macs),
                                     count_cell(row.traffic_bytes),
                                     "",
                                     std::to_string(row.compulsory_bytes),
                                     std::to_string(row.lower_bound_bytes),
                                     std::to_string(row.infeasible_layers)};
    const SweepMachine& machine = result.machines.at(row.machine);
    const auto machine_cells = [&](std::vector<std::string>& cells, std::optional<Count> latency,
                                   std::optional<Count> energy) {
      if (accel) append_machine_cells(cells, machine, latency, energy);
    };
    machine_cells(line, row.latency_cycles, row.energy_fj);
    if (result.baselines)
      for (const SweepBaselineTotal& t : row.baselines) line.push_back(count_cell(t.traffic_bytes));
    out += csv_line(line);
    if (!per_layer) continue;
    for (std::size_t l = 0; l < row.layer_points.size(); ++l) {
      const SweepLayerPoint& p = row.layer_points[l];
      const auto of_best = [&](Count Traffic::*field) {
        return p.best ? std::to_string(p.best->traffic.*field) : std::string();
      };
      std::vector<std::string> ll = {"layer",
                                     csv_cell(net.model),
                                     std::to_string(row.capacity_bytes),
                                     csv_cell(net.layers[l].spec.name),
                                     std::to_string(l),
                                     "1",
                                     std::to_string(Layer(net.layers[l].spec).macs()),
                                     of_best(&Traffic::traffic_bytes),
                                     of_best(&Traffic::buffer_bytes),
                                     std::to_string(p.compulsory_bytes),
                                     std::to_string(p.lower_bound_bytes),
                                     p.best ? "0" : "1"};
      machine_cells(ll, p.cost ? std::optional<Count>(p.cost->latency_cycles) : std::nullopt,
                    p.cost ? std::optional<Count>(p.cost->energy.total) : std::nullopt);
      if (result.baselines)
        for (const std::optional<Candidate>& c : p.baselines)
          ll.push_back(c ? std::to_string(c->traffic.traffic_bytes) : std::string());
      out += csv_line(ll);
    }
  }
  return out;
}

}  // namespace spad
