// A schedule with its cost, and the total order the search minimises: the
// objective and its secondary term (search/objective: traffic bytes and 0 by
// default; latency then energy; energy then latency), then traffic bytes,
// buffer bytes, DMA fills, then a fixed order on the schedule itself (order,
// tiles, spans) so ties are broken the same way whatever the thread count.
#pragma once

#include <tuple>

#include "model/traffic.hpp"
#include "schedule/schedule.hpp"

namespace spad {

struct Candidate {
  Schedule schedule;
  Traffic traffic;
  Count objective = 0;  // the objective's value (= traffic bytes for the traffic objective)
  Count secondary = 0;  // its tie-breaker (0 for the traffic objective)
};

inline auto objective_key(const Candidate& c) {
  std::array<int, kNumDims> order{};
  for (std::size_t i = 0; i < kNumDims; ++i)
    order[i] = static_cast<int>(index(c.schedule.order[i]));
  return std::tuple(c.objective, c.secondary, c.traffic.traffic_bytes, c.traffic.buffer_bytes,
                    c.traffic.total_fills(), order, c.schedule.tiles.v, c.schedule.buffer_span.v);
}

inline bool better(const Candidate& a, const Candidate& b) {
  return objective_key(a) < objective_key(b);
}

}  // namespace spad
