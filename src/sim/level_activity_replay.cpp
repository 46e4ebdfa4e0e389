// Tile-by-tile replay of the MAC array's work on the innermost level's tiles
// (see level_activity_replay.hpp).
#include "sim/level_activity_replay.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "sim/activity_replay.hpp"
#include "sim/level_simulator.hpp"

namespace spad {
namespace {

struct Segment {
  Count lo = 0;
  Count extent = 0;
};

// The innermost tiles along d: [0, D) split by level 1's tile, each piece by
// level 2's, and so on.
std::vector<Segment> innermost_segments(const Layer& layer, const LevelSchedule& s, Dim d) {
  std::vector<Segment> current{{0, layer.bound(d)}};
  for (const LevelLoops& level : s.levels) {
    std::vector<Segment> next;
    const Count t = level.tiles[d];
    for (const Segment& parent : current)
      for (Count lo = parent.lo; lo < parent.lo + parent.extent; lo += t)
        next.push_back({lo, std::min(t, parent.lo + parent.extent - lo)});
    current = std::move(next);
  }
  return current;
}

}  // namespace

SimulatedLevelActivity simulate_level_activity(const Layer& layer, const LevelSchedule& schedule,
                                               const LevelAccelerator& accel) {
  validate(accel);
  SimulatedLevelTransfers sim = simulate_level_transfers(layer, schedule, accel.memory);

  PerDim<std::vector<Segment>> segments;
  Count tiles = 1;
  for (Dim d : kAllDims) {
    segments[d] = innermost_segments(layer, schedule, d);
    if (!mul_fits(tiles, static_cast<Count>(segments[d].size()), &tiles) ||
        tiles > kMaxReplayedTiles)
      throw UserError("the schedule has more than " + std::to_string(kMaxReplayedTiles) +
                      " innermost tiles to replay for the accelerator's activity");
  }

  SimulatedLevelActivity out;
  out.traffic = std::move(sim.traffic);
  LevelActivity& a = out.activity;
  a.dma_transfers = std::move(sim.dma_transfers);
  const PerDim<Count>& lanes = accel.mac_array.unroll;
  PerDim<std::size_t> index{};
  for (;;) {
    Count cycles = 1, macs = 1;
    PerTensor<Count> reads{{1, 1, 1}};
    for (Dim d : kAllDims) {
      const Count extent = segments[d][index[d]].extent;
      const Count steps = ceil_div(extent, lanes[d]);
      cycles = mul(cycles, steps);
      macs = mul(macs, extent);
      for (Tensor t : kAllTensors)
        reads[t] = mul(reads[t], indexes(t, d) ? extent : (t == Tensor::O ? 1 : steps));
    }
    a.compute_cycles = add(a.compute_cycles, cycles);
    a.macs = add(a.macs, macs);
    a.operand_reads[Tensor::I] = add(a.operand_reads[Tensor::I], reads[Tensor::I]);
    a.operand_reads[Tensor::W] = add(a.operand_reads[Tensor::W], reads[Tensor::W]);
    a.psum_writes = add(a.psum_writes, reads[Tensor::O]);
    const bool first_reduction = segments[Dim::c][index[Dim::c]].lo == 0 &&
                                 segments[Dim::r][index[Dim::r]].lo == 0 &&
                                 segments[Dim::s][index[Dim::s]].lo == 0;
    if (!first_reduction)
      a.operand_reads[Tensor::O] = add(a.operand_reads[Tensor::O], reads[Tensor::O]);

    std::size_t k = 0;
    for (; k < kNumDims; ++k) {
      const Dim d = kAllDims[k];
      if (++index[d] < segments[d].size()) break;
      index[d] = 0;
    }
    if (k == kNumDims) break;
  }
  return out;
}

}  // namespace spad
