// The computation behind `spad accel`: the optimum of every selected layer
// for the objective on the accelerator (study/optimize_network: each
// distinct shape searched once), its cycles and energy (model/accel_cost),
// and, per distinct shape that fits, the fixed dataflows searched for the
// same objective and the HWCE-like engine (search/baselines), copied to the
// layers of the same shape.
//
// Parallelism as in compare_network: jobs on min(T, jobs) workers, results
// stored by position, every search independent of its thread count: the
// result is the same for any T.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "search/search_space.hpp"
#include "study/accel_result.hpp"
#include "study/study_progress.hpp"
#include "workload/network.hpp"

namespace spad {

struct AccelRunOptions {
  Objective objective = Objective::latency;
  bool baselines = true;
  int threads = 0;  // 0: all hardware threads
  // The schedules the optimum is searched among (default: all; spad accel
  // --uniform-spans, --fixed-order, --fixed-spans); the baselines keep their
  // own fixed spaces. Not with `given` (UserError).
  SearchSpace space = {};
  // Cost this schedule of the one selected layer instead of searching (it
  // must fit: UserError otherwise).
  std::optional<Schedule> given;
};

// `selection`: indices into net.layers, ascending (study/optimize_network:
// all_layers). `progress` gets the stages "optimum" (distinct shapes
// searched; not with a given schedule) and, with baselines, "dataflows"
// (searches). A cost beyond int64 for an optimum is a UserError naming the
// layer; for a baseline it is flagged (LayerAccel::baseline_overflow).
// `accel` is validated first (validate(accel): UserError naming the field, as
// for a machine file).
AccelResult accel_network(const Network& net, const std::vector<std::size_t>& selection,
                          const Accelerator& accel, const AccelRunOptions& options,
                          const StudyProgress& progress = {});

}  // namespace spad
