// The computation behind `spad compare`: the optimum of every selected layer
// (study/optimize_network: each distinct shape searched once), then, per
// distinct shape whose optimum fits, the baselines of search/baselines and the
// working-set capacity for the optimum's traffic, copied to the layers of the
// same shape. The lower bound is computed for every layer.
//
// Parallelism as in optimize_network: the baseline searches (three fixed
// dataflows, the working-set optimum and the working-set capacity search, per
// shape) are jobs on min(T, jobs) workers, each search on max(1, T / workers)
// threads, results stored by position; every search's answer is independent
// of its thread count, so the result is the same for any T. All searches share
// one TemplateCache.
#pragma once

#include <cstddef>
#include <vector>

#include "model/machine.hpp"
#include "study/compare_result.hpp"
#include "study/study_progress.hpp"
#include "workload/network.hpp"

namespace spad {

// `selection`: indices into net.layers, ascending (study/optimize_network:
// all_layers). threads: 0 = all. machine.capacity_bytes must be set.
// `progress` gets two stages: "optimum" (distinct shapes searched) and
// "baselines" (searches).
CompareResult compare_network(const Network& net, const std::vector<std::size_t>& selection,
                              const Machine& machine, int threads,
                              const StudyProgress& progress = {});

}  // namespace spad
