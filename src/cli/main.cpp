// Entry point of the spad command line: builds the CLI11 app from the
// registered subcommands (cli/commands.cpp), runs the selected one and turns
// errors into messages and exit codes:
//   0  success                      1  a check failed (simulate --execute)
//   2  bad input: a CLI11 parse error, or UserError -> "spad: error: <message>"
//   3  InternalError (a bug) -> "spad: internal error: <message>"
// A result that cannot be written in full (cli/result_output) is a UserError:
// exit 2, never a truncated result with exit 0.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"
#include "cli/commands.hpp"
#include "cli/result_output.hpp"

namespace {

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

// Every result went through cli::result_out(); writes it out and checks
// that nothing else wrote to std::cout and failed.
void finish_output() {
  spad::cli::result_out().flush();
  std::cout.flush();
  if (!std::cout)
    throw spad::UserError("cannot write the result to standard output; the output is incomplete");
}

// Before an error message: what was written so far goes out first, as it
// would have had the command finished (a failure to write is not reported
// again).
void flush_quietly() {
  try {
    spad::cli::result_out().flush();
  } catch (const spad::UserError&) {
  }
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
    const int code = app.exit(e) == 0 ? 0 : spad::cli::kExitUsage;
    finish_output();  // --help and --version write to std::cout
    return code;
  }
  for (const spad::cli::Command& command : commands) {
    if (!command.app->parsed()) continue;
    const int code = command.run();
    finish_output();
    return code;
  }
  return report_internal("no subcommand selected after parsing");
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const spad::UserError& e) {
    flush_quietly();
    std::cerr << "spad: error: " << e.what() << '\n';
    return spad::cli::kExitUsage;
  } catch (const spad::InternalError& e) {
    flush_quietly();
    return report_internal(e.what());
  } catch (const std::exception& e) {
    return report_internal(std::string("unexpected exception: ") + e.what());
  } catch (...) {
    return report_internal("unknown exception");
  }
}
