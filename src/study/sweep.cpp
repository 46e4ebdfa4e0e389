// The sweep: shapes answered at every capacity, then rows assembled per network.
#include "study/sweep.hpp"

#include "base/error.hpp"
#include "model/accel_cost.hpp"
#include "model/evaluate.hpp"
#include "model/lower_bound.hpp"
#include "search/dataflows.hpp"
#include "study/shape_optima.hpp"

namespace spad {
namespace {

// The searched baselines, in the order of their spaces after the optimum's.
constexpr std::array<Baseline, 4> kSearchedBaselines = {
    Baseline::weight_stationary, Baseline::output_stationary, Baseline::input_stationary,
    Baseline::working_set};

std::vector<SearchSpace> spaces_of(const SweepOptions& options) {
  std::vector<SearchSpace> spaces{options.space};
  if (!options.baselines) return spaces;
  spaces.push_back(dataflow_space(Dataflow::weight_stationary));
  spaces.push_back(dataflow_space(Dataflow::output_stationary));
  spaces.push_back(dataflow_space(Dataflow::input_stationary));
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
    if (options.baselines)
      throw UserError("sweep: baselines are not available on a machine file (--machine) yet");
    if (options.target_ratio || options.knee_share)
      throw UserError(
          "sweep: --target-ratio and --knee are questions about traffic on a plain "
          "machine; leave out --machine");
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
                            const SweepOptions& options, const Machine& machine) {
  const Layer& layer = optima.layer(shape);
  SweepLayerPoint point;
  CapacityOptima& o = optima.optima(shape);
  point.best = o.at(capacity).best;
  if (const auto accel = o.accelerator(capacity); accel && point.best) {
    try {
      point.cost = accel_cost(layer, point.best->schedule, *accel, point.best->traffic);
    } catch (const UserError& e) {
      throw UserError("layer " + layer.name() + ": " + e.what() +
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

  if (options.accelerators.empty()) {
    result.machines.push_back(SweepMachine{});
  } else {
    const std::vector<Objective> objectives = options.objectives.empty()
                                                  ? std::vector<Objective>{Objective::traffic}
                                                  : options.objectives;
    for (const Accelerator& a : options.accelerators)
      for (Objective o : objectives) result.machines.push_back(SweepMachine{a, o});
  }

  // Per machine: every shape at every capacity once; layers copy their
  // shape's point.
  const std::size_t caps = options.capacities.size();
  std::vector<std::vector<std::vector<SweepLayerPoint>>> points;  // [machine][shape][capacity]
  std::optional<ShapeOptima> plain;  // the plain machine's, for the capacity questions
  for (const SweepMachine& sm : result.machines) {
    const Machine machine = sm.accelerator ? sm.accelerator->machine : result.machine;
    const auto accel =
        sm.accelerator ? std::make_shared<const Accelerator>(*sm.accelerator) : nullptr;
    ShapeOptima optima(networks, machine, spaces_of(options), options.threads, accel, sm.objective);
    optima.answer(optima.all_shapes(), options.capacities);
    auto& per_shape = points.emplace_back(optima.shapes());
    for (std::size_t s = 0; s < optima.shapes(); ++s)
      for (Count c : options.capacities)
        per_shape[s].push_back(shape_point(optima, s, c, options, machine));
    result.stats.unique_shapes = static_cast<Count>(optima.shapes());
    result.stats.searches += optima.searches();
    result.stats.answers += static_cast<Count>(optima.shapes() * caps);
    if (!sm.accelerator) plain.emplace(std::move(optima));
  }
  // The layer -> shape map is the same for every machine.
  ShapeOptima shapes_only(networks, result.machine, {options.space}, 1);

  for (std::size_t n = 0; n < networks.size(); ++n)
    for (std::size_t m = 0; m < result.machines.size(); ++m)
      for (std::size_t ci = 0; ci < caps; ++ci) {
        SweepRow row;
        row.network = n;
        row.machine = m;
        row.capacity_bytes = options.capacities[ci];
        Count traffic = 0, latency = 0, energy = 0;
        for (std::size_t l = 0; l < networks[n].layers.size(); ++l) {
          const std::size_t s = shapes_only.shape_of(n, l);
          const SweepLayerPoint& p = points[m][s][ci];
          row.layers += 1;
          row.macs = add(row.macs, shapes_only.layer(s).macs());
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
            t.traffic_bytes =
                add(t.traffic_bytes.value_or(0), p.baselines[b]->traffic.traffic_bytes);
          }
          row.layer_points.push_back(p);
        }
        if (row.infeasible_layers == 0) {
          row.traffic_bytes = traffic;
          if (result.machines[m].accelerator) {
            row.latency_cycles = latency;
            row.energy_fj = energy;
          }
        }
        for (SweepBaselineTotal& t : row.baselines)
          if (t.layers_fit != row.layers) t.traffic_bytes = std::nullopt;
        result.rows.push_back(std::move(row));
      }

  if (plain && options.target_ratio)
    result.targets =
        target_capacities(*plain, networks, options.machine.precision, *options.target_ratio);
  if (plain && options.knee_share)
    result.knees = knees(*plain, networks, options.capacities, *options.knee_share);
  if (plain) result.stats.searches = plain->searches();
  return result;
}

}  // namespace spad
