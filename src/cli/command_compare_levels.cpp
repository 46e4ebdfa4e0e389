// The compare command over several on-chip levels.
#include "cli/command_compare_levels.hpp"

#include <iostream>

#include "cli/command.hpp"
#include "cli/machine_flags.hpp"
#include "cli/output_width.hpp"
#include "cli/progress.hpp"
#include "cli/result_output.hpp"
#include "cli/run_target.hpp"
#include "io/csv/level_result_csv.hpp"
#include "io/json/compare_level_result_json.hpp"
#include "io/json/level_optimize_document.hpp"
#include "io/text/network_precision.hpp"
#include "report/compare_level_table.hpp"
#include "study/optimize_network.hpp"

namespace spad::cli {

int run_compare_levels(const CompareFlags& flags) {
  RunTarget target =
      load_run_target("compare", flags.layer, flags.model, flags.layers, flags.batch);
  // A model's own element sizes per layer; --precision keys win (as in optimize).
  apply_precision_text(target.net, flags.machine.precision);
  const std::size_t levels = buffer_level_count(flags.machine);
  MemoryLevels machine = memory_levels_from_flags(flags.machine, levels, {});
  // The model's own element sizes (integer operators) as for one level.
  machine.precision =
      machine_for_network(level_machine(machine, 0), target.net, flags.machine.precision).precision;
  CompareLevelResult result = [&] {
    StudyProgressLines lines([](const std::string& stage) { return "compare: " + stage; },
                             Progress::wanted(flags.quiet));
    return compare_network_levels(target.net, target.chosen, machine, flags.threads, lines.hooks());
  }();
  result.network.precision_source = precision_source(target.net, flags.machine.precision);
  if (flags.json) {
    write_json_result(compare_level_result_to_json(result));
  } else if (flags.csv) {
    result_out() << compare_level_result_to_csv(result);
  } else {
    result_out() << format_compare_level_table(result, output_width(flags.wide));
  }
  if (network_level_infeasible_layers(result.network) == 0) return 0;
  result_out().flush();
  std::cerr << "spad: error: " << level_network_infeasible_message(result.network) << '\n';
  return kExitUsage;
}

}  // namespace spad::cli
