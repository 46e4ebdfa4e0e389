// The human report of one several-level schedule of one layer (what
// `spad simulate` prints without --json for a schedule with levels; the JSON
// twin is io/json/level_result_json):
//
//   layer     ...
//   schedule  {"levels":[...]}
//   counted   by the level simulator
//
//   loop nest, outermost first (report/level_loop_nest)
//
//   boundary       level capacity  buffers fits fills  I reads  W reads  O reads  O writes
//                  traffic bytes  compulsory bytes  lower bound bytes  traffic / bound
//   off-chip → L2  ...
//   L2 → L1        ...
//
// followed by one line per level with its per-array buffers and counts, and
// the machine options. Counts are elements crossing the boundary above the
// level, in either direction; O reads and non-final writes are partial sums.
#pragma once

#include <string>
#include <string_view>

#include "model/level_traffic.hpp"
#include "model/lower_bound.hpp"
#include "model/memory_levels.hpp"
#include "schedule/level_schedule.hpp"
#include "workload/layer.hpp"

namespace spad {

// `bounds`: one per level (model/level_evaluate). `width` (0:
// unlimited): tables folded and lines wrapped to it (report/text_table).
std::string format_level_report(const Layer& layer, const LevelSchedule& schedule,
                                const MemoryLevels& machine, const LevelTraffic& traffic,
                                const std::vector<LowerBound>& bounds, std::string_view counted_by,
                                std::size_t width = 0);

}  // namespace spad
