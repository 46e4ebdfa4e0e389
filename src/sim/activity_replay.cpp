// Tile-by-tile replay of the MAC array's work (see activity_replay.hpp).
#include "sim/activity_replay.hpp"

#include <algorithm>
#include <string>

#include "base/error.hpp"
#include "sim/tile_simulator.hpp"

namespace spad {
namespace {

Count tile_count(const Layer& layer, const Schedule& schedule) {
  Count tiles = 1;
  for (Dim d : kAllDims) {
    const Count trips = ceil_div(layer.bound(d), schedule.tiles[d]);
    if (!mul_fits(tiles, trips, &tiles) || tiles > kMaxReplayedTiles)
      throw UserError("simulate: the schedule has more than " + std::to_string(kMaxReplayedTiles) +
                      " tiles to replay for the accelerator's activity; use 'evaluate'");
  }
  return tiles;
}

}  // namespace

SimulatedActivity simulate_activity(const Layer& layer, const Schedule& schedule,
                                    const Accelerator& accel) {
  validate(accel);
  const SimulatedTransfers sim = simulate_transfers(layer, schedule, accel.machine);
  tile_count(layer, schedule);

  SimulatedActivity out;
  out.traffic = sim.traffic;
  Activity& a = out.activity;
  a.dma_transfers = sim.dma_transfers;
  const PerDim<Count>& lanes = accel.mac_array.unroll;

  // Tile index per loop, as an odometer over all eight loops.
  PerDim<Count> index{};
  for (;;) {
    PerDim<Count> extent;
    for (Dim d : kAllDims) {
      const Count start = index[d] * schedule.tiles[d];
      extent[d] = std::min(schedule.tiles[d], layer.bound(d) - start);
    }
    Count cycles = 1, macs = 1;
    PerTensor<Count> reads{{1, 1, 1}};
    for (Dim d : kAllDims) {
      const Count steps = ceil_div(extent[d], lanes[d]);
      cycles = mul(cycles, steps);
      macs = mul(macs, extent[d]);
      for (Tensor t : {Tensor::I, Tensor::W, Tensor::O})
        reads[t] = mul(reads[t], indexes(t, d) ? extent[d] : (t == Tensor::O ? 1 : steps));
    }
    a.compute_cycles = add(a.compute_cycles, cycles);
    a.macs = add(a.macs, macs);
    a.operand_reads[Tensor::I] = add(a.operand_reads[Tensor::I], reads[Tensor::I]);
    a.operand_reads[Tensor::W] = add(a.operand_reads[Tensor::W], reads[Tensor::W]);
    a.psum_writes = add(a.psum_writes, reads[Tensor::O]);
    const bool first_reduction = index[Dim::c] == 0 && index[Dim::r] == 0 && index[Dim::s] == 0;
    if (!first_reduction)
      a.operand_reads[Tensor::O] = add(a.operand_reads[Tensor::O], reads[Tensor::O]);

    std::size_t k = 0;
    for (; k < kNumDims; ++k) {
      const Dim d = kAllDims[k];
      if (++index[d] * schedule.tiles[d] < layer.bound(d)) break;
      index[d] = 0;
    }
    if (k == kNumDims) break;
  }
  return out;
}

}  // namespace spad
