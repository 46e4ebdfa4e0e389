// Every file an example in `spad <command> --help` names exists in the
// repository (paths relative to its root), unless an earlier example line of
// the same help writes it ("... --json > best.json").
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.hpp"

namespace spad {
namespace {

using testing::run_spad;

std::vector<std::string> subcommands() {
  const testing::CliRun run = run_spad("--help");
  EXPECT_EQ(run.exit_code, 0);
  std::vector<std::string> names;
  std::istringstream in(run.out);
  bool listing = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("Subcommands:", 0) == 0 || line.rfind("SUBCOMMANDS:", 0) == 0) {
      listing = true;
      continue;
    }
    std::istringstream words(line);
    std::string name;
    if (listing && words >> name) names.push_back(name);
  }
  return names;
}

bool names_a_file(const std::string& token) {
  if (token.find('=') != std::string::npos || token.find('{') != std::string::npos) return false;
  for (const char* ext : {".json", ".yaml", ".yml", ".onnx", ".csv"})
    if (token.ends_with(ext)) return true;
  return token.find('/') != std::string::npos && token.find("://") == std::string::npos;
}

TEST(HelpExamples, EveryNamedFileExists) {
  const std::vector<std::string> commands = subcommands();
  ASSERT_GE(commands.size(), 5u);
  const std::filesystem::path root(SPAD_SOURCE_DIR);
  std::size_t checked = 0;
  for (const std::string& command : commands) {
    SCOPED_TRACE(command);
    const testing::CliRun help = run_spad(command + " --help");
    EXPECT_EQ(help.exit_code, 0);
    std::istringstream in(help.out);
    bool examples = false;
    std::set<std::string> written;
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("Examples:", 0) == 0) {
        examples = true;
        continue;
      }
      if (!examples) continue;
      if (line.empty()) break;
      std::istringstream words(line);
      bool redirect = false;
      for (std::string w; words >> w;) {
        if (w == ">") {
          redirect = true;
          continue;
        }
        if (redirect) {
          written.insert(w);
          redirect = false;
          continue;
        }
        if (!names_a_file(w) || written.contains(w)) continue;
        ++checked;
        EXPECT_TRUE(std::filesystem::exists(root / w)) << w << " in: " << line;
      }
    }
  }
  EXPECT_GE(checked, 4u);  // the examples do name files
}

}  // namespace
}  // namespace spad
