// The arguments of `spad optimize`: what to optimize (--layer, or --model
// with --layers / --batch), the machine flags (--buffer required), the search
// space (--uniform-spans, --fixed-order), --threads and the output form
// (--json, --csv), and their conversion into validated values.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "cli/machine_flags.hpp"
#include "search/optimize.hpp"

namespace spad::cli {

struct OptimizeFlags {
  std::optional<std::string> layer;   // one layer ...
  std::optional<std::string> model;   // ... or a whole network
  std::optional<std::string> layers;  // --layers SPEC (with --model)
  std::optional<Count> batch;         // --batch N (with --model)
  MachineFlags machine;
  bool uniform_spans = false;
  std::optional<std::string> fixed_order;
  int threads = 0;
  bool json = false;
  bool csv = false;
};

void add_optimize_flags(CLI::App& app, OptimizeFlags& flags);

// --uniform-spans, --fixed-order and --threads (UserError naming the flag).
SearchOptions search_options_from_flags(const OptimizeFlags& flags);

}  // namespace spad::cli
