// Registers every subcommand of the spad binary (see cli/command.hpp).
#pragma once

#include <vector>

#include "cli/command.hpp"

namespace spad::cli {

std::vector<Command> add_commands(CLI::App& app);

}  // namespace spad::cli
