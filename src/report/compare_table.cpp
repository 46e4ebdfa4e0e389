// Layout of the comparison table.
#include "report/compare_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "io/text/byte_size.hpp"
#include "report/machine_summary.hpp"
#include "report/number_text.hpp"
#include "report/text_table.hpp"

namespace spad {
namespace {

constexpr const char* kNone = "—";

std::string short_name(Baseline b) {
  switch (b) {
    case Baseline::weight_stationary:
      return "WS";
    case Baseline::output_stationary:
      return "OS";
    case Baseline::input_stationary:
      return "IS";
    case Baseline::hwce_v1:
      return "HWCE1";
    case Baseline::hwce_v2:
      return "HWCE2";
    case Baseline::hwce_v4:
      return "HWCE4";
    case Baseline::working_set:
      return "wset";
  }
  return "?";
}

std::vector<std::string> header() {
  std::vector<std::string> h = {"layer", "optimum B", "bound B", "opt/bound"};
  for (Baseline b : kAllBaselines) h.push_back(short_name(b));
  for (const char* c : {"opt buf B", "wset needs B", "/capacity"}) h.emplace_back(c);
  return h;
}

std::string capacity_ratio(const std::optional<Count>& needs, const Machine& machine) {
  if (!needs || !machine.capacity_bytes) return kNone;
  return ratio_text(*needs, *machine.capacity_bytes);
}

std::vector<std::string> layer_row(const NetworkLayerResult& r, const LayerComparison& c,
                                   const Machine& machine) {
  std::vector<std::string> row = {r.layer.spec.name};
  if (!r.fits()) {
    row.push_back("does not fit");
    row.push_back(with_separators(c.bound.bound_bytes));
    row.resize(header().size(), kNone);
    return row;
  }
  const Traffic& best = r.search.best->traffic;
  row.push_back(with_separators(best.traffic_bytes));
  row.push_back(with_separators(c.bound.bound_bytes));
  row.push_back(ratio_text(best.traffic_bytes, c.bound.bound_bytes));
  for (Baseline b : kAllBaselines) {
    const std::optional<Candidate>& x = c.baseline(b);
    row.push_back(x ? ratio_text(x->traffic.traffic_bytes, best.traffic_bytes) : kNone);
  }
  row.push_back(with_separators(best.buffer_bytes));
  row.push_back(c.working_set_capacity_bytes ? with_separators(*c.working_set_capacity_bytes)
                                             : kNone);
  row.push_back(capacity_ratio(c.working_set_capacity_bytes, machine));
  return row;
}

std::vector<std::string> totals_row(const CompareResult& result) {
  const NetworkTotals t = network_totals(result.network);
  Count bound = 0, buffers = 0;
  std::optional<Count> needs;
  for (std::size_t i = 0; i < result.layers.size(); ++i) {
    const NetworkLayerResult& r = result.network.layers[i];
    if (!r.fits()) continue;
    const LayerComparison& c = result.layers[i];
    bound = add_total(bound, c.bound.bound_bytes, "lower_bound_bytes");
    buffers = std::max(buffers, r.search.best->traffic.buffer_bytes);
    if (c.working_set_capacity_bytes)
      needs = std::max(needs.value_or(0), *c.working_set_capacity_bytes);
  }
  // The totals sum the layers that fit (the optimum has no bytes for the
  // others): the label says how many, and with none there is no total.
  const Count fitting = t.layers - t.infeasible_layers;
  const auto or_none = [&](std::string cell) { return fitting == 0 ? std::string(kNone) : cell; };
  std::vector<std::string> row = {
      fitting == t.layers
          ? "totals"
          : "totals (" + std::to_string(fitting) + " of " + std::to_string(t.layers) + " fit)",
      or_none(with_separators(t.traffic_bytes)), or_none(with_separators(bound)),
      or_none(ratio_text(t.traffic_bytes, bound))};
  for (Baseline b : kAllBaselines) {
    const BaselineTotal bt = baseline_total(result, b);
    if (bt.layers == 0) {
      row.push_back(kNone);
      continue;
    }
    // A star: summed over fewer layers than the optimum (it does not fit some).
    row.push_back(ratio_text(bt.traffic_bytes, bt.optimum_traffic_bytes) +
                  (bt.layers < fitting ? "*" : ""));
  }
  row.push_back(or_none(with_separators(buffers)));
  row.push_back(needs ? with_separators(*needs) : kNone);
  row.push_back(capacity_ratio(needs, result.network.machine));
  return row;
}

std::string legend(const CompareResult& result) {
  const Machine& machine = result.network.machine;
  std::string out = fmt::format(
      "ratios      baseline traffic / optimum traffic; {} = the baseline does not fit", kNone);
  bool partial = false;
  const NetworkTotals t = network_totals(result.network);
  for (Baseline b : kAllBaselines)
    if (const Count n = baseline_total(result, b).layers; n > 0)
      partial = partial || n < t.layers - t.infeasible_layers;
  if (partial) out += "; * = total over the layers where it fits";
  out +=
      "\nbaselines   WS/OS/IS: weight-, output-, input-stationary at their best tiles; HWCE1/2/4: "
      "HWCE-like engine, 1/2/4 output maps per pass; wset: working-set model (one loop "
      "level for all buffers)\n";
  out +=
      "capacity    opt buf: the optimum's buffers (what per-array buffers need for its "
      "traffic); wset needs: smallest scratchpad at which the working-set model moves as "
      "little; totals: the largest layer's\n";
  out += "machine     optimum, WS, OS, IS, wset: " + format_machine(machine) + '\n';
  out += "            HWCE1/2/4: " + format_machine(baseline_machine(Baseline::hwce_v1, machine)) +
         " (the engine's line buffer)\n";
  return out;
}

}  // namespace

std::string format_compare_table(const CompareResult& result, std::size_t width) {
  TextTable table(header());
  for (std::size_t i = 0; i < result.layers.size(); ++i)
    table.add_row(layer_row(result.network.layers.at(i), result.layers[i], result.network.machine));
  table.add_rule();
  table.add_row(totals_row(result));
  return wrap_lines(fmt::format("model       {}\n\n", result.network.model) + table.render(width) +
                        '\n' + legend(result),
                    width);
}

}  // namespace spad
