// SearchOptions::objective_ceiling: the search returns the same optimum when
// its objective is at most the ceiling, and nothing when it is above, on
// random layers (traffic objective, both tie orders) and accelerators
// (latency and energy).
#include <gtest/gtest.h>

#include <memory>

#include "random_accelerator.hpp"
#include "random_cases.hpp"
#include "search/optimize.hpp"

namespace spad {
namespace {

using testing::Rng;
using testing::uniform;

// Runs the search without a ceiling, then with ceilings at, above and just
// below the optimum's objective.
void check_ceilings(const Layer& layer, const Machine& machine, SearchOptions options, Rng& rng) {
  options.threads = 1;
  const SearchResult free = optimize(layer, machine, options);
  if (!free.best) return;
  const Count optimum = free.best->objective;
  for (Count ceiling : {optimum, optimum + uniform(rng, 1, optimum + 1), optimum - 1}) {
    options.objective_ceiling = ceiling;
    const SearchResult capped = optimize(layer, machine, options);
    SCOPED_TRACE("ceiling " + std::to_string(ceiling) + " optimum " + std::to_string(optimum));
    if (ceiling < optimum) {
      EXPECT_FALSE(capped.best.has_value());
      continue;
    }
    ASSERT_TRUE(capped.best.has_value());
    EXPECT_EQ(capped.best->schedule, free.best->schedule);
    EXPECT_EQ(capped.best->traffic, free.best->traffic);
    EXPECT_EQ(capped.best->secondary, free.best->secondary);
  }
}

TEST(SearchCeiling, SameOptimumWithinTheCeilingNoneAbove) {
  Rng rng(31);
  for (int i = 0; i < 60; ++i) {
    const Layer layer = testing::random_layer(rng, 12);
    Machine machine = testing::random_machine(rng);
    machine.capacity_bytes = uniform(rng, 16, 8192);
    SearchOptions options;
    options.tie_break = uniform(rng, 0, 1) == 0 ? TieBreak::fills_first : TieBreak::buffer_first;
    options.space.uniform_spans = uniform(rng, 0, 2) == 0;
    check_ceilings(layer, machine, options, rng);
    if (::testing::Test::HasFailure()) return;
  }
}

TEST(SearchCeiling, SameOptimumWithinTheCeilingOnAnAccelerator) {
  Rng rng(37);
  for (int i = 0; i < 30; ++i) {
    const Layer layer = testing::random_layer(rng, 12);
    const Machine machine = testing::random_machine(rng);
    Accelerator accel = testing::random_accelerator(rng, machine);
    accel.machine.capacity_bytes = uniform(rng, 64, 8192);
    SearchOptions options;
    options.objective = i % 2 == 0 ? Objective::latency : Objective::energy;
    options.accelerator = std::make_shared<const Accelerator>(accel);
    check_ceilings(layer, accel.machine, options, rng);
    if (::testing::Test::HasFailure()) return;
  }
}

}  // namespace
}  // namespace spad
