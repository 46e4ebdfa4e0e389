// Generated C as text (no compiler needed): schedules that cannot be
// generated are refused with a specific message; the header comment carries
// the loop nest optimize prints, the buffer map and the predicted traffic;
// the tile loops and fill points stand in the schedule's order; generation
// is deterministic.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>

#include "base/error.hpp"
#include "codegen/generate_c.hpp"
#include "codegen/kernel_plan.hpp"
#include "model/evaluate.hpp"
#include "report/loop_nest.hpp"

namespace spad {
namespace {

using codegen::KernelRequest;

Layer conv3x3() {
  LayerSpec s;
  s.name = "c3";
  s.C = 8;
  s.M = 6;
  s.H = s.W = 9;
  s.R = s.S = 3;
  s.pad_top = s.pad_left = s.pad_bottom = s.pad_right = 1;
  return Layer(s);
}

// order innermost first: s r q p c m g n; tiles m3 c4 p3; spans I=4 W=5 O=2.
Schedule tiled() {
  Schedule s;
  s.order = {Dim::s, Dim::r, Dim::q, Dim::p, Dim::c, Dim::m, Dim::g, Dim::n};
  s.tiles[Dim::n] = 1;
  s.tiles[Dim::g] = 1;
  s.tiles[Dim::m] = 3;
  s.tiles[Dim::c] = 4;
  s.tiles[Dim::p] = 3;
  s.tiles[Dim::q] = 9;
  s.tiles[Dim::r] = 3;
  s.tiles[Dim::s] = 3;
  s.buffer_span[Tensor::I] = 4;
  s.buffer_span[Tensor::W] = 5;
  s.buffer_span[Tensor::O] = 2;
  return s;
}

// A row of the header's buffer map: name, offset, bytes.
std::string fmt_row(const std::string& name, Count offset, Count bytes) {
  return fmt::format(" *   {:<6}  {:>6}  {:>9}", name, offset, bytes);
}

std::string refusal(const KernelRequest& k) {
  try {
    codegen::generate_c({k});
  } catch (const UserError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(Codegen, RefusesScheduleThatDoesNotFit) {
  Machine m;
  m.capacity_bytes = 64;
  const std::string msg = refusal({"conv", conv3x3(), tiled(), m});
  EXPECT_NE(msg.find("more than the scratchpad's 64 bytes"), std::string::npos) << msg;
  EXPECT_NE(msg.find("layer 'c3'"), std::string::npos) << msg;
}

TEST(Codegen, RefusesInvalidSchedule) {
  Schedule s = tiled();
  s.tiles[Dim::m] = 7;  // M = 6
  const std::string msg = refusal({"conv", conv3x3(), s, Machine{}});
  EXPECT_NE(msg.find("tiles"), std::string::npos) << msg;
  EXPECT_NE(msg.find("7"), std::string::npos) << msg;
}

TEST(Codegen, RefusesPrecisionsWithoutAC99Type) {
  Machine m;
  m.precision.input = 3;
  EXPECT_NE(refusal({"conv", conv3x3(), tiled(), m}).find("precision in = 3 bytes"),
            std::string::npos);
  m = Machine{};
  m.precision.psum = 16;
  EXPECT_NE(refusal({"conv", conv3x3(), tiled(), m}).find("precision psum = 16 bytes"),
            std::string::npos);
  m = Machine{};
  m.precision.output = 4;
  m.precision.psum = 2;
  EXPECT_NE(refusal({"conv", conv3x3(), tiled(), m}).find("wider than psum = 2 bytes"),
            std::string::npos);
}

TEST(Codegen, RefusesAxesBeyondTheSlotTables) {
  LayerSpec s;  // a 1-D layer whose W exceeds the 2^20 entries of a slot table
  s.name = "wide";
  s.W = (Count{1} << 20) + 1;
  Schedule sc;
  for (Dim d : kAllDims) sc.tiles[d] = 1;
  const std::string msg = refusal({"conv", Layer(s), sc, Machine{}});
  EXPECT_NE(msg.find("W = 1048577"), std::string::npos) << msg;
}

TEST(Codegen, RefusesNamesThatAreNotCIdentifiers) {
  for (const std::string& bad :
       std::vector<std::string>{"", "9conv", "my-conv", "spad_conv", std::string(64, 'a')})
    EXPECT_NE(refusal({bad, conv3x3(), tiled(), Machine{}}).find("cannot name a C kernel"),
              std::string::npos)
        << bad;
  EXPECT_EQ(refusal({"ok_name9", conv3x3(), tiled(), Machine{}}), "(no error)");
}

// A name the generated file cannot declare a function by: a keyword, one of
// its own functions, a C library name its headers declare, a reserved
// pattern. Each made the file fail to compile ("void int(...)", "conflicting
// types for 'main'", "... for 'printf'").
TEST(Codegen, RefusesNamesTheGeneratedFileCannotDeclare) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"int", "is a C keyword"},
      {"while", "is a C keyword"},
      {"bool", "is a C keyword"},
      {"main", "is a function of the generated file"},
      {"dma_in", "is a function of the generated file"},
      {"dma_wait", "is a function of the generated file"},
      {"printf", "C library header"},
      {"free", "C library header"},
      {"div", "C library header"},
      {"size_t", "C library header"},
      {"stderr", "C library header"},
      {"index", "C library header"},
      {"strlen", "C library header"},
      {"memcpy", "C library header"},
      {"strtoull", "C library header"},
      {"uint8_t", "int..._t"},
      {"INT8_MAX", "INT..._MAX"},
      {"_conv", "starting with '_'"}};
  for (const auto& [name, why] : cases) {
    EXPECT_FALSE(codegen::valid_kernel_name(name)) << name;
    const std::string msg = refusal({name, conv3x3(), tiled(), Machine{}});
    EXPECT_NE(msg.find("kernel name '" + name + "' cannot name a C kernel"), std::string::npos)
        << msg;
    EXPECT_NE(msg.find(why), std::string::npos) << msg;
    // A layer of that name gets a kernel name that is one.
    EXPECT_EQ(codegen::kernel_name_from(name), "conv_" + name);
  }
  for (const char* fine :
       {"conv", "integer", "mainline", "str", "mem_in", "stride2", "strided", "dma"})
    EXPECT_TRUE(codegen::valid_kernel_name(fine)) << fine;
}

TEST(Codegen, RefusesTwoKernelsWithOneName) {
  const KernelRequest k{"conv", conv3x3(), tiled(), Machine{}};
  try {
    codegen::generate_c({k, k});
    FAIL() << "no error";
  } catch (const UserError& e) {
    EXPECT_NE(std::string(e.what()).find("two kernels are named 'conv'"), std::string::npos);
  }
}

TEST(Codegen, KernelNamesFromLayerNames) {
  EXPECT_EQ(codegen::kernel_name_from("layer1.0.conv2"), "layer1_0_conv2");
  EXPECT_EQ(codegen::kernel_name_from("0conv"), "conv_0conv");
  EXPECT_EQ(codegen::kernel_name_from("spad_x"), "conv_spad_x");
  EXPECT_EQ(codegen::kernel_name_from(""), "conv");
  EXPECT_TRUE(codegen::valid_kernel_name(codegen::kernel_name_from("features.2.conv.1.0")));
}

TEST(Codegen, HeaderCarriesLoopNestBufferMapAndTraffic) {
  Machine m;
  m.capacity_bytes = 4096;
  const Layer layer = conv3x3();
  const std::string c = codegen::generate_c({{"conv", layer, tiled(), m}});
  const Traffic t = evaluate(layer, tiled(), m);
  // Every line of the nest optimize prints appears in the header.
  const std::string nest = format_loop_nest(layer, tiled(), t);
  std::size_t from = 0;
  for (std::size_t end = nest.find('\n'); end != std::string::npos; end = nest.find('\n', from)) {
    EXPECT_NE(c.find(" *   " + nest.substr(from, end - from) + "\n"), std::string::npos)
        << nest.substr(from, end - from);
    from = end + 1;
  }
  // Buffer map: I at 0, W after I, O after W, sizes from the model.
  const Count ib = t.arrays[Tensor::I].buffer_bytes, wb = t.arrays[Tensor::W].buffer_bytes;
  EXPECT_NE(c.find(fmt_row("I", 0, ib)), std::string::npos);
  EXPECT_NE(c.find(fmt_row("W", ib, wb)), std::string::npos);
  EXPECT_NE(c.find(fmt_row("O", ib + wb, t.arrays[Tensor::O].buffer_bytes)), std::string::npos);
  EXPECT_NE(c.find("static unsigned char conv_spad[" + std::to_string(t.buffer_bytes) + "]"),
            std::string::npos);
  EXPECT_NE(c.find("total " + std::to_string(t.traffic_bytes) + " bytes"), std::string::npos);
  EXPECT_NE(c.find("void conv(const int8_t *I, const int8_t *W, int8_t *O, uint32_t *O_psum)"),
            std::string::npos);
}

// A layer's name is text of the user's (an ONNX node, a network file): a "*/"
// in it must not end the header comment. The one-level header wrote it as
// is, so "a */ int injected; /* b" declared a variable in the generated file.
TEST(Codegen, LayerNameCannotEndTheHeaderComment) {
  Machine m;
  m.capacity_bytes = 4096;
  LayerSpec spec = conv3x3().spec();
  spec.name = "a */ int injected; /* b";
  const std::string c = codegen::generate_c({{"conv", Layer(spec), tiled(), m}});
  EXPECT_NE(c.find(" * Kernel conv: layer 'a * / int injected; /* b'\n"), std::string::npos);
  // Nowhere in the file does the name end a comment.
  EXPECT_EQ(c.find("a */ int injected"), std::string::npos);
}

// Lines of `c` that start (after spaces) with `prefix`, in order.
std::vector<std::string> lines_with(const std::string& c, const std::string& prefix) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (from < c.size()) {
    std::size_t end = c.find('\n', from);
    if (end == std::string::npos) end = c.size();
    const std::string line = c.substr(from, end - from);
    const std::size_t first = line.find_first_not_of(' ');
    if (first != std::string::npos && line.compare(first, prefix.size(), prefix) == 0)
      out.push_back(line.substr(first));
    from = end + 1;
  }
  return out;
}

TEST(Codegen, TileLoopsAndFillPointsFollowTheSchedule) {
  const std::string c = codegen::generate_c({{"conv", conv3x3(), tiled(), Machine{}}});
  const std::vector<std::string> steps = lines_with(c, "for (at[SPAD_");
  const std::vector<std::string> want = {"n", "g", "m", "c",
                                         "p", "q", "r", "s"};  // outermost first
  ASSERT_EQ(steps.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i)
    EXPECT_EQ(steps[i].substr(0, 14), "for (at[SPAD_" + want[i]) << steps[i];
  EXPECT_NE(c.find("for (at[SPAD_m] = 0; at[SPAD_m] < 6; at[SPAD_m] += 3) { /* m: T=2 */"),
            std::string::npos);
  EXPECT_NE(c.find("for (at[SPAD_c] = 0; at[SPAD_c] < 8; at[SPAD_c] += 4) { /* c: T=2 */"),
            std::string::npos);
  // Fill points: W inside m (span 5), I inside c (span 4), O inside q (span 2).
  std::vector<std::string> order;
  for (const std::string& l : lines_with(c, "")) {
    if (l.rfind("for (at[SPAD_", 0) == 0) order.push_back(l.substr(13, 1));
    if (l.rfind("spad_fill(&K, SPAD_", 0) == 0) order.push_back("fill " + l.substr(19, 1));
  }
  const std::vector<std::string> expected = {"n", "g", "m",      "fill W", "c", "fill I",
                                             "p", "q", "fill O", "r",      "s"};
  EXPECT_EQ(order, expected);
}

TEST(Codegen, DeterministicText) {
  Machine m;
  m.halo_reuse = true;
  m.double_buffer = true;
  const KernelRequest k{"conv", conv3x3(), tiled(), m};
  EXPECT_EQ(codegen::generate_c({k}), codegen::generate_c({k}));
}

}  // namespace
}  // namespace spad
