// A subcommand of the spad binary: the CLI11 subcommand it registered (its
// flags bound to storage the run function owns) and the function that runs it
// once parsing selected it. The function returns the process exit code and
// may throw UserError / InternalError (main turns them into messages).
//
// Adding a subcommand: write cli/command_<name>.cpp defining
//   Command add_<name>_command(CLI::App& app);
// and add one line for it in cli/commands.cpp.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace spad::cli {

// The exit code of a user error (main prints the message); also what a
// command returns after printing everything when some layer does not fit.
inline constexpr int kExitUsage = 2;

struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

}  // namespace spad::cli
