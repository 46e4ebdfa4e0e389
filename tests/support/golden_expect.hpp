// Helpers for the hand-derived golden cases of the analytical model
// (tests/model_golden_*_test.cpp): schedule construction from a short order
// string and field-by-field expectations with the array named on failure.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "model/evaluate.hpp"

namespace spad::golden {

// A schedule of `layer`: `order` is 8 letters innermost first ("srqpcmgn"),
// tiles default to the full extent, `tiles` overrides some of them.
inline Schedule make_schedule(const Layer& layer, std::string_view order,
                              std::initializer_list<std::pair<Dim, Count>> tiles, int span_i,
                              int span_w, int span_o) {
  Schedule s;
  EXPECT_EQ(order.size(), kNumDims);
  for (std::size_t i = 0; i < kNumDims && i < order.size(); ++i) {
    const auto d = parse_dim(order.substr(i, 1));
    EXPECT_TRUE(d.has_value()) << order;
    if (d) s.order[i] = *d;
  }
  for (Dim d : kAllDims) s.tiles[d] = layer.bound(d);
  for (const auto& [d, t] : tiles) s.tiles[d] = t;
  s.buffer_span[Tensor::I] = span_i;
  s.buffer_span[Tensor::W] = span_w;
  s.buffer_span[Tensor::O] = span_o;
  return s;
}

inline void expect_array(const Traffic& got, Tensor t, const ArrayTraffic& want) {
  const ArrayTraffic& a = got.arrays[t];
  SCOPED_TRACE(std::string("array ") + std::string(tensor_name(t)));
  EXPECT_EQ(a.buffer_elems, want.buffer_elems);
  EXPECT_EQ(a.buffer_bytes, want.buffer_bytes);
  EXPECT_EQ(a.reads, want.reads);
  EXPECT_EQ(a.writes, want.writes);
  EXPECT_EQ(a.final_writes, want.final_writes);
  EXPECT_EQ(a.fills, want.fills);
  EXPECT_EQ(a.read_bytes, want.read_bytes);
  EXPECT_EQ(a.write_bytes, want.write_bytes);
}

inline void expect_totals(const Traffic& got, Count traffic_bytes, Count buffer_bytes,
                          Count compulsory_bytes, bool fits) {
  EXPECT_EQ(got.traffic_bytes, traffic_bytes);
  EXPECT_EQ(got.buffer_bytes, buffer_bytes);
  EXPECT_EQ(got.compulsory_bytes, compulsory_bytes);
  EXPECT_EQ(got.fits, fits);
}

}  // namespace spad::golden
