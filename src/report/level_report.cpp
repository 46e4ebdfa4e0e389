// Layout of the several-level report: summary lines, loop nest, per-boundary table.
#include "report/level_report.hpp"

#include <fmt/format.h>

#include "base/error.hpp"
#include "io/json/level_schedule_json.hpp"
#include "io/text/byte_size.hpp"
#include "report/layer_summary.hpp"
#include "report/level_loop_nest.hpp"
#include "report/number_text.hpp"
#include "report/text_table.hpp"
#include "workload/precision.hpp"

namespace spad {
namespace {

std::string name_of(const LevelTraffic& traffic, std::size_t l) {
  return traffic.levels[l].name.empty() ? fmt::format("level {}", l + 1) : traffic.levels[l].name;
}

std::string boundary_name(const LevelTraffic& traffic, std::size_t l) {
  return (l == 0 ? std::string("off-chip") : name_of(traffic, l - 1)) + " ⇄ " + name_of(traffic, l);
}

std::string capacity_text(const MemoryLevel& level) {
  return level.capacity_bytes ? format_bytes(*level.capacity_bytes) : std::string("unbounded");
}

}  // namespace

std::string format_level_report(const Layer& layer, const LevelSchedule& schedule,
                                const MemoryLevels& machine, const LevelTraffic& traffic,
                                const std::vector<LowerBound>& bounds, std::string_view counted_by,
                                std::size_t width) {
  const std::size_t n = schedule.levels.size();
  if (traffic.levels.size() != n || machine.levels.size() != n || bounds.size() != n)
    throw InternalError("format_level_report: level counts differ");
  std::string out;
  out += "layer     " + format_layer_summary(layer) + '\n';
  out += "schedule  " + level_schedule_to_canonical_string(schedule) + '\n';
  out += fmt::format("counted   by {}\n\n", counted_by);
  out += "loop nest, outermost first (a buffer holds what its fill marker encloses):\n";
  out += format_level_loop_nest(layer, schedule, traffic) + '\n';

  TextTable table({"boundary", "capacity", "buffer bytes", "fits", "fills", "I reads", "W reads",
                   "O reads", "O writes", "traffic bytes", "compulsory bytes", "lower bound bytes",
                   "traffic / bound"});
  table.set_text_columns({0, 1, 3});
  for (std::size_t l = 0; l < n; ++l) {
    const LevelCost& c = traffic.levels[l];
    Count fills = 0;
    for (Tensor t : kAllTensors) fills = add(fills, c.arrays[t].fills);
    table.add_row({boundary_name(traffic, l), capacity_text(machine.levels[l]),
                   with_separators(c.buffer_bytes), c.fits ? "yes" : "NO", with_separators(fills),
                   with_separators(c.arrays[Tensor::I].reads),
                   with_separators(c.arrays[Tensor::W].reads),
                   with_separators(c.arrays[Tensor::O].reads),
                   with_separators(c.arrays[Tensor::O].writes), with_separators(c.traffic_bytes),
                   with_separators(c.compulsory_bytes), with_separators(bounds[l].bound_bytes),
                   ratio_text(c.traffic_bytes, bounds[l].bound_bytes)});
  }
  out +=
      "traffic across each boundary (elements and bytes moved either way; the lower bound "
      "takes the capacity of every level inside the boundary):\n";
  out += table.render(width);

  const Precision& p = machine.precision;
  out += fmt::format(
      "O reads and non-final writes are partial sums ({} B/element); final writes are outputs "
      "({} B/element).\n\n",
      p.psum, p.output);
  out += "per level, each buffer (bytes, fills; \"bypass\" = the array has no buffer there):\n";
  for (std::size_t l = 0; l < n; ++l) {
    std::string line = fmt::format("{:<10}", name_of(traffic, l));
    for (Tensor t : kAllTensors) {
      const ArrayTraffic& a = traffic.levels[l].arrays[t];
      if (!schedule.levels[l].buffer_span[t])
        line += fmt::format("  {} bypass", tensor_name(t));
      else
        line += fmt::format("  {} {} ({} fill{})", tensor_name(t), format_bytes(a.buffer_bytes),
                            with_separators(a.fills), a.fills == 1 ? "" : "s");
    }
    out += line + '\n';
  }
  out += fmt::format("\noff-chip traffic {} B; buffers {} B over {} levels: {}\n",
                     with_separators(traffic.levels.front().traffic_bytes),
                     with_separators(traffic.total_buffer_bytes()), n,
                     traffic.fits() ? "every level fits" : "DOES NOT FIT");
  out += fmt::format("machine   precision {} (bytes/element), halo_reuse {}, double_buffer {}\n",
                     precision_to_string(p), machine.halo_reuse ? "on" : "off",
                     machine.double_buffer ? "on" : "off");
  return wrap_lines(out, width);
}

}  // namespace spad
