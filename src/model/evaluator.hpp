// The analytical model bound to one layer and machine, with the per-axis
// input terms precomputed (model/axis_table). evaluate(schedule) returns
// exactly what spad::evaluate(layer, schedule, machine) returns, in O(1) per
// call instead of O(tiles): this is what the search calls.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <vector>

#include "model/axis_table.hpp"
#include "model/machine.hpp"
#include "model/traffic.hpp"
#include "schedule/schedule.hpp"
#include "workload/layer.hpp"

namespace spad {

class Evaluator {
 public:
  Evaluator(Layer layer, Machine machine);

  Traffic evaluate(const Schedule& schedule) const;

  // evaluate() for a schedule the caller has built valid for this layer (the
  // search's hot path skips re-validating it).
  Traffic evaluate_trusted(const Schedule& schedule) const;

  // The per-axis input terms behind I's counts (see model/axis_footprint.hpp):
  // height pairs output rows p with kernel rows r, width q with s.
  AxisTerm height_term(Count t_p, bool p_tiled, Count t_r, bool r_tiled, HaloAlong halo) const;
  AxisTerm width_term(Count t_q, bool q_tiled, Count t_s, bool s_tiled, HaloAlong halo) const;

  const Layer& layer() const { return layer_; }
  const Machine& machine() const { return machine_; }

 private:
  Layer layer_;
  Machine machine_;
  // Absent for layers whose (output extent x kernel) table would be too large;
  // terms are then computed by walking the tiles (same values, slower).
  std::shared_ptr<const AxisTable> rows_, cols_;  // null: computed on each call
  Count compulsory_bytes_ = 0;
  // trips_[d][t] = ceil(D_d / t): the hot path avoids eight divisions per call.
  std::array<std::vector<Count>, kNumDims> trips_;
};

}  // namespace spad
