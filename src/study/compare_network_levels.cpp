// Level optimum and level baselines of every selected layer.
#include "study/compare_network_levels.hpp"

#include "base/parallel_run.hpp"
#include "study/layer_machine.hpp"
#include "study/layer_shapes.hpp"

namespace spad {

CompareLevelResult compare_network_levels(const Network& net,
                                          const std::vector<std::size_t>& selection,
                                          const MemoryLevels& machine, int threads,
                                          const StudyProgress& progress) {
  CompareLevelResult result;
  result.network = optimize_network_levels(net, selection, machine, threads, progress);
  const std::vector<NetworkLevelLayerResult>& layers = result.network.layers;
  result.layers.resize(layers.size());

  // Shapes searched (first of each shape) whose optimum fits, largest first.
  std::vector<std::size_t> shapes;
  for (std::size_t i = 0; i < layers.size(); ++i)
    if (layers[i].searched_as == i && layers[i].search.best) shapes.push_back(i);
  shapes = largest_first(shapes, [&](std::size_t i) { return Layer(layers[i].layer.spec).macs(); });

  const std::size_t per_shape = kLevelBaselines.size();
  std::vector<std::size_t> jobs(shapes.size() * per_shape);
  for (std::size_t k = 0; k < jobs.size(); ++k) jobs[k] = k;
  const ThreadSplit split = split_threads(threads, jobs.size());
  progress.start("baselines", "searches", static_cast<std::int64_t>(jobs.size()));
  run_parallel(
      jobs, split.workers,
      [&](std::size_t k) {
        const std::size_t i = shapes[k / per_shape];
        const Baseline b = kLevelBaselines[k % per_shape];
        result.layers[i].baselines[static_cast<std::size_t>(b)] =
            level_baseline_optimum(Layer(layers[i].layer.spec),
                                   layer_machine(machine, layers[i].layer), b,
                                   {.threads = split.per_job})
                .best;
      },
      progress.step);
  for (std::size_t i = 0; i < layers.size(); ++i)
    if (layers[i].searched_as != i) result.layers[i] = result.layers[layers[i].searched_as];
  return result;
}

LevelBaselineTotal level_baseline_total(const CompareLevelResult& result, Baseline baseline) {
  const std::size_t L = result.network.machine.levels.size();
  LevelBaselineTotal total;
  total.traffic_bytes.assign(L, 0);
  total.optimum_traffic_bytes.assign(L, 0);
  for (std::size_t i = 0; i < result.layers.size(); ++i) {
    const std::optional<LevelCandidate>& b = result.layers[i].baseline(baseline);
    const std::optional<LevelCandidate>& opt = result.network.layers[i].search.best;
    if (!b || !opt) continue;
    ++total.layers;
    for (std::size_t l = 0; l < L; ++l) {
      total.traffic_bytes[l] = add(total.traffic_bytes[l], b->traffic.levels[l].traffic_bytes);
      total.optimum_traffic_bytes[l] =
          add(total.optimum_traffic_bytes[l], opt->traffic.levels[l].traffic_bytes);
    }
  }
  return total;
}

}  // namespace spad
