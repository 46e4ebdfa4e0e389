// The sweep: shapes answered at every capacity, then rows assembled per network.
#include "study/sweep.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>

#include "base/error.hpp"
#include "model/accel_cost.hpp"
#include "model/evaluate.hpp"
#include "model/lower_bound.hpp"
#include "search/baselines.hpp"
#include "study/shape_optima.hpp"
#include "study/sweep_machines.hpp"

namespace spad {
namespace {

// The searched baselines, in the order of their spaces after the optimum's.
constexpr std::array<Baseline, 4> kSearchedBaselines = {
    Baseline::weight_stationary, Baseline::output_stationary, Baseline::input_stationary,
    Baseline::working_set};

std::vector<SearchSpace> spaces_of(const SweepOptions& options) {
  std::vector<SearchSpace> spaces{options.space};
  if (!options.baselines) return spaces;
  spaces.push_back(dataflow_space(Baseline::weight_stationary));
  spaces.push_back(dataflow_space(Baseline::output_stationary));
  spaces.push_back(dataflow_space(Baseline::input_stationary));
  SearchSpace uniform;
  uniform.uniform_spans = true;
  spaces.push_back(uniform);
  return spaces;
}

void check(const std::vector<Network>& networks, const SweepOptions& options) {
  if (networks.empty()) throw UserError("sweep: no network given");
  for (const Network& net : networks)
    if (net.layers.empty())
      throw UserError("sweep: network " + net.model + " has no conv or fully-connected layer");
  if (options.capacities.empty()) throw UserError("sweep: no capacity given");
  if (!options.accelerators.empty()) {
    for (const Accelerator& a : options.accelerators) validate(a);
  }
  for (std::size_t i = 0; i < options.capacities.size(); ++i) {
    if (options.capacities[i] < 1)
      throw UserError("sweep: capacity " + std::to_string(options.capacities[i]) +
                      ": must be at least 1 byte");
    SPAD_CHECK(i == 0 || options.capacities[i - 1] < options.capacities[i],
               "sweep capacities not ascending and distinct");
  }
  validate(options.machine);
}

// One shape at one capacity: the optimum, its cost on an accelerator, bounds
// and baselines.
SweepLayerPoint shape_point(ShapeOptima& optima, std::size_t shape, Count capacity,
                            const SweepOptions& options) {
  const Machine& machine = optima.machine(shape);
  const Layer& layer = optima.layer(shape);
  SweepLayerPoint point;
  CapacityOptima& o = optima.optima(shape);
  point.best = o.at(capacity).best;
  if (const auto accel = o.accelerator(capacity); accel && point.best) {
    try {
      point.cost = accel_cost(layer, point.best->schedule, *accel, point.best->traffic);
    } catch (const UserError& e) {
      throw UserError("layer " + layer.display_name() + ": " + e.what() +
                      " (lower the energies or the DMA setup of the machine file)");
    }
  }
  const LowerBound bound = lower_bound(layer, machine.precision, capacity);
  point.compulsory_bytes = bound.compulsory_bytes;
  point.lower_bound_bytes = bound.bound_bytes;
  if (!options.baselines) return point;
  for (std::size_t k = 0; k < kSearchedBaselines.size(); ++k)
    point.baselines[static_cast<std::size_t>(kSearchedBaselines[k])] =
        optima.optima(shape, k + 1).at(capacity).best;
  Machine at = machine;
  at.capacity_bytes = capacity;
  for (Baseline b : kAllBaselines)
    if (const Count v = hwce_maps_per_pass(b); v > 0)
      point.baselines[static_cast<std::size_t>(b)] = hwce_baseline(layer, at, v);
  return point;
}

// The networks searched together on one machine: on the plain machine, those
// with the same element sizes (a network's own precision replaces the
// machine's); on an accelerator, all of them (its file sets the sizes, as in
// `spad accel`).
struct Group {
  Machine machine;
  std::vector<std::size_t> networks;
};

std::vector<Group> groups_of(const std::vector<Network>& networks, const Machine& plain,
                             const SweepMachine& sm) {
  std::vector<Group> groups;
  for (std::size_t n = 0; n < networks.size(); ++n) {
    Machine machine = sm.accelerator ? sm.accelerator->machine : plain;
    if (!sm.accelerator && networks[n].precision) machine.precision = *networks[n].precision;
    std::size_t g = 0;
    while (g < groups.size() && !(groups[g].machine == machine)) ++g;
    if (g == groups.size()) groups.push_back(Group{machine, {}});
    groups[g].networks.push_back(n);
  }
  return groups;
}

SweepRow make_row(const Network& net, const ShapeOptima& optima, std::size_t k,
                  const std::vector<std::vector<SweepLayerPoint>>& points, std::size_t ci,
                  bool on_accelerator) {
  SweepRow row;
  Count traffic = 0, latency = 0, energy = 0;
  for (std::size_t l = 0; l < net.layers.size(); ++l) {
    const std::size_t s = optima.shape_of(k, l);
    const SweepLayerPoint& p = points[s][ci];
    row.layers += 1;
    row.macs = add(row.macs, optima.layer(s).macs());
    row.compulsory_bytes = add(row.compulsory_bytes, p.compulsory_bytes);
    row.lower_bound_bytes = add(row.lower_bound_bytes, p.lower_bound_bytes);
    if (p.best) {
      traffic = add(traffic, p.best->traffic.traffic_bytes);
    } else {
      row.infeasible_layers += 1;
    }
    if (p.cost) {
      latency = add(latency, p.cost->latency_cycles);
      energy = add(energy, p.cost->energy.total);
    }
    for (std::size_t b = 0; b < kNumBaselines; ++b) {
      if (!p.baselines[b]) continue;
      SweepBaselineTotal& t = row.baselines[b];
      t.layers_fit += 1;
      t.traffic_bytes = add(t.traffic_bytes.value_or(0), p.baselines[b]->traffic.traffic_bytes);
    }
    row.layer_points.push_back(p);
  }
  if (row.infeasible_layers == 0) {
    row.traffic_bytes = traffic;
    if (on_accelerator) {
      row.latency_cycles = latency;
      row.energy_fj = energy;
    }
  }
  for (SweepBaselineTotal& t : row.baselines)
    if (t.layers_fit != row.layers) t.traffic_bytes = std::nullopt;
  return row;
}

}  // namespace

SweepResult sweep(const std::vector<Network>& networks, const SweepOptions& options) {
  check(networks, options);
  SweepResult result;
  result.networks = networks;
  result.capacities = options.capacities;
  result.machine = options.machine;
  result.machine.capacity_bytes = std::nullopt;
  result.space = options.space;
  result.baselines = options.baselines;

  result.machines = sweep_machines<SweepMachine>(options.accelerators, options.objectives);
  const std::size_t caps = options.capacities.size();
  result.rows.resize(networks.size() * result.machines.size() * caps);
  if (options.target_ratio && options.accelerators.empty()) {
    result.targets.emplace();
    result.targets->ratio = *options.target_ratio;
    result.targets->networks.resize(networks.size());
    result.targets->layers.resize(networks.size());
  }
  if (options.knee_share && options.accelerators.empty()) {
    result.knees.emplace();
    result.knees->share = *options.knee_share;
    result.knees->networks.resize(networks.size());
    result.knees->layers.resize(networks.size());
  }

  // Every (machine, group of networks) with its shapes, built first so the
  // progress line knows its total: one step per (shape, space) answered over
  // the capacities, plus the steps of the target and knee questions.
  struct Plan {
    std::size_t machine = 0;
    Group group;
    std::vector<Network> nets;
    std::shared_ptr<const Accelerator> accel;
    std::unique_ptr<ShapeOptima> optima;
  };
  std::vector<Plan> plans;
  std::int64_t total_steps = 0;
  for (std::size_t m = 0; m < result.machines.size(); ++m) {
    const SweepMachine& sm = result.machines[m];
    const auto accel =
        sm.accelerator ? std::make_shared<const Accelerator>(*sm.accelerator) : nullptr;
    for (Group& group : groups_of(networks, result.machine, sm)) {
      Plan& plan = plans.emplace_back();
      plan.machine = m;
      for (std::size_t n : group.networks) plan.nets.push_back(networks[n]);
      plan.accel = accel;
      plan.optima = std::make_unique<ShapeOptima>(plan.nets, group.machine, spaces_of(options),
                                                  options.threads, accel, sm.objective);
      plan.group = std::move(group);
      const ShapeOptima& o = *plan.optima;
      total_steps += static_cast<std::int64_t>(o.shapes() * o.spaces());
      if (!accel && options.target_ratio)
        total_steps += static_cast<std::int64_t>(target_steps(o, plan.nets));
      if (!accel && options.knee_share) total_steps += static_cast<std::int64_t>(knee_steps(o));
    }
  }
  // The target and knee of each machine file: on its least traffic, a plain
  // search on its scratchpad options (SweepResult::machine_answers).
  std::vector<std::unique_ptr<ShapeOptima>> traffic_optima;
  if (!options.accelerators.empty() && (options.target_ratio || options.knee_share))
    for (const Accelerator& a : options.accelerators) {
      const ShapeOptima& o = *traffic_optima.emplace_back(std::make_unique<ShapeOptima>(
          networks, a.machine, std::vector<SearchSpace>{options.space}, options.threads));
      if (options.target_ratio) total_steps += static_cast<std::int64_t>(target_steps(o, networks));
      if (options.knee_share) total_steps += static_cast<std::int64_t>(knee_steps(o));
    }
  std::mutex progress_mutex;
  std::int64_t done_steps = 0;
  std::function<void()> step;
  if (options.progress) {
    options.progress(0, total_steps);
    step = [&] {
      const std::lock_guard lock(progress_mutex);
      options.progress(++done_steps, total_steps);
    };
  }

  for (Plan& plan : plans) {
    const std::size_t m = plan.machine;
    const Group& group = plan.group;
    const std::vector<Network>& nets = plan.nets;
    const auto& accel = plan.accel;
    ShapeOptima& optima = *plan.optima;
    optima.answer(optima.all_shapes(), options.capacities, step);
    // Every shape at every capacity once; layers copy their shape's point.
    std::vector<std::vector<SweepLayerPoint>> points(optima.shapes());
    for (std::size_t s = 0; s < optima.shapes(); ++s)
      for (Count c : options.capacities) points[s].push_back(shape_point(optima, s, c, options));
    for (std::size_t k = 0; k < nets.size(); ++k) {
      const std::size_t n = group.networks[k];
      for (std::size_t ci = 0; ci < caps; ++ci) {
        SweepRow row = make_row(nets[k], optima, k, points, ci, accel != nullptr);
        row.network = n;
        row.machine = m;
        row.capacity_bytes = options.capacities[ci];
        result.rows[(n * result.machines.size() + m) * caps + ci] = std::move(row);
      }
    }
    if (!accel && options.target_ratio) {
      const TargetCapacities t = target_capacities(optima, nets, *options.target_ratio, step);
      for (std::size_t k = 0; k < nets.size(); ++k) {
        result.targets->networks[group.networks[k]] = t.networks[k];
        result.targets->layers[group.networks[k]] = t.layers[k];
      }
    }
    if (!accel && options.knee_share) {
      const Knees kn = knees(optima, nets, options.capacities, *options.knee_share, step);
      for (std::size_t k = 0; k < nets.size(); ++k) {
        result.knees->networks[group.networks[k]] = kn.networks[k];
        result.knees->layers[group.networks[k]] = kn.layers[k];
      }
    }
    if (m == 0) result.stats.unique_shapes += static_cast<Count>(optima.shapes());
    result.stats.searches += optima.searches();
    result.stats.answers += static_cast<Count>(optima.shapes() * caps);
  }
  for (std::size_t a = 0; a < traffic_optima.size(); ++a) {
    const Accelerator& accel = options.accelerators[a];
    SweepMachineAnswers& answers = result.machine_answers.emplace_back();
    answers.machine = accel.name;
    if (options.target_ratio)
      answers.targets =
          target_capacities(*traffic_optima[a], networks, *options.target_ratio, step);
    if (options.knee_share)
      answers.knees =
          knees(*traffic_optima[a], networks, options.capacities, *options.knee_share, step);
  }
  return result;
}

}  // namespace spad
