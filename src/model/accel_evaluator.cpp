// AccelEvaluator: lane-step and trip-count tables for the accelerator cost.
#include "model/accel_evaluator.hpp"

namespace spad {

AccelEvaluator::AccelEvaluator(const Layer& layer, const Accelerator& accel)
    : layer_(&layer), accel_(&accel) {
  validate(accel);
  for (Dim d : kAllDims) {
    const Count extent = layer.bound(d);
    if (extent > kMaxTableExtent) continue;
    auto& steps = steps_[index(d)];
    auto& trips = trips_[index(d)];
    steps.assign(static_cast<std::size_t>(extent) + 1, 0);
    trips.assign(static_cast<std::size_t>(extent) + 1, 0);
    for (Count t = 1; t <= extent; ++t) {
      steps[static_cast<std::size_t>(t)] = lane_steps(extent, t, accel.mac_array.unroll[d]);
      trips[static_cast<std::size_t>(t)] = ceil_div(extent, t);
    }
  }
}

Count AccelEvaluator::steps(Dim d, Count tile) const {
  const auto& table = steps_[index(d)];
  if (!table.empty()) return table[static_cast<std::size_t>(tile)];
  return lane_steps(layer_->bound(d), tile, accel_->mac_array.unroll[d]);
}

Count AccelEvaluator::trips(Dim d, Count tile) const {
  const auto& table = trips_[index(d)];
  if (!table.empty()) return table[static_cast<std::size_t>(tile)];
  return ceil_div(layer_->bound(d), tile);
}

LoopSteps AccelEvaluator::loop_steps(const Schedule& schedule) const {
  LoopSteps out;
  for (Dim d : kAllDims) {
    out.lane_steps[d] = steps(d, schedule.tiles[d]);
    out.trips[d] = trips(d, schedule.tiles[d]);
  }
  return out;
}

AccelCost AccelEvaluator::cost(const Schedule& schedule, const Traffic& traffic,
                               OnOverflow policy) const {
  const Activity activity = count_activity(*layer_, loop_steps(schedule), traffic);
  return cost_from_inputs(
      cost_inputs(accel_->machine.precision, activity, traffic, accel_->machine.double_buffer),
      *accel_, policy);
}

}  // namespace spad
