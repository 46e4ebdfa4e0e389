// Compile-and-run tests of generated kernels of several on-chip levels
// (label: codegen, slow): random small layers with random two- and
// three-level schedules (bypass at outer levels, partial tiles at every
// level, tiles larger than the enclosing one, halo reuse on every other
// case), each kernel compiled with the
// system C compiler under -std=c99 -Wall -Wextra -Werror and AddressSanitizer
// + UndefinedBehaviorSanitizer, run, and its self-test line checked: output
// equal to the reference convolution, DMA bytes of every array across every
// boundary equal to the level model's and the level simulator's reads and
// writes, each level's array equal to the model's buffer bytes. The level
// search's optimum goes through the same check.
#include <gtest/gtest.h>

#include <future>
#include <string>
#include <vector>

#include "codegen/generate_level_c.hpp"
#include "codegen/level_kernel_plan.hpp"
#include "codegen_harness.hpp"
#include "io/json/layer_json.hpp"
#include "model/level_evaluate.hpp"
#include "random_level_cases.hpp"
#include "search/level_search.hpp"
#include "sim/level_simulator.hpp"

namespace spad {
namespace {

using codegen::LevelKernelRequest;
using testing::compile_and_run;
using testing::uniform;

constexpr int kCases = 80;
constexpr int kKernelsPerFile = 10;

MemoryLevels case_machine(testing::Rng& rng, std::size_t levels, int i) {
  MemoryLevels m;
  m.halo_reuse = i % 2 == 1;
  const Count data[] = {1, 2, 4};
  const Count wide[] = {1, 2, 4, 8};
  m.precision.input = data[uniform(rng, 0, 2)];
  m.precision.weight = data[uniform(rng, 0, 2)];
  m.precision.psum = (i % 3 == 0) ? 4 : wide[uniform(rng, 0, 3)];
  m.precision.output = (i % 3 == 0) ? 1 : wide[uniform(rng, 0, 3)];
  if (m.precision.output > m.precision.psum) m.precision.output = m.precision.psum;
  for (std::size_t l = 0; l < levels; ++l) {
    MemoryLevel level;
    level.name = "L";
    level.name += std::to_string(levels - l);
    m.levels.push_back(level);  // unbounded: every schedule fits
  }
  return m;
}

// Whether halo reuse moves fewer bytes than whole fills at some boundary.
bool halo_saves(const Layer& layer, const LevelSchedule& s, MemoryLevels m) {
  m.halo_reuse = true;
  const LevelTraffic with = evaluate_levels(layer, s, m);
  m.halo_reuse = false;
  const LevelTraffic without = evaluate_levels(layer, s, m);
  for (std::size_t l = 0; l < with.levels.size(); ++l)
    if (with.levels[l].traffic_bytes < without.levels[l].traffic_bytes) return true;
  return false;
}

// One of `kCases` random kernels; with halo reuse on, the schedule is redrawn
// (a bounded number of times) until the halo fills save bytes, so they are
// exercised.
LevelKernelRequest random_level_kernel(int i) {
  testing::Rng rng(0x1E7E1000u + static_cast<unsigned>(i));
  const Layer layer = testing::random_layer(rng, 6);
  const std::size_t levels = i % 3 == 2 ? 3 : 2;
  const MemoryLevels machine = case_machine(rng, levels, i);
  LevelSchedule s = testing::random_level_schedule(rng, layer, levels, 3);
  for (int tries = 0; tries < 200 && machine.halo_reuse && !halo_saves(layer, s, machine); ++tries)
    s = testing::random_level_schedule(rng, layer, levels, 3);
  return {"k" + std::to_string(i), layer, s, machine};
}

// The self-test's line agrees with the level model and the level simulator
// on every byte count across every boundary, and the output matched.
void expect_level_counts(const LevelKernelRequest& k, const nlohmann::json& line) {
  SCOPED_TRACE(k.name);
  ASSERT_TRUE(line.is_object()) << "not a JSON line";
  EXPECT_EQ(line.at("match"), true);
  const LevelTraffic model = evaluate_levels(k.layer, k.schedule, k.machine);
  const LevelTraffic replay = simulate_levels(k.layer, k.schedule, k.machine);
  ASSERT_EQ(line.at("levels").size(), model.levels.size());
  Count total = 0;
  for (const LevelTraffic* t : {&model, &replay}) {
    for (std::size_t l = 0; l < t->levels.size(); ++l) {
      SCOPED_TRACE("boundary " + std::to_string(l + 1));
      const nlohmann::json& b = line.at("levels")[l];
      const LevelCost& c = t->levels[l];
      EXPECT_EQ(b.at("dma_in_bytes").at("I").get<Count>(), c.arrays[Tensor::I].read_bytes);
      EXPECT_EQ(b.at("dma_in_bytes").at("W").get<Count>(), c.arrays[Tensor::W].read_bytes);
      EXPECT_EQ(b.at("dma_in_bytes").at("O").get<Count>(), c.arrays[Tensor::O].read_bytes);
      EXPECT_EQ(b.at("dma_out_bytes").at("O").get<Count>(), c.arrays[Tensor::O].write_bytes);
      EXPECT_EQ(b.at("bytes").get<Count>(), c.buffer_bytes);
      EXPECT_EQ(b.at("name"), c.name);
    }
  }
  for (const LevelCost& c : model.levels) total += c.buffer_bytes;
  EXPECT_EQ(line.at("scratchpad_bytes").get<Count>(), total);
  EXPECT_EQ(line.at("dma_in_bytes"), line.at("levels")[0].at("dma_in_bytes"));
  EXPECT_EQ(line.at("dma_out_bytes"), line.at("levels")[0].at("dma_out_bytes"));
}

// Whether the tile of some loop of level l (0-based) does not divide the
// level-(l-1) tile that encloses it: partial tiles at that level.
bool partial_at(const LevelKernelRequest& k, std::size_t l) {
  for (Dim d : kAllDims) {
    Count enclosing = k.layer.bound(d);
    for (std::size_t j = 0; j < l; ++j)
      enclosing = std::min(enclosing, k.schedule.levels[j].tiles[d]);
    const Count t = k.schedule.levels[l].tiles[d];
    if (t < enclosing && enclosing % t != 0) return true;
  }
  return false;
}

void run_files(const std::vector<LevelKernelRequest>& kernels, std::uint64_t seed) {
  std::vector<std::vector<LevelKernelRequest>> files;
  for (std::size_t i = 0; i < kernels.size(); i += kKernelsPerFile)
    files.emplace_back(
        kernels.begin() + static_cast<long>(i),
        kernels.begin() + static_cast<long>(std::min(i + kKernelsPerFile, kernels.size())));
  std::vector<testing::SelftestRun> runs(files.size());
  const auto worker = [&](std::size_t first) {
    for (std::size_t f = first; f < files.size(); f += 2)
      runs[f] =
          compile_and_run(codegen::generate_level_c(files[f]), testing::kSanitizeFlags, seed + f);
  };
  auto a = std::async(std::launch::async, worker, 0);
  auto b = std::async(std::launch::async, worker, 1);
  a.get();
  b.get();
  for (std::size_t f = 0; f < files.size(); ++f) {
    const testing::SelftestRun& run = runs[f];
    ASSERT_TRUE(run.compiled) << "file " << f << ":\n" << run.compile_log.substr(0, 4000);
    EXPECT_EQ(run.exit_code, 0) << run.raw.substr(0, 4000);
    ASSERT_EQ(run.lines.size(), files[f].size()) << run.raw.substr(0, 4000);
    for (std::size_t k = 0; k < files[f].size(); ++k) {
      if (files[f].size() > 1) {
        EXPECT_EQ(run.lines[k].value("kernel", ""), files[f][k].name);
      }
      expect_level_counts(files[f][k], run.lines[k]);
    }
  }
}

TEST(CodegenRun, LevelKernelsMatchLevelModelAndSimulatorAtEveryBoundary) {
  std::vector<LevelKernelRequest> kernels;
  for (int i = 0; i < kCases; ++i) kernels.push_back(random_level_kernel(i));

  // Coverage of what the cases are meant to exercise.
  int three = 0, bypass = 0, o_bypass = 0, partial_outer = 0, partial_inner = 0, padded = 0,
      strided = 0, grouped = 0, narrow_out = 0, o_partial_sums = 0, halo_saving = 0;
  for (const LevelKernelRequest& k : kernels) {
    const LayerSpec& s = k.layer.spec();
    three += k.schedule.levels.size() == 3;
    bool any_bypass = false, any_o_bypass = false;
    for (const LevelLoops& level : k.schedule.levels)
      for (Tensor t : kAllTensors)
        if (!level.buffer_span[t]) {
          any_bypass = true;
          any_o_bypass = any_o_bypass || t == Tensor::O;
        }
    bypass += any_bypass;
    o_bypass += any_o_bypass;
    partial_outer += partial_at(k, 0);
    partial_inner += partial_at(k, k.schedule.levels.size() - 1);
    padded += s.pad_top + s.pad_left + s.pad_bottom + s.pad_right > 0;
    strided += s.stride_h > 1 || s.stride_w > 1 || s.dilation_h > 1 || s.dilation_w > 1;
    grouped += s.groups > 1;
    narrow_out += k.machine.precision.output < k.machine.precision.psum;
    const LevelTraffic t = evaluate_levels(k.layer, k.schedule, k.machine);
    o_partial_sums += t.levels.back().arrays[Tensor::O].reads > 0;
    halo_saving += k.machine.halo_reuse && halo_saves(k.layer, k.schedule, k.machine);
  }
  EXPECT_GE(three, 20);
  EXPECT_GE(bypass, 40);
  EXPECT_GE(o_bypass, 10);
  EXPECT_GE(partial_outer, 30);
  EXPECT_GE(partial_inner, 20);
  EXPECT_GE(padded, 20);
  EXPECT_GE(strided, 15);
  EXPECT_GE(grouped, 5);
  EXPECT_GE(narrow_out, 10);
  EXPECT_GE(o_partial_sums, 30);
  EXPECT_GE(halo_saving, 15);
  run_files(kernels, 2000);
}

// tests/cli/levels_cli_test's two-level case, counted there by hand (int8
// data, int32 partial sums): across boundary 1 I 8 B (I bypasses L2: its L1
// fills come from off-chip), W 4 B, O 8 B written (final); across boundary 2
// I 8 B, W 8 B (4 L1 fills of 2), O 8 B written (final); L2 holds 4 + 16 B,
// L1 4 + 2 + 8 B.
TEST(CodegenRun, TwoLevelKernelByHand) {
  LayerSpec spec;
  spec.name = "tiny";
  spec.C = spec.M = 2;
  spec.H = 1;
  spec.W = 4;
  const Layer layer(spec);
  LevelSchedule s;
  for (int l = 0; l < 2; ++l) {
    LevelLoops level;
    level.name = l == 0 ? "L2" : "L1";
    level.order = {Dim::s, Dim::r, Dim::q, Dim::p, Dim::c, Dim::m, Dim::g, Dim::n};
    for (Dim d : kAllDims) level.tiles[d] = layer.bound(d);
    level.tiles[Dim::q] = 2;
    level.tiles[Dim::m] = l == 0 ? 2 : 1;
    level.buffer_span[Tensor::I] = l == 0 ? std::nullopt : std::optional<int>(0);
    level.buffer_span[Tensor::W] = l == 0 ? 8 : 0;
    level.buffer_span[Tensor::O] = 0;
    s.levels.push_back(level);
  }
  MemoryLevels m;
  m.levels = {{"L2", 32}, {"L1", 16}};
  const LevelKernelRequest k{"tiny", layer, s, m};
  const testing::SelftestRun run =
      compile_and_run(codegen::generate_level_c({k}), testing::kSanitizeFlags, 9);
  ASSERT_TRUE(run.compiled) << run.compile_log.substr(0, 4000);
  EXPECT_EQ(run.exit_code, 0) << run.raw;
  ASSERT_EQ(run.lines.size(), 1u) << run.raw;
  const nlohmann::json& line = run.lines[0];
  EXPECT_EQ(line.at("match"), true);
  const nlohmann::json want = nlohmann::json::parse(R"([
      {"name": "L2", "bytes": 20, "dma_in_bytes": {"I": 8, "W": 4, "O": 0}, "dma_out_bytes": {"O": 8}},
      {"name": "L1", "bytes": 14, "dma_in_bytes": {"I": 8, "W": 8, "O": 0}, "dma_out_bytes": {"O": 8}}])");
  EXPECT_EQ(line.at("levels"), want);
  EXPECT_EQ(line.at("scratchpad_bytes"), 34);
  expect_level_counts(k, line);
}

// The level search's optimum on tiny layers (40 B + 12 B, and three levels)
// as a kernel: what `spad codegen --buffer OUTER,INNER` generates without
// --schedule.
TEST(CodegenRun, LevelSearchOptimaRun) {
  std::vector<LevelKernelRequest> kernels;
  const std::vector<std::pair<std::string, std::vector<Count>>> cases = {
      {"N=1,C=2,M=4,H=4,W=4,R=1,S=1,name=tiny", {40, 12}},
      {"N=1,C=1,M=3,H=5,W=1,R=3,S=1,pad=1,name=odd", {200, 40}},
      {"N=1,C=2,M=4,H=4,W=4,R=1,S=1,name=tiny3", {64, 32, 16}},
  };
  for (const auto& [text, capacities] : cases) {
    const Layer layer = load_layer(text);
    MemoryLevels machine;
    for (std::size_t l = 0; l < capacities.size(); ++l) {
      MemoryLevel level;
      level.name = "L";
      level.name += std::to_string(capacities.size() - l);  // not "L" + ...: GCC 12 -Wrestrict
      level.capacity_bytes = capacities[l];
      machine.levels.push_back(level);
    }
    const LevelSearchResult r = optimize_levels(layer, machine, {.threads = 1});
    ASSERT_TRUE(r.best.has_value()) << text;
    kernels.push_back({layer.name(), layer, r.best->schedule, machine});
  }
  run_files(kernels, 77);
}

}  // namespace
}  // namespace spad
