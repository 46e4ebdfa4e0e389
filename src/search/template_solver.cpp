// Branch and bound over tile groups. Each bound is the model's count of a
// relaxed schedule (the brute-force test guards every argument below).
//
// The groups are the structure's traffic loops, and, when a tile can matter
// beyond the buffers it sets (fewer fills first, DESIGN.md's order, or an
// accelerator), every other tiled loop too (see prepare()).
// At a node the first `level` groups have tiles; every other branched loop
// will take a candidate with T >= 2. Then
//  - I bytes are at least those of the schedule where each unassigned
//    spatial loop (p q r s) takes its whole extent and each unassigned n g m c
//    takes T = 2: I's reads grow with T_m, and an input footprint summed over
//    tiles is at least the footprint of their union (also with halo reuse,
//    whose rolling buffer loads at least each new element once); a whole loop
//    can only move j*_I outward, leaving fewer reload factors;
//  - W and O bytes and the fills are at least those where every unassigned
//    loop takes T = 2: they grow with each T and j* does not move;
//  - buffer bytes are at least those where every unassigned loop takes tile
//    1: buffer extents are tiles or whole ranges, and a tile of 1 lies inside
//    some tile of any other size, so no largest footprint can shrink.
// On an accelerator (latency, energy, or traffic with ties broken by
// latency: search/objective), every tiled loop is branched on (its tile now
// changes cycles, fills and operand reads), and the objective is bounded by
// the model's cost of lower bounds of every cost input (model/accel_cost:
// non-decreasing in each):
//  - traffic bytes as above; the first-fill and last-write-back bytes from
//    the tile-1 relaxation (they are buffer sizes);
//  - DMA transfers from the T = 2 relaxation (products of trip counts);
//  - lane steps F_d: exact for assigned loops and whole loops, the least over
//    the group's candidates for unassigned ones; O's operand reads from T = 2.
// Before any of that, a cheaper bound for a child (node or leaf) on an
// accelerator: the parent's lower bounds of traffic, DMA transfers, first and
// last transfers, buffer and fills hold for every descendant of the parent,
// and the MAC array's side (compute cycles, operand reads) is recomputed with
// the child's tiles; a child whose bound is already worse than the incumbent
// is cut without counting its traffic.
// A node is cut when the buffer bound exceeds the capacity or the bounds are
// strictly worse than the incumbent (search/incumbent: lexicographic on lower
// bounds of each term, in the order of the tie-break, so valid for both).
#include "search/template_solver.hpp"

#include <algorithm>

#include "model/accel_cost.hpp"
#include "model/evaluate.hpp"

namespace spad {
namespace {

bool spatial(Dim d) { return d == Dim::p || d == Dim::q || d == Dim::r || d == Dim::s; }

// Tile with T = 2 for extent >= 2.
Count half(Count extent) { return ceil_div(extent, 2); }

}  // namespace

TemplateSolver::TemplateSolver(const Evaluator& ev, const ObjectiveFunction& objective,
                               TieBreak tie_break, Count capacity, Incumbent& incumbent)
    : ev_(ev),
      objective_(objective),
      tie_break_(tie_break),
      capacity_(capacity),
      input_is_empty_(compulsory_elems(ev.layer())[Tensor::I] == 0),
      incumbent_(incumbent),
      group_builder_(ev, objective.lanes()) {}

void TemplateSolver::refresh_bar() {
  const auto best = incumbent_.get();
  if (best) bar_ = bounds_of(*best);
}

void TemplateSolver::prepare(const LoopTemplate& tpl) {
  schedule_ = Schedule{};
  schedule_.order = tpl.order;
  schedule_.buffer_span = tpl.spans;
  for (Dim d : kAllDims) schedule_.tiles[d] = ev_.layer().bound(d);
  // A tiled loop that is not a traffic loop changes no traffic count with its
  // tile, and every buffer extent it sets grows strictly with it (unless the
  // input footprint is empty everywhere, when I's buffer is 0 whatever the
  // tile), but its trip count multiplies the fills of each array whose P_A
  // holds it. When buffer bytes come before fills (TieBreak::buffer_first)
  // tile 1 is therefore optimal for it. Not so with fewer fills first
  // (DESIGN.md's order), where a larger tile trades buffer bytes for fewer
  // fills, nor on an accelerator, where a tile also sets cycles and operand
  // reads: there every tiled loop is branched on.
  for (Dim d : kAllDims)
    if (contains(tpl.tiled, d)) schedule_.tiles[d] = 1;
  const bool all =
      input_is_empty_ || objective_.on_accelerator() || tie_break_ == TieBreak::fills_first;
  groups_ = group_builder_.groups(tpl, all ? tpl.tiled : tpl.traffic_loops);
  node_lower_.assign(groups_.size() + 1, NodeLower{});
}

Bounds TemplateSolver::bounds_with_rest(std::size_t level) {
  Schedule input_relaxed = schedule_, pressure_relaxed = schedule_, buffer_relaxed = schedule_;
  bool spatial_left = false;
  for (std::size_t i = level; i < groups_.size(); ++i) {
    for (Dim d : groups_[i]->dims) {
      const Count extent = ev_.layer().bound(d);
      input_relaxed.tiles[d] = spatial(d) ? extent : half(extent);
      pressure_relaxed.tiles[d] = half(extent);
      buffer_relaxed.tiles[d] = 1;
      spatial_left = spatial_left || spatial(d);
    }
  }
  stats_.evaluations += spatial_left ? 3 : 2;
  const Traffic for_pressure = ev_.evaluate_trusted(pressure_relaxed);
  // Without unassigned spatial loops the two relaxations are the same schedule.
  const Traffic for_input = spatial_left ? ev_.evaluate_trusted(input_relaxed) : for_pressure;
  const Traffic for_buffer = ev_.evaluate_trusted(buffer_relaxed);
  Bounds b;
  b.traffic = add(
      add(for_input.arrays[Tensor::I].read_bytes, for_pressure.arrays[Tensor::W].read_bytes),
      add(for_pressure.arrays[Tensor::O].read_bytes, for_pressure.arrays[Tensor::O].write_bytes));
  b.buffer = for_buffer.buffer_bytes;
  b.fills = for_pressure.total_fills();
  if (!objective_.on_accelerator()) {
    b.objective = b.traffic;
    return b;
  }
  const Layer& layer = ev_.layer();
  const Machine& machine = ev_.machine();
  const Activity activity =
      count_activity(layer, steps_with_rest(level, pressure_relaxed), for_pressure);
  CostInputs lower = cost_inputs(machine.precision, activity, for_buffer, machine.double_buffer);
  lower.traffic_bytes = b.traffic;
  const ObjectiveValue v = objective_.bound(lower);
  b.objective = v.primary;
  b.secondary = v.secondary;
  node_lower_[level] = NodeLower{lower, b};
  return b;
}

Bounds TemplateSolver::root_bounds(const LoopTemplate& tpl) {
  prepare(tpl);
  return bounds_with_rest(0);
}

void TemplateSolver::solve(const LoopTemplate& tpl) {
  prepare(tpl);
  refresh_bar();
  if (groups_.empty()) {
    offer_leaf();
    return;
  }
  // On an accelerator, the root's lower cost inputs seed the cheap checks of
  // its children.
  if (objective_.on_accelerator()) bounds_with_rest(0);
  descend(0);
}

LoopSteps TemplateSolver::steps_with_rest(std::size_t level, const Schedule& for_trips) const {
  const AccelTables& tables = objective_.tables();
  LoopSteps out;
  for (Dim d : kAllDims) {
    out.lane_steps[d] = tables.steps(d, schedule_.tiles[d]);
    out.trips[d] = tables.trips(d, for_trips.tiles[d]);
  }
  for (std::size_t i = level; i < groups_.size(); ++i)
    for (std::size_t k = 0; k < groups_[i]->dims.size(); ++k)
      out.lane_steps[groups_[i]->dims[k]] = groups_[i]->min_lane_steps[k];
  return out;
}

bool TemplateSolver::cheap_bound_exceeds_bar(std::size_t level, const NodeLower& parent) {
  if (!objective_.on_accelerator() || !bar_) return false;
  Schedule at_least = schedule_;  // unassigned loops: T = 2, the least of any candidate
  for (std::size_t i = level; i < groups_.size(); ++i)
    for (Dim d : groups_[i]->dims) at_least.tiles[d] = half(ev_.layer().bound(d));
  CostInputs lower = parent.inputs;
  const Count transfers = parent.inputs.activity.dma_transfers;
  lower.activity = count_datapath(ev_.layer(), steps_with_rest(level, at_least));
  lower.activity.dma_transfers = transfers;
  lower.datapath_bytes = datapath_bytes(lower.activity, ev_.machine().precision);
  const ObjectiveValue v = objective_.bound(lower);
  return strictly_worse(Bounds{v.primary, v.secondary, parent.bounds.traffic, parent.bounds.buffer,
                               parent.bounds.fills},
                        bar_, tie_break_);
}

void TemplateSolver::offer_leaf(const NodeLower* parent) {
  ++stats_.leaves;
  if (parent && cheap_bound_exceeds_bar(groups_.size(), *parent)) return;
  ++stats_.evaluations;
  const Traffic full = ev_.evaluate_trusted(schedule_);
  if (!full.fits) return;
  const ObjectiveValue value = objective_.value(schedule_, full);
  const Candidate leaf{schedule_, full, value.primary, value.secondary, tie_break_};
  if (strictly_worse(bounds_of(leaf), bar_, tie_break_)) return;
  incumbent_.offer(leaf);
  refresh_bar();
}

void TemplateSolver::descend(std::size_t level) {
  const TileGroup& group = *groups_[level];
  const bool last = level + 1 == groups_.size();
  for (const auto& tiles : group.tiles) {
    for (std::size_t i = 0; i < group.dims.size(); ++i) schedule_.tiles[group.dims[i]] = tiles[i];
    if (last) {
      offer_leaf(&node_lower_[level]);
      continue;
    }
    if (cheap_bound_exceeds_bar(level + 1, node_lower_[level])) continue;
    const Bounds b = bounds_with_rest(level + 1);
    if (b.buffer > capacity_ || strictly_worse(b, bar_, tie_break_)) continue;
    descend(level + 1);
  }
}

}  // namespace spad
