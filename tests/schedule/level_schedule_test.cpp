// The several-level schedule value: validation names the level and field, and
// a one-level schedule converts both ways unchanged.
#include "schedule/level_schedule.hpp"

#include <gtest/gtest.h>

#include "base/error.hpp"
#include "model/memory_levels.hpp"
#include "workload/layer.hpp"

namespace spad {
namespace {

Layer small_layer() {
  return Layer(LayerSpec{.name = "t", .N = 1, .C = 4, .M = 6, .H = 5, .W = 5, .R = 3, .S = 3});
}

LevelLoops whole_level(const Layer& layer, const char* name) {
  LevelLoops l;
  l.name = name;
  for (Dim d : kAllDims) l.tiles[d] = layer.bound(d);
  for (Tensor t : kAllTensors) l.buffer_span[t] = 8;
  return l;
}

std::string error_of(const LevelSchedule& s, const Layer& layer) {
  try {
    validate(s, layer);
  } catch (const UserError& e) {
    return e.what();
  }
  return "";
}

TEST(LevelSchedule, TwoLevelsWithBypassAtTheOuterLevelAreValid) {
  const Layer layer = small_layer();
  LevelSchedule s{{whole_level(layer, "L2"), whole_level(layer, "L1")}};
  s.levels[0].buffer_span[Tensor::W] = std::nullopt;
  EXPECT_EQ(error_of(s, layer), "");
}

TEST(LevelSchedule, BypassAtTheInnermostLevelIsRefusedByName) {
  const Layer layer = small_layer();
  LevelSchedule s{{whole_level(layer, "L2"), whole_level(layer, "L1")}};
  s.levels[1].buffer_span[Tensor::O] = std::nullopt;
  EXPECT_NE(error_of(s, layer).find("level 2 (L1): levels[1].buffer_span.O = null"),
            std::string::npos)
      << error_of(s, layer);
}

TEST(LevelSchedule, BadTileNamesItsLevel) {
  const Layer layer = small_layer();
  LevelSchedule s{{whole_level(layer, "L2"), whole_level(layer, "")}};
  s.levels[1].tiles[Dim::m] = 7;  // M = 6
  EXPECT_EQ(error_of(s, layer),
            "schedule: level 2: levels[1].tiles.m = 7: must be in 1..6 (the layer's m extent)");
}

TEST(LevelSchedule, TwoLevelsOfOneNameAreRefusedNamingBoth) {
  const Layer layer = small_layer();
  LevelSchedule s{{whole_level(layer, "L1"), whole_level(layer, "L1")}};
  EXPECT_EQ(error_of(s, layer),
            "schedule: levels[1].name = \"L1\": levels[0].name is the same; every level needs "
            "its own name (or none)");
  s.levels[0].name = s.levels[1].name = "";  // unnamed levels are fine
  EXPECT_EQ(error_of(s, layer), "");
}

TEST(LevelSchedule, EmptyAndTooManyLevelsAreRefused) {
  const Layer layer = small_layer();
  EXPECT_NE(error_of(LevelSchedule{}, layer), "");
  LevelSchedule many;
  for (std::size_t i = 0; i <= kMaxLevels; ++i) many.levels.push_back(whole_level(layer, ""));
  EXPECT_NE(error_of(many, layer).find("at most 4"), std::string::npos);
}

TEST(LevelSchedule, OneLevelRoundTrip) {
  Schedule one;
  one.tiles = {{1, 1, 2, 3, 4, 5, 1, 3}};
  one.order = {Dim::s, Dim::r, Dim::q, Dim::p, Dim::c, Dim::m, Dim::g, Dim::n};
  one.buffer_span = {{4, 5, 2}};
  const LevelSchedule levels = as_levels(one);
  ASSERT_EQ(levels.levels.size(), 1u);
  EXPECT_EQ(as_one_level(levels), one);
  LevelSchedule two{{levels.levels[0], levels.levels[0]}};
  EXPECT_EQ(as_one_level(two), std::nullopt);
}

TEST(MemoryLevels, CapacityErrorNamesTheLevel) {
  MemoryLevels m;
  m.levels = {MemoryLevel{"L2", 512 * 1024}, MemoryLevel{"L1", 0}};
  try {
    validate(m);
    FAIL() << "a zero capacity was accepted";
  } catch (const UserError& e) {
    EXPECT_STREQ(e.what(), "buffer capacity of level 2 (L1) = 0 bytes: must be positive");
  }
  Machine one;
  one.capacity_bytes = 65536;
  EXPECT_EQ(level_machine(as_memory_levels(one), 0), one);
}

}  // namespace
}  // namespace spad
