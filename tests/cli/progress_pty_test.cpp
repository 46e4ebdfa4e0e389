// The progress line (cli/progress) through a pseudo-terminal: with stderr on
// a terminal, optimize, compare, accel, sweep and simulate --execute draw it (and
// erase it), while stdout -- a file here -- stays one pure JSON document; on
// a pipe, or with --quiet, stderr stays empty.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_fixtures.hpp"

namespace spad {
namespace {

using namespace testing;  // CliRun, run_spad, q, kHwc, ok_json, ... (cli_fixtures.hpp)

struct PtyRun {
  int exit_code = -1;
  std::string terminal;  // what the program wrote to the terminal (stderr)
  std::string out;       // stdout, redirected to a file
};

// Runs spad with `args` (already split) with stdin, stderr on a new
// pseudo-terminal and stdout in a file.
PtyRun run_on_pty(const std::vector<std::string>& args) {
  const std::string out_path = temp_path("pty_out");
  int master = -1;
  const pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  if (pid == 0) {
    const int fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0 || ::dup2(fd, STDOUT_FILENO) < 0) ::_exit(120);
    std::vector<char*> argv;
    std::string path = SPAD_CLI_PATH;
    argv.push_back(path.data());
    std::vector<std::string> copy = args;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(path.c_str(), argv.data());
    ::_exit(121);
  }
  PtyRun run;
  EXPECT_GT(pid, 0);
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(master, buffer, sizeof buffer);
    if (n > 0) {
      run.terminal.append(buffer, static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    break;  // EIO once the child has closed the terminal
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(master);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = read_all(out_path);
  std::remove(out_path.c_str());
  return run;
}

struct Case {
  std::vector<std::string> args;
  std::string line;  // what the progress line says
};

std::vector<Case> cases() {
  return {
      {{"optimize", "--model", "resnet18", "--layers", "0-3", "--buffer", "8KiB", "--json"},
       "optimize: "},
      {{"compare", "--model", "resnet18", "--layers", "0-2", "--buffer", "8KiB", "--json"},
       "compare: baselines: "},
      {{"accel", "--model", "resnet18", "--layers", "0-2", "--machine", kHwc, "--json"},
       "accel: optimum: "},
      {{"simulate", "--layer", "C=8,M=8,H=10,W=10,R=3,S=3,pad=1", "--schedule",
        R"({"order":["s","r","q","p","c","m","g","n"],"tiles":{"n":1,"g":1,"m":4,"c":8,"p":5,"q":10,"r":3,"s":3},"buffer_span":{"I":4,"W":5,"O":2}})",
        "--execute", "--json"},
       "simulate --execute: "},
      {{"sweep", "--model", "resnet18", "--buffers", "4KiB,16KiB", "--json"}, "sweep: "},
  };
}

TEST(ProgressPty, ShownOnATerminalAndStdoutStaysJson) {
  for (const Case& c : cases()) {
    SCOPED_TRACE(c.args.front());
    const PtyRun run = run_on_pty(c.args);
    EXPECT_EQ(run.exit_code, 0) << run.terminal;
    EXPECT_NE(run.terminal.find(c.line), std::string::npos) << run.terminal;
    // Erased at the end: the last thing written is "clear to end of line".
    EXPECT_TRUE(run.terminal.ends_with("\r\033[K")) << run.terminal;
    EXPECT_TRUE(nlohmann::json::accept(run.out)) << run.out;
    EXPECT_EQ(run.out.find('\r'), std::string::npos);
  }
}

TEST(ProgressPty, QuietOnATerminalAndNeverOnAPipe) {
  for (const Case& c : cases()) {
    SCOPED_TRACE(c.args.front());
    std::vector<std::string> quiet = c.args;
    quiet.push_back("--quiet");
    const PtyRun run = run_on_pty(quiet);
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_EQ(run.terminal, "");
    std::string line;
    for (const std::string& a : c.args) line += q(a) + " ";
    // run_spad sends stderr to a file.
    const testing::CliRun piped = run_spad(line);
    EXPECT_EQ(piped.exit_code, 0) << piped.err;
    EXPECT_EQ(piped.err, "");
    EXPECT_TRUE(nlohmann::json::accept(piped.out));
  }
}

}  // namespace
}  // namespace spad
