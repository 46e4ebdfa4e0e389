// AccelEvaluator: the accelerator cost bound to one layer and accelerator, with the lane
// steps F_d(t) and trip counts T_d(t) of every tile precomputed:
// cost(schedule, traffic) returns exactly accel_cost(layer, schedule, accel,
// traffic) without a division per loop. This is what the search calls.
// Tables are built only for loops up to kMaxTableExtent (memory stays
// bounded whatever the layer: C = 2^31 would need 32 GiB); longer loops are
// computed on each call.
#pragma once

#include <array>
#include <vector>

#include "model/accel_cost.hpp"

namespace spad {

class AccelEvaluator {
 public:
  // Validates the accelerator (UserError naming the field: an unroll of 0
  // would divide by zero).
  AccelEvaluator(const Layer& layer, const Accelerator& accel);

  Count steps(Dim d, Count tile) const;
  Count trips(Dim d, Count tile) const;
  // Both per loop for a schedule's tiles.
  LoopSteps loop_steps(const Schedule& schedule) const;

  // The cost of a schedule valid for the layer, whose traffic is `traffic`.
  AccelCost cost(const Schedule& schedule, const Traffic& traffic,
                 OnOverflow policy = OnOverflow::reject) const;

 private:
  const Layer* layer_;
  const Accelerator* accel_;
  static constexpr Count kMaxTableExtent = Count{1} << 16;
  std::array<std::vector<Count>, kNumDims> steps_, trips_;  // empty beyond kMaxTableExtent
};

}  // namespace spad
