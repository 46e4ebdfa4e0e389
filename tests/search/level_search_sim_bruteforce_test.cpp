// The several-level search against an independent brute force (issue 15; the
// search's own brute force, level_search_bruteforce_test, costs schedules by
// the model): on random tiny layers, every two-level schedule (every tile of
// each level x every order of each level x every span of each array at each
// level x bypass at level 1) is costed by the LEVEL SIMULATOR
// (tests/support/level_brute_force, whose header states the only reductions it
// makes, each one DESIGN.md's own), and optimize_levels must return exactly
// the least key (bytes across boundary 1, boundary 2, fills over all levels
// and arrays, buffer bytes over all levels) among the schedules where every
// level fits, at capacity pairs chosen from the buffer sizes the schedules
// really have so that the constraints bind: C1 > C2, C1 < C2, C1 == C2, one
// level barely fitting, and a pair where nothing fits (the search must then
// return nothing). The schedule returned must be valid, fit every level, and
// simulate to the traffic it reports; the brute force's own winner, simulated
// whole, must have the key its per-array combination gave it. The same with
// three levels on tinier layers; with one level, optimize_levels must equal
// the one-level brute force.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "level_brute_force.hpp"
#include "search/level_search.hpp"
#include "sim/level_simulator.hpp"

namespace spad {
namespace {

using testing::LevelBruteForce;
using testing::LevelBruteRecord;
using testing::Rng;
using testing::uniform;

// A capacity far above every tiny layer's buffers (the search needs one).
constexpr Count kHuge = Count{1} << 40;

MemoryLevels random_two_levels(Rng& rng) {
  MemoryLevels m;
  m.halo_reuse = uniform(rng, 0, 1) == 1;
  m.double_buffer = uniform(rng, 0, 2) == 0;
  m.precision =
      Precision{uniform(rng, 1, 2), uniform(rng, 1, 2), uniform(rng, 1, 2), uniform(rng, 2, 4)};
  m.levels = {MemoryLevel{"L2", kHuge}, MemoryLevel{"L1", kHuge}};
  return m;
}

Count pick(Rng& rng, const std::vector<Count>& values) {
  return values[static_cast<std::size_t>(uniform(rng, 0, static_cast<Count>(values.size()) - 1))];
}

std::vector<Count> values_in(const std::set<Count>& values, Count lo, Count hi) {
  std::vector<Count> out;
  for (Count v : values)
    if (v >= lo && v <= hi) out.push_back(v);
  return out;
}

// Capacity pairs (level 1, level 2) that make the constraints bind, taken
// from the buffer bytes the enumerated schedules really use at each level.
std::vector<std::pair<Count, Count>> binding_capacities(const LevelBruteForce& all, Rng& rng) {
  std::set<Count> outer, inner;
  for (const LevelBruteRecord& r : all.records) {
    outer.insert(r.level_buffer_bytes[0]);
    inner.insert(r.level_buffer_bytes[1]);
  }
  MemoryLevels unbounded;
  unbounded.levels = {MemoryLevel{"", kHuge}, MemoryLevel{"", kHuge}};
  const LevelBruteRecord free = *testing::level_brute_best(all, unbounded);
  const Count least_inner = *inner.begin();
  // Level-2 capacities below the unconstrained optimum's (so level 2 binds),
  // or the least when there is none.
  std::vector<Count> tight_inner = values_in(inner, least_inner, free.level_buffer_bytes[1] - 1);
  if (tight_inner.empty()) tight_inner = {least_inner};
  std::vector<std::pair<Count, Count>> pairs;
  {  // C1 > C2
    const Count c2 = pick(rng, tight_inner);
    std::vector<Count> above = values_in(outer, c2 + 1, kHuge);
    pairs.emplace_back(above.empty() ? c2 + 1 : pick(rng, above), c2);
  }
  {  // C1 < C2
    const Count c2 = pick(rng, values_in(inner, std::max<Count>(least_inner, 2), kHuge));
    std::vector<Count> below = values_in(outer, 1, c2 - 1);
    pairs.emplace_back(below.empty() ? uniform(rng, 1, c2 - 1) : pick(rng, below), c2);
  }
  {  // C1 == C2
    const Count c = pick(rng, values_in(inner, least_inner, kHuge));
    pairs.emplace_back(c, c);
  }
  // Both levels exactly as large as the unconstrained optimum needs (barely
  // fitting; level 1 at least one byte, as a capacity must be).
  pairs.emplace_back(std::max<Count>(free.level_buffer_bytes[0], 1), free.level_buffer_bytes[1]);
  // Level 2 barely fitting its least buffers, level 1 ample.
  pairs.emplace_back(kHuge, least_inner);
  // Level 1 barely fitting its least non-empty buffers, level 2 random.
  {
    const std::vector<Count> nonempty = values_in(outer, 1, kHuge);
    pairs.emplace_back(nonempty.empty() ? 1 : nonempty.front(),
                       pick(rng, values_in(inner, least_inner, kHuge)));
  }
  // Nothing fits: level 2 one byte short of its least buffers.
  if (least_inner > 1) {
    const std::vector<Count> nonempty = values_in(outer, 1, kHuge);
    pairs.emplace_back(nonempty.empty() ? kHuge : pick(rng, nonempty), least_inner - 1);
  }
  pairs.emplace_back(kHuge, kHuge);
  return pairs;
}

// Checks optimize_levels against the brute force at one machine. Returns
// the brute force's least key (empty when nothing fits).
std::vector<Count> check_search(const Layer& layer, const LevelBruteForce& all,
                                const MemoryLevels& machine, int threads) {
  const std::optional<LevelBruteRecord> want = testing::level_brute_best(all, machine);
  LevelSearchOptions options;
  options.threads = threads;
  const LevelSearchResult got = optimize_levels(layer, machine, options);
  const std::string want_text = want ? testing::key_text(want->key(all.levels)) : "nothing fits";
  const std::string got_text =
      got.best ? testing::key_text(testing::level_key(got.best->traffic)) : "nothing fits";
  SCOPED_TRACE(testing::describe_level_case(layer, machine) + " | brute force " + want_text +
               " | search " + got_text);
  EXPECT_EQ(got.best.has_value(), want.has_value());
  if (!want) return {};
  if (!got.best) return want->key(all.levels);
  // The brute force's winner, simulated whole, has the key its combination gave it.
  const LevelTraffic brute = simulate_levels(layer, all.schedule(layer, *want), machine);
  EXPECT_EQ(testing::level_key(brute), want->key(all.levels));
  EXPECT_TRUE(brute.fits());
  // The search's answer: the least key, a valid schedule that fits every
  // level, and the traffic the simulator counts for it.
  const LevelCandidate& c = *got.best;
  EXPECT_EQ(testing::level_key(c.traffic), want->key(all.levels));
  EXPECT_NO_THROW(validate(c.schedule, layer));
  const LevelTraffic replay = simulate_levels(layer, c.schedule, machine);
  EXPECT_EQ(replay, c.traffic);
  EXPECT_TRUE(replay.fits());
  EXPECT_EQ(replay.levels.size(), machine.levels.size());
  for (std::size_t l = 0; l < replay.levels.size() && l < machine.levels.size(); ++l)
    EXPECT_LE(replay.levels[l].buffer_bytes, *machine.levels[l].capacity_bytes)
        << "level " << l + 1;
  return want->key(all.levels);
}

// A tiny layer with one of n, g, m, c made 4..long_extent long (when
// long_extent >= 4): the dimensions whose tile chains the search reduces
// (search/level_tile_chains keeps every chain of extents up to 3).
Layer tiny_layer(Rng& rng, int max_live, Count max_extent, Count long_extent) {
  const Layer tiny = testing::tiny_level_layer(rng, max_live, max_extent);
  if (long_extent < 4) return tiny;
  LayerSpec s = tiny.spec();
  const Count e = uniform(rng, 4, long_extent);
  switch (uniform(rng, 0, 3)) {
    case 0:
      s.N = e;
      break;
    case 1:
      s.groups = e;
      s.C = s.M = e;  // depthwise
      break;
    case 2:
      s.M = s.groups * e;
      break;
    default:
      s.C = s.groups * e;
      break;
  }
  return Layer(s);
}

void run_two_level_comparison(std::uint64_t seed, int layer_count, Count max_schedules,
                              Count max_extent, int max_live, Count long_extent = 0) {
  Rng rng(seed);
  int layers = 0, questions = 0, empty = 0, bound = 0;
  Count schedules = 0, simulations = 0;
  while (layers < layer_count) {
    const Layer layer = tiny_layer(rng, max_live, max_extent, long_extent);
    if (testing::level_brute_force_size(layer, 2).schedules > max_schedules) continue;
    ++layers;
    MemoryLevels machine = random_two_levels(rng);
    const LevelBruteForce all = testing::level_brute_force(layer, machine);
    schedules += static_cast<Count>(all.records.size());
    simulations += all.simulations;
    machine.levels[0].capacity_bytes = machine.levels[1].capacity_bytes = kHuge;
    const std::vector<Count> free = testing::level_brute_best(all, machine)->key(2);
    for (const auto& [outer, inner] : binding_capacities(all, rng)) {
      machine.levels[0].capacity_bytes = outer;
      machine.levels[1].capacity_bytes = inner;
      // Every tenth layer also on two threads: the same answer for any count.
      const std::vector<Count> least = check_search(layer, all, machine, 1);
      if (layers % 10 == 0) check_search(layer, all, machine, 2);
      ++questions;
      empty += least.empty();
      bound += !least.empty() && least != free;
    }
    if (::testing::Test::HasFailure()) break;  // one layer's report is enough
  }
  std::printf(
      "two-level brute force: %d layers, %lld schedules enumerated (%lld simulator runs), "
      "%d capacity pairs (%d where nothing fits, %d where the optimum is not the unconstrained "
      "one)\n",
      layers, static_cast<long long>(schedules), static_cast<long long>(simulations), questions,
      empty, bound);
  // The capacities really constrain: nothing fits at some, and at many the
  // optimum is not the one without capacities.
  EXPECT_GE(empty, layers / 2);
  EXPECT_GE(bound, questions / 4);
}

TEST(LevelSearchVsSimulatedBruteForce, TwoLevelsMatchExhaustiveSimulation) {
  run_two_level_comparison(20261201, 150, 200000, 3, 4);
}

// Layers with one long n, g, m or c (4..7): the search visits only some of
// its tile chains (search/level_tile_chains), the brute force every one.
TEST(LevelSearchVsSimulatedBruteForce, TwoLevelsWithALongChannelOrBatchDim) {
  run_two_level_comparison(20261203, 60, 200000, 2, 3, 7);
}

// The same on more and larger tiny layers; ctest label slow (the suite name
// LevelSearchSlow is CMakeLists.txt's slow filter).
TEST(LevelSearchSlow, SimulatedBruteForceOnLargerLayers) {
  run_two_level_comparison(20261202, 300, 600000, 4, 4);
}

// Three levels on tinier layers: each level's capacity drawn from the buffer
// bytes that level really has (mostly at most the unconstrained optimum's),
// the innermost one byte short of its least buffers (nothing fits), and all
// ample.
TEST(LevelSearchVsSimulatedBruteForce, ThreeLevelsMatchExhaustiveSimulation) {
  Rng rng(20261209);
  int layers = 0, empty = 0, bound = 0, questions = 0;
  Count schedules = 0;
  while (layers < 80) {
    const Layer layer = testing::tiny_level_layer(rng, 4, 2);
    if (testing::level_brute_force_size(layer, 3).schedules > 150000) continue;
    ++layers;
    MemoryLevels machine = random_two_levels(rng);
    machine.levels = {MemoryLevel{"L3", kHuge}, MemoryLevel{"L2", kHuge}, MemoryLevel{"L1", kHuge}};
    const LevelBruteForce all = testing::level_brute_force(layer, machine);
    schedules += static_cast<Count>(all.records.size());
    const LevelBruteRecord free = *testing::level_brute_best(all, machine);
    std::array<std::set<Count>, 3> used;
    for (const LevelBruteRecord& r : all.records)
      for (std::size_t l = 0; l < 3; ++l) used[l].insert(r.level_buffer_bytes[l]);
    std::vector<std::array<Count, 3>> triples;
    for (int k = 0; k < 6; ++k) {
      std::array<Count, 3> c{};
      for (std::size_t l = 0; l < 3; ++l) {
        std::vector<Count> v = values_in(used[l], 1, free.level_buffer_bytes[l]);
        if (v.empty() || uniform(rng, 0, 3) == 0) v = values_in(used[l], 1, kHuge);
        c[l] = pick(rng, v);
      }
      triples.push_back(c);
    }
    triples.push_back({kHuge, kHuge, *used[2].begin() - 1});
    triples.push_back({kHuge, kHuge, kHuge});
    for (const std::array<Count, 3>& c : triples) {
      if (c[2] < 1) continue;
      for (std::size_t l = 0; l < 3; ++l) machine.levels[l].capacity_bytes = c[l];
      const std::vector<Count> least = check_search(layer, all, machine, 1);
      ++questions;
      empty += least.empty();
      bound += !least.empty() && least != free.key(3);
    }
    if (::testing::Test::HasFailure()) break;
  }
  std::printf(
      "three-level brute force: %d layers, %lld schedules enumerated, %d capacity triples (%d "
      "where nothing fits, %d where the optimum is not the unconstrained one)\n",
      layers, static_cast<long long>(schedules), questions, empty, bound);
  EXPECT_GE(empty, layers / 2);
  EXPECT_GE(bound, questions / 4);
}

// With one level, optimize_levels equals the one-level brute force's optimum,
// from below the least buffer to above the largest.
TEST(LevelSearchVsSimulatedBruteForce, OneLevelMatchesExhaustiveSimulation) {
  Rng rng(120112);
  int layers = 0;
  Count schedules = 0;
  while (layers < 80) {
    const Layer layer = testing::tiny_level_layer(rng, 4, 4);
    if (testing::level_brute_force_size(layer, 1).schedules > 6000) continue;
    ++layers;
    MemoryLevels machine = random_two_levels(rng);
    machine.levels = {MemoryLevel{"L1", kHuge}};
    const LevelBruteForce all = testing::level_brute_force(layer, machine);
    schedules += static_cast<Count>(all.records.size());
    Count least = all.records.front().buffer_bytes, most = least;
    for (const LevelBruteRecord& r : all.records) {
      least = std::min(least, r.buffer_bytes);
      most = std::max(most, r.buffer_bytes);
    }
    std::vector<Count> capacities = {least - 1, least, most};
    for (int i = 0; i < 2; ++i) capacities.push_back(uniform(rng, least, most));
    for (Count capacity : capacities) {
      if (capacity < 1) continue;
      machine.levels[0].capacity_bytes = capacity;
      check_search(layer, all, machine, 1);
    }
    if (::testing::Test::HasFailure()) break;
  }
  std::printf("one-level brute force: %d layers, %lld schedules enumerated\n", layers,
              static_cast<long long>(schedules));
}

}  // namespace
}  // namespace spad
