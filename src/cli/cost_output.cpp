// Output of evaluate / simulate (one level or several).
#include "cli/cost_output.hpp"

#include "cli/result_output.hpp"
#include "io/json/layer_json.hpp"
#include "io/json/level_result_json.hpp"
#include "io/json/result_document.hpp"
#include "model/level_evaluate.hpp"
#include "report/level_report.hpp"
#include "report/schedule_report.hpp"

namespace spad::cli {

nlohmann::ordered_json cost_json(const CostInputs& in, const Traffic& traffic,
                                 const nlohmann::ordered_json& extra) {
  nlohmann::ordered_json j = cost_result_document(in.layer, in.schedule, in.machine, traffic);
  add_layer_entry_keys(j, in.stated);
  if (extra.is_object())
    for (const auto& [key, value] : extra.items()) j[key] = value;
  return j;
}

void print_cost(const CostInputs& in, const Traffic& traffic, bool json,
                std::string_view counted_by, const nlohmann::ordered_json& extra,
                std::size_t width) {
  if (json) {
    write_json_result(cost_json(in, traffic, extra));
    return;
  }
  result_out() << format_schedule_report(in.layer, in.schedule, in.machine, traffic, counted_by,
                                         width);
}

void print_level_cost(const LevelCostInputs& in, const LevelTraffic& traffic, bool json,
                      std::string_view counted_by, std::size_t width,
                      const nlohmann::ordered_json& extra) {
  if (json) {
    nlohmann::ordered_json j = level_result_document(in.layer, in.schedule, in.machine, traffic);
    add_layer_entry_keys(j, in.stated);
    if (extra.is_object())
      for (const auto& [key, value] : extra.items()) j[key] = value;
    write_json_result(j);
    return;
  }
  result_out() << format_level_report(in.layer, in.schedule, in.machine, traffic,
                                      level_lower_bounds(in.layer, in.machine), counted_by, width);
}

}  // namespace spad::cli
