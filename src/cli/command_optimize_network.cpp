// The whole-network optimize command.
#include "cli/command_optimize_network.hpp"

#include <chrono>
#include <iostream>

#include "cli/command.hpp"
#include "cli/command_optimize_levels.hpp"
#include "cli/machine_flags.hpp"
#include "cli/output_width.hpp"
#include "cli/progress.hpp"
#include "cli/result_output.hpp"
#include "io/common/network_source.hpp"
#include "io/csv/network_result_csv.hpp"
#include "io/json/network_result_json.hpp"
#include "io/text/network_layer_selection.hpp"
#include "io/text/network_precision.hpp"
#include "report/network_table.hpp"
#include "report/optimize_report.hpp"
#include "study/optimize_network.hpp"

namespace spad::cli {
namespace {

std::vector<std::size_t> selection(const Network& net, const OptimizeFlags& flags) {
  return flags.layers ? select_layers(net, *flags.layers) : all_layers(net);
}

}  // namespace

int run_optimize_network(const OptimizeFlags& flags) {
  if (buffer_level_count(flags.machine) > 1) return run_optimize_network_levels(flags);
  Network net = load_network(flags.model.value(), NetworkLoadOptions{flags.batch});
  // The model's own element sizes (integer operators) replace the defaults;
  // keys given with --precision win over them (io/text/network_precision).
  apply_precision_text(net, flags.machine.precision);
  const Machine machine =
      machine_for_network(machine_from_flags(flags.machine), net, flags.machine.precision);
  const SearchOptions options = search_options_from_flags(flags);
  const std::vector<std::size_t> chosen = selection(net, flags);

  const auto start = std::chrono::steady_clock::now();
  NetworkResult result = [&] {
    StudyProgressLines lines([](const std::string&) { return "optimize"; },
                             Progress::wanted(flags.quiet));
    return optimize_network(net, chosen, machine, options, lines.hooks());
  }();
  result.precision_source = precision_source(net, flags.machine.precision);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  if (flags.json) {
    write_json_result(network_result_to_json(result));
  } else if (flags.csv) {
    result_out() << network_result_to_csv(result);
  } else {
    const std::size_t width = output_width(flags.wide);
    result_out() << format_network_table(result, width);
    result_out() << fit_to_width(
        "space       " + format_search_space(options.space) + '\n' + "search      " +
            format_search_stats(searched_stats(result), seconds, options.threads) + '\n',
        width);
  }
  const std::string infeasible = format_infeasible_layers(result);
  if (infeasible.empty()) return 0;
  result_out().flush();
  std::cerr << "spad: error: " << infeasible << '\n';
  return kExitUsage;
}

}  // namespace spad::cli
