// What the search minimises first: off-chip traffic (DESIGN.md's default),
// or, on an accelerator (model/accelerator), latency or energy. The same
// exact search either way; only the leading term of the order changes:
//   (objective, traffic bytes, buffer bytes, DMA fills, schedule)
// with objective = traffic bytes, latency cycles or energy in fJ, each
// computed by the model (model/accel_cost).
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "model/accel_cost.hpp"
#include "model/accel_tables.hpp"
#include "model/accelerator.hpp"
#include "model/traffic.hpp"
#include "schedule/schedule.hpp"
#include "workload/layer.hpp"

namespace spad {

enum class Objective { traffic, latency, energy };

// "traffic", "latency", "energy".
std::string_view objective_name(Objective objective);
std::optional<Objective> parse_objective(std::string_view text);

// The objective bound to one layer (and accelerator, for latency and energy).
class ObjectiveFunction {
 public:
  // `accel` is required for latency and energy (UserError otherwise) and
  // ignored for traffic.
  ObjectiveFunction(Objective objective, std::shared_ptr<const Accelerator> accel,
                    const Layer& layer);

  Objective kind() const { return objective_; }
  bool is_traffic() const { return objective_ == Objective::traffic; }
  // The MAC array's lanes; nullptr for traffic.
  const MacArray* lanes() const { return accel_ ? &accel_->mac_array : nullptr; }
  const Accelerator* accelerator() const { return accel_.get(); }
  // Lane steps and trip counts per tile (not for traffic).
  const AccelTables& tables() const { return *tables_; }

  // The value of a schedule whose traffic is `traffic`.
  Count value(const Schedule& schedule, const Traffic& traffic) const;
  // A lower bound from lower bounds of every cost input (cost_from_inputs is
  // non-decreasing in each of them). Not for traffic.
  Count bound(const CostInputs& lower) const;

 private:
  Count pick(const AccelCost& cost) const;

  Objective objective_;
  std::shared_ptr<const Accelerator> accel_;
  std::unique_ptr<AccelTables> tables_;
};

}  // namespace spad
