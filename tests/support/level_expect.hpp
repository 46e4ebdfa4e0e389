// Helpers for tests of several-level answers (level simulator, level
// executor, level model): a level's loop group from a short order string, and
// field-by-field expectations on a LevelCost naming the level, array and
// field on failure.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "model/level_traffic.hpp"
#include "schedule/level_schedule.hpp"
#include "workload/layer.hpp"

namespace spad::golden {

// One level of `layer`: `order` is 8 letters innermost first ("srqpcmgn"),
// tiles default to the full extent, `tiles` overrides some of them; a span
// of nullopt is a bypass.
inline LevelLoops make_level(const Layer& layer, std::string_view order,
                             std::initializer_list<std::pair<Dim, Count>> tiles,
                             std::optional<int> span_i, std::optional<int> span_w,
                             std::optional<int> span_o, std::string name = "") {
  LevelLoops l;
  l.name = std::move(name);
  EXPECT_EQ(order.size(), kNumDims);
  for (std::size_t i = 0; i < kNumDims && i < order.size(); ++i) {
    const auto d = parse_dim(order.substr(i, 1));
    EXPECT_TRUE(d.has_value()) << order;
    if (d) l.order[i] = *d;
  }
  for (Dim d : kAllDims) l.tiles[d] = layer.bound(d);
  for (const auto& [d, t] : tiles) l.tiles[d] = t;
  l.buffer_span[Tensor::I] = span_i;
  l.buffer_span[Tensor::W] = span_w;
  l.buffer_span[Tensor::O] = span_o;
  return l;
}

// What a golden case states about one array at one level: its own buffer
// (elements, fills) and the elements crossing the boundary above the level.
struct LevelArrayCounts {
  Count buffer_elems = 0;
  Count fills = 0;
  Count reads = 0;
  Count writes = 0;
  Count final_writes = 0;
};

inline void expect_level_array(const LevelTraffic& got, std::size_t level, Tensor t,
                               const LevelArrayCounts& want) {
  ASSERT_LT(level, got.levels.size());
  const ArrayTraffic& a = got.levels[level].arrays[t];
  SCOPED_TRACE("level " + std::to_string(level + 1) + " array " + std::string(tensor_name(t)));
  EXPECT_EQ(a.buffer_elems, want.buffer_elems) << "buffer_elems";
  EXPECT_EQ(a.fills, want.fills) << "fills";
  EXPECT_EQ(a.reads, want.reads) << "reads";
  EXPECT_EQ(a.writes, want.writes) << "writes";
  EXPECT_EQ(a.final_writes, want.final_writes) << "final_writes";
}

inline void expect_level_totals(const LevelTraffic& got, std::size_t level, Count traffic_bytes,
                                Count buffer_bytes, Count compulsory_bytes, bool fits) {
  ASSERT_LT(level, got.levels.size());
  const LevelCost& c = got.levels[level];
  SCOPED_TRACE("level " + std::to_string(level + 1));
  EXPECT_EQ(c.traffic_bytes, traffic_bytes) << "traffic_bytes";
  EXPECT_EQ(c.buffer_bytes, buffer_bytes) << "buffer_bytes";
  EXPECT_EQ(c.compulsory_bytes, compulsory_bytes) << "compulsory_bytes";
  EXPECT_EQ(c.fits, fits) << "fits";
}

// Every field of two LevelCosts, named on failure.
inline void expect_same_level(const LevelCost& got, const LevelCost& want, std::size_t level) {
  SCOPED_TRACE("level " + std::to_string(level + 1));
  for (Tensor t : kAllTensors) {
    SCOPED_TRACE(std::string("array ") + std::string(tensor_name(t)));
    const ArrayTraffic& a = got.arrays[t];
    const ArrayTraffic& b = want.arrays[t];
    EXPECT_EQ(a.buffer_elems, b.buffer_elems) << "buffer_elems";
    EXPECT_EQ(a.buffer_bytes, b.buffer_bytes) << "buffer_bytes";
    EXPECT_EQ(a.reads, b.reads) << "reads";
    EXPECT_EQ(a.writes, b.writes) << "writes";
    EXPECT_EQ(a.final_writes, b.final_writes) << "final_writes";
    EXPECT_EQ(a.fills, b.fills) << "fills";
    EXPECT_EQ(a.read_bytes, b.read_bytes) << "read_bytes";
    EXPECT_EQ(a.write_bytes, b.write_bytes) << "write_bytes";
  }
  EXPECT_EQ(got.name, want.name) << "name";
  EXPECT_EQ(got.traffic_bytes, want.traffic_bytes) << "traffic_bytes";
  EXPECT_EQ(got.buffer_bytes, want.buffer_bytes) << "buffer_bytes";
  EXPECT_EQ(got.compulsory_bytes, want.compulsory_bytes) << "compulsory_bytes";
  EXPECT_EQ(got.fits, want.fits) << "fits";
}

}  // namespace spad::golden
