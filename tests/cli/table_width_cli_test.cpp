// Human-readable output fits the width it is given: with COLUMNS=100 every
// line of every command's report is at most 100 columns (tables folded, long
// lines wrapped); --wide keeps the full width. Also the one duration format.
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>
#include <sstream>
#include <string>

#include "cli_fixtures.hpp"
#include "report/number_text.hpp"
#include "report/text_table.hpp"

namespace spad {
namespace {

using namespace testing;  // CliRun, run_spad, q, kHwc, ok_json, ... (cli_fixtures.hpp)

std::size_t widest_line(const std::string& text) {
  std::istringstream in(text);
  std::size_t widest = 0;
  for (std::string line; std::getline(in, line);) widest = std::max(widest, display_width(line));
  return widest;
}

// The words of a report, split at spaces and after commas (compact JSON is
// wrapped there), without the dashed rules (their length follows the width).
std::multiset<std::string> words(const std::string& text) {
  std::multiset<std::string> out;
  std::istringstream in(text);
  for (std::string w; in >> w;) {
    if (w.find_first_not_of('-') == std::string::npos) continue;
    std::size_t start = 0;
    for (std::size_t comma; (comma = w.find(',', start)) != std::string::npos; start = comma + 1)
      out.insert(w.substr(start, comma + 1 - start));
    if (start < w.size()) out.insert(w.substr(start));
  }
  return out;
}

// Every command that prints a table, with the widest of its options. `wide`:
// the full report is wider than 100 columns (so folding is exercised).
struct WidthCase {
  const char* command;
  bool wide;
};

const WidthCase kCommands[] = {
    {"evaluate --layer LAYER --schedule SCHEDULE --buffer 128KiB", true},
    {"simulate --layer LAYER --schedule SCHEDULE --execute", true},
    {"optimize --layer LAYER --buffer 64KiB", true},
    {"optimize --model resnet18 --buffer 16KiB", true},
    {"optimize --model mobilenet_v2 --buffer 32KiB --layers 0-8", true},
    {"compare --layer LAYER --buffer 64KiB", true},
    {"compare --model resnet18 --buffer 16KiB --layers 0-5,fc", true},
    {"accel --layer LAYER --machine HWC", true},
    {"accel --model resnet18 --machine HWC --layers 0-5,fc", true},
    {"accel --model mobilenet_v2 --machine NPU --layers 0-5", true},
    {"accel --layer LAYER --machine HWC --machine NPU", true},
    {"accel --model resnet18 --machine HWC --machine NPU --layers 0-5,fc", true},
    {"sweep --model squeezenet1_1 --buffers 2KiB,24KiB", false},
    {"sweep --model squeezenet1_1 --buffers 2KiB,24KiB --baselines --per-layer --knee", true},
    {"sweep --model squeezenet1_1 --buffers 2KiB,24KiB --machine HWC", true},
    {"sweep --model squeezenet1_1 --buffers 2KiB,24KiB --machine HWC --machine NPU --per-layer "
     "--knee",
     true},
};

std::string expand(std::string command) {
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"LAYER", q(kExampleLayer)},
                                 {"SCHEDULE", q(kExampleSchedule)},
                                 {"HWC", q(kHwc)},
                                 {"NPU", q(kNpu)}}) {
    const auto at = command.find(from);
    if (at != std::string::npos) command.replace(at, from.size(), to);
  }
  return command;
}

// With COLUMNS=100 the report fits 100 columns; --wide gives the full width
// (wider than 100 when `wide`); both show the same words, so the same numbers.
void expect_fits_100(const WidthCase& c) {
  SCOPED_TRACE(c.command);
  ::setenv("COLUMNS", "100", 1);
  const CliRun fitted = run_spad(expand(c.command));
  const CliRun wide = run_spad(expand(c.command) + " --wide");
  ::unsetenv("COLUMNS");
  EXPECT_EQ(fitted.exit_code, 0) << fitted.err;
  EXPECT_EQ(wide.exit_code, 0) << wide.err;
  EXPECT_LE(widest_line(fitted.out), 100u) << fitted.out;
  if (c.wide) {
    EXPECT_GT(widest_line(wide.out), 100u) << wide.out;
  } else {
    EXPECT_EQ(fitted.out, wide.out);  // fits already: unchanged
  }
  // Folding moves text, it does not drop any: the same words appear.
  if (std::string(c.command).find("optimize") == std::string::npos) {  // search times differ
    EXPECT_EQ(words(fitted.out), words(wide.out));
  }
}

TEST(TableWidth, EveryReportFitsColumns100AndWideDoesNot) {
  for (const WidthCase& c : kCommands) expect_fits_100(c);
}

// The exact smallest capacity for a traffic target bisects capacities (about
// 10 s each here), hence labelled slow with the sweep's other scans.
TEST(SweepSlow, TargetRatioReportsFitColumns100) {
  expect_fits_100(
      {"sweep --model squeezenet1_1 --buffers 2KiB,24KiB --target-ratio 3 --per-layer", false});
  expect_fits_100(
      {"sweep --model squeezenet1_1 --buffers 2KiB,24KiB --machine HWC --target-ratio 3", true});
}

TEST(TableWidth, FoldedTableKeepsEveryCell) {
  TextTable t({"layer", "shape", "a number", "another number"});
  t.set_text_columns({1});
  t.add_row({"conv1", "3x224x224 -> 64x112x112", "1,000", "22"});
  const std::string natural = t.render();
  EXPECT_EQ(t.render(100), natural);  // fits: unchanged
  const std::string folded = t.render(30);
  EXPECT_LE(widest_line(folded), 30u) << folded;
  EXPECT_EQ(folded,
            "layer  shape\n"
            "    a number  another number\n"
            "----------------------------\n"
            "conv1  3x224x224 -> 64x112x112\n"
            "       1,000              22\n");
}

TEST(DurationText, OneFormatChosenByMagnitude) {
  EXPECT_EQ(duration_text(0.0647767), "64.78 ms");
  EXPECT_EQ(duration_text(0.000699725), "699.7 us");
  EXPECT_EQ(duration_text(3.2), "3.200 s");
  EXPECT_EQ(duration_text(42.126), "42.13 s");
  EXPECT_EQ(duration_text(5e-9), "5.000 ns");
  EXPECT_EQ(duration_text(0.0009999999), "1.000 ms");  // rounds into the next unit
  EXPECT_EQ(duration_text(5328.4), "5328 s");
  EXPECT_EQ(duration_text(0), "0 s");
}

}  // namespace
}  // namespace spad
