// Writes the result of costing one schedule to stdout: with --json the
// Result JSON of DESIGN.md (io/json/result_json) as one document, plus any
// `extra` members; otherwise the human report (report/schedule_report).
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "cli/cost_flags.hpp"
#include "model/level_traffic.hpp"
#include "model/traffic.hpp"

namespace spad::cli {

// The Result JSON with the members of `extra` (an object, possibly null) appended.
nlohmann::ordered_json cost_json(const CostInputs& in, const Traffic& traffic,
                                 const nlohmann::ordered_json& extra);

// `width`: what the human report is fitted to (cli/output_width; 0: unlimited).
void print_cost(const CostInputs& in, const Traffic& traffic, bool json,
                std::string_view counted_by, const nlohmann::ordered_json& extra = {},
                std::size_t width = 0);

// The same for a several-level schedule: the Result JSON with levels
// (io/json/level_result_json) with the members of `extra` appended, or the
// level report (report/level_report).
void print_level_cost(const LevelCostInputs& in, const LevelTraffic& traffic, bool json,
                      std::string_view counted_by, std::size_t width = 0,
                      const nlohmann::ordered_json& extra = {});

}  // namespace spad::cli
