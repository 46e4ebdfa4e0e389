// `spad simulate`: the traffic of one schedule of one layer, counted by the
// tile-level simulator (sim/tile_simulator); same arguments and output as
// evaluate. With --execute the functional executor also runs the convolution
// through the buffers; a wrong output or a count that differs from the
// simulator's is reported on stderr and the exit code is 1. A schedule of
// several on-chip levels (with --buffer OUTER,INNER) is counted by the level
// simulator (sim/level_simulator) and printed with its levels; with
// --execute the level executor (sim/level_executor) runs it and is checked
// level by level (study/level_execution_check).
#include <cstdint>
#include <iostream>
#include <memory>
#include <variant>

#include "base/error.hpp"
#include "cli/command.hpp"
#include "cli/cost_flags.hpp"
#include "cli/cost_output.hpp"
#include "cli/network_run_flags.hpp"
#include "cli/number_flags.hpp"
#include "cli/output_width.hpp"
#include "cli/progress.hpp"
#include "cli/result_output.hpp"
#include "io/json/execution_check_json.hpp"
#include "report/execution_check_text.hpp"
#include "sim/executor.hpp"
#include "sim/level_executor.hpp"
#include "sim/level_simulator.hpp"
#include "sim/tile_simulator.hpp"
#include "study/execution_check.hpp"
#include "study/level_execution_check.hpp"

namespace spad::cli {
namespace {

struct SimulateFlags {
  CostFlags cost;
  bool execute = false;
  std::uint64_t seed = 1;
  bool quiet = false;
};

// After the result: the check's line (not with --json, where it is the
// "execute" member), and on a failure its lines on stderr and exit code 1.
int finish_execution_check(const ExecutionCheck& check, bool json, std::size_t width) {
  if (!json) result_out() << '\n' << fit_to_width(format_execution_check(check), width);
  if (check.ok()) return 0;
  std::cerr << execution_failure_message(check);
  return 1;
}

}  // namespace

Command add_simulate_command(CLI::App& app) {
  auto flags = std::make_shared<SimulateFlags>();
  CLI::App* sub = app.add_subcommand(
      "simulate", "Count the off-chip traffic of a schedule with the tile-level simulator");
  add_cost_flags(*sub, flags->cost);
  sub->add_flag("--execute", flags->execute,
                "Also run the convolution on random integers through the buffers and check the "
                "output against the reference and the counts against the simulator "
                "(exit code 1 on a mismatch)");
  sub->add_option("--seed", flags->seed, "Seed of the random operands of --execute (default 1)")
      ->type_name("INT")
      ->check(seed_number());
  add_quiet_flag(*sub, flags->quiet);
  return {sub, [flags] {
            const auto inputs = load_cost_inputs(flags->cost);
            if (const auto* levels = std::get_if<LevelCostInputs>(&inputs)) {
              const LevelTraffic traffic =
                  simulate_levels(levels->layer, levels->schedule, levels->machine);
              const std::size_t width = output_width(flags->cost.wide);
              if (!flags->execute) {
                print_level_cost(*levels, traffic, flags->cost.json, "the level simulator", width);
                return 0;
              }
              const LevelExecution run =
                  execute_levels(levels->layer, levels->schedule, levels->machine, flags->seed);
              const ExecutionCheck check =
                  check_level_execution(run, traffic, levels->machine, flags->seed);
              nlohmann::ordered_json extra;
              extra["execute"] = execution_check_json(check);
              print_level_cost(*levels, traffic, flags->cost.json, "the level simulator", width,
                               extra);
              return finish_execution_check(check, flags->cost.json, width);
            }
            const CostInputs& in = std::get<CostInputs>(inputs);
            const Traffic traffic = simulate(in.layer, in.schedule, in.machine);
            if (!flags->execute) {
              print_cost(in, traffic, flags->cost.json, "the tile-level simulator", {},
                         output_width(flags->cost.wide));
              return 0;
            }
            Progress line("simulate --execute", "MACs", in.layer.macs(),
                          Progress::wanted(flags->quiet));
            const Execution run = execute(in.layer, in.schedule, in.machine, flags->seed,
                                          [&line](Count done, Count) { line.set_done(done); });
            line.finish();
            const ExecutionCheck check = check_execution(run, traffic, in.machine, flags->seed);
            nlohmann::ordered_json extra;
            extra["execute"] = execution_check_json(check);
            const std::size_t width = output_width(flags->cost.wide);
            print_cost(in, traffic, flags->cost.json, "the tile-level simulator", extra, width);
            return finish_execution_check(check, flags->cost.json, width);
          }};
}

}  // namespace spad::cli
