// The computation behind `spad accel`: the optimum of every selected layer
// for the objective on the accelerator (cli/optimize_network_run: each
// distinct shape searched once), its cycles and energy (model/accel_cost),
// and, per distinct shape that fits, the fixed dataflows searched for the
// same objective and the HWCE-like engine (search/dataflows), copied to the
// layers of the same shape.
//
// Parallelism as in compare_network: jobs on min(T, jobs) workers, results
// stored by position, every search independent of its thread count: the
// result is the same for any T.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "io/accel_result.hpp"
#include "io/network_file.hpp"

namespace spad::cli {

struct AccelRunOptions {
  Objective objective = Objective::latency;
  bool baselines = true;
  int threads = 0;  // 0: all hardware threads
  // Cost this schedule of the one selected layer instead of searching (it
  // must fit: UserError otherwise).
  std::optional<Schedule> given;
  // Progress lines (cli/progress) on a terminal's stderr.
  bool progress = false;
};

// `selection`: indices into net.layers, ascending.
AccelResult accel_network(const Network& net, const std::vector<std::size_t>& selection,
                          const Accelerator& accel, const AccelRunOptions& options);

}  // namespace spad::cli
