// What the MAC array and the DMA engine do for one schedule, as counts: a
// plain value, counted by formula (model/accel_cost) and by replay
// (sim/activity_replay), which must agree exactly.
#pragma once

#include <vector>

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

// The same for a schedule of several on-chip levels (DESIGN.md, "Several
// on-chip levels"): the datapath works on the innermost level's tiles and
// reads from and writes to the innermost level's buffers; the DMA transfers
// are counted per boundary, outermost first (dma_transfers[0]: off-chip <->
// level 1). Counted by formula (model/level_accel_cost) and by replay
// (sim/level_activity_replay), which must agree exactly.
struct LevelActivity {
  Count macs = 0;
  Count compute_cycles = 0;
  PerTensor<Count> operand_reads;  // innermost level -> datapath, elements (O: partial sums)
  Count psum_writes = 0;           // datapath -> innermost level, elements of O
  std::vector<Count> dma_transfers;
  friend bool operator==(const LevelActivity&, const LevelActivity&) = default;
};

}  // namespace spad
