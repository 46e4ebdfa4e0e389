// Deduplicated, parallel level search over a network's layers.
#include "study/optimize_network_levels.hpp"

#include "base/parallel_run.hpp"
#include "model/level_evaluate.hpp"
#include "search/level_min_capacity.hpp"
#include "search/level_search_size.hpp"
#include "study/layer_machine.hpp"
#include "study/layer_shapes.hpp"

namespace spad {

namespace {

// The level search of every distinct shape once; `machine_of(layer)` is the
// machine a layer is searched on, `search(layer, machine, threads)` runs it
// (in `space`, which the pre-check of the search's size takes too).
template <class MachineOf, class Search>
NetworkLevelResult search_network_levels(const Network& net,
                                         const std::vector<std::size_t>& selection,
                                         const MemoryLevels& machine, int threads,
                                         const StudyProgress& progress,
                                         const LevelSearchSpace& space, MachineOf machine_of,
                                         Search search) {
  validate(space, machine.levels.size());
  NetworkLevelResult result;
  result.space = space;
  result.model = net.model;
  result.machine = machine;
  result.not_scheduled = net.not_scheduled;
  std::vector<NetworkLayer> selected;
  for (std::size_t i : selection) selected.push_back(net.layers.at(i));
  const std::vector<std::size_t> first = first_of_shape(selected, machine.precision);
  std::vector<std::size_t> unique;
  for (std::size_t k = 0; k < selection.size(); ++k) {
    NetworkLevelLayerResult r;
    r.index = selection[k];
    r.layer = net.layers[selection[k]];
    r.searched_as = first[k];
    r.bounds = level_lower_bounds(Layer(r.layer.spec), machine_of(r.layer));
    r.min_capacities_bytes =
        smallest_level_capacities(Layer(r.layer.spec), machine_of(r.layer), space);
    if (first[k] == k) unique.push_back(k);
    result.layers.push_back(std::move(r));
  }
  result.unique_shapes = unique.size();
  // Every shape is checked against the search's limit before any runs, so a
  // network beyond it is refused at once (naming its first such layer).
  if (machine.levels.size() > 1)
    for (std::size_t u : unique)
      check_level_search_size(Layer(result.layers[u].layer.spec), machine.levels.size(), space);
  const std::vector<std::size_t> order = largest_first(
      unique, [&](std::size_t u) { return Layer(result.layers[u].layer.spec).macs(); });
  const ThreadSplit split = split_threads(threads, order.size());
  progress.start("optimum", "layer shapes searched", static_cast<std::int64_t>(order.size()));
  run_parallel(
      order, split.workers,
      [&](std::size_t u) {
        const NetworkLayer& layer = result.layers[u].layer;
        result.layers[u].search = search(layer, machine_of(layer), split.per_job);
      },
      progress.step);
  for (std::size_t i = 0; i < result.layers.size(); ++i)
    if (result.layers[i].searched_as != i)
      result.layers[i].search = result.layers[result.layers[i].searched_as].search;
  return result;
}

}  // namespace

NetworkLevelResult optimize_network_levels(const Network& net,
                                           const std::vector<std::size_t>& selection,
                                           const MemoryLevels& machine, int threads,
                                           const StudyProgress& progress,
                                           const LevelSearchSpace& space) {
  return search_network_levels(
      net, selection, machine, threads, progress, space,
      [&](const NetworkLayer& layer) { return layer_machine(machine, layer); },
      [&](const NetworkLayer& layer, const MemoryLevels& m, int per_job) {
        return optimize_levels(Layer(layer.spec), m, {.threads = per_job, .space = space});
      });
}

LevelAccelerator layer_accelerator(LevelAccelerator accel, const NetworkLayer& layer) {
  accel.memory.precision = layer_precision(accel.memory.precision, layer.kind);
  return accel;
}

NetworkLevelResult optimize_network_levels(const Network& net,
                                           const std::vector<std::size_t>& selection,
                                           const LevelAccelerator& accel, Objective objective,
                                           int threads, const StudyProgress& progress,
                                           const LevelSearchSpace& space) {
  return search_network_levels(
      net, selection, accel.memory, threads, progress, space,
      [&](const NetworkLayer& layer) { return layer_accelerator(accel, layer).memory; },
      [&](const NetworkLayer& layer, const MemoryLevels&, int per_job) {
        const LevelAccelerator on = layer_accelerator(accel, layer);
        LevelSearchOptions options;
        options.threads = per_job;
        options.objective = LevelObjective{objective, &on};
        options.space = space;
        return optimize_levels(Layer(layer.spec), on.memory, options);
      });
}

std::vector<std::optional<LevelAccelCost>> network_level_accel_costs(
    const NetworkLevelResult& result, const LevelAccelerator& accel) {
  std::vector<std::optional<LevelAccelCost>> out;
  for (const NetworkLevelLayerResult& r : result.layers) {
    if (!r.search.best) {
      out.emplace_back();
      continue;
    }
    const LevelCandidate& c = *r.search.best;
    out.emplace_back(level_accel_cost(Layer(r.layer.spec), c.schedule,
                                      layer_accelerator(accel, r.layer), c.traffic));
  }
  return out;
}

std::size_t network_level_infeasible_layers(const NetworkLevelResult& result) {
  std::size_t n = 0;
  for (const NetworkLevelLayerResult& r : result.layers) n += r.search.best ? 0 : 1;
  return n;
}

std::vector<Count> network_level_traffic(const NetworkLevelResult& result) {
  std::vector<Count> total(result.machine.levels.size(), 0);
  for (const NetworkLevelLayerResult& r : result.layers) {
    if (!r.search.best) continue;
    for (std::size_t l = 0; l < total.size(); ++l)
      total[l] = add(total[l], r.search.best->traffic.levels[l].traffic_bytes);
  }
  return total;
}

}  // namespace spad
