// The optimum for one layer (public API; part of <spad/spad.hpp>): the
// schedule of least off-chip traffic that fits the scratchpad, over tiles x
// loop order x buffer spans, exactly (proven against brute force in
// tests/search_bruteforce_test.cpp). Ties (DESIGN.md): fewer DMA fills, then
// fewer buffer bytes, then a fixed order on the schedule, so the answer is the
// same for any thread count.
//
// SearchOptions   space (SearchSpace: uniform_spans, fixed_order,
//                 fixed_spans restrict it), threads (0: all hardware threads),
//                 objective (Objective::traffic | latency | energy; latency
//                 and energy need `accelerator`, whose machine must be the
//                 one passed), tie_break (TieBreak::fills_first, or
//                 buffer_first: the least storage reaching the optimum).
// SearchResult    best (std::optional<Candidate>: schedule + traffic; empty
//                 when nothing fits), min_capacity_bytes (the smallest
//                 scratchpad any schedule of the space needs), stats.
#pragma once

#include "search/optimize.hpp"
#include "spad/values.hpp"

namespace spad {

// machine.capacity_bytes must be set (UserError otherwise). An empty `best`
// is not an error: compare the capacity with min_capacity_bytes.
SearchResult optimize(const Layer& layer, const Machine& machine, const SearchOptions& options);

// optimize() with options.tie_break = TieBreak::buffer_first.
SearchResult min_buffer_schedule(const Layer& layer, const Machine& machine, SearchOptions options);

}  // namespace spad
