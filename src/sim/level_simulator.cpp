// The level simulator's driver: run the flat nest, feed the buffers outermost
// first (an inner fill loads from the outer buffer; O write-backs go
// innermost first, so an outer O buffer still holds what an inner one writes
// back to it), price the counts (see level_simulator.hpp).
#include "sim/level_simulator.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "sim/level_buffer.hpp"
#include "sim/level_nest.hpp"
#include "sim/sim_compulsory.hpp"
#include "sim/tile_simulator.hpp"

namespace spad {
namespace {

using sim::BoundaryCounts;
using sim::LevelBuffer;
using sim::LevelNest;

// Element size of what A's buffers hold and A's reads move (O: partial sums).
Count held_bytes(Tensor t, const Precision& p) {
  switch (t) {
    case Tensor::I:
      return p.input;
    case Tensor::W:
      return p.weight;
    case Tensor::O:
      return p.psum;
  }
  return 0;
}

// Loops at flat positions below the smallest first-outside position lie
// inside every buffer (all of them in level L's group): stepping them never
// changes a held tile, so they are folded (not iterated).
int first_observed_position(const LevelSchedule& schedule) {
  int first = static_cast<int>(kNumDims);
  for (Tensor t : kAllTensors) first = std::min(first, *schedule.levels.back().buffer_span[t]);
  return first;
}

}  // namespace

void check_level_counts(const LevelSchedule& schedule, const MemoryLevels& machine) {
  if (schedule.levels.size() != machine.levels.size())
    throw UserError("the schedule has " + std::to_string(schedule.levels.size()) +
                    " level(s) but the machine has " + std::to_string(machine.levels.size()) +
                    " on-chip level(s): give one buffer capacity per schedule level, "
                    "outermost first");
}

LevelTraffic simulate_levels(const Layer& layer, const LevelSchedule& schedule,
                             const MemoryLevels& machine) {
  return simulate_level_transfers(layer, schedule, machine).traffic;
}

SimulatedLevelTransfers simulate_level_transfers(const Layer& layer, const LevelSchedule& schedule,
                                                 const MemoryLevels& machine) {
  validate(schedule, layer);
  validate(machine);
  check_level_counts(schedule, machine);
  const std::size_t levels = schedule.levels.size();
  const int first = first_observed_position(schedule);
  sim::level_nest_iterations(layer, schedule, first, kMaxLevelSimulatedIterations);

  LevelNest nest(layer, schedule, first);
  // buffers[l][A]: A's buffer at level l, if A does not bypass level l.
  std::vector<PerTensor<std::optional<LevelBuffer>>> buffers(levels);
  for (Tensor t : kAllTensors) {
    std::optional<std::size_t> source;  // the nearest outer level holding t
    for (std::size_t l = 0; l < levels; ++l) {
      if (!schedule.levels[l].buffer_span[t]) continue;
      buffers[l][t].emplace(t, l, source, layer, schedule, nest, machine.halo_reuse);
      source = l;
    }
  }

  std::vector<BoundaryCounts> boundaries(levels);
  std::vector<char> changes(levels, 0);
  do {
    for (Tensor t : kAllTensors) {
      for (std::size_t l = 0; l < levels; ++l)
        changes[l] = buffers[l][t] && buffers[l][t]->changes(nest) ? 1 : 0;
      if (t == Tensor::O)
        for (std::size_t l = levels; l-- > 0;)
          if (changes[l] != 0) buffers[l][t]->write_back(boundaries);
      for (std::size_t l = 0; l < levels; ++l)
        if (changes[l] != 0) buffers[l][t]->fill(nest, boundaries);
    }
  } while (nest.step());
  for (std::size_t l = levels; l-- > 0;)
    if (buffers[l][Tensor::O]) buffers[l][Tensor::O]->write_back(boundaries);

  const Precision& bytes = machine.precision;
  const Count compulsory = sim::compulsory_bytes(layer, bytes);
  SimulatedLevelTransfers result;
  LevelTraffic& out = result.traffic;
  out.levels.resize(levels);
  for (std::size_t l = 0; l < levels; ++l) {
    LevelCost& cost = out.levels[l];
    cost.name = machine.levels[l].name.empty() ? schedule.levels[l].name : machine.levels[l].name;
    for (Tensor t : kAllTensors) {
      ArrayTraffic& a = cost.arrays[t];
      if (const std::optional<LevelBuffer>& buffer = buffers[l][t]) {
        a.buffer_elems = machine.double_buffer ? mul(2, buffer->largest_footprint())
                                               : buffer->largest_footprint();
        a.buffer_bytes = mul(a.buffer_elems, held_bytes(t, bytes));
        a.fills = buffer->fills();
      }
      const BoundaryCounts& crossed = boundaries[l];
      a.reads = crossed.reads[t];
      a.writes = crossed.writes[t];
      a.final_writes = crossed.final_writes[t];
      a.read_bytes = mul(a.reads, held_bytes(t, bytes));
      SPAD_CHECK(a.writes >= a.final_writes, "simulate_levels: fewer writes than final writes");
      a.write_bytes =
          add(mul(a.final_writes, bytes.output), mul(a.writes - a.final_writes, bytes.psum));
      cost.traffic_bytes = add(cost.traffic_bytes, add(a.read_bytes, a.write_bytes));
      cost.buffer_bytes = add(cost.buffer_bytes, a.buffer_bytes);
    }
    cost.compulsory_bytes = compulsory;
    const std::optional<Count>& capacity = machine.levels[l].capacity_bytes;
    cost.fits = !capacity || cost.buffer_bytes <= *capacity;
    Count transfers = 0;
    for (Tensor t : kAllTensors) transfers = add(transfers, boundaries[l].transfers[t]);
    result.dma_transfers.push_back(transfers);
  }
  return result;
}

}  // namespace spad
