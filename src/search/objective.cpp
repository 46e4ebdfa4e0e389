// The search objectives, computed by the model.
#include "search/objective.hpp"

#include <array>

#include "base/error.hpp"

namespace spad {

std::string_view objective_name(Objective objective) {
  switch (objective) {
    case Objective::traffic:
      return "traffic";
    case Objective::latency:
      return "latency";
    case Objective::energy:
      return "energy";
  }
  throw InternalError("objective_name: unknown objective");
}

std::optional<Objective> parse_objective(std::string_view text) {
  for (Objective o : {Objective::traffic, Objective::latency, Objective::energy})
    if (objective_name(o) == text) return o;
  return std::nullopt;
}

std::string objective_with_ties(Objective objective) {
  switch (objective) {
    case Objective::traffic:
      return "traffic (ties: latency)";
    case Objective::latency:
      return "latency (ties: energy, then traffic)";
    case Objective::energy:
      return "energy (ties: latency, then traffic)";
  }
  throw InternalError("objective_with_ties: unknown objective");
}

ObjectiveFunction::ObjectiveFunction(Objective objective, std::shared_ptr<const Accelerator> accel,
                                     const Layer& layer)
    : objective_(objective) {
  if (objective == Objective::traffic && !accel) return;
  if (!accel)
    throw UserError("the " + std::string(objective_name(objective)) +
                    " objective needs an accelerator description (--machine FILE)");
  accel_ = std::move(accel);
  accel_evaluator_ = std::make_unique<AccelEvaluator>(layer, *accel_);
}

ObjectiveValue objective_value(Objective objective, const AccelCost& cost, Count traffic_bytes) {
  switch (objective) {
    case Objective::traffic:
      return {traffic_bytes, cost.latency_cycles};
    case Objective::latency:
      return {cost.latency_cycles, cost.energy.total};
    case Objective::energy:
      return {cost.energy.total, cost.latency_cycles};
  }
  throw InternalError("objective_value: unknown objective");
}

ObjectiveValue ObjectiveFunction::value(const Schedule& schedule, const Traffic& traffic) const {
  if (!on_accelerator()) return {traffic.traffic_bytes, 0};
  return objective_value(objective_,
                         accel_evaluator_->cost(schedule, traffic, OnOverflow::saturate),
                         traffic.traffic_bytes);
}

ObjectiveValue ObjectiveFunction::bound(const CostInputs& lower) const {
  SPAD_CHECK(on_accelerator(), "ObjectiveFunction::bound: traffic alone is bounded directly");
  return objective_value(objective_, cost_from_inputs(lower, *accel_, OnOverflow::saturate),
                         lower.traffic_bytes);
}

}  // namespace spad
