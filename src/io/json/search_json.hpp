// The search's settings and statistics as JSON members of optimize's output:
//   space: {"uniform_spans": false, "fixed_order": null | ["s","r",...]}  (innermost first)
//   stats: {"structures", "evaluations", "complete_schedules"}
// Only the space is deterministic; evaluation counts vary with the thread
// count (pruning depends on when a good schedule is found), the answer does not.
#pragma once

#include <nlohmann/json.hpp>

#include "search/optimize.hpp"

namespace spad {

nlohmann::ordered_json search_space_to_json(const SearchSpace& space);
nlohmann::ordered_json search_stats_to_json(const SearchStats& stats);

}  // namespace spad
