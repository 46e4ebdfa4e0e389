// Which several-level schedules the level search may choose from (the
// several-level form of search/search_space.hpp). The default is DESIGN.md's
// whole space ("Several on-chip levels"); the restrictions exist for the
// baselines (search/level_baselines) and comparisons with simpler models.
//
//   fixed_orders   one loop order per level (innermost first), outermost
//                  level first; tiles, spans and bypasses still free.
//   fixed_spans    one span or bypass per array per level (needs
//                  fixed_orders: a span counts loops of the level's order);
//                  only the tiles are searched. A bypass (nullopt) is allowed
//                  at levels 1..L-1, as in any schedule.
//   uniform_spans  at every level, I, W and O share one span k_l in 0..8
//                  (k_l free per level) and nothing bypasses: each level holds
//                  the same tile of every array, the Timeloop-style model
//                  where all arrays are stored at every level boundary. With
//                  one level it is the one-level --uniform-spans.
// The restrictions combine (the schedules meeting all of them). Spans are
// taken literally with a fixed order (a loop whose tile equals the enclosing
// tile stays where the order puts it); without one the search's canonical
// form applies (search/level_search.hpp), which loses no schedule.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "base/dims.hpp"

namespace spad {

struct LevelSearchSpace {
  bool uniform_spans = false;
  std::optional<std::vector<std::array<Dim, kNumDims>>> fixed_orders;
  std::optional<std::vector<PerTensor<std::optional<int>>>> fixed_spans;

  bool restricted() const { return uniform_spans || fixed_orders || fixed_spans; }
};

// UserError naming the level and field when `space` does not fit `levels`
// levels: a fixed_orders or fixed_spans list of another length, an order
// that is not a permutation, a span outside 0..8, a bypass at the innermost
// level, fixed spans without fixed orders.
void validate(const LevelSearchSpace& space, std::size_t levels);

}  // namespace spad
