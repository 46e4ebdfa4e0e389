// The two sweeps behind the HTML report.
#include "study/network_report.hpp"

#include <algorithm>

#include "base/error.hpp"

namespace spad {

NetworkReport network_report(const Network& network, const NetworkReportOptions& options) {
  if (!options.machine.capacity_bytes)
    throw UserError("report: no scratchpad capacity given (--buffer)");
  NetworkReport report;
  report.machine = options.machine;
  if (options.accelerator) {
    report.machine = options.accelerator->machine;
    report.machine.capacity_bytes = options.machine.capacity_bytes;
  }
  SweepOptions at;
  at.capacities = {*options.machine.capacity_bytes};
  at.machine = report.machine;
  at.baselines = true;
  at.threads = options.threads;
  report.at = sweep({network}, at);
  SweepOptions curve = at;
  curve.baselines = false;
  curve.capacities = options.capacities;
  curve.capacities.push_back(*options.machine.capacity_bytes);
  std::sort(curve.capacities.begin(), curve.capacities.end());
  curve.capacities.erase(std::unique(curve.capacities.begin(), curve.capacities.end()),
                         curve.capacities.end());
  report.curve = sweep({network}, curve);
  if (options.accelerator) {
    SweepOptions on = at;
    on.baselines = false;
    on.accelerators = {*options.accelerator};
    on.objectives = {options.objective};
    report.on_accelerator = sweep({network}, on);
  }
  return report;
}

}  // namespace spad
