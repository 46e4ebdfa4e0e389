// Runs the spad binary (SPAD_CLI_PATH) through the shell for the CLI tests,
// capturing stdout, stderr and the exit code.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace spad::testing {

struct CliRun {
  int exit_code = -1;
  bool signaled = false;  // killed by a signal (a crash), not a clean exit
  std::string out, err;
};

inline std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// One argument, quoted for /bin/sh.
inline std::string q(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

inline std::string temp_path(const std::string& stem) {
  static std::atomic<int> counter{0};
  return ::testing::TempDir() + "spad_cli_" + std::to_string(::getpid()) + "_" +
         std::to_string(counter++) + "_" + stem;
}

// `args` is appended to the command line as is (already quoted).
inline CliRun run_spad(const std::string& args) {
  const std::string out = temp_path("out"), err = temp_path("err");
  const std::string command =
      q(SPAD_CLI_PATH) + " " + args + " > " + q(out) + " 2> " + q(err) + " < /dev/null";
  const int status = std::system(command.c_str());
  CliRun run;
  if (WIFEXITED(status)) {
    run.exit_code = WEXITSTATUS(status);
    // The shell reports a child killed by a signal as 128 + signal.
    run.signaled = run.exit_code > 128;
  } else {
    run.signaled = true;
  }
  run.out = read_all(out);
  run.err = read_all(err);
  std::remove(out.c_str());
  std::remove(err.c_str());
  return run;
}

}  // namespace spad::testing
