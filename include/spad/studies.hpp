// Network-level questions (public API; part of <spad/spad.hpp>), with typed
// results that io/ writes as the documents of the `spad` command.
//
// sweep(networks, options) -> SweepResult (study/sweep.hpp): the exact optimum
//   of every layer of each network at every capacity of options.capacities
//   (ascending, each >= 1 byte), with the network totals, the compulsory
//   traffic and the lower bound at each point; baselines, a target ratio and
//   the knee on request; on accelerators (options.accelerators) per objective.
//   Each distinct layer shape is searched once per capacity at most; the
//   result is the same for any options.threads. Traffic never increases with
//   capacity. UserError for no network, no capacity, a capacity < 1, or a
//   cost beyond int64 (naming the layer). A network's own element sizes
//   (Network::precision) replace options.machine's precisions, as in
//   `spad optimize`. sweep_to_json(result, per_layer) is `spad sweep --json`.
#pragma once

#include <vector>

#include "spad/values.hpp"
#include "study/sweep.hpp"

namespace spad {

SweepResult sweep(const std::vector<Network>& networks, const SweepOptions& options);

}  // namespace spad
