// The lower bound at each boundary of several levels (boundary_lower_bound.hpp).
#include "model/boundary_lower_bound.hpp"

#include <optional>

#include "model/evaluate.hpp"

namespace spad {

std::vector<LowerBound> boundary_lower_bounds(const Layer& layer, const MemoryLevels& machine) {
  std::vector<LowerBound> bounds(machine.levels.size());
  std::optional<Count> inside = Count{0};  // capacity of levels l..L; nullopt = unbounded
  for (std::size_t l = machine.levels.size(); l-- > 0;) {
    const std::optional<Count>& c = machine.levels[l].capacity_bytes;
    inside = inside && c ? std::optional<Count>(add(*inside, *c)) : std::nullopt;
    if (inside) {
      bounds[l] = lower_bound(layer, machine.precision, *inside);
    } else {
      // An unbounded fast memory: only the compulsory traffic remains.
      LowerBound b;
      b.compulsory_bytes = compulsory_bytes(layer, machine.precision);
      b.bound_bytes = b.compulsory_bytes;
      bounds[l] = b;
    }
  }
  return bounds;
}

}  // namespace spad
