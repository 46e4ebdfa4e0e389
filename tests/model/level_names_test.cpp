// model/level_names: a several-level schedule against a machine's levels.
// Levels are matched by position; a schedule level named like another level
// of the machine is refused, naming both positions and names; a name the
// machine does not use, or none, is accepted.
#include "model/level_names.hpp"

#include <gtest/gtest.h>

#include "base/error.hpp"

namespace spad {
namespace {

LevelSchedule named(std::vector<std::string> names) {
  LevelSchedule s;
  for (const std::string& n : names) {
    LevelLoops level;
    level.name = n;
    for (Dim d : kAllDims) level.tiles[d] = 1;
    level.buffer_span = PerTensor<std::optional<int>>{{0, 0, 0}};
    s.levels.push_back(level);
  }
  return s;
}

MemoryLevels machine(std::vector<std::string> names) {
  MemoryLevels m;
  for (const std::string& n : names) m.levels.push_back(MemoryLevel{n, 64});
  return m;
}

std::string message(const LevelSchedule& s, const MemoryLevels& m) {
  try {
    check_level_names(s, m, "the machine X");
  } catch (const UserError& e) {
    return e.what();
  }
  return "";
}

TEST(LevelNames, SameOrUnrelatedOrNoNamesAreAccepted) {
  const MemoryLevels m = machine({"L2", "L1"});
  EXPECT_EQ(message(named({"L2", "L1"}), m), "");
  EXPECT_EQ(message(named({"", ""}), m), "");
  EXPECT_EQ(message(named({"SRAM", "RF"}), m), "");  // labels of another machine
  EXPECT_EQ(message(named({"L2", "L1"}), machine({"", ""})), "");
  EXPECT_EQ(message(named({"TCDM", "L1"}), m), "");
}

TEST(LevelNames, ANameOfAnotherLevelIsRefusedNamingBoth) {
  const MemoryLevels m = machine({"L2", "L1"});
  EXPECT_EQ(message(named({"L1", "L2"}), m),
            "schedule levels[0].name = \"L1\", but that is level 2 of the machine X and level 1 "
            "is \"L2\": levels are matched by position, outermost first, so this schedule's "
            "loops and buffers would go to another level than its name says; list the levels "
            "outermost first, or rename them");
  // One level out of place is enough (an unrelated name elsewhere does not
  // matter); an unnamed machine level is said so.
  EXPECT_EQ(message(named({"x", "C", "A"}), machine({"A", "", "C"})),
            "schedule levels[1].name = \"C\", but that is level 3 of the machine X and level 2 "
            "is unnamed: levels are matched by position, outermost first, so this schedule's "
            "loops and buffers would go to another level than its name says; list the levels "
            "outermost first, or rename them");
}

TEST(LevelNames, CountsMustAgree) {
  EXPECT_EQ(message(named({"L3", "L2", "L1"}), machine({"L2", "L1"})),
            "the schedule has 3 levels but the machine X has 2 on-chip levels; give one loop "
            "group per level, outermost first");
}

}  // namespace
}  // namespace spad
