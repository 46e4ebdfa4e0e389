// The tile-level simulator's driver: run the loops, feed the buffers, price
// the counts (see tile_simulator.hpp).
#include "sim/tile_simulator.hpp"

#include <algorithm>
#include <string>

#include "base/error.hpp"
#include "sim/sim_buffers.hpp"
#include "sim/sim_compulsory.hpp"
#include "sim/sim_held_tile.hpp"
#include "sim/sim_input_footprint.hpp"
#include "sim/sim_odometer.hpp"

namespace spad {
namespace {

using sim::BufferCounts;

// Loops at positions below the smallest span lie inside every buffer: stepping
// them never changes a held tile, so they are folded (not iterated).
int first_observed_position(const Schedule& schedule) {
  int first = static_cast<int>(kNumDims);
  for (Tensor t : kAllTensors) first = std::min(first, schedule.buffer_span[t]);
  return first;
}

Count iterations(const Schedule& schedule, const PerDim<Count>& trips, int first) {
  Count total = 1;
  for (int pos = first; pos < static_cast<int>(kNumDims); ++pos) {
    const Count t = trips[schedule.order[pos]];
    if (!mul_fits(total, t, &total) || total > kMaxSimulatedIterations)
      throw UserError("simulate: the schedule has more than " +
                      std::to_string(kMaxSimulatedIterations) +
                      " tile iterations to replay; use 'evaluate' (the analytical model) "
                      "or larger tiles / buffer spans");
  }
  return total;
}

// Buffer and read bytes of one array; `bytes` is the element size its buffer
// holds and its reads move (O: partial sums). O's write bytes are set apart.
ArrayTraffic priced(const BufferCounts& c, Count bytes, bool double_buffer) {
  ArrayTraffic a;
  a.buffer_elems = double_buffer ? mul(2, c.largest_footprint) : c.largest_footprint;
  a.buffer_bytes = mul(a.buffer_elems, bytes);
  a.reads = c.reads;
  a.writes = c.writes;
  a.final_writes = c.final_writes;
  a.fills = c.fills;
  a.read_bytes = mul(c.reads, bytes);
  return a;
}

}  // namespace

Traffic simulate(const Layer& layer, const Schedule& schedule, const Machine& machine) {
  return simulate_transfers(layer, schedule, machine).traffic;
}

SimulatedTransfers simulate_transfers(const Layer& layer, const Schedule& schedule,
                                      const Machine& machine) {
  validate(schedule, layer);
  validate(machine);
  const PerDim<Count> trips = trip_counts(schedule, layer);
  const int first = first_observed_position(schedule);
  iterations(schedule, trips, first);  // bounds the replay

  sim::InputBuffer input(layer, schedule, machine);
  sim::WeightBuffer weight(layer, schedule);
  sim::OutputBuffer output(layer, schedule);
  sim::LoopOdometer loops(schedule.order, trips, first);
  do {
    input.visit(loops.index());
    weight.visit(loops.index());
    output.visit(loops.index());
  } while (loops.step());
  output.finish();

  const Precision& bytes = machine.precision;
  Traffic t;
  t.arrays[Tensor::I] = priced(input.counts(), bytes.input, machine.double_buffer);
  t.arrays[Tensor::W] = priced(weight.counts(), bytes.weight, machine.double_buffer);
  ArrayTraffic& o = t.arrays[Tensor::O];
  o = priced(output.counts(), bytes.psum, machine.double_buffer);
  SPAD_CHECK(o.writes >= o.final_writes, "simulate: fewer writes than final writes");
  o.write_bytes =
      add(mul(o.final_writes, bytes.output), mul(o.writes - o.final_writes, bytes.psum));

  for (Tensor a : kAllTensors) {
    const ArrayTraffic& x = t.arrays[a];
    t.traffic_bytes = add(t.traffic_bytes, add(x.read_bytes, x.write_bytes));
    t.buffer_bytes = add(t.buffer_bytes, x.buffer_bytes);
  }
  t.compulsory_bytes = sim::compulsory_bytes(layer, bytes);
  t.fits = !machine.capacity_bytes || t.buffer_bytes <= *machine.capacity_bytes;
  const Count transfers = add(add(input.counts().fills, weight.counts().fills),
                              add(output.counts().fills, output.counts().read_fills));
  return SimulatedTransfers{t, transfers};
}

}  // namespace spad
