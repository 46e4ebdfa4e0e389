// Compiling and running generated kernels for the codegen tests: the system C
// compiler (SPAD_CC, else `cc` on PATH), the self-test's JSON lines, and the
// comparison of its DMA counters with the model and the simulator.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "codegen/generate_c.hpp"
#include "model/evaluate.hpp"
#include "sim/tile_simulator.hpp"

namespace spad::testing {

inline std::string c_compiler() {
  const char* cc = std::getenv("SPAD_CC");
  return cc && *cc ? cc : "cc";
}

inline const std::string kStrictFlags = "-std=c99 -Wall -Wextra -Werror -pedantic";
inline const std::string kSanitizeFlags =
    "-O1 -fsanitize=address,undefined -fno-sanitize-recover=all";

struct SelftestRun {
  bool compiled = false;
  std::string compile_log;
  int exit_code = -1;
  std::vector<nlohmann::json> lines;  // one per kernel
  std::string raw;
};

// Writes `c_text` to a temporary file, compiles it with `flags` and
// -DSPAD_SELFTEST, runs it with `seed` and parses its JSON lines.
inline SelftestRun compile_and_run(const std::string& c_text, const std::string& flags,
                                   std::uint64_t seed) {
  const std::string src = temp_path("kernel.c"), exe = temp_path("kernel"),
                    log = temp_path("cc.log"), out = temp_path("run.out");
  {
    std::ofstream f(src, std::ios::binary);
    f << c_text;
  }
  SelftestRun run;
  const std::string compile = q(c_compiler()) + " " + kStrictFlags + " " + flags +
                              " -DSPAD_SELFTEST " + q(src) + " -o " + q(exe) + " > " + q(log) +
                              " 2>&1";
  run.compiled = std::system(compile.c_str()) == 0;
  run.compile_log = read_all(log);
  if (run.compiled) {
    const std::string command = q(exe) + " " + std::to_string(seed) + " > " + q(out) + " 2>&1";
    const int status = std::system(command.c_str());
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.raw = read_all(out);
    std::istringstream in(run.raw);
    std::string line;
    while (std::getline(in, line))
      if (!line.empty() && line[0] == '{')
        run.lines.push_back(nlohmann::json::parse(line, nullptr, false));
  }
  for (const std::string& f : {src, exe, log, out}) std::remove(f.c_str());
  return run;
}

// The self-test's line agrees with the model (and, when `with_simulator`, the
// simulator) on every byte count, the output matched the reference, and the
// scratchpad is the model's buffer bytes.
inline void expect_counts(const codegen::KernelRequest& k, const nlohmann::json& line,
                          bool with_simulator, const std::string& context) {
  SCOPED_TRACE(context);
  ASSERT_TRUE(line.is_object()) << "not a JSON line";
  EXPECT_EQ(line.at("match"), true);
  std::vector<Traffic> oracles{evaluate(k.layer, k.schedule, k.machine)};
  if (with_simulator) oracles.push_back(simulate(k.layer, k.schedule, k.machine));
  for (const Traffic& t : oracles) {
    EXPECT_EQ(line.at("dma_in_bytes").at("I").get<Count>(), t.arrays[Tensor::I].read_bytes);
    EXPECT_EQ(line.at("dma_in_bytes").at("W").get<Count>(), t.arrays[Tensor::W].read_bytes);
    EXPECT_EQ(line.at("dma_in_bytes").at("O").get<Count>(), t.arrays[Tensor::O].read_bytes);
    EXPECT_EQ(line.at("dma_out_bytes").at("O").get<Count>(), t.arrays[Tensor::O].write_bytes);
    EXPECT_LE(line.at("scratchpad_bytes").get<Count>(), t.buffer_bytes);
    EXPECT_EQ(line.at("scratchpad_bytes").get<Count>(), t.buffer_bytes);
  }
}

}  // namespace spad::testing
