// `spad evaluate`: the traffic of one schedule of one layer, by the
// analytical model (model/evaluate).
#include <memory>

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
            const CostInputs in = load_cost_inputs(*flags);
            const Traffic traffic = evaluate(in.layer, in.schedule, in.machine);
            print_cost(in, traffic, flags->json, "the analytical model", {},
                       output_width(flags->wide));
            return 0;
          }};
}

}  // namespace spad::cli
