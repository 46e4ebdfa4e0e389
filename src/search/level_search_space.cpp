// Validation of a several-level search space.
#include "search/level_search_space.hpp"

#include <string>

#include "base/error.hpp"

namespace spad {

void validate(const LevelSearchSpace& space, std::size_t levels) {
  const auto level_text = [](std::size_t l) { return "level " + std::to_string(l + 1); };
  if (space.fixed_spans && !space.fixed_orders)
    throw UserError("fixed buffer spans per level need a fixed loop order per level as well");
  if (space.fixed_orders) {
    if (space.fixed_orders->size() != levels)
      throw UserError("fixed loop orders: " + std::to_string(space.fixed_orders->size()) +
                      " given for " + std::to_string(levels) + " on-chip levels (one per level)");
    for (std::size_t l = 0; l < levels; ++l) {
      PerDim<int> seen{};
      for (Dim d : (*space.fixed_orders)[l]) ++seen[d];
      for (Dim d : kAllDims)
        if (seen[d] != 1)
          throw UserError("fixed loop order of " + level_text(l) + ": loop " +
                          std::string(dim_name(d)) + " appears " + std::to_string(seen[d]) +
                          " times (an order lists each of n g m c p q r s once)");
    }
  }
  if (space.fixed_spans) {
    if (space.fixed_spans->size() != levels)
      throw UserError("fixed buffer spans: " + std::to_string(space.fixed_spans->size()) +
                      " levels given for " + std::to_string(levels) +
                      " on-chip levels (one per level)");
    for (std::size_t l = 0; l < levels; ++l)
      for (Tensor a : kAllTensors) {
        const std::optional<int>& k = (*space.fixed_spans)[l][a];
        const std::string field =
            "fixed buffer span of " + std::string(tensor_name(a)) + " at " + level_text(l);
        if (!k && l + 1 == levels)
          throw UserError(field +
                          ": a bypass at the innermost level (the datapath reads only "
                          "there; bypass is allowed at levels 1..L-1)");
        if (k && (*k < 0 || *k > static_cast<int>(kNumDims)))
          throw UserError(field + " = " + std::to_string(*k) + ": must be in 0..8");
      }
  }
}

}  // namespace spad
