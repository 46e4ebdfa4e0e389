// What the MAC array and the DMA engine do for one schedule, as counts: a
// plain value, counted by formula (model/accel_cost) and by replay
// (sim/activity_replay), which must agree exactly.
#pragma once

#include "base/checked.hpp"
#include "base/dims.hpp"

namespace spad {

// What the MAC array and the DMA engine do for one schedule (counts).
struct Activity {
  Count macs = 0;
  Count compute_cycles = 0;
  PerTensor<Count> operand_reads;  // scratchpad -> datapath, elements (O: partial sums)
  Count psum_writes = 0;           // datapath -> scratchpad, elements of O
  Count dma_transfers = 0;
  friend bool operator==(const Activity&, const Activity&) = default;
};

}  // namespace spad
