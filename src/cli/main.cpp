// Entry point of the spad command line: builds the CLI11 app from the
// registered subcommands (cli/commands.cpp), runs the selected one and turns
// errors into messages and exit codes:
//   0  success                      1  a check failed (simulate --execute)
//   2  bad input: a CLI11 parse error, or UserError -> "spad: error: <message>"
//   3  InternalError (a bug) -> "spad: internal error: <message>"
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"
#include "cli/commands.hpp"

namespace {

constexpr int kExitUsage = 2;
constexpr int kExitInternal = 3;

int report_internal(std::string_view message) {
  constexpr std::string_view kPrefix = "internal error (a bug in spad): ";
  if (message.substr(0, kPrefix.size()) == kPrefix) message.remove_prefix(kPrefix.size());
  std::cerr << "spad: internal error: " << message
            << " (this is a bug in spad; please report it)\n";
  return kExitInternal;
}

// CLI11 answers an unknown subcommand with "A subcommand is required"; name it.
void check_command_name(int argc, char** argv, const std::vector<spad::cli::Command>& commands) {
  if (argc < 2 || argv[1][0] == '-') return;
  const std::string_view given = argv[1];
  std::string names;
  for (const spad::cli::Command& command : commands) {
    if (command.app->get_name() == given) return;
    names += (names.empty() ? "" : ", ") + command.app->get_name();
  }
  throw spad::UserError("unknown command '" + std::string(given) + "'; the commands are " + names +
                        " (spad --help describes them)");
}

int run(int argc, char** argv) {
  CLI::App app{"spad: memory-optimal scheduling of CNN convolutions on scratchpad accelerators",
               "spad"};
  app.set_version_flag("--version", std::string("spad ") + SPAD_VERSION);
  app.require_subcommand(1);
  app.failure_message([](const CLI::App* a, const CLI::Error& e) {
    return "spad: error: " + CLI::FailureMessage::simple(a, e);
  });
  const std::vector<spad::cli::Command> commands = spad::cli::add_commands(app);
  check_command_name(argc, argv, commands);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : kExitUsage;
  }
  for (const spad::cli::Command& command : commands)
    if (command.app->parsed()) return command.run();
  return report_internal("no subcommand selected after parsing");
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const spad::UserError& e) {
    std::cerr << "spad: error: " << e.what() << '\n';
    return kExitUsage;
  } catch (const spad::InternalError& e) {
    return report_internal(e.what());
  } catch (const std::exception& e) {
    return report_internal(std::string("unexpected exception: ") + e.what());
  } catch (...) {
    return report_internal("unknown exception");
  }
}
