// The model's one counting routine, shared by evaluate() (per-axis terms
// walked on demand) and Evaluator (terms looked up in precomputed tables).
// Internal to model/.
#pragma once

#include "model/axis_table.hpp"
#include "model/machine.hpp"
#include "model/traffic.hpp"
#include "schedule/schedule.hpp"
#include "workload/layer.hpp"

namespace spad {

// Where per-axis input terms come from: a table when present, else computed.
struct AxisSource {
  const AxisTable* table = nullptr;
  AxisGeometry geometry;
  AxisTerm term(Count t_out, bool out_tiled, Count t_ker, bool ker_tiled, HaloAlong halo) const {
    return table ? table->term(t_out, out_tiled, t_ker, ker_tiled, halo)
                 : axis_term(geometry, t_out, out_tiled, t_ker, ker_tiled, halo);
  }
};

// Counts a validated schedule (the caller validated schedule and machine);
// `trips` holds T_d = ceil(D_d / t_d) for the schedule's tiles.
Traffic count_traffic(const Layer& layer, const Schedule& s, const PerDim<Count>& trips,
                      const Machine& machine, const AxisSource& rows, const AxisSource& cols,
                      Count compulsory_bytes);

}  // namespace spad
