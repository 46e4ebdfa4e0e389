// The functional executor for several-level schedules: runs a layer's
// convolution on real (integer) numbers through a LevelSchedule, moving data
// level by level the way a stack of scratchpads would (DESIGN.md, "Several
// on-chip levels"), and counts every element at every boundary it crosses.
//
// Off-chip memory holds I, W and O; each level holds one buffer per array that
// does not bypass it. The flat nest is run as nested loops (level 1's
// outermost, each level's loops over the current tile of the level above);
// at each innermost iteration, for each array, every buffer whose held loop
// box changed is refilled, outermost level first, from the nearest outer
// level that holds the array (off-chip if none):
//   I  the in-bounds elements of the new footprint are copied in; with halo
//      reuse, when the only change among the loops outside the buffer that
//      index I is one p/q/r/s loop stepping by one, the elements shared with
//      the old footprint stay and only the others are copied;
//   W  the new tile is copied in;
//   O  first, innermost level first, every changed buffer writes what it holds
//      back to its source; then the new tile's elements are read from the
//      source where a partial sum exists (some MAC already ran), else start
//      at 0.
// The MACs of each innermost tile read only the innermost level's buffers and
// accumulate into its O buffer; at the end the O buffers are flushed
// innermost first. A read of an element a buffer does not hold, or a buffer
// holding more elements than its size, is an InternalError.
//
// Independent of the model and of the level simulator: its buffer sizes come
// from its own enumeration of the tiles (replay_level_buffer_sizes).
#pragma once

#include <cstdint>
#include <vector>

#include "base/checked.hpp"
#include "base/dims.hpp"
#include "model/memory_levels.hpp"
#include "schedule/level_schedule.hpp"
#include "sim/exec_tensor.hpp"
#include "workload/layer.hpp"

namespace spad {

// What one array did at one level, in elements.
struct LevelExecArrayCounts {
  // A's own buffer at this level (all 0 when A bypasses it):
  Count fills = 0;           // changes of the held tile, the first included
  Count peak_elems = 0;      // most elements the buffer held at once
  Count capacity_elems = 0;  // its enforced size (one copy): replay_level_buffer_sizes
  // Elements of A crossing the boundary above this level (either direction):
  Count reads = 0;         // towards the datapath
  Count writes = 0;        // away from it (O only)
  Count final_writes = 0;  // of the writes, outputs with every MAC done (O only)
  friend bool operator==(const LevelExecArrayCounts&, const LevelExecArrayCounts&) = default;
};

struct LevelExecution {
  IntTensor4 output;     // O as left off-chip after the final flush (N x M x P x Q)
  IntTensor4 reference;  // reference_conv of the same operands
  std::vector<PerTensor<LevelExecArrayCounts>> levels;  // outermost first
  Count macs = 0;
  bool output_matches() const { return output == reference; }
};

// The executor holds one copy of each array per level that holds it: beyond
// this many array elements over all buffers (the one-level executor's three
// arrays at their limit) it refuses up front.
inline constexpr Count kMaxExecutedBufferedElems = 3 * (Count{1} << 26);

// The size (elements, one copy) of each buffer: the most elements of its
// array any tile it holds touches, over every such tile; 0 for a bypass.
// levels[l][A] for level l+1. Validates the schedule.
std::vector<PerTensor<Count>> replay_level_buffer_sizes(const Layer& layer,
                                                        const LevelSchedule& schedule);

// Validates the schedule and machine (UserError, as simulate_levels), fills I
// and W with small random values from `seed`, and runs the layer through the
// schedule with buffers of replay_level_buffer_sizes.
LevelExecution execute_levels(const Layer& layer, const LevelSchedule& schedule,
                              const MemoryLevels& machine, std::uint64_t seed);

}  // namespace spad
