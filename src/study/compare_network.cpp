// Optimum, bound and baselines of every selected layer.
#include "study/compare_network.hpp"

#include <memory>

#include "base/parallel_run.hpp"
#include "search/baselines.hpp"
#include "study/layer_machine.hpp"
#include "study/layer_shapes.hpp"
#include "study/optimize_network.hpp"

namespace spad {
namespace {

// The searching jobs of one shape; the HWCE baselines are single evaluations
// and run inline.
enum class Job { weight_stationary, output_stationary, input_stationary, working_set, capacity };
constexpr std::size_t kJobsPerShape = 5;

void run_job(Job job, const Layer& layer, const Machine& machine, const Candidate& optimum,
             const SearchOptions& run, LayerComparison& out) {
  const auto set = [&](Baseline b, std::optional<Candidate> c) {
    out.baselines[static_cast<std::size_t>(b)] = std::move(c);
  };
  switch (job) {
    case Job::weight_stationary:
      set(Baseline::weight_stationary,
          dataflow_optimum(layer, machine, Baseline::weight_stationary, run));
      break;
    case Job::output_stationary:
      set(Baseline::output_stationary,
          dataflow_optimum(layer, machine, Baseline::output_stationary, run));
      break;
    case Job::input_stationary:
      set(Baseline::input_stationary,
          dataflow_optimum(layer, machine, Baseline::input_stationary, run));
      break;
    case Job::working_set:
      set(Baseline::working_set, working_set_optimum(layer, machine, run));
      break;
    case Job::capacity: {
      SearchSpace uniform;
      uniform.uniform_spans = true;
      out.working_set_capacity_bytes = smallest_capacity_for_traffic(
          layer, machine, optimum.traffic.traffic_bytes, uniform, run);
      break;
    }
  }
}

}  // namespace

CompareResult compare_network(const Network& net, const std::vector<std::size_t>& selection,
                              const Machine& machine, int threads, const StudyProgress& progress) {
  const auto templates = std::make_shared<TemplateCache>();
  SearchOptions options;
  options.threads = threads;
  options.templates = templates;

  CompareResult result;
  result.network = optimize_network(net, selection, machine, options, progress);
  const std::vector<NetworkLayerResult>& layers = result.network.layers;
  result.layers.resize(layers.size());

  // Shapes searched (first of each shape) whose optimum fits, largest first.
  std::vector<std::size_t> shapes;
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const Layer layer(layers[i].layer.spec);
    const Machine own = layer_machine(machine, layers[i].layer);
    result.layers[i].bound = lower_bound(layer, own.precision, own.capacity_bytes.value());
    if (layers[i].searched_as != i || !layers[i].fits()) continue;
    shapes.push_back(i);
    for (Baseline b : kAllBaselines)
      if (const Count v = hwce_maps_per_pass(b); v > 0)
        result.layers[i].baselines[static_cast<std::size_t>(b)] = hwce_baseline(layer, own, v);
  }
  shapes = largest_first(shapes, [&](std::size_t i) { return Layer(layers[i].layer.spec).macs(); });

  std::vector<std::size_t> jobs(shapes.size() * kJobsPerShape);
  for (std::size_t k = 0; k < jobs.size(); ++k) jobs[k] = k;
  const ThreadSplit split = split_threads(threads, jobs.size());
  SearchOptions run;
  run.threads = split.per_job;
  run.templates = templates;
  progress.start("baselines", "searches", static_cast<std::int64_t>(jobs.size()));
  run_parallel(
      jobs, split.workers,
      [&](std::size_t k) {
        const std::size_t i = shapes[k / kJobsPerShape];
        run_job(static_cast<Job>(k % kJobsPerShape), Layer(layers[i].layer.spec),
                layer_machine(machine, layers[i].layer), *layers[i].search.best, run,
                result.layers[i]);
      },
      progress.step);
  for (std::size_t i = 0; i < layers.size(); ++i)
    if (layers[i].searched_as != i) {
      const LowerBound bound = result.layers[i].bound;
      result.layers[i] = result.layers[layers[i].searched_as];
      result.layers[i].bound = bound;
    }
  return result;
}

}  // namespace spad
