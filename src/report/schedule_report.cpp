// Layout of the one-schedule report: summary lines, loop nest, traffic table.
#include "report/schedule_report.hpp"

#include <fmt/format.h>

#include "io/json/schedule_json.hpp"
#include "report/layer_summary.hpp"
#include "report/loop_nest.hpp"
#include "report/text_table.hpp"
#include "report/traffic_table.hpp"

namespace spad {

std::string format_schedule_report(const Layer& layer, const Schedule& schedule,
                                   const Machine& machine, const Traffic& traffic,
                                   std::string_view counted_by, std::size_t width) {
  std::string out;
  out += "layer     " + format_layer_summary(layer) + '\n';
  out += "schedule  " + schedule_to_canonical_string(schedule) + '\n';
  out += fmt::format("counted   by {}\n\n", counted_by);
  out += "loop nest, outermost first (a buffer holds what its fill marker encloses):\n";
  out += format_loop_nest(layer, schedule, traffic) + '\n';
  out += format_traffic(layer, schedule, machine, traffic, width);
  return wrap_lines(out, width);
}

}  // namespace spad
