// The flags `spad optimize` and `spad compare` share: what to run on (--layer,
// or --model with --layers / --batch), the machine flags (--buffer
// required), --threads, and the output form (--json or --csv).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>

#include "cli/machine_flags.hpp"

namespace spad::cli {

struct NetworkRunFlags {
  std::optional<std::string> layer;   // one layer ...
  std::optional<std::string> model;   // ... or a whole network
  std::optional<std::string> layers;  // --layers SPEC (with --model)
  std::optional<Count> batch;         // --batch N (with --model)
  MachineFlags machine;
  int threads = 0;
  bool json = false;
  bool csv = false;
  bool quiet = false;  // no progress line on stderr
  bool wide = false;   // tables at full width (else fitted to the terminal)
};

// --quiet and --wide, shared with accel and simulate.
void add_quiet_flag(CLI::App& app, bool& quiet);
void add_wide_flag(CLI::App& app, bool& wide);

// Registers the shared flags; `extra` runs between the machine flags and
// --threads, so a command's own flags stand there in its help.
void add_network_run_flags(CLI::App& app, NetworkRunFlags& flags,
                           const std::function<void(CLI::App&)>& extra = {});

}  // namespace spad::cli
