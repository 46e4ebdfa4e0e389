// The several-level sweep: the network level study at every point of the
// product of the levels' capacity sets, rows summed per boundary.
#include "study/level_sweep.hpp"

#include <iterator>
#include <string>

#include "base/error.hpp"
#include "model/accelerator.hpp"
#include "search/level_search_size.hpp"
#include "study/sweep_machines.hpp"

namespace spad {
namespace {

void check(const std::vector<Network>& networks, const LevelSweepOptions& options) {
  if (networks.empty()) throw UserError("sweep: no network given");
  for (const Network& net : networks)
    if (net.layers.empty())
      throw UserError("sweep: network " + net.model + " has no conv or fully-connected layer");
  const std::size_t levels = options.capacities.size();
  if (levels < 2 || levels > kMaxMemoryLevels)
    throw UserError("sweep: " + std::to_string(levels) +
                    " capacity sets; a sweep over on-chip levels takes one set per level, 2 to " +
                    std::to_string(kMaxMemoryLevels) + " levels");
  for (std::size_t l = 0; l < levels; ++l) {
    const std::vector<Count>& set = options.capacities[l];
    if (set.empty()) throw UserError("sweep: no capacity given for level " + std::to_string(l + 1));
    for (std::size_t i = 0; i < set.size(); ++i) {
      if (set[i] < 1)
        throw UserError("sweep: level " + std::to_string(l + 1) + " capacity " +
                        std::to_string(set[i]) + ": must be at least 1 byte");
      SPAD_CHECK(i == 0 || set[i - 1] < set[i],
                 "level sweep capacities not ascending and distinct");
    }
  }
  if (options.accelerators.empty()) {
    SPAD_CHECK(options.machine.levels.size() == levels,
               "level sweep: the machine's levels and the capacity sets differ in number");
  }
  if (options.baselines && !options.accelerators.empty())
    throw UserError(
        "sweep: the level baselines are costed on plain on-chip levels (as 'spad compare "
        "--buffer OUTER,INNER'), not on a machine file of several levels");
  for (const LevelAccelerator& a : options.accelerators) {
    validate(a);
    if (a.memory.levels.size() != levels)
      throw UserError("sweep: machine " + a.name + " has " +
                      std::to_string(a.memory.levels.size()) + " on-chip levels, but " +
                      std::to_string(levels) + " capacity sets are given (one per level)");
  }
}

// `machine` with the capacities of `point`.
MemoryLevels at_point(MemoryLevels machine, const std::vector<Count>& point) {
  for (std::size_t l = 0; l < point.size(); ++l) machine.levels[l].capacity_bytes = point[l];
  validate(machine);
  return machine;
}

// The accelerator with the capacities of `point`; an SRAM energy the file did
// not give is spad's default for the level's new capacity.
LevelAccelerator at_point(LevelAccelerator accel, const std::vector<Count>& point) {
  accel.memory = at_point(accel.memory, point);
  for (std::size_t l = 0; l < point.size(); ++l)
    if (accel.ports[l].sram_source == EnergySource::default_value)
      accel.ports[l].sram_fj_per_byte = default_scratchpad_fj_per_byte(point[l]);
  validate(accel);
  return accel;
}

// Sums over the layers of one network's study at one point.
LevelSweepRow make_row(NetworkLevelResult study, std::vector<std::optional<LevelAccelCost>> costs,
                       bool on_accelerator) {
  LevelSweepRow row;
  const std::size_t levels = study.machine.levels.size();
  row.levels.resize(levels);
  std::vector<Count> traffic(levels, 0);
  Count latency = 0, energy = 0;
  for (std::size_t i = 0; i < study.layers.size(); ++i) {
    const NetworkLevelLayerResult& r = study.layers[i];
    row.layers += 1;
    row.macs = add(row.macs, Layer(r.layer.spec).macs());
    SPAD_CHECK(r.bounds.size() == levels, "level sweep: bounds not one per boundary");
    for (std::size_t l = 0; l < levels; ++l) {
      row.levels[l].compulsory_bytes =
          add(row.levels[l].compulsory_bytes, r.bounds[l].compulsory_bytes);
      row.levels[l].lower_bound_bytes =
          add(row.levels[l].lower_bound_bytes, r.bounds[l].bound_bytes);
    }
    if (!r.search.best) {
      row.infeasible_layers += 1;
      continue;
    }
    for (std::size_t l = 0; l < levels; ++l)
      traffic[l] = add(traffic[l], r.search.best->traffic.levels[l].traffic_bytes);
    if (on_accelerator) {
      SPAD_CHECK(i < costs.size() && costs[i], "level sweep: a fitting layer without its cost");
      latency = add(latency, costs[i]->latency_cycles);
      energy = add(energy, costs[i]->energy.total);
    }
  }
  if (row.infeasible_layers == 0) {
    for (std::size_t l = 0; l < levels; ++l) row.levels[l].traffic_bytes = traffic[l];
    if (on_accelerator) {
      row.latency_cycles = latency;
      row.energy_fj = energy;
    }
  }
  row.study = std::move(study);
  row.costs = std::move(costs);
  return row;
}

// Each level baseline summed per boundary over the layers of a row.
void add_baselines(LevelSweepRow& row, std::vector<LayerLevelComparison> layers) {
  const std::size_t levels = row.levels.size();
  for (Baseline b : kLevelBaselines) {
    LevelSweepBaselineTotal& total = row.baselines[static_cast<std::size_t>(b)];
    std::vector<Count> traffic(levels, 0);
    for (const LayerLevelComparison& layer : layers) {
      const std::optional<LevelCandidate>& c = layer.baseline(b);
      if (!c) continue;
      total.layers_fit += 1;
      for (std::size_t l = 0; l < levels; ++l)
        traffic[l] = add(traffic[l], c->traffic.levels[l].traffic_bytes);
    }
    total.traffic_bytes.assign(levels, std::nullopt);
    if (total.layers_fit == static_cast<Count>(layers.size()))
      for (std::size_t l = 0; l < levels; ++l) total.traffic_bytes[l] = traffic[l];
  }
  for (LevelSweepBaselineTotal& total : row.baselines)
    if (total.traffic_bytes.empty()) total.traffic_bytes.assign(levels, std::nullopt);
  row.layer_baselines = std::move(layers);
}

// A capacity as --buffers takes it, exactly: "512KiB" when it is a whole
// number of the largest binary unit, else "24B".
std::string capacity_text(Count bytes) {
  constexpr const char* kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  std::size_t u = 0;
  while (u + 1 < std::size(kUnits) && bytes >= 1024 && bytes % 1024 == 0) {
    bytes /= 1024;
    ++u;
  }
  return std::to_string(bytes) + kUnits[u];
}

// "512KiB,64KiB": a point as `spad optimize --buffer` takes it.
std::string point_text(const std::vector<Count>& point) {
  std::string out;
  for (Count c : point) out += (out.empty() ? "" : ",") + capacity_text(c);
  return out;
}

std::vector<std::size_t> every_layer(const Network& net) {
  std::vector<std::size_t> all(net.layers.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  return all;
}

}  // namespace

std::size_t LevelSweepResult::points() const {
  std::size_t n = 1;
  for (const std::vector<Count>& set : capacities) n *= set.size();
  return n;
}

std::vector<Count> LevelSweepResult::point(std::size_t p) const {
  std::vector<Count> out(capacities.size());
  for (std::size_t l = capacities.size(); l-- > 0;) {
    out[l] = capacities[l][p % capacities[l].size()];
    p /= capacities[l].size();
  }
  return out;
}

LevelSweepResult sweep_levels(const std::vector<Network>& networks,
                              const LevelSweepOptions& options) {
  check(networks, options);
  LevelSweepResult result;
  result.networks = networks;
  result.capacities = options.capacities;
  result.machine = options.machine;
  result.baselines = options.baselines;
  for (MemoryLevel& level : result.machine.levels) level.capacity_bytes = std::nullopt;
  result.machines = sweep_machines<LevelSweepMachine>(options.accelerators, options.objectives);
  const std::size_t levels = options.capacities.size();
  // Every layer against the level search's size limit (which depends on the
  // shape and the number of levels only) before any search runs, so a
  // network beyond it is refused at once, naming its first such layer.
  for (const Network& net : networks)
    for (const NetworkLayer& layer : net.layers)
      check_level_search_size(Layer(layer.spec), levels, {});

  const std::size_t points = result.points();
  const std::int64_t total =
      static_cast<std::int64_t>(networks.size() * result.machines.size() * points);
  std::int64_t done = 0;
  if (options.progress) options.progress(0, total);
  result.rows.reserve(networks.size() * result.machines.size() * points);
  for (std::size_t n = 0; n < networks.size(); ++n) {
    const Network& net = networks[n];
    const std::vector<std::size_t> all = every_layer(net);
    for (std::size_t m = 0; m < result.machines.size(); ++m) {
      const LevelSweepMachine& sm = result.machines[m];
      for (std::size_t p = 0; p < points; ++p) {
        const std::vector<Count> capacities = result.point(p);
        NetworkLevelResult study;
        std::vector<std::optional<LevelAccelCost>> costs;
        std::vector<LayerLevelComparison> baselines;
        // A refusal at one point (the level search's size, counted as it
        // goes, depends on the capacities) names the point, the network and
        // the machine it was searched on.
        try {
          if (sm.accelerator) {
            // The machine file sets the element sizes (as in `spad accel --model`).
            const LevelAccelerator accel = at_point(*sm.accelerator, capacities);
            study = optimize_network_levels(net, all, accel, sm.objective, options.threads);
            costs = network_level_accel_costs(study, accel);
          } else {
            MemoryLevels machine = at_point(options.machine, capacities);
            if (net.precision) machine.precision = *net.precision;
            if (options.baselines) {
              CompareLevelResult compared =
                  compare_network_levels(net, all, machine, options.threads);
              study = std::move(compared.network);
              baselines = std::move(compared.layers);
            } else {
              study = optimize_network_levels(net, all, machine, options.threads);
            }
          }
        } catch (const UserError& e) {
          throw UserError("sweep at " + point_text(capacities) + " (network " + net.model +
                          (sm.accelerator ? ", machine " + sm.accelerator->name + ", objective " +
                                                std::string(objective_name(sm.objective))
                                          : std::string()) +
                          "): " + e.what());
        }
        result.searches = add(result.searches, static_cast<Count>(study.unique_shapes));
        LevelSweepRow row =
            make_row(std::move(study), std::move(costs), sm.accelerator.has_value());
        if (options.baselines) add_baselines(row, std::move(baselines));
        row.network = n;
        row.machine = m;
        row.capacities_bytes = capacities;
        result.rows.push_back(std::move(row));
        if (options.progress) options.progress(++done, total);
      }
    }
  }
  return result;
}

}  // namespace spad
