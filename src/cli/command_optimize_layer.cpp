// The single-layer optimize command.
#include "cli/command_optimize_layer.hpp"

#include <chrono>

#include "base/error.hpp"
#include "cli/command_optimize_levels.hpp"
#include "cli/machine_flags.hpp"
#include "cli/output_width.hpp"
#include "cli/result_output.hpp"
#include "io/json/layer_json.hpp"
#include "io/json/result_document.hpp"
#include "io/text/network_precision.hpp"
#include "report/optimize_report.hpp"

namespace spad::cli {

int run_optimize_layer(const OptimizeFlags& flags) {
  if (buffer_level_count(flags.machine) > 1) return run_optimize_layer_levels(flags);
  // A network document's layer entry keeps its kind and own sizes.
  const NetworkLayer entry = load_network_layer(flags.layer.value());
  const Layer layer(entry.spec);
  Machine machine = machine_from_flags(flags.machine);
  machine.precision = layer_arg_precision(entry, machine.precision, flags.machine.precision);
  const SearchOptions options = search_options_from_flags(flags);

  const auto start = std::chrono::steady_clock::now();
  const SearchResult result = optimize(layer, machine, options);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!result.best) throw UserError(format_infeasible(layer, machine, result.min_capacity_bytes));

  if (flags.json) {
    nlohmann::ordered_json j =
        optimize_result_document(layer, machine, options.space, result, options.threads, seconds);
    add_layer_entry_keys(j, entry);
    write_json_result(j);
  } else {
    result_out() << format_optimize_report(layer, machine, options.space, result, seconds,
                                           options.threads, output_width(flags.wide));
  }
  return 0;
}

}  // namespace spad::cli
