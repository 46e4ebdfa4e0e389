// The analytical model bound to one layer and machine, with the per-axis
// input terms precomputed (model/axis_table). evaluate(schedule) returns
// exactly what spad::evaluate(layer, schedule, machine) returns, in O(1) per
// call instead of O(tiles): this is what the search calls.
#pragma once

#include <optional>

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

  const Layer& layer() const { return layer_; }
  const Machine& machine() const { return machine_; }

 private:
  Layer layer_;
  Machine machine_;
  // Absent for layers whose (output extent x kernel) table would be too large;
  // terms are then computed by walking the tiles (same values, slower).
  std::optional<AxisTable> rows_, cols_;
  Count compulsory_bytes_ = 0;
};

}  // namespace spad
