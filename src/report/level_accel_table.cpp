// The several-level accelerator report (see level_accel_table.hpp).
#include "report/level_accel_table.hpp"

#include <fmt/format.h>

#include <vector>

#include "io/json/level_schedule_json.hpp"
#include "report/layer_summary.hpp"
#include "report/number_text.hpp"
#include "report/optimize_report.hpp"
#include "report/text_table.hpp"
#include "search/level_objective.hpp"

namespace spad {
namespace {

std::string percent(double part, double whole) {
  if (whole == 0) return "0.0%";
  return fmt::format("{:.1f}%", 100.0 * part / whole);
}

}  // namespace

std::string format_level_accel_table(const Layer& layer, const LevelSchedule& schedule,
                                     const LevelAccelerator& accel, const LevelTraffic& traffic,
                                     const LevelAccelCost& cost, std::size_t width,
                                     std::optional<Objective> objective,
                                     const LevelSearchSpace& space) {
  const MemoryLevels& m = accel.memory;
  std::string out;
  out += "layer     " + format_layer_summary(layer) + '\n';
  std::string levels;
  for (std::size_t l = 0; l < m.levels.size(); ++l)
    levels += (l ? ", " : "") + m.levels[l].name + " " +
              with_separators(m.levels[l].capacity_bytes.value_or(0)) + " B";
  out += fmt::format("machine   {}: {}{}{}; {} MACs/cycle at {} MHz\n", accel.name, levels,
                     m.double_buffer ? ", double buffered" : "", m.halo_reuse ? ", halo reuse" : "",
                     with_separators(accel.mac_array.macs_per_cycle()), accel.clock_mhz);
  if (objective) out += "objective " + level_objective_with_ties(*objective) + '\n';
  if (objective && space.restricted())
    out += "space     " + format_level_search_space(space) + '\n';
  out += std::string(objective ? "schedule  searched: " : "schedule  given: ") +
         level_schedule_to_canonical_string(schedule) + "\n\n";

  TextTable table({"boundary", "traffic B", "bits/cycle", "DMA transfers", "data cycles",
                   "setup cycles", "transfer cycles", "exposed cycles", "SRAM B", "SRAM pJ",
                   "fits"});
  for (std::size_t b = 0; b < cost.levels.size(); ++b) {
    const BoundaryAccelCost& x = cost.levels[b];
    const std::string above = b == 0 ? "off-chip" : cost.levels[b - 1].name;
    table.add_row({above + " -> " + x.name, with_separators(x.traffic_bytes),
                   with_separators(accel.ports[b].bits_per_cycle), with_separators(x.dma_transfers),
                   with_separators(x.transfer_data_cycles),
                   with_separators(x.transfer_setup_cycles), with_separators(x.transfer_cycles),
                   with_separators(x.exposed_cycles), with_separators(x.sram_bytes),
                   pj_text(x.sram_energy), traffic.levels[b].fits ? "yes" : "NO"});
  }
  out += table.render(width);
  out += '\n';
  const LevelActivity& a = cost.activity;
  out += fmt::format("compute   {} cycles for {} MACs (MAC utilisation {})\n",
                     with_separators(a.compute_cycles), with_separators(a.macs),
                     percent(static_cast<double>(a.macs),
                             static_cast<double>(a.compute_cycles) *
                                 static_cast<double>(accel.mac_array.macs_per_cycle())));
  out += fmt::format(
      "latency   {} cycles ({}; serial {}, overlapped {}), {}\n",
      with_separators(cost.latency_cycles),
      m.double_buffer ? "double buffered: overlapped" : "no double buffering: serial",
      with_separators(cost.latency_serial_cycles), with_separators(cost.latency_overlapped_cycles),
      cost.memory_bound() ? "memory-bound (the busiest boundary's transfers exceed compute)"
                          : "compute-bound");
  out += fmt::format("energy    {} pJ: off-chip {}, SRAM {}, MAC {}\n", pj_text(cost.energy.total),
                     pj_text(cost.energy.offchip), pj_text(cost.energy.scratchpad),
                     pj_text(cost.energy.mac));
  return wrap_lines(out, width);
}

}  // namespace spad
