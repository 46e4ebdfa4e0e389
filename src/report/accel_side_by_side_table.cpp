// Layout of the side-by-side accelerator report.
#include "report/accel_side_by_side_table.hpp"

#include <fmt/format.h>

#include <vector>

#include "base/error.hpp"
#include "report/accel_table.hpp"
#include "report/network_layer_shape.hpp"
#include "report/number_text.hpp"
#include "report/text_table.hpp"

namespace spad {
namespace {

constexpr std::size_t kShapeColumn = 1;

std::string microjoules(Count fj) { return fmt::format("{:.3f}", static_cast<double>(fj) / 1e9); }

// value / reference as "0.37x" (two significant digits below 0.1: "0.0079x").
std::string times(double value, double reference) {
  if (reference <= 0) return "-";
  const double r = value / reference;
  return r >= 0.1 || r == 0 ? fmt::format("{:.2f}x", r) : fmt::format("{:.2g}x", r);
}

std::string best_name(const AccelComparison& c, const std::optional<std::size_t>& m) {
  return m ? c.machines[*m].accel.name : "-";
}

std::vector<std::string> header(const AccelComparison& c) {
  std::vector<std::string> h = {"layer", "shape"};
  const std::string& ref = c.machines.front().accel.name;
  for (std::size_t m = 0; m < c.machines.size(); ++m) {
    const std::string& name = c.machines[m].accel.name;
    h.push_back(name + " latency");
    if (m > 0) h.push_back("x " + ref);
    h.push_back(name + " uJ");
    h.push_back(name + " traffic B");
  }
  h.push_back("best");
  return h;
}

std::vector<std::string> layer_row(const AccelComparison& c, std::size_t i) {
  const AccelResult& ref = c.machines.front();
  const NetworkLayerResult& r = ref.network.layers.at(i);
  const Layer layer(r.layer.spec);
  std::vector<std::string> row = {r.layer.spec.name, format_short_shape(layer, r.layer.kind)};
  const auto& ref_cost = ref.layers.at(i).cost;
  const double ref_s = ref_cost ? seconds(ref.accel, ref_cost->latency_cycles) : 0.0;
  for (std::size_t m = 0; m < c.machines.size(); ++m) {
    const AccelResult& a = c.machines[m];
    const auto& cost = a.layers.at(i).cost;
    if (!cost) {
      row.push_back("does not fit");
      row.insert(row.end(), m > 0 ? 3 : 2, "-");
      continue;
    }
    const double s = seconds(a.accel, cost->latency_cycles);
    row.push_back(duration_text(s));
    if (m > 0) row.push_back(times(s, ref_s));
    row.push_back(microjoules(cost->energy.total));
    row.push_back(with_separators(a.network.layers.at(i).search.best->traffic.traffic_bytes));
  }
  row.push_back(best_name(c, best_machine(c, i)));
  return row;
}

std::string totals_table(const AccelComparison& c, std::size_t width) {
  const bool comparable = totals_comparable(c);
  const AccelResult& ref = c.machines.front();
  const AccelTotals rt = accel_totals(ref);
  const double ref_s = seconds(ref.accel, rt.latency_cycles);
  TextTable table({"machine", "objective", "layers", "latency cycles", "MHz", "latency", "frames/s",
                   "uJ/frame", "traffic B", "x " + ref.accel.name + " latency", "x energy"});
  for (const AccelResult& a : c.machines) {
    const AccelTotals t = accel_totals(a);
    const double s = seconds(a.accel, t.latency_cycles);
    table.add_row(
        {a.accel.name, std::string(objective_name(a.objective)),
         fmt::format("{}/{}", t.scheduled_layers, t.layers), with_separators(t.latency_cycles),
         fmt::format("{:g}", a.accel.clock_mhz), duration_text(s),
         s > 0 ? fmt::format("{:.4g}", static_cast<double>(t.frames) / s) : "-",
         fmt::format("{:.3f}",
                     static_cast<double>(t.energy.total) / 1e9 / static_cast<double>(t.frames)),
         with_separators(t.traffic_bytes), comparable ? times(s, ref_s) : "-",
         comparable
             ? times(static_cast<double>(t.energy.total), static_cast<double>(rt.energy.total))
             : "-"});
  }
  std::string out = table.render(width);
  if (const auto best = best_total_machine(c)) {
    out += fmt::format("least {} in total: {}\n", objective_name(ref.objective),
                       c.machines[*best].accel.name);
  } else {
    out +=
        "totals not compared: some layer does not fit every machine's scratchpad (each total "
        "covers only the layers that fit it)\n";
  }
  return out;
}

}  // namespace

std::string format_accel_side_by_side(const AccelComparison& c, std::size_t width) {
  SPAD_CHECK(c.machines.size() >= 2, "side-by-side report of fewer than two machines");
  const AccelResult& ref = c.machines.front();
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < ref.layers.size(); ++i) rows.push_back(layer_row(c, i));
  rows.push_back(header(c));
  left_align_column(rows, kShapeColumn);
  std::vector<std::string> head = rows.back();
  rows.pop_back();
  TextTable table(head);
  table.set_text_columns({kShapeColumn, head.size() - 1});
  for (auto& row : rows) table.add_row(std::move(row));

  std::string names;
  for (const AccelResult& a : c.machines) names += (names.empty() ? "" : ", ") + a.accel.name;
  const std::string what = ref.given_schedule
                               ? "the given schedule (--schedule) on every machine"
                               : "searched on each machine: the least objective there";
  std::string out = fmt::format(
      "model       {}\nmachines    {} (the first is the reference of the x columns)\n"
      "objective   {}, on every machine\n{}schedule    {}; each machine's schedules: its own "
      "`spad accel` run or --json\n\n",
      ref.network.model, names, objective_with_ties(ref.objective),
      accel_space_line(ref.network.space), what);
  out += table.render(width);
  out += "(latency as time: each machine runs at its own clock; best: the least " +
         std::string(objective_name(ref.objective)) +
         " among the machines where the layer fits)\n\n";
  out += totals_table(c, width);
  for (const AccelResult& a : c.machines) out += '\n' + format_accelerator_lines(a.accel);
  return wrap_lines(out, width);
}

}  // namespace spad
