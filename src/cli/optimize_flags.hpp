// The arguments of `spad optimize`: what to optimize (--layer, or --model
// with --layers / --batch), the machine flags (--buffer required), the search
// space (--uniform-spans, --fixed-order, --fixed-spans: cli/space_flags; with
// several --buffer capacities one group per level, io/text/level_space_text), the tie-break
// (--min-buffer),
// --threads and the output form
// (--json, --csv), and their conversion into validated values.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "cli/network_run_flags.hpp"
#include "cli/space_flags.hpp"
#include "search/optimize.hpp"

namespace spad::cli {

struct OptimizeFlags : NetworkRunFlags, SpaceFlags {
  bool min_buffer = false;
};

void add_optimize_flags(CLI::App& app, OptimizeFlags& flags);

// --uniform-spans, --fixed-order, --fixed-spans, --min-buffer and --threads
// for one level (UserError naming the flag).
SearchOptions search_options_from_flags(const OptimizeFlags& flags);

}  // namespace spad::cli
