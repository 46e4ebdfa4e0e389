// The search-space flags (see space_flags.hpp).
#include "cli/space_flags.hpp"

namespace spad::cli {

void add_space_flags(CLI::App& app, SpaceFlags& flags, std::string_view with_levels) {
  const std::string levels(with_levels);
  app.add_flag("--uniform-spans", flags.uniform_spans,
               "Search only schedules with all three buffers at one loop level (the "
               "cache-style working-set model), for comparison; " +
                   levels + " at every level (one span per level, no bypass)");
  app.add_option("--fixed-order", flags.fixed_order,
                 "Search only this loop order, innermost first, e.g. s,r,q,p,c,m,g,n "
                 "(tiles and buffer spans stay free); " +
                     levels + " one order per level, outermost first, separated by ';'")
      ->type_name("ORDER");
  app.add_option("--fixed-spans", flags.fixed_spans,
                 "With --fixed-order: search only these buffer spans, e.g. I=2,W=1,O=3 (only "
                 "the tiles stay free); " +
                     levels +
                     " one group per level, outermost first, separated by ';', null for a "
                     "bypass at an outer level: I=2,W=null,O=3;I=0,W=4,O=2")
      ->type_name("SPANS");
}

}  // namespace spad::cli
