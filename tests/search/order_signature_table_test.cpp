// search/order_signature_table's claim, checked by the level SIMULATOR (which
// replays the flat nest and shares no formula with the table): two buffers
// of an array at one level with equal signatures (one order and span each,
// the rest of the schedule equal) hold, fill and move exactly the same; at
// the innermost level, and at an outer level whatever the deeper levels are
// (the level search uses it at every level). Random tiny layers, two and three levels with partial
// tiles at every level, bypasses at the outer levels, halo reuse and double buffering on and off;
// the second buffer is drawn among those of equal signature, so the pairs are mostly different
// orders and spans (counted, so the test cannot pass vacuously). The table's numbering is checked
// against buffer_signature, and the spans outside the signature's classes are checked to be told
// apart where the simulator tells them apart.
#include "search/order_signature_table.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <vector>

#include "model/level_accel_cost.hpp"
#include "random_level_cases.hpp"
#include "sim/level_simulator.hpp"

namespace spad {
namespace {

using testing::Rng;
using testing::uniform;

struct Innermost {
  std::size_t noops = 0;
  LiveDims live = 0;
};

// Level `level` of `s` in the search's canonical form (level_search.hpp):
// tiles clipped to the enclosing tile, one-trip loops innermost in
// n g m c p q r s order.
Innermost canonicalise(const Layer& layer, LevelSchedule& s, std::size_t level) {
  PerDim<Count> enclosing = layer.bounds();
  for (std::size_t l = 0; l < level; ++l)
    for (Dim d : kAllDims) enclosing[d] = std::min(enclosing[d], s.levels[l].tiles[d]);
  LevelLoops& last = s.levels[level];
  Innermost out;
  std::size_t pos = 0;
  for (Dim d : kAllDims) {
    last.tiles[d] = std::min(last.tiles[d], enclosing[d]);
    if (last.tiles[d] >= enclosing[d]) last.order[pos++] = d;
  }
  out.noops = pos;
  for (Dim d : kAllDims)
    if (last.tiles[d] < enclosing[d]) {
      last.order[pos++] = d;
      out.live = static_cast<LiveDims>(out.live | (1u << index(d)));
    }
  return out;
}

void set_level(LevelSchedule& s, std::size_t level, const OrderSignatureTable& t,
               const Innermost& in, std::size_t order, std::size_t spanned) {
  LevelLoops& last = s.levels[level];
  for (std::size_t k = 0; k < t.live; ++k) last.order[in.noops + k] = t.orders[order][k];
  const int span = spanned == 0 ? 0 : static_cast<int>(in.noops + spanned);
  for (Tensor a : kAllTensors) last.buffer_span[a] = span;
}

TEST(OrderSignatureTable, EqualSignaturesMeanEqualBuffersInTheSimulator) {
  Rng rng(20261201);
  int compared = 0, different_orders = 0, different_spans = 0, told_apart = 0;
  for (int c = 0; c < 8000; ++c) {
    const Layer layer = testing::random_layer(rng, 5);
    const std::size_t levels = uniform(rng, 0, 3) == 0 ? 3 : 2;
    LevelSchedule s = testing::random_level_schedule(rng, layer, levels);
    MemoryLevels m = testing::random_memory_levels(rng, levels);
    for (MemoryLevel& l : m.levels) l.capacity_bytes.reset();
    const std::size_t level = uniform(rng, 0, 1) == 0
                                  ? levels - 1
                                  : static_cast<std::size_t>(uniform(rng, 0, Count(levels) - 2));
    const Innermost in = canonicalise(layer, s, level);
    if (in.live == 0) continue;
    const OrderSignatureTable& t = order_signature_table(in.live, m.halo_reuse);
    ASSERT_EQ(t.orders.size(), t.signature.size());
    const Tensor a = kAllTensors[static_cast<std::size_t>(uniform(rng, 0, 2))];
    const std::size_t i = static_cast<std::size_t>(uniform(rng, 0, Count(t.orders.size()) - 1));
    const std::size_t j = static_cast<std::size_t>(uniform(rng, 0, Count(t.live)));
    // The table numbers buffer_signature's values.
    ASSERT_EQ(t.signature[i][a][j] == t.signature[0][a][0],
              buffer_signature(a, t.orders[i].data(), t.live, j, m.halo_reuse) ==
                  buffer_signature(a, t.orders[0].data(), t.live, 0, m.halo_reuse));
    // Every (order, span) of equal signature; one drawn at random.
    std::vector<std::pair<std::size_t, std::size_t>> same;
    for (std::size_t i2 = 0; i2 < t.orders.size(); ++i2)
      for (std::size_t j2 = 0; j2 <= t.live; ++j2)
        if (t.signature[i2][a][j2] == t.signature[i][a][j]) same.emplace_back(i2, j2);
    const auto [i2, j2] = same[static_cast<std::size_t>(uniform(rng, 0, Count(same.size()) - 1))];
    LevelSchedule x = s, y = s;
    set_level(x, level, t, in, i, j);
    set_level(y, level, t, in, i2, j2);
    const LevelTraffic tx = simulate_levels(layer, x, m);
    const LevelTraffic ty = simulate_levels(layer, y, m);
    ASSERT_EQ(tx.levels[level].arrays[a], ty.levels[level].arrays[a])
        << "array " << index(a) << ", order " << i << " span " << j << " vs order " << i2
        << " span " << j2 << ", level " << level << " of " << levels;
    ++compared;
    different_orders += i2 != i;
    different_spans += j2 != j;
    // A different signature is allowed to give equal buffers, but the
    // signature must not merge everything: count the pairs it keeps apart
    // that the simulator also tells apart.
    const std::size_t j3 = static_cast<std::size_t>(uniform(rng, 0, Count(t.live)));
    if (t.signature[i][a][j3] != t.signature[i][a][j]) {
      LevelSchedule z = s;
      set_level(z, level, t, in, i, j3);
      told_apart +=
          simulate_levels(layer, z, m).levels[level].arrays[a] != tx.levels[level].arrays[a];
    }
  }
  std::printf("compared %d, different orders %d, spans %d, told apart %d\n", compared,
              different_orders, different_spans, told_apart);
  EXPECT_GT(compared, 5000);
  EXPECT_GT(different_orders, 600);
  EXPECT_GT(different_spans, 300);
  EXPECT_GT(told_apart, 300);
}

// Hand-derived: with live loops m, c, p (innermost first) and no halo reuse,
// O (indexed by m and p, not c) spanning nothing sees the outside sequence
// m, c, p; spanning m it sees c, p, where c indexes no O and leads, so it is
// dropped: p alone, the same as spanning m and c. I (c and p index it, m
// does not) spanning m sees c, p; spanning m and c, p alone: different.
TEST(OrderSignatureTable, SignaturesByHand) {
  const Dim order[] = {Dim::m, Dim::c, Dim::p};
  EXPECT_EQ(buffer_signature(Tensor::O, order, 3, 1, false),
            buffer_signature(Tensor::O, order, 3, 2, false));
  EXPECT_NE(buffer_signature(Tensor::O, order, 3, 0, false),
            buffer_signature(Tensor::O, order, 3, 1, false));
  EXPECT_NE(buffer_signature(Tensor::I, order, 3, 1, false),
            buffer_signature(Tensor::I, order, 3, 2, false));
  // c and p both index I: outside a span of m they swap without halo reuse,
  // not with it (p may make a halo fill).
  const Dim swapped[] = {Dim::m, Dim::p, Dim::c};
  EXPECT_EQ(buffer_signature(Tensor::I, order, 3, 1, false),
            buffer_signature(Tensor::I, swapped, 3, 1, false));
  EXPECT_NE(buffer_signature(Tensor::I, order, 3, 1, true),
            buffer_signature(Tensor::I, swapped, 3, 1, true));
}

// "What the deeper levels see": two orders of an outer level with equal
// deeper signatures for A give every deeper buffer of A the same counts in
// the simulator (the level's own buffers may differ; every level's spans and
// bypasses, as drawn), and the same DMA transfers (model/level_accel_cost).
TEST(OrderSignatureTable, EqualDeeperSignaturesMeanEqualDeeperBuffersInTheSimulator) {
  Rng rng(20261202);
  int compared = 0, different_orders = 0, told_apart = 0;
  for (int c = 0; c < 6000; ++c) {
    const Layer layer = testing::random_layer(rng, 5);
    const std::size_t levels = uniform(rng, 0, 3) == 0 ? 3 : 2;
    LevelSchedule s = testing::random_level_schedule(rng, layer, levels);
    MemoryLevels m = testing::random_memory_levels(rng, levels);
    for (MemoryLevel& l : m.levels) l.capacity_bytes.reset();
    const std::size_t level = static_cast<std::size_t>(uniform(rng, 0, Count(levels) - 2));
    const Innermost in = canonicalise(layer, s, level);
    if (in.live == 0) continue;
    const OrderSignatureTable& t = order_signature_table(in.live, m.halo_reuse);
    ASSERT_EQ(t.orders.size(), t.deeper.size());
    const Tensor a = kAllTensors[static_cast<std::size_t>(uniform(rng, 0, 2))];
    const std::size_t i = static_cast<std::size_t>(uniform(rng, 0, Count(t.orders.size()) - 1));
    std::vector<std::size_t> same, other;
    for (std::size_t i2 = 0; i2 < t.orders.size(); ++i2)
      (t.deeper[i2][a] == t.deeper[i][a] ? same : other).push_back(i2);
    ASSERT_EQ(t.deeper[i][a] == t.deeper[0][a],
              deeper_signature(a, t.orders[i].data(), t.live, m.halo_reuse) ==
                  deeper_signature(a, t.orders[0].data(), t.live, m.halo_reuse));
    const std::size_t i2 = same[static_cast<std::size_t>(uniform(rng, 0, Count(same.size()) - 1))];
    const auto with_order = [&](std::size_t k) {
      LevelSchedule x = s;
      for (std::size_t d = 0; d < t.live; ++d) x.levels[level].order[in.noops + d] = t.orders[k][d];
      return x;
    };
    const LevelSchedule x = with_order(i), y = with_order(i2);
    const LevelTraffic tx = simulate_levels(layer, x, m), ty = simulate_levels(layer, y, m);
    for (std::size_t deeper = level + 1; deeper < levels; ++deeper) {
      ASSERT_EQ(tx.levels[deeper].arrays[a], ty.levels[deeper].arrays[a])
          << "array " << index(a) << ", order " << i << " vs " << i2 << " of level " << level
          << ", level " << deeper << " of " << levels;
      if (!x.levels[deeper].buffer_span[a]) continue;
      const Count fills = tx.levels[deeper].arrays[a].fills;
      ASSERT_EQ(level_buffer_transfers(layer, x, deeper, a, fills),
                level_buffer_transfers(layer, y, deeper, a, fills));
    }
    ++compared;
    different_orders += i2 != i;
    // Not everything merged: a different deeper signature that the simulator
    // also tells apart at some deeper level.
    if (other.empty()) continue;
    const LevelSchedule z =
        with_order(other[static_cast<std::size_t>(uniform(rng, 0, Count(other.size()) - 1))]);
    const LevelTraffic tz = simulate_levels(layer, z, m);
    bool apart = false;
    for (std::size_t deeper = level + 1; deeper < levels; ++deeper)
      apart = apart || tz.levels[deeper].arrays[a] != tx.levels[deeper].arrays[a];
    told_apart += apart;
  }
  std::printf("compared %d, different orders %d, told apart %d\n", compared, different_orders,
              told_apart);
  EXPECT_GT(compared, 4000);
  EXPECT_GT(different_orders, 1000);
  EXPECT_GT(told_apart, 300);
}

// A fixed order's table numbers buffer_signature's values for its one
// order, all 8 loops live. Hand-derived: in n g m c p q r s, O (indexed by n,
// g, m, p, q) spanning n g m sees c first outside, which indexes no O and is
// dropped: the same as spanning n g m c. I (indexed by c) tells them apart.
TEST(OrderSignatureTable, FixedOrderTableNumbersTheSignatures) {
  std::array<Dim, kNumDims> order{Dim::n, Dim::g, Dim::m, Dim::c, Dim::p, Dim::q, Dim::r, Dim::s};
  const OrderSignatureTable hand = fixed_order_table(order, false);
  ASSERT_EQ(hand.orders.size(), 1u);
  EXPECT_EQ(hand.live, kNumDims);
  EXPECT_EQ(hand.signature[0][Tensor::O][3], hand.signature[0][Tensor::O][4]);
  EXPECT_NE(hand.signature[0][Tensor::I][3], hand.signature[0][Tensor::I][4]);
  Rng rng(20261203);
  for (int c = 0; c < 200; ++c) {
    std::shuffle(order.begin(), order.end(), rng);
    const bool halo = uniform(rng, 0, 1) == 1;
    const OrderSignatureTable t = fixed_order_table(order, halo);
    ASSERT_EQ(t.orders[0], order);
    for (Tensor a : kAllTensors)
      for (std::size_t j = 0; j <= kNumDims; ++j)
        for (std::size_t k = 0; k <= kNumDims; ++k)
          ASSERT_EQ(t.signature[0][a][j] == t.signature[0][a][k],
                    buffer_signature(a, order.data(), kNumDims, j, halo) ==
                        buffer_signature(a, order.data(), kNumDims, k, halo));
  }
}

}  // namespace
}  // namespace spad
