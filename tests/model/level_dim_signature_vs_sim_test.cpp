// The claim behind the level search's chain reduction (model/level_dim_signature,
// search/level_tile_chains): along n, g, m or c, two tile chains with equal
// signatures give every count of every buffer at every level the same value,
// and a componentwise smaller chain gives no larger buffers. Checked on random
// layers x two- and three-level schedules (partial tiles, bypass, halo, double
// buffering) by replacing one dimension's chain with every other chain of its
// signature and replaying the result with the LEVEL SIMULATOR (independent of
// the model the signature is read from).
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "model/level_dim_signature.hpp"
#include "model/level_evaluate.hpp"
#include "random_level_cases.hpp"
#include "sim/level_simulator.hpp"

namespace spad {
namespace {

using testing::Rng;
using testing::uniform;

std::array<Count, kMaxLevels> chain_of(const LevelSchedule& s, Dim d, Count extent) {
  std::array<Count, kMaxLevels> out{};
  Count enclosing = extent;
  for (std::size_t l = 0; l < s.levels.size(); ++l) {
    enclosing = std::min(enclosing, s.levels[l].tiles[d]);
    out[l] = enclosing;
  }
  return out;
}

void all_chains(Count extent, std::size_t levels, std::array<Count, kMaxLevels>& chain,
                std::size_t l, std::vector<std::array<Count, kMaxLevels>>& out) {
  if (l == levels) {
    out.push_back(chain);
    return;
  }
  const Count top = l == 0 ? extent : chain[l - 1];
  for (Count t = 1; t <= top; ++t) {
    chain[l] = t;
    all_chains(extent, levels, chain, l + 1, out);
  }
}

// Every field but the buffer sizes and fits.
void expect_same_counts(const LevelTraffic& got, const LevelTraffic& want, const std::string& at) {
  ASSERT_EQ(got.levels.size(), want.levels.size()) << at;
  for (std::size_t l = 0; l < want.levels.size(); ++l) {
    const LevelCost& g = got.levels[l];
    const LevelCost& w = want.levels[l];
    EXPECT_EQ(g.traffic_bytes, w.traffic_bytes) << at << " level " << l + 1;
    for (Tensor a : kAllTensors) {
      const ArrayTraffic& x = g.arrays[a];
      const ArrayTraffic& y = w.arrays[a];
      EXPECT_EQ(x.fills, y.fills) << at << " level " << l + 1 << " " << tensor_name(a);
      EXPECT_EQ(x.reads, y.reads) << at << " level " << l + 1 << " " << tensor_name(a);
      EXPECT_EQ(x.writes, y.writes) << at << " level " << l + 1 << " " << tensor_name(a);
      EXPECT_EQ(x.final_writes, y.final_writes) << at << " level " << l + 1;
      EXPECT_EQ(x.read_bytes, y.read_bytes) << at << " level " << l + 1;
      EXPECT_EQ(x.write_bytes, y.write_bytes) << at << " level " << l + 1;
    }
  }
}

TEST(LevelDimSignatureVsSim, EqualSignaturesGiveEqualCounts) {
  Rng rng(20261201);
  constexpr std::array<Dim, 4> kBoxDims = {Dim::n, Dim::g, Dim::m, Dim::c};
  int compared = 0, smaller = 0;
  for (int round = 0; round < 2000; ++round) {
    // A random layer with the chosen dimension made long enough for
    // partial tiles at every level.
    const Dim d = kBoxDims[static_cast<std::size_t>(uniform(rng, 0, 3))];
    LayerSpec spec = testing::random_layer(rng, 6).spec();
    if (d == Dim::n) spec.N = uniform(rng, 4, 12);
    if (d == Dim::g) {
      spec.groups = uniform(rng, 4, 12);
      spec.C = spec.groups * uniform(rng, 1, 2);
      spec.M = spec.groups * uniform(rng, 1, 2);
    }
    if (d == Dim::m) spec.M = spec.groups * uniform(rng, 4, 12);
    if (d == Dim::c) spec.C = spec.groups * uniform(rng, 4, 12);
    const Layer layer(spec);
    const std::size_t levels = static_cast<std::size_t>(uniform(rng, 2, 3));
    const LevelSchedule s = testing::random_level_schedule(rng, layer, levels);
    const MemoryLevels m = testing::random_memory_levels(rng, levels);
    const Count extent = layer.bound(d);
    const std::array<Count, kMaxLevels> x = chain_of(s, d, extent);
    const LevelDimSignature sx = level_dim_signature(extent, x, static_cast<int>(levels));
    const LevelTraffic base = evaluate_levels(layer, s, m);
    std::vector<std::array<Count, kMaxLevels>> chains;
    std::array<Count, kMaxLevels> chain{};
    all_chains(extent, levels, chain, 0, chains);
    for (const std::array<Count, kMaxLevels>& y : chains) {
      if (y == x || level_dim_signature(extent, y, static_cast<int>(levels)) != sx) continue;
      LevelSchedule t = s;
      for (std::size_t l = 0; l < levels; ++l) t.levels[l].tiles[d] = y[l];
      const std::string at = "round " + std::to_string(round) + " dim " + std::string(dim_name(d));
      const LevelTraffic replayed = simulate_levels(layer, t, m);
      expect_same_counts(replayed, base, at);
      ++compared;
      bool le = true;
      for (std::size_t l = 0; l < levels; ++l) le = le && y[l] <= x[l];
      if (!le) continue;
      ++smaller;
      for (std::size_t l = 0; l < levels; ++l) {
        EXPECT_LE(replayed.levels[l].buffer_bytes, base.levels[l].buffer_bytes) << at;
        for (Tensor a : kAllTensors)
          EXPECT_LE(replayed.levels[l].arrays[a].buffer_elems,
                    base.levels[l].arrays[a].buffer_elems)
              << at;
      }
      if (::testing::Test::HasFailure()) return;
    }
  }
  // The property must have been exercised, smaller chains included.
  EXPECT_GT(compared, 1500);
  EXPECT_GT(smaller, 500);
  std::printf("equal-signature replacements replayed: %d (%d componentwise smaller)\n", compared,
              smaller);
}

// Different signatures do occur for chains with the same node counts per
// level, so the signature is not just (nodes per level): hand case, extent
// 10, chains (5, 3) and (7, 3) both make 2 level-1 and 4 level-2 nodes, but
// (7, 3)'s level-1 node of size 3 makes a single level-2 trip, (5, 3)'s none.
TEST(LevelDimSignatureVsSim, NodeCountsAloneAreNotTheSignature) {
  const LevelDimSignature a = level_dim_signature(10, {5, 3, 0, 0}, 2);
  const LevelDimSignature b = level_dim_signature(10, {7, 3, 0, 0}, 2);
  EXPECT_EQ(a[1], 2);
  EXPECT_EQ(b[1], 2);
  EXPECT_EQ(a[2], 4);
  EXPECT_EQ(b[2], 4);
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace spad
