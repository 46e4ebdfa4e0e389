// Optimum, cycles, energy and baselines of every selected layer.
#include "study/accel_network.hpp"

#include <memory>

#include "base/error.hpp"
#include "base/parallel_run.hpp"
#include "model/evaluate.hpp"
#include "search/baselines.hpp"
#include "study/layer_machine.hpp"
#include "study/layer_shapes.hpp"
#include "study/optimize_network.hpp"

namespace spad {

namespace {

constexpr std::array<Baseline, 3> kSearched = kFixedDataflows;

// The optimum's cost; a cost beyond int64 is a UserError naming the layer.
CostedSchedule costed_optimum(const Layer& layer, const Accelerator& accel, const Candidate& c) {
  try {
    return CostedSchedule{c, accel_cost(layer, c.schedule, accel, c.traffic)};
  } catch (const UserError& e) {
    throw UserError("layer " + layer.display_name() + ": " + e.what() +
                    " (lower the energies or the DMA setup of the machine file)");
  }
}

// A baseline's cost, or nullopt with `overflow` set when it leaves int64.
std::optional<CostedSchedule> costed_baseline(const Layer& layer, const Accelerator& accel,
                                              const std::optional<Candidate>& c, bool& overflow) {
  if (!c) return std::nullopt;
  const AccelCost cost = accel_cost(layer, c->schedule, accel, c->traffic, OnOverflow::saturate);
  overflow = cost.saturated;
  if (cost.saturated) return std::nullopt;
  return CostedSchedule{*c, cost};
}

// The HWCE-like engine with V maps per pass, on the accelerator with its line
// buffer (halo reuse on).
std::optional<CostedSchedule> hwce(const Layer& layer, const Accelerator& accel, Count maps,
                                   Objective objective, bool& overflow) {
  const std::optional<Schedule> schedule = hwce_schedule(layer, maps);
  if (!schedule) return std::nullopt;
  Accelerator engine = accel;
  engine.machine = hwce_machine(accel.machine);
  const Traffic traffic = evaluate(layer, *schedule, engine.machine);
  if (!traffic.fits) return std::nullopt;
  const AccelCost cost = accel_cost(layer, *schedule, engine, traffic, OnOverflow::saturate);
  overflow = cost.saturated;
  if (cost.saturated) return std::nullopt;
  const ObjectiveValue value = objective_value(objective, cost, traffic.traffic_bytes);
  return CostedSchedule{Candidate{*schedule, traffic, value.primary, value.secondary}, cost};
}

// The network result of one layer whose schedule is given, not searched.
NetworkResult given_network(const Network& net, std::size_t index, const Accelerator& accel,
                            const Schedule& schedule, Objective objective) {
  const Layer layer(net.layers.at(index).spec);
  const Accelerator own = layer_machine(accel, net.layers.at(index).kind);
  validate(schedule, layer);
  const Traffic traffic = evaluate(layer, schedule, own.machine);
  if (!traffic.fits)
    throw UserError("--schedule: its buffers take " + std::to_string(traffic.buffer_bytes) +
                    " bytes, more than the " + std::to_string(*accel.machine.capacity_bytes) +
                    "-byte scratchpad of " + accel.name);
  const ObjectiveValue value =
      objective_value(objective, accel_cost(layer, schedule, own, traffic), traffic.traffic_bytes);
  NetworkResult result;
  result.model = net.model;
  result.machine = accel.machine;
  result.not_scheduled = net.not_scheduled;
  NetworkLayerResult r;
  r.index = index;
  r.layer = net.layers.at(index);
  r.search.best = Candidate{schedule, traffic, value.primary, value.secondary};
  r.search.min_capacity_bytes = smallest_capacity_bytes(layer, own.machine);
  r.compulsory_bytes = traffic.compulsory_bytes;
  result.layers.push_back(std::move(r));
  return result;
}

}  // namespace

AccelResult accel_network(const Network& given_net, const std::vector<std::size_t>& selection,
                          const Accelerator& accel, const AccelRunOptions& run,
                          const StudyProgress& progress) {
  // The machine file's element sizes are the hardware's: the sizes a layer
  // states (NetworkLayer::precision) do not apply here (study/layer_machine).
  Network net = given_net;
  for (NetworkLayer& layer : net.layers) layer.precision.reset();
  validate(accel);  // built in code, it has not been through a machine file's checks
  const auto shared_accel = std::make_shared<const Accelerator>(accel);
  const auto templates = std::make_shared<TemplateCache>();
  SearchOptions options;
  options.threads = run.threads;
  options.templates = templates;
  options.objective = run.objective;
  options.accelerator = shared_accel;
  options.space = run.space;

  AccelResult result;
  result.accel = accel;
  result.objective = run.objective;
  result.with_baselines = run.baselines;
  if (run.given) {
    if (run.space.uniform_spans || run.space.fixed_order || run.space.fixed_spans)
      throw UserError(
          "a given schedule is costed, not searched: it takes no restricted search space");
    check_selection(net, selection);
    if (selection.size() != 1)
      throw UserError("a given schedule is the schedule of one layer; the selection holds " +
                      std::to_string(selection.size()));
    result.given_schedule = true;
    result.network = given_network(net, selection.front(), accel, *run.given, run.objective);
  } else {
    result.network = optimize_network(net, selection, accel.machine, options, progress);
  }
  const std::vector<NetworkLayerResult>& layers = result.network.layers;
  result.layers.resize(layers.size());

  std::vector<std::size_t> shapes;  // searched layers that fit, largest first
  for (std::size_t i = 0; i < layers.size(); ++i) {
    if (layers[i].searched_as != i || !layers[i].fits()) continue;
    const Layer layer(layers[i].layer.spec);
    const Accelerator own = layer_machine(accel, layers[i].layer.kind);
    result.layers[i].cost = costed_optimum(layer, own, *layers[i].search.best).cost;
    shapes.push_back(i);
    if (!run.baselines) continue;
    for (const Baseline baseline : {Baseline::hwce_v1, Baseline::hwce_v2, Baseline::hwce_v4}) {
      const auto b = static_cast<std::size_t>(baseline);
      result.layers[i].baselines[b] = hwce(layer, own, hwce_maps_per_pass(baseline), run.objective,
                                           result.layers[i].baseline_overflow[b]);
    }
  }
  shapes = largest_first(shapes, [&](std::size_t i) { return Layer(layers[i].layer.spec).macs(); });

  if (run.baselines) {
    std::vector<std::size_t> jobs(shapes.size() * kSearched.size());
    for (std::size_t k = 0; k < jobs.size(); ++k) jobs[k] = k;
    const ThreadSplit split = split_threads(run.threads, jobs.size());
    progress.start("dataflows", "searches", static_cast<std::int64_t>(jobs.size()));
    run_parallel(
        jobs, split.workers,
        [&](std::size_t k) {
          const std::size_t i = shapes[k / kSearched.size()];
          const Baseline dataflow = kSearched[k % kSearched.size()];
          const Layer layer(layers[i].layer.spec);
          const auto own =
              std::make_shared<const Accelerator>(layer_machine(accel, layers[i].layer.kind));
          SearchOptions each = options;
          each.threads = split.per_job;
          each.space = dataflow_space(dataflow);
          each.accelerator = own;
          const SearchResult found = optimize(layer, own->machine, each);
          const auto b = static_cast<std::size_t>(dataflow);
          result.layers[i].baselines[b] =
              costed_baseline(layer, *own, found.best, result.layers[i].baseline_overflow[b]);
        },
        progress.step);
  }
  for (std::size_t i = 0; i < layers.size(); ++i)
    if (layers[i].searched_as != i) result.layers[i] = result.layers[layers[i].searched_as];
  return result;
}

}  // namespace spad
