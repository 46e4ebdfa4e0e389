// A layer given without a name (--layer C=...,M=... without name=, or JSON
// text without "name") is called "(unnamed layer)" in every message, table
// and document, whichever command and path reads it (one level, several
// levels, a network study of one layer).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_fixtures.hpp"

namespace spad {
namespace {

using namespace testing;

const std::string kInline = "--layer C=4,M=4,H=4,W=4,kernel=1";

TEST(UnnamedLayerCli, OneNameInEveryMessage) {
  struct Case {
    std::string args, expected;
  };
  for (const Case& c : std::vector<Case>{
           {"optimize " + kInline + " --buffer 40B,5B", "layer (unnamed layer): no schedule fits"},
           {"optimize --layer C=44,M=44,H=1,W=1,kernel=1 --buffer 8KiB,2KiB,512B,64B",
            "layer (unnamed layer): the level search over 4 on-chip levels"},
           {"optimize " + kInline + " --buffer 5B", "layer '(unnamed layer)' does not fit"},
           {"compare " + kInline + " --buffer 5B",
            "1 of 1 layers of (unnamed layer) does not fit in 5 B: (unnamed layer)"},
           {"optimize --layer C=4,M=4,H=4,W=4,R=5,S=1 --buffer 5KiB", "layer '(unnamed layer)': "},
           {"optimize --layer " + q(R"({"C": 4, "M": 4, "H": 4, "W": 4, "R": 1, "S": 1})") +
                " --buffer 40B,5B",
            "layer (unnamed layer): no schedule fits"},
       }) {
    SCOPED_TRACE(c.args);
    const CliRun run = run_spad(c.args);
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_TRUE(contains(run.err, c.expected)) << run.err;
    for (const char* other : {"layer :", "'(unnamed)'", "layer 'layer'", "of layer "})
      EXPECT_FALSE(contains(run.err, other)) << run.err;
  }
}

TEST(UnnamedLayerCli, OneNameInTablesAndDocuments) {
  const std::string text = ok_out(run_spad("optimize " + kInline + " --buffer 5KiB"));
  EXPECT_TRUE(contains(text, "layer     (unnamed layer): N=1 C=4")) << text;
  const nlohmann::json one = ok_json(run_spad("optimize " + kInline + " --buffer 5KiB --json"));
  EXPECT_EQ(one["layer"]["name"], "(unnamed layer)");
  const nlohmann::json compare = ok_json(run_spad("compare " + kInline + " --buffer 5KiB --json"));
  EXPECT_EQ(compare["layers"][0]["name"], "(unnamed layer)");
}

}  // namespace
}  // namespace spad
