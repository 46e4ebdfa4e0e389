// axis_term() counts the output-loop tiles by class (interior, in the
// padding, at an edge of the input, last partial) instead of one by one.
// Checked here against a brute force that visits every tile and counts
// every input row of every tile in a set, on random geometries with long
// output loops (up to thousands of tiles) and large pads, and on the
// extreme cases of issue 10 (P = 2^28, a pad of 2^40) for time.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "model/axis_footprint.hpp"

namespace spad {
namespace {

// Input rows of output rows [o0, o1) and kernel rows [k0, k1), by enumeration.
std::set<Count> rows(const AxisGeometry& g, Count o0, Count o1, Count k0, Count k1) {
  std::set<Count> out;
  for (Count o = o0; o < o1; ++o)
    for (Count k = k0; k < k1; ++k) {
      const Count h = o * g.stride + k * g.dilation - g.pad_lo;
      if (h >= 0 && h < g.in_extent) out.insert(h);
    }
  return out;
}

struct Span {
  Count begin, end;
};

std::vector<Span> tiles(Count extent, Count tile, bool tiled) {
  if (!tiled) return {{0, extent}};
  std::vector<Span> out;
  for (Count b = 0; b < extent; b += tile) out.push_back({b, std::min(extent, b + tile)});
  return out;
}

// DESIGN.md's rules read literally: every tile position, whole footprints,
// halo fills load the rows the new footprint does not share with the old.
AxisTerm brute_force(const AxisGeometry& g, Count t_out, bool out_tiled, Count t_ker,
                     bool ker_tiled, HaloAlong halo) {
  AxisTerm term;
  const auto outs = tiles(g.out_extent, t_out, out_tiled);
  const auto kers = tiles(g.kernel, t_ker, ker_tiled);
  for (const Span& o : outs)
    for (const Span& k : kers)
      term.max = std::max<Count>(term.max, rows(g, o.begin, o.end, k.begin, k.end).size());
  const auto added = [&](const std::set<Count>& now, const std::set<Count>* before) {
    Count n = 0;
    for (Count h : now) n += before == nullptr || before->count(h) == 0;
    return n;
  };
  if (halo == HaloAlong::kernel) {
    for (const Span& o : outs) {
      std::set<Count> before;
      for (std::size_t i = 0; i < kers.size(); ++i) {
        const auto now = rows(g, o.begin, o.end, kers[i].begin, kers[i].end);
        term.sum += added(now, i == 0 ? nullptr : &before);
        before = now;
      }
    }
  } else {
    for (const Span& k : kers) {
      std::set<Count> before;
      for (std::size_t i = 0; i < outs.size(); ++i) {
        const auto now = rows(g, outs[i].begin, outs[i].end, k.begin, k.end);
        const bool halo_fill = halo == HaloAlong::output && i > 0;
        term.sum += added(now, halo_fill ? &before : nullptr);
        before = now;
      }
    }
  }
  return term;
}

Count output_extent(const AxisGeometry& g, Count pad_hi) {
  const Count extent = (g.kernel - 1) * g.dilation + 1;
  const Count padded = g.in_extent + g.pad_lo + pad_hi;
  return padded < extent ? 0 : (padded - extent) / g.stride + 1;
}

TEST(AxisTermClasses, EqualsTheBruteForceOnLongOutputLoops) {
  std::mt19937_64 rng(20261130);
  const auto pick = [&](Count lo, Count hi) {
    return std::uniform_int_distribution<Count>(lo, hi)(rng);
  };
  int checked = 0;
  while (checked < 3000) {
    AxisGeometry g;
    g.kernel = pick(1, 5);
    g.stride = pick(1, 4);
    g.dilation = pick(1, 3);
    g.in_extent = pick(1, checked % 10 == 0 ? 3000 : 120);
    g.pad_lo = pick(0, checked % 7 == 0 ? 400 : 6);
    g.out_extent = output_extent(g, pick(0, checked % 5 == 0 ? 300 : 6));
    if (g.out_extent < 1) continue;
    const Count t_out = pick(1, std::min<Count>(g.out_extent, pick(0, 1) ? 4 : g.out_extent));
    const Count t_ker = pick(1, g.kernel);
    const bool out_tiled = pick(0, 4) != 0, ker_tiled = pick(0, 1) != 0;
    for (HaloAlong halo : {HaloAlong::none, HaloAlong::output, HaloAlong::kernel}) {
      const AxisTerm fast = axis_term(g, t_out, out_tiled, t_ker, ker_tiled, halo);
      const AxisTerm slow = brute_force(g, t_out, out_tiled, t_ker, ker_tiled, halo);
      ASSERT_EQ(fast.sum, slow.sum)
          << "P=" << g.out_extent << " R=" << g.kernel << " stride=" << g.stride
          << " dil=" << g.dilation << " pad=" << g.pad_lo << " H=" << g.in_extent
          << " t_out=" << t_out << " t_ker=" << t_ker << " halo=" << static_cast<int>(halo);
      ASSERT_EQ(fast.max, slow.max);
    }
    ++checked;
  }
}

// The value on a huge extent follows from the classes: with stride 1 and
// kernel 1, every output row reads one input row, so the sum is the input
// rows inside the output range (pads excluded) whatever the tiling.
TEST(AxisTermClasses, HugeExtentsAreAnsweredFromTheClasses) {
  AxisGeometry tall{Count{1} << 28, 1, 1, 1, 0, Count{1} << 28};  // P = H = 2^28, R = 1
  EXPECT_EQ(axis_term(tall, 1, true, 1, true, HaloAlong::none).sum, Count{1} << 28);
  EXPECT_EQ(axis_term(tall, 7, true, 1, true, HaloAlong::output).sum, Count{1} << 28);
  EXPECT_EQ(axis_term(tall, 7, true, 1, true, HaloAlong::none).max, 7);
  // H = 1 behind a pad of 2^40: P = 2^40 + 1 output rows, one of them in bounds.
  const Count pad = Count{1} << 40;
  AxisGeometry padded{pad + 1, 1, 1, 1, pad, 1};
  EXPECT_EQ(axis_term(padded, 1, true, 1, true, HaloAlong::none).sum, 1);
  EXPECT_EQ(axis_term(padded, 3, true, 1, true, HaloAlong::output).sum, 1);
  EXPECT_EQ(axis_term(padded, 3, true, 1, true, HaloAlong::none).max, 1);
  // A 3-row kernel with stride 1 over H = 2^20 (no pad): each of the P = H - 2
  // output tiles of one row reads 3 rows; with halo, every row once.
  AxisGeometry conv{(Count{1} << 20) - 2, 3, 1, 1, 0, Count{1} << 20};
  EXPECT_EQ(axis_term(conv, 1, true, 3, true, HaloAlong::none).sum, 3 * conv.out_extent);
  EXPECT_EQ(axis_term(conv, 1, true, 3, true, HaloAlong::output).sum, conv.in_extent);
}

}  // namespace
}  // namespace spad
