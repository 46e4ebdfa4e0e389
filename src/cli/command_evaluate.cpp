// `spad evaluate`: the traffic of one schedule of one layer, by the
// analytical model (model/evaluate; a schedule of several on-chip levels by
// model/level_evaluate).
#include <memory>
#include <variant>

#include "cli/command.hpp"
#include "cli/cost_flags.hpp"
#include "cli/cost_output.hpp"
#include "cli/output_width.hpp"
#include "model/evaluate.hpp"
#include "model/level_evaluate.hpp"

namespace spad::cli {

Command add_evaluate_command(CLI::App& app) {
  auto flags = std::make_shared<CostFlags>();
  CLI::App* sub = app.add_subcommand(
      "evaluate", "Count the off-chip traffic of a schedule with the analytical model");
  add_cost_flags(*sub, *flags);
  return {sub, [flags] {
            const auto inputs = load_cost_inputs(*flags);
            if (const auto* levels = std::get_if<LevelCostInputs>(&inputs)) {
              const LevelTraffic traffic =
                  evaluate_levels(levels->layer, levels->schedule, levels->machine);
              print_level_cost(*levels, traffic, flags->json, "the analytical model",
                               output_width(flags->wide));
              return 0;
            }
            const CostInputs& in = std::get<CostInputs>(inputs);
            const Traffic traffic = evaluate(in.layer, in.schedule, in.machine);
            print_cost(in, traffic, flags->json, "the analytical model", {},
                       output_width(flags->wide));
            return 0;
          }};
}

}  // namespace spad::cli
