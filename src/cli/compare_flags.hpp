// The arguments of `spad compare`: what to compare (--layer, or --model with
// --layers / --batch), the machine flags (--buffer required), --threads and
// the output form (--json, --csv).
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "cli/machine_flags.hpp"

namespace spad::cli {

struct CompareFlags {
  std::optional<std::string> layer;   // one layer ...
  std::optional<std::string> model;   // ... or a whole network
  std::optional<std::string> layers;  // --layers SPEC (with --model)
  std::optional<Count> batch;         // --batch N (with --model)
  MachineFlags machine;
  int threads = 0;
  bool json = false;
  bool csv = false;
};

void add_compare_flags(CLI::App& app, CompareFlags& flags);

}  // namespace spad::cli
