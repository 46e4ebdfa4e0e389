// The sweep over several on-chip levels as CSV (columns in level_sweep_csv.hpp).
#include "io/csv/level_sweep_csv.hpp"

#include "io/csv/csv_cell.hpp"
#include "io/csv/sweep_machine_cells.hpp"
#include "search/level_baselines.hpp"

namespace spad {
namespace {

std::string level_column(std::size_t l, const char* what) {
  return "level" + std::to_string(l + 1) + "_" + what;
}

// The baseline cells of a line: every baseline's off-chip bytes, then the
// level baselines' per boundary; `bytes(b, l)` is baseline b's at boundary l.
template <class Bytes>
void baseline_cells(std::vector<std::string>& cells, std::size_t levels, Bytes bytes) {
  for (Baseline b : kAllBaselines) cells.push_back(count_cell(bytes(b, 0)));
  for (std::size_t l = 0; l < levels; ++l)
    for (Baseline b : kLevelBaselines) cells.push_back(count_cell(bytes(b, l)));
}

}  // namespace

std::string level_sweep_to_csv(const LevelSweepResult& result, bool per_layer) {
  const std::size_t levels = result.capacities.size();
  std::vector<std::string> header = {"scope", "model"};
  for (std::size_t l = 0; l < levels; ++l) header.push_back(level_column(l, "capacity_bytes"));
  for (const char* h : {"layer", "index", "layers", "macs", "traffic_bytes", "buffer_bytes",
                        "compulsory_bytes", "lower_bound_bytes", "infeasible_layers"})
    header.push_back(h);
  for (std::size_t l = 0; l < levels; ++l)
    for (const char* h : {"traffic_bytes", "compulsory_bytes", "lower_bound_bytes"})
      header.push_back(level_column(l, h));
  const bool accel = result.machines.front().accelerator.has_value();
  if (accel)
    for (const char* h : kSweepMachineColumns) header.push_back(h);
  if (result.baselines) {
    for (Baseline b : kAllBaselines)
      header.push_back(std::string(baseline_name(b)) + "_traffic_bytes");
    for (std::size_t l = 0; l < levels; ++l)
      for (Baseline b : kLevelBaselines)
        header.push_back(
            level_column(l, (std::string(baseline_name(b)) + "_traffic_bytes").c_str()));
  }
  std::string out = csv_line(header);
  for (const LevelSweepRow& row : result.rows) {
    const Network& net = result.networks[row.network];
    const LevelSweepMachine& machine = result.machines.at(row.machine);
    const auto head = [&](const char* scope) {
      std::vector<std::string> cells = {scope, csv_cell(net.model)};
      for (Count c : row.capacities_bytes) cells.push_back(std::to_string(c));
      return cells;
    };
    const auto machine_cells = [&](std::vector<std::string>& cells, std::optional<Count> latency,
                                   std::optional<Count> energy) {
      if (accel) append_machine_cells(cells, machine, latency, energy);
    };
    std::vector<std::string> line = head("network");
    for (const std::string& c :
         {std::string(), std::string(), std::to_string(row.layers), std::to_string(row.macs),
          count_cell(row.traffic_bytes()), std::string(), std::to_string(row.compulsory_bytes()),
          std::to_string(row.lower_bound_bytes()), std::to_string(row.infeasible_layers)})
      line.push_back(c);
    for (const LevelSweepBoundary& b : row.levels) {
      line.push_back(count_cell(b.traffic_bytes));
      line.push_back(std::to_string(b.compulsory_bytes));
      line.push_back(std::to_string(b.lower_bound_bytes));
    }
    machine_cells(line, row.latency_cycles, row.energy_fj);
    if (result.baselines)
      baseline_cells(line, levels, [&](Baseline b, std::size_t l) {
        return row.baselines[static_cast<std::size_t>(b)].traffic_bytes[l];
      });
    out += csv_line(line);
    if (!per_layer) continue;
    for (std::size_t l = 0; l < row.study.layers.size(); ++l) {
      const NetworkLevelLayerResult& r = row.study.layers[l];
      const std::optional<LevelCandidate>& best = r.search.best;
      std::vector<std::string> ll = head("layer");
      for (const std::string& c :
           {csv_cell(r.layer.spec.name), std::to_string(l), std::string("1"),
            std::to_string(Layer(r.layer.spec).macs()),
            best ? std::to_string(best->traffic.levels.front().traffic_bytes) : std::string(),
            best ? std::to_string(best->traffic.total_buffer_bytes()) : std::string(),
            std::to_string(r.bounds.front().compulsory_bytes),
            std::to_string(r.bounds.front().bound_bytes), std::string(best ? "0" : "1")})
        ll.push_back(c);
      for (std::size_t b = 0; b < r.bounds.size(); ++b) {
        ll.push_back(best ? std::to_string(best->traffic.levels[b].traffic_bytes) : std::string());
        ll.push_back(std::to_string(r.bounds[b].compulsory_bytes));
        ll.push_back(std::to_string(r.bounds[b].bound_bytes));
      }
      const std::optional<LevelAccelCost> cost =
          accel ? row.costs.at(l) : std::optional<LevelAccelCost>();
      machine_cells(ll, cost ? std::optional<Count>(cost->latency_cycles) : std::nullopt,
                    cost ? std::optional<Count>(cost->energy.total) : std::nullopt);
      if (result.baselines)
        baseline_cells(ll, levels, [&](Baseline b, std::size_t bound) {
          const std::optional<LevelCandidate>& c = row.layer_baselines.at(l).baseline(b);
          return c ? std::optional<Count>(c->traffic.levels[bound].traffic_bytes) : std::nullopt;
        });
      out += csv_line(ll);
    }
  }
  return out;
}

}  // namespace spad
