// The human reports: loop nest text (order, depth of fill markers, notes),
// traffic table, layer summary and the small text helpers.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/evaluate.hpp"
#include "report/layer_summary.hpp"
#include "report/loop_nest.hpp"
#include "report/machine_summary.hpp"
#include "report/number_text.hpp"
#include "report/schedule_report.hpp"
#include "report/text_table.hpp"
#include "report/traffic_table.hpp"

namespace spad {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t end = text.find('\n', begin);
    lines.push_back(text.substr(begin, end - begin));
    if (end == std::string::npos) break;
    begin = end + 1;
  }
  return lines;
}

std::size_t indent_of(const std::string& line) { return line.find_first_not_of(' '); }

Layer res2a() {
  return Layer(LayerSpec{.name = "res2a_branch2b",
                         .N = 1,
                         .C = 64,
                         .M = 64,
                         .H = 56,
                         .W = 56,
                         .R = 3,
                         .S = 3,
                         .pad_top = 1,
                         .pad_left = 1,
                         .pad_bottom = 1,
                         .pad_right = 1});
}

// DESIGN.md's example schedule.
Schedule design_schedule() {
  Schedule s;
  s.order = {Dim::s, Dim::r, Dim::q, Dim::p, Dim::c, Dim::m, Dim::g, Dim::n};
  s.tiles[Dim::n] = 1;
  s.tiles[Dim::g] = 1;
  s.tiles[Dim::m] = 32;
  s.tiles[Dim::c] = 16;
  s.tiles[Dim::p] = 14;
  s.tiles[Dim::q] = 14;
  s.tiles[Dim::r] = 3;
  s.tiles[Dim::s] = 3;
  s.buffer_span[Tensor::I] = 4;
  s.buffer_span[Tensor::W] = 5;
  s.buffer_span[Tensor::O] = 2;
  return s;
}

TEST(LoopNest, DesignExampleExactText) {
  const std::vector<std::string> expected = {
      "for n in 0..1 step 1                (T=1, no-op)",
      "  for g in 0..1 step 1              (T=1, no-op)",
      "    for m in 0..64 step 32          (T=2)",
      "      ── fill W buffer (18,432 elems: g1 m32 c64 r3 s3)",
      "      for c in 0..64 step 16        (T=4)",
      "        ── fill I buffer (50,176 elems: n1 g1 c16 h56 w56)",
      "        for p in 0..56 step 14      (T=4)",
      "          for q in 0..56 step 14    (T=4)",
      "            ── fill O buffer (6,272 elems: n1 g1 m32 p14 q14)",
      "            for r in 0..3 step 3    (T=1, no-op)",
      "              for s in 0..3 step 3  (T=1, no-op)",
      "                compute tile: n1 g1 m32 c16 p14 q14 r3 s3 (903,168 MACs)",
  };
  EXPECT_EQ(lines_of(format_loop_nest(res2a(), design_schedule())), expected);
}

TEST(LoopNest, OutermostFirstAndOneLevelDeeperPerLoop) {
  Schedule s = design_schedule();
  s.order = {Dim::q, Dim::p, Dim::s, Dim::r, Dim::m, Dim::c, Dim::n, Dim::g};
  const std::vector<std::string> lines = lines_of(format_loop_nest(res2a(), s));
  std::vector<std::string> loops;
  std::size_t depth = 0;
  for (const std::string& line : lines) {
    if (line.find("for ") == indent_of(line)) {
      EXPECT_EQ(indent_of(line), 2 * depth) << line;
      loops.push_back(line.substr(indent_of(line) + 4, 1));
      ++depth;
    }
  }
  EXPECT_EQ(loops, (std::vector<std::string>{"g", "n", "c", "m", "r", "s", "p", "q"}));
  EXPECT_EQ(indent_of(lines.back()), 16u);
  EXPECT_EQ(lines.back().find("compute tile:"), 16u);
}

// Index of the first line containing `needle` (lines.size() if none).
std::size_t find_line(const std::vector<std::string>& lines, const std::string& needle) {
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (lines[i].find(needle) != std::string::npos) return i;
  return lines.size();
}

TEST(LoopNest, MarkerStandsJustOutsideTheSpanInnermostLoops) {
  // For every span k, the marker is preceded by exactly 8-k loop lines and
  // sits at their depth (the depth of the loop that follows it).
  for (int k = 0; k <= 8; ++k) {
    Schedule s = design_schedule();
    s.buffer_span = {{k, 8, 0}};  // I at k, W at the top, O at the bottom
    const std::vector<std::string> lines = lines_of(format_loop_nest(res2a(), s));
    const std::size_t marker = find_line(lines, "fill I buffer");
    ASSERT_LT(marker, lines.size()) << "span " << k;
    std::size_t loops_before = 0;
    for (std::size_t i = 0; i < marker; ++i)
      if (lines[i].find("for ") == indent_of(lines[i])) ++loops_before;
    EXPECT_EQ(loops_before, static_cast<std::size_t>(8 - k)) << "span " << k;
    EXPECT_EQ(indent_of(lines[marker]), 2u * (8 - k)) << "span " << k;
  }
}

TEST(LoopNest, SpanEightAtTopSpanZeroJustAboveCompute) {
  Schedule s = design_schedule();
  s.buffer_span = {{8, 8, 0}};
  const std::vector<std::string> lines = lines_of(format_loop_nest(res2a(), s));
  ASSERT_GE(lines.size(), 4u);
  // Markers with the same span keep the order I, W, O.
  EXPECT_EQ(lines[0], "── fill I buffer (200,704 elems: n1 g1 c64 h56 w56)");
  EXPECT_EQ(lines[1], "── fill W buffer (36,864 elems: g1 m64 c64 r3 s3)");
  EXPECT_EQ(lines[lines.size() - 2],
            "                ── fill O buffer (6,272 elems: n1 g1 m32 p14 q14)");
}

TEST(LoopNest, PartialLastTileIsNoted) {
  Schedule s = design_schedule();
  s.tiles[Dim::p] = 15;  // 56 = 15 + 15 + 15 + 11
  const std::vector<std::string> lines = lines_of(format_loop_nest(res2a(), s));
  const std::size_t p = find_line(lines, "for p in");
  ASSERT_LT(p, lines.size());
  EXPECT_NE(lines[p].find("for p in 0..56 step 15"), std::string::npos);
  EXPECT_NE(lines[p].find("(T=4, last tile 11)"), std::string::npos);
}

TEST(LoopNest, StridedInputWindowCountsOnlyUsedRows) {
  // 1x1 kernel with stride 2: a tile of 4 output rows reads 4 input rows, not 7.
  Layer layer(
      LayerSpec{.name = "s2", .C = 2, .M = 2, .H = 8, .W = 8, .stride_h = 2, .stride_w = 2});
  Schedule s;
  for (Dim d : kAllDims) s.tiles[d] = layer.bound(d);
  s.buffer_span = {{0, 0, 0}};
  EXPECT_NE(format_loop_nest(layer, s).find("── fill I buffer (32 elems: n1 g1 c2 h4 w4)"),
            std::string::npos);
}

TEST(LoopNest, WithTrafficShowsBytesAndFills) {
  Machine machine;
  const Traffic t = evaluate(res2a(), design_schedule(), machine);
  const std::vector<std::string> lines = lines_of(format_loop_nest(res2a(), design_schedule(), t));
  EXPECT_EQ(lines[3], "      ── fill W buffer (18 KiB, 2 fills: g1 m32 c64 r3 s3)");
  EXPECT_EQ(lines[5], "        ── fill I buffer (49 KiB, 8 fills: n1 g1 c16 h56 w56)");
  EXPECT_EQ(lines[8], "            ── fill O buffer (24.5 KiB, 128 fills: n1 g1 m32 p14 q14)");
}

TEST(LoopNest, InvalidScheduleIsAUserError) {
  Schedule s = design_schedule();
  s.tiles[Dim::m] = 65;
  EXPECT_THROW(format_loop_nest(res2a(), s), UserError);
}

TEST(LayerSummary, OneLineWithEveryField) {
  Layer layer(LayerSpec{.name = "odd",
                        .N = 2,
                        .C = 8,
                        .M = 4,
                        .H = 9,
                        .W = 7,
                        .R = 3,
                        .S = 1,
                        .stride_h = 2,
                        .stride_w = 1,
                        .dilation_h = 1,
                        .dilation_w = 2,
                        .pad_top = 1,
                        .pad_left = 0,
                        .pad_bottom = 2,
                        .pad_right = 3,
                        .groups = 2});
  EXPECT_EQ(format_layer_summary(layer),
            "odd: N=2 C=8 M=4 H=9 W=7 R=3 S=1, stride 2x1, dilation 1x2, pad t1 l0 b2 r3, "
            "groups 2 -> P=5 Q=10, 4,800 MACs");
  EXPECT_EQ(format_layer_summary(res2a()),
            "res2a_branch2b: N=1 C=64 M=64 H=56 W=56 R=3 S=3, stride 1x1, dilation 1x1, "
            "pad t1 l1 b1 r1, groups 1 -> P=56 Q=56, 115,605,504 MACs");
}

TEST(TrafficTable, RowsTotalsAndSummaryLines) {
  Machine machine;
  machine.capacity_bytes = 64 * 1024;
  const Traffic t = evaluate(res2a(), design_schedule(), machine);
  const std::string text = format_traffic(res2a(), design_schedule(), machine, t);
  const std::vector<std::string> lines = lines_of(text);
  ASSERT_GE(lines.size(), 7u);
  EXPECT_EQ(lines[0].substr(0, 5), "array");
  EXPECT_EQ(lines[2].substr(0, 1), "I");
  EXPECT_EQ(lines[3].substr(0, 1), "W");
  EXPECT_EQ(lines[4].substr(0, 1), "O");
  EXPECT_EQ(lines[6].substr(0, 5), "total");
  EXPECT_NE(text.find("traffic     " + with_separators(t.traffic_bytes) + " B"), std::string::npos);
  EXPECT_NE(text.find("compulsory  " + with_separators(t.compulsory_bytes) + " B"),
            std::string::npos);
  EXPECT_NE(text.find("traffic / compulsory = " + ratio_text(t.traffic_bytes, t.compulsory_bytes)),
            std::string::npos);
  EXPECT_NE(text.find("halo_reuse off, double_buffer off, capacity 64 KiB"), std::string::npos);
  EXPECT_EQ(t.fits, false);  // 18 + 49 + 24.5 KiB > 64 KiB
  EXPECT_NE(text.find("DOES NOT FIT (over by"), std::string::npos);

  machine.capacity_bytes = 1024 * 1024;
  const Traffic fits = evaluate(res2a(), design_schedule(), machine);
  EXPECT_NE(format_traffic(res2a(), design_schedule(), machine, fits).find("1 MiB: fits"),
            std::string::npos);
  machine.capacity_bytes.reset();
  EXPECT_NE(format_traffic(res2a(), design_schedule(), machine, fits).find("no capacity given"),
            std::string::npos);
}

TEST(TrafficTable, TotalColumnSumsTheArrays) {
  const Traffic t = evaluate(res2a(), design_schedule(), Machine{});
  const std::string text = format_traffic(res2a(), design_schedule(), Machine{}, t);
  const std::vector<std::string> lines = lines_of(text);
  // The last cell of the totals row is the traffic in bytes.
  const std::string& total = lines[6];
  EXPECT_EQ(total.substr(total.rfind(' ') + 1), with_separators(t.traffic_bytes));
}

TEST(MachineSummary, NamesEveryOption) {
  Machine m;
  m.precision = Precision{.input = 2, .weight = 1, .output = 2, .psum = 4};
  m.halo_reuse = true;
  m.double_buffer = true;
  EXPECT_EQ(format_machine(m),
            "precision in=2,w=1,out=2,psum=4 (bytes/element), halo_reuse on, double_buffer on, "
            "capacity unbounded");
}

TEST(ScheduleReport, HasEverySection) {
  const Traffic t = evaluate(res2a(), design_schedule(), Machine{});
  const std::string text =
      format_schedule_report(res2a(), design_schedule(), Machine{}, t, "the analytical model");
  EXPECT_EQ(text.find("layer     res2a_branch2b:"), 0u);
  EXPECT_NE(text.find("\nschedule  {\"order\":[\"s\""), std::string::npos);
  EXPECT_NE(text.find("\ncounted   by the analytical model\n"), std::string::npos);
  EXPECT_NE(text.find("── fill W buffer"), std::string::npos);
  EXPECT_NE(text.find("\ntotal "), std::string::npos);
}

TEST(NumberText, SeparatorsAndRatios) {
  EXPECT_EQ(with_separators(0), "0");
  EXPECT_EQ(with_separators(999), "999");
  EXPECT_EQ(with_separators(1000), "1,000");
  EXPECT_EQ(with_separators(1234567), "1,234,567");
  EXPECT_EQ(with_separators(-1234567), "-1,234,567");
  EXPECT_EQ(ratio_text(3, 2), "1.50x");
  EXPECT_EQ(ratio_text(1, 0), "-");
}

TEST(TextTable, AlignsColumnsAndTrims) {
  TextTable table({"name", "value"});
  table.add_row({"a", "1"});
  table.add_rule();
  table.add_row({"longer", "12345"});
  EXPECT_EQ(table.render(),
            "name    value\n"
            "-------------\n"
            "a           1\n"
            "-------------\n"
            "longer  12345\n");
  EXPECT_THROW(table.add_row({"only one"}), InternalError);
}

}  // namespace
}  // namespace spad
