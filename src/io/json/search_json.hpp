// The search's settings and statistics as JSON members of optimize's output:
//   space: {"uniform_spans": false, "fixed_order": null | ["s","r",...] (innermost first),
//           "fixed_spans": null | {"I": 2, "W": 1, "O": 3}}
//   level space (several on-chip levels, one entry per level, outermost first):
//          {"uniform_spans": false, "fixed_orders": null | [["s","r",...], ...],
//           "fixed_spans": null | [{"I": 2, "W": null, "O": 3}, ...]}  (null: bypass)
//   stats: {"structures", "evaluations", "complete_schedules"}
// Only the space is deterministic; evaluation counts vary with the thread
// count (pruning depends on when a good schedule is found), the answer does not.
#pragma once

#include <nlohmann/json.hpp>

#include "search/level_search_space.hpp"
#include "search/optimize.hpp"

namespace spad {

nlohmann::ordered_json search_space_to_json(const SearchSpace& space);
nlohmann::ordered_json level_search_space_to_json(const LevelSearchSpace& space);
nlohmann::ordered_json search_stats_to_json(const SearchStats& stats);

}  // namespace spad
