// What the search minimises first: off-chip traffic (DESIGN.md's default),
// or, on an accelerator (model/accelerator), latency or energy. The same
// exact search either way; only the leading terms of the order change:
//   (objective, secondary, traffic bytes, DMA fills, buffer bytes, schedule)
//   traffic: (traffic bytes, 0)               DESIGN.md's order (optimize)
//   traffic on an accelerator: (traffic bytes, latency cycles)   (accel)
//   latency: (latency cycles, energy fJ)
//   energy:  (energy fJ, latency cycles)
// each computed by the model (model/accel_cost). The secondary term breaks a
// tie on the objective by what the accelerator's user cares about next (the
// fills and buffer bytes come after it, search/candidate).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "model/accel_cost.hpp"
#include "model/accel_evaluator.hpp"
#include "model/accelerator.hpp"
#include "model/traffic.hpp"
#include "schedule/schedule.hpp"
#include "workload/layer.hpp"

namespace spad {

enum class Objective { traffic, latency, energy };

struct ObjectiveValue {
  Count primary = 0, secondary = 0;
};

// The two terms of `objective` on an accelerator for a schedule of this cost
// and traffic.
ObjectiveValue objective_value(Objective objective, const AccelCost& cost, Count traffic_bytes);

// "traffic", "latency", "energy".
std::string_view objective_name(Objective objective);
std::optional<Objective> parse_objective(std::string_view text);

// The objective with its tie-breaking terms on an accelerator, as printed
// with every accel result: "latency (ties: energy, then traffic)".
std::string objective_with_ties(Objective objective);

// The objective bound to one layer (and accelerator, for latency and energy).
class ObjectiveFunction {
 public:
  // `accel` is required for latency and energy (UserError otherwise); with
  // it, the traffic objective breaks ties by latency.
  ObjectiveFunction(Objective objective, std::shared_ptr<const Accelerator> accel,
                    const Layer& layer);

  // Whether schedules are costed on an accelerator (its cycles and energy
  // matter, not only the traffic).
  bool on_accelerator() const { return accel_ != nullptr; }
  // The MAC array's lanes; nullptr for traffic.
  const MacArray* lanes() const { return accel_ ? &accel_->mac_array : nullptr; }
  // Lane steps and trip counts per tile (on an accelerator only).
  const AccelEvaluator& accel_evaluator() const { return *accel_evaluator_; }

  // The value of a schedule whose traffic is `traffic`.
  ObjectiveValue value(const Schedule& schedule, const Traffic& traffic) const;
  // Lower bounds of both terms from lower bounds of every cost input
  // (cost_from_inputs is non-decreasing in each of them). On an accelerator
  // only.
  ObjectiveValue bound(const CostInputs& lower) const;

 private:
  Objective objective_;
  std::shared_ptr<const Accelerator> accel_;
  std::unique_ptr<AccelEvaluator> accel_evaluator_;
};

}  // namespace spad
