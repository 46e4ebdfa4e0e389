// Compile-and-run tests of generated kernels (label: codegen, slow): random
// layers and schedules covering every feature the model counts, each kernel
// compiled with the system C compiler under -std=c99 -Wall -Wextra -Werror and
// AddressSanitizer + UndefinedBehaviorSanitizer, run, and its self-test line
// checked: output equal to the reference convolution, DMA bytes per array
// equal to the model's and the simulator's reads and writes, scratchpad equal
// to the model's buffer bytes. Several kernels share one file (one compile),
// and two files compile at a time.
#include <gtest/gtest.h>

#include <future>
#include <string>
#include <vector>

#include "codegen/kernel_plan.hpp"
#include "codegen_harness.hpp"
#include "io/common/network_source.hpp"
#include "io/text/network_layer_selection.hpp"
#include "random_cases.hpp"
#include "search/optimize.hpp"

namespace spad {
namespace {

using codegen::KernelRequest;
using testing::compile_and_run;
using testing::expect_counts;
using testing::uniform;

constexpr int kCases = 72;
constexpr int kKernelsPerFile = 9;

Machine case_machine(testing::Rng& rng, int i) {
  Machine m;
  m.halo_reuse = (i % 4) == 1 || (i % 4) == 3;
  m.double_buffer = (i % 4) >= 2;
  const Count data[] = {1, 2, 4};
  const Count wide[] = {1, 2, 4, 8};
  m.precision.input = data[uniform(rng, 0, 2)];
  m.precision.weight = data[uniform(rng, 0, 2)];
  m.precision.psum = (i % 3 == 0) ? 4 : wide[uniform(rng, 0, 3)];
  m.precision.output = (i % 3 == 0) ? 1 : wide[uniform(rng, 0, 3)];
  if (m.precision.output > m.precision.psum) m.precision.output = m.precision.psum;
  return m;
}

// One of `kCases` random kernels: every 6th has a single tile per loop.
// Whether halo reuse moves fewer bytes than no reuse for this schedule.
bool halo_saves(const Layer& layer, const Schedule& s, Machine m) {
  m.halo_reuse = true;
  const Count with = evaluate(layer, s, m).traffic_bytes;
  m.halo_reuse = false;
  return with < evaluate(layer, s, m).traffic_bytes;
}

// One of `kCases` random kernels: every 6th has a single tile per loop; with
// halo reuse on, the schedule is redrawn (a bounded number of times) until
// the rolling buffer saves bytes, so the halo fills are exercised.
KernelRequest random_kernel(int i) {
  testing::Rng rng(0xC0DE0000u + static_cast<unsigned>(i));
  const Layer layer = testing::random_layer(rng, 7);
  const Machine machine = case_machine(rng, i);
  Schedule s = testing::random_schedule(rng, layer);
  if (i % 6 == 0) {
    for (Dim d : kAllDims) s.tiles[d] = layer.bound(d);
  } else if (machine.halo_reuse) {
    for (int tries = 0; tries < 200 && !halo_saves(layer, s, machine); ++tries)
      s = testing::random_schedule(rng, layer);
  }
  return {"k" + std::to_string(i), layer, s, machine};
}

TEST(CodegenRun, RandomLayersAndSchedulesMatchModelAndSimulator) {
  std::vector<KernelRequest> kernels;
  for (int i = 0; i < kCases; ++i) kernels.push_back(random_kernel(i));

  // Coverage of the features the cases are meant to exercise.
  int halo = 0, halo_saving = 0, doubled = 0, both = 0, multi = 0, single = 0, strided = 0,
      grouped = 0, padded = 0, batched = 0, narrow_out = 0, partial = 0;
  for (const KernelRequest& k : kernels) {
    const codegen::KernelPlan p = codegen::plan_kernel(k);
    const LayerSpec& s = k.layer.spec();
    halo += p.halo_axis >= 0;
    halo_saving += k.machine.halo_reuse && halo_saves(k.layer, k.schedule, k.machine);
    doubled += k.machine.double_buffer;
    both += p.halo_axis >= 0 && k.machine.double_buffer;
    Count tiles = 1;
    bool part = false;
    for (Dim d : kAllDims) {
      tiles *= p.trips[d];
      part = part || k.layer.bound(d) % k.schedule.tiles[d] != 0;
    }
    multi += tiles > 1;
    single += tiles == 1;
    partial += part;
    strided += s.stride_h > 1 || s.stride_w > 1 || s.dilation_h > 1 || s.dilation_w > 1;
    grouped += s.groups > 1;
    padded += s.pad_top + s.pad_left + s.pad_bottom + s.pad_right > 0;
    batched += s.N > 1;
    narrow_out += k.machine.precision.output < k.machine.precision.psum;
  }
  EXPECT_GE(halo, 20);
  EXPECT_GE(halo_saving, 20);
  EXPECT_GE(doubled, 20);
  EXPECT_GE(both, 8);
  EXPECT_GE(multi, 40);
  EXPECT_GE(single, 10);
  EXPECT_GE(partial, 20);
  EXPECT_GE(strided, 20);
  EXPECT_GE(grouped, 5);
  EXPECT_GE(padded, 20);
  EXPECT_GE(batched, 20);
  EXPECT_GE(narrow_out, 10);

  std::vector<std::vector<KernelRequest>> files;
  for (std::size_t i = 0; i < kernels.size(); i += kKernelsPerFile)
    files.emplace_back(
        kernels.begin() + static_cast<long>(i),
        kernels.begin() + static_cast<long>(std::min(i + kKernelsPerFile, kernels.size())));
  std::vector<testing::SelftestRun> runs(files.size());
  const auto worker = [&](std::size_t first) {
    for (std::size_t f = first; f < files.size(); f += 2)
      runs[f] = compile_and_run(codegen::generate_c(files[f]), testing::kSanitizeFlags, 1000 + f);
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
      const KernelRequest& req = files[f][k];
      EXPECT_EQ(run.lines[k].value("kernel", ""), req.name);
      expect_counts(req, run.lines[k], true, req.name);
    }
  }
}

// One tile holding the whole layer: every loop's tile is its bound, spans 0.
KernelRequest whole_layer_kernel(const std::string& name, const LayerSpec& spec) {
  const Layer layer(spec);
  Schedule s;
  for (Dim d : kAllDims) s.tiles[d] = layer.bound(d);
  return {name, layer, s, Machine{}};
}

// Layers named like the generated file's own or its C library's functions
// (a layer "main", "printf", "div", "int"): their kernel names are prefixed,
// so the file compiles (it did not: "conflicting types for 'main'") and runs.
TEST(CodegenRun, LayersNamedLikeCFunctionsGiveAFileThatCompiles) {
  LayerSpec spec;
  spec.C = 2;
  spec.H = spec.W = 4;
  spec.R = spec.S = 3;
  std::vector<KernelRequest> kernels;
  for (const char* layer_name : {"main", "printf", "div", "int", "dma_out"})
    kernels.push_back(whole_layer_kernel(codegen::kernel_name_from(layer_name), spec));
  const testing::SelftestRun run =
      compile_and_run(codegen::generate_c(kernels), testing::kSanitizeFlags, 3);
  ASSERT_TRUE(run.compiled) << run.compile_log.substr(0, 4000);
  EXPECT_EQ(run.exit_code, 0) << run.raw;
  ASSERT_EQ(run.lines.size(), kernels.size()) << run.raw;
  for (std::size_t k = 0; k < kernels.size(); ++k)
    expect_counts(kernels[k], run.lines[k], true, kernels[k].name);
}

TEST(CodegenRun, StridedAndPaddedInputsMoveOnlyTheElementsRead) {
  LayerSpec strided;  // 1x1, stride 2, 6x6 input, 2 channels: P = Q = 3
  strided.C = 2;
  strided.H = strided.W = 6;
  strided.stride_h = strided.stride_w = 2;
  LayerSpec padded;  // 3x3, pad 1 on a 4x4 input: P = Q = 4
  padded.H = padded.W = 4;
  padded.R = padded.S = 3;
  padded.pad_top = padded.pad_left = padded.pad_bottom = padded.pad_right = 1;
  LayerSpec gaps;  // R = 2, stride 3 on 8 rows: P = 3, rows p*3 + r = 0 1 3 4 6 7
  gaps.H = 8;
  gaps.R = 2;
  gaps.stride_h = 3;
  const std::vector<KernelRequest> kernels = {whole_layer_kernel("strided", strided),
                                              whole_layer_kernel("padded", padded),
                                              whole_layer_kernel("gaps", gaps)};
  // Derived by hand: strided reads rows and columns 0 2 4 of 2 channels
  // (2*3*3 = 18 bytes); padded reads the 4x4 input once, its 20 padding
  // positions of the 6x6 window never (16 bytes); gaps reads 6 of 8 rows.
  const Count want_i[] = {18, 16, 6};
  const testing::SelftestRun run =
      compile_and_run(codegen::generate_c(kernels), testing::kSanitizeFlags, 5);
  ASSERT_TRUE(run.compiled) << run.compile_log.substr(0, 4000);
  EXPECT_EQ(run.exit_code, 0) << run.raw;
  ASSERT_EQ(run.lines.size(), kernels.size()) << run.raw;
  for (std::size_t k = 0; k < kernels.size(); ++k) {
    EXPECT_EQ(run.lines[k].at("dma_in_bytes").at("I").get<Count>(), want_i[k]) << kernels[k].name;
    expect_counts(kernels[k], run.lines[k], true, kernels[k].name);
  }
}

// Regression (found by a wider random run): with halo reuse along columns, a
// whole fill whose window is empty (the tile reads only padding) must still
// leave the rolling buffer room for the columns of the halo fills that follow.
TEST(CodegenRun, HaloFillsAfterAnEmptyWindow) {
  LayerSpec s;
  s.N = 3;
  s.C = 3;
  s.M = 4;
  s.H = 15;
  s.W = 7;
  s.R = 2;
  s.S = 3;
  s.stride_h = 2;
  s.dilation_w = 3;
  s.pad_top = 1;
  s.pad_left = s.pad_bottom = s.pad_right = 3;
  Schedule sc;
  sc.order = {Dim::m, Dim::n, Dim::q, Dim::g, Dim::r, Dim::p, Dim::s, Dim::c};
  sc.tiles[Dim::n] = 2;
  sc.tiles[Dim::g] = 1;
  sc.tiles[Dim::m] = 4;
  sc.tiles[Dim::c] = 1;
  sc.tiles[Dim::p] = 1;
  sc.tiles[Dim::q] = 3;
  sc.tiles[Dim::r] = 2;
  sc.tiles[Dim::s] = 1;
  sc.buffer_span[Tensor::I] = 2;
  sc.buffer_span[Tensor::W] = 8;
  sc.buffer_span[Tensor::O] = 7;
  Machine m;
  m.halo_reuse = true;
  m.precision.input = 4;
  std::vector<KernelRequest> kernels = {{"single", Layer(s), sc, m}};
  m.double_buffer = true;
  kernels.push_back({"doubled", Layer(s), sc, m});
  const testing::SelftestRun run =
      compile_and_run(codegen::generate_c(kernels), testing::kSanitizeFlags, 51);
  ASSERT_TRUE(run.compiled) << run.compile_log.substr(0, 4000);
  EXPECT_EQ(run.exit_code, 0) << run.raw.substr(0, 4000);
  ASSERT_EQ(run.lines.size(), kernels.size()) << run.raw.substr(0, 4000);
  for (std::size_t k = 0; k < kernels.size(); ++k)
    expect_counts(kernels[k], run.lines[k], true, kernels[k].name);
}

// A real layer at its optimal 64 KiB schedule (whatever the search returns
// now), compiled with -O2 and run; the counts must match model and simulator.
void expect_optimal_kernel_runs(const Layer& layer, const std::string& name) {
  Machine machine;
  machine.capacity_bytes = 64 * 1024;
  SearchOptions options;
  options.threads = 1;
  const SearchResult result = optimize(layer, machine, options);
  ASSERT_TRUE(result.best.has_value());
  const KernelRequest k{name, layer, result.best->schedule, machine};
  const testing::SelftestRun run = compile_and_run(codegen::generate_c({k}), "-O2", 3);
  ASSERT_TRUE(run.compiled) << run.compile_log.substr(0, 4000);
  EXPECT_EQ(run.exit_code, 0) << run.raw;
  ASSERT_EQ(run.lines.size(), 1u) << run.raw;
  EXPECT_FALSE(run.lines[0].contains("kernel"));  // one kernel: the contract's line exactly
  expect_counts(k, run.lines[0], true, name);
}

TEST(CodegenRun, ResNet50Res2aBranch2bAtOptimal64KiB) {
  LayerSpec s;  // ResNet-50 res2a_branch2b: 64 -> 64 channels, 56x56, 3x3, pad 1
  s.name = "res2a_branch2b";
  s.C = s.M = 64;
  s.H = s.W = 56;
  s.R = s.S = 3;
  s.pad_top = s.pad_left = s.pad_bottom = s.pad_right = 1;
  expect_optimal_kernel_runs(Layer(s), "res2a_branch2b");
}

TEST(CodegenRun, MobileNetV2DepthwiseAtOptimal64KiB) {
  // features.2.conv.1.0: depthwise 3x3, stride 2, 96 channels, 112x112.
  const Network net = load_network("mobilenet_v2", NetworkLoadOptions{});
  const std::vector<std::size_t> chosen = select_layers(net, "features.2.conv.1.0");
  ASSERT_EQ(chosen.size(), 1u);
  const Layer layer(net.layers[chosen[0]].spec);
  ASSERT_EQ(layer.spec().groups, layer.spec().C);
  ASSERT_EQ(layer.spec().stride_h, 2);
  expect_optimal_kernel_runs(layer, "dw");
}

}  // namespace
}  // namespace spad
