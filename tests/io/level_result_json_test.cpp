// The Result JSON with levels (io/json/level_result_json) and the bound at
// each boundary (model/level_evaluate): DESIGN's keys, the top level
// repeating levels[0] (the off-chip answer) with buffer bytes summed and fits
// true iff every level fits, and a document spad reads back.
#include "io/json/level_result_json.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "io/json/layer_json.hpp"
#include "io/json/level_schedule_json.hpp"
#include "model/level_evaluate.hpp"
#include "workload/layer.hpp"

namespace spad {
namespace {

LevelSchedule two_level_schedule() {
  LevelSchedule s;
  LevelLoops outer, inner;
  outer.name = "L2";
  outer.tiles = PerDim<Count>{{1, 1, 2, 2, 1, 2, 1, 1}};
  outer.buffer_span[Tensor::W] = 8;
  outer.buffer_span[Tensor::O] = 0;  // I bypasses L2
  inner.name = "L1";
  inner.tiles = PerDim<Count>{{1, 1, 1, 2, 1, 2, 1, 1}};
  for (Tensor t : kAllTensors) inner.buffer_span[t] = 0;
  s.levels = {outer, inner};
  return s;
}

ArrayTraffic array(Count buffer_elems, Count buffer_bytes, Count reads, Count writes,
                   Count final_writes, Count fills) {
  return ArrayTraffic{buffer_elems, buffer_bytes, reads, writes,
                      final_writes, fills,        reads, final_writes};
}

// Arbitrary distinct numbers: the writer only copies them.
LevelTraffic two_level_traffic(bool inner_fits) {
  LevelTraffic t;
  LevelCost outer;
  outer.name = "L2";
  outer.arrays[Tensor::I] = array(0, 0, 8, 0, 0, 0);
  outer.arrays[Tensor::W] = array(4, 4, 4, 0, 0, 1);
  outer.arrays[Tensor::O] = array(4, 16, 0, 8, 8, 2);
  outer.traffic_bytes = 20;
  outer.buffer_bytes = 20;
  outer.compulsory_bytes = 20;
  LevelCost inner;
  inner.name = "L1";
  inner.arrays[Tensor::I] = array(4, 4, 8, 0, 0, 2);
  inner.arrays[Tensor::W] = array(2, 2, 8, 0, 0, 4);
  inner.arrays[Tensor::O] = array(2, 8, 0, 8, 8, 4);
  inner.traffic_bytes = 24;
  inner.buffer_bytes = 14;
  inner.compulsory_bytes = 20;
  inner.fits = inner_fits;
  t.levels = {outer, inner};
  return t;
}

MemoryLevels machine() {
  MemoryLevels m;
  m.levels = {MemoryLevel{"L2", 32}, MemoryLevel{"L1", std::nullopt}};
  return m;
}

TEST(LevelResultJson, DesignKeysAndTopLevelRepeatsOffChip) {
  const Layer layer(parse_layer_inline("N=1,C=2,M=2,H=1,W=4,R=1,S=1,name=tiny"));
  const nlohmann::ordered_json j =
      level_result_document(layer, two_level_schedule(), machine(), two_level_traffic(true));
  EXPECT_EQ(j.at("format"), "spad-result/1");
  EXPECT_EQ(j.at("schedule"), level_schedule_to_json(two_level_schedule()));
  ASSERT_EQ(j.at("levels").size(), 2u);
  for (const auto& level : j.at("levels")) {
    for (const char* key : {"name", "capacity_bytes", "arrays", "traffic_bytes", "compulsory_bytes",
                            "lower_bound_bytes", "buffer_bytes", "fits"})
      EXPECT_TRUE(level.contains(key)) << key;
    for (const char* a : {"I", "W", "O"})
      for (const char* key :
           {"buffer_elems", "buffer_bytes", "fills", "reads", "writes", "final_writes"})
        EXPECT_TRUE(level.at("arrays").at(a).contains(key)) << a << "." << key;
  }
  EXPECT_EQ(j.at("levels")[0].at("name"), "L2");
  EXPECT_EQ(j.at("levels")[0].at("capacity_bytes"), 32);
  EXPECT_TRUE(j.at("levels")[1].at("capacity_bytes").is_null());  // unbounded
  EXPECT_EQ(j.at("levels")[1].at("arrays").at("W").at("reads"), 8);
  EXPECT_EQ(j.at("levels")[1].at("traffic_bytes"), 24);
  // Top level: levels[0]'s crossings and traffic, buffers summed (20 + 14).
  EXPECT_EQ(j.at("arrays"), j.at("levels")[0].at("arrays"));
  EXPECT_EQ(j.at("traffic_bytes"), 20);
  EXPECT_EQ(j.at("compulsory_bytes"), 20);
  EXPECT_EQ(j.at("lower_bound_bytes"), j.at("levels")[0].at("lower_bound_bytes"));
  EXPECT_EQ(j.at("buffer_bytes"), 34);
  EXPECT_EQ(j.at("total_fills"), 1 + 2 + 2 + 4 + 4);
  EXPECT_TRUE(j.at("fits").get<bool>());
  EXPECT_EQ(j.at("layer").at("name"), "tiny");
  // Read back: the schedule.
  EXPECT_EQ(level_schedule_from_json(nlohmann::json::parse(j.dump()), "r.json"),
            two_level_schedule());
}

TEST(LevelResultJson, FitsOnlyIfEveryLevelFits) {
  const Layer layer(parse_layer_inline("N=1,C=2,M=2,H=1,W=4,R=1,S=1"));
  const auto j =
      level_result_document(layer, two_level_schedule(), machine(), two_level_traffic(false));
  EXPECT_TRUE(j.at("levels")[0].at("fits").get<bool>());
  EXPECT_FALSE(j.at("levels")[1].at("fits").get<bool>());
  EXPECT_FALSE(j.at("fits").get<bool>());
}

// A 64x64x64 matrix product (N = C = M = 64, 1x1): 262,144 MACs, each input
// feeds one output window (R_max = 1), compulsory 3 x 64 x 64 = 12,288 B at
// 1 B per element. The pebble bound is floor(2 x 262,144 / sqrt(S)) with S
// the capacity inside the boundary in 1-byte elements:
//   boundary 1, S = 16 + 8 = 24:  524,288 / 4.898979 = 107,019.8 -> 107,019
//   boundary 2, S = 8:            524,288 / 2.828427 = 185,363.8 -> 185,363
// (both above the compulsory traffic, so they are the bounds).
TEST(BoundaryLowerBound, CapacityInsideEachBoundary) {
  const Layer layer(parse_layer_inline("N=64,C=64,M=64,H=1,W=1,R=1,S=1"));
  MemoryLevels m;
  m.precision = Precision{1, 1, 1, 1};
  m.levels = {MemoryLevel{"L2", 16}, MemoryLevel{"L1", 8}};
  const std::vector<LowerBound> b = level_lower_bounds(layer, m);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].compulsory_bytes, 12'288);
  EXPECT_EQ(b[0].pebble_bytes, 107'019);
  EXPECT_EQ(b[0].bound_bytes, 107'019);
  EXPECT_EQ(b[1].pebble_bytes, 185'363);
  EXPECT_EQ(b[1].bound_bytes, 185'363);
  EXPECT_EQ(b[1], lower_bound(layer, m.precision, 8));
  // An unbounded level inside a boundary leaves only the compulsory traffic there.
  m.levels[1].capacity_bytes.reset();
  const std::vector<LowerBound> u = level_lower_bounds(layer, m);
  EXPECT_EQ(u[0].bound_bytes, 12'288);
  EXPECT_EQ(u[1].bound_bytes, 12'288);
  EXPECT_EQ(u[0].pebble_bytes, 0);
}

}  // namespace
}  // namespace spad
