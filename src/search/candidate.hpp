// A schedule with its cost, and the total order the search minimises: the
// objective and its secondary term (search/objective: traffic bytes and 0 by
// default; latency then energy; energy then latency), then traffic bytes,
// then DMA fills and buffer bytes (DESIGN.md: fewer fills first; the
// min-buffer query puts buffer bytes first), then a fixed order on the
// schedule itself (order, tiles, spans) so ties are broken the same way
// whatever the thread count.
#pragma once

#include <array>
#include <tuple>

#include "model/traffic.hpp"
#include "schedule/schedule.hpp"

namespace spad {

// How equal-traffic schedules are ordered after the leading terms.
//   fills_first:  fewer DMA fills (summed over the arrays), then fewer buffer
//                 bytes (DESIGN.md's order).
//   buffer_first: fewer buffer bytes, then fewer fills: "the least storage
//                 that reaches this traffic" (optimize --min-buffer).
enum class TieBreak { fills_first, buffer_first };

struct Candidate {
  Schedule schedule;
  Traffic traffic;
  Count objective = 0;  // the objective's value (= traffic bytes for the traffic objective)
  Count secondary = 0;  // its tie-breaker (0 for the traffic objective)
  TieBreak tie_break = TieBreak::fills_first;
};

// The two tie terms (fills, buffer bytes) in the order `tie_break` gives them.
inline std::pair<Count, Count> tie_terms(TieBreak tie_break, Count fills, Count buffer) {
  return tie_break == TieBreak::fills_first ? std::pair{fills, buffer} : std::pair{buffer, fills};
}

inline auto objective_key(const Candidate& c) {
  std::array<int, kNumDims> order{};
  for (std::size_t i = 0; i < kNumDims; ++i)
    order[i] = static_cast<int>(index(c.schedule.order[i]));
  const auto [first, second] =
      tie_terms(c.tie_break, c.traffic.total_fills(), c.traffic.buffer_bytes);
  return std::tuple(c.objective, c.secondary, c.traffic.traffic_bytes, first, second, order,
                    c.schedule.tiles.v, c.schedule.buffer_span.v);
}

// Only candidates of one search (one tie_break) are compared.
inline bool better(const Candidate& a, const Candidate& b) {
  return objective_key(a) < objective_key(b);
}

}  // namespace spad
