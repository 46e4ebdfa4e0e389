// Layout of the single-layer optimize report and the infeasibility message.
#include "report/optimize_report.hpp"

#include <fmt/format.h>

#include "base/error.hpp"
#include "io/json/schedule_json.hpp"
#include "io/text/byte_size.hpp"
#include "io/text/level_space_text.hpp"
#include "io/text/loop_order_text.hpp"
#include "model/lower_bound.hpp"
#include "report/layer_summary.hpp"
#include "report/loop_nest.hpp"
#include "report/number_text.hpp"
#include "report/short_schedule.hpp"
#include "report/text_table.hpp"
#include "report/traffic_table.hpp"

namespace spad {
namespace {

// Plain digits, so the number can be copied into --buffer.
std::string bytes_with_unit(Count bytes) {
  if (bytes < 1024) return fmt::format("{} bytes", bytes);
  return fmt::format("{} bytes ({})", bytes, format_bytes(bytes));
}

}  // namespace

std::string format_search_space(const SearchSpace& space) {
  std::string out;
  if (space.fixed_order)
    out = "loop order fixed to " + loop_order_to_string(*space.fixed_order) +
          " (innermost first), any tiles";
  else
    out = "every loop order and tiles";
  if (space.fixed_spans) {
    const PerTensor<int>& k = *space.fixed_spans;
    out += fmt::format(", buffer spans fixed to I={},W={},O={}", k[Tensor::I], k[Tensor::W],
                       k[Tensor::O]);
    if (space.uniform_spans) out += " and uniform";
    return out;
  }
  out += space.uniform_spans ? ", all buffers at one loop level (uniform spans)"
                             : ", one buffer span per array";
  return out;
}

std::string format_level_search_space(const LevelSearchSpace& space) {
  const auto per_level = [](const auto& items, const auto& text) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : "; ") + text(item);
    return out;
  };
  std::string out;
  if (space.fixed_orders)
    out = "loop orders fixed to " +
          per_level(*space.fixed_orders,
                    [](const std::array<Dim, kNumDims>& o) { return loop_order_to_string(o); }) +
          " (per level, outermost level first; each innermost first), any tiles";
  else
    out = "every loop order and tiles at every level";
  if (space.fixed_spans) {
    out += ", buffer spans fixed to " +
           per_level(*space.fixed_spans, [](const PerTensor<std::optional<int>>& k) {
             return level_spans_to_string(k);
           });
    if (space.uniform_spans) out += " and uniform";
    return out;
  }
  out += space.uniform_spans
             ? ", all buffers of a level at one loop level of it (uniform spans), no bypass"
             : ", one buffer span or bypass per array per level";
  return out;
}

std::string format_search_stats(const SearchStats& stats, double seconds, int threads) {
  const std::string thread_text = threads > 0
                                      ? fmt::format("{} thread{}", threads, threads == 1 ? "" : "s")
                                      : std::string("all hardware threads");
  return fmt::format("{} loop structures, {} evaluations ({} complete schedules), {}, {}",
                     with_separators(stats.templates), with_separators(stats.evaluations),
                     with_separators(stats.leaves), duration_text(seconds), thread_text);
}

std::string format_optimize_report(const Layer& layer, const Machine& machine,
                                   const SearchSpace& space, const SearchResult& result,
                                   double seconds, int threads, std::size_t width) {
  SPAD_CHECK(result.best.has_value(), "format_optimize_report: no schedule fits");
  const Schedule& schedule = result.best->schedule;
  const Traffic& traffic = result.best->traffic;
  std::string out;
  out += "layer     " + format_layer_summary(layer) + '\n';
  out += "space     " + format_search_space(space) + '\n';
  out += "schedule  " + schedule_to_canonical_string(schedule) +
         "  (spad evaluate --schedule accepts it)\n";
  out += "short     " + format_short_schedule(layer, schedule) + '\n';
  out += "\nloop nest, outermost first (a buffer holds what its fill marker encloses):\n";
  out += format_loop_nest(layer, schedule, traffic) + '\n';
  out += format_traffic(layer, schedule, machine, traffic, width);
  if (machine.capacity_bytes) {
    // The floor at this capacity (DESIGN.md, "The limit").
    const LowerBound bound = lower_bound(layer, machine.precision, *machine.capacity_bytes);
    out += fmt::format("floor       {} B at this capacity ({}); traffic / floor = {}\n",
                       with_separators(bound.bound_bytes),
                       bound.pebble_bytes > bound.compulsory_bytes ? "the pebble-game lower bound"
                                                                   : "the compulsory traffic",
                       ratio_text(traffic.traffic_bytes, bound.bound_bytes));
  }
  out += fmt::format("smallest    {} of scratchpad would run this layer at all\n",
                     bytes_with_unit(result.min_capacity_bytes));
  out += "\nsearch      " + format_search_stats(result.stats, seconds, threads) + '\n';
  return wrap_lines(out, width);
}

std::string format_infeasible(const Layer& layer, const Machine& machine,
                              Count min_capacity_bytes) {
  const std::string name = layer.display_name();
  const Count capacity = machine.capacity_bytes.value_or(0);
  std::string out = fmt::format(
      "layer '{}' does not fit: it needs at least {} of scratchpad; got {} (--buffer). "
      "The smallest schedule has every tile 1 and every buffer innermost",
      name, bytes_with_unit(min_capacity_bytes), bytes_with_unit(capacity));
  if (machine.double_buffer) out += "; --double-buffer counts every buffer twice";
  return out + "; give a larger --buffer";
}

}  // namespace spad
