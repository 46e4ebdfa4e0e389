// Sweep tables.
#include "report/sweep_table.hpp"

#include <cstdio>

#include "io/text/byte_size.hpp"
#include "io/text/ratio_text.hpp"
#include "report/number_text.hpp"
#include "report/text_table.hpp"

namespace spad {
namespace {

std::string fixed_text(double v, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string count_or_dash(const std::optional<Count>& v) {
  return v ? with_separators(*v) : std::string("-");
}

std::string network_table(const SweepResult& result, std::size_t n, std::size_t m,
                          std::size_t width) {
  const bool accel = result.machines.at(m).accelerator.has_value();
  std::vector<std::string> header = {"capacity", "traffic B", "x compulsory", "lower bound B",
                                     "x bound"};
  if (accel) {
    header.push_back("latency cycles");
    header.push_back("energy uJ");
  }
  bool some_infeasible = false;
  for (std::size_t c = 0; c < result.capacities.size(); ++c)
    some_infeasible = some_infeasible || result.row(n, c, m).infeasible_layers > 0;
  if (some_infeasible) header.push_back("layers not fitting");
  if (result.baselines)
    for (Baseline b : kAllBaselines) header.push_back(std::string(baseline_name(b)) + " B");
  TextTable table(header);
  for (std::size_t c = 0; c < result.capacities.size(); ++c) {
    const SweepRow& row = result.row(n, c, m);
    std::vector<std::string> cells = {
        format_bytes(row.capacity_bytes), count_or_dash(row.traffic_bytes),
        row.traffic_bytes ? ratio_text(*row.traffic_bytes, row.compulsory_bytes) : "-",
        with_separators(row.lower_bound_bytes),
        row.traffic_bytes ? ratio_text(*row.traffic_bytes, row.lower_bound_bytes) : "-"};
    if (accel) {
      cells.push_back(count_or_dash(row.latency_cycles));
      cells.push_back(row.energy_fj ? fixed_text(static_cast<double>(*row.energy_fj) / 1e9, 3)
                                    : std::string("-"));
    }
    if (some_infeasible) cells.push_back(std::to_string(row.infeasible_layers));
    if (result.baselines)
      for (const SweepBaselineTotal& t : row.baselines)
        cells.push_back(count_or_dash(t.traffic_bytes));
    table.add_row(cells);
  }
  return table.render(width);
}

std::string layer_matrix(const SweepResult& result, std::size_t n, std::size_t m,
                         std::size_t width) {
  std::vector<std::string> header = {"layer"};
  for (Count c : result.capacities) header.push_back(format_bytes(c));
  std::vector<std::vector<std::string>> rows;
  const Network& net = result.networks[n];
  for (std::size_t l = 0; l < net.layers.size(); ++l) {
    std::vector<std::string> cells = {net.layers[l].spec.name};
    for (std::size_t c = 0; c < result.capacities.size(); ++c) {
      const SweepLayerPoint& p = result.row(n, c, m).layer_points[l];
      cells.push_back(p.best ? with_separators(p.best->traffic.traffic_bytes) : "-");
    }
    rows.push_back(std::move(cells));
  }
  left_align_column(rows, 0);
  TextTable table(header);
  for (auto& r : rows) table.add_row(std::move(r));
  return table.render(width);
}

template <class Point, class Describe>
std::string answers(const SweepResult& result, const std::vector<std::optional<Point>>& networks,
                    const std::vector<std::vector<std::optional<Point>>>& layers, bool per_layer,
                    const Describe& describe, const std::string& columns, std::size_t width) {
  std::string out;
  for (std::size_t n = 0; n < networks.size(); ++n) {
    out += "  " + result.networks[n].model + ": " + describe(networks[n]) + '\n';
    if (!per_layer) continue;
    std::vector<std::vector<std::string>> rows;
    for (std::size_t l = 0; l < layers[n].size(); ++l)
      rows.push_back({result.networks[n].layers[l].spec.name, describe(layers[n][l])});
    left_align_column(rows, 0);
    left_align_column(rows, 1);
    TextTable table({"layer", columns});
    table.set_text_columns({1});
    for (auto& r : rows) table.add_row(std::move(r));
    out += table.render(width);
  }
  return out;
}

}  // namespace

std::string format_sweep_table(const SweepResult& result, bool per_layer, std::size_t width) {
  std::string out;
  for (std::size_t n = 0; n < result.networks.size(); ++n)
    for (std::size_t m = 0; m < result.machines.size(); ++m) {
      const SweepRow& first = result.row(n, 0, m);
      out += result.networks[n].model;
      if (const SweepMachine& sm = result.machines[m]; sm.accelerator)
        out += " on " + sm.accelerator->name + " (objective " +
               std::string(objective_name(sm.objective)) + ")";
      out += ": " + std::to_string(first.layers) + " layers, " + with_separators(first.macs) +
             " MACs, compulsory traffic " + with_separators(first.compulsory_bytes) + " B\n";
      out += network_table(result, n, m, width);
      if (per_layer) {
        out += "traffic per layer (B; - = does not fit)\n";
        out += layer_matrix(result, n, m, width);
      }
      out += '\n';
    }
  const auto target_text = [](const std::optional<CapacityPoint>& p) {
    return p ? with_separators(p->capacity_bytes) + " B (" + format_bytes(p->capacity_bytes) +
                   "), traffic " + with_separators(p->traffic_bytes) + " B"
             : std::string("unreachable");
  };
  const auto knee_text = [](const std::optional<KneePoint>& p) {
    return p ? format_bytes(p->capacity_bytes) + " (traffic " + with_separators(p->traffic_bytes) +
                   " B, at twice: " + with_separators(p->doubled_traffic_bytes) + " B)"
             : std::string("none in the list");
  };
  const auto target_title = [](const TargetCapacities& t, const std::string& on) {
    return "smallest capacity with traffic <= " + format_ratio(t.ratio) + "x compulsory" + on +
           " (exact):\n";
  };
  const auto knee_title = [](const Knees& k, const std::string& on) {
    return "knee" + on + ": the smallest listed capacity from which doubling saves less than " +
           format_ratio(k.share) + " of the traffic:\n";
  };
  if (result.targets) {
    out += target_title(*result.targets, "");
    out += answers(result, result.targets->networks, result.targets->layers, per_layer, target_text,
                   "capacity", width);
  }
  if (result.knees) {
    out += knee_title(*result.knees, "");
    out += answers(result, result.knees->networks, result.knees->layers, per_layer, knee_text,
                   "knee", width);
  }
  // On machine files: per machine, on its least traffic (whatever the objective).
  for (const SweepMachineAnswers& a : result.machine_answers) {
    const std::string on = " on " + a.machine + " (its least traffic)";
    if (a.targets) {
      out += target_title(*a.targets, on);
      out += answers(result, a.targets->networks, a.targets->layers, per_layer, target_text,
                     "capacity", width);
    }
    if (a.knees) {
      out += knee_title(*a.knees, on);
      out +=
          answers(result, a.knees->networks, a.knees->layers, per_layer, knee_text, "knee", width);
    }
  }
  return wrap_lines(out, width);
}

}  // namespace spad
