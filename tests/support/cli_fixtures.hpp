// What the CLI tests share beyond running spad (cli_runner.hpp): the example
// files' paths, the output of a run that must succeed (as text or JSON), a
// temporary input file, and small text helpers. A test file takes them all
// with `using namespace testing;` inside namespace spad.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.hpp"

namespace spad::testing {

inline const std::string kHwc = std::string(SPAD_SOURCE_DIR) + "/examples/machines/hwc-like.yaml";
inline const std::string kNpu = std::string(SPAD_SOURCE_DIR) + "/examples/machines/edge-npu.yaml";
inline const std::string kExampleLayer =
    std::string(SPAD_SOURCE_DIR) + "/examples/layers/res2a_branch2b.json";
inline const std::string kExampleSchedule =
    std::string(SPAD_SOURCE_DIR) + "/examples/schedules/res2a_branch2b.json";

// stdout of a run that must have succeeded with nothing on stderr.
inline std::string ok_out(const CliRun& run) {
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  return run.out;
}

// The same, parsed: stdout must be one JSON document.
inline nlohmann::json ok_json(const CliRun& run) { return nlohmann::json::parse(ok_out(run)); }

// A new temporary file holding `text`; returns its path.
inline std::string write_temp(const std::string& stem, const std::string& text) {
  const std::string path = temp_path(stem);
  std::ofstream(path) << text;
  return path;
}

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace spad::testing
