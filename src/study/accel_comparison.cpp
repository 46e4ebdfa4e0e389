// Accelerators side by side: the runs, their checks and orderings.
#include "study/accel_comparison.hpp"

#include <cmath>
#include <compare>

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "workload/precision.hpp"

namespace spad {
namespace {

__extension__ using Wide = __int128;

int sign(std::strong_ordering o) { return o < 0 ? -1 : (o > 0 ? 1 : 0); }

// One machine's cost of a layer (or of the totals) in the objective's terms.
struct Cost {
  Count latency_cycles = 0, energy_fj = 0, traffic_bytes = 0;
};

// < 0 when (a on x) is better than (b on y) for the objective, with its ties.
int compare_cost(Objective objective, const Cost& a, const Accelerator& x, const Cost& b,
                 const Accelerator& y) {
  const int latency = compare_latency(a.latency_cycles, x, b.latency_cycles, y);
  const int energy = sign(a.energy_fj <=> b.energy_fj);
  const int traffic = sign(a.traffic_bytes <=> b.traffic_bytes);
  const auto first = [](std::initializer_list<int> terms) {
    for (int t : terms)
      if (t != 0) return t;
    return 0;
  };
  switch (objective) {
    case Objective::latency:
      return first({latency, energy, traffic});
    case Objective::energy:
      return first({energy, latency, traffic});
    case Objective::traffic:
      return first({traffic, latency});
  }
  throw InternalError("compare_cost: unknown objective");
}

std::optional<Cost> layer_cost(const AccelResult& r, std::size_t layer) {
  const LayerAccel& l = r.layers.at(layer);
  if (!l.cost) return std::nullopt;
  return Cost{l.cost->latency_cycles, l.cost->energy.total,
              r.network.layers.at(layer).search.best->traffic.traffic_bytes};
}

Cost total_cost(const AccelResult& r) {
  const AccelTotals t = accel_totals(r);
  return Cost{t.latency_cycles, t.energy.total, t.traffic_bytes};
}

template <class CostOf>
std::optional<std::size_t> least(const AccelComparison& c, const CostOf& cost_of) {
  std::optional<std::size_t> best;
  std::optional<Cost> best_cost;
  for (std::size_t m = 0; m < c.machines.size(); ++m) {
    const std::optional<Cost> cost = cost_of(c.machines[m]);
    if (!cost) continue;
    if (!best || compare_cost(c.machines[m].objective, *cost, c.machines[m].accel, *best_cost,
                              c.machines[*best].accel) < 0) {
      best = m;
      best_cost = cost;
    }
  }
  return best;
}

}  // namespace

void check_comparable(const std::vector<Accelerator>& accels,
                      const std::vector<std::string>& files) {
  SPAD_CHECK(accels.size() == files.size(), "check_comparable: one file per accelerator");
  if (accels.size() < 2) throw UserError("comparing machines needs at least two --machine files");
  for (std::size_t i = 0; i < accels.size(); ++i)
    for (std::size_t j = 0; j < i; ++j) {
      if (files[i] == files[j])
        throw UserError("--machine " + files[i] +
                        " is given twice; give each machine to compare once");
      if (accels[i] == accels[j])
        throw UserError("--machine " + files[j] + " and " + files[i] +
                        " describe the same machine " + in_quotes(accels[i].name) +
                        "; give each machine to compare once");
      if (accels[i].name == accels[j].name)
        throw UserError("--machine " + files[j] + " and " + files[i] + " are both named " +
                        in_quotes(accels[i].name) +
                        "; give them distinct names (a machine's name labels its columns and "
                        "selects its schedule when the document is read back)");
    }
  const Precision& p0 = accels.front().machine.precision;
  for (std::size_t i = 1; i < accels.size(); ++i) {
    const Precision& p = accels[i].machine.precision;
    if (p == p0) continue;
    throw UserError("--machine " + files[i] + ": precision_bytes " + precision_to_string(p) +
                    " differ from " + precision_to_string(p0) + " of " + files.front() +
                    "; machines are compared on the same element sizes (other sizes move other "
                    "bytes: another workload); run them separately");
  }
}

AccelComparison compare_accelerators(const Network& net, const std::vector<std::size_t>& selection,
                                     const std::vector<Accelerator>& accels,
                                     const std::vector<std::string>& files,
                                     const AccelRunOptions& options,
                                     const std::vector<std::optional<Schedule>>& given,
                                     const StudyProgress& progress) {
  SPAD_CHECK(!accels.empty(), "compare_accelerators: no accelerator");
  SPAD_CHECK(files.size() == accels.size(), "compare_accelerators: one file per accelerator");
  SPAD_CHECK(given.empty() || given.size() == accels.size(),
             "compare_accelerators: one given schedule per accelerator");
  SPAD_CHECK(given.empty() || !options.given,
             "compare_accelerators: given schedules per accelerator, not in the options");
  // Accelerators built in code are checked as a machine file's are, named by
  // their file (or label).
  for (std::size_t m = 0; m < accels.size(); ++m) {
    try {
      validate(accels[m]);
    } catch (const UserError& e) {
      throw UserError(files[m] + ": " + e.what());
    }
  }
  if (accels.size() > 1) check_comparable(accels, files);
  AccelComparison comparison;
  AccelRunOptions run = options;
  for (std::size_t m = 0; m < accels.size(); ++m) {
    if (!given.empty()) run.given = given[m];
    comparison.machines.push_back(accel_network(net, selection, accels[m], run, progress));
  }
  return comparison;
}

int compare_latency(Count a_cycles, const Accelerator& x, Count b_cycles, const Accelerator& y) {
  // seconds = cycles / (MHz x 10^6): a/x < b/y iff a x y < b x x.
  const double xm = x.clock_mhz, ym = y.clock_mhz;
  if (xm == std::floor(xm) && ym == std::floor(ym) && xm <= 1e6 && ym <= 1e6) {
    const Wide lhs = static_cast<Wide>(a_cycles) * static_cast<Wide>(ym);
    const Wide rhs = static_cast<Wide>(b_cycles) * static_cast<Wide>(xm);
    return lhs < rhs ? -1 : (lhs > rhs ? 1 : 0);
  }
  const long double lhs = static_cast<long double>(a_cycles) * ym;
  const long double rhs = static_cast<long double>(b_cycles) * xm;
  return lhs < rhs ? -1 : (lhs > rhs ? 1 : 0);
}

std::optional<std::size_t> best_machine(const AccelComparison& c, std::size_t layer) {
  return least(c, [layer](const AccelResult& r) { return layer_cost(r, layer); });
}

bool totals_comparable(const AccelComparison& c) {
  for (const AccelResult& r : c.machines) {
    const AccelTotals t = accel_totals(r);
    if (t.scheduled_layers != t.layers) return false;
  }
  return true;
}

std::optional<std::size_t> best_total_machine(const AccelComparison& c) {
  if (!totals_comparable(c)) return std::nullopt;
  return least(c, [](const AccelResult& r) { return std::optional<Cost>(total_cost(r)); });
}

}  // namespace spad
