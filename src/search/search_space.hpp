// Which schedules the search may choose from. The default is DESIGN.md's
// whole space (any tiles, any order, one buffer span per array); the two
// restrictions exist for comparisons with simpler models.
#pragma once

#include <array>
#include <optional>

#include "base/dims.hpp"

namespace spad {

struct SearchSpace {
  // All three buffers at one loop level (the cache-style working-set model).
  bool uniform_spans = false;
  // Only this loop order (innermost first); tiles and spans still free.
  std::optional<std::array<Dim, kNumDims>> fixed_order;
  // Only these buffer spans (needs fixed_order): only the tiles are searched.
  // Fixed dataflows (weight-stationary, ...) are such spaces.
  std::optional<PerTensor<int>> fixed_spans;
};

}  // namespace spad
