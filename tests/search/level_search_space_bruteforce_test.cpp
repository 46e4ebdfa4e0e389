// The level search over restricted spaces (search/level_search_space: fixed
// orders per level, fixed spans per level with bypass, uniform spans, and
// their combinations) against the simulator-costed brute force enumerating
// the same space (tests/support/level_brute_force, whose header states how it
// reads a space): on random tiny layers with two and three levels and
// capacities drawn from the buffer bytes the space's schedules really use,
// optimize_levels must return exactly the brute force's least key, a schedule
// inside the space (its orders, spans and bypasses as the space says) that
// fits and simulates to its traffic; and a restricted optimum is never below
// the whole space's. Bad spaces are refused by name.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "level_brute_force.hpp"
#include "search/level_baselines.hpp"
#include "search/level_search.hpp"
#include "sim/level_simulator.hpp"

namespace spad {
namespace {

using testing::LevelBruteForce;
using testing::LevelBruteRecord;
using testing::Rng;
using testing::uniform;

constexpr Count kHuge = Count{1} << 40;

std::array<Dim, kNumDims> random_order(Rng& rng) {
  std::array<Dim, kNumDims> order = kAllDims;
  for (std::size_t i = kNumDims; i-- > 1;)
    std::swap(order[i], order[static_cast<std::size_t>(uniform(rng, 0, static_cast<Count>(i)))]);
  return order;
}

// One of four kinds of restriction, chosen by `kind`.
LevelSearchSpace random_space(Rng& rng, std::size_t levels, int kind) {
  LevelSearchSpace space;
  if (kind == 0 || kind == 3) space.uniform_spans = true;
  if (kind >= 1) {
    space.fixed_orders.emplace();
    for (std::size_t l = 0; l < levels; ++l) space.fixed_orders->push_back(random_order(rng));
  }
  if (kind == 2) {
    space.fixed_spans.emplace();
    for (std::size_t l = 0; l < levels; ++l) {
      PerTensor<std::optional<int>> spans;
      for (Tensor a : kAllTensors) {
        // Mostly small spans (the order's innermost loops are often idle).
        spans[a] = static_cast<int>(uniform(rng, 0, uniform(rng, 0, 1) ? 3 : 8));
        if (l + 1 < levels && uniform(rng, 0, 3) == 0) spans[a] = std::nullopt;
      }
      space.fixed_spans->push_back(spans);
    }
  }
  return space;
}

std::string space_text(const LevelSearchSpace& space) {
  std::string out = space.uniform_spans ? "uniform" : "";
  if (space.fixed_orders)
    for (const auto& order : *space.fixed_orders) {
      out += " order ";
      for (Dim d : order) out += dim_name(d);
    }
  if (space.fixed_spans)
    for (const auto& spans : *space.fixed_spans) {
      out += " spans";
      for (Tensor a : kAllTensors)
        out += " " + (spans[a] ? std::to_string(*spans[a]) : std::string("-"));
    }
  return out;
}

// The schedule keeps every restriction of `space`.
void expect_inside(const LevelSchedule& s, const LevelSearchSpace& space) {
  for (std::size_t l = 0; l < s.levels.size(); ++l) {
    const LevelLoops& level = s.levels[l];
    if (space.fixed_orders) {
      EXPECT_TRUE(level.order == (*space.fixed_orders)[l]) << "order of level " << l + 1;
    }
    if (space.fixed_spans) {
      EXPECT_TRUE(level.buffer_span == (*space.fixed_spans)[l]) << "spans of level " << l + 1;
    }
    if (space.uniform_spans) {
      EXPECT_TRUE(level.buffer_span[Tensor::I].has_value()) << "level " << l + 1;
      EXPECT_EQ(level.buffer_span[Tensor::I], level.buffer_span[Tensor::W]) << "level " << l + 1;
      EXPECT_EQ(level.buffer_span[Tensor::I], level.buffer_span[Tensor::O]) << "level " << l + 1;
    }
  }
}

struct Tally {
  int questions = 0, empty = 0, above_whole = 0;
};

// optimize_levels(space) against the brute force of the space at `machine`.
void check(const Layer& layer, const LevelBruteForce& all, const MemoryLevels& machine,
           Tally& tally) {
  const std::optional<LevelBruteRecord> want = testing::level_brute_best(all, machine);
  LevelSearchOptions options;
  options.threads = 1;
  options.space = all.space;
  const LevelSearchResult got = optimize_levels(layer, machine, options);
  const std::string want_text = want ? testing::key_text(want->key(all.levels)) : "nothing fits";
  const std::string got_text =
      got.best ? testing::key_text(testing::level_key(got.best->traffic)) : "nothing fits";
  SCOPED_TRACE(testing::describe_level_case(layer, machine) + " | space" + space_text(all.space) +
               " | brute force " + want_text + " | search " + got_text);
  ++tally.questions;
  ASSERT_EQ(got.best.has_value(), want.has_value());
  if (!want) {
    ++tally.empty;
    return;
  }
  const LevelCandidate& c = *got.best;
  EXPECT_EQ(testing::level_key(c.traffic), want->key(all.levels));
  EXPECT_NO_THROW(validate(c.schedule, layer));
  expect_inside(c.schedule, all.space);
  const LevelTraffic replay = simulate_levels(layer, c.schedule, machine);
  EXPECT_EQ(replay, c.traffic);
  EXPECT_TRUE(replay.fits());
  // The brute force's own winner simulated whole has its combined key.
  EXPECT_EQ(testing::level_key(simulate_levels(layer, all.schedule(layer, *want), machine)),
            want->key(all.levels));
  // Never below the whole space's optimum.
  LevelSearchOptions whole;
  whole.threads = 1;
  const LevelSearchResult free = optimize_levels(layer, machine, whole);
  ASSERT_TRUE(free.best.has_value());
  EXPECT_LE(testing::level_key(free.best->traffic), testing::level_key(c.traffic));
  tally.above_whole += testing::level_key(free.best->traffic) < testing::level_key(c.traffic);
}

// Capacities per level from the buffer bytes the space's schedules use.
std::vector<std::vector<Count>> capacities_for(const LevelBruteForce& all, Rng& rng) {
  const std::size_t L = all.levels;
  std::vector<std::set<Count>> used(L);
  for (const LevelBruteRecord& r : all.records)
    for (std::size_t l = 0; l < L; ++l) used[l].insert(std::max<Count>(r.level_buffer_bytes[l], 1));
  const auto pick = [&](const std::set<Count>& values) {
    auto it = values.begin();
    std::advance(it, uniform(rng, 0, static_cast<Count>(values.size()) - 1));
    return *it;
  };
  std::vector<std::vector<Count>> out;
  for (int k = 0; k < 4; ++k) {
    std::vector<Count> c(L);
    for (std::size_t l = 0; l < L; ++l) c[l] = pick(used[l]);
    out.push_back(c);
  }
  std::vector<Count> ample(L, kHuge);
  out.push_back(ample);
  if (*used[L - 1].begin() > 1) {
    ample[L - 1] = *used[L - 1].begin() - 1;  // nothing of the space fits
    out.push_back(ample);
  }
  return out;
}

MemoryLevels random_machine(Rng& rng, std::size_t levels) {
  MemoryLevels m;
  m.halo_reuse = uniform(rng, 0, 1) == 1;
  m.double_buffer = uniform(rng, 0, 2) == 0;
  m.precision =
      Precision{uniform(rng, 1, 2), uniform(rng, 1, 2), uniform(rng, 1, 2), uniform(rng, 2, 4)};
  for (std::size_t l = 0; l < levels; ++l) {
    std::string name = "L";  // not "L" + ...: GCC 12's false -Wrestrict
    name += std::to_string(levels + 1 - l);
    m.levels.push_back(MemoryLevel{name, kHuge});
  }
  return m;
}

using SpaceMaker = std::function<LevelSearchSpace(Rng&, std::size_t levels, int layer)>;

Tally run(
    std::uint64_t seed, std::size_t levels, int layer_count, Count max_schedules, Count max_extent,
    const SpaceMaker& make_space = [](Rng& rng, std::size_t levels, int layer) {
      return random_space(rng, levels, layer % 4);
    }) {
  Rng rng(seed);
  Tally tally;
  for (int layers = 0; layers < layer_count;) {
    const Layer layer = testing::tiny_level_layer(rng, 4, max_extent);
    if (testing::level_brute_force_size(layer, levels).schedules > max_schedules) continue;
    MemoryLevels machine = random_machine(rng, levels);
    const LevelSearchSpace space = make_space(rng, levels, layers);
    const LevelBruteForce all = testing::level_brute_force(layer, machine, space);
    if (all.records.empty()) continue;  // fixed spans that no tiles can take
    ++layers;
    for (const std::vector<Count>& c : capacities_for(all, rng)) {
      for (std::size_t l = 0; l < levels; ++l) machine.levels[l].capacity_bytes = c[l];
      check(layer, all, machine, tally);
    }
    if (::testing::Test::HasFailure()) break;
  }
  std::printf(
      "%zu-level restricted spaces: %d layers, %d questions (%d where nothing fits, %d "
      "where the restricted optimum is above the whole space's)\n",
      levels, layer_count, tally.questions, tally.empty, tally.above_whole);
  return tally;
}

TEST(LevelSearchSpaceBruteForce, TwoLevelsMatchRestrictedBruteForce) {
  const Tally t = run(20261215, 2, 120, 60000, 3);
  EXPECT_GE(t.empty, 10);
  EXPECT_GE(t.above_whole, t.questions / 4);
}

TEST(LevelSearchSpaceBruteForce, ThreeLevelsMatchRestrictedBruteForce) {
  const Tally t = run(20261216, 3, 40, 40000, 2);
  EXPECT_GE(t.above_whole, 1);
}

TEST(LevelSearchSpaceBruteForce, OneLevelMatchesRestrictedBruteForce) {
  // One level goes to the one-level search with the space as its SearchSpace.
  const Tally t = run(20261217, 1, 24, 6000, 4);
  EXPECT_GE(t.above_whole, 1);
}

// The baselines' spaces (search/level_baselines): each fixed dataflow at
// every level and the uniform spans, in turn.
TEST(LevelSearchSpaceBruteForce, BaselineSpacesMatchRestrictedBruteForce) {
  constexpr std::array<Baseline, 4> kApplicable = {
      Baseline::weight_stationary, Baseline::output_stationary, Baseline::input_stationary,
      Baseline::working_set};
  const Tally t = run(20261218, 2, 60, 60000, 3, [&](Rng&, std::size_t levels, int layer) {
    return level_baseline_space(kApplicable[static_cast<std::size_t>(layer) % 4], levels);
  });
  EXPECT_GE(t.above_whole, t.questions / 4);
}

TEST(LevelSearchSpaceBruteForce, BadSpacesAreRefusedByName) {
  const Layer layer(LayerSpec{.name = "l", .C = 2, .M = 2, .H = 2, .W = 2});
  MemoryLevels machine;
  machine.levels = {MemoryLevel{"L2", 4096}, MemoryLevel{"L1", 512}};
  const auto message = [&](const LevelSearchSpace& space) -> std::string {
    try {
      optimize_levels(layer, machine, {.threads = 1, .space = space});
    } catch (const UserError& e) {
      return e.what();
    }
    return "no error";
  };
  LevelSearchSpace one_order;
  one_order.fixed_orders = std::vector<std::array<Dim, kNumDims>>{kAllDims};
  EXPECT_NE(message(one_order).find("1 given for 2 on-chip levels"), std::string::npos)
      << message(one_order);
  LevelSearchSpace twice = one_order;
  twice.fixed_orders->push_back(kAllDims);
  (*twice.fixed_orders)[1][0] = Dim::s;
  EXPECT_NE(message(twice).find("level 2: loop n appears 0 times"), std::string::npos)
      << message(twice);
  LevelSearchSpace spans_alone;
  spans_alone.fixed_spans = std::vector<PerTensor<std::optional<int>>>(2);
  EXPECT_NE(message(spans_alone).find("need a fixed loop order"), std::string::npos);
  LevelSearchSpace bypass_inner;
  bypass_inner.fixed_orders = std::vector<std::array<Dim, kNumDims>>{kAllDims, kAllDims};
  bypass_inner.fixed_spans = std::vector<PerTensor<std::optional<int>>>(2, {{0, 0, 0}});
  (*bypass_inner.fixed_spans)[1][Tensor::W] = std::nullopt;
  EXPECT_NE(message(bypass_inner).find("W at level 2: a bypass at the innermost level"),
            std::string::npos)
      << message(bypass_inner);
  LevelSearchSpace nine = bypass_inner;
  (*nine.fixed_spans)[1][Tensor::W] = 9;
  EXPECT_NE(message(nine).find("W at level 2 = 9: must be in 0..8"), std::string::npos)
      << message(nine);
}

}  // namespace
}  // namespace spad
