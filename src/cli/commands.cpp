// The list of subcommands, in the order `spad --help` shows them. One
// declaration and one registration line per subcommand.
#include "cli/commands.hpp"

namespace spad::cli {

Command add_evaluate_command(CLI::App& app);  // cli/command_evaluate.cpp
Command add_simulate_command(CLI::App& app);  // cli/command_simulate.cpp
Command add_optimize_command(CLI::App& app);  // cli/command_optimize.cpp
Command add_compare_command(CLI::App& app);   // cli/command_compare.cpp
Command add_accel_command(CLI::App& app);     // cli/command_accel.cpp
Command add_codegen_command(CLI::App& app);   // cli/command_codegen.cpp
Command add_sweep_command(CLI::App& app);     // cli/command_sweep.cpp
Command add_report_command(CLI::App& app);    // cli/command_report.cpp

std::vector<Command> add_commands(CLI::App& app) {
  return {
      add_evaluate_command(app), add_simulate_command(app), add_optimize_command(app),
      add_compare_command(app),  add_accel_command(app),    add_codegen_command(app),
      add_sweep_command(app),    add_report_command(app),
  };
}

}  // namespace spad::cli
