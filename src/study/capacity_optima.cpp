// Optima of one layer over capacities (the exactness argument is in the header).
#include "study/capacity_optima.hpp"

#include <algorithm>

#include "base/error.hpp"
#include "model/evaluate.hpp"

namespace spad {
namespace {

// Buffer bytes of the schedule with every tile whole (spans as the space
// fixes them, else outermost): every buffer holds its whole array.
Count whole_layer_bytes(const Layer& layer, Machine machine, const SearchSpace& space) {
  machine.capacity_bytes = std::nullopt;
  Schedule whole;
  if (space.fixed_order) whole.order = *space.fixed_order;
  whole.buffer_span = space.fixed_spans ? *space.fixed_spans : PerTensor<int>{{8, 8, 8}};
  for (Dim d : kAllDims) whole.tiles[d] = layer.bound(d);
  return evaluate(layer, whole, machine).buffer_bytes;
}

}  // namespace

Accelerator accelerator_at(const Accelerator& accel, Count capacity_bytes) {
  Accelerator at = accel;
  at.machine.capacity_bytes = capacity_bytes;
  if (at.energy.scratchpad_source == EnergySource::default_value)
    at.energy.scratchpad_fj_per_byte = default_scratchpad_fj_per_byte(capacity_bytes);
  return at;
}

CapacityOptima::CapacityOptima(const Layer& layer, const Machine& machine,
                               const SearchOptions& options,
                               std::shared_ptr<const Accelerator> accel)
    : layer_(layer),
      machine_(accel ? accel->machine : machine),
      options_(options),
      accel_(std::move(accel)) {
  SPAD_CHECK(!options.accelerator, "CapacityOptima: the accelerator is a separate argument");
  shares_ = !accel_ || options_.objective == Objective::traffic ||
            accel_->energy.scratchpad_source == EnergySource::file;
  smallest_ = smallest_capacity_bytes(layer_, machine_, options_.space);
  whole_ = std::max(smallest_, whole_layer_bytes(layer_, machine_, options_.space));
  nothing_fits_.min_capacity_bytes = smallest_;
}

const SearchResult& CapacityOptima::at(Count capacity) {
  if (capacity < 1) throw UserError("capacity " + std::to_string(capacity) + ": must be >= 1 byte");
  if (capacity < smallest_) return nothing_fits_;
  const Count b = shares_ ? std::min(capacity, whole_) : capacity;
  // The nearest capacity searched at or above b: if its optimum fits b, it
  // is the optimum at b. (If a farther one's fitted b, it would fit the
  // nearest one too and be its optimum as well.)
  if (const auto it = searched_.lower_bound(b); it != searched_.end()) {
    if (it->first == b) return it->second;
    if (shares_ && it->second.best && it->second.best->traffic.buffer_bytes <= b) return it->second;
  }
  Machine at = machine_;
  at.capacity_bytes = b;
  SearchOptions options = options_;
  options.accelerator = accelerator(b);
  ++searches_;
  return searched_.emplace(b, optimize(layer_, at, options)).first->second;
}

std::shared_ptr<const Accelerator> CapacityOptima::accelerator(Count capacity) const {
  if (!accel_) return nullptr;
  return std::make_shared<const Accelerator>(accelerator_at(*accel_, capacity));
}

}  // namespace spad
