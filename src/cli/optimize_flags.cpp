// Flags of `spad optimize`.
#include "cli/optimize_flags.hpp"

#include "io/text/search_arguments.hpp"

namespace spad::cli {

void add_optimize_flags(CLI::App& app, OptimizeFlags& flags) {
  add_network_run_flags(app, flags, [&flags](CLI::App& sub) {
    sub.add_flag("--uniform-spans", flags.uniform_spans,
                 "Search only schedules with all three buffers at one loop level (the "
                 "cache-style working-set model), for comparison; with several --buffer "
                 "capacities at every level (one span per level, no bypass)");
    sub.add_option("--fixed-order", flags.fixed_order,
                   "Search only this loop order, innermost first, e.g. s,r,q,p,c,m,g,n "
                   "(tiles and buffer spans stay free); with several --buffer capacities one "
                   "order per level, outermost first, separated by ';'")
        ->type_name("ORDER");
    sub.add_option("--fixed-spans", flags.fixed_spans,
                   "With --fixed-order: search only these buffer spans, e.g. I=2,W=1,O=3 (only "
                   "the tiles stay free); with several --buffer capacities one group per level, "
                   "outermost first, separated by ';', null for a bypass at an outer level: "
                   "I=2,W=null,O=3;I=0,W=4,O=2")
        ->type_name("SPANS");
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
