// The search over a network: every selected layer optimized, each distinct
// shape (all LayerSpec fields but the name) once, its result reused for the
// later layers of that shape.
//
// Parallelism: with T threads (0: all hardware threads) and U unique shapes,
// min(T, U) workers take shapes from a queue (largest first), each search
// running on max(1, T / workers) threads. Results are stored by position and
// the search's answer does not depend on its thread count, so the result is
// the same for any T. The searches share one cache of loop structures
// (search/loop_template: TemplateCache).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "io/network_file.hpp"
#include "io/network_result.hpp"
#include "model/machine.hpp"
#include "search/optimize.hpp"

namespace spad::cli {

// `selection`: indices into net.layers, ascending (io/network_layer_selection).
// With `progress`, a progress line (cli/progress) labelled `label` counts the
// searched shapes on a terminal's stderr.
NetworkResult optimize_network(const Network& net, const std::vector<std::size_t>& selection,
                               const Machine& machine, const SearchOptions& options,
                               bool progress = false, const std::string& label = "optimize");

}  // namespace spad::cli
