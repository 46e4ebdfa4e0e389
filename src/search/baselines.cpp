// The baselines: fixed-dataflow spaces, the HWCE-like schedule, the
// working-set space, and the capacity search over any space.
#include "search/baselines.hpp"

#include <algorithm>
#include <string>

#include "base/error.hpp"
#include "model/evaluate.hpp"
#include "search/optimize.hpp"

namespace spad {
namespace {

using Order = std::array<Dim, kNumDims>;
using enum Dim;

// The caller's options searching `space` (their own space is not read).
SearchOptions options_for(const SearchSpace& space, SearchOptions options) {
  options.space = space;
  return options;
}

}  // namespace

std::string_view baseline_name(Baseline baseline) {
  switch (baseline) {
    case Baseline::weight_stationary:
      return "weight_stationary";
    case Baseline::output_stationary:
      return "output_stationary";
    case Baseline::input_stationary:
      return "input_stationary";
    case Baseline::hwce_v1:
      return "hwce_v1";
    case Baseline::hwce_v2:
      return "hwce_v2";
    case Baseline::hwce_v4:
      return "hwce_v4";
    case Baseline::working_set:
      return "working_set";
  }
  throw InternalError("unknown baseline");
}

Count hwce_maps_per_pass(Baseline baseline) {
  switch (baseline) {
    case Baseline::hwce_v1:
      return 1;
    case Baseline::hwce_v2:
      return 2;
    case Baseline::hwce_v4:
      return 4;
    default:
      return 0;
  }
}

Machine baseline_machine(Baseline baseline, const Machine& machine) {
  return hwce_maps_per_pass(baseline) > 0 ? hwce_machine(machine) : machine;
}

SearchSpace dataflow_space(Baseline dataflow) {
  // The stationary array's buffer sits just inside its own loops, which are
  // all outside the loops that do not index it; the other two buffers hold
  // one tile each (span 0) and stream.
  SearchSpace space;
  switch (dataflow) {
    case Baseline::weight_stationary:
      space.fixed_order = Order{q, p, n, s, r, c, m, g};
      space.fixed_spans = PerTensor<int>{{0, 3, 0}};
      break;
    case Baseline::output_stationary:
      space.fixed_order = Order{s, r, c, q, p, n, m, g};
      space.fixed_spans = PerTensor<int>{{0, 0, 3}};
      break;
    case Baseline::input_stationary:
      space.fixed_order = Order{m, s, r, q, p, c, n, g};
      space.fixed_spans = PerTensor<int>{{1, 0, 0}};
      break;
    default:
      throw InternalError("dataflow_space: " + std::string(baseline_name(dataflow)) +
                          " is not a fixed dataflow");
  }
  return space;
}

std::optional<Candidate> dataflow_optimum(const Layer& layer, const Machine& machine,
                                          Baseline dataflow, const SearchOptions& run) {
  return space_optimum(layer, machine, dataflow_space(dataflow), run);
}

std::optional<Schedule> hwce_schedule(const Layer& layer, Count maps_per_pass) {
  if (maps_per_pass < 1)
    throw UserError("HWCE output maps per pass = " + std::to_string(maps_per_pass) +
                    ": must be at least 1");
  const LayerSpec& spec = layer.spec();
  const Count kernel_extent = spec.dilation_w * (spec.S - 1) + 1;
  if (kernel_extent > kHwceStripeWidth) return std::nullopt;
  // Output columns whose windows lie inside one stripe of 32 input columns;
  // consecutive stripes then overlap by kernel_extent - stride_w columns
  // (kernel_extent - 1 at stride 1).
  const Count stripe_outputs = (kHwceStripeWidth - kernel_extent) / spec.stride_w + 1;
  Schedule out;
  out.order = Order{s, r, p, q, c, m, g, n};
  out.buffer_span = PerTensor<int>{{0, 4, 0}};
  out.tiles[n] = 1;
  out.tiles[g] = 1;
  out.tiles[m] = std::min(maps_per_pass, layer.bound(m));
  out.tiles[c] = 1;
  out.tiles[p] = 1;
  out.tiles[q] = std::min(stripe_outputs, layer.bound(q));
  out.tiles[r] = layer.bound(r);
  out.tiles[s] = layer.bound(s);
  return out;
}

Machine hwce_machine(const Machine& machine) {
  Machine out = machine;
  out.halo_reuse = true;
  return out;
}

std::optional<Candidate> hwce_baseline(const Layer& layer, const Machine& machine,
                                       Count maps_per_pass) {
  const std::optional<Schedule> schedule = hwce_schedule(layer, maps_per_pass);
  if (!schedule) return std::nullopt;
  Candidate out{*schedule, evaluate(layer, *schedule, hwce_machine(machine))};
  if (!out.traffic.fits) return std::nullopt;
  return out;
}

std::optional<Candidate> space_optimum(const Layer& layer, const Machine& machine,
                                       const SearchSpace& space, const SearchOptions& run) {
  return optimize(layer, machine, options_for(space, run)).best;
}

std::optional<Candidate> working_set_optimum(const Layer& layer, const Machine& machine,
                                             const SearchOptions& run) {
  SearchSpace space;
  space.uniform_spans = true;
  return space_optimum(layer, machine, space, run);
}

// Exactness: for a space X let opt_X(B) be the least traffic over the
// schedules of X whose buffers fit B bytes. The set of such schedules only
// grows with B, so opt_X is non-increasing in B, and "opt_X(B) <= target" is
// false below some B* and true from B* on: a search over B finds B*. Moreover
// B* is the buffer size of a schedule: if the optimum at capacity B meets the
// target with buffers of b <= B bytes, it is feasible at b, so opt_X(b) meets
// the target too and the search may jump down to b.
std::optional<Count> smallest_capacity_for_traffic(const Layer& layer, const Machine& machine,
                                                   Count traffic_target, const SearchSpace& space,
                                                   const SearchOptions& run) {
  SPAD_CHECK(run.objective == Objective::traffic,
             "smallest_capacity_for_traffic: the objective must be traffic");
  Machine at = machine;
  at.capacity_bytes = std::nullopt;
  // Every tile whole: every trip count is 1, every buffer holds all of its
  // array, the traffic is the compulsory traffic (the least any schedule
  // moves), and the schedule is in every space whatever its order and spans.
  Schedule whole;
  if (space.fixed_order) whole.order = *space.fixed_order;
  whole.buffer_span = space.fixed_spans ? *space.fixed_spans : PerTensor<int>{{8, 8, 8}};
  for (Dim d : kAllDims) whole.tiles[d] = layer.bound(d);
  const Traffic all = evaluate(layer, whole, at);
  if (traffic_target < all.traffic_bytes) return std::nullopt;
  // Every tile 1, buffers innermost (or at the fixed spans): the smallest
  // buffers of the space, below which nothing fits.
  Schedule smallest = whole;
  if (!space.fixed_spans) smallest.buffer_span = PerTensor<int>{{0, 0, 0}};
  for (Dim d : kAllDims) smallest.tiles[d] = 1;
  Count lo = evaluate(layer, smallest, at).buffer_bytes;
  Count hi = all.buffer_bytes;  // opt_X(hi) <= target; opt_X(B) > target for every B < lo

  // Only the traffic of the optimum and its buffer size matter here: the
  // search that puts buffer bytes before fills (min_buffer_schedule) returns
  // the smallest buffers reaching that traffic, the deepest jump down.
  SearchOptions options = options_for(space, run);
  options.tie_break = TieBreak::buffer_first;
  // Only schedules within the target matter: the same optimum when it meets
  // the target, none when it does not (search/optimize), found sooner.
  options.objective_ceiling = traffic_target;
  const auto reached = [&](Count capacity) -> std::optional<Count> {
    at.capacity_bytes = capacity;
    const std::optional<Candidate> best = optimize(layer, at, options).best;
    if (best && best->traffic.traffic_bytes <= traffic_target) return best->traffic.buffer_bytes;
    return std::nullopt;
  };
  // Gallop up from the smallest capacity (small capacities search fastest),
  // then bisect.
  for (Count probe = lo; probe < hi; probe = std::max(probe + 1, 2 * probe)) {
    if (const std::optional<Count> b = reached(probe)) {
      hi = *b;
      break;
    }
    lo = probe + 1;
  }
  while (lo < hi) {
    const Count mid = lo + (hi - lo) / 2;
    if (const std::optional<Count> b = reached(mid)) {
      hi = *b;
    } else {
      lo = mid + 1;
    }
  }
  return hi;
}

}  // namespace spad
