// Flags of `spad optimize`.
#include "cli/optimize_flags.hpp"

#include "io/text/search_arguments.hpp"

namespace spad::cli {

void add_optimize_flags(CLI::App& app, OptimizeFlags& flags) {
  add_network_run_flags(app, flags, [&flags](CLI::App& sub) {
    add_space_flags(sub, flags, "with several --buffer capacities");
    sub.add_flag("--min-buffer", flags.min_buffer,
                 "Among the schedules of least traffic, return the one with the fewest buffer "
                 "bytes (the least storage that reaches this traffic) instead of the fewest DMA "
                 "fills");
  });
  // A single layer's result has no CSV form.
  app.get_option("--csv")->description(
      "With --model: print one CSV line per layer (per layer and boundary with several "
      "--buffer capacities), after a header line");
  app.get_option("--csv")->excludes(app.get_option("--layer"));
}

SearchOptions search_options_from_flags(const OptimizeFlags& flags) {
  return search_options(SearchArguments{flags.uniform_spans, flags.fixed_order, flags.min_buffer,
                                        flags.threads, flags.fixed_spans});
}

}  // namespace spad::cli
