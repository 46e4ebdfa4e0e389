// The search over a network (what `spad optimize --model` runs): every
// selected layer optimized, each distinct shape (study/layer_shapes) once,
// its result reused for the later layers of that shape.
//
// Parallelism: with T threads (0: all hardware threads) and U unique shapes,
// min(T, U) workers of the job runner (base/parallel_run) take shapes from a
// queue (largest first), each search running on max(1, T / workers) threads.
// Results are stored by position and the search's answer does not depend on
// its thread count, so the result is the same for any T. The searches share
// one cache of loop structures (search/loop_template: TemplateCache).
#pragma once

#include <cstddef>
#include <vector>

#include "model/machine.hpp"
#include "search/optimize.hpp"
#include "study/network_result.hpp"
#include "study/study_progress.hpp"
#include "workload/network.hpp"

namespace spad {

// Every layer of `net`: 0, 1, ..., net.layers.size() - 1.
std::vector<std::size_t> all_layers(const Network& net);

// UserError unless `selection` holds indices into net.layers, ascending, each
// once ("layer selection: index 9 is out of range; ...").
void check_selection(const Network& net, const std::vector<std::size_t>& selection);

// `selection`: indices into net.layers, ascending (io/text/network_layer_selection
// reads them from text; all_layers: every one). machine.capacity_bytes must be
// set (search/optimize throws UserError otherwise). `progress` gets one stage, "optimum", counting
// the distinct shapes searched.
NetworkResult optimize_network(const Network& net, const std::vector<std::size_t>& selection,
                               const Machine& machine, const SearchOptions& options,
                               const StudyProgress& progress = {});

}  // namespace spad
