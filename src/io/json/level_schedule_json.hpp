// Several-level schedules in and out (DESIGN.md, "Schedule JSON with levels"):
//   {"levels": [
//     {"name": "L2", "order": [...innermost first], "tiles": {...},
//      "buffer_span": {"I": 2, "W": null, "O": 3}},      null = W bypasses L2
//     {"name": "L1", "order": [...], "tiles": {...},
//      "buffer_span": {"I": 0, "W": 4, "O": 2}}]}
// outermost level first; "name" is optional (a label); order, tiles and
// buffer_span are required in every level, with the one-level rules
// (io/json/schedule_fields); a span may be null at every level but the
// innermost. 1..kMaxLevels levels; unknown keys are errors naming the path
// ("levels[1].tile").
//
// Both forms are read everywhere: level_schedule_from_json reads the
// one-level form (io/json/schedule_json) as a one-level LevelSchedule, and
// schedule_from_json reads a one-level "levels" list as a Schedule and
// refuses a several-level one, naming the source and why. A result document
// (spad-result/1) holding a several-level schedule is read through its
// "schedule" member; when it gives "layer", "machine" and "levels", its
// derived counts (top-level and per level) are recomputed by the level model
// and a mismatch is an error naming the key (io/json/level_result_check).
//
// Written back: a one-level schedule in the one-level form (its level name
// dropped), several levels in the "levels" form with "name" when non-empty.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "schedule/level_schedule.hpp"

namespace spad {

// Either form, or a result/network document holding one; `source` names the
// input in messages (a file name or "--schedule").
LevelSchedule level_schedule_from_json(const nlohmann::json& j, const std::string& source);

// A file path, or JSON text starting with '{' (as load_schedule_arg).
LevelSchedule load_level_schedule_arg(const std::string& arg);

// The bare "levels" form only: `j` is an object with a "levels" key (and
// perhaps "format"). Used by schedule_from_json for that form.
LevelSchedule level_list_from_json(const nlohmann::json& j, const std::string& source);

// validate(schedule, layer), its UserError prefixed by `source` (a file name
// or "--schedule", io/json/schedule_json's schedule_arg_source).
void validate_level_schedule_from(const LevelSchedule& schedule, const Layer& layer,
                                  const std::string& source);

nlohmann::ordered_json level_schedule_to_json(const LevelSchedule& s);

// One-line compact JSON of level_schedule_to_json.
std::string level_schedule_to_canonical_string(const LevelSchedule& s);

}  // namespace spad
