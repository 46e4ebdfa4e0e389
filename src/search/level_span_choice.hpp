// The spans and bypasses of a several-level schedule whose tiles and orders
// are fixed (DESIGN.md, "Several on-chip levels"): a small exact choice.
//
// With every level's tiles and order fixed, A's buffer at level l with span k
// holds, fills and moves the same whatever the other arrays' spans and
// whichever levels A bypasses (its content and fills depend only on the
// groups of levels 1..l and its own span: model/level_evaluate counts each
// buffer from those alone), and what crosses boundary b for A is what A's
// first buffer at a level >= b moves. So each array's choice (a span or a
// bypass per level) has its own capacity use per level, bytes per boundary
// and fills, and the arrays interact only through the per-level capacity
// sums: the exact answer is the best feasible triple of per-array choices.
//
// On an accelerator (search/level_objective) the key starts with latency or
// energy, which are not sums over the arrays (overlapped latency is a max of
// sums): every feasible triple is costed whole by the model
// (model/level_accel_cost's level_cost_from_inputs) from the arrays' summed
// bytes, transfers, first-load and last-store bytes and SRAM bytes per
// boundary and level, and the datapath's terms of the fixed tiles.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "base/checked.hpp"
#include "base/dims.hpp"
#include "search/level_objective.hpp"
#include "search/level_search_space.hpp"

namespace spad {

// What one buffer (one array, one level, one span) holds and moves.
struct BufferRecord {
  Count cap = 0;    // buffer bytes (double buffering included)
  Count fills = 0;  // fills of this buffer
  Count cross = 0;  // bytes it moves (loads, and O's write-backs) across the boundary above
  // On an accelerator only (0 otherwise): its DMA transfers across the
  // boundary above (model/level_accel_cost's level_buffer_transfers), and
  // one copy of it at its first load (I, W: buffer bytes) or last write-back
  // (O: elements at output precision).
  Count transfers = 0;
  Count exposed = 0;
};

// Level l's candidate spans and, per span and array, its buffer's record.
struct LevelRecords {
  std::vector<int> spans;                     // spans[0] == 0
  std::vector<PerTensor<BufferRecord>> rows;  // rows[i] for spans[i]
};

// The chosen spans: span[l][A], -1 for a bypass.
struct SpanChoice {
  std::vector<PerTensor<int>> span;
  // The objective's key (search/level_objective), exact for this choice.
  std::vector<Count> key;
};

// What the key needs besides the buffers: the objective and, on an
// accelerator, the datapath's terms of the fixed tiles (count_level_activity).
struct SpanObjective {
  LevelObjective objective;
  Count macs = 0, compute_cycles = 0, datapath_bytes = 0;
};

// The least (the objective's key, spans level by level outermost first, I W
// O, bypass before 0) among the choices where every level's buffers fit its capacity; none
// when no choice fits. levels.size() == capacity.size() >= 1; bypass is
// allowed at every level but the last. Only the choices of `space` are
// considered: its fixed_spans (each array's span or bypass per level, which
// must be among the levels' spans) and uniform_spans (I, W and O share each
// level's span, no bypass); its fixed_orders are the caller's.
// With `bar`, only choices whose key is at most *bar are considered (none:
// nothing fits or every choice's key is above the bar).
std::optional<SpanChoice> choose_spans(const std::vector<const LevelRecords*>& levels,
                                       const std::vector<Count>& capacity,
                                       const LevelSearchSpace& space = {},
                                       const SpanObjective& objective = {},
                                       const std::vector<Count>* bar = nullptr);

}  // namespace spad
