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
//
// Range bounds: a group's candidates are visited through
// a halving tree of runs (search/tile_groups), and a run of more than
// `range_leaf` candidates is first bounded as a whole, with the groups after
// it relaxed as above. Every candidate has T >= 2 in each of its loops, so j*
// of every array is the same for all of them and for the schedules below,
// and over the run:
//  - W and O bytes and every fill count are products of trip counts (or of
//    V - 1 and a size), non-decreasing in each T: at least those with each of
//    the group's loops at the run's largest tile (a candidate's tile, so
//    T >= 2 still);
//  - I bytes = V_I * N * C * (height term sum) * (width term sum), with V_I
//    set by T_m: for n g m c at the run's largest tile; for a spatial group,
//    at the run's candidate of least term sum (the group's stored sums are the
//    model's, summed as this structure sums that axis). One exception: with
//    halo reuse and spatial loops still unassigned, the relaxation (whole
//    extent) can move j*_I onto this group's loop and change how its term is
//    summed; the group's spatial loops then take their whole extent, the
//    parent's relaxation;
//  - W and O buffer bytes are products of extents that are each a tile or a
//    whole range, fixed per loop by the structure: at least those at the run's
//    least tiles; I buffer bytes = (n g c extents) * (height max) * (width
//    max): at least those at the least tile (n g c) or at the candidate of
//    least term max (spatial group);
//  - on an accelerator, the cost inputs as for a node, with the run's least
//    lane steps F for the group's loops (operand reads and compute cycles are
//    non-decreasing in each F), its least trip counts as above (DMA
//    transfers, O's operand reads), and the first and last transfers from the
//    buffer bounds just given.
// A node whose next group is bounded as a run skips its own node bounds (a
// skipped cut is always safe; not on an accelerator, where they seed the
// cheap checks of its children): the run of all the next group's candidates is
// bounded right after with values no looser than the node's relaxations
// (largest tile with T = 2, term sums at least the whole extent's, least
// tiles at least 1).
// Both are guarded by tests/search/search_range_bounds_test.cpp (the same answer with
// range bounds off, down to single candidates and at the default) and the
// brute-force tests, which run with range_leaf 1.
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
                               TieBreak tie_break, Count capacity, Incumbent& incumbent,
                               std::size_t range_leaf, std::optional<Bounds> ceiling)
    : ev_(ev),
      objective_(objective),
      tie_break_(tie_break),
      capacity_(capacity),
      range_leaf_(range_leaf),
      input_is_empty_(compulsory_elems(ev.layer())[Tensor::I] == 0),
      incumbent_(incumbent),
      group_builder_(ev, objective.lanes()),
      ceiling_(ceiling) {}

void TemplateSolver::refresh_bar() {
  const auto best = incumbent_.get();
  bar_ = best ? std::optional<Bounds>(bounds_of(*best)) : ceiling_;
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

TemplateSolver::Relaxed TemplateSolver::relax_rest(std::size_t from) const {
  Relaxed r{schedule_, schedule_, schedule_, false};
  for (std::size_t i = from; i < groups_.size(); ++i) {
    for (Dim d : groups_[i]->dims) {
      const Count extent = ev_.layer().bound(d);
      r.input.tiles[d] = spatial(d) ? extent : half(extent);
      r.pressure.tiles[d] = half(extent);
      r.buffer.tiles[d] = 1;
      r.spatial_left = r.spatial_left || spatial(d);
    }
  }
  return r;
}

Bounds TemplateSolver::bounds_with_rest(std::size_t level) {
  const Relaxed r = relax_rest(level);
  stats_.evaluations += r.spatial_left ? 3 : 2;
  const Traffic for_pressure = ev_.evaluate_trusted(r.pressure);
  // Without unassigned spatial loops the two relaxations are the same schedule.
  const Traffic for_input = r.spatial_left ? ev_.evaluate_trusted(r.input) : for_pressure;
  const Traffic for_buffer = ev_.evaluate_trusted(r.buffer);
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
  const Activity activity = count_activity(layer, steps_with_rest(level, r.pressure), for_pressure);
  CostInputs lower = cost_inputs(machine.precision, activity, for_buffer, machine.double_buffer);
  lower.traffic_bytes = b.traffic;
  const ObjectiveValue v = objective_.bound(lower);
  b.objective = v.primary;
  b.secondary = v.secondary;
  node_lower_[level] = NodeLower{lower, b};
  return b;
}

bool TemplateSolver::range_cut(std::size_t level, std::size_t run) {
  const TileGroup& group = *groups_[level];
  const std::size_t n = group.dims.size();
  const RangeSummary& range = group.ranges[run];
  const bool spatial_group = !group.terms.empty();
  Relaxed r = relax_rest(level + 1);
  // With halo reuse and spatial loops left whole in the input relaxation,
  // j*_I may move onto this group's loop and change how its term is summed:
  // the stored sums then need not order the input bounds, and the group's
  // spatial loops are relaxed to their whole extent as in its parent.
  const bool input_by_term = !ev_.machine().halo_reuse || !r.spatial_left;
  Schedule io_buffer = r.buffer;
  for (std::size_t k = 0; k < n; ++k) {
    const Dim d = group.dims[k];
    r.pressure.tiles[d] = range.most[k];
    io_buffer.tiles[d] = range.least[k];
    if (spatial_group) {
      r.input.tiles[d] = input_by_term ? group.tiles[range.least_sum][k] : ev_.layer().bound(d);
      r.buffer.tiles[d] = group.tiles[range.least_max][k];
    } else {
      r.input.tiles[d] = range.most[k];
      r.buffer.tiles[d] = range.least[k];
    }
  }
  stats_.evaluations += spatial_group ? 2 : 1;
  const Traffic for_io_buffer = ev_.evaluate_trusted(io_buffer);
  const Traffic for_i_buffer = spatial_group ? ev_.evaluate_trusted(r.buffer) : for_io_buffer;
  Bounds b;
  b.buffer = add(for_i_buffer.arrays[Tensor::I].buffer_bytes,
                 add(for_io_buffer.arrays[Tensor::W].buffer_bytes,
                     for_io_buffer.arrays[Tensor::O].buffer_bytes));
  if (b.buffer > capacity_) return true;
  if (!bar_) return false;
  stats_.evaluations += 2;
  const Traffic for_pressure = ev_.evaluate_trusted(r.pressure);
  const Traffic for_input = ev_.evaluate_trusted(r.input);
  b.traffic = add(
      add(for_input.arrays[Tensor::I].read_bytes, for_pressure.arrays[Tensor::W].read_bytes),
      add(for_pressure.arrays[Tensor::O].read_bytes, for_pressure.arrays[Tensor::O].write_bytes));
  b.fills = for_pressure.total_fills();
  if (!objective_.on_accelerator()) {
    b.objective = b.traffic;
    return strictly_worse(b, bar_, tie_break_);
  }
  // On an accelerator, the cost inputs as in bounds_with_rest, with the run's
  // least lane steps for the group's loops and its least trip counts (from
  // the pressure relaxation); the first and last transfers are buffer sizes.
  LoopSteps steps = steps_with_rest(level + 1, r.pressure);
  for (std::size_t k = 0; k < n; ++k) steps.lane_steps[group.dims[k]] = range.least_lane_steps[k];
  const Machine& machine = ev_.machine();
  Traffic for_buffer = for_io_buffer;
  for_buffer.arrays[Tensor::I] = for_i_buffer.arrays[Tensor::I];
  CostInputs lower =
      cost_inputs(machine.precision, count_activity(ev_.layer(), steps, for_pressure), for_buffer,
                  machine.double_buffer);
  lower.traffic_bytes = b.traffic;
  const ObjectiveValue v = objective_.bound(lower);
  b.objective = v.primary;
  b.secondary = v.secondary;
  return strictly_worse(b, bar_, tie_break_);
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
  const AccelEvaluator& tables = objective_.accel_evaluator();
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

bool TemplateSolver::ranges_bounded(std::size_t, std::size_t lo, std::size_t hi) const {
  return range_leaf_ > 0 && hi - lo > range_leaf_;
}

void TemplateSolver::descend(std::size_t level) {
  descend_range(level, 1, 0, groups_[level]->tiles.size());
}

void TemplateSolver::descend_range(std::size_t level, std::size_t run, std::size_t lo,
                                   std::size_t hi) {
  if (ranges_bounded(level, lo, hi)) {
    if (range_cut(level, run)) {
      ++stats_.ranges_cut;
      return;
    }
    const std::size_t mid = range_mid(lo, hi);
    descend_range(level, 2 * run, lo, mid);
    descend_range(level, 2 * run + 1, mid, hi);
    return;
  }
  for (std::size_t i = lo; i < hi; ++i) visit(level, i);
}

void TemplateSolver::visit(std::size_t level, std::size_t candidate) {
  const TileGroup& group = *groups_[level];
  const auto& tiles = group.tiles[candidate];
  for (std::size_t i = 0; i < group.dims.size(); ++i) schedule_.tiles[group.dims[i]] = tiles[i];
  if (level + 1 == groups_.size()) {
    offer_leaf(&node_lower_[level]);
    return;
  }
  // The next group's first range check bounds this node at least as tightly
  // (its candidates' tiles give every relaxed value, which is no looser than
  // the relaxations here): the node's own bounds would only repeat it.
  if (!objective_.on_accelerator() &&
      ranges_bounded(level + 1, 0, groups_[level + 1]->tiles.size())) {
    descend(level + 1);
    return;
  }
  if (cheap_bound_exceeds_bar(level + 1, node_lower_[level])) return;
  const Bounds b = bounds_with_rest(level + 1);
  if (b.buffer > capacity_ || strictly_worse(b, bar_, tie_break_)) return;
  descend(level + 1);
}

}  // namespace spad
