// Output of evaluate / simulate.
#include "cli/cost_output.hpp"

#include "cli/result_output.hpp"
#include "io/json/result_document.hpp"
#include "report/schedule_report.hpp"

namespace spad::cli {

nlohmann::ordered_json cost_json(const CostInputs& in, const Traffic& traffic,
                                 const nlohmann::ordered_json& extra) {
  nlohmann::ordered_json j = cost_result_document(in.layer, in.schedule, in.machine, traffic);
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

}  // namespace spad::cli
