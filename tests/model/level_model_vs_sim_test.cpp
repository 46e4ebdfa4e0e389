// The several-level analytical model (model/level_evaluate) against the level
// simulator (sim/level_simulator, the oracle that replays the flat nest): on
// random layers x two- and three-level schedules (bypass at outer levels,
// inner tiles that divide the enclosing tile or not, one trip, halo reuse,
// double buffering, strides, dilation, padding, groups) both must give the
// same LevelTraffic on every field of every level, exactly.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "level_expect.hpp"
#include "model/level_evaluate.hpp"
#include "random_level_cases.hpp"
#include "sim/level_simulator.hpp"

namespace spad {
namespace {

std::string describe(const Layer& layer, const LevelSchedule& s, const MemoryLevels& m) {
  const LayerSpec& l = layer.spec();
  std::ostringstream o;
  o << "layer N=" << l.N << " C=" << l.C << " M=" << l.M << " H=" << l.H << " W=" << l.W
    << " R=" << l.R << " S=" << l.S << " stride=[" << l.stride_h << "," << l.stride_w
    << "] dilation=[" << l.dilation_h << "," << l.dilation_w << "] pad=[" << l.pad_top << ","
    << l.pad_left << "," << l.pad_bottom << "," << l.pad_right << "] groups=" << l.groups
    << "\nmachine halo_reuse=" << m.halo_reuse << " double_buffer=" << m.double_buffer
    << " precision in=" << m.precision.input << " w=" << m.precision.weight
    << " out=" << m.precision.output << " psum=" << m.precision.psum;
  for (std::size_t i = 0; i < s.levels.size(); ++i) {
    const LevelLoops& g = s.levels[i];
    o << "\nlevel " << i + 1 << " order(innermost first)=";
    for (Dim d : g.order) o << dim_name(d);
    o << " tiles={";
    for (Dim d : kAllDims) o << " " << dim_name(d) << "=" << g.tiles[d] << "/" << layer.bound(d);
    o << " } spans={";
    for (Tensor t : kAllTensors)
      o << " " << tensor_name(t) << "="
        << (g.buffer_span[t] ? std::to_string(*g.buffer_span[t]) : std::string("null"));
    o << " } capacity="
      << (m.levels[i].capacity_bytes ? std::to_string(*m.levels[i].capacity_bytes) : "none");
  }
  return o.str();
}

// Every field of every level; on a difference, the case and each differing field.
void expect_model_equals_simulator(const Layer& layer, const LevelSchedule& s,
                                   const MemoryLevels& m, const std::string& label) {
  const LevelTraffic want = simulate_levels(layer, s, m);
  const LevelTraffic got = evaluate_levels(layer, s, m);
  if (got == want) return;
  std::string trace = label;
  trace += '\n';
  trace += describe(layer, s, m);
  SCOPED_TRACE(trace);
  ASSERT_EQ(got.levels.size(), want.levels.size());
  for (std::size_t l = 0; l < want.levels.size(); ++l)
    golden::expect_same_level(got.levels[l], want.levels[l], l);
  FAIL() << "model and simulator differ";
}

// Runs `cases` random layers, each with one schedule of every level count in
// `level_counts`, and stops at the first case that differs.
void check_random_cases(std::uint64_t seed, int cases, std::initializer_list<std::size_t> levels,
                        Count max_extent) {
  testing::Rng rng(seed);
  for (int i = 0; i < cases; ++i) {
    const Layer layer = testing::random_layer(rng, max_extent);
    for (std::size_t L : levels) {
      const LevelSchedule s = testing::random_level_schedule(rng, layer, L);
      const MemoryLevels m = testing::random_memory_levels(rng, L);
      std::ostringstream label;
      label << "case " << i << " with " << L << " levels";
      expect_model_equals_simulator(layer, s, m, label.str());
      if (::testing::Test::HasFailure()) return;
    }
  }
}

TEST(LevelModelVsSim, TwoAndThreeLevelsOnRandomLayers) {
  check_random_cases(20261130, 20000, {2, 3}, 7);
}

// Larger output extents: runs of interior tiles between the edges of the
// input, several partial tiles per level.
TEST(LevelModelVsSim, TwoLevelsOnLargerLayers) { check_random_cases(15, 1500, {2}, 24); }

TEST(LevelModelVsSim, FourLevels) { check_random_cases(4, 2000, {4}, 7); }

// Real-sized and awkward axes: ResNet-50's first convolution (224 rows, 7 x 7,
// stride 2, pad 3), a 56 x 56 3 x 3 layer, a dilated kernel with uneven large
// pads, and pads far wider than the input (whole tiles of padding).
TEST(LevelModelVsSim, TwoAndThreeLevelsOnLargeAndPaddedLayers) {
  const std::vector<LayerSpec> specs = {
      {.name = "conv1",
       .N = 1,
       .C = 3,
       .M = 8,
       .H = 224,
       .W = 20,
       .R = 7,
       .S = 7,
       .stride_h = 2,
       .stride_w = 2,
       .pad_top = 3,
       .pad_left = 3,
       .pad_bottom = 3,
       .pad_right = 3},
      {.name = "res2",
       .N = 1,
       .C = 4,
       .M = 4,
       .H = 56,
       .W = 56,
       .R = 3,
       .S = 3,
       .pad_top = 1,
       .pad_left = 1,
       .pad_bottom = 1,
       .pad_right = 1},
      {.name = "dilated",
       .N = 1,
       .C = 2,
       .M = 2,
       .H = 90,
       .W = 9,
       .R = 9,
       .S = 2,
       .stride_h = 2,
       .dilation_h = 5,
       .pad_top = 17,
       .pad_bottom = 30,
       .pad_right = 4},
      {.name = "padded",
       .N = 1,
       .C = 1,
       .M = 2,
       .H = 3,
       .W = 3,
       .R = 2,
       .S = 2,
       .stride_h = 3,
       .dilation_h = 2,
       .pad_top = 40,
       .pad_left = 9,
       .pad_bottom = 50,
       .pad_right = 2},
  };
  testing::Rng rng(5);
  for (int i = 0; i < 600; ++i) {
    const Layer layer(specs[static_cast<std::size_t>(i) % specs.size()]);
    const std::size_t L = 2 + static_cast<std::size_t>(i % 2);
    const LevelSchedule s = testing::random_level_schedule(rng, layer, L);
    const MemoryLevels m = testing::random_memory_levels(rng, L);
    std::ostringstream label;
    label << "case " << i;
    expect_model_equals_simulator(layer, s, m, label.str());
  }
}

}  // namespace
}  // namespace spad
