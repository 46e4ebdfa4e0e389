// Reading a Result JSON with levels back (io/json/level_result_json): its
// derived numbers (the top-level off-chip counts, buffer_bytes, fits,
// total_fills, and every levels[i] entry's arrays, traffic, compulsory and
// lower-bound bytes, buffer_bytes and fits) are recomputed by the level model
// from the document's own layer, schedule and machine, and a mismatch is an
// error naming the key ("levels[1].arrays.W.fills"), the value given and the
// value recomputed, as for one-level results (io/json/result_check).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model/memory_levels.hpp"
#include "schedule/level_schedule.hpp"
#include "workload/layer.hpp"

namespace spad {

// The machine of a level result: "machine" (precision, halo_reuse,
// double_buffer; io/json/result_check's machine_from_result_json) and, per
// entry of "levels" (an array with one entry per level of the schedule, in
// `level_count`), its "name" and "capacity_bytes" (null = unbounded).
MemoryLevels level_machine_from_result_json(const nlohmann::json& obj, std::size_t level_count,
                                            const std::string& source);

// Checks the derived keys `obj` gives against evaluate_levels of `schedule`
// (validated against `layer` first) on level_machine_from_result_json(obj).
void check_level_result_costs(const nlohmann::json& obj, const Layer& layer,
                              const LevelSchedule& schedule, const std::string& source);

}  // namespace spad
