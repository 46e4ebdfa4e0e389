// Branch and bound over tile groups. Each bound is the model's count of a
// relaxed schedule (the brute-force test guards every argument below).
//
// At a node the first `level` groups have tiles; every other traffic loop
// will take a candidate with T >= 2. Then
//  - I bytes are at least those of the schedule where each unassigned
//    spatial loop (p q r s) takes its whole extent and each unassigned n g m c
//    takes T = 2: I's reads grow with T_m, and an input footprint summed over
//    tiles is at least the footprint of their union (also with halo reuse,
//    whose rolling buffer loads at least each new element once); a whole loop
//    can only move j*_I outward, leaving fewer reload factors;
//  - W and O bytes and the fills are at least those where every unassigned
//    traffic loop takes T = 2: they grow with each T and j* does not move;
//  - buffer bytes are at least those where every unassigned loop takes tile
//    1: buffer extents are tiles or whole ranges, and a tile of 1 lies inside
//    some tile of any other size, so no largest footprint can shrink.
// A node is cut when the buffer bound exceeds the capacity or the bounds are
// strictly worse than the incumbent.
#include "search/template_solver.hpp"

#include <algorithm>

#include "model/evaluate.hpp"

namespace spad {
namespace {

bool spatial(Dim d) { return d == Dim::p || d == Dim::q || d == Dim::r || d == Dim::s; }

// Tile with T = 2 for extent >= 2.
Count half(Count extent) { return ceil_div(extent, 2); }

}  // namespace

TemplateSolver::TemplateSolver(const Evaluator& ev, Count capacity, Incumbent& incumbent)
    : ev_(ev),
      capacity_(capacity),
      input_is_empty_(compulsory_elems(ev.layer())[Tensor::I] == 0),
      incumbent_(incumbent),
      group_builder_(ev) {}

void TemplateSolver::refresh_bar() {
  const auto best = incumbent_.get();
  if (best)
    bar_ = Bounds{best->traffic.traffic_bytes, best->traffic.buffer_bytes,
                  best->traffic.total_fills()};
}

void TemplateSolver::prepare(const LoopTemplate& tpl) {
  schedule_ = Schedule{};
  schedule_.order = tpl.order;
  schedule_.buffer_span = tpl.spans;
  for (Dim d : kAllDims) schedule_.tiles[d] = ev_.layer().bound(d);
  // A tiled loop that is not a traffic loop changes no traffic count with its
  // tile, and every buffer extent it sets grows strictly with it (unless the
  // input footprint is empty everywhere, when I's buffer is 0 whatever the
  // tile): tile 1 is then optimal for it.
  for (Dim d : kAllDims)
    if (contains(tpl.tiled, d)) schedule_.tiles[d] = 1;
  groups_ = group_builder_.groups(tpl, input_is_empty_ ? tpl.tiled : tpl.traffic_loops);
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
  descend(0);
}

void TemplateSolver::offer_leaf() {
  ++stats_.evaluations;
  ++stats_.leaves;
  const Traffic full = ev_.evaluate_trusted(schedule_);
  if (!full.fits) return;
  if (strictly_worse(Bounds{full.traffic_bytes, full.buffer_bytes, full.total_fills()}, bar_))
    return;
  incumbent_.offer(Candidate{schedule_, full});
  refresh_bar();
}

void TemplateSolver::descend(std::size_t level) {
  const TileGroup& group = *groups_[level];
  const bool last = level + 1 == groups_.size();
  for (const auto& tiles : group.tiles) {
    for (std::size_t i = 0; i < group.dims.size(); ++i) schedule_.tiles[group.dims[i]] = tiles[i];
    if (last) {
      offer_leaf();
      continue;
    }
    const Bounds b = bounds_with_rest(level + 1);
    if (b.buffer > capacity_ || strictly_worse(b, bar_)) continue;
    descend(level + 1);
  }
}

}  // namespace spad
