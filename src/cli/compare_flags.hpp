// The arguments of `spad compare`: what to compare (--layer, or --model with
// --layers / --batch), the machine flags (--buffer required), --threads and
// the output form (--json, --csv).
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "cli/network_run_flags.hpp"

namespace spad::cli {

struct CompareFlags : NetworkRunFlags {};

void add_compare_flags(CLI::App& app, CompareFlags& flags);

}  // namespace spad::cli
