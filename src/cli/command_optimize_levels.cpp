// The single-layer optimize command over several on-chip levels.
#include "cli/command_optimize_levels.hpp"

#include <chrono>
#include <cstdio>
#include <iostream>

#include "base/error.hpp"
#include "base/thread_launcher.hpp"
#include "cli/command.hpp"
#include "cli/cost_output.hpp"
#include "cli/machine_flags.hpp"
#include "cli/output_width.hpp"
#include "cli/progress.hpp"
#include "cli/result_output.hpp"
#include "io/common/network_source.hpp"
#include "io/csv/level_result_csv.hpp"
#include "io/json/layer_json.hpp"
#include "io/json/level_optimize_document.hpp"
#include "io/json/network_level_result_json.hpp"
#include "io/text/level_space_text.hpp"
#include "io/text/network_layer_selection.hpp"
#include "io/text/network_precision.hpp"
#include "model/evaluate.hpp"
#include "model/level_evaluate.hpp"
#include "report/network_level_table.hpp"
#include "report/optimize_report.hpp"
#include "search/level_search.hpp"
#include "study/optimize_network.hpp"
#include "study/optimize_network_levels.hpp"

namespace spad::cli {
namespace {

// --min-buffer's tie-break has no several-level form.
void refuse_min_buffer(const OptimizeFlags& flags) {
  if (flags.min_buffer)
    throw UserError(
        "--min-buffer restricts the one-level search; with several capacities in --buffer "
        "(several on-chip levels) ties go to fewer fills, then fewer buffer bytes: leave "
        "--min-buffer out or give one capacity");
}

std::string seconds_text(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f s", seconds);
  return text;
}

}  // namespace

int run_optimize_layer_levels(const OptimizeFlags& flags) {
  refuse_min_buffer(flags);
  // A network document's layer entry keeps its kind and own sizes.
  const NetworkLayer entry = load_network_layer(flags.layer.value());
  const Layer layer(entry.spec);
  const std::size_t levels = buffer_level_count(flags.machine);
  MemoryLevels machine = memory_levels_from_flags(flags.machine, levels, {});
  machine.precision = layer_arg_precision(entry, machine.precision, flags.machine.precision);
  const LevelSearchSpace space =
      level_search_space(flags.uniform_spans, flags.fixed_order, flags.fixed_spans, levels);

  const auto start = std::chrono::steady_clock::now();
  const LevelSearchResult result =
      optimize_levels(layer, machine, {.threads = flags.threads, .space = space});
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!result.best) throw UserError(level_infeasible_message(layer, machine, space));
  const LevelCostInputs in{layer, result.best->schedule, machine};
  const LevelSearchStats& s = result.stats;
  const std::size_t threads = resolved_thread_count(flags.threads);
  if (flags.json) {
    nlohmann::ordered_json j =
        level_optimize_document(layer, machine, result, flags.threads, seconds, space);
    add_layer_entry_keys(j, entry);
    write_json_result(j);
    return 0;
  }
  print_level_cost(in, result.best->traffic, false,
                   "the analytical model (the level search's optimum: bytes across each "
                   "boundary from the outside in, then fills, then buffer bytes)",
                   output_width(flags.wide));
  result_out() << "space     " + format_level_search_space(space) + "\n";
  result_out() << "search    exact over " +
                      std::string(space.restricted()
                                      ? "this space"
                                      : "every level's tiles x order x spans and bypasses") +
                      ": " + std::to_string(s.evaluations) + " model calls, " +
                      std::to_string(s.leaves) + " tile/order choices of every level, " +
                      std::to_string(s.nodes_cut) + " partial schedules cut, " +
                      std::to_string(s.orders_joined) + " orders joined to an equal one, " +
                      seconds_text(seconds) + " on " + std::to_string(threads) +
                      (threads == 1 ? " thread\n" : " threads\n");
  return 0;
}

int run_optimize_network_levels(const OptimizeFlags& flags) {
  refuse_min_buffer(flags);
  Network net = load_network(flags.model.value(), NetworkLoadOptions{flags.batch});
  apply_precision_text(net, flags.machine.precision);
  const std::size_t levels = buffer_level_count(flags.machine);
  MemoryLevels machine = memory_levels_from_flags(flags.machine, levels, {});
  // The model's own element sizes (integer operators) as for one level.
  machine.precision =
      machine_for_network(level_machine(machine, 0), net, flags.machine.precision).precision;
  const LevelSearchSpace space =
      level_search_space(flags.uniform_spans, flags.fixed_order, flags.fixed_spans, levels);
  const std::vector<std::size_t> chosen =
      flags.layers ? select_layers(net, *flags.layers) : all_layers(net);

  const auto start = std::chrono::steady_clock::now();
  NetworkLevelResult result = [&] {
    StudyProgressLines lines([](const std::string&) { return "optimize"; },
                             Progress::wanted(flags.quiet));
    return optimize_network_levels(net, chosen, machine, flags.threads, lines.hooks(), space);
  }();
  result.precision_source = precision_source(net, flags.machine.precision);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (flags.json) {
    write_json_result(network_level_result_to_json(result));
  } else if (flags.csv) {
    result_out() << network_level_result_to_csv(result);
  } else {
    result_out() << format_network_level_table(
        result, seconds, static_cast<int>(resolved_thread_count(flags.threads)),
        output_width(flags.wide));
  }
  if (network_level_infeasible_layers(result) == 0) return 0;
  result_out().flush();
  std::cerr << "spad: error: " << level_network_infeasible_message(result) << '\n';
  return kExitUsage;
}

}  // namespace spad::cli
