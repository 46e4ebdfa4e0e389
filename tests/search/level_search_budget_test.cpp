// The level search's size limit (search/level_search.cpp, "Size") on tiny
// layers, the limit lowered so that the search takes its counting path:
// level 1's choices within the limit, all levels' above it. Then the search
// either returns exactly what it returns with the default limit (the
// sequential part changes the order of the work, never the answer) or
// refuses with a UserError; and which of the two, and the refusal's words,
// are the same with one thread and with two. Below level 1's count it is
// refused before it starts. Both outcomes must occur, so the test cannot
// pass on one path alone.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <variant>

#include "base/error.hpp"
#include "random_level_cases.hpp"
#include "search/level_search.hpp"
#include "search/level_search_size.hpp"

namespace spad {
namespace {

using testing::Rng;
using testing::uniform;

using Answer = std::pair<LevelSchedule, Count>;

// The schedule and off-chip bytes, or the refusal's message.
std::variant<Answer, std::string> run(const Layer& layer, const MemoryLevels& m, Count limit,
                                      int threads) {
  LevelSearchOptions o;
  o.threads = threads;
  o.max_search_size = limit;
  try {
    const LevelSearchResult r = optimize_levels(layer, m, o);
    if (!r.best) return Answer{LevelSchedule{}, -1};
    return Answer{r.best->schedule, r.best->traffic.levels.front().traffic_bytes};
  } catch (const UserError& e) {
    return std::string(e.what());
  }
}

TEST(LevelSearchBudget, CountingPathGivesTheSameAnswerOrTheSameRefusal) {
  Rng rng(2026120101);
  int same_answers = 0, refusals = 0, cases = 0;
  for (int c = 0; c < 60 && cases < 40; ++c) {
    const Layer layer = testing::random_layer(rng, 4);
    const std::size_t levels = uniform(rng, 0, 4) == 0 ? 3 : 2;
    MemoryLevels m = testing::random_memory_levels(rng, levels);
    for (MemoryLevel& l : m.levels)
      if (!l.capacity_bytes) l.capacity_bytes = uniform(rng, 64, 4096);
    const std::vector<Count> sizes = level_search_sizes(layer, levels);
    Count whole = 0;
    for (Count n : sizes) whole += n;
    if (whole > 200'000 || whole <= sizes[0] + 1) continue;  // tiny, and room for the path
    ++cases;
    const auto reference = run(layer, m, kMaxLevelSearchSize, 2);
    ASSERT_TRUE(std::holds_alternative<Answer>(reference));
    const auto& [schedule, bytes] = std::get<Answer>(reference);
    for (const Count limit : {sizes[0], (sizes[0] + whole) / 2, whole - 1}) {
      SCOPED_TRACE("case " + std::to_string(c) + ", limit " + std::to_string(limit) + " of " +
                   std::to_string(whole));
      const auto one = run(layer, m, limit, 1);
      const auto two = run(layer, m, limit, 2);
      ASSERT_EQ(one.index(), two.index());
      if (const auto* message = std::get_if<std::string>(&one)) {
        EXPECT_EQ(*message, std::get<std::string>(two));
        EXPECT_NE(message->find("cannot cut"), std::string::npos) << *message;
        ++refusals;
        continue;
      }
      for (const auto* r : {&one, &two}) {
        const auto& [s, b] = std::get<Answer>(*r);
        EXPECT_EQ(b, bytes);
        EXPECT_TRUE(s == schedule);
      }
      ++same_answers;
    }
    // Below level 1's own count: refused before the search starts.
    const auto below = run(layer, m, sizes[0] - 1, 2);
    ASSERT_TRUE(std::holds_alternative<std::string>(below));
    EXPECT_NE(std::get<std::string>(below).find("of them at level 1 alone"), std::string::npos);
  }
  std::printf("%d cases: %d answers equal to the default limit's, %d refusals\n", cases,
              same_answers, refusals);
  EXPECT_GE(cases, 20);
  EXPECT_GT(same_answers, 10);
  EXPECT_GT(refusals, 3);
}

}  // namespace
}  // namespace spad
