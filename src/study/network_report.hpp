// What `spad report` shows about one network: every layer's optimum at the
// chosen capacity with the lower bound and the baselines beside it, and the
// network's traffic over a range of capacities (with compulsory traffic and
// the lower bound). Two sweeps (study/sweep); report/html_report draws them.
#pragma once

#include <optional>
#include <vector>

#include "study/sweep.hpp"
#include "workload/network.hpp"

namespace spad {

struct NetworkReportOptions {
  Machine machine;                // capacity_bytes: the chosen capacity (required)
  std::vector<Count> capacities;  // the curve's capacities (ascending, distinct)
  int threads = 0;                // 0: all hardware threads
  // On an accelerator (a machine file): its precisions and options replace
  // those of `machine`, its scratchpad takes the chosen capacity, and the
  // report adds each layer's latency and energy for `objective`.
  std::optional<Accelerator> accelerator;
  Objective objective = Objective::traffic;
};

struct NetworkReport {
  Machine machine;    // with the chosen capacity
  SweepResult at;     // the chosen capacity only, with the baselines
  SweepResult curve;  // the curve's capacities and the chosen one
  // On an accelerator: the chosen capacity, searched for the objective.
  std::optional<SweepResult> on_accelerator;
};

// UserError when the machine has no capacity (and as study/sweep).
NetworkReport network_report(const Network& network, const NetworkReportOptions& options);

}  // namespace spad
