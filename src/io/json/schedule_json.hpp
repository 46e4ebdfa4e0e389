// Schedules in and out, in DESIGN.md's canonical JSON:
//   {"order": ["s","r","q","p","c","m","g","n"],           innermost first
//    "tiles": {"n":1,"g":1,"m":32,"c":16,"p":14,"q":14,"r":3,"s":3},
//    "buffer_span": {"I": 4, "W": 5, "O": 2}}
// All three keys are required; order must be a permutation of the 8 dimension
// letters (lower case); tiles must give every dimension a positive integer;
// buffer_span must give I, W and O an integer in 0..8. Unknown keys are errors
// (with the closest valid key suggested).
//
// For feeding results back in, an object with a "schedule" key and no "order"
// key (a Result JSON, as `evaluate --json` / `optimize --json` print) is read
// through its "schedule" member; its other keys are ignored.
//
// The several-level form ({"levels": [...]}, io/json/level_schedule_json) is
// read too: one level is that level's Schedule; several levels are refused,
// naming the source and saying that only `evaluate` and `simulate` count them.
//
// Tiles are checked against a layer later, by validate(Schedule, Layer).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "schedule/schedule.hpp"
#include "workload/layer.hpp"

namespace spad {

// `source` names the input in messages: a file name or "--schedule".
Schedule schedule_from_json(const nlohmann::json& j, const std::string& source);

// A file path, or a JSON text (starting with '{') given directly.
Schedule load_schedule_arg(const std::string& arg);

// The JSON document of a --schedule argument (as load_schedule_arg reads
// it), not yet interpreted; `source` is set to the file name or "--schedule".
nlohmann::json load_schedule_document(const std::string& arg, std::string& source);

// The name messages give a --schedule argument: "--schedule" for JSON text,
// else the file name (as load_schedule_document sets `source`).
std::string schedule_arg_source(const std::string& arg);

// validate(schedule, layer), its UserError prefixed by `source` (a file name
// or "--schedule"): a tile beyond the layer names the file it came from.
void validate_schedule_from(const Schedule& schedule, const Layer& layer,
                            const std::string& source);

// Canonical form: keys order, tiles, buffer_span in that order; tiles in
// n g m c p q r s order; spans in I W O order.
nlohmann::ordered_json schedule_to_json(const Schedule& s);

// One-line compact canonical JSON (what optimize prints, evaluate accepts).
std::string schedule_to_canonical_string(const Schedule& s);

}  // namespace spad
