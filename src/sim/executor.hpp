// The functional executor: runs a layer's convolution on real (integer)
// numbers through a schedule, the way a scratchpad accelerator would, and
// counts every element that crosses between off-chip memory and the buffers.
//
// Off-chip memory holds I, W and O; the scratchpad holds one buffer per
// array. The tile loops are replayed in schedule.order; whenever the tile an
// array's buffer must hold changes (DESIGN.md "Exact semantics of traffic"),
// that buffer is refilled by DMA:
//   I  every in-bounds element of the new footprint is copied in (padding is
//      never stored; it reads as zero). With machine.halo_reuse, a fill caused
//      by the innermost I-indexing loop outside the buffer (j*_I, trip count
//      > 1) stepping by one along p, q, r or s keeps the elements the new
//      footprint shares with the old one and copies only the others.
//   W  the new tile is copied in.
//   O  the held partial sums are written back, then the new tile's partial
//      sums are read, except elements never written before, which start at 0.
// After the last tile, O is flushed. Each tile's MACs read only buffer
// contents and accumulate into the O buffer; a read of an element that is not
// buffered, or a buffer holding more elements than its size, is an
// InternalError.
//
// Independent of the analytical model and of the tile simulator: the buffer
// sizes come from the executor's own replay (replay_buffer_sizes), or from the
// caller (execute_with_capacity).
#pragma once

#include <cstdint>
#include <functional>

#include "base/checked.hpp"
#include "base/dims.hpp"
#include "model/machine.hpp"
#include "schedule/schedule.hpp"
#include "sim/exec_tensor.hpp"
#include "workload/layer.hpp"

namespace spad {

// What moved through one array's buffer, in elements.
struct ExecArrayCounts {
  Count reads = 0;         // copied off-chip -> buffer
  Count writes = 0;        // copied buffer -> off-chip (O only)
  Count final_writes = 0;  // of the writes, outputs with every MAC done (O only)
  Count fills = 0;         // DMA fills: changes of the held tile, the first included
  Count peak_elems = 0;    // most elements the buffer held at once
  // The capacity enforced (one copy: overlapping DMA with compute changes no
  // count, so the executor runs without the second copy double buffering
  // adds): replay_buffer_sizes, or the capacity given to
  // execute_with_capacity.
  Count capacity_elems = 0;
  friend bool operator==(const ExecArrayCounts&, const ExecArrayCounts&) = default;
};

struct Execution {
  IntTensor4 output;     // O as left off-chip after the final flush (N x M x P x Q)
  IntTensor4 reference;  // reference_conv of the same operands
  PerTensor<ExecArrayCounts> arrays;
  Count macs = 0;  // MACs executed, those reading padding included (= layer.macs())
  bool output_matches() const { return output == reference; }
};

// Called after each tile with the MACs executed so far and the layer's MACs
// (for a progress display; it must not throw).
using ExecuteProgress = std::function<void(Count done, Count total)>;
// The executor runs every MAC and holds I, W and O in memory: layers beyond
// these sizes are refused up front (UserError naming the size), so a run
// takes seconds and a few GiB at most (docs/resource-contract.md).
inline constexpr Count kMaxExecutedMacs = Count{1} << 30;
inline constexpr Count kMaxExecutedTensorElems = Count{1} << 26;

// Throws that UserError when `layer` is beyond these sizes.
void check_execution_limits(const Layer& layer);

// The size (elements, one copy) each buffer needs, found by the executor's
// own replay: the most elements of its array (sim/exec_footprint) any tile
// the buffer holds touches, over every such tile. Independent of the model
// and of the tile simulator: check_execution compares it with the
// simulator's buffer sizes.
PerTensor<Count> replay_buffer_sizes(const Layer& layer, const Schedule& schedule);

// Validates the schedule and machine (UserError), fills I and W with small
// random values from `seed`, and runs the layer through the schedule with
// buffers of replay_buffer_sizes.
Execution execute(const Layer& layer, const Schedule& schedule, const Machine& machine,
                  std::uint64_t seed, const ExecuteProgress& progress = {});

// The same run with explicit single-copy buffer capacities (elements) instead
// of the replay's; for tests that the capacity is really enforced.
Execution execute_with_capacity(const Layer& layer, const Schedule& schedule,
                                const Machine& machine, std::uint64_t seed,
                                const PerTensor<Count>& capacity_elems,
                                const ExecuteProgress& progress = {});

}  // namespace spad
