// The network accel report with levels (layout in the header).
#include "report/network_level_accel_table.hpp"

#include <fmt/format.h>

#include "report/network_level_table.hpp"
#include "report/number_text.hpp"
#include "report/text_table.hpp"
#include "search/level_objective.hpp"

namespace spad {

std::string format_network_level_accel_table(
    const NetworkLevelResult& result, const LevelAccelerator& accel, Objective objective,
    const std::vector<std::optional<LevelAccelCost>>& costs, double seconds, int threads,
    std::size_t width) {
  std::string out = format_network_level_table(result, seconds, threads, width,
                                               level_objective_with_ties(objective));
  out += fmt::format("machine   {}: {} MACs/cycle at {} MHz\n\n", accel.name,
                     with_separators(accel.mac_array.macs_per_cycle()), accel.clock_mhz);
  TextTable table({"layer", "latency cycles", "energy pJ", "compute cycles", "bound"});
  Count latency = 0, energy = 0, compute = 0;
  for (std::size_t i = 0; i < result.layers.size(); ++i) {
    const std::string& name = result.layers[i].layer.spec.name;
    if (!costs[i]) {
      table.add_row({name, "-", "-", "-", "does not fit"});
      continue;
    }
    const LevelAccelCost& c = *costs[i];
    latency = add(latency, c.latency_cycles);
    energy = add(energy, c.energy.total);
    compute = add(compute, c.activity.compute_cycles);
    table.add_row({name, with_separators(c.latency_cycles), pj_text(c.energy.total),
                   with_separators(c.activity.compute_cycles),
                   c.memory_bound() ? "memory" : "compute"});
  }
  table.add_rule();
  table.add_row({"total", with_separators(latency), pj_text(energy), with_separators(compute), ""});
  out += table.render(width);
  return out;
}

}  // namespace spad
