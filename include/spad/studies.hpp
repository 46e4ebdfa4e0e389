// Network-level questions (public API; part of <spad/spad.hpp>), with typed
// results that <spad/io.hpp>'s writers turn into the documents of the `spad`
// command. Every study searches each distinct layer shape once (all LayerSpec
// fields but the name) and copies its answer to the other layers of that
// shape; all run on one job runner and give the same result for any
// `threads` (0 = all hardware threads). Units: traffic, capacities and
// buffers in bytes; latencies in cycles (seconds() converts at the clock);
// energies in integer femtojoules (fJ; the JSON documents print pJ).
//
// SELECTING LAYERS. Every study takes `selection`: indices into net.layers,
// ascending, no repeats. all_layers(net) selects every layer;
// select_layers(net, "0-3,7") (<spad/io.hpp>) reads the text of --layers.
//
// OPTIMIZE A NETWORK  (`spad optimize --model M --buffer B --json`)
//   NetworkResult optimize_network(net, selection, machine, options, progress = {})
//   machine.capacity_bytes must be set; options as for optimize() (threads,
//   space, objective, tie_break). A layer that does not fit is not an error:
//   its search.best is empty (NetworkLayerResult::fits() == false) and
//   search.min_capacity_bytes says what it needs.
//   NetworkResult     model, machine, space, layers (one NetworkLayerResult per
//                     selected layer, graph order), not_scheduled / skipped /
//                     warnings (copied from the import), unique_shapes (searches
//                     run), precision_source.
//   NetworkLayerResult index (into net.layers), layer (NetworkLayer), search
//                     (SearchResult: best = schedule + traffic), compulsory_bytes,
//                     searched_as (position, in `layers`, of the layer whose
//                     search it copies; its own position when searched).
//   network_totals(r) -> NetworkTotals: layers, macs, traffic_bytes (layers that
//                     fit), compulsory_bytes (every layer), infeasible_layers,
//                     scheduled_compulsory_bytes (layers that fit).
//
// COMPARE WITH THE BASELINES  (`spad compare --json`)
//   CompareResult compare_network(net, selection, machine, threads, progress = {})
//   The optimum (as optimize_network) and, per layer, the lower bound
//   (LowerBound: compulsory_bytes, pebble_bytes, bound_bytes), the seven
//   baselines (Baseline: weight_stationary, output_stationary,
//   input_stationary, hwce_v1, hwce_v2, hwce_v4, working_set; baseline_name(b)
//   gives the JSON key; docs/dataflows.md), each an optional Candidate (empty:
//   it does not fit), and working_set_capacity_bytes (the smallest capacity at
//   which the working-set model moves no more than the optimum; empty when the
//   optimum does not fit). CompareResult: network (a NetworkResult), layers
//   (LayerComparison, parallel to network.layers). baseline_total(r, b):
//   a baseline's traffic and the optimum's over the layers where both fit;
//   lower_bound_total(r): the bound over every layer.
//
// ON AN ACCELERATOR  (`spad accel --machine FILE --json`)
//   AccelResult accel_network(net, selection, accel, AccelRunOptions, progress = {})
//   AccelRunOptions: objective (Objective::traffic | latency | energy; default
//   latency), baselines (also the fixed dataflows and the HWCE-like engine on
//   the accelerator, default true), threads, given (cost this schedule of the
//   one selected layer instead of searching: it must fit). The accelerator
//   is validated first (an Accelerator built in code gets the checks a
//   machine file gets: UserError "mac_array.unroll.m = 0: ..."); the searched
//   machine is accel.machine (its capacity, precisions, options).
//   AccelResult: network (NetworkResult), accel, objective, with_baselines,
//   given_schedule, layers (LayerAccel, parallel: cost (AccelCost of the
//   optimum: compute/transfer/exposed/latency cycles, energy in fJ, the MAC
//   array's activity; empty when the layer does not fit), baselines (indexed
//   by Baseline, set for kAccelBaselines), baseline_overflow).
//   accel_totals(r) -> AccelTotals (sums over the layers that fit; frames per
//   pass = the first layer's batch); accel_baseline_total(r, b);
//   seconds(accel, cycles).
//
// SEVERAL ACCELERATORS SIDE BY SIDE  (`spad accel --machine A --machine B --json`)
//   AccelComparison compare_accelerators(net, selection, accels, files, options,
//                                        given = {}, progress = {})
//   machines[i] is exactly accel_network(net, selection, accels[i], ...).
//   `files` labels each accelerator in messages (one per accelerator; a file
//   name, or any label for one built in code). `given`: empty, or one optional
//   schedule per accelerator (then options.given must be empty). Each
//   accelerator is validated (UserError "LABEL: field = value: why"); with two
//   or more they must be comparable: distinct labels and names, the same
//   element sizes (UserError naming both). Latencies compare in seconds
//   (compare_latency: each machine has its own clock). best_machine(c, layer)
//   and best_total_machine(c) (empty unless totals_comparable(c): every
//   machine scheduled every layer) pick the least objective, earlier machine
//   on ties.
//
// CAPACITY SWEEP  (`spad sweep --json`)
//   SweepResult sweep(networks, SweepOptions)
//   The exact optimum of every layer of each network at every capacity of
//   options.capacities (ascending, each >= 1 byte), with the network totals,
//   the compulsory traffic and the lower bound at each point; baselines, a
//   target ratio and the knee on request; on accelerators
//   (options.accelerators, validated) per objective. Traffic never increases
//   with capacity. A network's own element sizes (Network::precision) replace
//   options.machine's precisions, as in `spad optimize`. Rows:
//   result.row(network, capacity_index[, machine]).
//
// ERRORS. UserError (message as the CLI prints it) for: a machine without a
// capacity ("optimize needs a scratchpad capacity ..."), a capacity < 1 or a
// bad precision in a Machine built in code ("buffer capacity = 0 bytes: must
// be positive", "precision w = 0: ..."), a bad Accelerator (see above), a
// latency or energy objective without an accelerator, a given schedule that
// does not fit or is invalid for the layer, a cost beyond int64 (naming the
// layer); for sweep, no network, a network without layers, no capacity or a
// capacity < 1; a selection index out of range or not ascending ("layer
// selection: index 9 is out of range; ..."). InternalError (the caller's
// slip, checked as an invariant) for compare_accelerators without an
// accelerator, `files` / `given` of the wrong length, or schedules given both
// in `given` and in options.given.
//
// PROGRESS. StudyProgress{stage, step}: stage(name, unit, total) as each stage
// starts ("optimum", then "baselines" for compare or "dataflows" for accel),
// step() after each job, called from worker threads (make it thread-safe).
// Leave it empty to ignore progress. SweepOptions::progress(done, total)
// likewise for the sweep.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "spad/search.hpp"
#include "spad/values.hpp"
#include "study/accel_comparison.hpp"
#include "study/accel_network.hpp"
#include "study/accel_result.hpp"
#include "study/compare_network.hpp"
#include "study/compare_result.hpp"
#include "study/network_result.hpp"
#include "study/optimize_network.hpp"
#include "study/study_progress.hpp"
#include "study/sweep.hpp"

namespace spad {

// Compile-checked restatements of the functions documented above (default
// arguments come from the internal declarations).
std::vector<std::size_t> all_layers(const Network& net);
NetworkResult optimize_network(const Network& net, const std::vector<std::size_t>& selection,
                               const Machine& machine, const SearchOptions& options,
                               const StudyProgress& progress);
NetworkTotals network_totals(const NetworkResult& result);

CompareResult compare_network(const Network& net, const std::vector<std::size_t>& selection,
                              const Machine& machine, int threads, const StudyProgress& progress);
BaselineTotal baseline_total(const CompareResult& result, Baseline baseline);
Count lower_bound_total(const CompareResult& result);
std::string_view baseline_name(Baseline baseline);

AccelResult accel_network(const Network& net, const std::vector<std::size_t>& selection,
                          const Accelerator& accel, const AccelRunOptions& options,
                          const StudyProgress& progress);
AccelTotals accel_totals(const AccelResult& result);
AccelBaselineTotal accel_baseline_total(const AccelResult& result, Baseline baseline);
double seconds(const Accelerator& accel, Count cycles);

AccelComparison compare_accelerators(const Network& net, const std::vector<std::size_t>& selection,
                                     const std::vector<Accelerator>& accels,
                                     const std::vector<std::string>& files,
                                     const AccelRunOptions& options,
                                     const std::vector<std::optional<Schedule>>& given,
                                     const StudyProgress& progress);
int compare_latency(Count a_cycles, const Accelerator& x, Count b_cycles, const Accelerator& y);
std::optional<std::size_t> best_machine(const AccelComparison& c, std::size_t layer);
bool totals_comparable(const AccelComparison& c);
std::optional<std::size_t> best_total_machine(const AccelComparison& c);

SweepResult sweep(const std::vector<Network>& networks, const SweepOptions& options);

}  // namespace spad
