// The computation behind `spad compare`: the optimum of every selected layer
// (cli/optimize_network_run: each distinct shape searched once), then, per
// distinct shape whose optimum fits, the baselines of search/dataflows and the
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

#include "io/compare_result.hpp"
#include "io/network_file.hpp"
#include "model/machine.hpp"

namespace spad::cli {

// `selection`: indices into net.layers, ascending. threads: 0 = all.
// With `progress`, progress lines (cli/progress) count the optimum's and
// the baselines' searches on a terminal's stderr.
CompareResult compare_network(const Network& net, const std::vector<std::size_t>& selection,
                              const Machine& machine, int threads, bool progress = false);

}  // namespace spad::cli
