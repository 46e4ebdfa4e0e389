// Sweep tables over several on-chip levels.
#include "report/level_sweep_table.hpp"

#include <cstdio>

#include "io/text/byte_size.hpp"
#include "report/number_text.hpp"
#include "report/text_table.hpp"
#include "search/level_baselines.hpp"

namespace spad {
namespace {

std::string count_or_dash(const std::optional<Count>& v) {
  return v ? with_separators(*v) : std::string("-");
}

std::string boundary_name(const MemoryLevels& m, std::size_t l) {
  return (l == 0 ? std::string("off-chip") : m.levels[l - 1].name) + " ⇄ " + m.levels[l].name;
}

std::string point_text(const std::vector<Count>& capacities) {
  std::string out;
  for (Count c : capacities) {
    if (!out.empty()) out += ';';
    out += format_bytes(c);
  }
  return out;
}

std::string network_table(const LevelSweepResult& result, std::size_t n, std::size_t m,
                          std::size_t width) {
  const bool accel = result.machines.at(m).accelerator.has_value();
  const MemoryLevels& machine = result.row(n, 0, m).study.machine;
  std::vector<std::string> header;
  for (const MemoryLevel& level : machine.levels) header.push_back(level.name);
  for (std::size_t l = 0; l < machine.levels.size(); ++l) {
    header.push_back(boundary_name(machine, l) + " B");
    if (l == 0) header.push_back("x compulsory");
    header.push_back("lower bound B");
    header.push_back("x bound");
  }
  if (accel) {
    header.push_back("latency cycles");
    header.push_back("energy uJ");
  }
  bool some_infeasible = false;
  for (std::size_t p = 0; p < result.points(); ++p)
    some_infeasible = some_infeasible || result.row(n, p, m).infeasible_layers > 0;
  if (some_infeasible) header.push_back("layers not fitting");
  TextTable table(header);
  for (std::size_t p = 0; p < result.points(); ++p) {
    const LevelSweepRow& row = result.row(n, p, m);
    std::vector<std::string> cells;
    for (Count c : row.capacities_bytes) cells.push_back(format_bytes(c));
    for (std::size_t l = 0; l < row.levels.size(); ++l) {
      const LevelSweepBoundary& b = row.levels[l];
      cells.push_back(count_or_dash(b.traffic_bytes));
      if (l == 0)
        cells.push_back(b.traffic_bytes ? ratio_text(*b.traffic_bytes, b.compulsory_bytes) : "-");
      cells.push_back(with_separators(b.lower_bound_bytes));
      cells.push_back(b.traffic_bytes ? ratio_text(*b.traffic_bytes, b.lower_bound_bytes) : "-");
    }
    if (accel) {
      cells.push_back(count_or_dash(row.latency_cycles));
      char energy[48] = "-";
      if (row.energy_fj)
        std::snprintf(energy, sizeof energy, "%.3f", static_cast<double>(*row.energy_fj) / 1e9);
      cells.push_back(energy);
    }
    if (some_infeasible) cells.push_back(std::to_string(row.infeasible_layers));
    table.add_row(cells);
  }
  return table.render(width);
}

// The level baselines at every point, one line per (point, boundary), beside
// the optimum's bytes there.
std::string baseline_table(const LevelSweepResult& result, std::size_t n, std::size_t m,
                           std::size_t width) {
  const MemoryLevels& machine = result.row(n, 0, m).study.machine;
  std::vector<std::string> header;
  for (const MemoryLevel& level : machine.levels) header.push_back(level.name);
  header.push_back("boundary");
  header.push_back("optimum B");
  for (Baseline b : kLevelBaselines) header.push_back(std::string(baseline_name(b)) + " B");
  TextTable table(header);
  for (std::size_t p = 0; p < result.points(); ++p) {
    const LevelSweepRow& row = result.row(n, p, m);
    for (std::size_t l = 0; l < row.levels.size(); ++l) {
      std::vector<std::string> cells;
      for (Count c : row.capacities_bytes) cells.push_back(format_bytes(c));
      cells.push_back(boundary_name(machine, l));
      cells.push_back(count_or_dash(row.levels[l].traffic_bytes));
      for (Baseline b : kLevelBaselines)
        cells.push_back(count_or_dash(row.baselines[static_cast<std::size_t>(b)].traffic_bytes[l]));
      table.add_row(cells);
    }
  }
  std::string none;
  for (Baseline b : kAllBaselines)
    if (level_baseline_not_applicable(b))
      none += (none.empty() ? "" : ", ") + std::string(baseline_name(b));
  return "baselines at each point and boundary (B; - = does not fit every layer; " + none +
         ": no several-level form)\n" + table.render(width);
}

std::string layer_matrix(const LevelSweepResult& result, std::size_t n, std::size_t m,
                         std::size_t width) {
  std::vector<std::string> header = {"layer"};
  for (std::size_t p = 0; p < result.points(); ++p) header.push_back(point_text(result.point(p)));
  std::vector<std::vector<std::string>> rows;
  const Network& net = result.networks[n];
  for (std::size_t l = 0; l < net.layers.size(); ++l) {
    std::vector<std::string> cells = {net.layers[l].spec.name};
    for (std::size_t p = 0; p < result.points(); ++p) {
      const std::optional<LevelCandidate>& best = result.row(n, p, m).study.layers[l].search.best;
      cells.push_back(best ? with_separators(best->traffic.levels.front().traffic_bytes) : "-");
    }
    rows.push_back(std::move(cells));
  }
  left_align_column(rows, 0);
  TextTable table(header);
  for (auto& r : rows) table.add_row(std::move(r));
  return table.render(width);
}

}  // namespace

std::string format_level_sweep_table(const LevelSweepResult& result, bool per_layer,
                                     std::size_t width) {
  std::string out;
  for (std::size_t n = 0; n < result.networks.size(); ++n)
    for (std::size_t m = 0; m < result.machines.size(); ++m) {
      const LevelSweepRow& first = result.row(n, 0, m);
      out += result.networks[n].model;
      if (const LevelSweepMachine& sm = result.machines[m]; sm.accelerator)
        out += " on " + sm.accelerator->name + " (objective " +
               std::string(objective_name(sm.objective)) + ")";
      out += ": " + std::to_string(first.layers) + " layers, " + with_separators(first.macs) +
             " MACs, compulsory traffic " + with_separators(first.compulsory_bytes()) + " B, " +
             std::to_string(result.capacities.size()) + " on-chip levels (outermost first)\n";
      out += network_table(result, n, m, width);
      if (result.baselines) out += baseline_table(result, n, m, width);
      if (per_layer) {
        out += "off-chip traffic per layer (B; - = does not fit) at each point (";
        for (std::size_t l = 0; l < first.study.machine.levels.size(); ++l) {
          if (l > 0) out += ';';
          out += first.study.machine.levels[l].name;
        }
        out += ")\n";
        out += layer_matrix(result, n, m, width);
      }
      out += '\n';
    }
  return wrap_lines(out, width);
}

}  // namespace spad
