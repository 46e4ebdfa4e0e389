// `spad evaluate`: the traffic of one schedule of one layer, by the
// analytical model (model/evaluate). A several-level schedule is refused
// (no several-level model in this version; `simulate` counts it).
#include <memory>
#include <variant>

#include "base/error.hpp"
#include "cli/command.hpp"
#include "cli/cost_flags.hpp"
#include "cli/cost_output.hpp"
#include "cli/output_width.hpp"
#include "model/evaluate.hpp"

namespace spad::cli {

Command add_evaluate_command(CLI::App& app) {
  auto flags = std::make_shared<CostFlags>();
  CLI::App* sub = app.add_subcommand(
      "evaluate", "Count the off-chip traffic of a schedule with the analytical model");
  add_cost_flags(*sub, *flags);
  return {sub, [flags] {
            const auto inputs = load_cost_inputs(*flags);
            // The analytical model of several levels (model/level_evaluate)
            // is not in this version; the simulator is never run under the
            // model's name.
            if (std::holds_alternative<LevelCostInputs>(inputs))
              throw UserError(
                  "evaluate: several-level schedules are counted by 'simulate' only in this "
                  "version (spad simulate takes the same arguments)");
            const CostInputs& in = std::get<CostInputs>(inputs);
            const Traffic traffic = evaluate(in.layer, in.schedule, in.machine);
            print_cost(in, traffic, flags->json, "the analytical model", {},
                       output_width(flags->wide));
            return 0;
          }};
}

}  // namespace spad::cli
